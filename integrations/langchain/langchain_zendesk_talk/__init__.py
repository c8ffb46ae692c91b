"""LangChain tools for Zendesk Talk (Voice).

::

    from langchain_zendesk_talk import ZendeskTalkToolkit

    tools = ZendeskTalkToolkit(connector=connector).get_tools()
"""

from importlib import metadata

from langchain_zendesk_talk.toolkit import ZendeskTalkToolkit
from langchain_zendesk_talk.tools import ZendeskTalkTool

try:
    __version__ = metadata.version("langchain-zendesk-talk")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = ""

__all__ = ["ZendeskTalkTool", "ZendeskTalkToolkit", "__version__"]

"""LlamaIndex tools for Zendesk Talk (Voice).

::

    from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec

    tools = ZendeskTalkToolSpec(connector=connector).to_tool_list()
"""

from llama_index.tools.zendesk_talk.base import (
    ZendeskTalkTool,
    ZendeskTalkToolMetadata,
    ZendeskTalkToolSpec,
)

__all__ = ["ZendeskTalkTool", "ZendeskTalkToolMetadata", "ZendeskTalkToolSpec"]

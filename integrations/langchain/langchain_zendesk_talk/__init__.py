"""LangChain tools for Zendesk Talk (Voice).

::

    from langchain_zendesk_talk import ZendeskTalkToolkit

    tools = ZendeskTalkToolkit(connector=connector).get_tools()

The names below are imported on first access, so ``import langchain_zendesk_talk`` costs
next to nothing beyond LangChain itself until a toolkit is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from langchain_zendesk_talk.toolkit import ZendeskTalkToolkit
    from langchain_zendesk_talk.tools import ZendeskTalkTool

__all__ = ["ZendeskTalkTool", "ZendeskTalkToolkit", "__version__"]

_MODULE_OF = {"ZendeskTalkToolkit": "toolkit", "ZendeskTalkTool": "tools"}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib import metadata

        try:
            value: Any = metadata.version("langchain-zendesk-talk")
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = ""
    elif name in _MODULE_OF:
        value = getattr(import_module(f".{_MODULE_OF[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return __all__

"""LlamaIndex tools for Zendesk Talk (Voice).

::

    from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec

    tools = ZendeskTalkToolSpec(connector=connector).to_tool_list()

The names below are imported on first access, so importing the package costs next to
nothing beyond LlamaIndex itself until a tool spec is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from llama_index.tools.zendesk_talk.base import (
        ZendeskTalkTool,
        ZendeskTalkToolMetadata,
        ZendeskTalkToolSpec,
    )

__all__ = ["ZendeskTalkTool", "ZendeskTalkToolMetadata", "ZendeskTalkToolSpec"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(".base", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return __all__

"""``ZendeskTalkToolSpec``: the neutral Zendesk Talk tools as LlamaIndex ``FunctionTool``s.

A thin adapter: names, descriptions, argument models, validation, output shaping and error
messages all come from :mod:`zendesk_talk_connector.tools`; this module only maps them to
LlamaIndex types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from llama_index.core.tools import FunctionTool, ToolMetadata, ToolOutput
from llama_index.core.tools.tool_spec.base import SPEC_FUNCTION_TYPE, BaseToolSpec

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkConnector, ZendeskTalkError
from zendesk_talk_connector.tools import (
    DEFAULT_MAX_OUTPUT_CHARS,
    ToolDefinition,
    ToolResult,
    Toolset,
    portable_schema,
)


@dataclass
class ZendeskTalkToolMetadata(ToolMetadata):
    """``ToolMetadata`` whose parameters are the portable schema (no ``$ref``/``$defs``/titles)."""

    def get_parameters_dict(self) -> dict[str, Any]:
        """The JSON schema of the arguments as sent to the model."""
        assert self.fn_schema is not None
        schema = portable_schema(self.fn_schema.model_json_schema())
        return {k: v for k, v in schema.items() if k in ("type", "properties", "required")}


class ZendeskTalkTool(FunctionTool):
    """A ``FunctionTool`` whose output ``content`` is the compact, bounded JSON text for the
    model and whose ``raw_output`` is the typed result (records or list envelope).

    ``fn``/``async_fn`` return the neutral :class:`ToolResult`. A
    :class:`~zendesk_talk_connector.errors.ZendeskTalkError` (bad params, not found, rate
    limited...) becomes ``ToolOutput(is_error=True)`` whose content tells the model what to
    change; any other exception propagates.
    """

    def call(self, *args: Any, **kwargs: Any) -> ToolOutput:
        """Run the tool with the sync connector (safe inside a running event loop)."""
        try:
            return self._output(self.fn(*args, **kwargs), args, kwargs)
        except ZendeskTalkError as error:
            return self._output(error, args, kwargs)

    async def acall(self, *args: Any, **kwargs: Any) -> ToolOutput:
        """Run the tool with the async connector."""
        try:
            return self._output(await self.async_fn(*args, **kwargs), args, kwargs)
        except ZendeskTalkError as error:
            return self._output(error, args, kwargs)

    def _output(
        self, result: ToolResult | ZendeskTalkError, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> ToolOutput:
        name, raw_input = self.metadata.get_name(), {"args": args, "kwargs": kwargs}
        if isinstance(result, ZendeskTalkError):
            return ToolOutput(
                tool_name=name,
                content=str(result),
                raw_input=raw_input,
                raw_output=result.to_dict(),
                is_error=True,
                exception=result,
            )
        return ToolOutput(
            tool_name=name, content=result.content, raw_input=raw_input, raw_output=result.artifact
        )


class ZendeskTalkToolSpec(BaseToolSpec):
    """Zendesk Talk (Voice) tools for LlamaIndex agents.

    ``to_tool_list()`` gives one tool per read action (``zendesk_talk_phone_numbers_list``,
    ``zendesk_talk_calls_list``...; write actions too when the connector allows writes), or
    with ``single_tool=True`` the one ``zendesk_talk_execute(entity, action, params)`` tool.

    Args:
        connector: a ``ZendeskTalkConnector`` or ``SyncZendeskTalkConnector``; the tools use
            its sync twin for ``call`` and its async twin for ``acall``.
        include: only these entities, tool names or ``entity/action`` (default: all).
        exclude: leave these out (same forms as ``include``).
        single_tool: expose one generic tool instead of one tool per action.
        max_output_chars: the size budget of each tool output (at least 1,000).
    """

    def __init__(
        self,
        connector: ZendeskTalkConnector | SyncZendeskTalkConnector,
        *,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        single_tool: bool = False,
        max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS,
    ) -> None:
        self.toolset = Toolset(
            connector,
            include=include,
            exclude=exclude,
            single_tool=single_tool,
            max_output_chars=max_output_chars,
        )
        self.runner = self.toolset  # the 0.1 name
        self.definitions = self.toolset.tools
        self.spec_functions: list[SPEC_FUNCTION_TYPE] = [d.name for d in self.definitions]

    def to_tool_list(
        self,
        spec_functions: list[SPEC_FUNCTION_TYPE] | None = None,
        func_to_metadata_mapping: dict[str, ToolMetadata] | None = None,
    ) -> list[FunctionTool]:
        """One :class:`ZendeskTalkTool` per tool name in ``spec_functions`` (default: all);
        ``func_to_metadata_mapping`` may replace the metadata of some tools by name."""
        wanted = set(spec_functions or self.spec_functions)
        overrides = func_to_metadata_mapping or {}
        return [self._tool(d, overrides.get(d.name)) for d in self.definitions if d.name in wanted]

    def _tool(self, definition: ToolDefinition, metadata: ToolMetadata | None) -> FunctionTool:
        toolset = self.toolset

        def fn(**kwargs: Any) -> ToolResult:
            return toolset.call(definition, kwargs)

        async def async_fn(**kwargs: Any) -> ToolResult:
            return await toolset.acall(definition, kwargs)

        fn.__name__ = async_fn.__name__ = definition.name
        fn.__doc__ = async_fn.__doc__ = definition.description
        default = ZendeskTalkToolMetadata(
            description=definition.description,
            name=definition.name,
            fn_schema=definition.args_model,
        )
        return ZendeskTalkTool(fn=fn, async_fn=async_fn, metadata=metadata or default)

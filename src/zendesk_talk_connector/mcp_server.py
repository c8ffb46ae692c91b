"""An MCP server over the same tool definitions (``zendesk-talk mcp``; extra ``[mcp]``).

Tool names, descriptions, argument schemas (:meth:`~.tools.ToolDefinition.json_schema`,
portable across providers) and output (the bounded :class:`~.tools.Toolset` content) are
those of every other adapter. A :class:`~.errors.ZendeskTalkError` becomes a tool result with
``isError: true`` and the actionable text (``str(error)``); anything else is a bug and is
reported by the SDK as an internal error.

The server is built on the SDK's low-level :class:`mcp.server.lowlevel.Server` rather than
``MCPServer``: ``MCPServer`` derives each tool's schema from a Python signature and validates
arguments itself (with messages that do not name the allowed params), while here the schemas
come from the catalog and validation happens once, in :class:`~.tools.Toolset`.

``mcp`` is imported lazily, so importing this module (and the core) stays light.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .connector import SyncZendeskTalkConnector, ZendeskTalkConnector
from .errors import ConfigurationError, ZendeskTalkError
from .output import DEFAULT_MAX_OUTPUT_CHARS
from .tools import ToolDefinition, Toolset

if TYPE_CHECKING:
    from mcp.server.lowlevel import Server

__all__ = [
    "SERVER_NAME",
    "create_server",
    "serve_stdio",
]

SERVER_NAME = "zendesk-talk"
INSTRUCTIONS = (
    "Zendesk Talk (voice) for one Zendesk account: phone numbers, lines, greetings, IVRs, "
    "agent availability, today's stats and the call / call-leg exports. Lists return compact "
    "JSON tables: columns once, then rows (null: no value; a.b: field b of object a); when "
    "has_more is true, call again with cursor=next_cursor."
)


def _import_mcp() -> Any:
    try:
        import mcp
    except ImportError:  # pragma: no cover - depends on the environment
        raise ConfigurationError(
            "The MCP server needs the 'mcp' package.",
            hint="Install it with: pip install 'zendesk-talk-connector[mcp]'.",
        ) from None
    return mcp


def create_server(
    connector: ZendeskTalkConnector | SyncZendeskTalkConnector,
    *,
    single_tool: bool = False,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
    max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS,
) -> Server[Any]:
    """An MCP server exposing the connector's tools (read-only unless it allows writes).

    ``single_tool`` serves one ``zendesk_talk_execute(entity, action, params)`` tool instead
    of one tool per action; ``include``/``exclude`` take entity names, tool names or
    ``entity/action`` (see :func:`~.tools.tool_definitions`). Unknown names raise
    :class:`~.errors.InvalidParams` here, before anything is served.
    """
    _import_mcp()
    from mcp import types
    from mcp.server.lowlevel import Server

    toolset = Toolset(
        connector,
        include=include,
        exclude=exclude,
        single_tool=single_tool,
        max_output_chars=max_output_chars,
    )
    by_name = {definition.name: definition for definition in toolset.tools}
    tools = [_mcp_tool(types, definition) for definition in toolset.tools]

    def text_result(text: str, *, error: bool = False) -> Any:
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=text)], is_error=error
        )

    async def list_tools(ctx: Any, params: Any) -> Any:
        return types.ListToolsResult(tools=tools)

    async def call_tool(ctx: Any, params: Any) -> Any:
        definition = by_name.get(params.name)
        if definition is None:
            return text_result(
                f"Unknown tool {params.name!r}. Available tools: {', '.join(by_name)}.",
                error=True,
            )
        try:
            result = await toolset.acall(definition, params.arguments or {})
        except ZendeskTalkError as exc:
            return text_result(str(exc), error=True)
        return text_result(result.content)

    server: Server[Any] = Server(
        SERVER_NAME,
        version=__version__,
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )
    return server


def _mcp_tool(types: Any, definition: ToolDefinition) -> Any:
    writes = any(operation.write for operation in definition.operations)
    return types.Tool(
        name=definition.name,
        description=definition.description,
        input_schema=definition.json_schema(),
        annotations=types.ToolAnnotations(
            read_only_hint=not writes,
            destructive_hint=False,
            idempotent_hint=True,
            open_world_hint=True,
        ),
    )


async def serve_stdio(connector: ZendeskTalkConnector, **options: Any) -> None:
    """Serve :func:`create_server` over stdin/stdout until the client disconnects, then
    close the connector. ``options`` are :func:`create_server`'s."""
    server = create_server(connector, **options)
    from mcp.server.stdio import stdio_server

    try:
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())
    finally:
        await connector.close()

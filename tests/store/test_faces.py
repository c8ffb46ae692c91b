"""Every face offers the store's tools: Toolset, MCP, tool_utils."""

from __future__ import annotations

import json
from typing import Any

from mcp.client import Client

from zendesk_talk_connector.mcp_server import create_server
from zendesk_talk_connector.output import table_records
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.tool_utils import tool_utils
from zendesk_talk_connector.tools import Toolset


def test_toolset_names_cannot_clash_with_the_number_search(synced: Any) -> None:
    tools = {tool.name: tool for tool in Toolset(synced).tools}
    # The Talk API's own phone_numbers/search (numbers to buy) keeps its name; store tools
    # carry their action's full name.
    assert tools["zendesk_talk_phone_numbers_search"].operation.record_model == (
        "AvailablePhoneNumber"
    )
    assert "zendesk_talk_phone_numbers_context_store_search" in tools
    aggregate = tools["zendesk_talk_calls_context_store_aggregate"]
    assert "Local store: All calls updated from" in aggregate.description
    assert "zendesk_talk_ivr_menus_context_store_search" not in tools  # not stored


async def test_mcp_server_serves_store_tools(synced: Any, sandbox: Sandbox) -> None:
    server = create_server(synced.to_async(), include=["call_legs"])
    async with Client(server) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert "zendesk_talk_call_legs_context_store_aggregate" in names
        result = await client.call_tool(
            "zendesk_talk_call_legs_context_store_aggregate",
            {"group_by": ["completion_status"], "limit": 50},
        )
    rows = table_records(json.loads(result.content[0].text))
    counts = {row["completion_status"]: row["count"] for row in rows}
    assert sum(counts.values()) == len(sandbox.data.legs)


def test_tool_utils_describes_and_answers_store_actions(synced: Any, sandbox: Sandbox) -> None:
    @tool_utils(enable_local_store_features=True, errors="return")
    def execute(entity: str, action: str, params: dict[str, Any] | None = None) -> Any:
        return synced.execute(entity, action, params or {})

    assert "context_store_aggregate" in (execute.__doc__ or "")
    out = json.loads(
        execute("calls", "context_store_aggregate", {"group_by": ["direction"], "limit": 10})
    )
    assert out["total"] == len({c.get("direction") for c in sandbox.data.calls})
    assert "coverage" in out
    error = json.loads(execute("calls", "context_store_aggregate", {"group_by": ["nope"]}))
    assert error["error"] == "InvalidParams"

"""The MCP server: ``zendesk-talk mcp`` over stdio with the SDK's client, and in process."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from mcp.client import Client
from mcp.client.stdio import StdioServerParameters

from zendesk_talk_connector import InvalidParams, ZendeskTalkConnector
from zendesk_talk_connector.mcp_server import create_server
from zendesk_talk_connector.output import table_records
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.tools import tool_definitions

from .conftest import hosted_env, subprocess_env


def _text(result: Any) -> str:
    (block,) = result.content
    return str(block.text)


def _stdio(env: dict[str, str], *args: str) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "zendesk_talk_connector.cli", "mcp", *args],
        env=subprocess_env(env),
    )


async def test_stdio_server_lists_and_calls_tools(env: dict[str, str], sandbox: Sandbox) -> None:
    async with Client(_stdio(env)) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        expected = {d.name: d for d in tool_definitions()}
        assert set(tools) == set(expected)  # read tools only
        ivrs = tools["zendesk_talk_ivrs_get"]
        assert ivrs.input_schema == expected["zendesk_talk_ivrs_get"].json_schema()
        assert ivrs.description == expected["zendesk_talk_ivrs_get"].description
        assert ivrs.annotations is not None
        assert ivrs.annotations.read_only_hint is True

        listed = await client.call_tool(
            "zendesk_talk_phone_numbers_list", {"limit": 4, "fields": ["id", "number"]}
        )
        assert not listed.is_error
        body = json.loads(_text(listed))
        assert table_records(body) == [
            {"id": p["id"], "number": p["number"]} for p in sandbox.data.phone_numbers[:4]
        ]
        assert body["has_more"] is True

        ivr = sandbox.data.ivrs[0]
        got = await client.call_tool("zendesk_talk_ivrs_get", {"ivr_id": ivr["id"]})
        assert json.loads(_text(got))["name"] == ivr["name"]

        bad = await client.call_tool("zendesk_talk_phone_numbers_list", {"limt": 4})
        assert bad.is_error
        assert _text(bad).startswith(
            "Invalid params for zendesk_talk_phone_numbers_list: unknown param 'limt' (did you "
            "mean 'limit'?). Allowed params for zendesk_talk_phone_numbers_list: limit, cursor"
        )
        missing = await client.call_tool("zendesk_talk_ivrs_get", {"ivr_id": 999_999})
        assert missing.is_error
        assert "404" in _text(missing)


async def test_stdio_server_of_a_hosted_connector_serves_search(sandbox: Sandbox) -> None:
    async with Client(_stdio(hosted_env(sandbox))) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert "zendesk_talk_phone_numbers_context_store_search" in names
        assert "zendesk_talk_phone_numbers_list" in names
        found = await client.call_tool(
            "zendesk_talk_phone_numbers_context_store_search",
            {"query": {"filter": {"eq": {"sms_enabled": True}}}, "limit": 3, "fields": ["id"]},
        )
        assert not found.is_error, _text(found)
        sms = [p["id"] for p in sandbox.data.phone_numbers if p["sms_enabled"]][:3]
        assert [r["id"] for r in table_records(_text(found))] == sms
        listed = await client.call_tool("zendesk_talk_phone_numbers_list", {"fields": ["id"]})
        assert "context_store_search" in json.loads(_text(listed))["note"]
    assert all(r.path.startswith("/api/v1/") for r in sandbox.requests)


async def test_stdio_single_tool_with_writes(env: dict[str, str], sandbox: Sandbox) -> None:
    async with Client(_stdio(env, "--single-tool", "--allow-writes")) as client:
        (tool,) = (await client.list_tools()).tools
        assert tool.name == "zendesk_talk_execute"
        assert "availabilities: get(agent_id*) | update(" in (tool.description or "")
        assert tool.annotations is not None
        assert tool.annotations.read_only_hint is False
        result = await client.call_tool(
            "zendesk_talk_execute",
            {"entity": "greeting_categories", "action": "list", "params": {}},
        )
        ids = [r["id"] for r in table_records(_text(result))]
        assert ids == [c["id"] for c in sandbox.data.greeting_categories]


async def test_in_process_include_exclude_and_unknown_tool(
    aconnector: ZendeskTalkConnector, sandbox: Sandbox
) -> None:
    server = create_server(aconnector, include=["calls", "ivrs"], exclude=["ivrs/get"])
    async with Client(server) as client:
        names = [tool.name for tool in (await client.list_tools()).tools]
        assert names == ["zendesk_talk_ivrs_list", "zendesk_talk_calls_list"]
        unknown = await client.call_tool("zendesk_talk_ivrs_get", {"ivr_id": 1})
        assert unknown.is_error
        assert "Available tools: zendesk_talk_ivrs_list, zendesk_talk_calls_list" in _text(unknown)
        calls = await client.call_tool(
            "zendesk_talk_calls_list", {"start_time": "2024-11-29", "fields": ["id"]}
        )
        body = json.loads(_text(calls))
        today = [c["id"] for c in sandbox.data.calls if c["updated_at"] >= "2024-11-29"]
        assert [r["id"] for r in table_records(body)] == today[: len(body["rows"])]
    with pytest.raises(InvalidParams, match="Unknown tool or entity"):
        create_server(aconnector, include=["call"])


def test_mcp_command_reports_missing_credentials() -> None:
    from .conftest import run_cli

    done = run_cli("mcp")
    assert done.returncode == 2
    assert done.stderr.strip().startswith("zendesk-talk: error: No credentials")
    assert done.stdout == ""

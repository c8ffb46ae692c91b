"""``ZendeskTalkConnector.tool_utils``: docstring, signature, bounded output, error mapping,
with a real Pydantic AI agent (scripted ``FunctionModel``) and an MCP server against the sandbox."""

from __future__ import annotations

import inspect
import json
from typing import Any

import pytest
from mcp.client import Client
from mcp.server.mcpserver import MCPServer
from pydantic_ai import Agent, ModelRetry, ToolFailed, models
from pydantic_ai.messages import (
    ModelMessage,
    ModelResponse,
    RetryPromptPart,
    TextPart,
    ToolCallPart,
    ToolReturnPart,
)
from pydantic_ai.models.function import AgentInfo, FunctionModel

from zendesk_talk_connector import (
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.catalog import OPERATIONS, Source
from zendesk_talk_connector.output import table_records
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.tool_utils import tool_description, tool_utils

models.ALLOW_MODEL_REQUESTS = False


def _tool(connector: ZendeskTalkConnector, **options: Any) -> Any:
    decorate = ZendeskTalkConnector.tool_utils(**options) if options else None

    async def zendesk_talk_execute(
        entity: str, action: str, params: dict[str, Any] | None = None
    ) -> Any:
        """Run one Zendesk Talk action."""
        return await connector.execute(entity, action, params or {})

    return decorate(zendesk_talk_execute) if decorate else tool_utils(zendesk_talk_execute)


# -- the decorator itself ---------------------------------------------------------------


def test_docstring_describes_every_read_action_within_budget() -> None:
    description = tool_description()
    assert len(description) < 2500
    for op in OPERATIONS:
        if op.source is not Source.API:
            continue  # described once, in the hosted (or local store) paragraph
        if op.write:
            assert f"{op.action}(" not in description.split(f"- {op.entity}:")[-1].split("\n")[0]
            continue
        line = next(x for x in description.splitlines() if x.startswith(f"- {op.entity}:"))
        assert f"{op.action}(" in line
        for name, field in op.params.model_fields.items():
            if name not in ("limit", "cursor"):
                assert (f"{name}*" if field.is_required() else name) in line
    assert "update" not in description  # writes are off by default
    assert "8,000 chars" in description
    assert "Hosted mode only" in description  # the reference's default
    local = tool_description(enable_hosted_mode_features=False)
    assert "context_store_search" not in local
    assert len(local) < len(description)


def test_bare_and_with_arguments_keep_signature_and_kind(aconnector: ZendeskTalkConnector) -> None:
    bare, configured = _tool(aconnector), _tool(aconnector, max_output_chars=2000)
    for tool in (bare, configured):
        assert inspect.iscoroutinefunction(tool)
        assert tool.__name__ == "zendesk_talk_execute"
        assert list(inspect.signature(tool).parameters) == ["entity", "action", "params"]
        assert inspect.signature(tool).return_annotation is str
        assert tool.__doc__.startswith("Run one Zendesk Talk action.\n\n")
    assert "2,000 chars" in configured.__doc__
    plain = ZendeskTalkConnector.tool_utils(update_docstring=False)(lambda entity: entity)
    assert plain.__doc__ is None
    assert plain("x") == "x"  # str results pass through (bounded)


def test_sync_function_and_sync_connector(sandbox: Sandbox) -> None:
    auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
    with SyncZendeskTalkConnector(auth, base_url=sandbox.base_url) as connector:

        @SyncZendeskTalkConnector.tool_utils(errors="return")
        def execute(entity: str, action: str, params: dict[str, Any] | None = None) -> Any:
            return connector.execute(entity, action, params or {})

        assert not inspect.iscoroutinefunction(execute)
        out = json.loads(execute("ivrs", "list", {"fields": ["id", "name"]}))
        assert [r["id"] for r in table_records(out)] == [i["id"] for i in sandbox.data.ivrs]
        assert set(table_records(out)[0]) == {"id", "name"}
        error = json.loads(execute("ivrs", "get", {"ivr_id": 0}))
        assert error["error"] == "InvalidParams"
        assert "ivr_id" in error["message"]


async def test_where_and_fields_are_applied_not_sent(
    aconnector: ZendeskTalkConnector, sandbox: Sandbox
) -> None:
    tool = _tool(aconnector, errors="return")
    out = json.loads(
        await tool(
            "phone_numbers",
            "list",
            {"limit": 300, "where": ["sms_enabled=true"], "fields": "id,number"},
        )
    )
    expected = [p["id"] for p in sandbox.data.phone_numbers if p["sms_enabled"]]
    assert out["matched"] == len(expected)
    records = table_records(out)
    assert [r["id"] for r in records] == expected[: len(records)]
    assert all(set(r) == {"id", "number"} for r in records)
    queries = [r.query for r in sandbox.requests if r.path.endswith("phone_numbers")]
    assert queries
    assert all("where" not in q and "fields" not in q for q in queries)


async def test_long_list_is_cut_with_a_cursor_that_resumes(
    aconnector: ZendeskTalkConnector, sandbox: Sandbox
) -> None:
    tool = _tool(aconnector, max_output_chars=3000)
    first = json.loads(await tool("phone_numbers", "list", {"limit": 50}))
    assert len(json.dumps(first)) <= 3000
    assert first["truncated"] is True
    assert first["returned"] == 50
    shown = first["shown"]
    assert 0 < shown < 50
    second = json.loads(
        await tool("phone_numbers", "list", {"limit": 5, "cursor": first["next_cursor"]})
    )
    ids = [p["id"] for p in sandbox.data.phone_numbers]
    assert [r["id"] for r in table_records(first)] == ids[:shown]
    resumed = [r["id"] for r in table_records(second)]
    assert resumed
    assert resumed == ids[shown : shown + len(resumed)]


async def test_record_larger_than_budget_asks_to_narrow(
    aconnector: ZendeskTalkConnector, sandbox: Sandbox
) -> None:
    biggest = max(sandbox.data.ivrs, key=lambda ivr: len(json.dumps(ivr)))
    returned = _tool(aconnector, max_output_chars=1000, errors="return")
    error = json.loads(await returned("ivrs", "get", {"ivr_id": biggest["id"]}))
    assert error["error"] == "OutputTooLarge"
    assert "fields=[...]" in error["message"]
    assert "menus" in error["message"]  # names the fields to choose from
    retried = _tool(aconnector, max_output_chars=1000, errors="model_retry")
    with pytest.raises(ModelRetry, match="more than fits the 1,000-char output budget"):
        await retried("ivrs", "list", {})  # a list whose first record cannot fit
    narrowed = json.loads(await retried("ivrs", "get", {"ivr_id": biggest["id"], "fields": "id"}))
    assert narrowed == {"id": biggest["id"]}


async def test_error_modes(aconnector: ZendeskTalkConnector) -> None:
    with pytest.raises(ModelRetry, match="did you mean 'limit'"):
        await _tool(aconnector, errors="model_retry")("phone_numbers", "list", {"limt": 1})
    with pytest.raises(ModelRetry, match="Valid entities"):
        await _tool(aconnector)("phone_number", "list", {})  # auto: pydantic_ai is imported
    returned = json.loads(await _tool(aconnector, errors="return")("calls", "list", {}))
    assert returned["error"] == "InvalidParams"
    assert "start_time" in returned["message"]
    from zendesk_talk_connector import InvalidParams

    with pytest.raises(InvalidParams):
        await _tool(aconnector, errors="raise")("calls", "list", {})
    with pytest.raises(ValueError, match="max_output_chars"):
        tool_utils(max_output_chars=10)


async def test_api_failure_without_a_fix_is_a_tool_failure(sandbox: Sandbox) -> None:
    auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token="wrong")
    async with ZendeskTalkConnector(auth, base_url=sandbox.base_url) as connector:
        with pytest.raises(ToolFailed, match="401"):
            await _tool(connector, errors="model_retry")("lines", "list", {})


async def test_hosted_context_store_search(sandbox: Sandbox) -> None:
    from zendesk_talk_connector import AirbyteAuthConfig

    auth = AirbyteAuthConfig(
        workspace_name=sandbox.workspace_name,
        airbyte_client_id=sandbox.airbyte_client_id,
        airbyte_client_secret=sandbox.airbyte_client_secret,
    )
    async with ZendeskTalkConnector(auth, airbyte_api_url=sandbox.base_url) as hosted:
        tool = _tool(hosted, errors="return")
        assert "context_store_search" in tool.__doc__
        query = {"filter": {"eq": {"sms_enabled": True}}}
        out = json.loads(
            await tool(
                "phone_numbers",
                "context_store_search",
                {"query": query, "fields": ["id"], "limit": 5},
            )
        )
        expected = [p["id"] for p in sandbox.data.phone_numbers if p["sms_enabled"]][:5]
        assert sorted(r["id"] for r in table_records(out)) == sorted(expected)
    async with ZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token),
        base_url=sandbox.base_url,
    ) as local:
        error = json.loads(await _tool(local, errors="return")("ivrs", "context_store_search", {}))
        assert error["error"] == "HostedModeRequired"


# -- in real frameworks -----------------------------------------------------------------


def _returns(messages: list[ModelMessage]) -> list[ToolReturnPart | RetryPromptPart]:
    return [
        part
        for message in messages
        for part in getattr(message, "parts", [])
        if isinstance(part, (ToolReturnPart, RetryPromptPart))
    ]


def _retried(part: ToolReturnPart | RetryPromptPart) -> bool:
    return isinstance(part, RetryPromptPart) or getattr(part, "outcome", None) == "retried"


async def test_pydantic_ai_agent_against_the_sandbox(
    aconnector: ZendeskTalkConnector, sandbox: Sandbox
) -> None:
    script = [
        {"entity": "phone_numbers", "action": "list", "params": {"limt": 3}},
        {"entity": "phone_numbers", "action": "list", "params": {"limit": 3, "fields": ["id"]}},
        {"entity": "phone_numbers", "action": "get", "params": {"phone_number_id": 987654}},
        {"entity": "calls", "action": "list", "params": {"start_time": "2024-11-29"}},
    ]
    seen: dict[str, Any] = {}

    def model(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        returns = _returns(messages)
        if not returns:
            seen["tools"] = info.function_tools
        if len(returns) < len(script):
            return ModelResponse(parts=[ToolCallPart("zendesk_talk_execute", script[len(returns)])])
        return ModelResponse(parts=[TextPart("done")])

    agent = Agent(FunctionModel(model))

    @agent.tool_plain(retries=3)
    @ZendeskTalkConnector.tool_utils
    async def zendesk_talk_execute(
        entity: str, action: str, params: dict[str, Any] | None = None
    ) -> Any:
        """Run one Zendesk Talk action."""
        return await aconnector.execute(entity, action, params or {})

    result = await agent.run("How many calls today?")
    assert result.output == "done"
    (tool,) = seen["tools"]
    assert tool.description.startswith("Run one Zendesk Talk action.")
    assert "- ivr_routes: list(ivr_id*, menu_id*)" in tool.description
    assert set(tool.parameters_json_schema["properties"]) == {"entity", "action", "params"}
    typo, listed, missing, calls = _returns(result.all_messages())
    assert _retried(typo)
    assert "unknown param 'limt' (did you mean 'limit'?)" in str(typo.content)
    assert not _retried(listed)
    assert table_records(str(listed.content)) == [
        {"id": p["id"]} for p in sandbox.data.phone_numbers[:3]
    ]
    assert _retried(missing)
    assert "404" in str(missing.content)
    body = json.loads(str(calls.content))
    today = [c for c in sandbox.data.calls if c["updated_at"] >= "2024-11-29"]
    assert body["returned"] == min(1000, len(today))
    assert body["truncated"] is True
    assert len(str(calls.content)) <= 8000
    assert [r["id"] for r in table_records(body)] == [c["id"] for c in today[: body["shown"]]]


async def test_mcp_server_tool_decorator_accepts_it(
    aconnector: ZendeskTalkConnector, sandbox: Sandbox
) -> None:
    server = MCPServer("zendesk-talk-test")

    @server.tool()
    @ZendeskTalkConnector.tool_utils(errors="return")
    async def zendesk_talk_execute(
        entity: str, action: str, params: dict[str, Any] | None = None
    ) -> Any:
        """Run one Zendesk Talk action."""
        return await aconnector.execute(entity, action, params or {})

    async with Client(server) as client:
        (tool,) = (await client.list_tools()).tools
        assert "- calls: list(start_time*)" in (tool.description or "")
        assert set(tool.input_schema["properties"]) == {"entity", "action", "params"}
        result = await client.call_tool(
            "zendesk_talk_execute", {"entity": "addresses", "action": "list", "params": {}}
        )
        text = result.content[0].text  # type: ignore[union-attr]
        assert [r["id"] for r in table_records(text)] == [a["id"] for a in sandbox.data.addresses]

"""The toolkit and the tool adapter, offline: the connector points at a closed port and every
test either never reaches the network or replaces the runner's connector calls."""

from __future__ import annotations

from typing import Any

import langchain_zendesk_talk
import pytest
from langchain_core.messages import ToolMessage
from langchain_core.tools import BaseTool, BaseToolkit, ToolException
from langchain_tests.unit_tests import ToolsUnitTests
from langchain_zendesk_talk import ZendeskTalkTool, ZendeskTalkToolkit

from zendesk_talk_connector import (
    InvalidParams,
    NotFound,
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.tools import (
    EXECUTE_TOOL_NAME,
    ToolDefinition,
    ToolResult,
    ToolRunner,
    execute_tool_definition,
    tool_definitions,
)

AUTH = ZendeskTalkApiTokenAuthConfig(email="agent@example.com", api_token="not-a-real-token")
OFFLINE = "http://127.0.0.1:9"  # the discard port: nothing here may connect


def sync_connector(**options: Any) -> SyncZendeskTalkConnector:
    return SyncZendeskTalkConnector(AUTH, base_url=OFFLINE, **options)


def async_connector(**options: Any) -> ZendeskTalkConnector:
    return ZendeskTalkConnector(AUTH, base_url=OFFLINE, **options)


def tools_by_name(**kwargs: Any) -> dict[str, BaseTool]:
    kwargs.setdefault("connector", sync_connector())
    return {t.name: t for t in ZendeskTalkToolkit(**kwargs).get_tools()}


def tool_call(tool: BaseTool, call_id: str = "call_1", **args: Any) -> ToolMessage:
    message = tool.invoke({"name": tool.name, "args": args, "id": call_id, "type": "tool_call"})
    assert isinstance(message, ToolMessage)
    return message


# -- package --------------------------------------------------------------------------


def test_public_api() -> None:
    assert langchain_zendesk_talk.__all__ == [
        "ZendeskTalkTool",
        "ZendeskTalkToolkit",
        "__version__",
    ]
    assert langchain_zendesk_talk.__version__ == "0.1.0"
    assert issubclass(ZendeskTalkToolkit, BaseToolkit)
    assert issubclass(ZendeskTalkTool, BaseTool)


# -- toolkit ----------------------------------------------------------------------------


@pytest.mark.parametrize("make", [sync_connector, async_connector])
def test_one_tool_per_read_action(make: Any) -> None:
    definitions = {d.name: d for d in tool_definitions()}
    tools = tools_by_name(connector=make())
    assert list(tools) == list(definitions)
    for name, tool in tools.items():
        assert isinstance(tool, ZendeskTalkTool)
        assert tool.description == definitions[name].description
        assert tool.args_schema is definitions[name].args_model
        assert tool.response_format == "content_and_artifact"
        assert tool.handle_tool_error is True
        assert callable(tool.handle_validation_error)
    assert "zendesk_talk_availabilities_update" not in tools


def test_write_actions_only_with_allow_writes() -> None:
    tools = tools_by_name(connector=sync_connector(allow_writes=True))
    assert list(tools) == [d.name for d in tool_definitions(allow_writes=True)]
    assert "zendesk_talk_availabilities_update" in tools
    assert "Changes data in Zendesk." in tools["zendesk_talk_availabilities_update"].description


def test_include_and_exclude() -> None:
    tools = tools_by_name(include=["calls", "zendesk_talk_phone_numbers_get"], exclude=["calls"])
    assert list(tools) == ["zendesk_talk_phone_numbers_get"]
    assert list(tools_by_name(include=["ivrs/get"])) == ["zendesk_talk_ivrs_get"]


def test_unknown_include_fails_at_construction() -> None:
    with pytest.raises(InvalidParams, match="Unknown tool or entity name"):
        ZendeskTalkToolkit(connector=sync_connector(), include=["phone_number"])


def test_output_budget_is_checked() -> None:
    with pytest.raises(ValueError, match="at least 1000"):
        ZendeskTalkToolkit(connector=sync_connector(), max_output_chars=10)
    kit = ZendeskTalkToolkit(connector=sync_connector(), max_output_chars=2000)
    assert kit.runner.max_output_chars == 2000


def test_single_tool() -> None:
    (tool,) = ZendeskTalkToolkit(connector=sync_connector(), single_tool=True).get_tools()
    expected = execute_tool_definition()
    assert tool.name == EXECUTE_TOOL_NAME
    assert tool.description == expected.description
    assert set(tool.args) == {"entity", "action", "params"}
    assert "update" not in tool.args["action"]["enum"]
    (writer,) = ZendeskTalkToolkit(
        connector=sync_connector(allow_writes=True), single_tool=True
    ).get_tools()
    assert "update" in writer.args["action"]["enum"]


def test_tools_share_one_runner() -> None:
    kit = ZendeskTalkToolkit(connector=sync_connector())
    runners = {id(t.runner) for t in kit.get_tools() if isinstance(t, ZendeskTalkTool)}
    assert runners == {id(kit.runner)}


def test_model_sees_the_portable_schema() -> None:
    tool = tools_by_name()["zendesk_talk_calls_list"]
    assert isinstance(tool, ZendeskTalkTool)
    assert tool.tool_call_schema == tool.definition.json_schema()
    assert tool.args["start_time"]["type"] == "string"


# -- running: sync path uses runner.call, async path runner.acall --------------------------


class FakeRunner(ToolRunner):
    """Records which path ran; returns a canned result or raises what it is given."""

    def __init__(self, outcome: Any) -> None:
        super().__init__(sync_connector())
        self.outcome = outcome
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def _answer(self, kind: str, tool: ToolDefinition, args: Any) -> ToolResult:
        self.calls.append((kind, dict(args)))
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return ToolResult("compact text", self.outcome)

    def call(self, tool: ToolDefinition, args: Any) -> ToolResult:
        return self._answer("call", tool, args)

    async def acall(self, tool: ToolDefinition, args: Any) -> ToolResult:
        return self._answer("acall", tool, args)


def fake_tool(outcome: Any, name: str = "zendesk_talk_phone_numbers_list") -> ZendeskTalkTool:
    (definition,) = [d for d in tool_definitions() if d.name == name]
    return ZendeskTalkTool(definition=definition, runner=FakeRunner(outcome))


async def test_invoke_uses_call_and_ainvoke_uses_acall() -> None:
    artifact = {"typed": "records"}
    tool = fake_tool(artifact)
    message = tool_call(tool, limit=5)
    assert (message.content, message.artifact, message.status) == (
        "compact text",
        artifact,
        "success",
    )
    amessage = await tool.ainvoke(
        {"name": tool.name, "args": {"limit": 7}, "id": "c2", "type": "tool_call"}
    )
    assert amessage.artifact == artifact
    assert isinstance(tool.runner, FakeRunner)
    assert [kind for kind, _ in tool.runner.calls] == ["call", "acall"]
    assert tool.runner.calls[0][1]["limit"] == 5
    assert tool.runner.calls[1][1]["limit"] == 7


def test_plain_invoke_returns_the_content() -> None:
    assert fake_tool({"x": 1}).invoke({"limit": 3}) == "compact text"


async def test_connector_errors_become_error_tool_messages() -> None:
    error = NotFound("phone_numbers/get failed with HTTP 404", hint="List phone_numbers.")
    tool = fake_tool(error)
    message = tool_call(tool)
    assert message.status == "error"
    assert message.content == str(error)
    amessage = await tool.ainvoke({"name": tool.name, "args": {}, "id": "c", "type": "tool_call"})
    assert amessage.status == "error"
    assert amessage.content == str(error)


async def test_programming_errors_propagate() -> None:
    tool = fake_tool(RuntimeError("bug"))
    with pytest.raises(RuntimeError, match="bug"):
        tool_call(tool)
    with pytest.raises(RuntimeError, match="bug"):
        await tool.ainvoke({"name": tool.name, "args": {}, "id": "c", "type": "tool_call"})


def test_a_string_input_is_an_actionable_error() -> None:
    tool = fake_tool({})
    with pytest.raises(ToolException, match="takes named arguments"):
        tool._run("+1555")


# -- validation by LangChain (before _run) is actionable ------------------------------------


def test_misspelled_param_names_the_allowed_ones() -> None:
    tool = tools_by_name()["zendesk_talk_phone_numbers_list"]
    message = tool_call(tool, limt=5)
    assert message.status == "error"
    assert message.content == (
        "Invalid params for zendesk_talk_phone_numbers_list: unknown param 'limt' "
        "(did you mean 'limit'?). Allowed params for zendesk_talk_phone_numbers_list: "
        "limit, cursor, fields, where."
    )


def test_out_of_range_and_missing_params() -> None:
    tools = tools_by_name()
    message = tool_call(tools["zendesk_talk_phone_numbers_list"], limit=0)
    assert message.status == "error"
    assert "param 'limit': Input should be greater than or equal to 1 (got 0)" in message.content
    message = tool_call(tools["zendesk_talk_calls_list"], limit=10)
    assert "missing required param 'start_time'" in message.content
    assert "start_time, limit, cursor, fields, where" in message.content
    message = tool_call(tools["zendesk_talk_calls_list"], start_time="last tuesday")
    assert "is not a time: use epoch seconds" in message.content


def test_single_tool_validation() -> None:
    (tool,) = ZendeskTalkToolkit(connector=sync_connector(), single_tool=True).get_tools()
    message = tool_call(tool, entity="phone_number", action="list")
    assert message.status == "error"
    assert "param 'entity'" in message.content and "'phone_numbers'" in message.content
    assert "Allowed params for zendesk_talk_execute: entity, action, params." in message.content
    message = tool_call(tool, entity="phone_numbers", action="list", parms={})
    assert "unknown param 'parms' (did you mean 'params'?)" in message.content
    # Params inside `params` are checked by the neutral runner (no network needed).
    message = tool_call(tool, entity="phone_numbers", action="list", params={"limt": 3})
    assert message.status == "error"
    assert "unknown param 'limt' (did you mean 'limit'?)" in message.content
    message = tool_call(tool, entity="phone_numbers", action="list", params={"fields": ["nope"]})
    assert "Unknown field(s) 'nope' for phone_numbers" in message.content


def test_unknown_output_field_is_checked_before_any_request() -> None:
    message = tool_call(tools_by_name()["zendesk_talk_phone_numbers_list"], fields=["numbr"])
    assert message.status == "error"
    assert "Unknown field(s) 'numbr' (did you mean 'number'?) for phone_numbers. Fields of " in (
        message.content
    )


async def test_aclose_closes_only_the_twins_it_made() -> None:
    connector = async_connector()
    kit = ZendeskTalkToolkit(connector=connector)
    assert kit.runner.async_connector is connector
    twin = kit.runner.sync_connector
    assert isinstance(twin, SyncZendeskTalkConnector)
    await kit.aclose()
    assert "sync_connector" not in kit.runner.__dict__  # closed and forgotten
    assert kit.runner.async_connector is connector  # the caller's connector is left alone
    await connector.close()


# -- LangChain's standard unit tests ----------------------------------------------------------


class TestStandardPerActionTool(ToolsUnitTests):
    @property
    def tool_constructor(self) -> type[ZendeskTalkTool]:
        return ZendeskTalkTool

    @property
    def tool_constructor_params(self) -> dict[str, Any]:
        (definition,) = [d for d in tool_definitions() if d.name == "zendesk_talk_calls_list"]
        return {"definition": definition, "runner": ToolRunner(sync_connector())}

    @property
    def tool_invoke_params_example(self) -> dict[str, Any]:
        return {"start_time": "2024-11-28", "limit": 10, "fields": ["id", "duration"]}


class TestStandardSingleTool(ToolsUnitTests):
    @property
    def tool_constructor(self) -> ZendeskTalkTool:
        (tool,) = ZendeskTalkToolkit(connector=sync_connector(), single_tool=True).get_tools()
        assert isinstance(tool, ZendeskTalkTool)
        return tool

    @property
    def tool_invoke_params_example(self) -> dict[str, Any]:
        return {"entity": "agents_activity", "action": "list", "params": {"limit": 20}}

"""The tool spec: tool list, metadata and schemas, outputs, errors, sync and async calls."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from llama_index.core.tools import FunctionTool, ToolMetadata
from llama_index.core.tools.tool_spec.base import BaseToolSpec
from llama_index.tools.zendesk_talk import (
    ZendeskTalkTool,
    ZendeskTalkToolMetadata,
    ZendeskTalkToolSpec,
)
from pydantic import BaseModel, Field

from zendesk_talk_connector import (
    InvalidParams,
    SyncZendeskTalkConnector,
    ZendeskTalkConnector,
    ZendeskTalkExecuteResult,
)
from zendesk_talk_connector.models import ZendeskTalkApiTokenAuthConfig
from zendesk_talk_connector.records import PhoneNumber
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.tools import (
    EXECUTE_TOOL_NAME,
    ToolRunner,
    execute_tool_definition,
    tool_definitions,
)

NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def tool(spec: ZendeskTalkToolSpec, name: str) -> FunctionTool:
    (found,) = [t for t in spec.to_tool_list() if t.metadata.name == name]
    return found


def walk(node: Any) -> list[dict[str, Any]]:
    """Every dict in a JSON value."""
    if isinstance(node, dict):
        return [node] + [d for v in node.values() for d in walk(v)]
    if isinstance(node, list):
        return [d for v in node for d in walk(v)]
    return []


# -- tool list and metadata ----------------------------------------------------------------


def test_is_a_tool_spec_with_one_tool_per_read_action(spec: ZendeskTalkToolSpec) -> None:
    assert isinstance(spec, BaseToolSpec)
    tools = spec.to_tool_list()
    definitions = spec.definitions
    assert [d.name for d in definitions] == [d.name for d in tool_definitions()]
    assert [t.metadata.name for t in tools] == spec.spec_functions == [d.name for d in definitions]
    for t, d in zip(tools, definitions, strict=True):
        assert isinstance(t, ZendeskTalkTool)
        assert isinstance(t, FunctionTool)
        assert t.metadata.fn_schema is d.args_model
        assert t.metadata.description == d.description
        assert t.fn is not None
        assert t.async_fn is not None
    assert not any(d.operation and d.operation.write for d in definitions)


def test_single_tool(single_spec: ZendeskTalkToolSpec) -> None:
    (only,) = single_spec.to_tool_list()
    (definition,) = single_spec.definitions
    assert only.metadata.name == EXECUTE_TOOL_NAME == "zendesk_talk_execute"
    assert only.metadata.fn_schema is definition.args_model
    assert (
        only.metadata.description
        == definition.description
        == (execute_tool_definition().description)
    )


@pytest.mark.parametrize("single_tool", [False, True])
def test_openai_tool_schemas_are_portable(
    connector: ZendeskTalkConnector, single_tool: bool
) -> None:
    tools = ZendeskTalkToolSpec(connector=connector, single_tool=single_tool).to_tool_list()
    for t in tools:
        openai = t.metadata.to_openai_tool()  # raises if the description is > 1,024 chars
        function = openai["function"]
        assert NAME.match(function["name"])
        assert 0 < len(function["description"]) <= 1024
        params = function["parameters"]
        assert params["type"] == "object"
        text = json.dumps(params)
        assert "$ref" not in text
        assert "$defs" not in text
        assert not any("title" in node for node in walk(params))
        for name, prop in params["properties"].items():
            assert prop.get("description"), f"{function['name']}.{name} has no description"


def test_metadata_inlines_defs() -> None:
    class Inner(BaseModel):
        code: str = Field(description="A code.")

    class Outer(BaseModel):
        inner: Inner = Field(description="Nested.")

    assert "$defs" in ToolMetadata(description="d", name="t", fn_schema=Outer).get_parameters_dict()
    metadata = ZendeskTalkToolMetadata(description="d", name="t", fn_schema=Outer)
    params = metadata.get_parameters_dict()
    assert set(params) == {"type", "properties", "required"}
    assert "$ref" not in json.dumps(params)
    inner = params["properties"]["inner"]
    assert inner["type"] == "object"
    assert inner["properties"] == {"code": {"type": "string", "description": "A code."}}
    assert inner["required"] == ["code"]


def test_include_exclude_and_spec_functions(connector: ZendeskTalkConnector) -> None:
    only_calls = ZendeskTalkToolSpec(connector=connector, include=["calls", "agents_activity"])
    assert [t.metadata.name for t in only_calls.to_tool_list()] == [
        "zendesk_talk_agents_activity_list",
        "zendesk_talk_calls_list",
    ]
    spec = ZendeskTalkToolSpec(connector=connector, exclude=["phone_numbers"])
    assert not [t for t in spec.to_tool_list() if "phone_numbers" in t.metadata.get_name()]
    picked = spec.to_tool_list(spec_functions=["zendesk_talk_ivrs_list"])
    assert [t.metadata.name for t in picked] == ["zendesk_talk_ivrs_list"]
    custom = ToolMetadata(name="ivrs", description="IVRs.", fn_schema=picked[0].metadata.fn_schema)
    (renamed,) = spec.to_tool_list(
        spec_functions=["zendesk_talk_ivrs_list"],
        func_to_metadata_mapping={"zendesk_talk_ivrs_list": custom},
    )
    assert renamed.metadata is custom
    with pytest.raises(InvalidParams, match="Unknown tool or entity name"):
        ZendeskTalkToolSpec(connector=connector, include=["phone_number"])


async def test_write_tools_only_when_the_connector_allows_writes(sandbox: Sandbox) -> None:
    auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
    async with ZendeskTalkConnector(auth, base_url=sandbox.base_url, allow_writes=True) as c:
        names = [t.metadata.name for t in ZendeskTalkToolSpec(connector=c).to_tool_list()]
    assert "zendesk_talk_availabilities_update" in names


def test_max_output_chars_is_checked(connector: ZendeskTalkConnector) -> None:
    with pytest.raises(ValueError, match="at least 1000"):
        ZendeskTalkToolSpec(connector=connector, max_output_chars=10)


# -- outputs ----------------------------------------------------------------------------


async def test_acall_content_is_json_text_and_raw_output_the_typed_result(
    spec: ZendeskTalkToolSpec, sandbox: Sandbox
) -> None:
    spec.toolset.clock = lambda: 1_732_894_200  # the runner below states the same "now"
    t = tool(spec, "zendesk_talk_phone_numbers_list")
    out = await t.acall(limit=5, fields=["id", "number", "sms_enabled"])
    assert not out.is_error
    assert out.tool_name == "zendesk_talk_phone_numbers_list"
    fields = ["id", "number", "sms_enabled"]
    assert out.raw_input == {"args": (), "kwargs": {"limit": 5, "fields": fields}}
    result = out.raw_output
    assert isinstance(result, ZendeskTalkExecuteResult)
    assert all(isinstance(r, PhoneNumber) for r in result.data)
    assert [r.number for r in result.data] == [p["number"] for p in sandbox.data.phone_numbers[:5]]
    # the typed records are complete; the model-facing text has only the selected fields
    assert result.data[0].display_number is not None
    body = json.loads(out.content)
    assert body["columns"] == fields
    assert body["rows"][0] == [sandbox.data.phone_numbers[0][k] for k in fields]
    assert body["has_more"] is True
    assert body["next_cursor"]
    # the same text the neutral runner renders
    definition = next(d for d in spec.definitions if d.name == t.metadata.name)
    runner = ToolRunner(spec.runner.connector, clock=spec.toolset.clock)
    expected = await runner.acall(definition, out.raw_input["kwargs"])
    assert out.content == expected.content


def test_sync_call_uses_the_sync_twin(spec: ZendeskTalkToolSpec, sandbox: Sandbox) -> None:
    t = tool(spec, "zendesk_talk_phone_numbers_get")
    first = sandbox.data.phone_numbers[0]
    out = t.call(phone_number_id=first["id"])
    assert not out.is_error
    assert isinstance(out.raw_output, PhoneNumber)
    assert out.raw_output.id == first["id"]
    assert json.loads(out.content)["number"] == first["number"]
    assert t(phone_number_id=str(first["id"])).raw_output == out.raw_output  # __call__
    assert isinstance(spec.runner.sync_connector, SyncZendeskTalkConnector)


async def test_sync_call_inside_a_running_event_loop(spec: ZendeskTalkToolSpec) -> None:
    # Jupyter and async apps: the sync path must not try to start another loop.
    out = tool(spec, "zendesk_talk_current_queue_activity_list").call()
    assert not out.is_error
    assert json.loads(out.content)["returned"] == 1


async def test_output_is_bounded(connector: ZendeskTalkConnector) -> None:
    spec = ZendeskTalkToolSpec(connector=connector, max_output_chars=3000)
    out = await tool(spec, "zendesk_talk_phone_numbers_list").acall(limit=100)
    assert len(out.content) <= 3000
    body = json.loads(out.content)
    assert body["truncated"] is True
    assert body["shown"] < 100 == len(out.raw_output.data)


async def test_single_tool_call_and_acall(
    single_spec: ZendeskTalkToolSpec, sandbox: Sandbox
) -> None:
    single_spec.toolset.clock = lambda: 1_732_894_200  # both outputs state the same "now"
    (t,) = single_spec.to_tool_list()
    args = {"entity": "phone_numbers", "action": "list", "params": {"limit": 3, "fields": ["id"]}}
    sync_out, async_out = t.call(**args), await t.acall(**args)
    assert sync_out.content == async_out.content
    ids = [p["id"] for p in sandbox.data.phone_numbers[:3]]
    body = json.loads(async_out.content)
    assert body["columns"] == ["id"]
    assert body["rows"] == [[i] for i in ids]
    assert [r.id for r in async_out.raw_output.data] == ids


# -- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_model_errors_become_error_outputs(spec: ZendeskTalkToolSpec, mode: str) -> None:
    t = tool(spec, "zendesk_talk_agents_activity_list")
    kwargs = {"group_idz": [1]}
    out = t.call(**kwargs) if mode == "sync" else await t.acall(**kwargs)
    assert out.is_error
    assert "group_idz" in out.content
    assert "group_ids" in out.content  # names the allowed param
    assert isinstance(out.exception, InvalidParams)
    assert out.content == str(out.exception)
    assert out.raw_output["error"] == "InvalidParams"


async def test_unknown_field_and_not_found(spec: ZendeskTalkToolSpec) -> None:
    out = await tool(spec, "zendesk_talk_phone_numbers_list").acall(fields=["nmber"])
    assert out.is_error
    assert "nmber" in out.content
    assert "number" in out.content
    missing = await tool(spec, "zendesk_talk_phone_numbers_get").acall(phone_number_id=999_999)
    assert missing.is_error
    assert missing.raw_output["status"] == 404


async def test_single_tool_unknown_entity(single_spec: ZendeskTalkToolSpec) -> None:
    (t,) = single_spec.to_tool_list()
    out = await t.acall(entity="phone_numbrs", action="list")
    assert out.is_error
    assert "phone_numbers" in out.content


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_programming_errors_propagate(
    spec: ZendeskTalkToolSpec, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("bug")

    async def aboom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("bug")

    monkeypatch.setattr(spec.runner, "call", boom)
    monkeypatch.setattr(spec.runner, "acall", aboom)
    t = tool(spec, "zendesk_talk_ivrs_list")
    if mode == "sync":
        with pytest.raises(RuntimeError, match="bug"):
            t.call()
    else:
        with pytest.raises(RuntimeError, match="bug"):
            await t.acall()

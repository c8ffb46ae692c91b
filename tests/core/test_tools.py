"""The neutral tool layer: definitions from the catalog, validation, bounded output."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from zendesk_talk_connector import InvalidParams, UnknownOperation
from zendesk_talk_connector.catalog import OPERATIONS, Source
from zendesk_talk_connector.output import table_records
from zendesk_talk_connector.tools import (
    EXECUTE_TOOL_NAME,
    ToolRunner,
    Toolset,
    execute_tool_definition,
    tool_definitions,
)


def by_name(name: str, **kwargs):
    return next(d for d in tool_definitions(**kwargs) if d.name == name)


def test_one_tool_per_read_action_and_writes_only_when_allowed():
    read = tool_definitions()
    api_reads = {op.name for op in OPERATIONS if not op.write and op.source is Source.API}
    assert {d.name for d in read} == api_reads
    assert "zendesk_talk_availabilities_update" in {
        d.name for d in tool_definitions(allow_writes=True)
    }
    for d in read:
        assert len(d.description) <= 1024
        schema = json.dumps(d.json_schema())
        assert "$ref" not in schema and "$defs" not in schema and '"title"' not in schema


def test_include_and_exclude_by_entity_tool_name_or_entity_action():
    names = {d.name for d in tool_definitions(include=["calls", "zendesk_talk_lines_list"])}
    assert names == {"zendesk_talk_calls_list", "zendesk_talk_lines_list"}
    names = {d.name for d in tool_definitions(exclude=["phone_numbers/search"])}
    assert "zendesk_talk_phone_numbers_search" not in names
    assert "zendesk_talk_phone_numbers_list" in names
    with pytest.raises(InvalidParams, match="'callz'"):
        tool_definitions(include=["callz"])


def test_single_tool_description_is_short_and_names_everything():
    tool = execute_tool_definition()
    assert tool.name == EXECUTE_TOOL_NAME
    assert len(tool.description) <= 1024  # fits LlamaIndex's per-tool check, well under 2,500
    for op in OPERATIONS:
        if not op.write:
            assert op.entity in tool.description
    assert "start_time*" in tool.description
    schema = tool.json_schema()
    assert set(schema["properties"]) == {"entity", "action", "params"}
    assert "start_time" in schema["properties"]["params"]["properties"]


def test_output_drops_nulls_and_selects_fields(connector, sandbox):
    runner = ToolRunner(connector)
    tool = by_name("zendesk_talk_phone_numbers_list")
    out = runner.call(
        tool, {"limit": 300, "fields": ["number", "toll_free"], "where": ["sms_enabled=true"]}
    )
    payload = json.loads(out.content)
    expected = {n["number"] for n in sandbox.data.phone_numbers if n["sms_enabled"]}
    assert payload["returned"] == 300
    assert payload["matched"] == len(expected)
    assert "truncated" not in payload
    records = table_records(payload)
    assert {r["number"] for r in records} == expected
    assert all(set(r) <= {"number", "toll_free"} for r in records)
    assert payload["columns"] in (["number", "toll_free"], ["number"])
    assert "null" not in out.content
    assert len(out.artifact.data) == 300  # the artifact keeps every typed record


def test_where_accepts_strings_numbers_and_rejects_unknown_fields(connector, sandbox):
    runner = ToolRunner(connector)
    tool = by_name("zendesk_talk_phone_numbers_list")
    out = json.loads(
        runner.call(
            tool, {"limit": 300, "where": "country_code=US, toll_free=true", "fields": ["id"]}
        ).content
    )
    expected = [
        n["id"] for n in sandbox.data.phone_numbers if n["country_code"] == "US" and n["toll_free"]
    ]
    assert [r["id"] for r in table_records(out)] == expected
    with pytest.raises(InvalidParams, match="Fields of phone_numbers"):
        runner.call(tool, {"where": ["sms=true"]})
    with pytest.raises(InvalidParams, match="field=value"):
        runner.call(tool, {"where": ["sms_enabled"]})


def test_output_respects_the_budget_and_the_cursor_resumes_at_the_cut(connector, sandbox):
    runner = ToolRunner(connector, max_output_chars=3000)
    tool = by_name("zendesk_talk_phone_numbers_list")
    out = runner.call(tool, {"limit": 100})
    assert len(out.content) <= 3000
    payload = json.loads(out.content)
    assert payload["truncated"] is True
    shown = payload["shown"]
    assert 0 < shown < 100
    assert len(payload["rows"]) == shown
    more = runner.call(tool, {"limit": 5, "cursor": payload["next_cursor"]})
    first_next = table_records(more.content)[0]["id"]
    assert first_next == sandbox.data.phone_numbers[shown]["id"]


def test_numeric_summary_covers_all_returned_records_even_when_cut(connector, sandbox):
    runner = ToolRunner(connector, max_output_chars=2000)
    since = sandbox.data.today_start
    out = runner.call(
        by_name("zendesk_talk_calls_list"),
        {"start_time": since, "limit": 100_000, "fields": ["id", "duration"]},
    )
    payload = json.loads(out.content)
    calls = [
        c
        for c in sandbox.data.calls
        if datetime.fromisoformat(c["updated_at"].replace("Z", "+00:00")).timestamp() >= since
    ]
    durations = [c["duration"] for c in calls if c["duration"] is not None]
    assert payload["truncated"] is True
    assert payload["summary"]["duration"]["count"] == len(durations)
    assert payload["summary"]["duration"]["avg"] == round(sum(durations) / len(durations), 2)


def test_single_tool_runs_any_action_and_validates(connector, sandbox):
    runner = ToolRunner(connector)
    tool = execute_tool_definition()
    out = runner.call(tool, {"entity": "current_queue_activity", "action": "list"})
    assert "calls_waiting" in out.content
    with pytest.raises(InvalidParams, match="unknown param 'limt'"):
        runner.call(tool, {"entity": "addresses", "action": "list", "params": {"limt": 3}})
    with pytest.raises(UnknownOperation, match="Valid actions: list"):
        runner.call(tool, {"entity": "calls", "action": "get", "params": {}})
    with pytest.raises(InvalidParams, match="entity"):
        runner.call(tool, {"entity": "nope", "action": "list"})


def test_unknown_fields_name_the_valid_ones(connector):
    runner = ToolRunner(connector)
    with pytest.raises(InvalidParams, match="sms_enabled"):
        runner.call(by_name("zendesk_talk_phone_numbers_list"), {"fields": ["sms"]})


async def test_async_and_sync_paths_give_the_same_content(aconnector):
    runner = ToolRunner(aconnector)
    tool = by_name("zendesk_talk_addresses_list")
    assert (await runner.acall(tool, {})).content == runner.call(tool, {}).content
    runner.sync_connector.close()


def test_unknown_param_error_lists_the_output_params_too(connector):
    runner = ToolRunner(connector)
    with pytest.raises(InvalidParams) as info:
        runner.call(by_name("zendesk_talk_addresses_list"), {"limt": 3})
    assert "did you mean 'limit'" in str(info.value)
    assert "limit, cursor, fields, where" in str(info.value)


def test_ids_are_not_summarised_as_quantities(connector):
    out = ToolRunner(connector).call(
        by_name("zendesk_talk_agents_activity_list"),
        {"fields": ["agent_id", "calls_missed"], "limit": 500},
    )
    summary = json.loads(out.content)["summary"]
    assert set(summary) == {"calls_missed"}


def test_portable_schema_keeps_siblings_of_refs():
    from zendesk_talk_connector.tools import portable_schema

    schema = {
        "type": "object",
        "properties": {"inner": {"$ref": "#/$defs/Inner", "description": "kept"}},
        "$defs": {"Inner": {"type": "object", "title": "Inner", "properties": {}}},
    }
    assert portable_schema(schema) == {
        "type": "object",
        "properties": {"inner": {"type": "object", "properties": {}, "description": "kept"}},
    }


async def test_runner_closes_only_the_twins_it_created(aconnector):
    runner = ToolRunner(aconnector)
    tool = by_name("zendesk_talk_addresses_list")
    runner.call(tool, {"limit": 1})
    twin = runner.sync_connector
    assert twin._client is not None
    await runner.aclose()
    assert twin._client is None
    assert (await aconnector.execute("addresses", "list", {"limit": 1})).data  # still open


def test_single_tool_runs_only_the_operations_its_toolset_lists(connector, sandbox):
    toolset = Toolset(connector, single_tool=True, include=["phone_numbers/list", "greetings/get"])
    (tool,) = toolset.tools
    with pytest.raises(UnknownOperation, match="Valid actions: get"):
        toolset.call(tool, {"entity": "greetings", "action": "list"})
    with pytest.raises(UnknownOperation, match="Valid actions: list"):
        toolset.call(
            tool, {"entity": "phone_numbers", "action": "get", "params": {"phone_number_id": 1}}
        )
    assert len(sandbox.requests) == 0  # refused before anything was sent
    out = toolset.call(tool, {"entity": "phone_numbers", "action": "list", "params": {"limit": 2}})
    assert out.artifact.meta.returned == 2


def test_a_toolset_offers_searches_only_with_a_context_store(connector):
    names = {tool.name for tool in Toolset(connector).tools}
    assert "zendesk_talk_calls_list" in names
    assert not any(name.endswith("context_store_search") for name in names)
    assert not any(op.source is Source.CONTEXT_STORE for op in Toolset(connector).operations)

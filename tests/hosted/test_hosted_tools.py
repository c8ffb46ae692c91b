"""The tools work unchanged in hosted mode: neutral ToolRunner, LangChain, LlamaIndex."""

from __future__ import annotations

import json

import pytest

from zendesk_talk_connector.output import table_records
from zendesk_talk_connector.tools import ToolRunner, tool_definitions


def by_name(name: str):
    return next(t for t in tool_definitions() if t.name == name)


def test_tool_runner_sync_matches_local_mode_on_the_first_page(sandbox, hosted, local):
    tool = by_name("zendesk_talk_phone_numbers_list")
    args = {"limit": 100, "where": ["sms_enabled=true"], "fields": ["id", "number"]}
    remote = ToolRunner(hosted).call(tool, args)
    here = ToolRunner(local).call(tool, args)
    assert table_records(remote.content) == table_records(here.content)
    assert remote.artifact.data == here.artifact.data


def test_a_list_tool_tells_the_model_to_search_beyond_the_first_page(sandbox, hosted):
    tool = by_name("zendesk_talk_phone_numbers_list")
    payload = json.loads(ToolRunner(hosted).call(tool, {"limit": 300, "fields": ["id"]}).content)
    assert payload["returned"] == 100 and payload["has_more"] is True
    assert "next_cursor" not in payload
    assert "context_store_search" in payload["note"]


def test_tool_output_cut_by_the_budget_resumes_at_the_cut(sandbox, hosted):
    runner = ToolRunner(hosted, max_output_chars=3000)
    tool = by_name("zendesk_talk_phone_numbers_list")
    payload = json.loads(runner.call(tool, {"limit": 100}).content)
    assert payload["truncated"] is True
    shown = payload["shown"]
    more = runner.call(tool, {"limit": 5, "cursor": payload["next_cursor"]}).content
    assert table_records(more)[0]["id"] == sandbox.data.phone_numbers[shown]["id"]


async def test_tool_runner_async_and_single_tool_mode(sandbox, ahosted):
    runner = ToolRunner(ahosted)
    (execute,) = runner.definitions(single_tool=True)
    result = await runner.acall(
        execute,
        {"entity": "ivrs", "action": "get", "params": {"ivr_id": sandbox.data.ivrs[0]["id"]}},
    )
    assert json.loads(result.content)["id"] == sandbox.data.ivrs[0]["id"]
    queue = await runner.acall(by_name("zendesk_talk_current_queue_activity_list"), {})
    assert queue.artifact.meta.returned == 1


def test_langchain_tools_run_in_hosted_mode(sandbox, hosted):
    toolkit_module = pytest.importorskip("langchain_zendesk_talk")
    toolkit = toolkit_module.ZendeskTalkToolkit(connector=hosted)
    tool = next(t for t in toolkit.get_tools() if t.name == "zendesk_talk_greetings_list")
    message = tool.invoke(
        {"name": tool.name, "args": {"limit": 4}, "id": "call_1", "type": "tool_call"}
    )
    assert len(table_records(message.content)) == 4
    assert [g.id for g in message.artifact.data] == [g["id"] for g in sandbox.data.greetings[:4]]
    toolkit.close()


async def test_llama_index_tools_run_in_hosted_mode(sandbox, ahosted):
    spec_module = pytest.importorskip("llama_index.tools.zendesk_talk")
    spec = spec_module.ZendeskTalkToolSpec(connector=ahosted)
    tools = {t.metadata.name: t for t in spec.to_tool_list()}
    output = await tools["zendesk_talk_addresses_list"].acall(limit=3)
    assert not output.is_error
    assert [a.id for a in output.raw_output.data] == [a["id"] for a in sandbox.data.addresses[:3]]
    missing = await tools["zendesk_talk_addresses_get"].acall(address_id=1)
    assert missing.is_error and "404" in missing.content

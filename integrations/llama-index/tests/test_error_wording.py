"""LlamaIndex words argument errors as every adapter does: naming the tool the model called
(``entity/action`` inside the single execute tool)."""

from __future__ import annotations

import pytest
from llama_index.core.tools import FunctionTool
from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec

ALLOWED = "Allowed params for zendesk_talk_calls_list: start_time, limit, cursor, fields, where."


def by_name(spec: ZendeskTalkToolSpec, name: str) -> FunctionTool:
    return next(t for t in spec.to_tool_list() if t.metadata.name == name)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_bad_param_names_the_tool(spec: ZendeskTalkToolSpec, mode: str) -> None:
    calls = by_name(spec, "zendesk_talk_calls_list")
    kwargs = {"start_time": 1, "limt": 3}
    out = calls.call(**kwargs) if mode == "sync" else await calls.acall(**kwargs)
    assert out.is_error
    assert out.content == (
        "Invalid params for zendesk_talk_calls_list: unknown param 'limt' (did you mean "
        f"'limit'?). {ALLOWED}"
    )


async def test_a_bad_param_in_the_single_tool_names_the_action(
    single_spec: ZendeskTalkToolSpec,
) -> None:
    (execute,) = single_spec.to_tool_list()
    out = await execute.acall(entity="calls", action="list", params={"start_time": 1, "limt": 3})
    assert out.is_error
    assert str(out.content).startswith("Invalid params for calls/list: unknown param 'limt'")


async def test_a_where_value_of_the_wrong_type_is_an_error(spec: ZendeskTalkToolSpec) -> None:
    numbers = by_name(spec, "zendesk_talk_phone_numbers_list")
    out = await numbers.acall(where=["sms_enabled=yes"])
    assert out.is_error
    assert "sms_enabled is true or false" in str(out.content)

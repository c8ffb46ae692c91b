"""LangChain words every argument error as the neutral runner does (and so as the LlamaIndex
and MCP adapters do): naming the tool the model called."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.messages import ToolMessage
from langchain_zendesk_talk import ZendeskTalkToolkit

from zendesk_talk_connector import InvalidParams, SyncZendeskTalkConnector
from zendesk_talk_connector.tools import ToolRunner

from .test_toolkit import sync_connector


def langchain_error(connector: SyncZendeskTalkConnector, single: bool, args: Any) -> str:
    (tool, *_) = ZendeskTalkToolkit(
        connector=connector,
        single_tool=single,
        include=None if single else ["zendesk_talk_calls_list"],
    ).get_tools()
    message = tool.invoke({"name": tool.name, "args": args, "id": "c1", "type": "tool_call"})
    assert isinstance(message, ToolMessage) and message.status == "error"
    return str(message.content)


def runner_error(connector: SyncZendeskTalkConnector, single: bool, args: Any) -> str:
    runner = ToolRunner(connector)
    (definition,) = runner.definitions(
        single_tool=single, include=None if single else ["zendesk_talk_calls_list"]
    )
    with pytest.raises(InvalidParams) as info:
        runner.call(definition, args)
    return str(info.value)


@pytest.mark.parametrize(
    ("single", "args", "start"),
    [
        (False, {"start_time": 1, "limt": 3}, "Invalid params for zendesk_talk_calls_list: "),
        (False, {"limit": 3}, "Invalid params for zendesk_talk_calls_list: missing"),
        (False, {"start_time": 1, "where": ["direction=in"]}, "where direction='in': "),
        (
            True,
            {"entity": "calls", "action": "list", "params": {"start_time": 1, "limt": 3}},
            "Invalid params for calls/list: ",
        ),
    ],
)
def test_langchain_and_the_runner_say_the_same(
    single: bool, args: dict[str, Any], start: str
) -> None:
    connector = sync_connector()
    text = langchain_error(connector, single, args)
    assert text == runner_error(connector, single, args)
    assert text.startswith(start)

"""A real LangChain agent (``langchain.agents.create_agent``) over the sandbox, driven by a
scripted chat model.

Each script is a generator: it yields the model's next message and may read what the model
has seen so far (the tool outputs), exactly like a real model. ToolMessages are checked
against values computed independently from ``sandbox.data`` (or from the raw API). Every
scenario runs through ``invoke`` (sync tools, sync connector) and ``ainvoke`` (async tools,
async connector).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Annotated, Any

import httpx
import pytest
from langchain.agents import create_agent
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.utils.function_calling import convert_to_openai_tool
from langchain_zendesk_talk import ZendeskTalkToolkit
from pydantic import SkipValidation

from zendesk_talk_connector import (
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.output import table_records
from zendesk_talk_connector.results import ZendeskTalkExecuteResult
from zendesk_talk_connector.sandbox import Sandbox

History = list[BaseMessage]
Script = Callable[[History], Iterator[AIMessage]]


class ScriptedChatModel(GenericFakeChatModel):
    """``GenericFakeChatModel`` + ``bind_tools`` (the base raises NotImplementedError); it
    also keeps the conversation it was given so a script can react to tool outputs."""

    history: Annotated[History, SkipValidation()] = []
    bound_tools: list[dict[str, Any]] = []

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedChatModel:
        self.bound_tools = [convert_to_openai_tool(t) for t in tools]
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        self.history[:] = messages
        return super()._generate(messages, *args, **kwargs)


def scripted(script: Script) -> ScriptedChatModel:
    history: History = []
    return ScriptedChatModel(messages=script(history), history=history)


def call(name: str, call_id: str = "c1", **args: Any) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id}])


def last_tool_output(history: History) -> dict[str, Any]:
    message = history[-1]
    assert isinstance(message, ToolMessage)
    return json.loads(str(message.content))  # type: ignore[no-any-return]


def tool_messages(result: dict[str, Any]) -> list[ToolMessage]:
    return [m for m in result["messages"] if isinstance(m, ToolMessage)]


@pytest.fixture(params=["invoke", "ainvoke"])
async def run(
    request: pytest.FixtureRequest, sandbox: Sandbox
) -> Any:  # an async runner: (script, question) -> (result, model)
    """Run a script through create_agent with ``invoke`` (sync connector) or ``ainvoke``
    (async connector)."""
    auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
    mode = request.param
    connector: ZendeskTalkConnector | SyncZendeskTalkConnector
    if mode == "invoke":
        connector = SyncZendeskTalkConnector(auth, base_url=sandbox.base_url)
    else:
        connector = ZendeskTalkConnector(auth, base_url=sandbox.base_url)
    kits: list[ZendeskTalkToolkit] = []

    async def runner(
        script: Script, question: str, *, single_tool: bool = False
    ) -> tuple[dict[str, Any], ScriptedChatModel]:
        kit = ZendeskTalkToolkit(connector=connector, single_tool=single_tool)
        kits.append(kit)
        model = scripted(script)
        agent = create_agent(model, kit.get_tools(), system_prompt="You answer Talk questions.")
        state: Any = {"messages": [{"role": "user", "content": question}]}
        result = agent.invoke(state) if mode == "invoke" else await agent.ainvoke(state)
        return result, model

    yield runner
    for kit in kits:
        await kit.aclose()
    if isinstance(connector, ZendeskTalkConnector):
        await connector.close()
    else:
        connector.close()


async def test_which_phone_numbers_have_sms_enabled(run: Any, sandbox: Sandbox) -> None:
    def script(history: History) -> Iterator[AIMessage]:
        yield call(
            "zendesk_talk_phone_numbers_list",
            limit=1000,
            fields=["number", "sms_enabled"],
            where=["sms_enabled=true"],
        )
        numbers = [r["number"] for r in table_records(last_tool_output(history))]
        yield AIMessage(f"{len(numbers)} numbers have SMS enabled: {', '.join(numbers)}.")

    result, model = await run(script, "Which phone numbers have SMS enabled?")
    expected = {p["number"] for p in sandbox.data.phone_numbers if p["sms_enabled"]}
    assert expected  # the seed has some
    (message,) = tool_messages(result)
    assert message.status == "success"
    out = json.loads(str(message.content))
    assert {r["number"] for r in table_records(out)} == expected
    assert out["matched"] == len(expected)
    assert all(set(r) == {"number", "sms_enabled"} for r in table_records(out))
    assert out["has_more"] is False
    # The artifact is the typed, unfiltered result: every number with every field.
    artifact = message.artifact
    assert isinstance(artifact, ZendeskTalkExecuteResult)
    assert len(artifact.data) == len(sandbox.data.phone_numbers)
    assert {r.number for r in artifact.data if r.sms_enabled} == expected
    assert result["messages"][-1].content.startswith(f"{len(expected)} numbers have SMS")
    assert "zendesk_talk_phone_numbers_list" in [t["function"]["name"] for t in model.bound_tools]


async def test_show_current_queue_activity(run: Any, sandbox: Sandbox) -> None:
    def script(history: History) -> Iterator[AIMessage]:
        yield call("zendesk_talk_current_queue_activity_list")
        queue = table_records(last_tool_output(history))[0]
        yield AIMessage(f"{queue['calls_waiting']} calls waiting, {queue['agents_online']} online.")

    result, _ = await run(script, "Show current queue activity")
    (message,) = tool_messages(result)
    queue = table_records(json.loads(str(message.content)))[0]
    online = sum(1 for a in sandbox.data.availabilities.values() if a["agent_state"] == "online")
    assert queue["agents_online"] == online
    # Everything else must be what the API itself says (fetched here without the connector).
    raw = httpx.get(
        f"{sandbox.base_url}/api/v2/channels/voice/stats/current_queue_activity.json",
        auth=(f"{sandbox.email}/token", sandbox.api_token),
    ).json()["current_queue_activity"]
    assert queue == {k: v for k, v in raw.items() if v is not None}
    assert message.artifact.data[0].calls_waiting == raw["calls_waiting"]
    assert result["messages"][-1].content == (
        f"{raw['calls_waiting']} calls waiting, {online} online."
    )


async def test_which_agent_missed_the_most_calls_today(run: Any, sandbox: Sandbox) -> None:
    def script(history: History) -> Iterator[AIMessage]:
        yield call(
            "zendesk_talk_agents_activity_list",
            limit=1000,
            fields=["agent_id", "name", "calls_missed"],
        )
        rows = table_records(last_tool_output(history))
        top = max(rows, key=lambda r: r.get("calls_missed", 0))
        yield AIMessage(f"{top['name']} (agent {top['agent_id']}) missed {top['calls_missed']}.")

    result, _ = await run(script, "Which agent missed the most calls today?")
    missed = Counter(
        leg["agent_id"]
        for leg in sandbox.data.legs_today()
        if leg["type"] == "agent" and leg["completion_status"] == "agent_missed"
    )
    most = max(missed.values())
    leaders = {agent for agent, n in missed.items() if n == most}
    (message,) = tool_messages(result)
    out = json.loads(str(message.content))
    by_agent = {r["agent_id"]: r.get("calls_missed", 0) for r in table_records(out)}
    assert len(by_agent) == len(sandbox.data.agents)
    assert {a: n for a, n in by_agent.items() if n} == dict(missed)
    assert out["summary"]["calls_missed"]["max"] == most
    assert out["summary"]["calls_missed"]["sum"] == sum(missed.values())
    answer = result["messages"][-1].content
    assert any(f"(agent {agent}) missed {most}." in answer for agent in leaders)


async def test_average_call_duration_since_a_date(run: Any, sandbox: Sandbox) -> None:
    since = "2024-11-27"

    def script(history: History) -> Iterator[AIMessage]:
        yield call("zendesk_talk_calls_list", start_time=since, limit=100000, fields=["duration"])
        duration = last_tool_output(history)["summary"]["duration"]
        yield AIMessage(f"Average call duration since {since}: {duration['avg']} s.")

    result, _ = await run(script, f"What is the average call duration since {since}?")
    start = int(datetime(2024, 11, 27, tzinfo=timezone.utc).timestamp())
    durations = [
        c["duration"]
        for c in sandbox.data.calls
        if _epoch(c["updated_at"]) >= start and c["duration"] is not None
    ]
    expected = round(sum(durations) / len(durations), 2)
    (message,) = tool_messages(result)
    out = json.loads(str(message.content))
    assert out["summary"]["duration"]["count"] == len(durations)
    assert out["summary"]["duration"]["avg"] == expected
    assert len(str(message.content)) <= 8000  # bounded, even though the records are not all shown
    assert out.get("truncated") is True and out["has_more"] is True
    assert len(message.artifact.data) == out["returned"]
    assert result["messages"][-1].content == f"Average call duration since {since}: {expected} s."


async def test_bad_param_comes_back_as_an_error_the_model_can_fix(
    run: Any, sandbox: Sandbox
) -> None:
    def script(history: History) -> Iterator[AIMessage]:
        yield call("zendesk_talk_phone_numbers_list", "c1", limt=5, fields=["number"])
        error = history[-1]
        assert isinstance(error, ToolMessage)
        assert error.status == "error"
        yield call("zendesk_talk_phone_numbers_list", "c2", limit=5, fields=["number"])
        yield AIMessage("Here are five numbers.")

    result, _ = await run(script, "List five phone numbers")
    bad, good = tool_messages(result)
    assert bad.status == "error"
    assert bad.tool_call_id == "c1"
    assert "unknown param 'limt' (did you mean 'limit'?)" in bad.content
    assert "Allowed params for zendesk_talk_phone_numbers_list: limit, cursor, fields, where" in (
        bad.content
    )
    assert good.status == "success"
    expected = [p["number"] for p in sandbox.data.phone_numbers[:5]]
    assert [r["number"] for r in table_records(json.loads(str(good.content)))] == expected
    assert result["messages"][-1].content == "Here are five numbers."


async def test_api_error_comes_back_as_an_error_tool_message(run: Any, sandbox: Sandbox) -> None:
    missing = max(p["id"] for p in sandbox.data.phone_numbers) + 1000

    def script(history: History) -> Iterator[AIMessage]:
        yield call("zendesk_talk_phone_numbers_get", phone_number_id=missing)
        yield AIMessage("That number does not exist.")

    result, _ = await run(script, f"Show phone number {missing}")
    (message,) = tool_messages(result)
    assert message.status == "error"
    assert "404" in message.content
    assert "list phone_numbers" in message.content


async def test_single_tool_agent(run: Any, sandbox: Sandbox) -> None:
    def script(history: History) -> Iterator[AIMessage]:
        yield call(
            "zendesk_talk_execute",
            "c1",
            entity="phone_numbers",
            action="list",
            params={"limit": 1000, "where": ["sms_enabled=true"], "fileds": ["number"]},
        )
        yield call(
            "zendesk_talk_execute",
            "c2",
            entity="phone_numbers",
            action="list",
            params={"limit": 1000, "where": ["sms_enabled=true"], "fields": ["number"]},
        )
        yield AIMessage("done")

    result, model = await run(script, "SMS numbers?", single_tool=True)
    assert [t["function"]["name"] for t in model.bound_tools] == ["zendesk_talk_execute"]
    bad, good = tool_messages(result)
    assert bad.status == "error"
    assert "unknown param 'fileds' (did you mean 'fields'?)" in bad.content
    assert "Allowed params for phone_numbers/list: limit, cursor, fields, where" in bad.content
    expected = {p["number"] for p in sandbox.data.phone_numbers if p["sms_enabled"]}
    assert {r["number"] for r in table_records(json.loads(str(good.content)))} == expected


def _epoch(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


@pytest.mark.parametrize("mode", ["invoke", "ainvoke"])
async def test_store_search_and_aggregate_answer_over_everything(
    mode: str, sandbox: Sandbox, tmp_path: Any
) -> None:
    """With a synced local store the agent answers whole-account questions in one call each."""
    auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
    path = tmp_path / "talk.sqlite3"
    with SyncZendeskTalkConnector(auth, base_url=sandbox.base_url, store=path) as syncer:
        syncer.sync(since="2024-11-20", export_requests_per_minute=None)
    connector: ZendeskTalkConnector | SyncZendeskTalkConnector = (
        SyncZendeskTalkConnector(auth, base_url=sandbox.base_url, store=path)
        if mode == "invoke"
        else ZendeskTalkConnector(auth, base_url=sandbox.base_url, store=path)
    )
    kit = ZendeskTalkToolkit(connector=connector)

    def script(history: History) -> Iterator[AIMessage]:
        yield call(
            "zendesk_talk_call_legs_context_store_aggregate",
            "c1",
            filter={"eq": {"completion_status": "agent_missed"}},
            group_by=["agent_id"],
            sort=[{"count": "desc"}],
            limit=1,
        )
        (top,) = table_records(last_tool_output(history))
        yield call(
            "zendesk_talk_phone_numbers_context_store_search",
            "c2",
            query={"filter": {"eq": {"sms_enabled": True}}},
            fields=["id"],
        )
        total = last_tool_output(history)["total"]
        yield AIMessage(f"{top['agent_name']} missed {top['count']}; {total} numbers have SMS.")

    model = scripted(script)
    agent = create_agent(model, kit.get_tools(), system_prompt="You answer Talk questions.")
    state: Any = {"messages": [{"role": "user", "content": "Who missed most? How many SMS?"}]}
    result = agent.invoke(state) if mode == "invoke" else await agent.ainvoke(state)
    await kit.aclose()
    if isinstance(connector, ZendeskTalkConnector):
        await connector.close()
    else:
        connector.close()
    missed = Counter(
        leg["agent_id"] for leg in sandbox.data.legs if leg["completion_status"] == "agent_missed"
    )
    aggregate_message, search_message = tool_messages(result)
    (top,) = table_records(json.loads(str(aggregate_message.content)))
    assert top["count"] == max(missed.values()) == missed[top["agent_id"]]
    assert top["agent_name"]
    search_out = json.loads(str(search_message.content))
    assert search_out["total"] == sum(1 for p in sandbox.data.phone_numbers if p["sms_enabled"])
    assert search_out["coverage"].startswith("All phone_numbers as of the last sync")
    descriptions = {t["function"]["name"]: t["function"]["description"] for t in model.bound_tools}
    assert (
        "Local store: All calls updated"
        in descriptions["zendesk_talk_calls_context_store_aggregate"]
    )
    assert result["messages"][-1].content.startswith(str(top["agent_name"]))

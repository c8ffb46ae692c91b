"""A real LlamaIndex ``FunctionAgent`` over the sandbox, driven by a scripted LLM.

Each script is a generator: it yields the assistant's next message and receives the text of
the last tool output, exactly what a real model would see. The ToolCallResult outputs are
checked against values computed independently from ``sandbox.data``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Generator, Sequence
from datetime import datetime, timezone
from typing import Any

import pytest
from llama_index.core.agent.workflow import FunctionAgent, ToolCallResult
from llama_index.core.base.llms.types import ChatMessage, MessageRole, ToolCallBlock
from llama_index.core.llms import MockFunctionCallingLLM
from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec

from zendesk_talk_connector.output import table_records
from zendesk_talk_connector.sandbox import Sandbox

Script = Generator[ChatMessage, str, None]


def call(name: str, **kwargs: Any) -> ChatMessage:
    block = ToolCallBlock(tool_call_id=f"call_{name}", tool_name=name, tool_kwargs=kwargs)
    return ChatMessage(role=MessageRole.ASSISTANT, blocks=[block])


def say(text: str) -> ChatMessage:
    return ChatMessage(role=MessageRole.ASSISTANT, content=text)


def scripted_llm(script: Script) -> MockFunctionCallingLLM:
    """A function-calling LLM that plays ``script``, feeding it each tool output's text."""
    first = True

    def respond(messages: Sequence[ChatMessage], **kwargs: Any) -> ChatMessage:
        nonlocal first
        if first:
            first = False
            return next(script)
        tool_messages = [m for m in messages if m.role == MessageRole.TOOL]
        return script.send(tool_messages[-1].content or "")

    return MockFunctionCallingLLM(response_generator=respond)


async def run(
    spec: ZendeskTalkToolSpec, question: str, script: Callable[[], Script]
) -> tuple[list[ToolCallResult], str]:
    agent = FunctionAgent(
        tools=spec.to_tool_list(),
        llm=scripted_llm(script()),
        system_prompt="You answer questions about Zendesk Talk.",
    )
    handler = agent.run(user_msg=question)
    results = [ev async for ev in handler.stream_events() if isinstance(ev, ToolCallResult)]
    return results, str(await handler)


def paged(name: str, **kwargs: Any) -> Generator[ChatMessage, str, list[dict[str, Any]]]:
    """Call a list tool and follow next_cursor until every record is seen."""
    records: list[dict[str, Any]] = []
    out = json.loads((yield call(name, **kwargs)))
    records += table_records(out)
    while out["has_more"]:
        out = json.loads((yield call(name, **kwargs, cursor=out["next_cursor"])))
        records += table_records(out)
    return records


async def test_which_phone_numbers_have_sms_enabled(
    spec: ZendeskTalkToolSpec, sandbox: Sandbox
) -> None:
    def script() -> Script:
        rows = yield from paged(
            "zendesk_talk_phone_numbers_list",
            limit=1000,
            fields=["number", "display_number", "sms_enabled"],
        )
        sms = [r["number"] for r in rows if r["sms_enabled"]]
        yield say(f"{len(sms)} numbers have SMS enabled: {', '.join(sms)}.")

    results, answer = await run(spec, "Which phone numbers have SMS enabled?", script)

    expected = {p["number"] for p in sandbox.data.phone_numbers if p["sms_enabled"]}
    assert len(results) > 1  # 300 rows do not fit one 8,000-char output: the cursor is used
    seen: list[dict[str, Any]] = []
    for r in results:
        assert r.tool_name == "zendesk_talk_phone_numbers_list"
        assert not r.tool_output.is_error
        seen += table_records(json.loads(r.tool_output.content))
    assert len(seen) == len(sandbox.data.phone_numbers)
    assert {row["number"] for row in seen if row["sms_enabled"]} == expected
    assert answer.startswith(f"{len(expected)} numbers have SMS enabled")
    # the typed records of every page stay available to the application
    typed = {p.number for r in results for p in r.tool_output.raw_output.data if p.sms_enabled}
    assert typed >= {row["number"] for row in seen if row["sms_enabled"]}


async def test_show_current_queue_activity(spec: ZendeskTalkToolSpec, sandbox: Sandbox) -> None:
    def script() -> Script:
        out = json.loads((yield call("zendesk_talk_current_queue_activity_list")))
        queue = table_records(out)[0]
        waiting, online = queue["calls_waiting"], queue["agents_online"]
        yield say(f"{waiting} calls waiting, {online} agents online.")

    results, answer = await run(spec, "Show current queue activity", script)

    (result,) = results
    assert result.tool_name == "zendesk_talk_current_queue_activity_list"
    (queue,) = table_records(json.loads(result.tool_output.content))
    online = sum(1 for a in sandbox.data.availabilities.values() if a["agent_state"] == "online")
    assert queue["agents_online"] == online
    assert {"calls_waiting", "callbacks_waiting", "longest_wait_time"} <= set(queue)
    assert answer == f"{queue['calls_waiting']} calls waiting, {online} agents online."


async def test_which_agent_missed_the_most_calls_today(
    spec: ZendeskTalkToolSpec, sandbox: Sandbox
) -> None:
    def script() -> Script:
        rows = yield from paged(
            "zendesk_talk_agents_activity_list", limit=500, fields=["name", "calls_missed"]
        )
        top = max(rows, key=lambda r: r.get("calls_missed", 0))
        yield say(f"{top['name']} missed the most calls today ({top['calls_missed']}).")

    results, answer = await run(spec, "Which agent missed the most calls today?", script)

    missed = Counter(
        leg["agent_id"]
        for leg in sandbox.data.legs_today()
        if leg["type"] == "agent" and leg["completion_status"] == "agent_missed"
    )
    most = max(missed.values())
    names = {a["id"]: a["name"] for a in sandbox.data.agents}
    leaders = {names[agent] for agent, n in missed.items() if n == most}
    rows = [row for r in results for row in table_records(json.loads(r.tool_output.content))]
    assert {r.tool_name for r in results} == {"zendesk_talk_agents_activity_list"}
    assert len(rows) == len(sandbox.data.agents)
    assert {r["name"] for r in rows if r.get("calls_missed") == most} == leaders
    assert max(r.get("calls_missed", 0) for r in rows) == most
    # the summary over all returned records agrees, even if the list had been cut
    summary = json.loads(results[0].tool_output.content)["summary"]["calls_missed"]
    assert summary["max"] == most
    assert answer.endswith(f"missed the most calls today ({most}).")
    assert answer.split(" missed")[0] in leaders


@pytest.mark.parametrize("since", ["2024-11-28", "2024-11-26"])
async def test_average_call_duration_since_a_date(
    spec: ZendeskTalkToolSpec, sandbox: Sandbox, since: str
) -> None:
    def script() -> Script:
        out = json.loads(
            (
                yield call(
                    "zendesk_talk_calls_list", start_time=since, limit=10_000, fields=["duration"]
                )
            )
        )
        avg = out["summary"]["duration"]["avg"]
        yield say(f"The average call duration since {since} is {avg} seconds.")

    question = f"What is the average call duration since {since}?"
    results, answer = await run(spec, question, script)

    start = int(datetime.fromisoformat(since).replace(tzinfo=timezone.utc).timestamp())
    calls = [
        c
        for c in sandbox.data.calls
        if datetime.fromisoformat(c["updated_at"].replace("Z", "+00:00")).timestamp() >= start
    ]
    durations = [c["duration"] for c in calls if c["duration"] is not None]
    expected = round(sum(durations) / len(durations), 2)

    (result,) = results
    out = json.loads(result.tool_output.content)
    assert out["returned"] == len(calls)
    assert out["summary"]["duration"]["count"] == len(durations)
    assert out["summary"]["duration"]["avg"] == expected
    assert len(result.tool_output.content) <= 8000  # records cut, summary still over all
    assert len(result.tool_output.raw_output.data) == len(calls)
    assert answer == f"The average call duration since {since} is {expected} seconds."


async def test_bad_call_comes_back_as_error_then_the_agent_continues(
    spec: ZendeskTalkToolSpec, sandbox: Sandbox
) -> None:
    seen_error: list[str] = []

    def script() -> Script:
        error = yield call("zendesk_talk_agents_activity_list", group_idz=[50001], limit=500)
        seen_error.append(error)
        out = json.loads(
            (
                yield call(
                    "zendesk_talk_agents_activity_list",
                    group_ids=[50001],
                    limit=500,
                    fields=["name"],
                )
            )
        )
        yield say(f"Group 50001 has {out['returned']} agents.")

    results, answer = await run(spec, "How many agents are in group 50001?", script)

    bad, good = results
    assert bad.tool_output.is_error
    assert bad.tool_kwargs == {"group_idz": [50001], "limit": 500}
    assert "group_idz" in bad.tool_output.content
    assert "group_ids" in bad.tool_output.content  # names the allowed params
    assert seen_error == [bad.tool_output.content]  # the model saw the actionable message
    assert not good.tool_output.is_error
    members = [a for a in sandbox.data.agents if 50001 in a["group_ids"]]
    assert json.loads(good.tool_output.content)["returned"] == len(members)
    assert answer == f"Group 50001 has {len(members)} agents."


async def test_single_tool_agent(single_spec: ZendeskTalkToolSpec, sandbox: Sandbox) -> None:
    def script() -> Script:
        error = yield call("zendesk_talk_execute", entity="phone_number", action="list")
        assert "phone_numbers" in error
        out = json.loads(
            (
                yield call(
                    "zendesk_talk_execute",
                    entity="phone_numbers",
                    action="list",
                    params={"limit": 1000, "fields": ["toll_free"]},
                )
            )
        )
        yield say(f"{out['returned']} numbers.")

    results, answer = await run(single_spec, "How many numbers do we have?", script)

    assert [r.tool_output.is_error for r in results] == [True, False]
    assert answer == f"{len(sandbox.data.phone_numbers)} numbers."


async def test_store_aggregate_answers_per_day(sandbox: Sandbox, tmp_path: Any) -> None:
    """With a synced local store: average call duration per day, in one tool call."""
    from zendesk_talk_connector import ZendeskTalkApiTokenAuthConfig, ZendeskTalkConnector

    auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
    async with ZendeskTalkConnector(
        auth, base_url=sandbox.base_url, store=tmp_path / "talk.sqlite3"
    ) as connector:
        await connector.sync(["calls"], since="2024-11-20", export_requests_per_minute=None)
        spec = ZendeskTalkToolSpec(connector=connector)

        def script() -> Script:
            out = json.loads(
                (
                    yield call(
                        "zendesk_talk_calls_context_store_aggregate",
                        group_by=["day:created_at"],
                        metrics=["count", "avg:duration"],
                    )
                )
            )
            days = table_records(out)
            yield say(", ".join(f"{d['created_at_day']}: {d['avg_duration']}s" for d in days))

        results, answer = await run(spec, "Average call duration per day?", script)
        await spec.runner.aclose()
    (result,) = results
    assert not result.tool_output.is_error
    days = table_records(json.loads(result.tool_output.content))
    by_day: dict[str, list[int]] = {}
    for c in sandbox.data.calls:
        if c.get("duration") is not None:
            by_day.setdefault(c["created_at"][:10], []).append(c["duration"])
    assert [d["created_at_day"] for d in days] == sorted(by_day)
    for day in days:
        durations = by_day[day["created_at_day"]]
        assert day["avg_duration"] == pytest.approx(sum(durations) / len(durations), abs=0.01)
    assert answer.startswith(f"{days[0]['created_at_day']}: {days[0]['avg_duration']}s")

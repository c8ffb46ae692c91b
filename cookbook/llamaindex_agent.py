"""A LlamaIndex ``FunctionAgent`` answering Zendesk Talk questions with ``ZendeskTalkToolSpec``.

Offline by default: the Talk API is the embedded sandbox (seeded data on a loopback
server) and the "model" is a scripted ``MockFunctionCallingLLM`` that reads each tool output
the way a real model would. Nothing leaves the machine and no key is needed::

    pip install -e . -e integrations/llama-index
    python cookbook/llamaindex_agent.py

With a real model (not run in CI): install ``llama-index-llms-openai`` and set
``OPENAI_API_KEY``; the same questions then go to ``OPENAI_MODEL`` (default ``gpt-4.1-mini``)::

    pip install llama-index-llms-openai
    OPENAI_API_KEY=sk-... python cookbook/llamaindex_agent.py

The sandbox stays the data source unless ``ZENDESK_SUBDOMAIN``, ``ZENDESK_EMAIL`` and
``ZENDESK_API_TOKEN`` are set, in which case your Zendesk account is queried (read-only).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
import os
from collections.abc import Callable, Generator, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from llama_index.core.agent.workflow import FunctionAgent, ToolCallResult
from llama_index.core.base.llms.types import ChatMessage, MessageRole, ToolCallBlock
from llama_index.core.llms import LLM, MockFunctionCallingLLM
from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec

from zendesk_talk_connector import ZendeskTalkConnector
from zendesk_talk_connector.models import ZendeskTalkApiTokenAuthConfig
from zendesk_talk_connector.output import table_records

SYSTEM_PROMPT = (
    "You answer questions about a Zendesk Talk (voice) account using the tools. Ask for only "
    "the fields you need; follow next_cursor when has_more is true; use the summary numbers."
)
Script = Generator[ChatMessage, str, None]


# -- the scripted model: what a real model would do, step by step ------------------------


def call(name: str, **kwargs: Any) -> ChatMessage:
    block = ToolCallBlock(tool_call_id=f"call_{name}", tool_name=name, tool_kwargs=kwargs)
    return ChatMessage(role=MessageRole.ASSISTANT, blocks=[block])


def say(text: str) -> ChatMessage:
    return ChatMessage(role=MessageRole.ASSISTANT, content=text)


def paged(name: str, **kwargs: Any) -> Generator[ChatMessage, str, list[dict[str, Any]]]:
    """Call a list tool, then follow next_cursor until every record has been seen."""
    out = json.loads((yield call(name, **kwargs)))
    records = table_records(out)
    while out["has_more"]:
        out = json.loads((yield call(name, **kwargs, cursor=out["next_cursor"])))
        records += table_records(out)
    return records


def sms_numbers() -> Script:
    rows = yield from paged(
        "zendesk_talk_phone_numbers_list", limit=1000, fields=["number", "sms_enabled"]
    )
    sms = [r["number"] for r in rows if r["sms_enabled"]]
    yield say(f"{len(sms)} of {len(rows)} numbers have SMS enabled, e.g. {', '.join(sms[:5])}.")


def queue_activity() -> Script:
    out = json.loads((yield call("zendesk_talk_current_queue_activity_list")))
    q = table_records(out)[0]
    yield say(
        f"Right now {q['calls_waiting']} calls and {q['callbacks_waiting']} callbacks are "
        f"waiting (longest {q['longest_wait_time']} s); {q['agents_online']} agents are online."
    )


def most_missed() -> Script:
    rows = yield from paged(
        "zendesk_talk_agents_activity_list", limit=500, fields=["name", "calls_missed"]
    )
    top = max(rows, key=lambda r: r.get("calls_missed", 0))
    yield say(f"{top['name']} missed the most calls today: {top.get('calls_missed', 0)}.")


def average_duration(since: str) -> Callable[[], Script]:
    def script() -> Script:
        error = yield call(  # a typo, as models make: the error names the allowed params
            "zendesk_talk_calls_list", start_tme=since, fields=["duration"]
        )
        assert "start_time" in error
        out = json.loads(
            (
                yield call(
                    "zendesk_talk_calls_list", start_time=since, limit=100_000, fields=["duration"]
                )
            )
        )
        d = out["summary"]["duration"]
        yield say(f"Since {since}: {d['count']} calls, average duration {d['avg']} seconds.")

    return script


def scripted_llm(script: Script) -> MockFunctionCallingLLM:
    """A function-calling LLM playing ``script``; each tool output's text is sent into it."""
    started = False

    def respond(messages: Sequence[ChatMessage], **kwargs: Any) -> ChatMessage:
        nonlocal started
        if not started:
            started = True
            return next(script)
        tool_outputs = [m for m in messages if m.role == MessageRole.TOOL]
        return script.send(tool_outputs[-1].content or "")

    return MockFunctionCallingLLM(response_generator=respond)


# -- the application ---------------------------------------------------------------------


def real_llm() -> LLM | None:
    """An OpenAI model when OPENAI_API_KEY is set and llama-index-llms-openai is installed."""
    if not os.environ.get("OPENAI_API_KEY"):
        return None
    try:
        openai = importlib.import_module("llama_index.llms.openai")
    except ImportError:
        print("OPENAI_API_KEY is set but llama-index-llms-openai is not installed: offline run.")
        return None
    llm: LLM = openai.OpenAI(model=os.environ.get("OPENAI_MODEL", "gpt-4.1-mini"))
    return llm


@contextlib.contextmanager
def talk_api() -> Iterator[tuple[ZendeskTalkApiTokenAuthConfig, dict[str, str], int]]:
    """(auth, connector config, "now") for Zendesk if configured, else the sandbox."""
    env = {k: os.environ.get(f"ZENDESK_{k.upper()}") for k in ("subdomain", "email", "api_token")}
    if all(env.values()):
        auth = ZendeskTalkApiTokenAuthConfig(email=env["email"], api_token=env["api_token"])
        yield (
            auth,
            {"subdomain": str(env["subdomain"])},
            int(datetime.now(timezone.utc).timestamp()),
        )
        return
    from zendesk_talk_connector.sandbox import Sandbox  # only needed offline

    with Sandbox(seed=0) as sb:
        print(f"Sandbox Talk API at {sb.base_url} (seed 0)")
        auth = ZendeskTalkApiTokenAuthConfig(email=sb.email, api_token=sb.api_token)
        yield auth, {"base_url": sb.base_url}, sb.data.now


async def ask(tools: list[Any], llm: LLM, question: str) -> str:
    agent = FunctionAgent(tools=tools, llm=llm, system_prompt=SYSTEM_PROMPT)
    print(f"\nQ: {question}")
    handler = agent.run(user_msg=question)
    async for event in handler.stream_events():
        if isinstance(event, ToolCallResult):
            output = event.tool_output
            status = "ERROR" if output.is_error else "ok"
            print(f"  tool {event.tool_name}({json.dumps(event.tool_kwargs)})")
            more = "..." if len(output.content) > 240 else ""
            print(f"    {status}: {output.content[:240]}{more}")
    answer = str(await handler)
    print(f"A: {answer}")
    return answer


async def main() -> None:
    llm = real_llm()
    with talk_api() as (auth, config, now):
        since = (datetime.fromtimestamp(now, timezone.utc) - timedelta(days=2)).date().isoformat()
        questions: list[tuple[str, Callable[[], Script]]] = [
            ("Which phone numbers have SMS enabled?", sms_numbers),
            ("Show current queue activity", queue_activity),
            ("Which agent missed the most calls today?", most_missed),
            (f"What is the average call duration since {since}?", average_duration(since)),
        ]
        async with ZendeskTalkConnector(auth, config) as connector:
            spec = ZendeskTalkToolSpec(connector=connector)
            tools = spec.to_tool_list()
            print(f"{len(tools)} tools, e.g. {', '.join(t.metadata.get_name() for t in tools[:3])}")

            # Direct use, no agent: sync call (fine inside a running loop), typed raw_output.
            lines = next(t for t in tools if t.metadata.name == "zendesk_talk_lines_list")
            output = lines.call(limit=2, fields=["id", "nickname"])
            typed = output.raw_output
            print(f"Direct sync call: {output.content}")
            print(f"  raw_output: {type(typed).__name__} with {len(typed.data)} typed records")

            for question, script in questions:
                await ask(tools, llm or scripted_llm(script()), question)
            spec.runner.sync_connector.close()  # the sync twin made for tool.call()


if __name__ == "__main__":
    asyncio.run(main())

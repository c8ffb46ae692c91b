"""A LangChain agent (``langchain.agents.create_agent``) answering Zendesk Talk questions with
``ZendeskTalkToolkit``.

Offline by default: the Talk API is the embedded sandbox (seeded data on a loopback server,
"today" fixed at 2024-11-29 15:30 UTC) and the "model" is a scripted chat model that reads
each tool output the way a real model would. Nothing leaves the machine and no key is
needed::

    pip install -e . -e "integrations/langchain[dev]"
    python cookbook/langchain_agent.py

It prints, for each question, the tool calls, what the model saw (compact JSON, or the error
text for a bad call), the typed artifact the application gets, and the final answer.

With a real model (not run in CI): set ``OPENAI_API_KEY`` with ``langchain-openai``
installed (model: ``OPENAI_MODEL``, default ``gpt-4.1-mini``), or ``ANTHROPIC_API_KEY`` with
``langchain-anthropic`` installed (model: ``ANTHROPIC_MODEL``, default ``claude-sonnet-4-5``)::

    OPENAI_API_KEY=sk-... python cookbook/langchain_agent.py

The data comes from the sandbox, so you can compare the model's answers with the scripted
ones, unless ``ZENDESK_SUBDOMAIN``, ``ZENDESK_EMAIL`` and ``ZENDESK_API_TOKEN`` are set: then
your Zendesk account is queried (read-only), with the scripted model or a real one
(``ZENDESK_BASE_URL`` instead of the subdomain names another host)::

    ZENDESK_SUBDOMAIN=acme ZENDESK_EMAIL=me@acme.com ZENDESK_API_TOKEN=... \
        python cookbook/langchain_agent.py
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any

from langchain.agents import create_agent
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_zendesk_talk import ZendeskTalkToolkit
from pydantic import SkipValidation

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkApiTokenAuthConfig
from zendesk_talk_connector.output import table_records

NOW = 1_732_894_200  # the sandbox's "now": Friday 2024-11-29 15:30:00 UTC
ENV_SETTINGS = ("subdomain", "base_url", "email", "api_token")  # ZENDESK_<NAME> variables
SYSTEM_PROMPT = (
    "You answer questions about a Zendesk Talk (voice) account using the tools. Ask only for "
    "the fields you need (fields=[...]); use the summary numbers for totals and averages."
)
History = list[BaseMessage]
Script = Callable[[History], Iterator[AIMessage]]


# -- the scripted model: what a real model would do, step by step ------------------------


class ScriptedChatModel(GenericFakeChatModel):
    """``GenericFakeChatModel`` that accepts ``bind_tools`` and lets its script read the
    conversation (tool outputs included) before choosing the next message."""

    history: Annotated[History, SkipValidation()] = []

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedChatModel:
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        self.history[:] = messages
        return super()._generate(messages, *args, **kwargs)


def call(name: str, **args: Any) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": f"call_{name}"}])


def seen(history: History) -> Any:
    """The last tool output, as the model reads it."""
    message = history[-1]
    assert isinstance(message, ToolMessage)
    return json.loads(str(message.content)) if message.status == "success" else message.content


def sms_numbers(history: History) -> Iterator[AIMessage]:
    yield call(
        "zendesk_talk_phone_numbers_list",
        limit=1000,
        fields=["number", "sms_enabled"],
        where=["sms_enabled=true"],
    )
    out = seen(history)
    numbers = [r["number"] for r in table_records(out)]
    yield AIMessage(
        f"{out['matched']} of {out['returned']} numbers have SMS enabled, e.g. "
        f"{', '.join(numbers[:5])}."
    )


def queue(history: History) -> Iterator[AIMessage]:
    yield call("zendesk_talk_current_queue_activity_list")
    now = table_records(seen(history))[0]
    yield AIMessage(
        f"Right now {now.get('calls_waiting', 0)} calls and {now.get('callbacks_waiting', 0)} "
        f"callbacks are waiting (longest wait {now.get('longest_wait_time', 0)} s); "
        f"{now.get('agents_online', 0)} agents are online."
    )


def most_missed(history: History) -> Iterator[AIMessage]:
    yield call(
        "zendesk_talk_agents_activity_list", limit=1000, fields=["agent_id", "name", "calls_missed"]
    )
    rows = table_records(seen(history))
    top = max(rows, key=lambda r: r.get("calls_missed", 0))
    yield AIMessage(
        f"{top['name']} (agent {top['agent_id']}) missed the most calls today: "
        f"{top.get('calls_missed', 0)}."
    )


def average_duration(since: str) -> Script:
    def script(history: History) -> Iterator[AIMessage]:
        # A typo first ("feilds"): the error names the allowed params, and the model retries.
        yield call("zendesk_talk_calls_list", start_time=since, limit=100000, feilds=["duration"])
        yield call("zendesk_talk_calls_list", start_time=since, limit=100000, fields=["duration"])
        duration = seen(history)["summary"]["duration"]
        yield AIMessage(
            f"The average duration of the {duration['count']} calls since {since} is "
            f"{duration['avg']} s ({duration['avg'] / 60:.1f} min)."
        )

    return script


def questions(now: int) -> list[tuple[str, Script]]:
    since = (datetime.fromtimestamp(now, timezone.utc) - timedelta(days=2)).date().isoformat()
    return [
        ("Which phone numbers have SMS enabled?", sms_numbers),
        ("Show current queue activity", queue),
        ("Which agent missed the most calls today?", most_missed),
        (f"What is the average call duration since {since}?", average_duration(since)),
    ]


# -- a real model, when a key is set --------------------------------------------------------


def real_model() -> BaseChatModel | None:
    """ChatOpenAI or ChatAnthropic when its key is set and its package installed."""
    if os.environ.get("OPENAI_API_KEY"):
        try:
            from langchain_openai import ChatOpenAI
        except ImportError:
            pass
        else:
            return ChatOpenAI(model=os.environ.get("OPENAI_MODEL", "gpt-4.1-mini"))
    if os.environ.get("ANTHROPIC_API_KEY"):
        try:
            from langchain_anthropic import ChatAnthropic
        except ImportError:
            pass
        else:
            model = os.environ.get("ANTHROPIC_MODEL", "claude-sonnet-4-5")
            return ChatAnthropic(model=model)
    return None


# -- the Talk API: your account when configured, else the sandbox ---------------------------


@contextlib.contextmanager
def talk_api() -> Iterator[tuple[ZendeskTalkApiTokenAuthConfig, dict[str, str], int]]:
    """(auth, connector config, "now") for Zendesk if configured, else the sandbox."""
    env = {k: os.environ.get(f"ZENDESK_{k.upper()}", "") for k in ENV_SETTINGS}
    host = {"base_url": env["base_url"]} if env["base_url"] else {"subdomain": env["subdomain"]}
    if env["email"] and env["api_token"] and any(host.values()):
        auth = ZendeskTalkApiTokenAuthConfig(email=env["email"], api_token=env["api_token"])
        print(f"Zendesk account at {next(iter(host.values()))} (read-only)")
        yield auth, host, int(datetime.now(timezone.utc).timestamp())
        return
    from zendesk_talk_connector.sandbox import Sandbox  # only needed offline

    with Sandbox(seed=0, now=NOW) as sandbox:
        print(f"Sandbox Talk API at {sandbox.base_url}")
        auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
        yield auth, {"base_url": sandbox.base_url}, NOW


# -- the run --------------------------------------------------------------------------------


def show(messages: list[BaseMessage]) -> None:
    for message in messages:
        if isinstance(message, AIMessage):
            for tool_call in message.tool_calls:
                print(f"  tool {tool_call['name']}({json.dumps(tool_call['args'])})")
        elif isinstance(message, ToolMessage):
            text = str(message.content)
            if message.status == "error":
                print(f"    ERROR: {text}")
            else:
                print(f"    -> {text[:240]}{'...' if len(text) > 240 else ''}")
                print(f"       artifact: {type(message.artifact).__name__}")


def main() -> None:
    with talk_api() as (auth, config, now), SyncZendeskTalkConnector(auth, config) as connector:
        toolkit = ZendeskTalkToolkit(connector=connector)
        tools = toolkit.get_tools()
        print(f"{len(tools)} tools, e.g. {', '.join(t.name for t in tools[:3])}")
        model = real_model()
        print(f"Model: {type(model).__name__ if model else 'scripted (offline)'}")
        for question, script in questions(now):
            if model is None:
                history: History = []
                llm: BaseChatModel = ScriptedChatModel(messages=script(history), history=history)
            else:
                llm = model
            agent = create_agent(llm, tools, system_prompt=SYSTEM_PROMPT)
            print(f"\nQ: {question}")
            state: Any = {"messages": [{"role": "user", "content": question}]}
            result = agent.invoke(state)
            show(result["messages"])
            print(f"A: {result['messages'][-1].content}")
        toolkit.close()


if __name__ == "__main__":
    main()

"""The demo: start the embedded sandbox and answer operations questions through the connector.

Run with ``make demo`` or ``python -m zendesk_talk_connector.demo``. Nothing leaves this
machine: the sandbox is a Talk API emulator on loopback with seeded data.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from . import ZendeskTalkApiTokenAuthConfig, ZendeskTalkConnector
from .models import AgentActivity, CurrentQueueActivity, PhoneNumber
from .results import ZendeskTalkExecuteResult
from .sandbox import Sandbox

__all__ = [
    "main",
]


def _heading(text: str) -> None:
    print(f"\n## {text}")


async def answer_questions(connector: ZendeskTalkConnector) -> None:
    numbers: list[PhoneNumber] = [n async for n in connector.phone_numbers.iter()]

    _heading("Which phone numbers have SMS enabled?")
    sms = [n for n in numbers if n.sms_enabled]
    print(f"{len(sms)} of {len(numbers)} numbers have SMS enabled, e.g.:")
    for number in sms[:5]:
        print(f"  {number.display_number or number.number}  {number.name or ''}")

    _heading("Which are toll-free?")
    toll_free = [n for n in numbers if n.toll_free]
    by_country = Counter(n.country_code for n in toll_free)
    print(f"{len(toll_free)} toll-free numbers: {dict(by_country.most_common())}")

    _heading("Current queue activity")
    queue = (await connector.current_queue_activity.list()).data[0]
    assert isinstance(queue, CurrentQueueActivity)
    print(
        f"{queue.calls_waiting} calls and {queue.callbacks_waiting} callbacks waiting, "
        f"{queue.agents_online} agents online, longest wait {queue.longest_wait_time} s, "
        f"average wait {queue.average_wait_time} s"
    )

    _heading("Which agent missed the most calls today?")
    activity: list[AgentActivity] = [a async for a in connector.agents_activity.iter()]
    worst = max(activity, key=lambda a: a.calls_missed or 0)
    print(f"{worst.name} (agent {worst.agent_id}) missed {worst.calls_missed} call(s) today")

    _heading("What is the average call duration?")
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    since = int(today.timestamp()) - 6 * 86_400
    durations = [
        call.duration
        async for call in connector.calls.iter(start_time=since)
        if call.duration is not None
    ]
    average = sum(durations) / len(durations)
    overview = (await connector.account_overview.list()).data[0]
    print(
        f"Over the last 7 days: {average:.0f} s across {len(durations)} calls "
        f"(incremental export, all pages). Today: "
        f"{overview.average_call_duration} s across {overview.total_calls} calls "
        "(account overview)."
    )


async def answer_from_a_store(sandbox: Sandbox, directory: str) -> None:
    """Sync the sandbox into a local store, then answer with one aggregate call each."""
    async with ZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token),
        base_url=sandbox.base_url,
        store=Path(directory) / "talk.sqlite3",
    ) as connector:
        week_ago = int(datetime.now(timezone.utc).timestamp()) - 7 * 86_400
        # The sandbox has no export rate limit; a real account keeps the default 10 a minute.
        report = await connector.sync(since=week_ago, export_requests_per_minute=None)
        _heading(f"Local store: {report.records:,} records synced")

        _heading("Which agent missed the most calls this week (7 days)? One aggregate call")
        missed = await connector.execute(
            "call_legs",
            "context_store_aggregate",
            {
                "filter": {"eq": {"completion_status": "agent_missed"}},
                "group_by": ["agent_id"],
                "sort": [{"count": "desc"}],
                "limit": 3,
            },
        )
        assert isinstance(missed, ZendeskTalkExecuteResult)
        for row in missed.data:
            agent = row.model_dump()
            print(
                f"  {agent.get('agent_name')} (agent {agent['agent_id']}): {agent['count']} missed"
            )

        _heading("Average call duration per day? One aggregate call")
        per_day = await connector.execute(
            "calls",
            "context_store_aggregate",
            {"group_by": ["day:created_at"], "metrics": ["count", "avg:duration"]},
        )
        assert isinstance(per_day, ZendeskTalkExecuteResult)
        for row in per_day.data:
            day = row.model_dump()
            print(
                f"  {day['created_at_day']}: {day['avg_duration']:.0f} s over {day['count']} calls"
            )


async def main() -> None:
    with Sandbox(seed=0) as sandbox:
        print(f"Sandbox Talk API at {sandbox.base_url} (seeded data, nothing leaves this machine)")
        async with ZendeskTalkConnector(
            ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token),
            base_url=sandbox.base_url,
        ) as connector:
            print(f"check(): {(await connector.check()).status}")
            await answer_questions(connector)
        with tempfile.TemporaryDirectory() as directory:
            await answer_from_a_store(sandbox, directory)


if __name__ == "__main__":
    asyncio.run(main())

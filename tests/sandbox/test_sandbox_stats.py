"""Stats agree with the calls and legs the exports serve (what a client can cross-check)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest

from zendesk_talk_connector.sandbox import Sandbox


def _today(sb: Sandbox, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    day = datetime.fromtimestamp(sb.data.now, timezone.utc).strftime("%Y-%m-%d")
    return [r for r in records if r["updated_at"].startswith(day)]


def _activity(client: httpx.Client, **params: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    url: str | None = "/stats/agents_activity"
    query: dict[str, str] | None = params
    while url:
        body = client.get(url, params=query).json()
        rows.extend(body["agents_activity"])
        url, query = body["next_page"], None
    return rows


def test_today_has_calls_and_the_same_set_by_either_timestamp(sandbox: Sandbox) -> None:
    day = datetime.fromtimestamp(sandbox.data.now, timezone.utc).strftime("%Y-%m-%d")
    by_created = {c["id"] for c in sandbox.data.calls if c["created_at"].startswith(day)}
    by_updated = {c["id"] for c in _today(sandbox, sandbox.data.calls)}
    assert by_created == by_updated
    assert len(by_created) > 200
    legs = _today(sandbox, sandbox.data.legs)
    assert {leg["id"] for leg in legs} == {
        leg["id"] for leg in sandbox.data.legs if leg["created_at"].startswith(day)
    }


def test_agents_activity_counts_come_from_todays_legs(
    sandbox: Sandbox, client: httpx.Client
) -> None:
    legs = [leg for leg in _today(sandbox, sandbox.data.legs) if leg["type"] == "agent"]
    status = Counter((leg["agent_id"], leg["completion_status"]) for leg in legs)
    talk = Counter[int]()
    for leg in legs:
        if leg["completion_status"] == "completed":
            talk[leg["agent_id"]] += leg["talk_time"]
    rows = _activity(client, per_page="40")
    assert [r["agent_id"] for r in rows] == [a["id"] for a in sandbox.data.agents]
    for row in rows:
        agent = row["agent_id"]
        assert row["calls_accepted"] == status[(agent, "completed")]
        assert row["calls_missed"] == status[(agent, "agent_missed")]
        assert row["calls_denied"] == status[(agent, "agent_declined")]
        assert row["total_talk_time"] == talk[agent]
        assert row["online_time"] == (
            row["available_time"] + row["away_time"] + row["transfers_only_time"]
        )
        assert row["online_time"] <= sandbox.data.now - sandbox.data.today_start
        availability = sandbox.data.availabilities[agent]
        assert row["agent_state"] == availability["agent_state"]

    missed = Counter(leg["agent_id"] for leg in legs if leg["completion_status"] == "agent_missed")
    assert sum(missed.values()) > 0
    top = max(missed.values())
    most_missed_from_legs = {agent for agent, n in missed.items() if n == top}
    most_missed_from_stats = {r["agent_id"] for r in rows if r["calls_missed"] == top}
    assert most_missed_from_legs == most_missed_from_stats
    assert max(r["calls_missed"] for r in rows) == top


def test_agents_activity_group_filter(sandbox: Sandbox, client: httpx.Client) -> None:
    groups = {sandbox.data.groups[1]["id"], sandbox.data.groups[4]["id"]}
    everyone = {r["agent_id"]: r for r in _activity(client)}
    rows = _activity(client, group_ids=",".join(map(str, sorted(groups))))
    expected = [a["id"] for a in sandbox.data.agents if groups & set(a["group_ids"])]
    assert [r["agent_id"] for r in rows] == expected
    assert 0 < len(rows) < len(everyone)
    for row in rows:
        assert row == everyone[row["agent_id"]]
    bad = client.get("/stats/agents_activity", params={"group_ids": "1,abc"})
    assert bad.status_code == 400
    assert bad.json()["error"] == "InvalidValue"


def test_agents_overview_sums_agents_activity(client: httpx.Client) -> None:
    rows = _activity(client)
    overview = client.get("/stats/agents_overview").json()["agents_overview"]
    for key in ("calls_accepted", "calls_missed", "calls_denied", "calls_put_on_hold"):
        assert overview[f"total_{key}"] == sum(r[key] for r in rows)
        assert overview[f"average_{key}"] == sum(r[key] for r in rows) // len(rows)
    assert overview["total_talk_time"] == sum(r["total_talk_time"] for r in rows)
    assert overview["average_online_time"] == sum(r["online_time"] for r in rows) // len(rows)


def _expected_overview(calls: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "total_calls": len(calls),
        "total_inbound_calls": sum(c["direction"] == "inbound" for c in calls),
        "total_outbound_calls": sum(c["direction"] == "outbound" for c in calls),
        "total_call_duration": sum(c["duration"] for c in calls),
        "average_call_duration": sum(c["duration"] for c in calls) // len(calls),
        "total_voicemails": sum(bool(c["voicemail"]) for c in calls),
        "total_hold_time": sum(c["hold_time"] for c in calls),
        "max_queue_wait_time": max(c["wait_time"] for c in calls),
        "total_calls_abandoned_in_queue": sum(
            c["completion_status"] == "abandoned_in_queue" for c in calls
        ),
    }


def test_account_overview_matches_todays_calls(sandbox: Sandbox, client: httpx.Client) -> None:
    calls = _today(sandbox, sandbox.data.calls)
    overview = client.get("/stats/account_overview.json").json()["account_overview"]
    assert overview.items() >= _expected_overview(calls).items()
    assert (
        overview["total_calls"]
        == overview["total_inbound_calls"] + overview["total_outbound_calls"]
    )


def test_account_overview_phone_number_filter(sandbox: Sandbox, client: httpx.Client) -> None:
    calls = _today(sandbox, sandbox.data.calls)
    per_number = Counter(c["phone_number_id"] for c in calls if c["phone_number_id"])
    busiest = [number for number, _ in per_number.most_common(3)]
    params = {"phone_number_ids": ",".join(map(str, busiest))}
    overview = client.get("/stats/account_overview", params=params).json()["account_overview"]
    subset = [c for c in calls if c["phone_number_id"] in busiest]
    assert overview.items() >= _expected_overview(subset).items()
    assert overview["total_calls"] < len(calls)


def test_current_queue_activity(sandbox: Sandbox, client: httpx.Client) -> None:
    everything = client.get("/stats/current_queue_activity").json()["current_queue_activity"]
    online = sum(a["agent_state"] == "online" for a in sandbox.data.availabilities.values())
    assert everything["agents_online"] == online
    assert everything["longest_wait_time"] >= everything["average_wait_time"] >= 0
    one = str(sandbox.data.phone_numbers[0]["id"])
    some = client.get("/stats/current_queue_activity", params={"phone_number_ids": one}).json()
    filtered = some["current_queue_activity"]
    for key in ("calls_waiting", "callbacks_waiting", "embeddable_callbacks_waiting"):
        assert 0 <= filtered[key] <= everything[key]
    # Same request, same snapshot.
    assert client.get("/stats/current_queue_activity").json()["current_queue_activity"] == (
        everything
    )


@pytest.mark.parametrize("path", ["/stats/account_overview", "/stats/current_queue_activity"])
def test_phone_number_ids_validation(client: httpx.Client, path: str) -> None:
    response = client.get(path, params={"phone_number_ids": "12,x"})
    assert response.status_code == 400
    assert response.json()["error"] == "InvalidValue"

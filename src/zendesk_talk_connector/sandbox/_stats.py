"""Talk stats computed from the sandbox's calls and legs, so they agree with the exports.

"Today" is the UTC date of ``data.now``. Definitions (all integers, seconds for times):

agents_activity (per agent, from today's legs with ``type == "agent"`` and that ``agent_id``):
    calls_accepted / calls_missed / calls_denied = legs with completion_status
    ``completed`` / ``agent_missed`` / ``agent_declined``;
    total_talk_time, total_hold_time, total_wrap_up_time, total_call_duration = sums over the
    accepted (completed) legs; calls_put_on_hold = accepted legs with hold_time > 0;
    average_talk_time / average_hold_time / average_wrap_up_time = total // calls_accepted
    (0 when none); accepted_transfers = accepted legs with ``transferred_from``;
    started_transfers = legs with ``transferred_to``. agent_state, call_status and via are the
    agent's current availability; available/away/online/transfers_only times are seeded.
agents_overview: ``total_*`` = sums over all agents; averages of counts and of state times =
    integer mean over all agents; average talk/hold/wrap-up time = total // total accepted.
account_overview (from today's calls, optionally only those whose ``phone_number_id`` is in
    ``phone_number_ids``): total_calls, total_inbound_calls, total_outbound_calls;
    ``total_X`` = sum of X; ``average_X`` = total_X // total_calls (average_queue_wait_time
    uses wait_time); average_time_to_answer = mean over calls with a time_to_answer;
    average_callback_wait_time = mean wait_time of callback calls; max_queue_wait_time =
    max wait_time; max_calls_waiting = the most inbound calls waiting in queue at once.
current_queue_activity: agents_online = agents whose availability is ``online`` now; the queue
    numbers are a seeded per-phone-number snapshot, summed over the selected numbers.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

from ._data import JSON, SandboxData, epoch

AGENT_COUNTERS = (
    "calls_accepted",
    "calls_denied",
    "calls_missed",
    "calls_put_on_hold",
    "total_call_duration",
    "total_talk_time",
    "total_hold_time",
    "total_wrap_up_time",
    "accepted_transfers",
    "started_transfers",
    "accepted_third_party_conferences",
    "started_third_party_conferences",
)
_STATE_TIMES = ("available_time", "away_time", "online_time", "transfers_only_time")


def agent_base_stats(data: SandboxData) -> dict[int, JSON]:
    """Per agent: today's counters from legs plus seeded time-in-state (no live state)."""
    start = data.today_start
    elapsed = max(0, data.now - start)
    counters: dict[int, JSON] = {a["id"]: dict.fromkeys(AGENT_COUNTERS, 0) for a in data.agents}
    for leg in data.legs:
        if leg["type"] != "agent" or leg["agent_id"] not in counters:
            continue
        if epoch(leg["created_at"]) < start:
            continue
        row = counters[leg["agent_id"]]
        status = leg["completion_status"]
        if leg["transferred_to"] is not None:
            row["started_transfers"] += 1
        if status == "agent_missed":
            row["calls_missed"] += 1
        elif status == "agent_declined":
            row["calls_denied"] += 1
        elif status == "completed":
            row["calls_accepted"] += 1
            row["total_call_duration"] += leg["duration"] or 0
            row["total_talk_time"] += leg["talk_time"] or 0
            row["total_hold_time"] += leg["hold_time"] or 0
            row["total_wrap_up_time"] += leg["wrap_up_time"] or 0
            if leg["hold_time"]:
                row["calls_put_on_hold"] += 1
            if leg["transferred_from"] is not None:
                row["accepted_transfers"] += 1
    result: dict[int, JSON] = {}
    for agent in data.agents:
        row = counters[agent["id"]]
        accepted = row["calls_accepted"]
        for name in ("talk", "hold", "wrap_up"):
            row[f"average_{name}_time"] = row[f"total_{name}_time"] // accepted if accepted else 0
        rng = random.Random(f"zendesk-talk-sandbox:{data.seed}:presence:{agent['id']}")
        busy = row["total_call_duration"] + row["total_wrap_up_time"]
        online = min(elapsed, max(busy, int(elapsed * rng.uniform(0.25, 0.9))))
        available = max(busy, int(online * rng.uniform(0.5, 0.85)))
        available = min(available, online)
        away = int((online - available) * rng.uniform(0.3, 0.8))
        row.update(
            online_time=online,
            available_time=available,
            away_time=away,
            transfers_only_time=online - available - away,
        )
        result[agent["id"]] = row
    return result


def agent_activity(agent: JSON, base: JSON, availability: JSON) -> JSON:
    """One ``agents_activity`` element: identity, live availability, today's numbers."""
    return {
        "agent_id": agent["id"],
        "name": agent["name"],
        "avatar_url": agent["avatar_url"],
        "agent_state": availability.get("agent_state"),
        "call_status": availability.get("call_status"),
        "via": availability.get("via"),
        "forwarding_number": agent["forwarding_number"],
        **{key: base[key] for key in _STATE_TIMES},
        **{key: base[key] for key in AGENT_COUNTERS},
        "average_talk_time": base["average_talk_time"],
        "average_hold_time": base["average_hold_time"],
        "average_wrap_up_time": base["average_wrap_up_time"],
    }


def agents_overview(base: Iterable[JSON]) -> JSON:
    """Totals and averages over all agents."""
    rows = list(base)
    n = len(rows) or 1

    def total(key: str) -> int:
        return sum(int(r[key]) for r in rows)

    accepted = total("calls_accepted")
    out: JSON = {}
    for key in ("accepted_transfers", "started_transfers"):
        out[f"total_{key}"] = total(key)
        out[f"average_{key}"] = total(key) // n
    for key in ("calls_accepted", "calls_denied", "calls_missed", "calls_put_on_hold"):
        out[f"total_{key}"] = total(key)
        out[f"average_{key}"] = total(key) // n
    for key in _STATE_TIMES:
        out[f"average_{key}"] = total(key) // n
    for name in ("talk", "hold", "wrap_up"):
        out[f"total_{name}_time"] = total(f"total_{name}_time")
        out[f"average_{name}_time"] = out[f"total_{name}_time"] // accepted if accepted else 0
    return dict(sorted(out.items()))


def account_overview(calls_today: list[JSON], phone_number_ids: set[int] | None) -> JSON:
    """Today's call stats, optionally only for calls on the given phone numbers."""
    calls = (
        calls_today
        if phone_number_ids is None
        else [c for c in calls_today if c["phone_number_id"] in phone_number_ids]
    )
    n = len(calls)

    def total(key: str, rows: list[JSON] = calls) -> int:
        return sum(int(c[key] or 0) for c in rows)

    def mean(key: str, rows: list[JSON]) -> int:
        return total(key, rows) // len(rows) if rows else 0

    callbacks = [c for c in calls if c["callback"]]
    answered = [c for c in calls if c["time_to_answer"] is not None]
    waits = sorted(
        (epoch(c["created_at"]) + (c["ivr_time_spent"] or 0), c["wait_time"])
        for c in calls
        if c["direction"] == "inbound" and c["wait_time"]
    )
    events: list[tuple[int, int]] = []
    for begin, wait in waits:
        events.append((begin, 1))
        events.append((begin + wait, -1))
    events.sort(key=lambda e: (e[0], e[1]))
    waiting = max_waiting = 0
    for _, delta in events:
        waiting += delta
        max_waiting = max(max_waiting, waiting)
    return {
        "average_call_duration": mean("duration", calls),
        "average_queue_wait_time": mean("wait_time", calls),
        "average_wrap_up_time": mean("wrap_up_time", calls),
        "max_calls_waiting": max_waiting,
        "max_queue_wait_time": max((int(c["wait_time"] or 0) for c in calls), default=0),
        "total_call_duration": total("duration"),
        "total_calls": n,
        "total_voicemails": sum(1 for c in calls if c["voicemail"]),
        "total_wrap_up_time": total("wrap_up_time"),
        "average_callback_wait_time": mean("wait_time", callbacks),
        "average_hold_time": mean("hold_time", calls),
        "average_time_to_answer": mean("time_to_answer", answered),
        "total_callback_calls": len(callbacks),
        "total_calls_abandoned_in_queue": sum(
            1 for c in calls if c["completion_status"] == "abandoned_in_queue"
        ),
        "total_calls_outside_business_hours": sum(1 for c in calls if c["outside_business_hours"]),
        "total_calls_with_exceeded_queue_wait_time": sum(
            1 for c in calls if c["exceeded_queue_wait_time"]
        ),
        "total_calls_with_requested_voicemail": sum(
            1 for c in calls if c["customer_requested_voicemail"]
        ),
        "total_hold_time": total("hold_time"),
        "total_inbound_calls": sum(1 for c in calls if c["direction"] == "inbound"),
        "total_outbound_calls": sum(1 for c in calls if c["direction"] == "outbound"),
        "total_textback_requests": sum(1 for c in calls if c["ivr_action"] == "textback"),
        "total_embeddable_callback_calls": sum(
            1 for c in callbacks if c["callback_source"] == "web_widget"
        ),
    }


def queue_snapshot(data: SandboxData) -> dict[int, JSON]:
    """A seeded "right now" queue per phone number (most numbers have nobody waiting)."""
    rng = random.Random(f"zendesk-talk-sandbox:{data.seed}:queue")
    out: dict[int, JSON] = {}
    for number in data.phone_numbers:
        busy = rng.random() < 0.03
        waiting = rng.choice((1, 1, 1, 2, 3)) if busy else 0
        out[number["id"]] = {
            "calls_waiting": waiting,
            "callbacks_waiting": 1 if rng.random() < 0.01 else 0,
            "embeddable_callbacks_waiting": 1 if rng.random() < 0.005 else 0,
            "ai_agent_calls": 1 if rng.random() < 0.01 else 0,
            "waits": sorted(rng.randint(5, 420) for _ in range(waiting)),
        }
    return out


def current_queue_activity(
    snapshot: dict[int, JSON], availabilities: dict[int, JSON], phone_number_ids: set[int] | None
) -> JSON:
    """The queue right now over the selected numbers (all when ``phone_number_ids`` is None)."""
    rows = [
        row
        for number_id, row in snapshot.items()
        if phone_number_ids is None or number_id in phone_number_ids
    ]
    waits: list[int] = [w for row in rows for w in row["waits"]]

    def total(key: str) -> Any:
        return sum(int(row[key]) for row in rows)

    return {
        "agents_online": sum(
            1 for a in availabilities.values() if a.get("agent_state") == "online"
        ),
        "ai_agent_calls": total("ai_agent_calls"),
        "average_wait_time": sum(waits) // len(waits) if waits else 0,
        "callbacks_waiting": total("callbacks_waiting"),
        "calls_waiting": total("calls_waiting"),
        "embeddable_callbacks_waiting": total("embeddable_callbacks_waiting"),
        "longest_wait_time": max(waits, default=0),
    }

"""context_store_search and context_store_aggregate over a synced store, checked against the
sandbox's own data computed in Python."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from zendesk_talk_connector import AirbyteAuthConfig, SyncZendeskTalkConnector
from zendesk_talk_connector.errors import (
    InvalidParams,
    LocalStoreRequired,
    StoreError,
)
from zendesk_talk_connector.records import parse_records
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.store import LocalStore
from zendesk_talk_connector.store._schema import TABLES

from ..conftest import NOW
from .conftest import local


def search(connector: Any, entity: str, **params: Any) -> Any:
    return connector.execute(entity, "context_store_search", params)


def aggregate(connector: Any, entity: str, **params: Any) -> Any:
    return connector.execute(entity, "context_store_aggregate", params)


def test_search_filters_over_the_whole_list(synced: Any, sandbox: Sandbox) -> None:
    result = search(synced, "phone_numbers", query={"filter": {"eq": {"sms_enabled": True}}})
    expected = {n["id"] for n in sandbox.data.phone_numbers if n.get("sms_enabled")}
    assert {r.id for r in result.data} == expected
    assert result.meta.total == len(expected)
    assert result.meta.synced_at == "2024-11-29T15:30:00Z"
    assert "All phone_numbers" in result.meta.coverage


def test_search_conditions(synced: Any, sandbox: Sandbox) -> None:
    calls = sandbox.data.calls
    query = {
        "filter": {
            "and": [
                {"in": {"completion_status": ["completed", "agent_missed"]}},
                {"gte": {"duration": 600}},
                {"not": {"eq": {"direction": "outbound"}}},
                {"gt": {"created_at": "2024-11-27"}},
            ]
        },
        "sort": [{"duration": "desc"}],
    }
    result = search(synced, "calls", query=query, limit=10_000)
    expected = [
        c
        for c in calls
        if c.get("completion_status") in ("completed", "agent_missed")
        and (c.get("duration") or 0) >= 600
        and c.get("direction") != "outbound"
        and c["created_at"] > "2024-11-27T00:00:00Z"
    ]
    assert expected
    assert sorted(r.id for r in result.data) == sorted(c["id"] for c in expected)
    durations = [r.duration for r in result.data]
    assert durations == sorted(durations, reverse=True)


def test_search_membership_like_keyword_fuzzy_and_paths(synced: Any, sandbox: Sandbox) -> None:
    numbers = sandbox.data.phone_numbers
    group = numbers[0]["group_ids"][0]
    in_group = search(synced, "phone_numbers", query={"filter": {"eq": {"group_ids": group}}})
    assert {r.id for r in in_group.data} == {
        n["id"] for n in numbers if group in (n.get("group_ids") or [])
    }
    name = next(n["name"] for n in numbers if n.get("name") and " " in n["name"])
    word = name.split()[-1]
    keyword = search(synced, "phone_numbers", query={"filter": {"keyword": {"name": word.upper()}}})
    assert name in {r.name for r in keyword.data}
    typo = word[:-1] + ("x" if word[-1] != "x" else "y")
    if len(word) >= 5:
        fuzzy = search(synced, "phone_numbers", query={"filter": {"fuzzy": {"name": typo}}})
        assert name in {r.name for r in fuzzy.data}
    like = search(synced, "phone_numbers", query={"filter": {"like": {"name": f"%{word}%"}}})
    assert name in {r.name for r in like.data}
    sms = search(synced, "phone_numbers", query={"filter": {"eq": {"capabilities.sms": True}}})
    assert {r.id for r in sms.data} == {
        n["id"] for n in numbers if (n.get("capabilities") or {}).get("sms") is True
    }


def test_search_pages_with_a_cursor_and_selects_fields(synced: Any, sandbox: Sandbox) -> None:
    query = {"sort": [{"created_at": "asc"}]}
    seen: list[int] = []
    cursor = None
    for _ in range(100):
        page = search(synced, "calls", query=query, limit=2500, fields=["id"], cursor=cursor)
        seen += [r.id for r in page.data]
        assert all(r.model_fields_set == {"id"} for r in page.data)
        cursor = page.meta.next_cursor
        if not page.meta.has_more:
            break
    assert sorted(seen) == sorted(c["id"] for c in sandbox.data.calls)
    assert len(seen) == len(set(seen))
    other = search(synced, "calls", query=query, limit=1, fields=["id"]).meta.next_cursor
    with pytest.raises(InvalidParams, match="another search"):
        search(synced, "calls", query={}, cursor=other)


def test_aggregate_missed_calls_by_agent_with_names(synced: Any, sandbox: Sandbox) -> None:
    result = aggregate(
        synced,
        "call_legs",
        filter={"eq": {"completion_status": "agent_missed"}},
        group_by=["agent_id"],
        metrics=["count"],
        limit=5,
    )
    counts = Counter(
        leg["agent_id"]
        for leg in sandbox.data.legs
        if leg.get("completion_status") == "agent_missed"
    )
    top = result.data[0].model_dump()
    assert top["count"] == max(counts.values())
    assert counts[top["agent_id"]] == top["count"]
    assert isinstance(top["agent_name"], str) and top["agent_name"]
    assert result.meta.total == len(counts)
    assert result.meta.coverage.startswith("The first 5 of")


def test_aggregate_average_duration_per_day(synced: Any, sandbox: Sandbox) -> None:
    result = aggregate(
        synced,
        "calls",
        group_by=["day:created_at"],
        metrics=["count", "avg:duration", "sum:talk_time"],
    )
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for call in sandbox.data.calls:
        by_day[call["created_at"][:10]].append(call)
    rows = [r.model_dump() for r in result.data]
    assert [row["created_at_day"] for row in rows] == sorted(by_day)
    for row in rows:
        calls = by_day[row["created_at_day"]]
        durations = [c["duration"] for c in calls if c.get("duration") is not None]
        assert row["count"] == len(calls)
        assert row["avg_duration"] == pytest.approx(sum(durations) / len(durations), abs=0.01)
        assert row["sum_talk_time"] == sum(c.get("talk_time") or 0 for c in calls)


def test_aggregate_time_zone_and_sort(synced: Any) -> None:
    utc = aggregate(synced, "calls", group_by=["hour:created_at"], limit=1000)
    paris = aggregate(
        synced, "calls", group_by=["hour:created_at"], timezone="Europe/Paris", limit=1000
    )
    assert sum(r.count for r in utc.data) == sum(r.count for r in paris.data)
    assert utc.data[0].created_at_hour != paris.data[0].created_at_hour  # one hour apart
    by_count = aggregate(synced, "calls", group_by=["direction"], sort=[{"count": "asc"}])
    counts = [r.count for r in by_count.data]
    assert counts == sorted(counts)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"group_by": ["day:duration"]}, "not a time field"),
        ({"metrics": ["avg:direction"]}, "not a number"),
        ({"metrics": ["median:duration"]}, "median"),
        ({"group_by": ["quality_issues"]}, "list/object"),
        ({"group_by": ["direction"], "sort": [{"agent_id": "asc"}]}, "not an output column"),
        ({"group_by": ["day:created_at"], "timezone": "Mars/Olympus"}, "Unknown time zone"),
        ({"group_by": ["agnet_id"]}, "did you mean 'agent_id'"),
    ],
)
def test_aggregate_refuses_what_it_cannot_answer(synced: Any, params: Any, message: str) -> None:
    with pytest.raises(InvalidParams, match=message):
        aggregate(synced, "calls", **params)


def test_store_answers_need_a_store_and_a_sync(sandbox: Sandbox, tmp_path: Path) -> None:
    with local(sandbox, None) as connector, pytest.raises(LocalStoreRequired, match="local store"):
        aggregate(connector, "calls", group_by=["agent_id"])
    with local(sandbox, tmp_path / "empty.sqlite3") as connector:
        with pytest.raises(StoreError, match="not been synced") as info:
            search(connector, "calls")
        assert "sync" in (info.value.hint or "")


def test_hosted_mode_has_no_aggregates(sandbox: Sandbox) -> None:
    hosted = SyncZendeskTalkConnector(
        AirbyteAuthConfig(airbyte_client_id="id", airbyte_client_secret="s", connector_id="c")
    )
    with pytest.raises(LocalStoreRequired, match="needs the local store"):
        aggregate(hosted, "calls", group_by=["agent_id"])
    operations = {(op.entity, op.action) for op in _offered(hosted)}
    assert ("calls", "context_store_search") in operations
    assert ("calls", "context_store_aggregate") not in operations


def _offered(connector: Any) -> list[Any]:
    from zendesk_talk_connector.catalog import OPERATIONS

    return [op for op in OPERATIONS if connector.offers(op)]


def test_a_store_offers_search_and_aggregate_of_stored_entities(synced: Any) -> None:
    offered = {(op.entity, op.action) for op in _offered(synced)}
    assert ("calls", "context_store_aggregate") in offered
    assert ("phone_numbers", "context_store_search") in offered
    assert ("ivr_menus", "context_store_search") not in offered  # not stored


def test_keyword_answers_the_same_with_the_word_index_and_without(
    synced: Any, sandbox: Sandbox
) -> None:
    assert synced.store.has_word_index  # this SQLite build has FTS5
    queries = {
        ("phone_numbers", "name"): [
            next(n["name"] for n in sandbox.data.phone_numbers if n.get("name")).upper(),
            "no-such-word",
        ],
        ("calls", "completion_status"): ["abandoned_in_queue", "completed", "abandoned in queue"],
        ("call_legs", "type"): ["agent", "customer"],
        ("calls", "quality_issues"): ["none"],  # a list field: the function alone, both ways
    }
    with LocalStore(synced.store.path, word_index=False) as scanning_store:
        scanning = local(sandbox, scanning_store)
        assert not scanning_store.has_word_index
        for (entity, name), texts in queries.items():
            for text in [*texts, "", "?!"]:
                query = {"filter": {"keyword": {name: text}}}
                indexed = search(synced, entity, query=query, limit=10_000, fields=["id"])
                scanned = search(scanning, entity, query=query, limit=10_000, fields=["id"])
                assert [r.id for r in indexed.data] == [r.id for r in scanned.data], (name, text)
                assert indexed.meta.total == scanned.meta.total
                if text in ("abandoned_in_queue", "agent", "none"):
                    assert indexed.meta.total > 0
    tables = {row[0] for row in synced.store.query("SELECT name FROM sqlite_master")}
    assert {"phone_numbers__words", "calls__words", "call_legs__words"} <= tables


def test_the_word_index_follows_what_is_written_after_it(
    sandbox: Sandbox, store_path: Path
) -> None:
    table = TABLES["phone_numbers"]
    word = {"filter": {"keyword": {"name": "Zanzibar"}}}
    with local(sandbox, store_path) as connector:
        connector.sync(["phone_numbers"])
        assert search(connector, "phone_numbers", query=word).meta.total == 0  # index built
        renamed = {**sandbox.data.phone_numbers[0], "name": "Zanzibar hotline"}
        with connector.store.transaction() as writer:  # as a later sync writes
            writer.put(table, parse_records(table.operation.record, [renamed]), NOW)
        found = search(connector, "phone_numbers", query=word)
    assert [r.id for r in found.data] == [renamed["id"]]

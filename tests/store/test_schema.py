"""The store file: schema versions, foreign files, new record fields, hostile queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from zendesk_talk_connector.errors import StoreError, ZendeskTalkError
from zendesk_talk_connector.store import SCHEMA_VERSION, LocalStore
from zendesk_talk_connector.store._schema import TABLES, Kind, kind_of


def set_version(path: Path, version: Any) -> None:
    LocalStore(path).state("calls")  # creates the file
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE _store_meta SET value = ? WHERE key = 'schema_version'", (version,)
        )


def test_a_newer_schema_is_refused_with_a_clear_error(store_path: Path) -> None:
    set_version(store_path, SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="newer zendesk-talk-connector") as info:
        LocalStore(store_path).state("calls")
    assert "Upgrade" in (info.value.hint or "")


def test_an_older_schema_is_refused_with_a_clear_error(store_path: Path) -> None:
    set_version(store_path, SCHEMA_VERSION - 1)
    with pytest.raises(StoreError, match="cannot migrate") as info:
        LocalStore(store_path).state("calls")
    assert "sync again" in (info.value.hint or "")


def test_files_that_are_not_stores_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text)")
    with pytest.raises(StoreError, match="not a Zendesk Talk store"):
        LocalStore(other).state("calls")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        LocalStore(garbage).state("calls")


def test_a_new_record_field_becomes_a_column(store_path: Path) -> None:
    with sqlite3.connect(store_path) as connection:  # a store written before `line_type`
        connection.execute("CREATE TABLE _store_meta (key TEXT PRIMARY KEY, value)")
        connection.execute(
            "INSERT INTO _store_meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
        )
        connection.execute(
            "CREATE TABLE calls (id INTEGER PRIMARY KEY, _extra TEXT, _synced_at INTEGER)"
        )
    LocalStore(store_path).state("calls")
    with sqlite3.connect(store_path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(calls)")}
    assert {"line_type", "duration", "agent_id"} <= columns


def test_columns_follow_the_record_models() -> None:
    calls = TABLES["calls"]
    assert calls.by_name["duration"].kind is Kind.INTEGER
    assert calls.by_name["voicemail"].kind is Kind.BOOL
    assert calls.by_name["created_at"].kind is Kind.TIME
    assert calls.by_name["quality_issues"].kind is Kind.JSON
    assert TABLES["greetings"].by_name["id"].kind is Kind.ANY
    assert TABLES["agents_activity"].key == "agent_id"
    assert TABLES["account_overview"].key == "_synced_at"
    assert "ivr_menus" not in TABLES
    assert kind_of("x", dict[str, int] | None) is Kind.JSON
    indexed = {column.name for column in calls.indexed}
    assert {"agent_id", "created_at", "completion_status"} <= indexed


def test_a_measure_grouped_by_agent_reads_only_an_index(store_path: Path) -> None:
    LocalStore(store_path).state("calls")  # creates the file
    with sqlite3.connect(store_path) as connection:
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT agent_id, avg(duration), sum(talk_time) FROM calls "
            "GROUP BY agent_id"
        ).fetchall()
    assert "COVERING INDEX calls__agent_id" in str(plan)


NAMES = st.one_of(
    st.sampled_from(["id", "duration", "created_at", "quality_issues", "agent_id"]),
    st.text(max_size=30),
    st.sampled_from(['id"; DROP TABLE calls; --', "id) OR (1=1", "a.b.c", "quality_issues.x y"]),
)
VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(),
        st.sampled_from(["'; DROP TABLE calls; --", "%", "2024-11-29", "\ud800"]),
    ),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=2)
    ),
    max_leaves=6,
)
OPERATORS = st.sampled_from(
    ["eq", "neq", "gt", "gte", "lt", "lte", "in", "like", "fuzzy", "keyword"]
)


def _conditions() -> st.SearchStrategy[Any]:
    leaf = st.builds(lambda op, name, value: {op: {name: value}}, OPERATORS, NAMES, VALUES)
    return st.recursive(
        leaf,
        lambda children: st.one_of(
            st.builds(lambda items: {"and": items}, st.lists(children, max_size=3)),
            st.builds(lambda items: {"or": items}, st.lists(children, max_size=3)),
            st.builds(lambda item: {"not": item}, children),
            st.dictionaries(st.text(max_size=4), children, max_size=2),
        ),
        max_leaves=8,
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    condition=_conditions(),
    sort=st.lists(
        st.dictionaries(NAMES, st.sampled_from(["asc", "desc", "up"]), max_size=2), max_size=2
    ),
    group=st.lists(st.one_of(NAMES, NAMES.map(lambda n: f"day:{n}")), max_size=2),
    metric=st.one_of(st.just("count"), NAMES.map(lambda n: f"avg:{n}"), st.text(max_size=8)),
)
def test_hostile_queries_only_raise_our_errors(
    synced: Any, condition: Any, sort: Any, group: Any, metric: Any
) -> None:
    before = synced.store.query("SELECT count(*) FROM calls")
    for action, params in (
        ("context_store_search", {"query": {"filter": condition, "sort": sort}, "limit": 3}),
        (
            "context_store_aggregate",
            {"filter": condition, "group_by": group, "metrics": [metric], "limit": 3},
        ),
    ):
        try:
            result = synced.execute("calls", action, params)
        except ZendeskTalkError:
            continue
        assert result.meta.returned <= 3
    assert synced.store.query("SELECT count(*) FROM calls") == before

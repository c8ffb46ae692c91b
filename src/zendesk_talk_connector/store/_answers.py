"""Answers from the local store: ``context_store_search`` and ``context_store_aggregate``."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import Field

from .._paging import decode_cursor, encode_cursor
from .._record_base import Record, parse_records
from ..catalog import Operation
from ..errors import InvalidParams, StoreError
from ..params import (
    ContextStoreAggregateParams,
    ContextStoreSearchParams,
    group_label,
    metric_label,
    split_group_key,
    split_metric,
)
from ..results import ListMeta, ZendeskTalkExecuteResult
from ._db import LocalStore, SyncState
from ._functions import zone
from ._query import Expression, FieldRef, QueryBuilder, bad_query, field_ref
from ._schema import TABLES, Kind, Table, iso_time

_UTC_BUCKETS = {
    "hour": "substr({0}, 1, 13) || ':00'",
    "day": "substr({0}, 1, 10)",
    "week": "date({0}, '-6 days', 'weekday 1')",
    "month": "substr({0}, 1, 7)",
}
_NUMERIC = (Kind.INTEGER, Kind.REAL, Kind.BOOL, Kind.ANY)
NAMED_IDS = {
    "agent_id": ("agent_name", "agents_activity", "agent_id", "name"),
    "phone_number_id": (
        "phone_number_name",
        "phone_numbers",
        "id",
        "coalesce(name, display_number)",
    ),
}
"""Ids the store can name: output column, then the table, key and name expression to read."""


class StoreMeta(ListMeta):
    """:class:`ListMeta` of an answer from the local store: how much it covers, how fresh."""

    total: int = Field(description="Records (search) or groups (aggregate) matching in all.")
    synced_at: str | None = Field(None, description="When the entity was last synced (UTC).")
    window_start: str | None = Field(
        None, description="Exports: records updated before this time are not in the store."
    )
    window_end: str | None = Field(None, description="Exports: the newest update stored.")
    coverage: str = Field(description="What the answer covers, in words.")


def coverage(table: Table, state: SyncState) -> str:
    synced = f"synced at {iso_time(state.synced_at)}"
    if table.incremental:
        return (
            f"All {table.entity} updated from {iso_time(state.window_start)} to "
            f"{iso_time(state.window_end)} ({synced}); older or newer ones are not in the store."
        )
    if table.snapshot:
        return f"One snapshot of {table.entity} per sync (the latest {synced})."
    return f"All {table.entity} as of the last sync ({synced})."


def freshness(store: LocalStore, entity: str) -> str:
    """One sentence on what the store holds of an entity (tool descriptions)."""
    table = TABLES.get(entity)
    state = store.state(entity) if table else None
    if table is None or state is None:
        return "Local store: not synced yet (run `zendesk-talk sync` or connector.sync())."
    return "Local store: " + coverage(table, state)


def _synced(store: LocalStore, operation: Operation) -> tuple[Table, SyncState]:
    table = TABLES.get(operation.entity)
    if table is None:
        raise InvalidParams(
            f"{operation.entity} is not kept in the local store.",
            hint=f"Stored entities: {', '.join(TABLES)}. Use {operation.entity}/list instead.",
        )
    state = store.state(table.entity)
    if state is None:
        raise StoreError(
            f"{table.entity} has not been synced into the local store yet.",
            hint=f"Run connector.sync(entities=['{table.entity}']) or `zendesk-talk sync "
            f"--store {store.path} --entities {table.entity}` first.",
        )
    return table, state


def _meta(table: Table, state: SyncState, returned: int, total: int, **paging: Any) -> StoreMeta:
    return StoreMeta(
        returned=returned,
        has_more=paging.get("next_cursor") is not None,
        total=total,
        synced_at=iso_time(state.synced_at),
        window_start=iso_time(state.window_start),
        window_end=iso_time(state.window_end),
        coverage=coverage(table, state),
        **paging,
    )


@contextmanager
def _sql_errors(table: Table) -> Iterator[None]:
    """SQLite refusing a query (too complex, a value it cannot compare) as a caller error."""
    try:
        yield
    except (sqlite3.Error, OverflowError) as error:
        raise InvalidParams(
            f"The store could not answer this query on {table.entity}: {error}.",
            hint="Simplify the filter (fewer conditions, plain values).",
        ) from None


def search(
    store: LocalStore, operation: Operation, params: ContextStoreSearchParams
) -> ZendeskTalkExecuteResult[Record]:
    """The records matching the query, in its order, ``limit`` at a time."""
    table, state = _synced(store, operation)
    builder = QueryBuilder(table, word_index=store.has_word_index)
    where = builder.where(params.query.filter)
    order = builder.order_by(params.query.sort)
    for path in params.fields or ():
        field_ref(table, ".".join(path))
    fingerprint = hashlib.sha256(
        params.model_dump_json(include={"query", "fields"}).encode()
    ).hexdigest()[:16]
    offset = 0
    if params.cursor is not None:
        state_in_cursor = decode_cursor(operation, params.cursor, o=int, q=str)
        if state_in_cursor["q"] != fingerprint or state_in_cursor["o"] < 0:
            raise InvalidParams(
                "cursor belongs to another search (other query or fields).",
                hint="Repeat the same query and fields with the cursor, or leave cursor out.",
            )
        offset = state_in_cursor["o"]
    sql = f'SELECT {table.select_list} FROM "{table.name}" WHERE {where.sql} ORDER BY {order}'
    with _sql_errors(table):
        if builder.uses_words:
            store.fresh_words(table)
        rows = store.query(f"{sql} LIMIT ? OFFSET ?", [*where.values, params.limit + 1, offset])
        (total,) = store.query(
            f'SELECT count(*) FROM "{table.name}" WHERE {where.sql}', where.values
        )[0]
    more = len(rows) > params.limit
    data = [table.record_dict(row) for row in rows[: params.limit]]
    if params.fields:
        data = [_project(item, params.fields) for item in data]
    records = parse_records(operation.record, data)
    next_cursor = (
        encode_cursor(operation, {"o": offset + len(records), "q": fingerprint}) if more else None
    )
    result: ZendeskTalkExecuteResult[Record] = ZendeskTalkExecuteResult(
        data=records, meta=_meta(table, state, len(records), total, next_cursor=next_cursor)
    )
    result.bind_resume(
        lambda index: encode_cursor(operation, {"o": offset + index, "q": fingerprint})
    )
    return result


def _project(data: dict[str, Any], paths: list[list[str]]) -> dict[str, Any]:
    """Only the requested field paths of a record."""
    out: dict[str, Any] = {}
    for path in paths:
        value: Any = data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            continue
        target = out
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    return out


def aggregate(
    store: LocalStore, operation: Operation, params: ContextStoreAggregateParams
) -> ZendeskTalkExecuteResult[Record]:
    """One row per group: the group keys, then the metrics, with names for known ids."""
    table, state = _synced(store, operation)
    builder = QueryBuilder(table, word_index=store.has_word_index)
    where = builder.where(params.filter)
    groups = [_group_expression(table, key, params.timezone) for key in params.group_by]
    metrics = [_metric_expression(table, metric) for metric in params.metrics]
    columns = params.output_columns()
    selected = [*groups, *metrics]
    select = ", ".join(f"{e.sql} AS c{i}" for i, e in enumerate(selected))
    select_values = [value for e in selected for value in e.values]
    group_sql = f" GROUP BY {', '.join(f'c{i}' for i in range(len(groups)))}" if groups else ""
    order = _aggregate_order(params, columns)
    # count(*) OVER () counts the groups in the same pass (a second query grouped again).
    select = f"{select}, count(*) OVER () AS total"
    base = f'SELECT {select} FROM "{table.name}" WHERE {where.sql}{group_sql}'
    with _sql_errors(table):
        if builder.uses_words:
            store.fresh_words(table)
        rows = store.query(
            f"{base} ORDER BY {order} LIMIT ?", [*select_values, *where.values, params.limit]
        )
    total = rows[0][-1] if rows else 0
    data = [_named(store, dict(zip(columns, row[:-1], strict=True))) for row in rows]
    records = [Record.model_validate(item) for item in data]
    meta = _meta(table, state, len(records), total)
    if total > len(records):  # no cursor: the groups come sorted, the top ones first
        shown = f"The first {len(records)} of {total} groups (raise limit for more). "
        meta = meta.model_copy(update={"coverage": shown + meta.coverage})
    return ZendeskTalkExecuteResult(data=records, meta=meta)


def _group_expression(table: Table, key: str, timezone: str | None) -> Expression:
    bucket, name = split_group_key(key)
    ref = field_ref(table, name)
    _require_scalar(ref, name, "group by")
    target = ref.expression(table)
    if bucket is None:
        return target
    if ref.kind is not Kind.TIME:
        raise bad_query(
            f"group_by {key!r}: {name!r} is not a time field.",
            hint="Time buckets take a time field such as created_at or updated_at.",
        )
    if timezone is None or timezone.upper() == "UTC":
        return Expression(_UTC_BUCKETS[bucket].format(target.sql), target.values)
    try:
        zone(timezone)
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        raise bad_query(
            f"Unknown time zone {timezone!r}.",
            hint="Give an IANA name such as 'Europe/Paris' or 'America/New_York', or UTC.",
        ) from None
    return Expression(f"zt_bucket(?, {target.sql}, ?)", [bucket, *target.values, timezone])


def _metric_expression(table: Table, metric: str) -> Expression:
    function, name = split_metric(metric)
    if name is None:
        return Expression("count(*)")
    ref = field_ref(table, name)
    _require_scalar(ref, name, metric)
    if function in ("avg", "sum") and ref.kind not in _NUMERIC:
        raise bad_query(
            f"{metric}: {name!r} is not a number.",
            hint="avg and sum take numeric fields (durations, counts, flags); min and max "
            "also take times and text.",
        )
    target = ref.expression(table)
    sql = f"round(avg({target.sql}), 2)" if function == "avg" else f"{function}({target.sql})"
    return Expression(sql, target.values)


def _require_scalar(ref: FieldRef, name: str, what: str) -> None:
    if ref.kind is Kind.JSON:
        raise bad_query(
            f"{what}: {name!r} is a list/object field.",
            hint=f"Use a scalar field, or a path inside it such as '{name}.<key>'.",
        )


def _aggregate_order(params: ContextStoreAggregateParams, columns: list[str]) -> str:
    """ORDER BY output positions; by default time buckets ascending, else count descending."""
    labels = {
        **{key: group_label(key) for key in params.group_by},
        **{metric: metric_label(metric) for metric in params.metrics},
    }
    keys = []
    for item in params.sort or ():
        ((name, direction),) = item.items()
        label = labels.get(name, name)
        if label not in columns:
            raise bad_query(
                f"sort by {name!r}: not an output column.",
                hint=f"Sort by one of: {', '.join(columns)}.",
            )
        keys.append(f"c{columns.index(label)} {direction.upper()}")
    if not keys:
        buckets = [i for i, key in enumerate(params.group_by) if split_group_key(key)[0]]
        if buckets:
            keys = [f"c{i} ASC" for i in buckets]
        elif params.group_by:
            first_metric = len(params.group_by)
            keys = [f"c{first_metric} DESC"]
    keys += [f"c{i} ASC" for i in range(len(params.group_by))] or ["1"]
    return ", ".join(keys)


def _named(store: LocalStore, row: dict[str, Any]) -> dict[str, Any]:
    """The row with ``agent_name`` after ``agent_id`` (and so on) where the store knows it."""
    named: dict[str, Any] = {}
    for column, value in row.items():
        named[column] = value
        if column in NAMED_IDS and isinstance(value, int):
            label, table_name, key, name_sql = NAMED_IDS[column]
            found = store.query(f'SELECT {name_sql} FROM "{table_name}" WHERE "{key}" = ?', [value])
            if found and found[0][0] is not None:
                named[label] = found[0][0]
    return named

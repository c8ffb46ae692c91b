"""The store's tables, derived from the catalog and the record models.

Every entity whose list action needs no path params gets one table: a column per record
field (scalars as SQLite values, lists and objects as JSON text), the fields the API sent
beyond the model in ``_extra`` (JSON) and the sync time in ``_synced_at``. Column names come
from our record models only; nothing a caller or a model sends ever becomes SQL text.
"""

from __future__ import annotations

import json
import time
import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from operator import attrgetter
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError, to_json as fast_json

from .._record_base import Record
from ..catalog import OPERATIONS, Operation, Paging, Source

SYNCED_AT = "_synced_at"
EXTRA = "_extra"
_INDEXED_NAMES = ("status", "state", "direction", "type", "line_type", "call_channel")
"""Low-cardinality text fields agents filter and group by (besides ids and times)."""
COVERED_GROUPS = ("agent_id", "phone_number_id")
"""The ids agents group by most (those the store can name): their indexes also carry the
measures, so an aggregate of a measure by one of them reads only the index."""
COVERED_MEASURES = ("duration", "talk_time", "hold_time", "wait_time")
"""The numbers agents average and sum most: with them in the group's index, an aggregate
reads no table row (the figures are in benchmarks/REPORT.md)."""


class Kind(str, Enum):
    """How a field is stored and compared."""

    INTEGER = "integer"
    REAL = "real"
    TEXT = "text"
    BOOL = "bool"
    """Stored as 0/1."""
    TIME = "time"
    """ISO 8601 UTC text, as the API sends it: sorts as time."""
    ANY = "any"
    """int or str (greeting ids): no affinity, stored as sent."""
    JSON = "json"
    """Lists and objects, as JSON text."""

    @property
    def declared(self) -> str:
        """The SQLite column type (its affinity)."""
        return _DECLARED[self]

    @property
    def scalar(self) -> bool:
        return self is not Kind.JSON


_DECLARED = {
    Kind.INTEGER: "INTEGER",
    Kind.REAL: "REAL",
    Kind.TEXT: "TEXT",
    Kind.BOOL: "INTEGER",
    Kind.TIME: "TEXT",
    Kind.ANY: "",
    Kind.JSON: "TEXT",
}


def kind_of(name: str, annotation: Any) -> Kind:
    """The storage kind of a record field from its annotation (``X | None`` is ``X``)."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    is_union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    base = args[0] if is_union and len(args) == 1 else annotation
    if is_union and len(args) > 1:
        return Kind.ANY if set(args) <= {int, str} else Kind.JSON
    if base is bool:
        return Kind.BOOL
    if base is int:
        return Kind.INTEGER
    if base is float:
        return Kind.REAL
    if base is str:
        return Kind.TIME if name.endswith("_at") else Kind.TEXT
    return Kind.JSON


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind

    @property
    def sql(self) -> str:
        """The quoted identifier (our own field names: quoting only guards keywords)."""
        return f'"{self.name}"'


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(value: Any) -> str:
    """Compact JSON; pydantic-core writes it several times faster than ``json`` (a fifth of
    a sync's time went to the lists of call records), ``json`` takes what it cannot write."""
    try:
        return fast_json(value).decode()
    except PydanticSerializationError:
        return json.dumps(value, separators=(",", ":"), default=_jsonable)


@dataclass(frozen=True)
class Table:
    """One entity's table: its columns, key and indexes, and the conversions of its rows."""

    operation: Operation
    """The entity's list action: what a sync walks."""

    @property
    def entity(self) -> str:
        return self.operation.entity

    @property
    def name(self) -> str:
        return self.operation.entity

    @property
    def snapshot(self) -> bool:
        """Stats snapshots: one row per sync, keyed by its time (they have no id)."""
        return self.operation.paging is Paging.SNAPSHOT

    @property
    def incremental(self) -> bool:
        return self.operation.paging is Paging.INCREMENTAL

    @cached_property
    def columns(self) -> tuple[Column, ...]:
        fields = self.operation.record.model_fields
        return tuple(Column(name, kind_of(name, f.annotation)) for name, f in fields.items())

    @cached_property
    def by_name(self) -> dict[str, Column]:
        return {column.name: column for column in self.columns}

    @cached_property
    def key(self) -> str:
        """The primary key column: ``id``, ``agent_id`` (agent stats) or the sync time."""
        if self.snapshot:
            return SYNCED_AT
        return "id" if "id" in self.by_name else "agent_id"

    @cached_property
    def key_index(self) -> int | None:
        names = [column.name for column in self.columns]
        return names.index(self.key) if self.key in names else None

    def create_statements(self) -> list[str]:
        """DDL of the table and its indexes (our identifiers only)."""
        definitions = []
        for column in self.columns:
            declared = f"{column.sql} {column.kind.declared}".rstrip()
            if column.name == self.key:
                declared += " PRIMARY KEY"
            definitions.append(declared)
        synced = f"{SYNCED_AT} INTEGER NOT NULL"
        if self.key == SYNCED_AT:
            synced += " PRIMARY KEY"
        definitions += [f"{EXTRA} TEXT", synced]
        table = f'CREATE TABLE IF NOT EXISTS "{self.name}" ({", ".join(definitions)})'
        return [table, *self.index_statements()]

    def index_statements(self) -> list[str]:
        return [
            f'CREATE INDEX IF NOT EXISTS "{self.name}__{column.name}" '
            f'ON "{self.name}" ({", ".join(c.sql for c in self.index_columns(column))})'
            for column in self.indexed
        ]

    def index_columns(self, column: Column) -> tuple[Column, ...]:
        """The columns of ``column``'s index: itself, then the measures if it is a group."""
        if column.name not in COVERED_GROUPS:
            return (column,)
        measures = (self.by_name[name] for name in COVERED_MEASURES if name in self.by_name)
        return (column, *measures)

    def drop_index_statements(self) -> list[str]:
        return [f'DROP INDEX IF EXISTS "{self.name}__{column.name}"' for column in self.indexed]

    def add_column_statement(self, column: Column) -> str:
        return f'ALTER TABLE "{self.name}" ADD COLUMN {column.sql} {column.kind.declared}'

    @cached_property
    def indexed(self) -> tuple[Column, ...]:
        """Ids, times and states: what agents filter, sort and group by."""
        return tuple(
            column
            for column in self.columns
            if column.name != self.key
            and column.kind.scalar
            and (
                column.name.endswith("_id")
                or column.kind is Kind.TIME
                or column.name.endswith(_INDEXED_NAMES)
            )
        )

    @cached_property
    def text_columns(self) -> tuple[Column, ...]:
        """The columns a full-text index covers (``keyword`` searches)."""
        return tuple(column for column in self.columns if column.kind is Kind.TEXT)

    @property
    def words_name(self) -> str:
        """The FTS5 table indexing the words of the text columns."""
        return f"{self.name}__words"

    def words_statements(self) -> list[str]:
        """DDL (re)building the FTS5 index of the text columns from the rows as they are.

        External content: the index holds only the words, and reads the rows' text from the
        table itself. ``_`` belongs to words, as in the ``keyword`` function's ``\\w+``.
        """
        columns = ", ".join(column.sql for column in self.text_columns)
        return [
            f'DROP TABLE IF EXISTS "{self.words_name}"',
            f'CREATE VIRTUAL TABLE "{self.words_name}" USING fts5({columns}, '
            f"content='{self.name}', tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")",
            f'INSERT INTO "{self.words_name}"("{self.words_name}") VALUES (\'rebuild\')',
        ]

    @cached_property
    def insert_sql(self) -> str:
        names = [column.sql for column in self.columns] + [EXTRA, SYNCED_AT]
        marks = ", ".join("?" * len(names))
        return f'INSERT OR REPLACE INTO "{self.name}" ({", ".join(names)}) VALUES ({marks})'

    @cached_property
    def select_list(self) -> str:
        return ", ".join([*(f'"{self.name}".{c.sql}' for c in self.columns), EXTRA, SYNCED_AT])

    @cached_property
    def _field_values(self) -> attrgetter[Any]:
        return attrgetter(*(column.name for column in self.columns))

    @cached_property
    def _json_positions(self) -> tuple[int, ...]:
        return tuple(i for i, column in enumerate(self.columns) if column.kind is Kind.JSON)

    @cached_property
    def _bool_positions(self) -> tuple[int, ...]:
        return tuple(i for i, column in enumerate(self.columns) if column.kind is Kind.BOOL)

    def rows(self, records: list[Record], synced_at: int) -> list[tuple[Any, ...]]:
        """The rows of records (those without a key are skipped: they cannot be replaced).

        Booleans become 0/1 here: ``sqlite3`` binds an ``int`` directly but looks a ``bool``
        up among its adapters first, on every value of every row.
        """
        values_of, key = self._field_values, self.key_index
        json_positions, bool_positions = self._json_positions, self._bool_positions
        one_column = len(self.columns) == 1
        rows = []
        for record in records:
            values = [values_of(record)] if one_column else list(values_of(record))
            if key is not None and values[key] is None:
                continue
            for position in json_positions:
                if values[position] is not None:
                    values[position] = to_json(values[position])
            for position in bool_positions:
                if values[position] is not None:
                    values[position] = int(values[position])
            extra = record.model_extra
            values.append(to_json(extra) if extra else None)
            values.append(synced_at)
            rows.append(tuple(values))
        return rows

    def record_dict(self, row: tuple[Any, ...]) -> dict[str, Any]:
        """A stored row as the API's record (nulls left out), with ``synced_at`` for snapshots."""
        data: dict[str, Any] = {}
        for column, value in zip(self.columns, row[: len(self.columns)], strict=True):
            if value is not None:
                data[column.name] = json.loads(value) if column.kind is Kind.JSON else value
        extra = row[len(self.columns)]
        if extra:
            data.update(json.loads(extra))
        if self.snapshot:
            data["synced_at"] = iso_time(row[len(self.columns) + 1])
        return data


def iso_time(epoch: int | None) -> str | None:
    """Epoch seconds as the API writes times (``2024-11-29T15:30:00Z``)."""
    if epoch is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def _storable(operation: Operation) -> bool:
    return (
        operation.action == "list"
        and operation.source is Source.API
        and not operation.path_params
        and not operation.write
    )


TABLES: dict[str, Table] = {op.entity: Table(op) for op in OPERATIONS if _storable(op)}
"""Every stored entity's table. ``ivr_menus`` and ``ivr_routes`` need an IVR id to list, and
come inside each stored IVR (``menus``) instead."""

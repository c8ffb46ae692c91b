"""The store file: one SQLite database in WAL mode, its schema version and sync state.

Writes go through one connection, in explicit transactions; reads through another, so a
search during a sync sees the last committed pages and never a half-written one.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .._record_base import Record
from ..errors import StoreError
from ._functions import register_functions
from ._schema import TABLES, Table

SCHEMA_VERSION = 1
"""Bumped when a stored table changes incompatibly. New record fields are not such a change:
they become new columns when the file is opened."""
BUSY_TIMEOUT_SECONDS = 30.0
_META = "_store_meta"
_STATE = "_sync_state"


@dataclass(frozen=True)
class SyncState:
    """Where an entity's last sync left it."""

    entity: str
    synced_at: int
    """Epoch seconds of the last committed page (lists and stats: of the last refresh)."""
    cursor: str | None = None
    """Exports: the export cursor right after the last committed page."""
    window_start: int | None = None
    """Exports: the oldest ``since`` ever synced; records updated before it are not stored."""
    window_end: int | None = None
    """Exports: the newest ``updated_at`` seen (epoch seconds)."""


def _connect(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    connection.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a committed transaction survives a killed process; only a power
    # cut can lose the last ones (never corrupt the file).
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


_Read = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
"""Runs one read statement: on the reader connection, or the writer's inside a transaction."""


def _words_key(table: Table) -> str:
    return f"words:{table.name}"


def _words_mark(table: Table) -> str:
    """What a fresh word index was built over: the text columns (new fields add some)."""
    return ",".join(column.name for column in table.text_columns)


def _has_fts5(connection: sqlite3.Connection) -> bool:
    """Whether this SQLite build has FTS5 (it is optional)."""
    (used,) = connection.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()
    return bool(used)


def _unusable(path: str, error: Exception) -> StoreError:
    return StoreError(
        f"The store {path!r} cannot be opened: {error}.",
        hint="Give the path of a store file this package wrote (or a new path), in a "
        "writable directory.",
    )


class LocalStore:
    """A local context store: the synced records of one Zendesk account in one SQLite file.

    Pass it (or just its path) as ``ZendeskTalkConnector(..., store=...)``; a store object
    can be shared by several connectors of the same account.
    """

    def __init__(self, path: str | os.PathLike[str], *, word_index: bool = True) -> None:
        """``word_index=False``: ``keyword`` filters scan the rows they are asked about
        instead of using an FTS5 index (which a sync leaves to be rebuilt on the next
        ``keyword`` search). Without FTS5 in the SQLite build, they always scan."""
        self.path = os.fspath(path)
        self._word_index = word_index
        self._fts5 = False
        self._write_lock = threading.RLock()
        self._read_lock = threading.Lock()
        self._connections: tuple[sqlite3.Connection, sqlite3.Connection] | None = None

    def __repr__(self) -> str:
        return f"LocalStore({self.path!r})"

    def _open(self) -> tuple[sqlite3.Connection, sqlite3.Connection]:
        """The writer and reader connections, opened (and the schema checked) on first use,
        so building a connector with a store does no I/O."""
        with self._write_lock:
            if self._connections is None:
                try:
                    writer = _connect(self.path)
                    self._prepare_schema(writer)
                    reader = _connect(self.path)
                except sqlite3.Error as error:
                    raise _unusable(self.path, error) from None
                register_functions(reader)
                self._fts5 = _has_fts5(writer)
                self._connections = (writer, reader)
            return self._connections

    def close(self) -> None:
        """Close the file (it opens again if the store is used again)."""
        with self._write_lock, self._read_lock:
            if self._connections is not None:
                for connection in self._connections:
                    connection.close()
                self._connections = None

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------

    def _prepare_schema(self, writer: sqlite3.Connection) -> None:
        writer.execute("BEGIN IMMEDIATE")
        try:
            version = self._schema_version(writer)
            if version is None:
                writer.execute(f"CREATE TABLE {_META} (key TEXT PRIMARY KEY, value)")
                writer.execute(
                    f"INSERT INTO {_META} VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
                )
            elif version != SCHEMA_VERSION:
                raise self._version_error(version)
            writer.execute(
                f"CREATE TABLE IF NOT EXISTS {_STATE} (entity TEXT PRIMARY KEY, "
                "synced_at INTEGER NOT NULL, cursor TEXT, window_start INTEGER, "
                "window_end INTEGER)"
            )
            for table in TABLES.values():
                _create_or_extend(writer, table)
            writer.execute("COMMIT")
        except BaseException:
            writer.execute("ROLLBACK")
            raise

    def _schema_version(self, writer: sqlite3.Connection) -> int | None:
        names = {row[0] for row in writer.execute("SELECT name FROM sqlite_master")}
        if _META not in names:
            if names:
                raise StoreError(
                    f"{self.path!r} is an SQLite file but not a Zendesk Talk store.",
                    hint="Give a new path (the store is created there) or an existing store.",
                )
            return None
        row = writer.execute(f"SELECT value FROM {_META} WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row and isinstance(row[0], int) else -1

    def _version_error(self, version: int) -> StoreError:
        if version > SCHEMA_VERSION:
            return StoreError(
                f"The store {self.path!r} has schema version {version}, written by a newer "
                f"zendesk-talk-connector (this one reads version {SCHEMA_VERSION}).",
                hint="Upgrade zendesk-talk-connector, or sync into a new store file.",
            )
        return StoreError(
            f"The store {self.path!r} has schema version {version}, which this "
            f"zendesk-talk-connector (version {SCHEMA_VERSION}) cannot migrate.",
            hint="Delete the file and sync again (a store only holds copies of Zendesk data).",
        )

    # -- writing ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[StoreWriter]:
        """One write transaction: everything inside is committed together, or not at all."""
        writer, _ = self._open()
        with self._write_lock:
            try:
                writer.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise _unusable(self.path, error) from None
            try:
                yield StoreWriter(writer)
            except BaseException:
                writer.execute("ROLLBACK")
                raise
            writer.execute("COMMIT")

    # -- reading ------------------------------------------------------------------------

    def query(self, sql: str, values: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read-only statement, on the reader connection."""
        _, reader = self._open()
        with self._read_lock:
            return reader.execute(sql, values).fetchall()

    @property
    def has_word_index(self) -> bool:
        """Whether ``keyword`` filters use an FTS5 index (see ``word_index``)."""
        self._open()
        return self._word_index and self._fts5

    def fresh_words(self, table: Table) -> None:
        """Build the table's word index if it is missing or stale: every write to the table
        drops its mark. Checked on the reader first, so a fresh index takes no write lock."""
        if self._built_words(table, self.query) == _words_mark(table):
            return
        writer, _ = self._open()
        with self.transaction() as transaction:

            def read(sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
                return writer.execute(sql, values).fetchall()

            if self._built_words(table, read) != _words_mark(table):  # else rebuilt meanwhile
                transaction.rebuild_words(table)

    @staticmethod
    def _built_words(table: Table, read: _Read) -> str | None:
        """The mark of the word index as built (None: never built, or stale)."""
        rows = read(f"SELECT value FROM {_META} WHERE key = ?", (_words_key(table),))
        return str(rows[0][0]) if rows else None

    def state(self, entity: str) -> SyncState | None:
        rows = self.query(
            f"SELECT entity, synced_at, cursor, window_start, window_end FROM {_STATE} "
            "WHERE entity = ?",
            (entity,),
        )
        return SyncState(*rows[0]) if rows else None

    def is_empty(self, table: Table) -> bool:
        return not self.query(f'SELECT 1 FROM "{table.name}" LIMIT 1')

    def synced_entities(self) -> list[str]:
        return [row[0] for row in self.query(f"SELECT entity FROM {_STATE} ORDER BY entity")]


def _create_or_extend(writer: sqlite3.Connection, table: Table) -> None:
    """Create a table, or add the columns new record fields need to an existing one."""
    existing = {row[1] for row in writer.execute(f'PRAGMA table_info("{table.name}")')}
    for column in table.columns if existing else ():
        if column.name not in existing:
            writer.execute(table.add_column_statement(column))
    for statement in table.create_statements():
        writer.execute(statement)


class StoreWriter:
    """What a write transaction can do."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def put(self, table: Table, records: list[Record], synced_at: int) -> int:
        """Insert records, replacing those with the same key; how many were written."""
        return self.put_rows(table, table.rows(records, synced_at))

    def put_rows(self, table: Table, rows: list[tuple[Any, ...]]) -> int:
        """Insert rows already in the table's shape (:meth:`Table.rows`)."""
        self._connection.executemany(table.insert_sql, rows)
        self._words_stale(table)
        return len(rows)

    def drop_indexes(self, table: Table) -> None:
        for statement in table.drop_index_statements():
            self._connection.execute(statement)

    def create_indexes(self, table: Table) -> None:
        for statement in table.index_statements():
            self._connection.execute(statement)

    def rebuild_words(self, table: Table) -> None:
        for statement in table.words_statements():
            self._connection.execute(statement)
        self._connection.execute(
            f"INSERT OR REPLACE INTO {_META} VALUES (?, ?)", (_words_key(table), _words_mark(table))
        )

    def _words_stale(self, table: Table) -> None:
        self._connection.execute(f"DELETE FROM {_META} WHERE key = ?", (_words_key(table),))

    def clear(self, table: Table) -> None:
        self._connection.execute(f'DELETE FROM "{table.name}"')
        self._words_stale(table)

    def set_state(self, state: SyncState) -> None:
        self._connection.execute(
            f"INSERT OR REPLACE INTO {_STATE} VALUES (?, ?, ?, ?, ?)",
            (state.entity, state.synced_at, state.cursor, state.window_start, state.window_end),
        )

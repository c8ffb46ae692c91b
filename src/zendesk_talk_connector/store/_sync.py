"""Syncing an account into the local store, as an engine flow (so both twins drive it).

Exports (calls, call legs) go incrementally: each page's records and the export cursor right
after them are committed in one transaction, so a sync killed at any point resumes where the
last commit left it, losing and doubling nothing (a record seen again replaces its row).
Lists and stats are read whole and replace what was stored in one transaction; stats
snapshots are kept, one per sync.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._engine import Flow, Sleep, validate_params
from .._record_base import Record
from ..errors import InvalidParams
from ..params import to_epoch_seconds
from ._db import LocalStore, SyncState
from ._schema import TABLES, Table

if TYPE_CHECKING:
    from .._engine import Engine

DEFAULT_SINCE_SECONDS = 30 * 24 * 3600
"""A first sync of an export starts 30 days back unless told otherwise."""
EXPORT_REQUESTS_PER_MINUTE = 10
"""Zendesk's limit for incremental exports, per account."""
PACING_MARGIN_SECONDS = 1.0
"""Added to each wait: the server counts a request when it arrives, a little after we send
it, so a wait of exactly a minute drew a 429 now and then in the benchmark."""


@dataclass(frozen=True)
class SyncProgress:
    """One committed page (or a finished entity), for progress bars."""

    entity: str
    records: int
    """Records this sync has written for the entity so far."""
    pages: int
    done: bool
    window_end: int | None = None
    """Exports: the newest update stored so far (epoch seconds)."""


@dataclass
class EntitySyncReport:
    entity: str
    records: int = 0
    pages: int = 0
    window_start: int | None = None
    window_end: int | None = None


@dataclass
class SyncReport:
    """What ``connector.sync()`` did, entity by entity."""

    entities: list[EntitySyncReport] = field(default_factory=list)
    paced_seconds: float = 0.0
    """Time spent waiting to stay within the export rate limit."""

    @property
    def records(self) -> int:
        return sum(entity.records for entity in self.entities)


class ExportPacer:
    """At most ``per_minute`` export requests in any minute: waits instead of drawing 429s.

    The wait is computed from the times of the last requests; after a wait the request is
    counted at the time it was allowed, so an injected sleep that does not move the clock
    still ends every wait.
    """

    def __init__(self, per_minute: int | None, clock: Callable[[], float]) -> None:
        if per_minute is not None and per_minute < 1:
            raise InvalidParams(
                "export_requests_per_minute must be at least 1 (or None for no pacing).",
                hint="Zendesk allows 10 incremental export requests a minute.",
            )
        self._per_minute = per_minute
        self._clock = clock
        self._sent: deque[float] = deque()
        self.waited = 0.0

    def wait(self) -> Flow[None]:
        if self._per_minute is None:
            return
        now = self._clock()
        while self._sent and self._sent[0] <= now - 60.0:
            self._sent.popleft()
        if len(self._sent) >= self._per_minute:
            allowed = self._sent.popleft() + 60.0 + PACING_MARGIN_SECONDS
            self.waited += allowed - now
            yield Sleep(allowed - now)
            now = allowed
        self._sent.append(now)


def chosen_tables(entities: Iterable[str] | None) -> list[Table]:
    """The tables to sync: all stored entities, or those named (an error for others)."""
    if entities is None:
        return list(TABLES.values())
    names = list(dict.fromkeys(entities))
    unknown = [name for name in names if name not in TABLES]
    if unknown:
        raise InvalidParams(
            f"Cannot sync {', '.join(map(repr, unknown))}: not a stored entity.",
            hint=f"Stored entities: {', '.join(TABLES)}.",
        )
    return [TABLES[name] for name in names]


def sync(
    engine: Engine,
    store: LocalStore,
    entities: Iterable[str] | None,
    since: object,
    pacer: ExportPacer,
    progress: Callable[[SyncProgress], None] | None,
) -> Flow[SyncReport]:
    """Sync the chosen entities into the store, one after the other."""
    tables = chosen_tables(entities)
    start = None if since is None else _epoch(since)
    report = SyncReport()
    for table in tables:
        entity_report = EntitySyncReport(table.entity)
        report.entities.append(entity_report)
        if table.incremental:
            yield from _sync_export(engine, store, table, start, pacer, entity_report, progress)
        else:
            yield from _refresh(engine, store, table, entity_report, progress)
    report.paced_seconds = pacer.waited
    return report


def _epoch(since: object) -> int:
    try:
        epoch = to_epoch_seconds(since)
    except ValueError:
        epoch = None
    if not isinstance(epoch, int) or isinstance(epoch, bool):
        raise InvalidParams(
            f"since={since!r} is not a time.",
            hint="Give epoch seconds or ISO 8601, e.g. '2024-11-01' or '2024-11-01T08:00:00Z'.",
        )
    return epoch


def _refresh(
    engine: Engine,
    store: LocalStore,
    table: Table,
    report: EntitySyncReport,
    progress: Callable[[SyncProgress], None] | None,
) -> Flow[None]:
    """Read a whole list (or one stats snapshot), then swap it in at once."""
    operation = table.operation
    listing = engine.listing(operation, validate_params(operation, {}), None)
    records: list[Record] = []
    while (page := (yield from listing.next_page())) is not None:
        records.extend(page)
        report.pages += 1
    synced_at = int(engine.clock())
    with store.transaction() as writer:
        if not table.snapshot:
            writer.clear(table)
        report.records = writer.put(table, records, synced_at)
        writer.set_state(SyncState(table.entity, synced_at))
    if progress:
        progress(SyncProgress(table.entity, report.records, report.pages, done=True))


def _sync_export(
    engine: Engine,
    store: LocalStore,
    table: Table,
    since: int | None,
    pacer: ExportPacer,
    report: EntitySyncReport,
    progress: Callable[[SyncProgress], None] | None,
) -> Flow[None]:
    """Page through an export from ``since`` (or where the last sync stopped)."""
    operation = table.operation
    previous = store.state(table.entity)
    window_end = previous.window_end if previous else None
    cursor = None
    if since is None and previous is not None and previous.cursor is not None:
        cursor, start, window_start = previous.cursor, 0, previous.window_start
    else:
        start = since if since is not None else int(engine.clock()) - DEFAULT_SINCE_SECONDS
        window_start = start
        stored_start = previous.window_start if previous else None
        if stored_start is not None and window_end is not None and start <= window_end:
            window_start = min(start, stored_start)  # the windows overlap: still one
    params = validate_params(operation, {"start_time": start, "cursor": cursor})
    listing = engine.listing(operation, params, None)
    report.window_start = window_start
    # Into an empty table, rows go in without indexes, which are then built once, sorted: a
    # third of the time of keeping a dozen indexes up to date row by row. (Killed before
    # the end, the store builds them when it is next opened.)
    bulk = store.is_empty(table)
    if bulk:
        with store.transaction() as writer:
            writer.drop_indexes(table)
    more = True
    while more:
        yield from pacer.wait()
        records = yield from listing.next_page()
        if records is None:
            break
        meta = listing.meta()
        more = meta.has_more
        if meta.end_time is not None:
            window_end = max(window_end or meta.end_time, meta.end_time)
        with store.transaction() as writer:
            report.records += writer.put(table, records, int(engine.clock()))
            writer.set_state(
                SyncState(
                    table.entity,
                    int(engine.clock()),
                    meta.next_cursor,
                    window_start,
                    window_end,
                )
            )
        del records
        report.pages += 1
        report.window_end = window_end
        if progress:
            progress(SyncProgress(table.entity, report.records, report.pages, not more, window_end))
    if bulk:
        with store.transaction() as writer:
            writer.create_indexes(table)

"""Resumable exports to JSONL: the calls or call-legs export, one record per line.

``connector.export("calls", "calls.jsonl", since="2024-11-01")`` (both twins) walks the
incremental export page by page. After each page the file is synced and a checkpoint
(``calls.jsonl.checkpoint``) is replaced atomically: the byte offset up to which the file is
complete, and the export pager's own resume cursor. Running the same export again resumes
from it: bytes written after the checkpoint are dropped, nothing is lost or doubled (the
pager's cursor carries the boundary second's de-duplication). Once complete, running it
again appends the records updated since (an incremental sync).

:class:`JsonlExport` is the file side, shared by both twins; the connectors only drive the
pages (:meth:`~.connector.ZendeskTalkConnector.export`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ._paging import encode_cursor, epoch_of
from ._record_base import Record
from .catalog import Operation, Paging
from .errors import ConfigurationError, InvalidParams
from .params import to_epoch_seconds
from .results import ListMeta

__all__ = [
    "CHECKPOINT_VERSION",
    "ExportCheckpoint",
    "ExportError",
    "ProgressCallback",
]

CHECKPOINT_VERSION = 2


class ExportError(ConfigurationError):
    """The export's file and its checkpoint disagree with what was asked (nothing written)."""


@dataclass
class ExportCheckpoint:
    """Where an export stands: everything before ``offset`` in the file is complete."""

    entity: str
    since: int
    until: int | None
    cursor: str | None = None
    """The export pager's cursor resuming after the last record written (None: from since)."""
    offset: int = 0
    records: int = 0
    pages: int = 0
    position: int | None = None
    """Epoch seconds of the newest ``updated_at`` written (for progress reports)."""
    complete: bool = False
    new_records: int = 0
    """Records written by this run (not saved: a count for reports)."""

    def save(self, path: Path) -> None:
        """Replace the checkpoint atomically (a crash leaves the old or the new one)."""
        state = asdict(self)
        del state["new_records"]
        temporary = path.with_name(path.name + ".tmp")
        with temporary.open("w") as handle:
            handle.write(json.dumps({"version": CHECKPOINT_VERSION, **state}))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path, operation: Operation) -> ExportCheckpoint:
        """A saved checkpoint; one of version 1 (time and ids of the boundary second) is
        read as the equivalent pager cursor."""
        try:
            state = json.loads(path.read_text())
            version = state.pop("version", None)
            if version == 1:
                resume = {"t": state.pop("start_time"), "x": state.pop("seen_ids")}
                state["cursor"] = encode_cursor(operation, resume)
                state["position"] = resume["t"]
            return cls(**state)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ExportError(
                f"Checkpoint {path} is unreadable ({type(exc).__name__}).",
                hint="Start over with overwrite=True (CLI: --overwrite).",
            ) from None


def _epoch(value: Any, name: str) -> int:
    try:
        epoch = to_epoch_seconds(value)
    except ValueError as exc:
        raise InvalidParams(f"{name}: {exc}.", hint=f"Give {name} as a date or epoch.") from None
    if not isinstance(epoch, int) or isinstance(epoch, bool):
        raise InvalidParams(
            f"{name} {value!r} is not a date, time or epoch seconds.",
            hint=f"Give {name} as e.g. '2024-11-01' or 1730419200.",
        )
    return epoch


def _iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _span(entity: str, since: int, until: int | None) -> str:
    """``calls since 2024-11-01T00:00:00Z [until ...]``: an export, as its caller gave it."""
    span = f"{entity} since {_iso(since)}"
    return span if until is None else f"{span} until {_iso(until)}"


class JsonlExport:
    """The file side of one export: open (resume or start), write pages, checkpoint.

    Args:
        operation: an incremental export (``calls/list`` or ``call_legs/list``).
        path: the JSONL file.
        since: records updated at or after this time (epoch seconds, ISO 8601 or a date).
        until: only records updated before this time (same forms); None for no bound.
        checkpoint: the checkpoint file (default ``<path>.checkpoint``).
        overwrite: start from scratch, replacing the file and its checkpoint.
        on_page: called with the checkpoint after each page is written.
    """

    def __init__(
        self,
        operation: Operation,
        path: str | os.PathLike[str],
        *,
        since: Any,
        until: Any = None,
        checkpoint: str | os.PathLike[str] | None = None,
        overwrite: bool = False,
        on_page: ProgressCallback | None = None,
    ) -> None:
        if operation.paging is not Paging.INCREMENTAL:
            raise InvalidParams(
                f"{operation.entity} has no incremental export.",
                hint="Export 'calls' or 'call_legs'.",
            )
        self.operation = operation
        self.path = Path(path)
        self.checkpoint_path = (
            Path(checkpoint) if checkpoint else self.path.with_name(self.path.name + ".checkpoint")
        )
        since_epoch = _epoch(since, "since")
        until_epoch = None if until is None else _epoch(until, "until")
        if until_epoch is not None and until_epoch <= since_epoch:
            raise InvalidParams("until must be after since.", hint="Give a later until.")
        self.on_page = on_page
        self.state = self._open(since_epoch, until_epoch, overwrite)
        # A complete unbounded export is continued: it appends what was updated since.
        self.state.complete = self.state.complete and until_epoch is not None

    def _open(self, since: int, until: int | None, overwrite: bool) -> ExportCheckpoint:
        """The checkpoint to continue from, with the file cut back to its offset."""
        out, checkpoint_path = self.path, self.checkpoint_path
        entity = self.operation.entity
        if overwrite:
            out.unlink(missing_ok=True)
            checkpoint_path.unlink(missing_ok=True)
        if checkpoint_path.exists():
            state = ExportCheckpoint.load(checkpoint_path, self.operation)
            if (state.entity, state.since, state.until) != (entity, since, until):
                raise ExportError(
                    f"Checkpoint {checkpoint_path} is for another export "
                    f"({_span(state.entity, state.since, state.until)}).",
                    hint="Run that export again, write to another file, or start over with "
                    "overwrite=True (CLI: --overwrite).",
                )
            size = out.stat().st_size if out.exists() else 0
            if size < state.offset:
                raise ExportError(
                    f"{out} is shorter ({size} bytes) than its checkpoint says ({state.offset}).",
                    hint="Start over with overwrite=True (CLI: --overwrite).",
                )
            with out.open("r+b") as handle:
                handle.truncate(state.offset)  # drop what was written after the checkpoint
            return state
        if out.exists() and out.stat().st_size > 0:
            raise ExportError(
                f"{out} exists and has no checkpoint ({checkpoint_path}).",
                hint="Replace it with overwrite=True (CLI: --overwrite), or write elsewhere.",
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(b"")
        return ExportCheckpoint(entity, since, until)

    @property
    def params(self) -> dict[str, Any]:
        """The export's params: from ``since``, or from the checkpoint's cursor."""
        params: dict[str, Any] = {"start_time": self.state.since}
        if self.state.cursor is not None:
            params["cursor"] = self.state.cursor
        return params

    def write_page(self, records: list[Record] | None, meta: ListMeta) -> None:
        """Append one page (records before ``until``), sync the file, then checkpoint it;
        ``None`` (the walk is over) completes the export."""
        state = self.state
        if records is None:
            state.complete = True
            return
        lines: list[bytes] = []
        reached_until = False
        for record in records:
            moment = epoch_of(getattr(record, "updated_at", None))
            if state.until is not None and moment is not None and moment >= state.until:
                reached_until = True
                break
            lines.append(json.dumps(record_json(record)).encode() + b"\n")
            if moment is not None:
                state.position = max(moment, state.position or moment)
        with self.path.open("ab") as out:
            out.write(b"".join(lines))
            out.flush()
            os.fsync(out.fileno())
            state.offset = out.tell()
        state.records += len(lines)
        state.new_records += len(lines)
        state.pages += 1
        state.cursor = meta.next_cursor or state.cursor
        state.complete = reached_until or not meta.has_more
        state.save(self.checkpoint_path)
        if self.on_page is not None:
            self.on_page(state)


def record_json(record: Record) -> dict[str, Any]:
    """A record as the API sent it: the fields it set (typed), plus any odd raw values."""
    return {**record.model_dump(mode="json", exclude_unset=True), **record.invalid_values}


ProgressCallback = Callable[[ExportCheckpoint], None]
"""Called after each page is written and checkpointed."""

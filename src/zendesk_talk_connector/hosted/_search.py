"""``context_store_search`` answers: ``result`` is ``{"data": [...], "meta": {...}}``."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .._record_base import parse_records
from ..catalog import Operation
from ..records import Record
from ..results import ListMeta, ZendeskTalkExecuteResult


class SearchMeta(ListMeta):
    """:class:`ListMeta` of a context store search, plus the search's own timing."""

    took_ms: float | None = Field(None, description="Time the context store took (ms).")


def search_result(operation: Operation, result: Any) -> ZendeskTalkExecuteResult[Record]:
    """The typed records and meta of a search's ``result``, read leniently."""
    result = result if isinstance(result, dict) else {}
    raw = result.get("data")
    items = [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []
    records = parse_records(operation.record, items)
    meta = result.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    cursor = meta.get("cursor")
    cursor = cursor if isinstance(cursor, str) and cursor else None
    took = meta.get("took_ms")
    return ZendeskTalkExecuteResult(
        data=records,
        meta=SearchMeta(
            returned=len(records),
            has_more=bool(meta.get("has_more")) and cursor is not None,
            next_cursor=cursor,
            took_ms=took if isinstance(took, (int, float)) else None,
        ),
    )

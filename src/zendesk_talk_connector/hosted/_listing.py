"""Hosted lists: what the platform's own Talk connector returns, and how far it goes.

The platform takes fewer params than our catalog: a list takes none (so it returns the API's
first page), an export takes ``start_time``, a get and a sub-list take their ids. ``limit``
is applied here. Exports continue by executing again with the ``start_time`` of
``connector_metadata.next_page``, through the same :class:`~.paging.IncrementalPager` as local
mode; an offset list cannot continue past its first page through execute.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from .._bodies import Page
from .._engine import Flow, PagedListing
from .._paging import decode_cursor, encode_cursor, invalid_cursor
from .._record_base import parse_records
from ..catalog import SEARCH_ACTION, Operation, Paging
from ..errors import InvalidParams
from ..params import Params
from ..records import Record
from ..results import ListMeta

if TYPE_CHECKING:
    from ._api import ExecuteAnswer
    from ._engine import HostedEngine

APPLIED_HERE = ("limit", "cursor")
"""Params of ours the platform does not take: the connector applies them itself."""
FIRST_PAGE_ONLY = (
    "The hosted API returns only the first page of this list; the rest cannot be fetched "
    f"with a cursor. Use {SEARCH_ACTION} on this entity, which pages with its cursor."
)


def platform_params(operation: Operation, params: Params) -> dict[str, Any]:
    """The params to send: those the platform's Talk connector knows (all of a write's).

    A read param it does not know (a filter) is refused rather than dropped, so a filtered
    call never silently returns unfiltered records.
    """
    values = params.model_dump(mode="json", exclude_none=True)
    if operation.write:
        return values
    known = set(operation.path_params)
    if operation.paging is Paging.INCREMENTAL:
        known.add("start_time")
    refused = sorted(
        name
        for name in params.model_fields_set
        if name not in known and name not in APPLIED_HERE and name in values
    )
    if refused:
        raise InvalidParams(
            f"{operation.entity}/{operation.action} cannot take {', '.join(map(repr, refused))} "
            "in hosted mode: the Airbyte platform's Talk connector does not accept it.",
            hint=f"Leave it out, filter with {SEARCH_ACTION}, or use a local connector.",
        )
    return {name: value for name, value in values.items() if name in known}


class FirstPageListing:
    """A hosted list: the API's first page, the only one the platform returns.

    Cursors resume within that page (after a ``limit`` or a tool's size budget cut it), by
    asking for the first page again and skipping what was already returned.
    """

    def __init__(
        self, engine: HostedEngine, operation: Operation, params: Params, limit: int | None
    ) -> None:
        self._engine = engine
        self._operation = operation
        self._limit = limit
        self._params = platform_params(operation, params)
        cursor = getattr(params, "cursor", None)
        self._skip = 0 if cursor is None else _offset_in(operation, cursor)
        self._answer: ExecuteAnswer | None = None
        self._returned = 0
        self._left = 0
        """Records of the page after the returned ones."""

    def next_page(self) -> Flow[list[Record] | None]:
        if self._answer is not None:
            return None
        operation = self._operation
        self._answer = answer = yield from self._engine.call(operation, self._params)
        records = parse_records(operation.record, answer.items()[self._skip :])
        self._returned = len(records) if self._limit is None else min(self._limit, len(records))
        self._left = len(records) - self._returned
        return records[: self._returned]

    def meta(self) -> ListMeta:
        answer = self._answer
        next_page = answer.next_page if answer is not None else None
        cursor = self._cursor(self._returned) if self._left else None
        hidden = cursor is None and next_page is not None
        return ListMeta(
            returned=self._returned,
            has_more=cursor is not None or hidden,
            next_cursor=cursor,
            next_page=next_page,
            count=answer.count if answer is not None else None,
            note=FIRST_PAGE_ONLY if hidden else None,
        )

    def cursor_at(self, records: list[Record], index: int) -> str | None:
        if index >= self._returned:
            return self.meta().next_cursor
        return self._cursor(index)

    def _cursor(self, index: int) -> str:
        return encode_cursor(self._operation, {"first_page": self._skip + index})


def _offset_in(operation: Operation, cursor: str) -> int:
    offset: int = decode_cursor(operation, cursor, first_page=int)["first_page"]
    if offset < 0:
        raise invalid_cursor(operation)
    return offset


class ExportListing(PagedListing):
    """A hosted incremental export, walked to the end like a local one.

    The pager is local mode's; only fetching differs: each page is an execute with the
    pager's ``start_time``, and the next one comes from ``connector_metadata.next_page``.
    """

    def __init__(
        self, engine: HostedEngine, operation: Operation, params: Params, limit: int | None
    ) -> None:
        platform_params(operation, params)  # refuses what the platform does not take
        super().__init__(engine, operation, params, limit)
        self._hosted = engine

    def fetch(self, url: str, query: dict[str, str] | None) -> Flow[Page]:
        # ``url`` is the Talk API's, meaningless here: the pager's start_time is what counts.
        start_time = int((query or {})["start_time"])
        operation = self._operation
        answer = yield from self._hosted.call(operation, {"start_time": start_time})
        return Page(
            records=parse_records(operation.record, answer.items()),
            next_page=answer.next_page,
            count=answer.count,
            end_time=_start_time_in(answer.next_page),
        )


def _start_time_in(next_page: str | None) -> int | None:
    """The ``start_time`` an export's ``next_page`` URL resumes at (None if it has none)."""
    if next_page is None:
        return None
    values = parse_qs(urlsplit(next_page).query).get("start_time") or [""]
    return int(values[0]) if values[0].isdigit() else None

"""Pagination decisions (sans-IO): which page to ask for next, and the cursor to resume from.

Two kinds of paging exist in the Talk API:

* offset lists follow ``next_page`` URLs verbatim (``.json`` suffix and all) until null. A
  ``next_page`` outside the endpoint that was asked (another host, another path, control
  characters) is refused, so credentials never leave it; a ``next_page`` already followed, or
  a page adding no record not seen before, ends the list (a server cannot make it loop).
* incremental exports ask ``start_time=T`` (inclusive) and get at most 1,000 records per page,
  with ``end_time`` = the newest ``updated_at`` seen. Records in the boundary second come
  again on the next page, so they are de-duplicated by id; fewer than 1,000 records means
  caught up. Only the ids of the boundary second are remembered: memory stays constant. A
  full page whose records all share one second cannot be paged past (``start_time`` has
  whole seconds): the export goes on from the next second and says what it could not fetch.

Cursors are opaque to callers (base64url JSON) and resume *exactly* after the last record
returned, even when a ``limit`` cut a page in the middle.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from itertools import compress
from operator import attrgetter
from typing import Any
from urllib.parse import urlsplit

from ._bodies import Page
from ._record_base import Record
from .catalog import EXPORT_PAGE_SIZE, Operation
from .errors import InvalidParams, ServerError, UnsafeNextPage

MAX_PAGE_SIZE = 100
MAX_PAGE_URL_LENGTH = 65_536
"""A longer ``next_page`` (or cursor URL) is refused: no real page URL comes near it."""
LATEST_EPOCH = 253_402_300_799
"""9999-12-31T23:59:59Z: an ``end_time`` beyond it is no time at all."""
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def endpoint_of(url: str) -> tuple[str, str, str]:
    """Origin and path of a page URL, ``.json`` suffix aside (the API adds it to next_page)."""
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower(), parts.path.removesuffix(".json")


def page_url_problem(url: str, endpoint: tuple[str, str, str]) -> str | None:
    """Why ``url`` must not be followed as a page of ``endpoint``, or None when it may be."""
    if len(url) > MAX_PAGE_URL_LENGTH:
        return f"it is {len(url):,} characters long"
    if _CONTROL.search(url):
        return "it contains spaces or control characters"
    try:
        scheme, host, path = endpoint_of(url)
    except ValueError:  # e.g. an invalid port or IPv6 host
        return "it is not a valid URL"
    if (scheme, host) != endpoint[:2]:
        return f"it is on another host ({host or 'none'})"
    if path != endpoint[2]:
        return f"it leaves the endpoint {endpoint[2]}"
    return None


def encode_cursor(operation: Operation, state: Mapping[str, Any]) -> str:
    payload = json.dumps({"op": operation.name, **state}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode("ascii").rstrip("=")


def decode_cursor(operation: Operation, cursor: str, **shape: type) -> dict[str, Any]:
    """The state in a cursor that :func:`encode_cursor` made for this operation.

    ``shape`` names the keys the state must hold and their types (``u=str, s=int``); a cursor
    of another action, of the other mode (local or hosted) or tampered with is refused.
    """
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        state = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        state = None
    if (
        not isinstance(state, dict)
        or state.get("op") != operation.name
        or not all(isinstance(state.get(key), kind) for key, kind in shape.items())
    ):
        raise invalid_cursor(operation)
    return state


def invalid_cursor(operation: Operation) -> InvalidParams:
    return InvalidParams(
        f"cursor is not a valid cursor for {operation.entity}/{operation.action}.",
        hint="Pass meta.next_cursor from a previous result of the same action (and the same "
        "mode, local or hosted), unchanged, or leave cursor out to start from the beginning.",
    )


def query_params(operation: Operation, params: Mapping[str, Any]) -> dict[str, str]:
    """Query string values for the params that are neither path params nor paging controls."""
    query: dict[str, str] = {}
    for name, value in params.items():
        if name in operation.path_params or name in ("limit", "cursor", "start_time"):
            continue
        if value is None:
            continue
        if isinstance(value, bool):
            query[name] = "true" if value else "false"
        elif isinstance(value, (list, tuple)):
            query[name] = ",".join(str(item) for item in value)
        else:
            query[name] = str(value)
    return query


class OffsetPager:
    """Follows ``next_page`` URLs; resumes with (page URL, records to skip)."""

    def __init__(
        self,
        operation: Operation,
        first_url: str,
        query: dict[str, str],
        limit: int,
        cursor: str | None,
    ) -> None:
        self._operation = operation
        self._endpoint = endpoint_of(first_url)
        self._query: dict[str, str] | None
        if cursor is not None:
            state = decode_cursor(operation, cursor, u=str, s=int)
            self._url, self._skip, self._query = state["u"], state["s"], None
            self._refuse_if_unsafe(self._url)
        else:
            self._url, self._skip = first_url, 0
            self._query = {**query, "per_page": str(min(MAX_PAGE_SIZE, limit))}
        self._next: str | None = self._url
        self.next_page: str | None = None
        self.count: int | None = None
        self.warnings: list[str] = []
        self._accepted = 0
        self._pages: list[tuple[int, str, int, int]] = []
        """(index of its first record in this call, page URL, records skipped, length)"""
        self._followed: set[str] = set()
        self._seen_ids: set[int] = set()
        """Ids returned so far: a page with none new ends the list (bounded by the page cap)."""

    def _refuse_if_unsafe(self, url: str) -> None:
        problem = page_url_problem(url, self._endpoint)
        if problem is not None:
            raise UnsafeNextPage(
                f"Refusing to follow a page URL: {problem}.",
                hint="Only pages of the same endpoint on the account's own host are followed, "
                "so credentials never leave it. Start again without cursor.",
            )

    @property
    def pending(self) -> bool:
        """Whether another page is to be fetched."""
        return self._next is not None

    def request(self) -> tuple[str, dict[str, str] | None]:
        """The next page to fetch (URL and query); call only while :attr:`pending`.

        A ``next_page`` is checked here, when it is needed, not when it arrives: records
        already in hand are never lost to a bad URL that nobody follows.
        """
        url, query = self._next, self._query
        assert url is not None
        self._refuse_if_unsafe(url)
        self._followed.add(url)
        self._url, self._query = url, None  # next_page URLs carry their own query
        return url, query

    def accept(self, page: Page) -> list[Record]:
        records = page.records[self._skip :]
        self.next_page = page.next_page
        self.count = page.count if page.count is not None else self.count
        self._next = self.next_page or None
        ids = {i for r in records if (i := _id(r)) is not None}
        if not records or (len(ids) == len(records) and ids <= self._seen_ids):
            self._stop("a page added no new records")
            records = []
        elif self._next in self._followed:
            self._stop("the API gave a next_page that was already followed")
        self._seen_ids |= ids
        self._pages.append((self._accepted, self._url, self._skip, len(records)))
        self._accepted += len(records)
        self._skip = 0
        return records

    def _stop(self, why: str) -> None:
        if self._next is not None:
            self.warnings.append(f"Paging stopped: {why}, so the list cannot go on.")
        self._next = None

    def cursor_at(self, index: int) -> str | None:
        """Cursor resuming at record ``index`` of this call (None: nothing after it)."""
        for first, url, skip, length in reversed(self._pages):
            if first <= index < first + length:
                return encode_cursor(self._operation, {"u": url, "s": skip + index - first})
        if self._next is None or self.next_page_problem is not None:
            return None
        return encode_cursor(self._operation, {"u": self._next, "s": 0})

    @property
    def next_page_problem(self) -> str | None:
        """Why the pending next_page would be refused (None: it would be followed)."""
        return None if self._next is None else page_url_problem(self._next, self._endpoint)


def epoch_of(timestamp: Any) -> int | None:
    if not isinstance(timestamp, str):
        return None
    try:
        return int(datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


_CANONICAL_SEPARATORS = ((4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z"))
"""Where ``2024-11-22T16:08:59Z``, the form the export API writes, has its separators."""


def ids_in_second(second: int, records: Sequence[Record]) -> set[int]:
    """Ids of the records whose ``updated_at`` falls within ``second`` (epoch).

    Runs on every 1,000-record export page. When every timestamp has the API's fixed-width
    UTC form, one in the second is one equal to it, and the page is scanned in C (attribute
    and length lookups, separator columns sliced out of the joined stamps, then equality);
    any other form is parsed.
    """
    target = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(second))
    try:
        stamps: list[Any] | None = list(map(attrgetter("updated_at"), records))
    except AttributeError:  # a record type without the field: the parsing path copes
        stamps = None
    if stamps is not None and _all_canonical(stamps):
        hits: Iterable[Record] = compress(records, map(target.__eq__, stamps))
    else:
        hits = (r for r in records if _epoch_updated(r) == second)
    return {i for r in hits if (i := _id(r)) is not None}


def _all_canonical(stamps: list[Any]) -> bool:
    """Whether every stamp is a 20-character string with the API's separators."""
    try:
        if not set(map(len, stamps)) <= {20}:
            return False
        joined = "".join(stamps)
    except TypeError:  # a null or numeric timestamp
        return False
    count = len(stamps)
    return all(joined[at::20] == mark * count for at, mark in _CANONICAL_SEPARATORS)


def newest_second(records: Sequence[Record]) -> int | None:
    """The newest ``updated_at`` of the records (epoch), None when none has one.

    The API's fixed-width UTC stamps sort as text, so a canonical page needs one parse.
    """
    try:
        stamps: list[Any] = list(map(attrgetter("updated_at"), records))
    except AttributeError:
        return None
    if stamps and _all_canonical(stamps):
        return epoch_of(max(stamps))
    return max((s for r in records if (s := _epoch_updated(r)) is not None), default=None)


def _end_time_of(page: Page, operation: Operation) -> int:
    """The page's ``end_time`` (0 when absent); one no clock can hold is the server's fault."""
    end_time = page.end_time or 0
    if not 0 <= end_time <= LATEST_EPOCH:
        raise ServerError(
            f"Unexpected response for {operation.entity}/{operation.action}: end_time "
            f"{str(end_time)[:40]} is not a time.",
            hint="The API returned a broken export page; retry later.",
        )
    return end_time


def _id(record: Record) -> int | None:
    value = getattr(record, "id", None)
    return value if isinstance(value, int) else None


def _epoch_updated(record: Record) -> int | None:
    return epoch_of(getattr(record, "updated_at", None))


class IncrementalPager:
    """Walks an incremental export: inclusive ``start_time``, dedupe in the boundary second."""

    def __init__(self, operation: Operation, url: str, start_time: int, cursor: str | None) -> None:
        self._operation = operation
        self._url = url
        if cursor is not None:
            state = decode_cursor(operation, cursor, t=int, x=list)
            if not all(isinstance(i, int) for i in state["x"]) or not (
                0 <= state["t"] <= LATEST_EPOCH
            ):
                raise invalid_cursor(operation)
            start_time, seen = state["t"], set(state["x"])
        else:
            seen = set()
        self._start = start_time
        self._seen_at_start: set[int] = seen
        self._initial_state = (start_time, set(seen))
        self._page_start_state = self._initial_state
        self._done = False
        self._page: list[Record] = []
        self.end_time: int | None = None
        self.next_page: str | None = None
        self.count: int | None = None
        self.skipped_seconds: list[int] = []

    @property
    def pending(self) -> bool:
        """Whether another page is to be fetched."""
        return not self._done

    def request(self) -> tuple[str, dict[str, str] | None]:
        """The next page to fetch (URL and query); call only while :attr:`pending`."""
        self._page = []  # the previous page is not needed once the next is asked for
        return self._url, {"start_time": str(self._start)}

    def accept(self, page: Page) -> list[Record]:
        raw = page.records
        self.count = page.count if page.count is not None else page.items
        self.next_page = page.next_page
        end_time = max(self._start, _end_time_of(page, self._operation), newest_second(raw) or 0)
        seen = self._seen_at_start
        fresh = [r for r in raw if getattr(r, "id", None) not in seen] if seen else raw
        self._page_start_state = (self._start, set(self._seen_at_start))
        self._page = fresh
        self.end_time = end_time
        # Junk items count: a full page of 1,000 with one odd item is still full.
        full = max(self.count, page.items) >= EXPORT_PAGE_SIZE
        at_end = ids_in_second(end_time, raw)
        if full and raw and len(at_end) == len(raw):
            # A full page in one second: start_time has whole seconds, so the API cannot page
            # inside it. Go on from the next second and say what could not be fetched.
            self.skipped_seconds.append(end_time)
            self._start, self._seen_at_start = end_time + 1, set()
            return fresh
        if not full or not fresh:
            # Caught up; or a full page adding nothing (records without ids, or a server
            # answering the same page): stop rather than loop.
            self._done = True
        self._seen_at_start = self._ids_at(end_time, fresh, self._start, self._seen_at_start)
        self._start = end_time
        return fresh

    @property
    def warnings(self) -> list[str]:
        """What this export could not fetch (seconds holding more than a page of records)."""
        return [
            f"More than {EXPORT_PAGE_SIZE:,} records share the second "
            f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(second))}; the API cannot page "
            "inside one second, so records of that second beyond those returned could not be "
            "fetched. The export went on from the next second."
            for second in self.skipped_seconds
        ]

    @staticmethod
    def _ids_at(second: int, records: list[Record], start: int, seen: set[int]) -> set[int]:
        ids = ids_in_second(second, records)
        return ids | seen if second == start else ids

    def cursor_after(self, taken: int) -> str:
        """Cursor resuming after ``taken`` records of the last accepted page."""
        if taken >= len(self._page):
            return self._encode(self._start, self._seen_at_start)
        page_start, page_seen = self._page_start_state
        return self._cursor_within(self._page, taken, page_start, page_seen)

    def cursor_at(self, records: list[Record], index: int) -> str:
        """Cursor resuming at ``records[index]``, ``records`` being all this call returned."""
        start, seen = self._initial_state
        return self._cursor_within(records[:index], index, start, seen)

    def _cursor_within(self, records: list[Record], taken: int, start: int, seen: set[int]) -> str:
        if taken == 0:
            return self._encode(start, seen)
        second = _epoch_updated(records[taken - 1]) or start
        return self._encode(second, self._ids_at(second, records[:taken], start, seen))

    def _encode(self, start: int, seen: set[int]) -> str:
        return encode_cursor(self._operation, {"t": start, "x": sorted(seen)})

    def has_more_after(self, taken: int) -> bool:
        return taken < len(self._page) or not self._done


class SinglePage:
    """A list that comes whole in one response (stats, number search): one request, no cursor."""

    next_page: str | None = None

    def __init__(self, url: str, query: dict[str, str]) -> None:
        self.warnings: list[str] = []
        self._url, self._query = url, query
        self.pending = True
        self.count: int | None = None

    def request(self) -> tuple[str, dict[str, str] | None]:
        """The one request; call only while :attr:`pending`."""
        self.pending = False
        return self._url, self._query

    def accept(self, page: Page) -> list[Record]:
        self.count = len(page.records)
        return page.records

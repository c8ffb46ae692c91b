"""Response bodies to typed records: a fast strict path and a tolerant fallback.

A page is first validated straight from the response bytes by pydantic-core (JSON parsing and
record building in one pass, no intermediate Python dicts): that is what keeps a 100,000-call
export close to the speed of raw ``json.loads``. Only when that fails (an odd value in one
record, a missing wrapper key, a non-object item) is the body parsed again with ``json`` and
each record read leniently: a field whose value has an unexpected type is set to ``None`` and
the raw value is kept in :attr:`Record.invalid_values`, so one odd record never fails a list.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from ._record_base import RawRecord, Record, parse_record
from .catalog import Operation
from .errors import ServerError


@dataclass(frozen=True)
class Page:
    """The records of one response body, and the paging fields that came with them."""

    records: list[Record]
    next_page: str | None = None
    count: int | None = None
    end_time: int | None = None
    size: int | None = None
    """Items in the body's list as sent, odd ones (not objects) included; None: as records."""

    @property
    def items(self) -> int:
        """How many items the server sent, whether or not each became a record."""
        return len(self.records) if self.size is None else self.size


def parse_page(operation: Operation, content: bytes) -> Page:
    """The typed page in a response body (documented alternate wrapper keys accepted)."""
    with _collector_paused():
        page = _parse_page_strictly(operation, content)
    return page if page is not None else _parse_page_leniently(operation, content)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector out of the building of one page.

    A page of a thousand records allocates thousands of container objects, none of which can
    be garbage yet; the collector would walk them again and again while they are built. It
    runs as usual once the page is done. A collector the caller disabled stays disabled.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def extract_records(operation: Operation, body: Any) -> list[RawRecord]:
    """The list of raw records in a decoded body (accepting documented alternate keys)."""
    return [item for item in _items(operation, body) if isinstance(item, dict)]


def _items(operation: Operation, body: Any) -> list[Any]:
    """The items under the body's wrapper key, as sent."""
    if isinstance(body, dict):
        for key in _keys(operation):
            value = body.get(key)
            if isinstance(value, list):
                return value
            if isinstance(value, dict):
                return [value]
    raise ServerError(
        f"Unexpected response for {operation.entity}/{operation.action}: "
        f"no {operation.response_key!r} in the body.",
        hint="The API may have changed; report this with the request that failed.",
    )


def _parse_page_strictly(operation: Operation, content: bytes) -> Page | None:
    """The page validated straight from the bytes; None when anything in it is odd."""
    try:
        envelope = _envelope_of(operation).model_validate_json(content)
    except ValidationError:
        return None
    wrapped = (getattr(envelope, f"records_{i}") for i in range(len(_keys(operation))))
    records = next((value for value in wrapped if value is not None), None)
    if records is None:
        return None
    if not isinstance(records, list):
        records = [records]
    return Page(
        records=records,
        next_page=_str_or_none(envelope.next_page),
        count=_int_or_none(envelope.count),
        end_time=_int_or_none(envelope.end_time),
    )


def _parse_page_leniently(operation: Operation, content: bytes) -> Page:
    try:
        body = json.loads(content)
    except RecursionError:
        raise ServerError(
            f"Unexpected response for {operation.entity}/{operation.action}: the body "
            "nests too deeply to read.",
            hint="The API or a proxy in between returned something else; retry later.",
        ) from None
    except ValueError as exc:
        raise ServerError(
            f"Unexpected response for {operation.entity}/{operation.action}: the body is "
            f"not JSON ({str(exc)[:200]}).",
            hint="The API or a proxy in between returned something else; retry later.",
        ) from None
    items = _items(operation, body)
    try:
        records = [parse_record(operation.record, item) for item in items if isinstance(item, dict)]
    except RecursionError:  # a record whose values nest deeper than Python can validate
        raise ServerError(
            f"Unexpected response for {operation.entity}/{operation.action}: a record "
            "nests too deeply to read.",
            hint="The API or a proxy in between returned something else; retry later.",
        ) from None
    return Page(
        records=records,
        next_page=_str_or_none(body.get("next_page")),
        count=_int_or_none(body.get("count")),
        end_time=_int_or_none(body.get("end_time")),
        size=len(items),
    )


def _keys(operation: Operation) -> tuple[str, ...]:
    return (operation.response_key, *operation.alternate_keys)


class _Envelope(BaseModel):
    """Paging fields of a body, read as sent; their types are checked where they are used."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    next_page: Any = None
    count: Any = None
    end_time: Any = None


@cache
def _envelope_of(operation: Operation) -> type[_Envelope]:
    """A model of the whole body: the wrapper key(s) and the paging fields, nothing else."""
    record = operation.record
    wrapped: Any = list[record] | record | None  # type: ignore[valid-type]
    fields: dict[str, Any] = {
        # Left to right: a list is tried first and taken as is; pydantic's smart mode
        # would validate each page twice (strict, then lax).
        f"records_{i}": (wrapped, Field(default=None, alias=key, union_mode="left_to_right"))
        for i, key in enumerate(_keys(operation))
    }
    return create_model(f"{record.__name__}Page", __base__=_Envelope, **fields)


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None

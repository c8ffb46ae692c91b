"""What a tool shows a model: compact, bounded JSON with an honest truncation marker.

A single record is one JSON object. A list is a table, so field names are written once::

    {"returned":3,"columns":["id","number","capabilities.sms"],
     "rows":[[1,"+15125550100",true],[2,"+15125550101",null],[3,"+15125550102",false]],
     "has_more":true,"next_cursor":"...","note":"More records exist: ..."}

* nulls are dropped (recursively) and JSON is written without spaces; in a table a column
  that is null in every row shown is left out, and a null or missing value is a ``null`` cell;
* a nested object is spread over dotted columns (``capabilities.sms``), so its keys are not
  repeated per row either; lists stay whole JSON values in their cell;
* ``where`` keeps only records whose fields equal the given values (``sms_enabled=true``);
  ``matched`` says how many did;
* ``fields`` keeps only the named fields, as columns in that order; numeric ones are then also
  summarised (count, sum, min, max, avg) over *all* records returned, so totals stay right
  when the list is cut;
* the text never exceeds the budget: rows that do not fit are left out, and the output says
  how many were ``shown`` (``truncated``) and gives the cursor that resumes at the first one
  left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import chain, islice
from typing import Any, get_args

from pydantic_core import PydanticSerializationError, to_json

from .catalog import Operation
from .errors import InvalidParams
from .record_base import Record
from .results import ZendeskTalkExecuteResult

DEFAULT_MAX_OUTPUT_CHARS = 8_000
MIN_OUTPUT_CHARS = 1_000
_ENVELOPE_RESERVE = 700
"""Room kept for the envelope (counts, cursor, note) around the table."""


def drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(item) for item in value]
    return value


_ENCODER = json.JSONEncoder(
    separators=(",", ":"), ensure_ascii=False, default=str, check_circular=False
)


def dumps(value: Any) -> str:
    """Compact JSON (no spaces, non-ASCII kept; unknown types as ``str``).

    pydantic-core's encoder writes it ~3.5x faster than ``json``; the standard library's
    takes over for what only it can write (a lone surrogate in API text)."""
    try:
        return to_json(value, fallback=str).decode()
    except PydanticSerializationError:
        return _ENCODER.encode(value)


def record_fields(operation: Operation) -> tuple[str, ...]:
    return tuple(operation.record.model_fields)


def numeric_fields(operation: Operation) -> set[str]:
    """The record fields holding numbers (those a summary counts, sums and averages)."""
    return {
        name
        for name, field in operation.record.model_fields.items()
        if {int, float} & {field.annotation, *get_args(field.annotation)}
    }


def check_fields(operation: Operation, fields: Sequence[str] | None) -> None:
    if not fields:
        return
    known = record_fields(operation)
    unknown = [name for name in fields if name not in known]
    if unknown:
        raise InvalidParams(
            f"Unknown field(s) {', '.join(map(repr, unknown))} for {operation.entity}.",
            hint=f"Fields of {operation.entity}: {', '.join(known)}.",
        )


Condition = tuple[str, Any]


def parse_where(operation: Operation, where: Sequence[str] | None) -> list[Condition]:
    """``["sms_enabled=true", "country_code=US"]`` -> [(field, value)], values JSON-decoded."""
    conditions: list[Condition] = []
    for item in where or ():
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InvalidParams(
                f"where item {item!r} is not 'field=value'.",
                hint="Use e.g. where=['sms_enabled=true', 'country_code=US'].",
            )
        try:
            value = json.loads(raw.strip())
        except ValueError:
            value = raw.strip()
        conditions.append((name, value))
    check_fields(operation, [name for name, _ in conditions])
    return conditions


def matches(record: Record, conditions: Sequence[Condition]) -> bool:
    for name, wanted in conditions:
        value = getattr(record, name, None)
        if value != wanted and str(value) != str(wanted):
            return False
    return True


def string_list(value: Any, name: str, operation: Operation) -> list[str] | None:
    """A list of strings; a comma-separated string is accepted too (models send both)."""
    if value is None:
        return None
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise InvalidParams(
        f"{name} must be a list of strings, not {value!r}.",
        hint=f"Fields of {operation.entity}: {', '.join(record_fields(operation))}.",
    )


def shape_record(record: Record, fields: Sequence[str] | None) -> dict[str, Any]:
    """One record as a JSON object: the selected fields, nulls dropped at every depth."""
    data = _dump(record, fields)
    for name, value in _nested(record, data):
        data[name] = drop_nulls(value)
    return data


def table_cells(record: Record, fields: Sequence[str] | None) -> dict[str, Any]:
    """One record as table cells: its non-null values by column, a nested object spread over
    dotted columns (``capabilities.sms``). Lists stay whole, nulls inside them dropped; an
    object with nothing but nulls stays as ``{}``, one with a dot in a key stays whole."""
    cells = _dump(record, fields)
    for name, value in _nested(record, cells):
        if isinstance(value, dict):
            del cells[name]
            _spread(cells, name, value)
        else:
            cells[name] = drop_nulls(value)
    return cells


def _nested(record: Record, dumped: dict[str, Any]) -> list[tuple[str, Any]]:
    """The objects and lists among a record's dumped values, in dump order (declared fields,
    then extra ones). Only fields that can hold them are looked at."""
    maybe_nested: Iterable[str] = _container_fields(type(record))
    if record.__pydantic_extra__:
        maybe_nested = chain(maybe_nested, record.__pydantic_extra__)
    elif not maybe_nested:  # most records: scalars only
        return []
    return [
        (name, value)
        for name in maybe_nested
        if (type(value := dumped.get(name)) is dict or type(value) is list)
    ]


@cache
def _container_fields(record_type: type[Record]) -> tuple[str, ...]:
    """The declared fields whose values can be objects or lists, in field order. Validation
    guarantees the others hold scalars, so a row looks for nesting only here (and in extra
    fields)."""
    scalars = (int, float, str, bool, type(None))
    return tuple(
        name
        for name, info in record_type.model_fields.items()
        if not all(option in scalars for option in get_args(info.annotation) or (info.annotation,))
    )


def _dump(record: Record, fields: Sequence[str] | None) -> dict[str, Any]:
    """The selected fields without top-level nulls (nested ones are the caller's)."""
    # The serializer itself: model_dump's keyword handling costs a third of this per row.
    return record.__pydantic_serializer__.to_python(  # type: ignore[no-any-return]
        record, include=set(fields) if fields else None, exclude_none=True
    )


def _spread(cells: dict[str, Any], name: str, value: dict[Any, Any]) -> None:
    """Put an object's values in the cells ``name.key`` (recursively)."""
    if not value or "." in "".join(map(str, value)):
        cells[name] = drop_nulls(value)
        return
    before = len(cells)
    for key, item in value.items():
        if item is None:
            continue
        kind = type(item)
        if kind is dict:
            _spread(cells, f"{name}.{key}", item)
        elif kind is list:
            cells[f"{name}.{key}"] = drop_nulls(item)
        else:
            cells[f"{name}.{key}"] = item
    if len(cells) == before:  # nothing but nulls
        cells[name] = {}


def numeric_summary(rows: Iterable[Record], fields: Sequence[str]) -> dict[str, dict[str, Any]]:
    """count/sum/min/max/avg of each numeric field over the rows (None values skipped).

    Ids are numbers but not quantities: ``id`` and ``*_id`` fields are not summarised.
    """
    summary: dict[str, dict[str, Any]] = {}
    quantities = [name for name in fields if name != "id" and not name.endswith("_id")]
    values: dict[str, list[float]] = {name: [] for name in quantities}
    for row in rows:
        for name in quantities:
            value = getattr(row, name, None)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                values[name].append(value)
    for name, numbers in values.items():
        if numbers:
            total = sum(numbers)
            summary[name] = {
                "count": len(numbers),
                "sum": total,
                "min": min(numbers),
                "max": max(numbers),
                "avg": round(total / len(numbers), 2),
            }
    return summary


def render(
    operation: Operation,
    result: ZendeskTalkExecuteResult[Record] | Record,
    *,
    fields: Sequence[str] | None = None,
    where: Sequence[Condition] = (),
    max_chars: int = DEFAULT_MAX_OUTPUT_CHARS,
) -> str:
    """The model-facing text for a result, never longer than ``max_chars``."""
    if isinstance(result, Record):
        return _cut(dumps(shape_record(result, fields)), max_chars, operation)
    selected = [(i, r) for i, r in enumerate(result.data) if not where or matches(r, where)]
    envelope: dict[str, Any] = {"returned": result.meta.returned}
    store_total = getattr(result.meta, "total", None)  # answers from a local store
    if store_total is not None:
        envelope["total"] = store_total
    if where:
        envelope["matched"] = len(selected)
    if fields:
        summary = numeric_summary((r for _, r in selected), fields)
        if summary:
            envelope["summary"] = summary
    budget = max_chars - _ENVELOPE_RESERVE - len(dumps(envelope))
    order = {name: rank for rank, name in enumerate(fields or record_fields(operation))}
    cells = (table_cells(r, fields) for _, r in selected)
    rows, table = _fitting_table(cells, len(selected), budget, order)
    complete = len(rows) == len(selected)
    if complete:
        cursor = result.meta.next_cursor if result.meta.has_more else None
    else:
        cursor = result.cursor_at(selected[len(rows)][0])
        envelope["shown"] = len(rows)
        envelope["truncated"] = True
    tail: dict[str, Any] = {"has_more": not complete or result.meta.has_more}
    if cursor:
        tail["next_cursor"] = cursor
    if result.meta.end_time is not None:
        tail["end_time"] = result.meta.end_time
    note = _note(operation, complete, len(rows), len(selected), result, bool(fields))
    if note:
        tail["note"] = note
    coverage = getattr(result.meta, "coverage", None)
    if coverage:
        tail["coverage"] = coverage
    if result.meta.has_more and ("matched" in envelope or "summary" in envelope):
        tail["partial"] = _partial(result)
    text = f"{dumps(envelope)[:-1]},{table},{dumps(tail)[1:]}"
    return _cut(text, max_chars, operation)


def _fitting_table(
    cells: Iterator[dict[str, Any]], count: int, budget: int, order: dict[str, int]
) -> tuple[list[dict[str, Any]], str]:
    """The leading rows that fit ``budget`` and their table text.

    The first row's size is a guess of every row's: when all ``count`` rows likely fit, they
    are built and measured in the one dump of the table (most lists); otherwise, or if they do
    not fit after all, rows are measured as they are added."""
    first = next(cells, None)
    if first is None:
        return [], _table([], order)
    guess = len(dumps(list(first.values()))) + 1
    rest: Iterable[dict[str, Any]] = cells
    if guess * count <= budget:
        rows = [first, *cells]
        table = _table(rows, order)
        if len(table) <= budget:
            return rows, table
        rest = rows[1:]
    shown = _rows_that_fit(chain([first], rest), budget, batch=max(1, budget // (2 * guess)))
    return shown, _table(shown, order)


def _table(rows: Sequence[dict[str, Any]], order: dict[str, int]) -> str:
    """``"columns":[..],"rows":[[..],..]``: a cell per column in every row, null if absent."""
    columns = _columns(rows, order)
    cells = [list(map(row.get, columns)) for row in rows]
    return f'"columns":{dumps(columns)},"rows":{dumps(cells)}'


def _columns(rows: Sequence[dict[str, Any]], order: dict[str, int]) -> list[str]:
    """Every column with a value in some row: top-level fields in ``order`` (unknown ones
    after, as first seen), the dotted columns of one field in the order first seen."""
    seen = dict.fromkeys(chain.from_iterable(rows))
    last = len(order)
    return sorted(seen, key=lambda name: order.get(name.partition(".")[0], last))


def _rows_that_fit(
    rows: Iterable[dict[str, Any]], budget: int, *, batch: int = 8
) -> list[dict[str, Any]]:
    """The leading rows that fit ``budget`` chars as ``"columns":[..],"rows":[..]``.

    The size is kept exactly as rows are added: a new column costs its name in the header
    and a ``null`` cell in every row without it. Rows are measured in batches (one JSON dump
    each), the first of ``batch`` rows, then filling half the room left (by the mean row so
    far); a batch that does not fit is halved until the row that does not fit is found. Rows
    after it are not read."""
    rows = iter(rows)
    shown: list[dict[str, Any]] = []
    columns: set[str] = set()
    names = 0  # chars of the column names, quoted
    values = 0  # chars of the non-null cells
    filled = 0  # non-null cells
    size = 0  # of the rows shown so far

    def fits(more: Sequence[dict[str, Any]]) -> bool:
        nonlocal names, values, filled, size
        new = {name for row in more for name in row} - columns
        added_names = len(dumps(list(new))) - 1 - len(new) if new else 0
        cells = sum(map(len, more))
        # dumps of the rows' values: brackets and commas around and between the values
        dumped = len(dumps([list(row.values()) for row in more]))
        added_values = dumped - 2 - (len(more) - 1) - sum(2 + max(len(r) - 1, 0) for r in more)
        count, width = len(shown) + len(more), len(columns) + len(new)
        total = (
            len('"columns":[],"rows":[]')
            + names
            + added_names
            + max(width - 1, 0)  # commas between column names
            + count * (2 + max(width - 1, 0))  # each row's brackets and commas
            + count
            - 1  # commas between rows
            + values
            + added_values
            + 4 * (count * width - filled - cells)  # null cells
        )
        if total > budget:
            return False
        columns.update(new)
        names, values, filled, size = (
            names + added_names,
            values + added_values,
            filled + cells,
            total,
        )
        shown.extend(more)
        return True

    def take(chunk: Sequence[dict[str, Any]]) -> bool:
        """Add the rows of ``chunk`` that fit; False once one does not."""
        if fits(chunk):
            return True
        if len(chunk) == 1:
            return False
        half = len(chunk) // 2
        return take(chunk[:half]) and take(chunk[half:])

    while (chunk := list(islice(rows, batch))) and take(chunk):
        batch = max(1, (budget - size) * len(shown) // (2 * max(size, 1)))  # half the room
    return shown


def _note(
    operation: Operation,
    complete: bool,
    shown: int,
    selected: int,
    result: ZendeskTalkExecuteResult[Record],
    has_fields: bool,
) -> str:
    if not complete:
        narrow = "" if has_fields else " or pass fields=[...] to get fewer fields per record"
        return (
            f"Output cut to {shown} of {selected} records to fit the size budget. "
            f"Call again with cursor=next_cursor to continue{narrow}."
        )
    if result.meta.has_more:
        return "More records exist: call again with cursor=next_cursor."
    if operation.paging.value == "incremental":
        return "Caught up. To poll for newer records later, call again with cursor=next_cursor."
    return ""


def _partial(result: ZendeskTalkExecuteResult[Record]) -> str:
    """The warning on counts and summaries over part of a list, in words."""
    listed = result.meta.count if result.meta.end_time is None else None  # exports: page size
    total = f" of {listed:,}" if listed else ""
    return (
        f"PARTIAL: matched and summary cover only the {result.meta.returned:,} records read"
        f"{total}, not all of them. More exist: call again with cursor=next_cursor and "
        "combine, or (with a local store) use context_store_aggregate for exact totals."
    )


def _cut(text: str, max_chars: int, operation: Operation) -> str:
    if len(text) <= max_chars:
        return text
    marker = (
        f"...[TRUNCATED: {len(text)} chars exceed the {max_chars}-char budget; "
        f"pass fields=[...] to select fewer fields of {operation.entity}]"
    )
    return text[: max(0, max_chars - len(marker))] + marker


def table_records(output: str | dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a list tool output as records, for code that reads what a model read.

    ``output`` is the tool's text (or its parsed JSON). Each row becomes one dict: null cells
    are left out and dotted columns (``capabilities.sms``) are nested back into objects.
    """
    body = json.loads(output) if isinstance(output, str) else output
    columns = [column.split(".") for column in body["columns"]]
    records = []
    for row in body["rows"]:
        record: dict[str, Any] = {}
        for (*parents, leaf), value in zip(columns, row, strict=True):
            if value is None:
                continue
            target = record
            for parent in parents:
                target = target.setdefault(parent, {})
            target[leaf] = value
        records.append(record)
    return records

"""What a tool shows a model: compact, bounded JSON with an honest truncation marker.

A single record is one JSON object. A list is a table, so field names are written once::

    {"returned":3,"now":"2024-11-29T15:30:00Z","columns":["id","number","capabilities.sms"],
     "rows":[[1,"+15125550100",true],[2,"+15125550101",null],[3,"+15125550102",false]],
     "has_more":true,"next_cursor":"...","note":"More records exist: ..."}

* ``now`` is the current time (UTC), so "this week" or "in the last hour" can be worked out;
  every time a model sees is ISO 8601 in UTC with its offset (``Z``), the API's ``created_at``
  as sent and an export's ``end_time`` (epoch seconds in :class:`~.results.ListMeta`) turned
  into the same form;
* ``units`` names the unit of the numbers shown (``{"seconds":["duration",..]}``); a charge
  (``call_charge``, a decimal string in the API and the typed record) is a number, in the
  account's billing currency (the API names none);
* nulls are dropped (recursively) and JSON is written without spaces; in a table a column
  that is null in every row shown is left out, and a null or missing value is a ``null`` cell;
* a nested object is spread over dotted columns (``capabilities.sms``), so its keys are not
  repeated per row either; lists stay whole JSON values in their cell;
* ``where`` keeps only records whose fields equal the given values (``sms_enabled=true``,
  ``capabilities.sms=true``); a value is checked against the field's type (``true``/``false``,
  an integer, a number, a documented value) and a wrong one is an error naming what is
  allowed; ``matched`` says how many records matched, and when none did, the note lists the
  values the records have;
* ``fields`` keeps only the named fields (dotted columns too), as columns in that order;
  numeric ones are then also summarised (count, sum, min, max, avg) over *all* records
  returned, so totals stay right when the list is cut (not for a one-record stats snapshot);
* the text never exceeds the budget: rows that do not fit are left out, and the output says
  how many were ``shown`` (``truncated``) and gives the cursor that resumes at the first one
  left out.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from functools import cache
from itertools import chain, islice
from typing import Any, get_args, get_origin

from pydantic_core import PydanticSerializationError, to_json

from ._record_base import Record, field_choices, field_units
from .catalog import Operation, Paging
from .errors import InvalidParams, OutputTooLarge, did_you_mean, shown
from .results import ZendeskTalkExecuteResult

__all__ = [
    "DEFAULT_MAX_OUTPUT_CHARS",
    "MIN_OUTPUT_CHARS",
    "render",
    "table_records",
]

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

    pydantic-core's encoder writes it; the standard library's takes over for what only it can
    write (a lone surrogate in API text)."""
    try:
        return to_json(value, fallback=str).decode()
    except PydanticSerializationError:
        return _ENCODER.encode(value)


def record_fields(operation: Operation) -> tuple[str, ...]:
    return tuple(operation.record.model_fields)


def iso_utc(epoch: float) -> str:
    """Epoch seconds as the one time format models see: ``2024-11-29T15:30:00Z``."""
    return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _top(name: str) -> str:
    return name.partition(".")[0]


def _value_type(operation: Operation, name: str) -> Any:
    """The type of the values of ``name`` (``capabilities.sms`` -> the dict's value type);
    ``Any`` where the model does not say. None for a name the records do not have: a dotted
    name needs a field holding an object."""
    top, dot, rest = name.partition(".")
    info = operation.record.model_fields.get(top)
    if info is None:
        return None
    annotation = _without_none(info.annotation)
    if not dot:
        return annotation
    if annotation is not Any and get_origin(annotation) is not dict:
        return None
    args = get_args(annotation)
    return _without_none(args[1]) if args and "." not in rest else Any


def _without_none(annotation: Any) -> Any:
    options = [arg for arg in get_args(annotation) or (annotation,) if arg is not type(None)]
    return options[0] if len(options) == 1 else Any


def numeric_fields(operation: Operation) -> set[str]:
    """The record fields holding numbers (those a summary counts, sums and averages)."""
    return {
        name
        for name, field in operation.record.model_fields.items()
        if {int, float} & {field.annotation, *get_args(field.annotation)}
    }


def check_fields(operation: Operation, fields: Sequence[str] | None) -> None:
    """Every name must be a field of the records, or a dotted column the output shows."""
    if not fields:
        return
    known = record_fields(operation)
    unknown = [name for name in fields if _value_type(operation, name) is None]
    if unknown:
        named = ", ".join(f"{name!r}{did_you_mean(name, known)}" for name in unknown)
        objects = [name for name in known if _value_type(operation, f"{name}.x") is not None]
        nested = f" Keys of {', '.join(objects)} as e.g. {objects[0]}.key." if objects else ""
        raise InvalidParams(
            f"Unknown field(s) {named} for {operation.entity}.",
            hint=f"Fields of {operation.entity}: {', '.join(known)}.{nested}",
        )


Condition = tuple[str, Any]


def parse_where(operation: Operation, where: Sequence[str] | None) -> list[Condition]:
    """``["sms_enabled=true", "country_code=US"]`` -> [(field, value)], each value checked
    against the field's type and converted to it."""
    conditions: list[Condition] = []
    for item in where or ():
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InvalidParams(
                f"where item {item!r} is not 'field=value'.",
                hint="Use e.g. where=['sms_enabled=true', 'country_code=US'].",
            )
        conditions.append((name, raw.strip()))
    check_fields(operation, [name for name, _ in conditions])
    return [(name, _where_value(operation, name, raw)) for name, raw in conditions]


def _where_value(operation: Operation, name: str, raw: str) -> Any:
    """``raw`` as a value of field ``name``; an error naming the allowed values otherwise."""
    try:
        decoded = json.loads(raw)
    except (ValueError, RecursionError):  # too deep to be JSON a filter could mean
        decoded = raw
    if decoded is None:
        return None  # "field=null": records without a value
    kind = _value_type(operation, name)
    unit = field_units(operation.record).get(name)
    if unit is not None and unit.money:
        kind = float  # compared as the output shows it
    if kind is bool:
        if isinstance(decoded, bool):
            return decoded
        allowed, example = "true or false", "true"
    elif kind is int or kind is float:
        number = _number(raw)
        if isinstance(number, int) or (kind is float and isinstance(number, float)):
            return number
        allowed, example = ("an integer", "1") if kind is int else ("a number", "0.025")
    elif kind is str:
        text = decoded if isinstance(decoded, str) else raw
        choices = field_choices(operation.record).get(name)
        if choices is None or text in choices:
            return text
        allowed, example = f"one of {', '.join(choices)}", choices[0]
    else:
        return decoded
    raise InvalidParams(
        f"where {name}={shown(raw)}: {name} is {allowed}, so this could match nothing.",
        hint=f"Use e.g. where=['{name}={example}'].",
    )


def _number(text: str) -> int | float | str:
    """An integer or finite number written in ``text``; ``text`` itself otherwise."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        return text
    return number if math.isfinite(number) else text


def facing_value(record: Record, name: str) -> Any:
    """The value of field ``name`` (or dotted column) as the output shows it."""
    top, dot, rest = name.partition(".")
    value = getattr(record, top, None)
    if dot:
        for key in rest.split("."):
            value = value.get(key) if isinstance(value, dict) else None
    elif isinstance(value, str) and top in _money_fields(type(record)):
        return _number(value)
    return value


def matches(record: Record, conditions: Sequence[Condition]) -> bool:
    for name, wanted in conditions:
        value = facing_value(record, name)
        if value != wanted and str(value) != str(wanted):
            return False
    return True


@cache
def _money_fields(record_type: type[Record]) -> tuple[str, ...]:
    """Charges the API sends as decimal strings, shown to models as numbers."""
    return tuple(name for name, unit in field_units(record_type).items() if unit.money)


def units(operation: Operation, fields: Sequence[str] | None) -> dict[str, list[str]]:
    """The shown fields that have a unit, by unit: ``{"seconds": ["duration", ...]}``."""
    shown = set(map(_top, fields)) if fields else None
    by_unit: dict[str, list[str]] = {}
    for name, unit in field_units(operation.record).items():
        if shown is None or name in shown:
            by_unit.setdefault(unit.name, []).append(name)
    return by_unit


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
    if fields and any("." in name for name in fields):
        data = _pick(data, fields)
    return data


def _pick(data: dict[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """Only the selected fields and dotted keys of ``data`` (``capabilities.sms``)."""
    picked: dict[str, Any] = {}
    for name in fields:
        *parents, leaf = name.split(".")
        source: Any = data
        for key in (*parents, leaf):
            source = source.get(key) if isinstance(source, dict) else None
        target: Any = picked
        for key in parents:
            if isinstance(target, dict):
                target = target.setdefault(key, {})
        if source is not None and isinstance(target, dict):  # else: selected whole already
            target[leaf] = source
    return picked


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
    if fields and any("." in name for name in fields):
        return {
            column: value
            for column, value in cells.items()
            if any(column == name or column.startswith(f"{name}.") for name in fields)
        }
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
    """The selected fields without top-level nulls (nested ones are the caller's), charges
    as numbers."""
    # The serializer itself: model_dump's keyword handling costs a third of this per row.
    data: dict[str, Any] = record.__pydantic_serializer__.to_python(
        record, include=set(map(_top, fields)) if fields else None, exclude_none=True
    )
    for name in _money_fields(type(record)):
        value = data.get(name)
        if type(value) is str:
            data[name] = _number(value)
    return data


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
            value = facing_value(row, name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                values[name].append(value)
    for name, numbers in values.items():
        if numbers:
            # Charges are decimals: no float noise such as 0.30000000000000004, and an
            # average of 0.025 is not rounded away.
            decimals = any(type(number) is float for number in numbers)
            total = round(math.fsum(numbers), 6) if decimals else sum(numbers)
            summary[name] = {
                "count": len(numbers),
                "sum": total,
                "min": min(numbers),
                "max": max(numbers),
                "avg": round(total / len(numbers), 6 if decimals else 2),
            }
    return summary


def render(
    operation: Operation,
    result: ZendeskTalkExecuteResult[Record] | Record,
    *,
    fields: Sequence[str] | None = None,
    where: Sequence[Condition] = (),
    max_chars: int = DEFAULT_MAX_OUTPUT_CHARS,
    now: float | None = None,
) -> str:
    """The model-facing text for a result, never longer than ``max_chars``. ``now`` (epoch
    seconds, default the current time) is stated in a list's output.

    Raises :class:`~.errors.OutputTooLarge` when not even one record fits (the model must
    select fewer fields)."""
    if isinstance(result, Record):
        text = dumps(shape_record(result, fields))
        if len(text) > max_chars:
            raise _too_large(operation, len(text), max_chars, fields)
        return text
    selected = [(i, r) for i, r in enumerate(result.data) if not where or matches(r, where)]
    envelope: dict[str, Any] = {
        "returned": result.meta.returned,
        "now": iso_utc(time.time() if now is None else now),
    }
    store_total = getattr(result.meta, "total", None)  # answers from a local store
    if store_total is not None:
        envelope["total"] = store_total
    if where:
        envelope["matched"] = len(selected)
    by_unit = units(operation, fields)
    if by_unit:
        envelope["units"] = by_unit
    if fields and operation.paging is not Paging.SNAPSHOT:  # one record: nothing to sum up
        summary = numeric_summary((r for _, r in selected), fields)
        if summary:
            envelope["summary"] = summary
    budget = max_chars - _ENVELOPE_RESERVE - len(dumps(envelope))
    order: dict[str, int] = {}
    for rank, name in enumerate(fields or record_fields(operation)):
        order.setdefault(_top(name), rank)
    cells = (table_cells(r, fields) for _, r in selected)
    rows, table = _fitting_table(cells, len(selected), budget, order)
    if selected and not rows:  # even the first row is more than the table's room
        size = len(dumps(shape_record(selected[0][1], fields)))
        raise _too_large(operation, size, max_chars, fields)
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
        tail["end_time"] = iso_utc(result.meta.end_time)
    if result.meta.warning:  # what paging could not fetch, or why it stopped
        tail["warning"] = result.meta.warning[:1000]
    note = _note(operation, complete, len(rows), len(selected), result, bool(fields))
    if where and not selected and result.data:
        note = f"{_seen_values(result.data, where)} {note}".strip()
    if note:
        tail["note"] = note
    coverage = getattr(result.meta, "coverage", None)
    if coverage:
        tail["coverage"] = coverage
    if result.meta.has_more and ("matched" in envelope or "summary" in envelope):
        tail["partial"] = _partial(result)
    text = f"{dumps(envelope)[:-1]},{table},{dumps(tail)[1:]}"
    return cut_text(text, max_chars)


def _seen_values(records: Sequence[Record], where: Sequence[Condition]) -> str:
    """Why nothing matched: the values the records have for each ``where`` field (a few,
    each shortened, so the note stays within the envelope's room)."""
    parts = []
    for name, _ in where:
        seen = dict.fromkeys(dumps(facing_value(record, name))[:40] for record in records)
        values = ", ".join(list(seen)[:8]) + (", ..." if len(seen) > 8 else "")
        parts.append(f"{name}: {values}")
    text = f"No record matched; values in the {len(records)} records fetched: {'; '.join(parts)}"
    return (text[:400] + "...") if len(text) > 400 else text + "."


def _fitting_table(
    cells: Iterator[dict[str, Any]], count: int, budget: int, order: dict[str, int]
) -> tuple[list[dict[str, Any]], str]:
    """The longest run of leading rows whose table fits ``budget``, and that table.

    A table only grows with its rows, so the run is searched by measuring whole tables: first
    as many rows as the first row's size suggests fit (all of them, for most lists), then
    doubling while they fit and halving the gap once they do not. Rows after the largest
    candidate are never built."""
    rows = list(islice(cells, 1))
    if not rows:
        return [], _table([], order)
    guess = len(dumps(list(rows[0].values()))) + 1
    fits, table = 0, _table([], order)
    too_many = count + 1  # the least number of rows known not to fit
    candidate = min(count, max(1, budget // guess))
    while too_many - fits > 1:
        rows.extend(islice(cells, max(0, candidate - len(rows))))
        text = _table(rows[:candidate], order)
        if len(text) <= budget:
            fits, table = candidate, text
        else:
            too_many = candidate
        candidate = (fits + too_many) // 2 if too_many <= count else min(2 * fits, count)
    return rows[:fits], table


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
        return result.meta.note or "More records exist: call again with cursor=next_cursor."
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


def cut_text(text: str, max_chars: int) -> str:
    """``text``, cut to ``max_chars`` with a marker saying how much was left out."""
    if len(text) <= max_chars:
        return text
    marker = f"...[TRUNCATED: {len(text):,} chars exceed the {max_chars:,}-char budget]"
    return text[: max(0, max_chars - len(marker))] + marker


def _too_large(
    operation: Operation, size: int, budget: int, fields: Sequence[str] | None
) -> OutputTooLarge:
    narrower = f"fewer fields than {list(fields)}" if fields else "only the fields you need"
    return OutputTooLarge(
        f"One {operation.entity} record is {size:,} chars, more than fits the {budget:,}-char "
        f"output budget, so it cannot be shown. Call again with params fields=[...] listing "
        f"{narrower}. Fields of {operation.entity}: {', '.join(record_fields(operation))}.",
        hint="Select fewer fields with fields=[...].",
    )


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

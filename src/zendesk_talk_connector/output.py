"""What a tool shows a model: compact, bounded JSON with an honest truncation marker.

* nulls are dropped (recursively) and JSON is written without spaces;
* ``where`` keeps only records whose fields equal the given values (``sms_enabled=true``);
* ``fields`` keeps only the named fields; numeric ones are then also summarised (count, sum,
  min, max, avg) over *all* records returned, so totals stay right when the list is cut;
* the text never exceeds the budget: records that do not fit are left out, and the output
  says how many were shown and gives the cursor that resumes at the first one left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from .catalog import Operation
from .errors import InvalidParams
from .records import Record
from .results import ZendeskTalkExecuteResult

DEFAULT_MAX_OUTPUT_CHARS = 8_000
_ENVELOPE_RESERVE = 700
"""Room kept for the envelope (counts, cursor, note) around the records."""


def drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(item) for item in value]
    return value


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


def record_fields(operation: Operation) -> tuple[str, ...]:
    return tuple(operation.record.model_fields)


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
    data = record.model_dump(include=set(fields) if fields else None, exclude_none=True)
    return drop_nulls(data)  # type: ignore[no-any-return]


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
    selected = [(i, r) for i, r in enumerate(result.data) if matches(r, where)]
    envelope: dict[str, Any] = {"returned": result.meta.returned}
    if where:
        envelope["matched"] = len(selected)
    if fields:
        summary = numeric_summary((r for _, r in selected), fields)
        if summary:
            envelope["summary"] = summary
    budget = max_chars - _ENVELOPE_RESERVE - len(dumps(envelope))
    shown: list[str] = []
    used = 2  # the brackets
    cut_at: int | None = None
    for index, record in selected:
        text = dumps(shape_record(record, fields))
        if used + len(text) + 1 > budget:
            cut_at = index
            break
        shown.append(text)
        used += len(text) + 1
    if cut_at is None:
        cursor = result.meta.next_cursor if result.meta.has_more else None
    else:
        cursor = result.cursor_at(cut_at)
        envelope["shown"] = len(shown)
        envelope["truncated"] = True
    tail: dict[str, Any] = {"has_more": cut_at is not None or result.meta.has_more}
    if cursor:
        tail["next_cursor"] = cursor
    if result.meta.end_time is not None:
        tail["end_time"] = result.meta.end_time
    note = _note(operation, cut_at is None, len(shown), len(selected), result, bool(fields))
    if note:
        tail["note"] = note
    head = dumps(envelope)[:-1]
    text = f'{head},"records":[{",".join(shown)}],{dumps(tail)[1:]}'
    return _cut(text, max_chars, operation)


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


def _cut(text: str, max_chars: int, operation: Operation) -> str:
    if len(text) <= max_chars:
        return text
    marker = (
        f"...[TRUNCATED: {len(text)} chars exceed the {max_chars}-char budget; "
        f"pass fields=[...] to select fewer fields of {operation.entity}]"
    )
    return text[: max(0, max_chars - len(marker))] + marker

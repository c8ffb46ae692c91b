"""The context store query model as SQL: a WHERE clause and an ORDER BY over one table.

No text from a query ever becomes SQL: a field name is looked up among the table's columns
(our record models' names) and only the column's own identifier is written; every value,
JSON path and text pattern is a bound parameter.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import InvalidParams
from ..params import SortKeys, to_epoch_seconds
from ._schema import Column, Kind, Table, iso_time

MAX_VALUES = 10_000
"""Bound values per query: far below SQLite's limit, far above any real question."""
_INT64 = 2**63
_PATH_PART = re.compile(r"^\w+$")
_WORDS = re.compile(r"\w+")
_COMPARE = {"eq": "=", "neq": "IS NOT", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
_TEXT = {"like": "{} LIKE ?", "keyword": "zt_keyword({}, ?)", "fuzzy": "zt_fuzzy({}, ?)"}


def bad_query(message: str, hint: str) -> InvalidParams:
    return InvalidParams(message, hint=hint)


@dataclass
class Expression:
    """SQL text built from our identifiers, and the values bound to its ``?`` marks."""

    sql: str
    values: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class FieldRef:
    """A field of the table, or a path inside one of its JSON fields (``capabilities.sms``)."""

    column: Column
    path: tuple[str, ...]

    @property
    def kind(self) -> Kind:
        return Kind.ANY if self.path else self.column.kind

    def expression(self, table: Table) -> Expression:
        sql = f'"{table.name}".{self.column.sql}'
        if not self.path:
            return Expression(sql)
        return Expression(f"json_extract({sql}, ?)", ["$." + ".".join(self.path)])


def field_ref(table: Table, name: str) -> FieldRef:
    """The column (and JSON path) a field name refers to; an actionable error otherwise."""
    head, *path = name.split(".")
    column = table.by_name.get(head)
    if column is None:
        raise bad_query(
            f"Unknown field {head!r} for {table.entity}.",
            hint=f"Fields of {table.entity}: {', '.join(table.by_name)}.",
        )
    if path and (column.kind is not Kind.JSON or not all(map(_PATH_PART.match, path))):
        raise bad_query(
            f"Field path {name!r}: only list/object fields have parts, named by letters, "
            "digits and underscores.",
            hint=f"Use {head!r} alone, or a path such as 'capabilities.sms'.",
        )
    return FieldRef(column, tuple(path))


def bindable(value: Any, name: str) -> Any:
    """A value SQLite can bind as sent (bool as 0/1); an error for anything else."""
    if isinstance(value, str) and _unencodable(value):
        raise bad_query(f"Value for {name!r} is not valid text.", hint="Send plain text.")
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        if not -_INT64 <= value < _INT64:
            raise bad_query(f"Value for {name!r} is out of range.", hint="Use a smaller number.")
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise bad_query(
        f"Value for {name!r} must be a string, number, boolean or null, not "
        f"{type(value).__name__}.",
        hint="Compare one field with one plain value; use 'in' for a list of values.",
    )


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def coerce(ref: FieldRef, value: Any, name: str) -> Any:
    """The bound value for comparing ``ref`` with ``value`` (times as the API writes them)."""
    if ref.kind is Kind.TIME and value is not None:
        try:
            epoch = to_epoch_seconds(value)
        except ValueError as error:
            raise bad_query(f"Value for {name!r}: {error}.", hint="Give a time.") from None
        value = iso_time(bindable(epoch, name)) if isinstance(epoch, int) else epoch
    if ref.kind is Kind.BOOL and isinstance(value, str) and value.lower() in ("true", "false"):
        value = value.lower() == "true"
    return bindable(value, name)


class QueryBuilder:
    """Builds one query's WHERE clause, counting the values it binds.

    With ``word_index``, a ``keyword`` filter on a text field first narrows the rows through
    the table's FTS5 index, then the ``keyword`` function decides on those: the same
    answers as without the index, without reading every row. ``uses_words`` then says the
    index must be fresh (:meth:`LocalStore.fresh_words`) before the query runs.
    """

    def __init__(self, table: Table, *, word_index: bool = False) -> None:
        self.table = table
        self._word_index = word_index and bool(table.text_columns)
        self.uses_words = False
        self._bound = 0

    def where(self, condition: dict[str, Any] | None) -> Expression:
        if not condition:
            return Expression("1")
        return self._condition(condition)

    def _bind(self, expression: Expression) -> Expression:
        self._bound += len(expression.values)
        if self._bound > MAX_VALUES:
            raise bad_query(
                f"The filter binds more than {MAX_VALUES} values.",
                hint="Ask a smaller question (fewer conditions or 'in' values).",
            )
        return expression

    def _condition(self, condition: dict[str, Any]) -> Expression:
        ((operator, operand),) = condition.items()
        if operator in ("and", "or"):
            parts = [self._condition(item) for item in operand]
            joiner = f" {operator.upper()} "
            return Expression(
                "(" + joiner.join(p.sql for p in parts) + ")",
                [value for p in parts for value in p.values],
            )
        if operator == "not":
            inner = self._condition(operand)
            return Expression(f"NOT coalesce({inner.sql}, 0)", inner.values)
        parts = [self._comparison(operator, name, value) for name, value in operand.items()]
        return Expression(
            "(" + " AND ".join(p.sql for p in parts) + ")",
            [value for p in parts for value in p.values],
        )

    def _comparison(self, operator: str, name: str, value: Any) -> Expression:
        ref = field_ref(self.table, name)
        target = ref.expression(self.table)
        if operator == "keyword" and self._word_index and ref.kind is Kind.TEXT:
            return self._bind(self._indexed_keyword(ref, target, bindable(value, name)))
        if operator in _TEXT:
            return self._bind(
                Expression(
                    _TEXT[operator].format(target.sql), [*target.values, bindable(value, name)]
                )
            )
        if operator == "in":
            values = [coerce(ref, item, name) for item in value]
            if ref.kind is Kind.JSON:
                return self._bind(_contains(target, values))
            marks = ", ".join("?" * len(values))
            return self._bind(Expression(f"{target.sql} IN ({marks})", [*target.values, *values]))
        bound = coerce(ref, value, name)
        if ref.kind is Kind.JSON:
            if operator not in ("eq", "neq"):
                raise bad_query(
                    f"{operator} cannot compare the list/object field {name!r}.",
                    hint=f"Use eq/neq/in (membership) on it, or a path such as '{name}.<key>'.",
                )
            contains = _contains(target, [bound])
            return self._bind(contains if operator == "eq" else _negated(contains))
        if bound is None and operator in ("eq", "neq"):
            return self._bind(
                Expression(
                    f"{target.sql} IS {'' if operator == 'eq' else 'NOT '}NULL", target.values
                )
            )
        sql = f"{target.sql} {_COMPARE[operator]} ?"
        return self._bind(Expression(sql, [*target.values, bound]))

    def _indexed_keyword(self, ref: FieldRef, target: Expression, query: Any) -> Expression:
        words = _WORDS.findall(query) if isinstance(query, str) else []
        if not words:
            return Expression("0")  # as the keyword function: no word, no match
        self.uses_words = True
        phrases = " AND ".join(f'"{word}"' for word in words)  # \w+ words hold no quote
        index = self.table.words_name
        return Expression(
            f'("{self.table.name}".rowid IN (SELECT rowid FROM "{index}" WHERE "{index}" '
            f"MATCH ?) AND zt_keyword({target.sql}, ?))",
            [f"{ref.column.sql} : ({phrases})", query],
        )

    def order_by(self, sort: SortKeys | None) -> str:
        """ORDER BY over the given fields, then the key: pages never overlap or skip."""
        keys = []
        for item in sort or ():
            ((name, direction),) = item.items()
            ref = field_ref(self.table, name)
            if ref.path:
                raise bad_query(
                    f"Sort by {name!r}: sort by a top-level field.", hint="Sort by e.g. 'id'."
                )
            keys.append(
                f"{ref.expression(self.table).sql} {'DESC' if direction == 'desc' else 'ASC'}"
            )
        keys.append(f'"{self.table.name}"."{self.table.key}" ASC')
        return ", ".join(keys)


def _contains(target: Expression, values: list[Any]) -> Expression:
    """Whether a JSON list (or object) holds any of ``values``."""
    if not values:
        return Expression("0")
    marks = ", ".join("?" * len(values))
    return Expression(
        f"EXISTS (SELECT 1 FROM json_each({target.sql}) WHERE json_each.value IN ({marks}))",
        [*target.values, *values],
    )


def _negated(expression: Expression) -> Expression:
    return Expression(f"NOT {expression.sql}", expression.values)

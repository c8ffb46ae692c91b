"""Params models: one per catalog action, strict (``extra="forbid"``).

These models are the single source of the argument schemas every face shows (tool schemas
for LLMs, CLI help, reference docs). They are kept portable across LLM providers: flat
objects, simple types, no ``format`` keywords, and every bound repeated in the description
because Gemini drops numeric bounds.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
)

__all__ = [
    "COMPARISONS",
    "MAX_EXPORT_LIMIT",
    "MAX_FILTER_DEPTH",
    "MAX_GROUP_KEYS",
    "MAX_LIST_LIMIT",
    "METRIC_FUNCTIONS",
    "TEXT_MATCHES",
    "TIME_BUCKETS",
    "AddressGetParams",
    "AgentsActivityListParams",
    "AvailabilityGetParams",
    "AvailabilityUpdateParams",
    "ContextStoreAggregateParams",
    "ContextStoreQuery",
    "ContextStoreSearchParams",
    "DigitalLineGetParams",
    "EpochSeconds",
    "ExportParams",
    "GreetingCategoryGetParams",
    "GreetingGetParams",
    "Id",
    "IdList",
    "IvrGetParams",
    "IvrMenuGetParams",
    "IvrMenuListParams",
    "IvrRouteGetParams",
    "IvrRouteListParams",
    "LineListParams",
    "ListParams",
    "NoParams",
    "Params",
    "PhoneNumberFilterParams",
    "PhoneNumberGetParams",
    "PhoneNumberSearchParams",
    "to_epoch_seconds",
]

MAX_LIST_LIMIT = 10_000
MAX_EXPORT_LIMIT = 100_000


@dataclass(frozen=True)
class Accepts:
    """``Annotated`` metadata: the Python types a field's before-validator accepts, where they
    are wider than the stored type. The typed namespaces show these in their signatures
    (pydantic ignores metadata it does not know)."""

    types: tuple[Any, ...]


def to_epoch_seconds(value: Any) -> Any:
    """Accept epoch seconds (int or digits), ISO 8601 date/datetime strings, or datetimes."""
    if isinstance(value, bool):
        return value  # let pydantic reject it with its own message
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value!r} is not a time: use epoch seconds (1732838400)")
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return int(moment.timestamp())
    if isinstance(value, date):
        return int(datetime(value.year, value.month, value.day, tzinfo=timezone.utc).timestamp())
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("-").isdigit():
            return int(text)
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"{value!r} is not a time: use epoch seconds (1732838400) or ISO 8601 "
                "('2024-11-29' or '2024-11-29T00:00:00Z')"
            ) from None
        return to_epoch_seconds(parsed)
    return value


EpochSeconds = Annotated[
    int,
    BeforeValidator(to_epoch_seconds),
    Field(ge=0, le=253_402_300_799),  # 1970 to 9999: times a clock (and the API) can hold
    Accepts((int, str, date)),
    WithJsonSchema(
        {
            "type": "string",
            "description": "Epoch seconds or ISO 8601 date/time (UTC if no offset), "
            "e.g. '2024-11-29' or '1732838400'.",
        }
    ),
]


def _digits_to_int(value: Any) -> Any:
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


Id = Annotated[int, Field(ge=1), BeforeValidator(_digits_to_int)]


class Params(BaseModel):
    """Base of every params model: unknown params are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    def record_fields_used(self) -> set[str]:
        """Record fields these params name (filters, sorts, selections): checked against the
        entity's record model before anything is sent."""
        return set()


class NoParams(Params):
    """This action takes no params."""


class ListParams(Params):
    """Paging params shared by every paged list."""

    limit: int = Field(
        100,
        ge=1,
        le=MAX_LIST_LIMIT,
        description=f"Max records to return, 1-{MAX_LIST_LIMIT} (default 100).",
    )
    cursor: str | None = Field(
        None,
        description="Opaque cursor from a previous result's meta.next_cursor, to continue.",
    )


class ExportParams(Params):
    """Incremental export params (calls, call legs)."""

    start_time: EpochSeconds = Field(
        description="Required. Records created or updated at or after this time: epoch seconds "
        "or ISO 8601 (e.g. '2024-11-29', UTC if no offset).",
    )
    limit: int = Field(
        1000,
        ge=1,
        le=MAX_EXPORT_LIMIT,
        description=f"Max records to return, 1-{MAX_EXPORT_LIMIT} (default 1000).",
    )
    cursor: str | None = Field(
        None,
        description="Opaque cursor from a previous result's meta.next_cursor, to continue "
        "(takes precedence over start_time).",
    )


class PhoneNumberGetParams(Params):
    phone_number_id: Id = Field(description="Phone number id (integer >= 1).")


class PhoneNumberSearchParams(Params):
    country: str = Field(
        min_length=2, max_length=2, description="Required. ISO 3166 country code, e.g. 'US'."
    )
    area_code: int | None = Field(None, description="Area code (US and CA only), e.g. 415.")
    contains: str | None = Field(None, description="Digits or letters the number must contain.")
    toll_free: bool | None = Field(None, description="true for toll-free numbers only.")


class LineListParams(ListParams):
    minimal_mode: bool | None = Field(
        None, description="true returns only id, nickname, line_type and a few other fields."
    )


class DigitalLineGetParams(Params):
    digital_line_id: Id = Field(description="Digital line id (integer >= 1).")


class AddressGetParams(Params):
    address_id: Id = Field(description="Address id (integer >= 1).")


class GreetingGetParams(Params):
    greeting_id: Annotated[
        str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v), Accepts((str, int))
    ] = Field(
        min_length=1,
        description="Greeting id: an integer, or a system default name such as 'voicemail_en'.",
    )


class GreetingCategoryGetParams(Params):
    greeting_category_id: Id = Field(description="Greeting category id (integer >= 1).")


class IvrGetParams(Params):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")


class IvrMenuListParams(ListParams):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")


class IvrMenuGetParams(Params):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")
    menu_id: Id = Field(description="Menu id (integer >= 1).")


class IvrRouteListParams(ListParams):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")
    menu_id: Id = Field(description="Menu id (integer >= 1).")


class IvrRouteGetParams(Params):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")
    menu_id: Id = Field(description="Menu id (integer >= 1).")
    route_id: Id = Field(description="Route id (integer >= 1).")


class AvailabilityGetParams(Params):
    agent_id: Id = Field(description="Agent (user) id (integer >= 1).")


class AvailabilityUpdateParams(Params):
    agent_id: Id = Field(description="Agent (user) id (integer >= 1).")
    agent_state: str | None = Field(
        None, description="One of: online, offline, away, transfers_only."
    )
    via: str | None = Field(None, description="One of: client, phone.")


def _ids_list(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    return value


IdList = Annotated[list[Id], BeforeValidator(_ids_list)]


class AgentsActivityListParams(ListParams):
    group_ids: IdList | None = Field(
        None, max_length=100, description="Only agents in these group ids (up to 100)."
    )


class PhoneNumberFilterParams(Params):
    phone_number_ids: IdList | None = Field(
        None, max_length=100, description="Only these phone number ids (up to 100)."
    )


# -- context store search -----------------------------------------------------------------

COMPARISONS = ("eq", "neq", "gt", "gte", "lt", "lte", "like", "fuzzy", "keyword")
TEXT_MATCHES = ("like", "fuzzy", "keyword")


MAX_FILTER_DEPTH = 32
"""Deeper condition trees are refused: no real question nests and/or/not this deep."""


def _condition_fields(condition: Any, where: str, depth: int = 0) -> Iterator[str]:
    """Check one filter condition's shape; yield the field names it uses."""
    if depth > MAX_FILTER_DEPTH:
        raise ValueError(f"{where}: conditions nest deeper than {MAX_FILTER_DEPTH} levels")
    if not isinstance(condition, dict) or len(condition) != 1:
        raise ValueError(
            f"{where} must be an object with exactly one operator, e.g. "
            "{'eq': {'sms_enabled': True}}"
        )
    ((operator, operand),) = condition.items()
    if operator in ("and", "or"):
        if not isinstance(operand, list) or not operand:
            raise ValueError(f"{where}.{operator} must be a non-empty list of conditions")
        for index, item in enumerate(operand):
            yield from _condition_fields(item, f"{where}.{operator}[{index}]", depth + 1)
    elif operator == "not":
        yield from _condition_fields(operand, f"{where}.not", depth + 1)
    elif operator in (*COMPARISONS, "in"):
        if not isinstance(operand, dict) or not operand:
            raise ValueError(f"{where}.{operator} must map field names to values")
        for field, value in operand.items():
            if operator == "in" and not isinstance(value, list):
                raise ValueError(f"{where}.in.{field} must be a list of values")
            if operator in TEXT_MATCHES and not isinstance(value, str):
                raise ValueError(f"{where}.{operator}.{field} must be a string")
            yield field
    else:
        ops = ", ".join((*COMPARISONS, "in", "and", "or", "not"))
        raise ValueError(f"{where}: unknown operator {operator!r} (operators: {ops})")


SortKeys = list[dict[str, Literal["asc", "desc"]]]


def _checked_filter(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is not None:
        list(_condition_fields(value, "filter"))
    return value


def _checked_sort(value: SortKeys | None) -> SortKeys | None:
    for index, key in enumerate(value or ()):
        if len(key) != 1:
            raise ValueError(f"sort[{index}] must name exactly one field")
    return value


CheckedFilter = Annotated[dict[str, Any] | None, AfterValidator(_checked_filter)]
CheckedSort = Annotated[SortKeys | None, AfterValidator(_checked_sort)]


class ContextStoreQuery(BaseModel):
    """A context store query: a ``filter`` condition tree and a ``sort`` order.

    Conditions: ``{"eq": {"field": value}}`` (also ``neq``, ``gt``, ``gte``, ``lt``, ``lte``),
    ``{"in": {"field": [values]}}``, text matches ``like`` (``%`` wildcards), ``fuzzy`` and
    ``keyword``, and ``{"and": [...]}``, ``{"or": [...]}``, ``{"not": {...}}``. Several fields
    in one comparison must all match. Sort: ``[{"field": "asc" | "desc"}, ...]``.
    """

    model_config = ConfigDict(extra="forbid")

    filter: CheckedFilter = Field(None, description="Condition tree (see the class).")
    sort: CheckedSort = Field(
        None, description="Sort keys in order, e.g. [{'created_at': 'desc'}]."
    )

    def field_names(self) -> set[str]:
        """Top-level record fields the filter and sort use."""
        names = set(_condition_fields(self.filter, "filter")) if self.filter else set()
        names.update(name for key in self.sort or () for name in key)
        return {name.split(".")[0] for name in names}


def _field_paths(value: Any) -> Any:
    if isinstance(value, list):
        return [item.split(".") if isinstance(item, str) else item for item in value]
    return value


class ContextStoreSearchParams(Params):
    """Params of ``context_store_search`` (hosted mode, or a connector with a local store)."""

    query: ContextStoreQuery = Field(
        default_factory=ContextStoreQuery, description="filter and sort (ContextStoreQuery)."
    )
    limit: int = Field(1000, ge=1, le=10_000, description="Max records, 1-10000 (default 1000).")
    cursor: str | None = Field(None, description="meta.next_cursor of a previous search.")
    fields: Annotated[list[list[str]] | None, BeforeValidator(_field_paths)] = Field(
        None,
        description="Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].",
    )

    def record_fields_used(self) -> set[str]:
        return self.query.field_names() | {path[0] for path in self.fields or ()}


# -- local store aggregates ---------------------------------------------------------------

TIME_BUCKETS = ("hour", "day", "week", "month")
METRIC_FUNCTIONS = ("avg", "sum", "min", "max")
MAX_GROUP_KEYS = 3


def split_group_key(key: str) -> tuple[str | None, str]:
    """``"day:created_at"`` -> ``("day", "created_at")``; ``"agent_id"`` -> ``(None, ...)``."""
    bucket, _, field = key.rpartition(":")
    return (bucket or None), field


def split_metric(metric: str) -> tuple[str, str | None]:
    """``"avg:duration"`` -> ``("avg", "duration")``; ``"count"`` -> ``("count", None)``."""
    function, _, field = metric.partition(":")
    return function, (field or None)


def metric_label(metric: str) -> str:
    """The output column of a metric: ``count``, ``avg_duration``."""
    function, field = split_metric(metric)
    return function if field is None else f"{function}_{field}"


def group_label(key: str) -> str:
    """The output column of a group key: ``agent_id``, ``created_at_day``."""
    bucket, field = split_group_key(key)
    return field if bucket is None else f"{field}_{bucket}"


class ContextStoreAggregateParams(Params):
    """Params of ``context_store_aggregate`` (local store only): one result row per group."""

    filter: CheckedFilter = Field(
        None,
        description="Condition tree as in context_store_search, e.g. "
        "{'eq': {'completion_status': 'agent_missed'}}.",
    )
    group_by: list[str] = Field(
        default_factory=list,
        max_length=MAX_GROUP_KEYS,
        description="Up to 3 fields to group by, or time buckets 'hour:created_at', "
        "'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.",
    )
    metrics: list[str] = Field(
        default_factory=lambda: ["count"],
        min_length=1,
        max_length=10,
        description="'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' "
        "(up to 10; default ['count']), e.g. ['count', 'avg:duration'].",
    )
    sort: CheckedSort = Field(
        None,
        description="Order of the groups by output columns, e.g. [{'count': 'desc'}] or "
        "[{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.",
    )
    limit: int = Field(100, ge=1, le=10_000, description="Max groups, 1-10000 (default 100).")
    timezone: str | None = Field(
        None, description="IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC)."
    )

    @field_validator("group_by")
    @classmethod
    def _check_group_by(cls, value: list[str]) -> list[str]:
        for key in value:
            bucket, field = split_group_key(key)
            if not field or (bucket is not None and bucket not in TIME_BUCKETS):
                raise ValueError(
                    f"group_by {key!r}: use a field name or <bucket>:<field> with bucket one "
                    f"of {', '.join(TIME_BUCKETS)}"
                )
        if len(set(map(group_label, value))) != len(value):
            raise ValueError("group_by names the same group twice")
        return value

    @field_validator("metrics")
    @classmethod
    def _check_metrics(cls, value: list[str]) -> list[str]:
        for metric in value:
            function, field = split_metric(metric)
            if not (metric == "count" or (function in METRIC_FUNCTIONS and field)):
                raise ValueError(
                    f"metric {metric!r}: use 'count' or <function>:<field> with function one "
                    f"of {', '.join(METRIC_FUNCTIONS)}"
                )
        if len(set(value)) != len(value):
            raise ValueError("metrics names the same metric twice")
        return value

    def output_columns(self) -> list[str]:
        """The columns of each result row, in order: group keys, then metrics."""
        return [*map(group_label, self.group_by), *map(metric_label, self.metrics)]

    def record_fields_used(self) -> set[str]:
        names = set(_condition_fields(self.filter, "filter")) if self.filter else set()
        names.update(split_group_key(key)[1] for key in self.group_by)
        names.update(field for m in self.metrics if (field := split_metric(m)[1]) is not None)
        return {name.split(".")[0] for name in names}

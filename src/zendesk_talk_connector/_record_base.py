"""The base of every record model and the lenient reading of raw records into it, kept apart
so the engine can import it cheaply.

The entity models themselves (:mod:`.records`) are imported on first use through the catalog.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

RawRecord = dict[str, Any]
_INVALID_VALUES = "invalid_values"

ACCOUNT_CURRENCY = "account currency"
"""The unit of charges: the API sends amounts without a currency; they are in the currency the
Zendesk account is billed in."""


@dataclass(frozen=True)
class Unit:
    """Field metadata: the unit of a number (``Annotated[int | None, Unit("seconds")]``).

    Tool descriptions and outputs name it, so a model never has to guess what 230 means."""

    name: str
    money: bool = False
    """A charge sent as a decimal string; the model-facing output shows it as a number."""


@dataclass(frozen=True)
class Choices:
    """Field metadata: the values a text field is documented to take (``direction``)."""

    values: tuple[str, ...]


class Record(BaseModel):
    """Base of every record: lenient, keeps unknown fields."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    @property
    def invalid_values(self) -> dict[str, Any]:
        """Raw values the API sent that did not match the documented type (field -> value)."""
        return dict((self.__pydantic_private__ or {}).get(_INVALID_VALUES, {}))


@cache
def field_units(model: type[Record]) -> dict[str, Unit]:
    """The declared fields of ``model`` that carry a :class:`Unit`, in field order."""
    return {
        name: unit
        for name, info in model.model_fields.items()
        for unit in info.metadata
        if isinstance(unit, Unit)
    }


@cache
def field_choices(model: type[Record]) -> dict[str, tuple[str, ...]]:
    """The declared text fields of ``model`` with documented values (:class:`Choices`)."""
    return {
        name: choices.values
        for name, info in model.model_fields.items()
        for choices in info.metadata
        if isinstance(choices, Choices)
    }


R = TypeVar("R", bound=Record)


def parse_records(record: type[R], raw: list[Any]) -> list[R]:
    """Typed records from raw dicts, strictly if possible, else record by record leniently."""
    try:
        return _list_adapter(record).validate_python(raw)  # type: ignore[no-any-return]
    except ValidationError:
        return [parse_record(record, item) for item in raw if isinstance(item, dict)]


def parse_record(record: type[R], data: RawRecord) -> R:
    """One record; values of an unexpected type become ``None`` and go to invalid_values."""
    try:
        return record.model_validate(data)
    except ValidationError as exc:
        bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
    cleaned: RawRecord = {}
    invalid: RawRecord = {}
    for key, value in data.items():
        if key not in bad:
            cleaned[key] = value
            continue
        nested = _nested_record(record, key)
        if nested is not None and isinstance(value, list):
            # A bad value deep inside a nested record stays in that record's invalid_values;
            # its siblings are kept.
            cleaned[key] = [parse_record(nested, item) for item in value if isinstance(item, dict)]
        else:
            cleaned[key] = None
            invalid[key] = value
    parsed = record.model_validate(cleaned)
    if invalid:
        # In the instance's private-values slot, not a declared ``PrivateAttr``: a declared one
        # makes pydantic run a Python hook for every record built (most of what a list call
        # adds to the HTTP request), while odd values are rare. pydantic copies, compares and
        # pickles the slot with the record.
        object.__setattr__(parsed, "__pydantic_private__", {_INVALID_VALUES: invalid})
    return parsed


@cache
def _list_adapter(record: type[Record]) -> TypeAdapter[Any]:
    return TypeAdapter(list[record])  # type: ignore[valid-type]


def _nested_record(record: type[Record], field: str) -> type[Record] | None:
    """``X`` when the field is declared ``list[X] | None`` with ``X`` a record model."""
    info = record.model_fields.get(field)
    if info is None:
        return None
    for option in typing.get_args(info.annotation) or (info.annotation,):
        if typing.get_origin(option) is list:
            (item,) = typing.get_args(option)
            if isinstance(item, type) and issubclass(item, Record):
                return item
    return None

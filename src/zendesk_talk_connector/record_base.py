"""The base of every record model, kept apart so the engine can import it cheaply.

The entity models themselves (:mod:`.records`) are imported on first use through the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict

_INVALID_VALUES = "invalid_values"
_FIELDS_SET = "__pydantic_fields_set__"


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
        private = self.__pydantic_private__ or {}
        return dict(private.get(_INVALID_VALUES, {}))

    @property
    def model_fields_set(self) -> set[str]:
        """The names of the fields the API sent (pydantic's meaning)."""
        return _own_fields_set(self)

    def __setattr__(self, name: str, value: Any) -> None:
        _own_fields_set(self)  # pydantic adds the name to it
        super().__setattr__(name, value)

    def __getstate__(self) -> dict[Any, Any]:
        state = super().__getstate__()
        # Records pickled together would otherwise share one set again once unpickled.
        state[_FIELDS_SET] = set(state[_FIELDS_SET])
        return state


def set_invalid_values(record: Record, values: dict[str, Any]) -> None:
    """Attach the raw values of fields that failed validation to a record.

    They live in the instance's private-values slot rather than in a declared ``PrivateAttr``:
    a declared one makes pydantic run a Python hook for every record built, which is most of
    the cost of a large export, while odd values are rare.
    """
    if values:
        object.__setattr__(record, "__pydantic_private__", {_INVALID_VALUES: dict(values)})


def share_fields_sets(model: type[Record], records: list[Record]) -> None:
    """Let the records of a page that were sent every field, and nothing else, share one set.

    pydantic gives each instance its own set of the field names it was given. For a 45-field
    call that is a 128-slot table which the cyclic garbage collector walks once per page: about
    7% of a 100,000-call export. Those sets are all equal when every field was sent, so one
    does. A record takes its own copy before anything changes it (:meth:`Record.__setattr__`,
    :attr:`Record.model_fields_set`) and when it is pickled; pydantic's copies copy it anyway.
    The records must be instances of ``model`` itself, as validation makes them: the copy is
    taken by recognising the set shared by the record's own model.
    """
    every_field = _every_field(model)
    count = len(every_field)
    for record in records:
        if not record.__pydantic_extra__ and len(record.__pydantic_fields_set__) == count:
            object.__setattr__(record, _FIELDS_SET, every_field)


@cache
def _every_field(model: type[Record]) -> set[str]:
    return set(model.model_fields)


def _own_fields_set(record: Record) -> set[str]:
    fields_set = record.__pydantic_fields_set__
    if fields_set is _every_field(type(record)):
        fields_set = set(fields_set)
        object.__setattr__(record, _FIELDS_SET, fields_set)
    return fields_set


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

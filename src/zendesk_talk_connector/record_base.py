"""The base of every record model, kept apart so the engine can import it cheaply.

The entity models themselves (:mod:`.records`) are imported on first use through the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

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

    _invalid_values: dict[str, Any] | None = PrivateAttr(default=None)

    @property
    def invalid_values(self) -> dict[str, Any]:
        """Raw values the API sent that did not match the documented type (field -> value)."""
        return dict(self._invalid_values or {})


def set_invalid_values(record: Record, values: dict[str, Any]) -> None:
    """Attach the raw values of fields that failed validation to a record."""
    if values:
        record._invalid_values = dict(values)


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

"""The base of every record model, kept apart so the engine can import it cheaply.

The entity models themselves (:mod:`.records`) are imported on first use through the catalog.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

_INVALID_VALUES = "invalid_values"


class Record(BaseModel):
    """Base of every record: lenient, keeps unknown fields."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    @property
    def invalid_values(self) -> dict[str, Any]:
        """Raw values the API sent that did not match the documented type (field -> value)."""
        private = self.__pydantic_private__ or {}
        return dict(private.get(_INVALID_VALUES, {}))


def set_invalid_values(record: Record, values: dict[str, Any]) -> None:
    """Attach the raw values of fields that failed validation to a record.

    They live in the instance's private-values slot rather than in a declared ``PrivateAttr``:
    a declared one makes pydantic run a Python hook for every record built, which is most of
    the cost of a large export, while odd values are rare.
    """
    if values:
        object.__setattr__(record, "__pydantic_private__", {_INVALID_VALUES: dict(values)})

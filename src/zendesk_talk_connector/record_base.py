"""The base of every record model, kept apart so the engine can import it cheaply.

The entity models themselves (:mod:`.records`) are imported on first use through the catalog.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr


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

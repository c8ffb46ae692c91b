"""Shared by the test trees (``from ..conftest import table_records``)."""

from __future__ import annotations

import json
from typing import Any

Payload = str | dict[str, Any]


def table_records(payload: Payload) -> list[dict[str, Any]]:
    """The rows of a list tool output (``columns`` + ``rows``) as records, the way the old
    ``records`` list had them: null cells left out, dotted columns (``capabilities.sms``)
    nested back into objects. Every row must have one cell per column."""
    body = json.loads(payload) if isinstance(payload, str) else payload
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

"""Without a store: filtering or summarising list tool calls read the whole list, and a count
or summary over part of the data says so."""

from __future__ import annotations

import json
from typing import Any

from zendesk_talk_connector.output import table_records
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.tools import Toolset

from .conftest import local


def call(toolset: Toolset, name: str, **args: Any) -> dict[str, Any]:
    (tool,) = [t for t in toolset.tools if t.name == name]
    return json.loads(toolset.call(tool, args).content)  # type: ignore[no-any-return]


def test_where_counts_every_page(sandbox: Sandbox) -> None:
    with local(sandbox, None) as connector:
        out = call(
            Toolset(connector), "zendesk_talk_phone_numbers_list", where=["sms_enabled=true"]
        )
    expected = sum(1 for n in sandbox.data.phone_numbers if n["sms_enabled"])
    assert len(sandbox.data.phone_numbers) > 100  # more than one page
    assert out["matched"] == expected
    assert out["returned"] == len(sandbox.data.phone_numbers)
    assert "partial" not in out


def test_numeric_summary_covers_every_agent(sandbox: Sandbox) -> None:
    with local(sandbox, None) as connector:
        toolset = Toolset(connector)
        out = call(toolset, "zendesk_talk_agents_activity_list", fields=["calls_missed"])
        names = call(toolset, "zendesk_talk_agents_activity_list", fields=["name"])
    assert out["summary"]["calls_missed"]["count"] == out["returned"] > 100
    assert names["returned"] == 100  # no summary asked: the default limit stands


def test_a_summary_over_part_of_the_data_says_so(sandbox: Sandbox) -> None:
    with local(sandbox, None) as connector:
        toolset = Toolset(connector)
        export = call(
            toolset,
            "zendesk_talk_calls_list",
            start_time="2024-11-20",
            limit=1000,
            fields=["duration"],
        )
        capped = call(
            toolset, "zendesk_talk_phone_numbers_list", limit=50, where=["sms_enabled=true"]
        )
    assert export["partial"].startswith("PARTIAL: matched and summary cover only the 1,000")
    assert "context_store_aggregate" in export["partial"]
    assert capped["partial"].startswith(
        f"PARTIAL: matched and summary cover only the 50 records read of "
        f"{len(sandbox.data.phone_numbers)}"
    )
    assert len(table_records(capped)) == capped["matched"]

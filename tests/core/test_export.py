"""The resumable JSONL export as a library feature (the CLI's `export` is a shim over it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zendesk_talk_connector import InvalidParams
from zendesk_talk_connector._paging import epoch_of
from zendesk_talk_connector.export import ExportError

SINCE = "2024-11-25T00:00:00Z"


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def updated_since(records: list[dict[str, Any]], since: str) -> list[dict[str, Any]]:
    start = epoch_of(since)
    assert start is not None
    return [r for r in records if (epoch_of(r["updated_at"]) or 0) >= start]


def test_export_writes_every_record_once_and_polls_on_a_second_run(connector, sandbox, tmp_path):
    out = tmp_path / "calls.jsonl"
    pages: list[int] = []
    state = connector.export("calls", out, since=SINCE, on_page=lambda s: pages.append(s.records))
    expected = updated_since(sandbox.data.calls, SINCE)
    assert lines(out) == expected
    assert state.records == len(expected) == pages[-1]
    assert len(pages) == state.pages == len(expected) // 1000 + 1
    saved = json.loads(Path(f"{out}.checkpoint").read_text())
    assert saved["cursor"] == state.cursor and saved["offset"] == out.stat().st_size

    again = connector.export("calls", out, since=SINCE)
    assert again.new_records == 0
    assert lines(out) == expected


async def test_async_export_matches_the_sync_one(aconnector, sandbox, tmp_path):
    out = tmp_path / "legs.jsonl"
    state = await aconnector.export("call_legs", out, since=SINCE, until="2024-11-27")
    expected = [
        leg
        for leg in updated_since(sandbox.data.legs, SINCE)
        if (epoch_of(leg["updated_at"]) or 0) < (epoch_of("2024-11-27T00:00:00Z") or 0)
    ]
    assert lines(out) == expected
    assert state.complete
    requests = len(sandbox.requests)
    again = await aconnector.export("call_legs", out, since=SINCE, until="2024-11-27")
    assert again.new_records == 0
    assert len(sandbox.requests) == requests  # a complete bounded export asks nothing


def test_a_version_1_checkpoint_resumes_exactly(connector, sandbox, tmp_path):
    """0.1's checkpoint (resume second and the ids written in it) resumes as the pager's
    cursor: nothing lost, nothing doubled."""
    expected = updated_since(sandbox.data.calls, SINCE)
    written = expected[:1500]
    second = epoch_of(written[-1]["updated_at"])
    out = tmp_path / "calls.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in written))
    Path(f"{out}.checkpoint").write_text(
        json.dumps(
            {
                "version": 1,
                "entity": "calls",
                "since": epoch_of(SINCE),
                "until": None,
                "start_time": second,
                "seen_ids": [r["id"] for r in written if epoch_of(r["updated_at"]) == second],
                "offset": out.stat().st_size,
                "records": len(written),
                "pages": 2,
            }
        )
    )
    state = connector.export("calls", out, since=SINCE)
    assert lines(out) == expected
    assert state.new_records == len(expected) - len(written)


def test_export_refuses_another_exports_file_and_non_exports(connector, tmp_path):
    out = tmp_path / "calls.jsonl"
    out.write_text("mine\n")
    with pytest.raises(ExportError, match="has no checkpoint"):
        connector.export("calls", out, since=SINCE)
    assert out.read_text() == "mine\n"
    connector.export("calls", out, since="2024-11-29", overwrite=True)
    with pytest.raises(ExportError, match="is for another export"):
        connector.export("calls", out, since="2024-11-28")
    with pytest.raises(InvalidParams, match="no incremental export"):
        connector.export("phone_numbers", tmp_path / "n.jsonl", since=SINCE)
    with pytest.raises(InvalidParams, match="since"):
        connector.export("calls", tmp_path / "c.jsonl", since="yesterday")

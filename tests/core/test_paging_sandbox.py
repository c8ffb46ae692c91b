"""Pagination and incremental exports over real HTTP: nothing lost, nothing doubled."""

from __future__ import annotations

import gc
from datetime import datetime

import httpx

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkConnector
from zendesk_talk_connector.catalog import EXPORT_PAGE_SIZE
from zendesk_talk_connector.records import Call

from ..conftest import api_token


def epoch(ts: str) -> int:
    return int(datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp())


def export_order(records):
    return [r["id"] for r in sorted(records, key=lambda r: (r["updated_at"], r["id"]))]


def test_offset_list_follows_next_page_across_pages(connector, sandbox):
    result = connector.execute("phone_numbers", "list", {"limit": 10_000})
    assert [n.id for n in result.data] == [n["id"] for n in sandbox.data.phone_numbers]
    assert result.meta.count == len(sandbox.data.phone_numbers)
    assert result.meta.has_more is False
    pages = [
        r
        for r in sandbox.requests
        if r.path.endswith("phone_numbers.json") or r.path.endswith("phone_numbers")
    ]
    assert len(pages) == -(-len(sandbox.data.phone_numbers) // 100)


async def test_limit_and_cursor_walk_the_whole_list(aconnector, sandbox):
    seen, cursor = [], None
    while True:
        params = {"limit": 37} | ({"cursor": cursor} if cursor else {})
        page = await aconnector.execute("phone_numbers", "list", params)
        seen += [n.id for n in page.data]
        if not page.meta.has_more:
            break
        cursor = page.meta.next_cursor
    assert seen == [n["id"] for n in sandbox.data.phone_numbers]


async def test_calls_export_streams_every_page_without_loss_or_duplicates(aconnector, sandbox):
    ids = [call.id async for call in aconnector.calls.iter(start_time=0)]
    assert ids == export_order(sandbox.data.calls)
    exports = [r for r in sandbox.requests if "incremental/calls" in r.path]
    assert len(exports) >= 3
    assert len(ids) > 2 * EXPORT_PAGE_SIZE


def test_legs_export_across_pages_with_boundary_seconds(connector, sandbox):
    legs = sandbox.data.legs
    ordered = sorted(legs, key=lambda r: (r["updated_at"], r["id"]))
    # The data has same-second clusters straddling page boundaries: the duplicates are real.
    boundary = ordered[EXPORT_PAGE_SIZE - 1]["updated_at"]
    assert sum(1 for leg in legs if leg["updated_at"] == boundary) > 1
    ids = [leg.id for leg in connector.iter("call_legs", "list", {"start_time": 0})]
    assert ids == export_order(legs)
    assert len(ids) == len(set(ids))
    starts = [
        int(r.query["start_time"][0]) for r in sandbox.requests if "incremental/legs" in r.path
    ]
    assert len(starts) >= 3
    assert starts[1] == epoch(boundary)  # resumed at the boundary second, inclusive


def test_export_since_a_date_matches_the_data(connector, sandbox):
    since = sandbox.data.today_start
    result = connector.execute("calls", "list", {"start_time": since, "limit": 100_000})
    expected = [c for c in sandbox.data.calls if epoch(c["updated_at"]) >= since]
    assert [c.id for c in result.data] == export_order(expected)
    assert result.meta.has_more is False
    assert result.meta.end_time == max(epoch(c["updated_at"]) for c in expected)


def test_export_resume_from_cursor_after_a_limit(connector, sandbox):
    first = connector.execute("call_legs", "list", {"start_time": 0, "limit": 1500})
    rest = connector.execute(
        "call_legs", "list", {"start_time": 0, "cursor": first.meta.next_cursor, "limit": 100_000}
    )
    ids = [leg.id for leg in first.data + rest.data]
    assert ids == export_order(sandbox.data.legs)


def _live_calls() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, Call))


def test_export_holds_one_page_at_a_time(sandbox):
    """When the next page is requested, the last one is already released (the loop variable
    keeps one record): an export's memory is one page, not two."""
    live: list[int] = []
    client = httpx.Client(event_hooks={"request": [lambda request: live.append(_live_calls())]})
    with (
        client,
        SyncZendeskTalkConnector(
            api_token(sandbox), base_url=sandbox.base_url, http_client=client
        ) as connector,
    ):
        count = sum(1 for _call in connector.calls.iter(start_time=0))
    assert count == len(sandbox.data.calls) and len(live) >= 3
    assert [n - live[0] for n in live[1:]] == [1] * (len(live) - 1)


async def test_async_export_holds_one_page_at_a_time(sandbox):
    live: list[int] = []

    async def count_live(request: httpx.Request) -> None:
        live.append(_live_calls())

    client = httpx.AsyncClient(event_hooks={"request": [count_live]})
    async with (
        client,
        ZendeskTalkConnector(
            api_token(sandbox), base_url=sandbox.base_url, http_client=client
        ) as connector,
    ):
        count = 0
        async for _call in connector.calls.iter(start_time=0):
            count += 1
    assert count == len(sandbox.data.calls) and len(live) >= 3
    assert [n - live[0] for n in live[1:]] == [1] * (len(live) - 1)

"""Hostile paging on a loopback server: no loop runs forever, no record is lost or doubled."""

from __future__ import annotations

import json
import time
from itertools import count
from typing import Any

import pytest

from zendesk_talk_connector import UnsafeNextPage
from zendesk_talk_connector._paging import encode_cursor
from zendesk_talk_connector.catalog import lookup

from ..conftest import NOW
from .hostile_server import Reply, Route, Seen, hostile

NUMBERS = "/api/v2/channels/voice/phone_numbers"
CALLS = "/api/v2/channels/voice/stats/incremental/calls"


def page(key: str = "phone_numbers", **body: Any) -> Reply:
    return Reply(body=json.dumps({key: [], "count": 0, **body}).encode())


def stamp(epoch: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def calls(ids: range, at: int | list[int]) -> list[dict[str, Any]]:
    seconds = [at] * len(ids) if isinstance(at, int) else at
    return [{"id": i, "updated_at": stamp(s)} for i, s in zip(ids, seconds, strict=True)]


# -- 1: loops without progress end -------------------------------------------------------


def test_an_empty_page_pointing_to_itself_ends():
    def route(seen: Seen) -> Reply:
        return page(next_page=server.url + NUMBERS + ".json?page=1")

    with hostile(route) as (server, c):
        result = c.execute("phone_numbers", "list", {"limit": 5})
        assert result.data == []
        assert not result.meta.has_more
        assert "no new records" in (result.meta.warning or "")
        assert len(server.requests) == 1


def test_empty_pages_counting_up_end():
    def route(seen: Seen) -> Reply:
        number = int(seen.query.get("page", "1"))
        return page(next_page=f"{server.url}{NUMBERS}.json?page={number + 1}")

    with hostile(route) as (server, c):
        result = c.execute("phone_numbers", "list", {"limit": 5})
        assert (result.data, result.meta.has_more) == ([], False)
        assert len(server.requests) == 1


def test_a_page_of_records_pointing_to_itself_gives_each_record_once():
    def route(seen: Seen) -> Reply:
        return page(
            phone_numbers=[{"id": 1}, {"id": 2}],
            next_page=f"{server.url}{NUMBERS}.json?page=1",
            count=2,
        )

    with hostile(route) as (server, c):
        result = c.execute("phone_numbers", "list", {"limit": 10_000})
        assert [r.id for r in result.data] == [1, 2]
        assert not result.meta.has_more
        assert result.meta.warning
        assert len(server.requests) <= 2


def test_an_iteration_that_paging_stopped_short_says_so(caplog):
    def route(seen: Seen) -> Reply:
        return page(phone_numbers=[{"id": 1}, {"id": 2}], next_page=f"{server.url}{NUMBERS}.json")

    with hostile(route) as (server, c), caplog.at_level("WARNING", "zendesk_talk_connector"):
        assert [r.id for r in c.phone_numbers.iter()] == [1, 2]
    assert "iteration ended early" in caplog.text


def test_endless_fresh_pages_pause_at_max_pages_with_a_cursor():
    ids = count(1)

    def route(seen: Seen) -> Reply:
        number = int(seen.query.get("page", "1"))
        return page(
            phone_numbers=[{"id": next(ids)}],
            next_page=f"{server.url}{NUMBERS}.json?page={number + 1}",
        )

    with hostile(route, max_pages=5) as (server, c):
        result = c.execute("phone_numbers", "list", {"limit": 10_000})
        assert [r.id for r in result.data] == [1, 2, 3, 4, 5]
        assert result.meta.has_more and result.meta.next_cursor
        assert "max_pages" in (result.meta.warning or "")
        assert len(server.requests) == 5
        more = c.execute("phone_numbers", "list", {"cursor": result.meta.next_cursor})
        assert [r.id for r in more.data] == [6, 7, 8, 9, 10]


def test_an_export_of_empty_full_pages_with_advancing_end_time_ends():
    def route(seen: Seen) -> Reply:
        start = int(seen.query["start_time"])
        return page("calls", count=1000, end_time=start + 60, next_page=server.url + CALLS)

    with hostile(route) as (server, c):
        result = c.execute("calls", "list", {"start_time": NOW - 3600})
        assert (result.data, result.meta.has_more) == ([], False)
        assert len(server.requests) == 1


def test_the_default_page_cap_is_sensible():
    from zendesk_talk_connector._engine import DEFAULT_MAX_PAGES

    assert 1_000 <= DEFAULT_MAX_PAGES <= 100_000


# -- 2: exports page past a full second, without duplicates or early ends -----------------


def export_of(records: list[dict[str, Any]], *, lie_about_end_time: bool = False) -> Route:
    """An export as Zendesk pages it: 1,000 from start_time (inclusive), end_time = newest."""

    def route(seen: Seen) -> Reply:
        start = int(seen.query["start_time"])
        chunk = [r for r in records if _epoch(r["updated_at"]) >= start][:1000]
        end = max((_epoch(r["updated_at"]) for r in chunk), default=start)
        body = {
            "calls": chunk,
            "count": len(chunk),
            "end_time": start if lie_about_end_time else end,
            "next_page": f"/calls?start_time={end}",
        }
        return Reply(body=json.dumps(body).encode())

    return route


def _epoch(text: str) -> int:
    return int(time.mktime(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ")) - time.timezone)


def test_a_full_second_is_paged_past_and_said():
    second = NOW - 600
    records = calls(range(1, 1001), second) + calls(range(1001, 1006), second + 1)
    with hostile(export_of(records)) as (_server, c):
        result = c.execute("calls", "list", {"start_time": NOW - 3600})
        assert sorted(r.id for r in result.data) == list(range(1, 1001))
        assert result.meta.has_more
        assert stamp(second) in (result.meta.warning or "")
        assert "1,000" in (result.meta.warning or "")
        more = c.execute("calls", "list", {"start_time": 0, "cursor": result.meta.next_cursor})
        assert [r.id for r in more.data] == list(range(1001, 1006))
        assert not more.meta.has_more
        # Polling on finds nothing more, and nothing twice.
        again = c.execute("calls", "list", {"start_time": 0, "cursor": more.meta.next_cursor})
        assert again.data == []
        everything = c.execute("calls", "list", {"start_time": NOW - 3600, "limit": 5000})
        assert sorted(r.id for r in everything.data) == list(range(1, 1006))


def test_an_end_time_before_the_records_gives_no_duplicates():
    records = calls(range(1, 1501), [NOW - 3000 + i for i in range(1500)])
    with hostile(export_of(records, lie_about_end_time=True)) as (server, c):
        params = {"start_time": NOW - 3600, "limit": 5000}
        ids = [r.id for r in c.execute("calls", "list", params).data]
        assert sorted(ids) == list(range(1, 1501))
        assert len(server.requests) <= 3


def test_a_full_page_with_one_junk_item_does_not_end_the_export():
    first = [*calls(range(1, 1000), [NOW - 3000 + i for i in range(999)]), "junk"]
    second = calls(range(1000, 1003), NOW - 100)

    def route(seen: Seen) -> Reply:
        start = int(seen.query["start_time"])
        chunk = first if start == NOW - 3600 else second
        return Reply(body=json.dumps({"calls": chunk, "next_page": None}).encode())

    with hostile(route) as (_server, c):
        result = c.execute("calls", "list", {"start_time": NOW - 3600, "limit": 5000})
        assert [r.id for r in result.data][-3:] == [1000, 1001, 1002]
        assert len(result.data) == 1002


# -- 3: a bad next_page is refused only when needed, and must stay on the endpoint --------


def test_records_in_hand_are_returned_when_the_bad_next_page_is_not_needed():
    def route(seen: Seen) -> Reply:
        return page(
            phone_numbers=[{"id": 1}, {"id": 2}],
            next_page="https://evil.example.com" + NUMBERS + ".json?page=2",
            count=4,
        )

    with hostile(route) as (_server, c):
        result = c.execute("phone_numbers", "list", {"limit": 2})
        assert [r.id for r in result.data] == [1, 2]
        assert not result.meta.has_more and result.meta.next_cursor is None
        assert "another host" in (result.meta.warning or "")
        with pytest.raises(UnsafeNextPage):
            c.execute("phone_numbers", "list", {"limit": 3})


@pytest.mark.parametrize(
    "path",
    ["/api/v2/users.json", "/api/v2/channels/voice/addresses.json", NUMBERS + "/../../users"],
)
def test_a_next_page_outside_the_endpoint_is_never_requested(path):
    def route(seen: Seen) -> Reply:
        return page(phone_numbers=[{"id": 1}], next_page=server.url + path, count=2)

    with hostile(route) as (server, c):
        with pytest.raises(UnsafeNextPage, match="leaves the endpoint"):
            c.execute("phone_numbers", "list", {"limit": 5})
        assert [seen.path for seen in server.requests] == [NUMBERS]


@pytest.mark.parametrize(
    "bad",
    ["/api/v2/users.json", NUMBERS + ".json?page=2\r\nX-Evil: 1", NUMBERS + "?q=" + "a" * 70_000],
)
def test_a_forged_cursor_is_refused_before_any_request(bad):
    def route(seen: Seen) -> Reply:
        return page(phone_numbers=[{"id": 1}])

    with hostile(route) as (server, c):
        cursor = encode_cursor(lookup("phone_numbers", "list"), {"u": server.url + bad, "s": 0})
        with pytest.raises(UnsafeNextPage):
            c.execute("phone_numbers", "list", {"cursor": cursor})
        assert server.requests == []

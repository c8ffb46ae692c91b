"""Paging edge cases that a real server rarely shows, driven through httpx.MockTransport."""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from zendesk_talk_connector import (
    SyncZendeskTalkConnector,
    UnsafeNextPage,
    ZendeskTalkApiTokenAuthConfig,
)
from zendesk_talk_connector.catalog import EXPORT_PAGE_SIZE

AUTH = ZendeskTalkApiTokenAuthConfig(email="agent@example.com", api_token="s3cret-token")
BASE = "https://acme.zendesk.com"
EXPORT_URL = f"{BASE}/api/v2/channels/voice/stats/incremental/calls.json"


def connector(handler) -> SyncZendeskTalkConnector:
    return SyncZendeskTalkConnector(
        AUTH,
        {"subdomain": "acme"},
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )


def test_cross_host_next_page_is_never_followed():
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(
            200,
            json={
                "addresses": [{"id": 1}],
                "next_page": "https://evil.example.com/api/v2/channels/voice/addresses.json?page=2",
                "count": 2,
            },
        )

    with pytest.raises(UnsafeNextPage, match="another host"):
        connector(handler).execute("addresses", "list", {"limit": 10})
    assert all(url.startswith(BASE) for url in seen)
    assert len(seen) == 1


def test_next_page_is_followed_verbatim_with_json_suffix():
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        page = int(request.url.params.get("page", "1"))
        nxt = (
            f"{BASE}/api/v2/channels/voice/addresses.json?page={page + 1}&per_page=2"
            if page < 3
            else None
        )
        return httpx.Response(
            200,
            json={
                "addresses": [{"id": page * 10 + i} for i in range(2)],
                "next_page": nxt,
                "count": 6,
            },
        )

    result = connector(handler).execute("addresses", "list", {"limit": 100})
    assert [r.id for r in result.data] == [10, 11, 20, 21, 30, 31]
    assert requests[1].url.path.endswith("/addresses.json")
    assert all(r.headers["authorization"].startswith("Basic ") for r in requests)
    assert result.meta.has_more is False and result.meta.next_cursor is None


def _ts(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def export_handler(records: list[dict], log: list[int]):
    """An export that behaves like Zendesk's: inclusive start_time, 1000 per page."""

    def handler(request: httpx.Request) -> httpx.Response:
        start = int(parse_qs(urlsplit(str(request.url)).query)["start_time"][0])
        log.append(start)
        page = [
            r
            for r in records
            if int(datetime.fromisoformat(r["updated_at"].replace("Z", "+00:00")).timestamp())
            >= start
        ][:EXPORT_PAGE_SIZE]
        end = (
            int(datetime.fromisoformat(page[-1]["updated_at"].replace("Z", "+00:00")).timestamp())
            if page
            else start
        )
        return httpx.Response(
            200,
            json={
                "calls": page,
                "count": len(page),
                "end_time": end,
                "next_page": f"{EXPORT_URL}?start_time={end}",
            },
        )

    return handler


def make_calls(n: int, per_second: int = 7) -> list[dict]:
    return [{"id": i + 1, "updated_at": _ts(1_700_000_000 + i // per_second)} for i in range(n)]


def test_export_dedupes_boundary_seconds_and_loses_nothing():
    calls = make_calls(3500)
    log: list[int] = []
    result = connector(export_handler(calls, log)).execute(
        "calls", "list", {"start_time": 1_700_000_000, "limit": 100_000}
    )
    assert [c.id for c in result.data] == [c["id"] for c in calls]
    assert len(log) >= 4  # at least 3 full pages plus the short last one
    assert result.meta.has_more is False
    assert result.meta.end_time == 1_700_000_000 + 3499 // 7
    assert result.meta.next_cursor  # the resume point for the next poll


@pytest.mark.parametrize("limit", [97, 999, 1000, 1001, 1234, 2500])
def test_export_cursor_resumes_exactly_after_a_limit_cut(limit):
    calls = make_calls(3100, per_second=9)
    client = connector(export_handler(calls, []))
    got: list[int] = []
    params = {"start_time": 1_700_000_000, "limit": limit}
    for _ in range(len(calls) // limit + 2):
        result = client.execute("calls", "list", params)
        got.extend(c.id for c in result.data)
        if not result.meta.has_more:
            break
        params = {"start_time": 0, "limit": limit, "cursor": result.meta.next_cursor}
    assert got == [c["id"] for c in calls]


def test_export_stops_when_a_full_page_cannot_advance():
    calls = [{"id": i, "updated_at": _ts(1_700_000_000)} for i in range(1, 1001)]
    log: list[int] = []
    result = connector(export_handler(calls, log)).execute(
        "calls", "list", {"start_time": 1_700_000_000, "limit": 5000}
    )
    assert len(result.data) == 1000
    assert len(log) == 2


def test_offset_cursor_resumes_mid_page():
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        nxt = f"{BASE}/api/v2/channels/voice/greetings.json?page={page + 1}" if page < 2 else None
        return httpx.Response(
            200,
            json={
                "greetings": [{"id": page * 100 + i} for i in range(5)],
                "next_page": nxt,
                "count": 10,
            },
        )

    client = connector(handler)
    first = client.execute("greetings", "list", {"limit": 3})
    second = client.execute("greetings", "list", {"cursor": first.meta.next_cursor, "limit": 5})
    third = client.execute("greetings", "list", {"cursor": second.meta.next_cursor, "limit": 5})
    ids = [g.id for g in first.data + second.data + third.data]
    assert ids == [100, 101, 102, 103, 104, 200, 201, 202, 203, 204]
    assert third.meta.has_more is False


def test_cursor_of_another_action_is_rejected():
    client = connector(
        lambda request: httpx.Response(200, json={"greetings": [], "next_page": None})
    )
    from zendesk_talk_connector import InvalidParams

    with pytest.raises(InvalidParams, match="not a valid cursor"):
        client.execute("addresses", "list", {"cursor": "not-a-cursor"})


@pytest.mark.parametrize(
    ("action_of", "state"),
    [
        (("addresses", "list"), {"h": "hosted-cursor", "s": 0}),  # a hosted-mode cursor
        (("addresses", "list"), {"u": f"{BASE}/api/v2/channels/voice/addresses.json", "s": "2"}),
        (("calls", "list"), {"h": None, "s": 3}),
        (("calls", "list"), {"t": 1_700_000_000, "x": ["1", 2]}),
        (("calls", "list"), {"t": "yesterday", "x": []}),
    ],
)
def test_cursor_of_the_other_mode_or_tampered_is_invalid_params(action_of, state):
    from zendesk_talk_connector import InvalidParams
    from zendesk_talk_connector._paging import encode_cursor
    from zendesk_talk_connector.catalog import lookup

    requests: list[httpx.Request] = []
    client = connector(lambda request: requests.append(request) or httpx.Response(500))
    entity, action = action_of
    cursor = encode_cursor(lookup(entity, action), state)
    params = {"cursor": cursor, **({"start_time": 0} if entity == "calls" else {})}
    with pytest.raises(InvalidParams, match="same mode, local or hosted"):
        client.execute(entity, action, params)
    assert requests == []


def test_odd_value_in_one_record_does_not_fail_the_list():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "phone_numbers": [
                    {"id": 1, "toll_free": True, "new_field": "kept"},
                    {"id": 2, "toll_free": "sometimes", "priority": "high"},
                ],
                "next_page": None,
                "count": 2,
            },
        )

    result = connector(handler).execute("phone_numbers", "list")
    first, second = result.data
    assert first.toll_free is True and first.model_extra == {"new_field": "kept"}
    assert second.id == 2 and second.toll_free is None and second.priority is None
    assert second.invalid_values == {"toll_free": "sometimes", "priority": "high"}


@pytest.mark.parametrize("index", [0, 1, 500, 999, 1000, 1001, 1500, 2099])
def test_cursor_at_any_index_resumes_exactly_there(index):
    calls = make_calls(2100, per_second=11)
    client = connector(export_handler(calls, []))
    whole = client.execute("calls", "list", {"start_time": 1_700_000_000, "limit": 2100})
    cursor = whole.cursor_at(index)
    rest = client.execute("calls", "list", {"start_time": 0, "cursor": cursor, "limit": 5000})
    assert [c.id for c in whole.data[:index]] + [c.id for c in rest.data] == [
        c["id"] for c in calls
    ]


def test_offset_cursor_at_index_in_an_earlier_page():
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        nxt = f"{BASE}/api/v2/channels/voice/lines.json?page={page + 1}" if page < 3 else None
        lines = [{"id": page * 100 + i} for i in range(4)]
        return httpx.Response(200, json={"lines": lines, "next_page": nxt, "count": 12})

    client = connector(handler)
    whole = client.execute("lines", "list", {"limit": 12})
    rest = client.execute("lines", "list", {"cursor": whole.cursor_at(5), "limit": 12})
    assert [x.id for x in whole.data[:5] + rest.data] == [x.id for x in whole.data]
    assert whole.cursor_at(12) is None

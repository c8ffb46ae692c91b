"""Offset pagination (next_page URLs, limits) and incremental exports (1000 per page)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from zendesk_talk_connector.catalog import API_PREFIX
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.sandbox._data import epoch


def _follow(client: httpx.Client, path: str, key: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url: str | None = path
    first = True
    pages = 0
    while url is not None:
        response = client.get(url, params=params if first else None)
        assert response.status_code == 200, response.text
        body = response.json()
        items.extend(body[key])
        url = body["next_page"]
        first = False
        pages += 1
        assert pages < 500
    return items


@pytest.mark.parametrize(
    ("path", "key", "attr"),
    [
        ("/phone_numbers", "phone_numbers", "phone_numbers"),
        ("/lines.json", "lines", "lines"),
        ("/addresses", "addresses", "addresses"),
        ("/greetings", "greetings", "greetings"),
        ("/greeting_categories", "greeting_categories", "greeting_categories"),
        ("/ivr", "ivrs", "ivrs"),
    ],
)
def test_following_next_page_yields_every_record(
    sandbox: Sandbox, client: httpx.Client, path: str, key: str, attr: str
) -> None:
    expected = getattr(sandbox.data, attr)
    got = _follow(client, path, key, per_page=7)
    assert [item["id"] for item in got] == [item["id"] for item in expected]


def test_page_meta_and_urls(sandbox: Sandbox, client: httpx.Client) -> None:
    total = len(sandbox.data.phone_numbers)
    first = client.get("/phone_numbers", params={"per_page": 50}).json()
    assert first["count"] == total
    assert len(first["phone_numbers"]) == 50
    assert first["previous_page"] is None
    next_url = urlsplit(first["next_page"])
    assert f"{next_url.scheme}://{next_url.netloc}" == sandbox.base_url
    assert next_url.path == f"{API_PREFIX}/phone_numbers.json"
    assert parse_qs(next_url.query) == {"per_page": ["50"], "page": ["2"]}

    last_page = -(-total // 50)
    last = client.get("/phone_numbers", params={"per_page": 50, "page": last_page}).json()
    assert last["next_page"] is None
    assert len(last["phone_numbers"]) == total - 50 * (last_page - 1)
    assert parse_qs(urlsplit(last["previous_page"]).query)["page"] == [str(last_page - 1)]

    beyond = client.get("/phone_numbers", params={"page": 50}).json()
    assert beyond["phone_numbers"] == [] and beyond["next_page"] is None
    assert beyond["count"] == total


def test_next_page_keeps_filters(client: httpx.Client) -> None:
    body = client.get("/stats/agents_activity", params={"group_ids": "50001,50002", "per_page": 5})
    query = parse_qs(urlsplit(body.json()["next_page"]).query)
    assert query == {"group_ids": ["50001,50002"], "per_page": ["5"], "page": ["2"]}


def test_default_and_max_page_size(client: httpx.Client) -> None:
    assert len(client.get("/phone_numbers").json()["phone_numbers"]) == 100
    clamped = client.get("/phone_numbers", params={"per_page": 1000}).json()
    assert len(clamped["phone_numbers"]) == 100


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "-1"},
        {"page": "two"},
        {"per_page": "0"},
        {"per_page": "x"},
        {"page": "101"},  # 101 * 100 > 10,000 records
        {"page": "11", "per_page": "1000"},  # clamped to 100 -> 1,100 records: allowed
    ],
)
def test_pagination_parameter_limits(client: httpx.Client, params: dict[str, str]) -> None:
    response = client.get("/phone_numbers", params=params)
    if params == {"page": "11", "per_page": "1000"}:
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response.json()["error"] == "InvalidPaginationParameter"


def test_page_size_max_is_configurable() -> None:
    with (
        Sandbox(seed=7, now=1_732_894_200, page_size_max=10) as sb,
        httpx.Client(base_url=sb.api_url, auth=(f"{sb.email}/token", sb.api_token)) as c,
    ):
        body = c.get("/addresses", params={"per_page": 100}).json()
        assert len(body["addresses"]) == 10
        assert body["count"] == len(sb.data.addresses)
        assert [a["id"] for a in _follow(c, "/addresses", "addresses", per_page=100)] == [
            a["id"] for a in sb.data.addresses
        ]


# -- incremental exports ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "key", "attr"),
    [("/stats/incremental/calls", "calls", "calls"), ("/stats/incremental/legs", "legs", "legs")],
)
def test_export_pages_of_1000_with_inclusive_start_time(
    sandbox: Sandbox, client: httpx.Client, path: str, key: str, attr: str
) -> None:
    records: list[dict[str, Any]] = getattr(sandbox.data, attr)
    query_start = epoch(records[0]["updated_at"]) - 3600
    seen: dict[int, dict[str, Any]] = {}
    duplicates = 0
    url = path
    params: dict[str, Any] | None = {"start_time": query_start}
    pages = 0
    while True:
        body = client.get(url, params=params).json()
        pages += 1
        page = body[key]
        assert body["count"] == len(page) <= 1000
        stamps = [(epoch(r["updated_at"]), r["id"]) for r in page]
        assert stamps == sorted(stamps)
        assert all(stamp >= query_start for stamp, _ in stamps)
        assert body["end_time"] == (stamps[-1][0] if page else query_start)
        next_url = urlsplit(body["next_page"])
        assert f"{next_url.scheme}://{next_url.netloc}" == sandbox.base_url
        assert parse_qs(next_url.query) == {"start_time": [str(body["end_time"])]}
        for record in page:
            duplicates += record["id"] in seen
            seen[record["id"]] = record
        if body["count"] < 1000:
            break
        url, params, query_start = body["next_page"], None, body["end_time"]
    assert pages == len(records) // 1000 + 1
    assert sorted(seen.values(), key=lambda r: (r["updated_at"], r["id"])) == records
    # start_time is inclusive and records share seconds: page boundaries repeat records.
    assert duplicates > 0


def test_export_start_time_filters_and_empty_page(sandbox: Sandbox, client: httpx.Client) -> None:
    calls = sandbox.data.calls
    middle = epoch(calls[len(calls) // 2]["updated_at"])
    body = client.get("/stats/incremental/calls.json", params={"start_time": middle}).json()
    expected = [c["id"] for c in calls if epoch(c["updated_at"]) >= middle][:1000]
    assert [c["id"] for c in body["calls"]] == expected
    assert body["next_page"].endswith(
        f"/stats/incremental/calls.json?start_time={body['end_time']}"
    )

    future = sandbox.data.now + 10
    empty = client.get("/stats/incremental/legs", params={"start_time": future}).json()
    assert empty["legs"] == [] and empty["count"] == 0
    assert empty["end_time"] == future
    assert empty["next_page"].endswith(f"/stats/incremental/legs?start_time={future}")


@pytest.mark.parametrize("params", [{}, {"start_time": ""}, {"start_time": "yesterday"}])
def test_export_requires_start_time(client: httpx.Client, params: dict[str, str]) -> None:
    response = client.get("/stats/incremental/calls", params=params)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "InvalidValue"
    assert body["description"].startswith("start_time is required")


def test_export_rate_limit() -> None:
    with (
        Sandbox(seed=7, now=1_732_894_200, export_rate_limit=3) as sb,
        httpx.Client(base_url=sb.api_url, auth=(f"{sb.email}/token", sb.api_token)) as c,
    ):
        for _ in range(3):
            assert c.get("/stats/incremental/calls", params={"start_time": 0}).status_code == 200
        limited = c.get("/stats/incremental/legs", params={"start_time": 0})
        assert limited.status_code == 429
        assert 55 <= int(limited.headers["retry-after"]) <= 60
        assert limited.json()["error"] == "APIRateLimitExceeded"
        # Other endpoints are not limited.
        assert c.get("/phone_numbers").status_code == 200

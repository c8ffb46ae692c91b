"""context_store_search: a validated query forwarded to the Airbyte context store."""

from __future__ import annotations

import json

import pytest

from zendesk_talk_connector import InvalidParams, UnknownOperation
from zendesk_talk_connector.hosted import SearchMeta
from zendesk_talk_connector.models import Call, PhoneNumber
from zendesk_talk_connector.params import ContextStoreQuery


def test_filter_sort_limit_and_fields(sandbox, hosted):
    result = hosted.execute(
        "phone_numbers",
        "context_store_search",
        {
            "query": {"filter": {"eq": {"sms_enabled": True}}, "sort": [{"id": "desc"}]},
            "limit": 4,
            "fields": ["id", "number"],
        },
    )
    expected = sorted(
        (p for p in sandbox.data.phone_numbers if p["sms_enabled"]), key=lambda p: -p["id"]
    )[:4]
    assert all(isinstance(r, PhoneNumber) for r in result.data)
    assert [(r.id, r.number) for r in result.data] == [(p["id"], p["number"]) for p in expected]
    assert all(r.toll_free is None for r in result.data)  # only the fields asked for
    assert isinstance(result.meta, SearchMeta)
    assert result.meta.returned == 4 and result.meta.has_more
    assert result.meta.took_ms is not None
    body = json.loads(sandbox.requests[-1].body)
    assert body["action"] == "context_store_search"
    assert body["params"]["fields"] == [["id"], ["number"]]


def test_cursor_pages_through_every_match(sandbox, hosted):
    query = {
        "filter": {"and": [{"eq": {"toll_free": False}}, {"not": {"eq": {"sms_enabled": True}}}]}
    }
    expected = [
        p["id"] for p in sandbox.data.phone_numbers if not p["toll_free"] and not p["sms_enabled"]
    ]
    ids, cursor = [], None
    while True:
        params = {"query": query, "limit": 40, **({"cursor": cursor} if cursor else {})}
        page = hosted.execute("phone_numbers", "context_store_search", params)
        ids += [r.id for r in page.data]
        if not page.meta.has_more:
            break
        cursor = page.meta.next_cursor
    assert ids == expected and len(expected) > 40


def test_in_like_and_range_operators_on_calls(sandbox, hosted):
    calls = sandbox.data.calls
    direction = calls[0]["direction"]
    query = {
        "filter": {
            "or": [
                {"in": {"id": [calls[0]["id"], calls[1]["id"]]}},
                {
                    "and": [
                        {"gte": {"duration": 1200}},
                        {"like": {"direction": direction[:2] + "%"}},
                    ]
                },
            ]
        },
        "sort": [{"duration": "desc"}, {"id": "asc"}],
    }
    result = hosted.calls.context_store_search(query=query, limit=10_000)
    expected = [
        c
        for c in calls
        if c["id"] in (calls[0]["id"], calls[1]["id"])
        or ((c["duration"] or 0) >= 1200 and c["direction"].startswith(direction[:2]))
    ]
    expected.sort(key=lambda c: (-(c["duration"] or 0), c["id"]))
    assert all(isinstance(r, Call) for r in result.data)
    assert [r.id for r in result.data] == [c["id"] for c in expected]


async def test_async_namespace_form(sandbox, ahosted):
    result = await ahosted.greetings.context_store_search(
        query=ContextStoreQuery(filter={"eq": {"active": True}}), limit=5
    )
    active = [g["id"] for g in sandbox.data.greetings if g["active"]][:5]
    assert [str(r.id) for r in result.data] == [str(i) for i in active]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"query": {"filter": {"equals": {"id": 1}}}}, "unknown operator 'equals'"),
        ({"query": {"filter": {"eq": {"sms_enabeld": True}}}}, "did you mean 'sms_enabled'"),
        ({"query": {"sort": [{"number": "up"}]}}, "sort"),
        ({"query": {"filter": {"in": {"id": 3}}}}, "must be a list"),
        ({"query": {"where": {}}}, "unknown param 'query.where'"),
        ({"limit": 0}, "limit"),
        ({"fields": ["id", "nmber"]}, "unknown field 'nmber'"),
        ({"qeury": {}}, "did you mean 'query'"),
    ],
)
def test_bad_queries_fail_before_any_request(sandbox, hosted, params, message):
    with pytest.raises(InvalidParams, match=message):
        hosted.execute("phone_numbers", "context_store_search", params)
    assert len(sandbox.requests) == 0


def test_entities_without_a_list_cannot_be_searched(sandbox, hosted):
    with pytest.raises(UnknownOperation, match="Valid actions: get"):
        hosted.execute("digital_lines", "context_store_search", {})
    with pytest.raises(UnknownOperation):
        hosted.execute("nope", "context_store_search", {})
    assert len(sandbox.requests) == 0

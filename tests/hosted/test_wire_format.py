"""The Airbyte API's wire format, pinned from its documentation (shared/airbyte-api.md).

Request bodies and answers are literal JSON written from the facts, not derived from this
package's code: a scripted server answers each request in turn and keeps what it was sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zendesk_talk_connector import (
    AirbyteAuthConfig,
    InvalidParams,
    NotFound,
    RateLimited,
    RetryPolicy,
    ServerError,
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
)

API = "https://api.airbyte.test"
CONNECTOR_ID = "6f0c2b1e-0000-4000-8000-000000000001"
EXECUTE = f"/api/v1/integrations/connectors/{CONNECTOR_ID}/execute"
TOKEN = {"access_token": "app-token-1", "token_type": "Bearer", "expires_in": 900}
NUMBERS_PAGE_2 = "https://acme.zendesk.com/api/v2/channels/voice/phone_numbers.json?page=2"


class ScriptedAPI:
    """Answers requests in order from a script; keeps every request."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers: Iterator[httpx.Response] = iter(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return next(self.answers)

    def bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]

    def paths(self) -> list[str]:
        return [r.url.path for r in self.requests]


def ok(body: Any, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def connector(api: ScriptedAPI, **config: Any) -> SyncZendeskTalkConnector:
    auth = AirbyteAuthConfig(
        airbyte_client_id="client-1",
        airbyte_client_secret="secret-1",
        organization_id="org-7",
        **({"connector_id": CONNECTOR_ID} | config),
    )
    return SyncZendeskTalkConnector(
        auth,
        airbyte_api_url=API,
        http_client=httpx.Client(transport=httpx.MockTransport(api)),
        retry=RetryPolicy(max_attempts=1),
    )


def test_token_then_a_get_sends_only_its_id_and_reads_result():
    api = ScriptedAPI(
        ok(TOKEN),
        ok(
            {
                "status": "success",
                "result": {"id": 10001, "number": "+14155550100", "sms_enabled": True},
                "connector_metadata": {},
                "execution_metadata": {"duration_ms": 41},
            }
        ),
    )
    number = connector(api).execute("phone_numbers", "get", {"phone_number_id": 10001})
    assert (number.id, number.number, number.sms_enabled) == (10001, "+14155550100", True)
    assert api.paths() == ["/api/v1/account/applications/token", EXECUTE]
    assert api.bodies() == [
        {"client_id": "client-1", "client_secret": "secret-1"},
        {"entity": "phone_numbers", "action": "get", "params": {"phone_number_id": 10001}},
    ]
    assert api.requests[1].headers["Authorization"] == "Bearer app-token-1"
    assert [r.headers["X-Organization-Id"] for r in api.requests] == ["org-7", "org-7"]


def list_answer(*ids: int, next_page: str | None) -> httpx.Response:
    return ok(
        {
            "status": "success",
            "result": [{"id": i, "number": f"+1415555{i:04d}"} for i in ids],
            "connector_metadata": {"next_page": next_page},
            "execution_metadata": {},
        }
    )


def test_a_list_sends_no_params_and_applies_limit_here():
    api = ScriptedAPI(ok(TOKEN), list_answer(1, 2, 3, next_page=NUMBERS_PAGE_2))
    hosted = connector(api)
    first = hosted.execute("phone_numbers", "list", {"limit": 2})
    assert api.bodies()[1] == {"entity": "phone_numbers", "action": "list", "params": {}}
    assert [n.id for n in first.data] == [1, 2]
    assert first.meta.has_more and first.meta.next_cursor

    # the cursor resumes inside the first page: the same request, the rest of the page
    api.answers = iter([list_answer(1, 2, 3, next_page=NUMBERS_PAGE_2)])
    rest = hosted.execute("phone_numbers", "list", {"cursor": first.meta.next_cursor})
    assert api.bodies()[2] == {"entity": "phone_numbers", "action": "list", "params": {}}
    assert [n.id for n in rest.data] == [3]


def test_a_list_with_a_next_page_says_it_cannot_continue():
    api = ScriptedAPI(ok(TOKEN), list_answer(1, 2, next_page=NUMBERS_PAGE_2))
    result = connector(api).execute("phone_numbers", "list")
    assert result.meta.has_more and result.meta.next_cursor is None
    assert result.meta.next_page == NUMBERS_PAGE_2
    assert "context_store_search" in (result.meta.note or "")

    api = ScriptedAPI(ok(TOKEN), list_answer(1, 2, next_page=None))
    last = connector(api).execute("phone_numbers", "list")
    assert not last.meta.has_more and last.meta.note is None


def test_a_list_filter_the_platform_does_not_take_is_refused_before_sending():
    api = ScriptedAPI(ok(TOKEN))
    with pytest.raises(InvalidParams, match="'group_ids' in hosted mode"):
        connector(api).execute("agents_activity", "list", {"group_ids": [5]})
    assert api.requests == []


def export_page(ids: list[int], stamps: list[str], next_start: int, count: int) -> httpx.Response:
    calls = [{"id": i, "updated_at": stamp} for i, stamp in zip(ids, stamps, strict=True)]
    return ok(
        {
            "status": "success",
            "result": calls,
            "connector_metadata": {
                "next_page": "https://acme.zendesk.com/api/v2/channels/voice/stats/incremental/"
                f"calls.json?start_time={next_start}",
                "count": count,
            },
            "execution_metadata": {},
        }
    )


def test_an_export_continues_with_the_start_time_of_next_page_without_duplicates():
    # 1,000 calls, the last two in the boundary second 2023-11-14T22:15:00Z (1700000100) ...
    stamps = ["2023-11-14T22:13:20Z"] * 998 + ["2023-11-14T22:15:00Z"] * 2
    page_1 = export_page(list(range(1, 1001)), stamps, 1700000100, 1000)
    # ... which the next page, asked from that second, repeats before two new calls.
    page_2 = export_page(
        [999, 1000, 1001, 1002],
        ["2023-11-14T22:15:00Z"] * 3 + ["2023-11-14T22:16:40Z"],
        1700000200,
        4,
    )
    api = ScriptedAPI(ok(TOKEN), page_1, page_2)
    ids = [call.id for call in connector(api).iter("calls", "list", {"start_time": 1700000000})]
    assert ids == list(range(1, 1003))
    assert api.bodies()[1:] == [
        {"entity": "calls", "action": "list", "params": {"start_time": 1700000000}},
        {"entity": "calls", "action": "list", "params": {"start_time": 1700000100}},
    ]


def test_context_store_search_reads_data_and_meta_inside_result():
    api = ScriptedAPI(
        ok(TOKEN),
        ok(
            {
                "status": "success",
                "result": {
                    "data": [{"id": 7, "direction": "inbound"}],
                    "meta": {"has_more": True, "cursor": "c-2", "took_ms": 4},
                },
                "connector_metadata": {},
                "execution_metadata": {},
            }
        ),
    )
    params = {"query": {"filter": {"eq": {"direction": "inbound"}}}, "limit": 1}
    found = connector(api).execute("calls", "context_store_search", params)
    assert api.bodies()[1] == {
        "entity": "calls",
        "action": "context_store_search",
        "params": {"query": {"filter": {"eq": {"direction": "inbound"}}}, "limit": 1},
    }
    assert [c.id for c in found.data] == [7]
    assert (found.meta.has_more, found.meta.next_cursor, found.meta.took_ms) == (True, "c-2", 4)


def test_check_is_the_platform_health_check():
    api = ScriptedAPI(
        ok(TOKEN),
        ok({"status": "success", "result": {"status": "healthy"}, "connector_metadata": {}}),
    )
    result = connector(api).check()
    assert result.status == "healthy"
    assert api.bodies()[1] == {"entity": "*", "action": "check", "params": {}}


def test_lookup_then_create_and_initiate_bodies():
    lookup = ScriptedAPI(
        ok(TOKEN), ok({"data": [{"id": CONNECTOR_ID}]}), list_answer(1, next_page=None)
    )
    connector(lookup, connector_id=None, workspace_name="acme-co").execute("addresses", "list")
    assert lookup.requests[1].method == "GET"
    assert dict(lookup.requests[1].url.params) == {
        "workspace_name": "acme-co",
        "definition_id": "c8630570-086d-4a40-99ae-ea5b18673071",
    }
    assert lookup.paths()[2] == EXECUTE

    api = ScriptedAPI(ok(TOKEN), ok({"id": "new-connector"}, status=201))
    created = SyncZendeskTalkConnector.create(
        airbyte_config=AirbyteAuthConfig(
            workspace_name="acme-co", airbyte_client_id="client-1", airbyte_client_secret="s"
        ),
        auth_config=ZendeskTalkApiTokenAuthConfig(email="agent@acme.com", api_token="zt-1"),
        replication_config={"start_date": "2024-11-01"},
        name="My Zendesk-Talk Connector",
        airbyte_api_url=API,
        http_client=httpx.Client(transport=httpx.MockTransport(api)),
    )
    assert created.connector_id == "new-connector"
    assert api.paths()[1] == "/api/v1/integrations/connectors"
    assert api.bodies()[1] == {
        "customer_name": "acme-co",
        "connector_type": "Zendesk-Talk",
        "name": "My Zendesk-Talk Connector",
        "credentials": {"email": "agent@acme.com", "api_token": "zt-1"},
        "replication_config": {"start_date": "2024-11-01T00:00:00Z"},
    }

    api = ScriptedAPI(ok(TOKEN), ok({"consent_url": "https://consent.example/x"}))
    url = SyncZendeskTalkConnector.get_consent_url(
        airbyte_config=AirbyteAuthConfig(
            workspace_name="acme-co", airbyte_client_id="client-1", airbyte_client_secret="s"
        ),
        redirect_url="https://app.example/callback",
        airbyte_api_url=API,
        http_client=httpx.Client(transport=httpx.MockTransport(api)),
    )
    assert url == "https://consent.example/x"
    assert api.paths()[1] == "/api/v1/integrations/connectors/oauth/initiate"
    assert api.bodies()[1] == {
        "customer_name": "acme-co",
        "connector_type": "Zendesk-Talk",
        "redirect_url": "https://app.example/callback",
    }


@pytest.mark.parametrize(
    ("answer", "error", "message"),
    [
        (
            ok({"detail": [{"loc": ["params", "x"], "msg": "extra fields not permitted"}]}, 422),
            InvalidParams,
            "extra fields not permitted",
        ),
        (ok({"detail": "Invalid request"}, 400), InvalidParams, "Invalid request"),
        (ok({"detail": "Record not found"}, 404), NotFound, "Record not found"),
        (ok({"detail": "Slow down"}, 429, **{"Retry-After": "7"}), RateLimited, "Slow down"),
        (ok({"detail": "Internal error"}, 502), ServerError, "Internal error"),
        (httpx.Response(500, text="<html>oops</html>"), ServerError, "HTTP 500"),
    ],
)
def test_errors_are_read_leniently(answer, error, message):
    api = ScriptedAPI(ok(TOKEN), answer)
    with pytest.raises(error, match=message) as caught:
        connector(api).execute("greetings", "get", {"greeting_id": 3})
    if isinstance(caught.value, RateLimited):
        assert caught.value.retry_after == 7


def test_an_answer_without_result_is_a_server_error():
    api = ScriptedAPI(ok(TOKEN), ok({"data": [{"id": 1}], "meta": {}}))
    with pytest.raises(ServerError, match="no 'result'"):
        connector(api).execute("addresses", "list")

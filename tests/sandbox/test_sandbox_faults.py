"""Fault knobs: error bursts with Retry-After, dropped connections, latency; request log."""

from __future__ import annotations

import httpx
import pytest

from zendesk_talk_connector.sandbox import Sandbox

from ..conftest import NOW, Sleeps


def test_fail_next_429_with_retry_after_seconds(sandbox: Sandbox, client: httpx.Client) -> None:
    sandbox.faults.fail_next(2, status=429, retry_after="2")
    for _ in range(2):
        response = client.get("/phone_numbers/10001")
        assert response.status_code == 429
        assert response.headers["retry-after"] == "2"
        assert response.json() == {
            "error": "APIRateLimitExceeded",
            "description": "Number of allowed API requests per minute exceeded",
        }
    assert client.get("/phone_numbers/10001").status_code == 200


def test_fail_next_with_http_date_and_5xx(sandbox: Sandbox, client: httpx.Client) -> None:
    date = "Wed, 21 Oct 2037 07:28:00 GMT"
    sandbox.faults.fail_next(1, status=429, retry_after=date)
    sandbox.faults.fail_next(1, status=503)
    sandbox.faults.fail_next(1, status=500, retry_after=1)
    first = client.get("/addresses")
    assert (first.status_code, first.headers["retry-after"]) == (429, date)
    second = client.get("/addresses")
    assert second.status_code == 503
    assert "retry-after" not in second.headers
    assert second.json()["error"] == "ServiceUnavailable"
    third = client.get("/addresses")
    assert (third.status_code, third.headers["retry-after"]) == (500, "1")
    assert sandbox.faults.pending == 0
    assert client.get("/addresses").status_code == 200


def test_faults_come_before_auth_and_skip_oauth(sandbox: Sandbox, anon: httpx.Client) -> None:
    sandbox.faults.fail_next(1, status=503)
    assert anon.post("/oauth/tokens", json={}).status_code == 400  # not an API request
    assert anon.get("/api/v2/channels/voice/lines").status_code == 503  # faulted, no auth
    assert anon.get("/api/v2/channels/voice/lines").status_code == 401


def test_drop_next_closes_without_response(sandbox: Sandbox, client: httpx.Client) -> None:
    sandbox.faults.drop_next(1)
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/greetings")
    assert client.get("/greetings").status_code == 200  # the client reconnects
    assert sandbox.requests[-2].status is None


def test_latency(sleeps: Sleeps) -> None:
    with Sandbox(seed=7, now=NOW, sleep=sleeps.sync_sleep) as sandbox:
        url = f"{sandbox.api_url}/greeting_categories"
        auth = (f"{sandbox.email}/token", sandbox.api_token)
        httpx.get(url, auth=auth)
        assert sleeps == []
        sandbox.faults.latency = 0.15
        assert httpx.get(url, auth=auth).status_code == 200
        assert sleeps == [0.15]
        sandbox.faults.clear()
        assert sandbox.faults.latency == 0
        httpx.get(url, auth=auth)
        assert sleeps == [0.15]


def test_clear_forgets_queued_faults(sandbox: Sandbox, client: httpx.Client) -> None:
    sandbox.faults.fail_next(5, status=503)
    sandbox.faults.drop_next(5)
    assert sandbox.faults.pending == 10
    sandbox.faults.clear()
    assert sandbox.faults.pending == 0
    assert client.get("/ivr").status_code == 200


def test_fail_next_rejects_non_error_status(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="400-599"):
        sandbox.faults.fail_next(1, status=200)


def test_request_log(sandbox: Sandbox, client: httpx.Client, anon: httpx.Client) -> None:
    sandbox.requests.clear()
    client.get("/stats/agents_activity.json", params={"group_ids": "50001,50002", "page": 1})
    anon.get("/api/v2/channels/voice/lines", headers={"Authorization": f"Bearer {'x' * 8}"})
    anon.get("/api/v2/channels/voice/lines")
    first, second, third = sandbox.requests.snapshot()
    assert first.method == "GET"
    assert first.path == "/api/v2/channels/voice/stats/agents_activity.json"
    assert first.query == {"group_ids": ["50001,50002"], "page": ["1"]}
    assert (first.auth, first.status) == ("basic", 200)
    assert (second.auth, second.status) == ("bearer", 401)
    assert (third.auth, third.status) == (None, 401)
    assert len(sandbox.requests) == 3
    assert [r.status for r in sandbox.requests] == [200, 401, 401]
    sandbox.requests.clear()
    assert len(sandbox.requests) == 0


def test_lifecycle() -> None:
    sb = Sandbox(seed=3, now=1_732_894_200)
    with pytest.raises(RuntimeError):
        _ = sb.base_url
    sb.start()
    try:
        assert sb.start() is sb  # idempotent
        assert sb.base_url.startswith("http://127.0.0.1:")
        assert sb.port > 0
        with httpx.Client(base_url=sb.api_url, auth=(f"{sb.email}/token", sb.api_token)) as c:
            assert c.get("/addresses").status_code == 200
    finally:
        sb.stop()
        sb.stop()
    assert not sb.running

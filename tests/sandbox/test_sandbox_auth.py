"""API-token and OAuth authentication; the OAuth token endpoint with rotating refresh tokens."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from zendesk_talk_connector.sandbox import Sandbox

from ..conftest import Clock

AUTH_FAILED = {"error": "Couldn't authenticate you"}
INVALID_TOKEN = {
    "error": "invalid_token",
    "description": "The access token provided is expired, revoked, malformed or invalid for "
    "other reasons.",
}


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def _get(sb: Sandbox, authorization: str | None) -> httpx.Response:
    headers = {"Authorization": authorization} if authorization else {}
    return httpx.get(f"{sb.api_url}/phone_numbers/10001", headers=headers)


def _refresh(sb: Sandbox, refresh_token: str = "", **extra: Any) -> httpx.Response:
    body = {
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "client_id": sb.oauth_client_id,
        "client_secret": sb.oauth_client_secret,
        **extra,
    }
    return httpx.post(f"{sb.base_url}/oauth/tokens", json=body)


def test_api_token_and_bearer_are_accepted(sandbox: Sandbox) -> None:
    assert _get(sandbox, _basic(f"{sandbox.email}/token", sandbox.api_token)).status_code == 200
    assert _get(sandbox, f"Bearer {sandbox.access_token}").status_code == 200


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Basic not-base64!!",
        "Digest abc",
        "basic",
    ],
)
def test_missing_or_malformed_credentials(sandbox: Sandbox, authorization: str | None) -> None:
    response = _get(sandbox, authorization)
    assert response.status_code == 401
    assert response.json() == AUTH_FAILED


def test_wrong_api_token_credentials(sandbox: Sandbox) -> None:
    for user, password in [
        (f"{sandbox.email}/token", "wrong"),
        ("someone@else.example/token", sandbox.api_token),
        (sandbox.email, sandbox.api_token),  # password-style user without /token
    ]:
        response = _get(sandbox, _basic(user, password))
        assert response.status_code == 401
        assert response.json() == AUTH_FAILED


def test_unknown_bearer_token(sandbox: Sandbox) -> None:
    response = _get(sandbox, "Bearer not-a-token")
    assert response.status_code == 401
    assert response.json() == INVALID_TOKEN
    assert "invalid_token" in response.headers["www-authenticate"]


def test_refresh_rotates_and_rejects_reuse(sandbox: Sandbox) -> None:
    pair = sandbox.issue_oauth_tokens(expires_in=3600)
    assert _get(sandbox, f"Bearer {pair['access_token']}").status_code == 200

    response = _refresh(sandbox, pair["refresh_token"], expires_in=7200)
    assert response.status_code == 201
    fresh = response.json()
    assert fresh["token_type"] == "bearer"
    assert fresh["scope"] == "read write"
    assert fresh["expires_in"] == 7200
    assert fresh["refresh_token_expires_in"] == 2_592_000
    assert fresh["refresh_token"] != pair["refresh_token"]
    assert fresh["access_token"] != pair["access_token"]
    assert _get(sandbox, f"Bearer {fresh['access_token']}").status_code == 200

    reused = _refresh(sandbox, pair["refresh_token"])
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    assert "error_description" in reused.json()

    again = _refresh(sandbox, fresh["refresh_token"])
    assert again.status_code == 201
    assert again.json()["expires_in"] is None  # no expires_in sent, default TTL is None


def test_refresh_accepts_form_encoding(sandbox: Sandbox) -> None:
    pair = sandbox.issue_oauth_tokens()
    response = httpx.post(
        f"{sandbox.base_url}/oauth/tokens",
        data={
            "grant_type": "refresh_token",
            "refresh_token": pair["refresh_token"],
            "client_id": sandbox.oauth_client_id,
            "client_secret": sandbox.oauth_client_secret,
            "expires_in": "600",
        },
    )
    assert response.status_code == 201
    assert response.json()["expires_in"] == 600


@pytest.mark.parametrize(
    ("extra", "status", "error"),
    [
        ({"expires_in": 299}, 400, "invalid_request"),
        ({"expires_in": 172_801}, 400, "invalid_request"),
        ({"expires_in": "soon"}, 400, "invalid_request"),
        ({"refresh_token_expires_in": 100}, 400, "invalid_request"),
        ({"client_secret": "wrong"}, 401, "invalid_client"),
        ({"client_id": "other"}, 401, "invalid_client"),
        ({"grant_type": "password"}, 400, "unsupported_grant_type"),
        ({"grant_type": ""}, 400, "invalid_request"),
        ({"refresh_token": ""}, 400, "invalid_request"),
        ({"refresh_token": "unknown"}, 400, "invalid_grant"),
    ],
)
def test_token_endpoint_errors(
    sandbox: Sandbox, extra: dict[str, Any], status: int, error: str
) -> None:
    extra = {"refresh_token": sandbox.issue_oauth_tokens()["refresh_token"], **extra}
    response = _refresh(sandbox, **extra)
    assert response.status_code == status
    assert response.json()["error"] == error


def test_token_endpoint_is_logged(sandbox: Sandbox) -> None:
    sandbox.requests.clear()
    _refresh(sandbox, "unknown")
    [record] = sandbox.requests.snapshot()
    assert (record.method, record.path, record.status) == ("POST", "/oauth/tokens", 400)


def test_expire_access_tokens_then_refresh() -> None:
    with Sandbox(seed=1, now=1_732_894_200) as sb:
        pair = sb.issue_oauth_tokens(expires_in=None)
        assert _get(sb, f"Bearer {sb.access_token}").status_code == 200
        sb.expire_access_tokens()
        for token in (sb.access_token, pair["access_token"]):
            expired = _get(sb, f"Bearer {token}")
            assert expired.status_code == 401
            assert expired.json() == INVALID_TOKEN
        # API tokens are unaffected; refresh tokens still work and yield valid access tokens.
        assert _get(sb, _basic(f"{sb.email}/token", sb.api_token)).status_code == 200
        fresh = _refresh(sb, sb.refresh_token).json()
        assert _get(sb, f"Bearer {fresh['access_token']}").status_code == 200


def test_access_tokens_expire_with_time(clock: Clock) -> None:
    with Sandbox(seed=1, now=1_732_894_200, clock=clock) as sb:
        pair = sb.issue_oauth_tokens(expires_in=1.5)
        assert pair["expires_in"] == 1  # whole seconds, as Zendesk writes them
        assert _get(sb, f"Bearer {pair['access_token']}").status_code == 200
        clock.now += 1
        assert _get(sb, f"Bearer {pair['access_token']}").status_code == 200
        clock.now += 0.5  # expired at 1.5 s on the dot
        assert _get(sb, f"Bearer {pair['access_token']}").json() == INVALID_TOKEN


def test_default_access_token_ttl_applies_to_refreshes() -> None:
    with Sandbox(seed=1, now=1_732_894_200, oauth_access_token_ttl=900) as sb:
        body = _refresh(sb, sb.refresh_token).json()
        assert body["expires_in"] == 900
        assert _get(sb, f"Bearer {body['access_token']}").status_code == 200

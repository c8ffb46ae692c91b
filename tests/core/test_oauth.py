"""OAuth: refresh on 401 and on known expiry, rotation, a single refresh under concurrency."""

from __future__ import annotations

import asyncio
import threading

import pytest

from zendesk_talk_connector import (
    AuthenticationError,
    SyncZendeskTalkConnector,
    ZendeskTalkConnector,
    ZendeskTalkOauth20AuthConfig,
)
from zendesk_talk_connector.sandbox import Sandbox


def oauth_config(sb: Sandbox, **overrides) -> ZendeskTalkOauth20AuthConfig:
    tokens = sb.issue_oauth_tokens(expires_in=3600)
    values = {
        "access_token": tokens["access_token"],
        "refresh_token": tokens["refresh_token"],
        "client_id": sb.oauth_client_id,
        "client_secret": sb.oauth_client_secret,
    } | overrides
    return ZendeskTalkOauth20AuthConfig(**values)


def token_requests(sb: Sandbox) -> int:
    return sum(1 for r in sb.requests if r.path == "/oauth/tokens")


async def test_expired_token_is_refreshed_once_and_rotation_is_reported(sandbox):
    received: list[ZendeskTalkOauth20AuthConfig] = []
    config = oauth_config(sandbox)
    async with ZendeskTalkConnector(
        config, base_url=sandbox.base_url, on_token_refresh=received.append
    ) as connector:
        assert (await connector.execute("addresses", "list")).data
        sandbox.expire_access_tokens()
        assert (await connector.execute("addresses", "list")).data
        assert token_requests(sandbox) == 1
        assert len(received) == 1
        new = received[0]
        assert new.access_token.get_secret_value() != config.access_token.get_secret_value()
        assert new.refresh_token.get_secret_value() != config.refresh_token.get_secret_value()
        # The rotated refresh token is used next time.
        sandbox.expire_access_tokens()
        assert (await connector.execute("addresses", "list")).data
        assert len(received) == 2
        assert received[1].refresh_token != new.refresh_token


async def test_twenty_concurrent_calls_cause_one_refresh(sandbox):
    async with ZendeskTalkConnector(oauth_config(sandbox), base_url=sandbox.base_url) as connector:
        await connector.execute("addresses", "list")  # warm the pool
        sandbox.expire_access_tokens()
        sandbox.requests.clear()
        results = await asyncio.gather(
            *(connector.execute("greetings", "list", {"limit": 5}) for _ in range(20))
        )
    assert all(r.data for r in results)
    assert token_requests(sandbox) == 1


def test_sync_threads_share_one_refresh(sandbox):
    connector = SyncZendeskTalkConnector(oauth_config(sandbox), base_url=sandbox.base_url)
    connector.execute("addresses", "list")
    sandbox.expire_access_tokens()
    sandbox.requests.clear()
    errors: list[BaseException] = []

    def call() -> None:
        try:
            connector.execute("lines", "list", {"limit": 3})
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    connector.close()
    assert errors == []
    assert token_requests(sandbox) == 1


async def test_known_expiry_refreshes_before_the_request(sandbox):
    now = 2_000_000_000.0
    config = oauth_config(sandbox, expires_at=now + 30)  # inside the refresh margin
    async with ZendeskTalkConnector(
        config, base_url=sandbox.base_url, clock=lambda: now
    ) as connector:
        sandbox.requests.clear()
        await connector.execute("addresses", "list")
    statuses = [(r.path, r.status) for r in sandbox.requests]
    assert statuses[0][0] == "/oauth/tokens"
    assert all(status < 400 for _, status in statuses)


async def test_a_used_up_refresh_token_is_a_clear_authentication_error(sandbox):
    config = oauth_config(sandbox)
    async with ZendeskTalkConnector(config, base_url=sandbox.base_url) as first:
        sandbox.expire_access_tokens()
        await first.execute("addresses", "list")  # rotates the refresh token
    sandbox.expire_access_tokens()
    async with ZendeskTalkConnector(config, base_url=sandbox.base_url) as stale:
        with pytest.raises(AuthenticationError) as info:
            await stale.execute("addresses", "list")
    assert "rotate" in str(info.value)
    assert config.refresh_token.get_secret_value() not in str(info.value)


async def test_without_refresh_token_a_401_is_reported(sandbox):
    config = ZendeskTalkOauth20AuthConfig(access_token="not-a-valid-token")
    async with ZendeskTalkConnector(config, base_url=sandbox.base_url) as connector:
        with pytest.raises(AuthenticationError, match="401"):
            await connector.execute("addresses", "list")
    assert token_requests(sandbox) == 0

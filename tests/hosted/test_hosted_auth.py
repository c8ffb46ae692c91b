"""The Airbyte application token: cached, renewed before expiry or on a 401, once under load."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from zendesk_talk_connector import (
    AuthenticationError,
    ConfigurationError,
    SyncZendeskTalkConnector,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.hosted import TOKEN_PATH

LOOKUP = "/api/v1/integrations/connectors"


def token_requests(sb) -> int:
    return sum(1 for r in sb.requests if r.path == TOKEN_PATH)


def test_token_is_fetched_once_and_cached(sandbox, hosted, requested):
    hosted.execute("agents_overview", "list")
    hosted.execute("phone_numbers", "list", {"limit": 2})
    hosted.execute("account_overview", "list")
    assert requested(sandbox)[:2] == [TOKEN_PATH, LOOKUP]
    assert token_requests(sandbox) == 1
    assert requested(sandbox, "GET") == [LOOKUP]  # the connector lookup is cached too


def test_token_is_renewed_shortly_before_expires_in_runs_out(sandbox, config, clock):
    sandbox.airbyte.token_ttl = 600  # renewal a tenth of the lifetime (60 s) early
    with SyncZendeskTalkConnector(
        config(sandbox), airbyte_api_url=sandbox.base_url, clock=clock
    ) as connector:
        connector.execute("agents_overview", "list")
        assert connector._engine.credentials.expires_at == clock.now + 600
        clock.now += 539
        connector.execute("agents_overview", "list")
        assert token_requests(sandbox) == 1
        clock.now += 2  # 59 s left: inside the renewal window
        connector.execute("agents_overview", "list")
        assert token_requests(sandbox) == 2
        assert connector._engine.credentials.expires_at == clock.now + 600
        connector.execute("agents_overview", "list")
        assert token_requests(sandbox) == 2


def test_short_lifetime_uses_a_proportional_margin(sandbox, config, clock):
    sandbox.airbyte.token_ttl = 10  # renewal 1 s early, not a fixed minute (always expiring)
    with SyncZendeskTalkConnector(
        config(sandbox), airbyte_api_url=sandbox.base_url, clock=clock
    ) as connector:
        connector.execute("agents_overview", "list")
        clock.now += 8.5
        connector.execute("agents_overview", "list")
        assert token_requests(sandbox) == 1
        clock.now += 1
        connector.execute("agents_overview", "list")
        assert token_requests(sandbox) == 2


def test_a_401_renews_the_token_once_and_retries(sandbox, hosted):
    hosted.execute("agents_overview", "list")
    sandbox.airbyte.expire_tokens()  # the server stops honouring it before the client knows
    result = hosted.execute("agents_overview", "list")
    assert result.data
    statuses = [(r.path.rsplit("/", 1)[-1], r.status) for r in sandbox.requests][2:]
    assert statuses == [("execute", 200), ("execute", 401), ("token", 200), ("execute", 200)]


async def test_one_renewal_under_twenty_concurrent_calls(sandbox, config, requested, clock):
    async with ZendeskTalkConnector(
        config(sandbox), airbyte_api_url=sandbox.base_url, clock=clock
    ) as connector:
        results = await asyncio.gather(
            *(connector.execute("phone_numbers", "list", {"limit": 1}) for _ in range(20))
        )
        assert all(r.data for r in results)
        assert token_requests(sandbox) == 1
        assert requested(sandbox, "GET") == [LOOKUP]  # one lookup too
        clock.now += 3600  # the token expired for everyone
        await asyncio.gather(*(connector.execute("agents_overview", "list") for _ in range(20)))
        assert token_requests(sandbox) == 2
        assert requested(sandbox, "GET") == [LOOKUP]


def test_one_renewal_under_twenty_threads(sandbox, config):
    with (
        SyncZendeskTalkConnector(config(sandbox), airbyte_api_url=sandbox.base_url) as connector,
        ThreadPoolExecutor(20) as pool,
    ):
        results = list(pool.map(lambda _: connector.execute("agents_overview", "list"), range(20)))
    assert len(results) == 20
    assert token_requests(sandbox) == 1


def test_async_and_sync_twins_share_the_token(sandbox, hosted):
    hosted.execute("agents_overview", "list")

    async def use_the_async_twin() -> None:
        async with hosted.to_async() as twin:
            await twin.execute("agents_overview", "list")

    asyncio.run(use_the_async_twin())
    assert token_requests(sandbox) == 1


def test_organization_id_is_sent_on_every_call(sandbox, config):
    with SyncZendeskTalkConnector(
        config(sandbox, organization_id="org-42"), airbyte_api_url=sandbox.base_url
    ) as connector:
        connector.execute("phone_numbers", "list", {"limit": 1})
        connector.execute("agents_overview", "list")
    assert len(sandbox.airbyte.organization_ids) == 4  # token, lookup, 2 x execute
    assert set(sandbox.airbyte.organization_ids) == {"org-42"}


def test_no_organization_header_without_organization_id(sandbox, hosted):
    hosted.execute("agents_overview", "list")
    assert sandbox.airbyte.organization_ids == [None, None, None]


def test_wrong_client_secret_is_an_authentication_error_without_the_secret(sandbox, config):
    secret = "wrong-SUPER-SECRET-value"
    connector = SyncZendeskTalkConnector(
        config(sandbox, airbyte_client_secret=secret), airbyte_api_url=sandbox.base_url
    )
    with connector, pytest.raises(AuthenticationError) as info:
        connector.execute("agents_overview", "list")
    error = info.value
    assert error.status == 401
    assert "airbyte_client_id" in error.hint
    for text in (str(error), repr(error), str(error.to_dict()), repr(connector)):
        assert secret not in text
    assert secret not in repr(connector.__dict__)
    assert secret not in repr(connector._engine.credentials)
    assert sandbox.airbyte_client_secret not in repr(connector._engine)


def test_secrets_absent_from_reprs_after_use(sandbox, hosted):
    hosted.execute("agents_overview", "list")
    token = hosted._engine.credentials.authorization.removeprefix("Bearer ")
    for text in (repr(hosted), repr(hosted.__dict__), repr(hosted._engine)):
        assert sandbox.airbyte_client_secret not in text
        assert token not in text


def test_construction_makes_no_request_and_checks_the_config(sandbox, config):
    SyncZendeskTalkConnector(config(sandbox), airbyte_api_url=sandbox.base_url).close()
    assert len(sandbox.requests) == 0
    with pytest.raises(ConfigurationError, match="airbyte_api_url"):
        SyncZendeskTalkConnector(config(sandbox), base_url=sandbox.base_url)
    with pytest.raises(ConfigurationError, match="not a valid http"):
        SyncZendeskTalkConnector(config(sandbox), airbyte_api_url="ftp://example.com")


def test_airbyte_api_url_from_argument_env_or_default(sandbox, config, monkeypatch):
    monkeypatch.delenv("AIRBYTE_API_URL", raising=False)
    assert SyncZendeskTalkConnector(config(sandbox)).base_url == "https://api.airbyte.ai"
    monkeypatch.setenv("AIRBYTE_API_URL", sandbox.base_url + "/")
    with SyncZendeskTalkConnector(config(sandbox)) as from_env:
        assert from_env.base_url == sandbox.base_url
        assert from_env.execute("agents_overview", "list").data
    explicit = SyncZendeskTalkConnector(config(sandbox), airbyte_api_url="https://other.example")
    assert explicit.base_url == "https://other.example"
    assert "auth='airbyte'" in repr(explicit)

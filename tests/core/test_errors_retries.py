"""Every error status mapped; Retry-After honoured exactly; network failures retried."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime

import pytest

from zendesk_talk_connector import (
    APIStatusError,
    AuthenticationError,
    InvalidParams,
    NotFound,
    PermissionDenied,
    RateLimited,
    RetryPolicy,
    ServerError,
    SyncZendeskTalkConnector,
    TransportError,
    WriteNotAllowed,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
)


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, InvalidParams),
        (401, AuthenticationError),
        (403, PermissionDenied),
        (404, NotFound),
        (409, APIStatusError),
        (422, InvalidParams),
        (429, RateLimited),
        (500, ServerError),
        (503, ServerError),
    ],
)
async def test_each_status_maps_to_its_error(status, error_class, aconnector, sandbox, sleeps):
    sandbox.faults.fail_next(10, status=status)
    with pytest.raises(error_class) as info:
        await aconnector.execute("addresses", "list")
    error = info.value
    assert error.status == status
    assert error.hint
    assert "addresses/list" in error.message
    retried = status in (429, 500, 503)
    assert len(sleeps) == (3 if retried else 0)


async def test_retry_after_seconds_are_honoured_exactly(aconnector, sandbox, sleeps):
    sandbox.faults.fail_next(2, status=429, retry_after="3")
    result = await aconnector.execute("addresses", "list")
    assert result.data
    assert sleeps == [3.0, 3.0]


def test_retry_after_http_date_is_honoured(sandbox, sleeps):
    now = 1_900_000_000.0
    when = format_datetime(datetime.fromtimestamp(now + 7, tz=timezone.utc), usegmt=True)
    sandbox.faults.fail_next(1, status=503, retry_after=when)
    with SyncZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token),
        base_url=sandbox.base_url,
        sleep=sleeps.sync_sleep,
        clock=lambda: now,
    ) as connector:
        assert connector.execute("greetings", "list").data
    assert sleeps == [7.0]


async def test_retry_after_beyond_the_budget_fails_fast_with_the_wait(sandbox, sleeps):
    sandbox.faults.fail_next(1, status=429, retry_after="600")
    connector = ZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token),
        base_url=sandbox.base_url,
        sleep=sleeps.async_sleep,
        retry=RetryPolicy(max_total_wait=60),
    )
    with pytest.raises(RateLimited) as info:
        await connector.execute("calls", "list", {"start_time": 0})
    await connector.close()
    assert info.value.retry_after == 600
    assert "Wait 600 seconds" in str(info.value)
    assert sleeps == []


async def test_backoff_without_retry_after(aconnector, sandbox, sleeps):
    sandbox.faults.fail_next(2, status=502)
    assert (await aconnector.execute("addresses", "list")).data
    assert sleeps == [0.375, 0.75]  # base 0.5 doubling, jitter fixed at 0.5 -> 75%


def test_dropped_connections_are_retried(connector, sandbox, sleeps):
    sandbox.faults.drop_next(2)
    assert connector.execute("lines", "list", {"limit": 5}).data
    assert len(sleeps) == 2


async def test_network_failure_after_retries_is_a_transport_error(aconnector, sandbox):
    sandbox.faults.drop_next(10)
    with pytest.raises(TransportError, match="after 4 attempt"):
        await aconnector.execute("lines", "list")


async def test_unreachable_host_is_a_transport_error(sleeps):
    connector = ZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email="a@b.c", api_token="t"),
        base_url="http://127.0.0.1:9",
        sleep=sleeps.async_sleep,
    )
    with pytest.raises(TransportError) as info:
        await connector.execute("lines", "list")
    await connector.close()
    assert info.value.hint


async def test_wrong_credentials_are_an_authentication_error(sandbox):
    async with ZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token="wrong"),
        base_url=sandbox.base_url,
    ) as connector:
        with pytest.raises(AuthenticationError, match="HTTP 401"):
            await connector.execute("lines", "list")
        check = await connector.check()
    assert check.status == "unhealthy"
    assert "401" in check.error


async def test_writes_need_allow_writes(sandbox):
    auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
    agent_id = sandbox.data.agents[1]["id"]
    async with ZendeskTalkConnector(auth, base_url=sandbox.base_url) as read_only:
        with pytest.raises(WriteNotAllowed, match="allow_writes=True"):
            await read_only.execute("availabilities", "update", {"agent_id": agent_id})
        assert "update" not in read_only.list_entities()[9]["actions"]
    async with ZendeskTalkConnector(auth, base_url=sandbox.base_url, allow_writes=True) as writer:
        updated = await writer.availabilities.update(agent_id=agent_id, agent_state="away")
        assert updated.agent_state == "away"
        assert (await writer.availabilities.get(agent_id=agent_id)).agent_state == "away"

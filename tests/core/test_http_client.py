"""Requests are built by the connector's httpx client, so that client's defaults apply."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from zendesk_talk_connector import (
    SyncZendeskTalkConnector,
    TransportError,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
    ZendeskTalkOauth20AuthConfig,
)
from zendesk_talk_connector._engine import USER_AGENT
from zendesk_talk_connector.sandbox import Sandbox

from ..conftest import RETRY, Sleeps, api_token
from .test_oauth import oauth_config

PROXY_HEADER = {"X-Proxy-Token": "corp-proxy"}


class Sent(list[httpx.Request]):
    """The requests as they left the client (an httpx request event hook)."""

    def hook(self, request: httpx.Request) -> None:
        self.append(request)

    async def ahook(self, request: httpx.Request) -> None:
        self.append(request)


def assert_client_defaults_and_ours(request: httpx.Request) -> None:
    assert request.headers["X-Proxy-Token"] == "corp-proxy"  # the user's client's header
    # httpx's default, so Zendesk may compress a page (1 MB of export JSON)
    assert "gzip" in request.headers["Accept-Encoding"]
    assert request.headers["User-Agent"] == USER_AGENT  # ours win over the client's
    assert request.headers["Accept"] == "application/json"


@asynccontextmanager
async def connector_over_proxy_client(
    sandbox: Sandbox, auth: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig
) -> AsyncIterator[tuple[ZendeskTalkConnector, Sent]]:
    """An async connector on a client with a proxy header, and the requests it sends."""
    sent = Sent()
    client = httpx.AsyncClient(headers=PROXY_HEADER, event_hooks={"request": [sent.ahook]})
    async with (
        client,
        ZendeskTalkConnector(auth, base_url=sandbox.base_url, http_client=client) as connector,
    ):
        yield connector, sent


async def test_async_requests_carry_the_clients_headers(sandbox: Sandbox) -> None:
    async with connector_over_proxy_client(sandbox, api_token(sandbox)) as (connector, sent):
        result = await connector.execute("addresses", "list", {"limit": 2})
    assert len(result.data) == 2
    [request] = sent
    assert_client_defaults_and_ours(request)
    assert request.headers["Authorization"].startswith("Basic ")
    assert request.url.params["per_page"] == "2"


def test_sync_requests_carry_the_clients_headers(sandbox: Sandbox) -> None:
    sent = Sent()
    client = httpx.Client(headers=PROXY_HEADER, event_hooks={"request": [sent.hook]})
    with (
        client,
        SyncZendeskTalkConnector(
            api_token(sandbox), base_url=sandbox.base_url, http_client=client
        ) as connector,
    ):
        calls = list(connector.calls.iter(start_time=0, limit=3))
    assert len(calls) == 3
    [request] = sent
    assert_client_defaults_and_ours(request)
    assert request.url.path.endswith("/stats/incremental/calls")


async def test_the_token_refresh_goes_through_the_client_too(sandbox: Sandbox) -> None:
    async with connector_over_proxy_client(sandbox, oauth_config(sandbox)) as (connector, sent):
        await connector.execute("addresses", "list")
        sandbox.expire_access_tokens()
        assert (await connector.execute("addresses", "list")).data
    refreshes = [r for r in sent if r.url.path == "/oauth/tokens"]
    assert [r.method for r in refreshes] == ["POST"]
    assert_client_defaults_and_ours(refreshes[0])
    assert "Authorization" not in refreshes[0].headers


def test_requests_keep_the_connectors_timeout(sandbox: Sandbox, sleeps: Sleeps) -> None:
    sandbox.faults.latency = 0.5  # each answer waits longer than the connector will
    with (
        SyncZendeskTalkConnector(
            api_token(sandbox),
            base_url=sandbox.base_url,
            timeout=0.05,
            sleep=sleeps.sync_sleep,
            retry=RETRY,
        ) as connector,
        pytest.raises(TransportError),
    ):
        connector.execute("addresses", "list")
    assert len(sleeps) == RETRY.max_attempts - 1  # every attempt timed out

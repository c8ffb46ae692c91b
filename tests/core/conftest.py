"""Fixtures: one sandbox per session, connectors (async and sync) with recorded sleeps."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from zendesk_talk_connector import (
    RetryPolicy,
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.sandbox import Sandbox

NOW = 1_732_894_200  # 2024-11-29T15:30:00Z


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=3, now=NOW) as sb:
        yield sb


@pytest.fixture(autouse=True)
def _clean_sandbox(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "sandbox" in request.fixturenames:
        sb: Sandbox = request.getfixturevalue("sandbox")
        sb.faults.clear()
        sb.requests.clear()


class Sleeps(list[float]):
    """Records requested sleeps instead of sleeping, so retry tests are instant."""

    async def async_sleep(self, seconds: float) -> None:
        self.append(seconds)

    def sync_sleep(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def api_token(sb: Sandbox) -> ZendeskTalkApiTokenAuthConfig:
    return ZendeskTalkApiTokenAuthConfig(email=sb.email, api_token=sb.api_token)


RETRY = RetryPolicy(max_attempts=4, max_total_wait=30, jitter=lambda: 0.5)


@pytest.fixture
async def aconnector(sandbox: Sandbox, sleeps: Sleeps) -> AsyncIterator[ZendeskTalkConnector]:
    async with ZendeskTalkConnector(
        api_token(sandbox), base_url=sandbox.base_url, sleep=sleeps.async_sleep, retry=RETRY
    ) as connector:
        yield connector


@pytest.fixture
def connector(sandbox: Sandbox, sleeps: Sleeps) -> Iterator[SyncZendeskTalkConnector]:
    with SyncZendeskTalkConnector(
        api_token(sandbox), base_url=sandbox.base_url, sleep=sleeps.sync_sleep, retry=RETRY
    ) as connector:
        yield connector

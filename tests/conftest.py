"""Fixtures for every test under ``tests/``: one sandbox per session, connectors on it whose
retries sleep on a recorded fake, and a fake clock."""

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

NOW = 1_732_894_200  # Friday 2024-11-29 15:30:00 UTC: "today" holds a share of the week's calls
RETRY = RetryPolicy(max_attempts=4, max_total_wait=30, jitter=lambda: 0.5)
"""Four attempts with fixed jitter, so tests can count retries and their waits."""


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=5, now=NOW) as sb:
        yield sb


@pytest.fixture(autouse=True)
def _clean_sandbox(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used the sandbox: what it changed is undone (the data aside)."""
    yield
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").reset()


class Sleeps(list[float]):
    """Records requested sleeps instead of sleeping, so retry tests are instant."""

    async def async_sleep(self, seconds: float) -> None:
        self.append(seconds)

    def sync_sleep(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


class Clock:
    """An injected clock the test moves forward (``clock.now += 60``)."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def api_token(sb: Sandbox) -> ZendeskTalkApiTokenAuthConfig:
    return ZendeskTalkApiTokenAuthConfig(email=sb.email, api_token=sb.api_token)


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

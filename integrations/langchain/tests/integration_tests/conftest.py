"""Fixtures: one sandbox for the session (fixed ``now``), connectors and toolkits over it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from langchain_zendesk_talk import ZendeskTalkToolkit

from zendesk_talk_connector import (
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.sandbox import Sandbox

# Friday 2024-11-29 15:30:00 UTC: "today" holds a good share of the week's calls.
NOW = 1_732_894_200


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=11, now=NOW) as sb:
        yield sb


def auth(sb: Sandbox) -> ZendeskTalkApiTokenAuthConfig:
    return ZendeskTalkApiTokenAuthConfig(email=sb.email, api_token=sb.api_token)


@pytest.fixture
async def connector(sandbox: Sandbox) -> AsyncIterator[ZendeskTalkConnector]:
    async with ZendeskTalkConnector(auth(sandbox), base_url=sandbox.base_url) as c:
        yield c


@pytest.fixture
def sync_connector(sandbox: Sandbox) -> Iterator[SyncZendeskTalkConnector]:
    with SyncZendeskTalkConnector(auth(sandbox), base_url=sandbox.base_url) as c:
        yield c


@pytest.fixture
async def toolkit(connector: ZendeskTalkConnector) -> AsyncIterator[ZendeskTalkToolkit]:
    kit = ZendeskTalkToolkit(connector=connector)
    yield kit
    await kit.aclose()

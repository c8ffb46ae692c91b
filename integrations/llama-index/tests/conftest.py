"""Fixtures: one sandbox for the session (fixed ``now``) and tool specs over it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec

from zendesk_talk_connector import ZendeskTalkConnector
from zendesk_talk_connector.models import ZendeskTalkApiTokenAuthConfig
from zendesk_talk_connector.sandbox import Sandbox

# Friday 2024-11-29 15:30:00 UTC: "today" holds a good share of the week's calls.
NOW = 1_732_894_200


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=7, now=NOW) as sb:
        yield sb


@pytest.fixture
async def connector(sandbox: Sandbox) -> AsyncIterator[ZendeskTalkConnector]:
    auth = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
    async with ZendeskTalkConnector(auth, base_url=sandbox.base_url) as c:
        yield c


async def _closed(spec: ZendeskTalkToolSpec) -> None:
    # The runner makes a sync twin on first sync call; close it with the test's connector.
    twin = spec.runner.__dict__.get("sync_connector")
    if twin is not None:
        twin.close()


@pytest.fixture
async def spec(connector: ZendeskTalkConnector) -> AsyncIterator[ZendeskTalkToolSpec]:
    s = ZendeskTalkToolSpec(connector=connector)
    yield s
    await _closed(s)


@pytest.fixture
async def single_spec(connector: ZendeskTalkConnector) -> AsyncIterator[ZendeskTalkToolSpec]:
    s = ZendeskTalkToolSpec(connector=connector, single_tool=True)
    yield s
    await _closed(s)

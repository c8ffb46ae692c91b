"""Fixtures: hosted connectors on the session sandbox's fake Airbyte API, and local ones."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from zendesk_talk_connector import (
    AirbyteAuthConfig,
    SyncZendeskTalkConnector,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.sandbox import Sandbox

from ..conftest import RETRY, Sleeps


def airbyte_config(sb: Sandbox, **overrides: Any) -> AirbyteAuthConfig:
    """Credentials of the sandbox's fake Airbyte API (its seeded workspace by default)."""
    values: dict[str, Any] = {
        "workspace_name": sb.workspace_name,
        "airbyte_client_id": sb.airbyte_client_id,
        "airbyte_client_secret": sb.airbyte_client_secret,
        **overrides,
    }
    return AirbyteAuthConfig(**values)


@pytest.fixture
def config() -> Callable[..., AirbyteAuthConfig]:
    """``config(sb, **overrides)`` builds an AirbyteAuthConfig for the sandbox."""
    return airbyte_config


@pytest.fixture
def hosted(sandbox: Sandbox, sleeps: Sleeps) -> Iterator[SyncZendeskTalkConnector]:
    with SyncZendeskTalkConnector(
        airbyte_config(sandbox),
        airbyte_api_url=sandbox.base_url,
        sleep=sleeps.sync_sleep,
        retry=RETRY,
    ) as connector:
        yield connector


@pytest.fixture
async def ahosted(sandbox: Sandbox, sleeps: Sleeps) -> AsyncIterator[ZendeskTalkConnector]:
    async with ZendeskTalkConnector(
        airbyte_config(sandbox),
        airbyte_api_url=sandbox.base_url,
        sleep=sleeps.async_sleep,
        retry=RETRY,
    ) as connector:
        yield connector


@pytest.fixture
def local(connector: SyncZendeskTalkConnector) -> SyncZendeskTalkConnector:
    """A local-mode connector on the same Talk emulator, for comparisons."""
    return connector


@pytest.fixture
def app_token(sandbox: Sandbox) -> str:
    """An application token of the fake Airbyte API, for requests made by hand."""
    from zendesk_talk_connector.hosted import TOKEN_PATH

    body = {"client_id": sandbox.airbyte_client_id, "client_secret": sandbox.airbyte_client_secret}
    answer = httpx.post(sandbox.base_url + TOKEN_PATH, json=body)
    sandbox.requests.clear()
    return str(answer.json()["access_token"])


def paths(sb: Sandbox, method: str | None = None) -> list[str]:
    """Paths requested so far (optionally only one method's), in order."""
    return [r.path for r in sb.requests if method is None or r.method == method]


@pytest.fixture
def requested() -> Callable[..., list[str]]:
    """``requested(sb, method=None)``: the request paths logged by the sandbox."""
    return paths


@pytest.fixture
def op_params(sandbox: Sandbox) -> Callable[[str], dict[str, Any]]:
    """Params for each read operation (``entity/action``) over the seeded data."""
    d = sandbox.data
    ivr = next(i for i in d.ivrs if i["menus"] and i["menus"][0]["routes"])
    menu = ivr["menus"][0]
    route = menu["routes"][0]
    greeting = next(g for g in d.greetings if isinstance(g["id"], int))
    table: dict[str, dict[str, Any]] = {
        "phone_numbers/list": {"limit": 150},
        "phone_numbers/get": {"phone_number_id": d.phone_numbers[5]["id"]},
        "phone_numbers/search": {"country": "US", "toll_free": True},
        "lines/list": {"minimal_mode": True},
        "digital_lines/get": {"digital_line_id": d.digital_lines[0]["id"]},
        "addresses/list": {},
        "addresses/get": {"address_id": d.addresses[1]["id"]},
        "greetings/list": {},
        "greetings/get": {"greeting_id": greeting["id"]},
        "greeting_categories/list": {},
        "greeting_categories/get": {"greeting_category_id": d.greeting_categories[0]["id"]},
        "ivrs/list": {},
        "ivrs/get": {"ivr_id": ivr["id"]},
        "ivr_menus/list": {"ivr_id": ivr["id"]},
        "ivr_menus/get": {"ivr_id": ivr["id"], "menu_id": menu["id"]},
        "ivr_routes/list": {"ivr_id": ivr["id"], "menu_id": menu["id"]},
        "ivr_routes/get": {"ivr_id": ivr["id"], "menu_id": menu["id"], "route_id": route["id"]},
        "availabilities/get": {"agent_id": d.agents[0]["id"]},
        "agents_activity/list": {"group_ids": [d.groups[0]["id"]]},
        "agents_overview/list": {},
        "account_overview/list": {},
        "current_queue_activity/list": {},
        "calls/list": {"start_time": d.now - 2 * 86_400, "limit": 1500},
        "call_legs/list": {"start_time": d.now - 3600, "limit": 50},
    }
    return table.__getitem__

"""Hosted execution: the same connector, calls and tools, run through the Airbyte API.

Offline by default: it starts the sandbox, whose fake Airbyte API serves the hosted endpoints
over the emulated Talk data. Set ``AIRBYTE_CLIENT_ID``, ``AIRBYTE_CLIENT_SECRET`` and
``AIRBYTE_WORKSPACE_NAME`` (and optionally ``AIRBYTE_API_URL``) to run the read-only part
against your real Airbyte workspace instead.

    python cookbook/hosted_mode.py
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from datetime import datetime, timedelta, timezone

import httpx

from zendesk_talk_connector import (
    AirbyteAuthConfig,
    ZendeskTalkConnector,
    ZendeskTalkReplicationConfig,
)
from zendesk_talk_connector.models import ZendeskTalkApiTokenAuthConfig
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.tools import ToolRunner


async def use_a_hosted_connector(airbyte: AirbyteAuthConfig, api_url: str | None) -> None:
    """Exactly the calls of local mode; only the auth config differs."""
    async with ZendeskTalkConnector(airbyte, airbyte_api_url=api_url) as connector:
        numbers = await connector.execute("phone_numbers", "list", {"limit": 50})
        print(f"hosted connector {connector.connector_id}: {numbers.meta.returned} phone numbers")
        if numbers.meta.note:  # a hosted list is the API's first page; search pages further
            print(f"note: {numbers.meta.note}")
        first = await connector.phone_numbers.get(phone_number_id=numbers.data[0].id)
        print(f"first number: {first.display_number} (sms_enabled={first.sms_enabled})")

        since = datetime.now(timezone.utc) - timedelta(days=1)
        calls = [call async for call in connector.calls.iter(start_time=since)]
        print(f"calls updated in the last 24 hours: {len(calls)}")

        found = await connector.phone_numbers.context_store_search(
            query={"filter": {"eq": {"sms_enabled": True}}, "sort": [{"id": "asc"}]},
            limit=5,
            fields=["id", "number"],
        )
        print(f"context store: first SMS numbers {[n.number for n in found.data]}")

        runner = ToolRunner(connector)
        tool = next(t for t in runner.definitions() if t.name == "zendesk_talk_ivrs_list")
        result = await runner.acall(tool, {"fields": ["id", "name"]})
        print(f"tool {tool.name}: {len(json.loads(result.content)['rows'])} IVRs")


async def onboard_customers(sb: Sandbox) -> None:
    """Sandbox only: create a hosted connector, and run the OAuth consent flow."""
    airbyte = AirbyteAuthConfig(
        workspace_name="customer-42",
        airbyte_client_id=sb.airbyte_client_id,
        airbyte_client_secret=sb.airbyte_client_secret,
    )
    settings = ZendeskTalkReplicationConfig(subdomain="acme", start_date="2024-11-01")
    created = await ZendeskTalkConnector.create(
        airbyte_config=airbyte,
        auth_config=ZendeskTalkApiTokenAuthConfig(email=sb.email, api_token=sb.api_token),
        replication_config=settings,
        airbyte_api_url=sb.base_url,
    )
    async with created:
        overview = await created.agents_overview.list()
        calls = overview.data[0].total_calls_accepted
        print(f"created {created.connector_id}: {calls} calls accepted today")

    consent_url = await ZendeskTalkConnector.get_consent_url(
        airbyte_config=airbyte.model_copy(update={"workspace_name": "customer-43"}),
        redirect_url="https://app.example/zendesk/callback",
        replication_config=settings,
        airbyte_api_url=sb.base_url,
    )
    print(f"send the user to the consent URL ({consent_url.split('?')[0]}...)")
    async with httpx.AsyncClient() as browser:  # the user approves; Airbyte redirects back
        callback = (await browser.get(consent_url)).headers["Location"]
    connector_id = ZendeskTalkConnector.connector_id_from_callback(callback)
    hosted = AirbyteAuthConfig(
        connector_id=connector_id,
        airbyte_client_id=sb.airbyte_client_id,
        airbyte_client_secret=sb.airbyte_client_secret,
    )
    async with ZendeskTalkConnector(hosted, airbyte_api_url=sb.base_url) as connector:
        greetings = await connector.greetings.list(limit=3)
        print(f"OAuth connector {connector_id}: {len(greetings.data)} greetings listed")


async def main() -> None:
    real = all(
        os.environ.get(name)
        for name in ("AIRBYTE_CLIENT_ID", "AIRBYTE_CLIENT_SECRET", "AIRBYTE_WORKSPACE_NAME")
    )
    if real:
        airbyte = AirbyteAuthConfig(
            workspace_name=os.environ["AIRBYTE_WORKSPACE_NAME"],
            organization_id=os.environ.get("AIRBYTE_ORGANIZATION_ID"),
            airbyte_client_id=os.environ["AIRBYTE_CLIENT_ID"],
            airbyte_client_secret=os.environ["AIRBYTE_CLIENT_SECRET"],
        )
        await use_a_hosted_connector(airbyte, None)  # AIRBYTE_API_URL or the public API
        return
    with contextlib.ExitStack() as stack:
        sb = stack.enter_context(Sandbox(seed=0))
        print(f"Sandbox Airbyte API at {sb.base_url} (workspace {sb.workspace_name!r})")
        airbyte = AirbyteAuthConfig(
            workspace_name=sb.workspace_name,
            airbyte_client_id=sb.airbyte_client_id,
            airbyte_client_secret=sb.airbyte_client_secret,
        )
        await use_a_hosted_connector(airbyte, sb.base_url)
        await onboard_customers(sb)


if __name__ == "__main__":
    asyncio.run(main())

"""create() and the server-side OAuth consent flow, end to end against the fake Airbyte API."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from zendesk_talk_connector import (
    ConfigurationError,
    InvalidParams,
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.errors import ConnectorLookupError
from zendesk_talk_connector.hosted import (
    OAUTH_INITIATE_PATH,
    ZendeskTalkReplicationConfig,
    connector_id_from_callback,
)

CREATE = "/api/v1/integrations/connectors"
REDIRECT = "https://app.example/oauth/callback"


def zendesk(sb):
    return ZendeskTalkApiTokenAuthConfig(email=sb.email, api_token=sb.api_token)


async def test_create_stores_credentials_and_returns_a_bound_connector(sandbox, config):
    connector = await ZendeskTalkConnector.create(
        airbyte_config=config(sandbox, workspace_name="new-customer"),
        auth_config=zendesk(sandbox),
        replication_config=ZendeskTalkReplicationConfig(
            subdomain="acme.zendesk.com", start_date="2024-11-01"
        ),
        airbyte_api_url=sandbox.base_url,
    )
    async with connector:
        assert connector.connector_id in sandbox.airbyte.connectors
        numbers = await connector.execute("phone_numbers", "list", {"limit": 2})
        assert [n.id for n in numbers.data] == [p["id"] for p in sandbox.data.phone_numbers[:2]]
    stored = sandbox.airbyte.connectors[connector.connector_id]
    assert stored.workspace_name == "new-customer"
    assert stored.replication_config == {"subdomain": "acme", "start_date": "2024-11-01T00:00:00Z"}
    assert stored.credentials["api_token"] == sandbox.api_token
    create = next(r for r in sandbox.requests if r.method == "POST" and r.path == CREATE)
    body = json.loads(create.body)
    assert (body["customer_name"], body["connector_type"]) == ("new-customer", "Zendesk-Talk")
    assert body["credentials"] == {"email": sandbox.email, "api_token": sandbox.api_token}
    assert body["name"] == "zendesk-talk - new-customer"
    assert [r.method for r in sandbox.requests if r.path == CREATE] == ["POST"]  # no lookup


def test_sync_create_then_lookup_finds_it(sandbox, config):
    with SyncZendeskTalkConnector.create(
        airbyte_config=config(sandbox, workspace_name="sync-customer"),
        auth_config=zendesk(sandbox),
        replication_config={"subdomain": "acme", "start_date": 1_730_419_200},
        name="Acme voice",
        airbyte_api_url=sandbox.base_url,
    ) as created:
        assert sandbox.airbyte.connectors[created.connector_id].name == "Acme voice"
    with SyncZendeskTalkConnector(
        config(sandbox, workspace_name="sync-customer"), airbyte_api_url=sandbox.base_url
    ) as found:
        assert found.execute("agents_overview", "list").data
        assert found.connector_id == created.connector_id


@pytest.mark.parametrize(
    ("replication", "message"),
    [
        ({"subdomain": "acme"}, "missing required param 'start_date'"),
        ({"subdomain": "not a subdomain", "start_date": "2024-11-01"}, "Invalid Zendesk subdomain"),
        ({"subdomain": "acme", "start_date": "yesterday"}, "is not a time"),
    ],
)
def test_create_checks_the_replication_config_first(sandbox, config, replication, message):
    with pytest.raises(InvalidParams, match=message):
        SyncZendeskTalkConnector.create(
            airbyte_config=config(sandbox, workspace_name="x"),
            auth_config=zendesk(sandbox),
            replication_config=replication,
            airbyte_api_url=sandbox.base_url,
        )
    assert not [r for r in sandbox.requests if r.path == CREATE]


def test_create_needs_a_workspace_and_no_connector_id(sandbox, config):
    with pytest.raises(ConfigurationError, match="leave connector_id out"):
        SyncZendeskTalkConnector.create(
            airbyte_config=config(sandbox, connector_id="abc"),
            auth_config=zendesk(sandbox),
            replication_config={"subdomain": "acme", "start_date": "2024-11-01"},
            airbyte_api_url=sandbox.base_url,
        )
    with pytest.raises(ConfigurationError, match="workspace name is needed"):
        SyncZendeskTalkConnector.create(
            airbyte_config=config(sandbox, workspace_name=None, connector_id="abc"),
            auth_config=zendesk(sandbox),
            replication_config={"subdomain": "acme", "start_date": "2024-11-01"},
            airbyte_api_url=sandbox.base_url,
        )
    assert len(sandbox.requests) == 0


async def test_oauth_consent_round_trip(sandbox, config):
    consent_url = await ZendeskTalkConnector.get_consent_url(
        airbyte_config=config(sandbox, workspace_name="oauth-customer"),
        redirect_url=REDIRECT,
        replication_config={"subdomain": "acme", "start_date": "2024-11-01"},
        airbyte_api_url=sandbox.base_url,
    )
    assert parse_qs(urlsplit(consent_url).query)["subdomain"] == ["acme"]
    # the user approves in the browser; Airbyte redirects back to the app's callback
    with httpx.Client() as browser:
        answer = browser.get(consent_url, follow_redirects=False)
    assert answer.status_code == 302
    callback = answer.headers["Location"]
    assert callback.startswith(REDIRECT + "?connector_id=")
    connector_id = ZendeskTalkConnector.connector_id_from_callback(callback)
    stored = sandbox.airbyte.connectors[connector_id]
    assert stored.credentials["auth_type"] == "oauth2.0"
    assert stored.replication_config["subdomain"] == "acme"
    async with ZendeskTalkConnector(
        config(sandbox, workspace_name=None, connector_id=connector_id),
        airbyte_api_url=sandbox.base_url,
    ) as connector:
        greetings = await connector.greetings.list(limit=3)
        assert len(greetings.data) == 3


def test_sync_consent_url_and_a_denied_consent(sandbox, config):
    consent_url = SyncZendeskTalkConnector.get_consent_url(
        airbyte_config=config(sandbox, workspace_name="denied"),
        redirect_url=REDIRECT + "?app_state=7",
        replication_config=ZendeskTalkReplicationConfig(subdomain="acme", start_date="2024-11-01"),
        airbyte_api_url=sandbox.base_url,
    )
    with httpx.Client() as browser:
        callback = browser.get(consent_url + "&deny=1").headers["Location"]
    assert callback.startswith(REDIRECT + "?app_state=7&error=access_denied")
    with pytest.raises(ConnectorLookupError, match="did not complete: access_denied"):
        connector_id_from_callback(callback)


def test_consent_url_checks_the_redirect_url(sandbox, config):
    with pytest.raises(ConfigurationError, match="redirect_url"):
        SyncZendeskTalkConnector.get_consent_url(
            airbyte_config=config(sandbox),
            redirect_url="/relative/callback",
            replication_config={"subdomain": "acme", "start_date": "2024-11-01"},
            airbyte_api_url=sandbox.base_url,
        )


@pytest.mark.parametrize(
    "url",
    [
        "https://app.example/cb",
        "https://app.example/cb?connector_id=",
        "https://app.example/cb?connector_id=a&connector_id=b",
    ],
)
def test_callback_parser_needs_exactly_one_connector_id(url):
    with pytest.raises(ConnectorLookupError, match="no single connector_id"):
        connector_id_from_callback(url)


def test_callback_parser_returns_the_id():
    assert (
        connector_id_from_callback("https://app.example/cb?x=1&connector_id=abc-123") == "abc-123"
    )


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (CREATE, {"connector_type": "Zendesk-Talk", "name": "n", "credentials": {}}),
        (CREATE, {"customer_name": "acme", "name": "n", "credentials": {}}),
        (OAUTH_INITIATE_PATH, {"connector_type": "Zendesk-Talk", "redirect_url": REDIRECT}),
        (OAUTH_INITIATE_PATH, {"customer_name": "acme", "redirect_url": REDIRECT}),
    ],
)
def test_the_fake_refuses_a_create_or_initiate_without_customer_and_type(
    sandbox, app_token, path, body
):
    with httpx.Client(base_url=sandbox.base_url) as raw:
        answer = raw.post(path, json=body, headers={"Authorization": f"Bearer {app_token}"})
    assert answer.status_code == 422
    assert isinstance(answer.json()["detail"], str)

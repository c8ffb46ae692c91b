"""No surprises: secrets never shown, nothing done at import or construction."""

from __future__ import annotations

import subprocess
import sys

import pytest

from zendesk_talk_connector import (
    AirbyteAuthConfig,
    AuthenticationError,
    ConfigurationError,
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
    ZendeskTalkOauth20AuthConfig,
)
from zendesk_talk_connector._auth import credentials_for

SECRET = "tok-SUPER-SECRET-123"


def test_secrets_never_appear_in_repr_or_str():
    configs = [
        ZendeskTalkApiTokenAuthConfig(email="a@b.c", api_token=SECRET),
        ZendeskTalkOauth20AuthConfig(
            access_token=SECRET, refresh_token=SECRET, client_id="cid", client_secret=SECRET
        ),
        AirbyteAuthConfig(workspace_name="w", airbyte_client_id="id", airbyte_client_secret=SECRET),
    ]
    for config in configs:
        assert SECRET not in repr(config)
        assert SECRET not in str(config)
    for config in configs[:2]:
        connector = ZendeskTalkConnector(config, {"subdomain": "acme"})
        assert SECRET not in repr(connector)
        assert SECRET not in repr(connector.__dict__)
        assert SECRET not in repr(credentials_for(config, None))


def test_secrets_absent_from_error_text(sandbox):
    config = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=SECRET)
    connector = SyncZendeskTalkConnector(config, base_url=sandbox.base_url)
    with pytest.raises(AuthenticationError) as info:
        connector.execute("lines", "list")
    connector.close()
    error = info.value
    for text in (str(error), repr(error), repr(error.to_dict()), repr(error.details)):
        assert SECRET not in text


@pytest.mark.parametrize(
    "subdomain", ["evil.com/", "acme.evil.com", "a b", "acme@evil.com", "-acme", "", "acme:80"]
)
def test_subdomain_is_validated_against_host_injection(subdomain):
    with pytest.raises(ConfigurationError, match="subdomain"):
        ZendeskTalkConnector(
            ZendeskTalkApiTokenAuthConfig(email="a@b.c", api_token="t"), {"subdomain": subdomain}
        )


def test_subdomain_forms():
    auth = ZendeskTalkApiTokenAuthConfig(email="a@b.c", api_token="t")
    assert ZendeskTalkConnector(auth, subdomain="Acme").base_url == "https://acme.zendesk.com"
    assert (
        ZendeskTalkConnector(auth, {"subdomain": "acme.zendesk.com"}).base_url
        == "https://acme.zendesk.com"
    )


@pytest.mark.parametrize("base_url", ["ftp://x", "http://user:pw@host", "https://h/?q=1", "nohost"])
def test_base_url_is_validated(base_url):
    with pytest.raises(ConfigurationError, match="base_url"):
        ZendeskTalkConnector(
            ZendeskTalkApiTokenAuthConfig(email="a@b.c", api_token="t"), base_url=base_url
        )


def test_config_errors_say_what_to_do():
    with pytest.raises(ConfigurationError, match="auth_config"):
        ZendeskTalkConnector(None, {"subdomain": "acme"})
    with pytest.raises(ConfigurationError, match="subdomain"):
        ZendeskTalkConnector(ZendeskTalkApiTokenAuthConfig(email="a@b.c", api_token="t"))
    with pytest.raises(ConfigurationError, match="Unknown config keys: subdomian"):
        ZendeskTalkConnector(
            ZendeskTalkApiTokenAuthConfig(email="a@b.c", api_token="t"), {"subdomian": "x"}
        )


def test_import_and_construction_do_nothing():
    code = (
        "import sys, socket, threading\n"
        "calls = []\n"
        "socket.socket.connect = lambda *a, **k: calls.append('connect')\n"
        "import zendesk_talk_connector as z\n"
        "c = z.ZendeskTalkConnector(z.ZendeskTalkApiTokenAuthConfig(email='a@b.c', "
        "api_token='t'), {'subdomain': 'acme'})\n"
        "s = c.to_sync()\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('langchain_core', 'llama_index', 'mcp')\n"
        "         or m.startswith('zendesk_talk_connector.sandbox')]\n"
        "print(calls, heavy, threading.active_count(), c._client, s._client)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[] [] 1 None None"


def test_retries_are_logged_without_secrets(sandbox, caplog, sleeps):
    import logging

    config = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token)
    sandbox.faults.fail_next(1, status=429, retry_after="1")
    with caplog.at_level(logging.DEBUG, logger="zendesk_talk_connector"):
        connector = SyncZendeskTalkConnector(
            config, base_url=sandbox.base_url, sleep=sleeps.sync_sleep
        )
        connector.execute("lines", "list", {"limit": 2})
        connector.close()
    assert (
        "retrying GET /api/v2/channels/voice/lines in 1.00s "
        "(attempt 1 failed: rate limited (HTTP 429))" in caplog.text
    )
    assert sandbox.api_token not in caplog.text

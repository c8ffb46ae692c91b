"""Finding the hosted connector: by workspace and definition id, once; clear errors otherwise."""

from __future__ import annotations

import pytest

from zendesk_talk_connector import ConfigurationError, NotFound, SyncZendeskTalkConnector
from zendesk_talk_connector.errors import ConnectorLookupError

LOOKUP = "/api/v1/integrations/connectors"


def connect(sb, config, **overrides):
    return SyncZendeskTalkConnector(config(sb, **overrides), airbyte_api_url=sb.base_url)


def test_lookup_happens_once_and_is_cached(sandbox, hosted, requested):
    assert hosted.connector_id is None
    for _ in range(3):
        hosted.execute("agents_overview", "list")
    assert requested(sandbox, "GET") == [LOOKUP]
    assert hosted.connector_id == sandbox.airbyte.default_connector_id


def test_no_connector_in_the_workspace(sandbox, config):
    with connect(sandbox, config, workspace_name="nobody-here") as connector:
        with pytest.raises(ConnectorLookupError) as info:
            connector.execute("agents_overview", "list")
        # the next call looks again (a connector may have been created meanwhile)
        with pytest.raises(ConnectorLookupError):
            connector.execute("agents_overview", "list")
    error = info.value
    assert isinstance(error, ConfigurationError)
    assert "No hosted Zendesk Talk connector in workspace 'nobody-here'" in str(error)
    assert "create(" in error.hint and "connector_id=" in error.hint
    assert [r.path for r in sandbox.requests if r.method == "GET"] == [LOOKUP, LOOKUP]


def test_several_connectors_in_the_workspace(sandbox, config):
    first = sandbox.airbyte.add_connector("two-of-them")
    second = sandbox.airbyte.add_connector("two-of-them")
    with (
        connect(sandbox, config, workspace_name="two-of-them") as connector,
        pytest.raises(ConnectorLookupError) as info,
    ):
        connector.execute("agents_overview", "list")
    assert "2 hosted Zendesk Talk connectors" in str(info.value)
    assert first in str(info.value) and second in str(info.value)
    assert "connector_id=" in info.value.hint
    with connect(sandbox, config, workspace_name="two-of-them", connector_id=second) as chosen:
        assert chosen.execute("agents_overview", "list").data


def test_connectors_of_other_definitions_do_not_count(sandbox, config):
    sandbox.airbyte.add_connector("mixed", definition_id="79c1aa37-dae3-42ae-b333-d1c105477715")
    talk = sandbox.airbyte.add_connector("mixed")
    with connect(sandbox, config, workspace_name="mixed") as connector:
        connector.execute("agents_overview", "list")
        assert connector.connector_id == talk


def test_connector_id_skips_the_lookup(sandbox, config, requested):
    with connect(
        sandbox, config, workspace_name=None, connector_id=sandbox.airbyte.default_connector_id
    ) as connector:
        assert connector.connector_id == sandbox.airbyte.default_connector_id
        assert connector.execute("phone_numbers", "list", {"limit": 2}).data
    assert LOOKUP not in requested(sandbox, "GET")
    assert requested(sandbox)[0] == "/api/v1/account/applications/token"


def test_customer_name_is_the_older_name_of_workspace_name(sandbox, config, requested):
    with connect(sandbox, config, workspace_name=None, customer_name=sandbox.workspace_name) as c:
        assert c.execute("agents_overview", "list").data
        assert c.connector_id == sandbox.airbyte.default_connector_id


def test_unknown_connector_id_is_not_found(sandbox, config):
    with (
        connect(sandbox, config, connector_id="does-not-exist") as connector,
        pytest.raises(NotFound) as info,
    ):
        connector.execute("agents_overview", "list")
    assert "does-not-exist" in str(info.value)


def test_organization_scopes_the_lookup(sandbox, config):
    mine = sandbox.airbyte.add_connector("shared-name", organization_id="org-a")
    sandbox.airbyte.add_connector("shared-name", organization_id="org-b")
    with connect(
        sandbox, config, workspace_name="shared-name", organization_id="org-a"
    ) as connector:
        connector.execute("agents_overview", "list")
        assert connector.connector_id == mine

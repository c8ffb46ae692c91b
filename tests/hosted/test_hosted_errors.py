"""Errors map to the same hierarchy as local mode; retries follow the same policy."""

from __future__ import annotations

import json

import pytest

from zendesk_talk_connector import (
    AuthenticationError,
    InvalidParams,
    NotFound,
    RateLimited,
    ServerError,
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
)
from zendesk_talk_connector.errors import HostedModeRequired
from zendesk_talk_connector.hosted import ZendeskTalkReplicationConfig

EXECUTE = "/execute"


def executes(sb):
    return [r for r in sb.requests if r.path.endswith(EXECUTE)]


def test_not_found_keeps_the_zendesk_error_and_a_hint(sandbox, hosted):
    with pytest.raises(NotFound) as info:
        hosted.execute("phone_numbers", "get", {"phone_number_id": 987_654})
    error = info.value
    assert error.status == 404
    assert "RecordNotFound" in error.description
    assert "phone_numbers/get failed with HTTP 404" in str(error)
    assert "list phone_numbers" in error.hint


def test_a_422_with_a_detail_list_is_invalid_params(sandbox, hosted):
    hosted.execute("agents_overview", "list")  # token and lookup done
    detail = [{"loc": ["params", "start_time"], "msg": "start_time is required"}]
    sandbox.faults.fail_next(1, status=422, body={"detail": detail})
    with pytest.raises(InvalidParams, match="start_time is required") as info:
        hosted.execute("calls", "list", {"start_time": 1})
    assert info.value.status == 422


def test_rate_limits_are_retried_after_retry_after(sandbox, hosted, sleeps):
    hosted.execute("agents_overview", "list")  # token and lookup done
    sandbox.faults.fail_next(2, status=429, retry_after="2")
    assert hosted.execute("phone_numbers", "list", {"limit": 3}).data
    assert sleeps == [2.0, 2.0]
    assert [r.status for r in executes(sandbox)] == [200, 429, 429, 200]


def test_server_errors_are_retried_for_reads_although_execute_is_a_post(sandbox, hosted, sleeps):
    hosted.execute("agents_overview", "list")
    sandbox.faults.fail_next(2, status=503)
    assert hosted.execute("agents_overview", "list").data
    assert len(sleeps) == 2
    assert [r.status for r in executes(sandbox)] == [200, 503, 503, 200]


def test_dropped_connections_are_retried(sandbox, hosted, sleeps):
    hosted.execute("agents_overview", "list")
    sandbox.faults.drop_next(1)
    assert hosted.execute("agents_overview", "list").data
    assert len(sleeps) == 1


def test_retries_run_out_with_the_same_errors_as_local_mode(sandbox, hosted, sleeps):
    hosted.execute("agents_overview", "list")
    sandbox.faults.fail_next(10, status=429, retry_after="1")
    with pytest.raises(RateLimited) as info:
        hosted.execute("agents_overview", "list")
    assert info.value.retry_after == 1.0
    assert len(sleeps) == 3  # RETRY allows 4 attempts
    sandbox.faults.clear()
    sandbox.faults.fail_next(10, status=500)
    with pytest.raises(ServerError):
        hosted.execute("agents_overview", "list")


def test_a_retry_after_beyond_the_budget_fails_at_once(sandbox, hosted, sleeps):
    hosted.execute("agents_overview", "list")
    sandbox.faults.fail_next(1, status=429, retry_after="3600")
    with pytest.raises(RateLimited) as info:
        hosted.execute("agents_overview", "list")
    assert info.value.retry_after == 3600.0
    assert sleeps == []


def test_the_token_endpoint_is_retried_too(sandbox, hosted, sleeps, requested):
    sandbox.faults.fail_next(1, status=503)
    sandbox.faults.fail_next(1, status=429, retry_after="1")
    assert hosted.execute("agents_overview", "list").data
    token = "/api/v1/account/applications/token"
    assert [r.status for r in sandbox.requests if r.path == token] == [503, 429, 200]
    assert sleeps[-1] == 1.0


def test_refused_zendesk_credentials_of_a_hosted_connector(sandbox, config):
    bad = ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token="not-the-token")
    with SyncZendeskTalkConnector.create(
        airbyte_config=config(sandbox, workspace_name="bad-credentials"),
        auth_config=bad,
        replication_config=ZendeskTalkReplicationConfig(subdomain="acme", start_date="2024-11-01"),
        airbyte_api_url=sandbox.base_url,
    ) as connector:
        with pytest.raises(AuthenticationError) as info:
            connector.execute("agents_overview", "list")
        checked = connector.check()
    assert "hosted connector's Zendesk credentials" in info.value.hint
    assert "not-the-token" not in str(info.value)
    assert checked.status == "unhealthy" and checked.checked == "*/check"
    assert checked.error and "not-the-token" not in checked.error


def test_context_store_search_needs_hosted_mode(sandbox, local):
    with pytest.raises(HostedModeRequired, match="needs hosted mode") as info:
        local.execute("phone_numbers", "context_store_search", {"query": {}})
    assert "AirbyteAuthConfig" in info.value.hint
    with pytest.raises(HostedModeRequired):
        local.greetings.context_store_search(query={"filter": {"eq": {"active": True}}})
    assert len(sandbox.requests) == 0


def test_execute_request_body_is_entity_action_params(sandbox, hosted):
    hosted.execute("calls", "list", {"start_time": "2024-11-29", "limit": 5})
    body = json.loads(executes(sandbox)[0].body)
    assert body == {
        "entity": "calls",
        "action": "list",
        "params": {"start_time": 1_732_838_400},
    }

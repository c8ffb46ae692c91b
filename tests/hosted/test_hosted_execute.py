"""Hosted execute: every read operation gives what local mode gives, over the Airbyte API."""

from __future__ import annotations

import json

import pytest

from zendesk_talk_connector import (
    InvalidParams,
    UnknownOperation,
    WriteNotAllowed,
    ZendeskTalkExecuteResult,
)
from zendesk_talk_connector.catalog import OPERATIONS, Paging, Source
from zendesk_talk_connector.hosted import ZENDESK_TALK_DEFINITION_ID

READ_OPERATIONS = [op for op in OPERATIONS if not op.write and op.source is Source.API]
EXECUTE = "/execute"


def execute_bodies(sb):
    return [json.loads(r.body) for r in sb.requests if r.path.endswith(EXECUTE)]


@pytest.mark.parametrize("op", READ_OPERATIONS, ids=lambda op: f"{op.entity}/{op.action}")
def test_every_read_operation_matches_local_mode(sandbox, hosted, local, op_params, op):
    params = op_params(f"{op.entity}/{op.action}")
    remote = hosted.execute(op.entity, op.action, params)
    # the Talk API was called in process only: the client spoke to the Airbyte API alone
    assert all(r.path.startswith("/api/v1/") for r in sandbox.requests)
    first = execute_bodies(sandbox)[0]
    assert (first["entity"], first["action"]) == (op.entity, op.action)
    here = local.execute(op.entity, op.action, params)
    assert type(remote) is type(here)
    if op.paging is Paging.RECORD:
        assert isinstance(remote, op.record)
        assert remote == here
    else:
        assert isinstance(remote, ZendeskTalkExecuteResult)
        assert remote.data, "the operation returned records"
        assert all(isinstance(record, op.record) for record in remote.data)
        assert remote.data == here.data
        for name in ("returned", "has_more", "count", "end_time"):
            assert getattr(remote.meta, name) == getattr(here.meta, name), name
        assert (remote.meta.next_cursor is None) == (here.meta.next_cursor is None)


async def test_async_execute_namespaces_and_check(sandbox, ahosted):
    numbers = await ahosted.phone_numbers.list(limit=3)
    assert [n.id for n in numbers.data] == [p["id"] for p in sandbox.data.phone_numbers[:3]]
    one = await ahosted.phone_numbers.get(phone_number_id=numbers.data[1].id)
    assert one.number == sandbox.data.phone_numbers[1]["number"]
    assert (await ahosted.check()).status == "healthy"
    assert ahosted.connector_id == sandbox.airbyte.default_connector_id


def test_limit_then_cursor_continues_exactly(sandbox, hosted):
    first = hosted.execute("phone_numbers", "list", {"limit": 150})
    assert first.meta.has_more and first.meta.count == 300
    second = hosted.execute(
        "phone_numbers", "list", {"limit": 200, "cursor": first.meta.next_cursor}
    )
    assert not second.meta.has_more and second.meta.next_cursor is None
    ids = [n.id for n in first.data + second.data]
    assert ids == [p["id"] for p in sandbox.data.phone_numbers]


def test_cursor_at_resumes_in_the_middle_of_a_page(sandbox, hosted):
    result = hosted.execute("phone_numbers", "list", {"limit": 150})
    again = hosted.execute("phone_numbers", "list", {"limit": 5, "cursor": result.cursor_at(137)})
    assert [n.id for n in again.data] == [n.id for n in result.data[137:142]]
    assert result.cursor_at(150) == result.meta.next_cursor


def test_iter_pages_with_the_returned_cursor(sandbox, hosted):
    start = sandbox.data.now - 3 * 86_400
    expected = [c["id"] for c in sandbox.data.calls if c["updated_at"] >= _iso(start)]
    ids = [call.id for call in hosted.calls.iter(start_time=start)]
    assert ids == expected
    bodies = execute_bodies(sandbox)
    assert len(bodies) == -(-len(expected) // 1000) + (len(expected) % 1000 == 0)
    assert "cursor" not in bodies[0]["params"]
    assert all(b["params"]["cursor"] for b in bodies[1:])
    assert all(b["params"]["limit"] == 1000 for b in bodies)


def test_export_limit_cut_mid_page_resumes_without_loss_or_duplicates(sandbox, hosted):
    start = sandbox.data.now - 86_400
    whole = [c.id for c in hosted.calls.iter(start_time=start)]
    first = hosted.execute("calls", "list", {"start_time": start, "limit": 333})
    rest = hosted.execute(
        "calls", "list", {"start_time": start, "limit": 100_000, "cursor": first.meta.next_cursor}
    )
    assert [c.id for c in first.data + rest.data] == whole
    assert rest.meta.end_time is not None


def test_params_are_validated_before_any_request(sandbox, hosted):
    with pytest.raises(InvalidParams, match="did you mean 'limit'"):
        hosted.execute("phone_numbers", "list", {"limt": 5})
    with pytest.raises(UnknownOperation, match="Valid entities"):
        hosted.execute("phone_nmbers", "list", {})
    with pytest.raises(WriteNotAllowed):
        hosted.execute("availabilities", "update", {"agent_id": 1, "agent_state": "away"})
    with pytest.raises(InvalidParams, match="same mode, local or hosted"):
        hosted.execute("phone_numbers", "list", {"cursor": _local_cursor()})
    assert len(sandbox.requests) == 0


def test_writes_run_hosted_when_enabled(sandbox, config):
    from zendesk_talk_connector import SyncZendeskTalkConnector

    agent_id = sandbox.data.agents[3]["id"]
    before = dict(sandbox.data.availabilities[agent_id])
    with SyncZendeskTalkConnector(
        config(sandbox), airbyte_api_url=sandbox.base_url, allow_writes=True
    ) as connector:
        try:
            updated = connector.availabilities.update(agent_id=agent_id, agent_state="away")
            assert updated.agent_state == "away"
            assert sandbox.data.availabilities[agent_id]["agent_state"] == "away"
        finally:
            sandbox.data.availabilities[agent_id] = before


def test_lookup_uses_the_zendesk_talk_definition_id(sandbox, hosted):
    hosted.execute("agents_overview", "list")
    lookup = next(r for r in sandbox.requests if r.method == "GET")
    assert lookup.query == {
        "workspace_name": [sandbox.workspace_name],
        "definition_id": [ZENDESK_TALK_DEFINITION_ID],
    }
    assert ZENDESK_TALK_DEFINITION_ID == "c8630570-086d-4a40-99ae-ea5b18673071"


def _iso(epoch: int) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _local_cursor() -> str:
    from zendesk_talk_connector.catalog import lookup
    from zendesk_talk_connector.paging import encode_cursor

    return encode_cursor(lookup("phone_numbers", "list"), {"u": "http://x/y", "s": 0})

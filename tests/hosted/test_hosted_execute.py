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


HOSTED_READS = [
    op for op in READ_OPERATIONS if (op.entity, op.action) != ("phone_numbers", "search")
]
FILTERS = ("group_ids", "minimal_mode")
"""Params of ours the platform does not take (refused in hosted mode, tested below)."""


def hosted_params(op_params, op):
    params = op_params(f"{op.entity}/{op.action}")
    return {name: value for name, value in params.items() if name not in FILTERS}


@pytest.mark.parametrize("op", HOSTED_READS, ids=lambda op: f"{op.entity}/{op.action}")
def test_every_read_operation_matches_local_mode(sandbox, hosted, local, op_params, op):
    params = hosted_params(op_params, op)
    remote = hosted.execute(op.entity, op.action, params)
    # the Talk API was called in process only: the client spoke to the Airbyte API alone
    assert all(r.path.startswith("/api/v1/") for r in sandbox.requests)
    first = execute_bodies(sandbox)[0]
    assert (first["entity"], first["action"]) == (op.entity, op.action)
    assert set(first["params"]) <= {*op.path_params, "start_time"}
    if op.paging is Paging.RECORD:
        here = local.execute(op.entity, op.action, params)
        assert isinstance(remote, op.record)
        assert remote == here
        return
    assert isinstance(remote, ZendeskTalkExecuteResult)
    assert remote.data, "the operation returned records"
    assert all(isinstance(record, op.record) for record in remote.data)
    if op.paging is Paging.INCREMENTAL:  # walked to the end, as locally
        here = local.execute(op.entity, op.action, params)
        assert remote.data == here.data
        for name in ("returned", "has_more", "end_time"):
            assert getattr(remote.meta, name) == getattr(here.meta, name), name
        assert (remote.meta.next_cursor is None) == (here.meta.next_cursor is None)
        return
    # the API's first page (100 records at most), cut to the limit
    first_page = {**params, "limit": 100} if "limit" in op.param_names else params
    here = local.execute(op.entity, op.action, first_page)
    assert remote.data == here.data[: params.get("limit")]


def test_a_list_beyond_its_first_page_says_how_to_get_the_rest(sandbox, hosted):
    result = hosted.execute("phone_numbers", "list", {"limit": 150})
    assert [n.id for n in result.data] == [p["id"] for p in sandbox.data.phone_numbers[:100]]
    assert result.meta.has_more and result.meta.next_cursor is None
    assert result.meta.next_page and "context_store_search" in result.meta.note
    assert execute_bodies(sandbox)[0]["params"] == {}


@pytest.mark.parametrize(
    ("entity", "action", "params", "name"),
    [
        ("agents_activity", "list", {"group_ids": [1]}, "group_ids"),
        ("lines", "list", {"minimal_mode": True}, "minimal_mode"),
        ("phone_numbers", "search", {"country": "US"}, "country"),
    ],
)
def test_params_the_platform_does_not_take_are_refused(
    sandbox, hosted, entity, action, params, name
):
    with pytest.raises(InvalidParams, match=f"'{name}' in hosted mode"):
        hosted.execute(entity, action, params)
    assert len(sandbox.requests) == 0


async def test_async_execute_namespaces_and_check(sandbox, ahosted):
    numbers = await ahosted.phone_numbers.list(limit=3)
    assert [n.id for n in numbers.data] == [p["id"] for p in sandbox.data.phone_numbers[:3]]
    one = await ahosted.phone_numbers.get(phone_number_id=numbers.data[1].id)
    assert one.number == sandbox.data.phone_numbers[1]["number"]
    assert (await ahosted.check()).status == "healthy"
    assert ahosted.connector_id == sandbox.airbyte.default_connector_id


def test_limit_then_cursor_continues_within_the_first_page(sandbox, hosted):
    first = hosted.execute("phone_numbers", "list", {"limit": 30})
    assert first.meta.has_more and first.meta.next_cursor
    second = hosted.execute(
        "phone_numbers", "list", {"limit": 30, "cursor": first.meta.next_cursor}
    )
    ids = [n.id for n in first.data + second.data]
    assert ids == [p["id"] for p in sandbox.data.phone_numbers[:60]]
    again = hosted.execute("phone_numbers", "list", {"limit": 5, "cursor": first.cursor_at(17)})
    assert [n.id for n in again.data] == [n.id for n in first.data[17:22]]


def test_iter_walks_a_whole_calls_export_by_start_time(sandbox, hosted):
    start = sandbox.data.now - 3 * 86_400
    expected = [c["id"] for c in sandbox.data.calls if c["updated_at"] >= _iso(start)]
    assert len(expected) > 1000, "the export spans several pages"
    ids = [call.id for call in hosted.calls.iter(start_time=start)]
    assert ids == expected
    bodies = execute_bodies(sandbox)
    assert len(bodies) == -(-len(expected) // 1000) + (len(expected) % 1000 == 0)
    assert bodies[0]["params"] == {"start_time": start}
    starts = [b["params"]["start_time"] for b in bodies]
    assert all(set(b["params"]) == {"start_time"} for b in bodies)
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


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
    from zendesk_talk_connector._paging import encode_cursor
    from zendesk_talk_connector.catalog import lookup

    return encode_cursor(lookup("phone_numbers", "list"), {"u": "http://x/y", "s": 0})


def test_the_fake_refuses_params_the_platform_does_not_take(sandbox, app_token):
    import httpx

    from zendesk_talk_connector.hosted import CONNECTORS_PATH

    execute = f"{CONNECTORS_PATH}/{sandbox.airbyte.default_connector_id}/execute"
    with httpx.Client(base_url=sandbox.base_url) as raw:
        headers = {"Authorization": f"Bearer {app_token}"}
        body = {"entity": "phone_numbers", "action": "list", "params": {"limit": 5}}
        refused = raw.post(execute, json=body, headers=headers)
        body["params"] = {}
        answered = raw.post(execute, json=body, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["params", "limit"]
    assert answered.status_code == 200
    assert set(answered.json()) == {"status", "result", "connector_metadata", "execution_metadata"}

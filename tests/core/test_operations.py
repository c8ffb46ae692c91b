"""Every read operation of the catalog, async and sync, against the sandbox."""

from __future__ import annotations

from typing import Any

import pytest

from zendesk_talk_connector import InvalidParams, NotFound, ZendeskTalkExecuteResult
from zendesk_talk_connector.catalog import OPERATIONS, Paging, Source
from zendesk_talk_connector.sandbox import Sandbox

READ_OPERATIONS = [op for op in OPERATIONS if not op.write and op.source is Source.API]


def params_for(name: str, sb: Sandbox) -> tuple[dict[str, Any], Any]:
    """Params for an operation, and the id (or key) the answer must carry."""
    d = sb.data
    ivr = next(i for i in d.ivrs if i["menus"] and i["menus"][0]["routes"])
    menu = ivr["menus"][0]
    route = menu["routes"][0]
    custom_greeting = next(g for g in d.greetings if isinstance(g["id"], int))
    agent_id = d.agents[0]["id"]
    table: dict[str, tuple[dict[str, Any], Any]] = {
        "phone_numbers/list": ({}, None),
        "phone_numbers/get": (
            {"phone_number_id": d.phone_numbers[5]["id"]},
            d.phone_numbers[5]["id"],
        ),
        "phone_numbers/search": ({"country": "US", "toll_free": True}, None),
        "lines/list": ({"minimal_mode": True}, None),
        "digital_lines/get": (
            {"digital_line_id": d.digital_lines[0]["id"]},
            d.digital_lines[0]["id"],
        ),
        "addresses/list": ({}, None),
        "addresses/get": ({"address_id": d.addresses[1]["id"]}, d.addresses[1]["id"]),
        "greetings/list": ({}, None),
        "greetings/get": ({"greeting_id": custom_greeting["id"]}, custom_greeting["id"]),
        "greeting_categories/list": ({}, None),
        "greeting_categories/get": (
            {"greeting_category_id": d.greeting_categories[0]["id"]},
            d.greeting_categories[0]["id"],
        ),
        "ivrs/list": ({}, None),
        "ivrs/get": ({"ivr_id": ivr["id"]}, ivr["id"]),
        "ivr_menus/list": ({"ivr_id": ivr["id"]}, None),
        "ivr_menus/get": ({"ivr_id": ivr["id"], "menu_id": menu["id"]}, menu["id"]),
        "ivr_routes/list": ({"ivr_id": ivr["id"], "menu_id": menu["id"]}, None),
        "ivr_routes/get": (
            {"ivr_id": ivr["id"], "menu_id": menu["id"], "route_id": route["id"]},
            route["id"],
        ),
        "availabilities/get": ({"agent_id": agent_id}, None),
        "agents_activity/list": ({}, None),
        "agents_overview/list": ({}, None),
        "account_overview/list": ({}, None),
        "current_queue_activity/list": ({}, None),
        "calls/list": ({"start_time": d.now - 3600, "limit": 50}, None),
        "call_legs/list": ({"start_time": d.now - 3600, "limit": 50}, None),
    }
    return table[name]


def check(op: Any, result: Any, expected_id: Any) -> None:
    if op.paging is Paging.RECORD:
        assert isinstance(result, op.record)
        if expected_id is not None:
            assert result.id == expected_id
        assert result.model_dump(exclude_none=True), "record has data"
    else:
        assert isinstance(result, ZendeskTalkExecuteResult)
        assert result.data, f"{op.entity}/{op.action} returned records"
        assert all(isinstance(r, op.record) for r in result.data)
        assert result.meta.returned == len(result.data)
        if op.paging is Paging.SNAPSHOT:
            assert len(result.data) == 1


def test_every_read_operation_is_covered(sandbox):
    for op in READ_OPERATIONS:
        params_for(f"{op.entity}/{op.action}", sandbox)  # KeyError if one is missing


@pytest.mark.parametrize("op", READ_OPERATIONS, ids=lambda op: f"{op.entity}-{op.action}")
async def test_async(op, aconnector, sandbox):
    params, expected_id = params_for(f"{op.entity}/{op.action}", sandbox)
    check(op, await aconnector.execute(op.entity, op.action, params), expected_id)


@pytest.mark.parametrize("op", READ_OPERATIONS, ids=lambda op: f"{op.entity}-{op.action}")
def test_sync(op, connector, sandbox):
    params, expected_id = params_for(f"{op.entity}/{op.action}", sandbox)
    check(op, connector.execute(op.entity, op.action, params), expected_id)


async def test_typed_namespaces(aconnector, sandbox):
    number = sandbox.data.phone_numbers[0]
    got = await aconnector.phone_numbers.get(phone_number_id=number["id"])
    assert got.number == number["number"]
    listed = await aconnector.phone_numbers.list(limit=7)
    assert [n.id for n in listed.data] == [n["id"] for n in sandbox.data.phone_numbers[:7]]
    with pytest.raises(AttributeError, match="entities"):
        _ = aconnector.phone_numberz


def test_sync_namespace_iter(connector, sandbox):
    ids = [a.id for a in connector.addresses.iter()]
    assert ids == [a["id"] for a in sandbox.data.addresses]


def test_iter_validates_params_as_execute_does(connector):
    listed = connector.execute("phone_numbers", "list", {"limit": "5"})
    iterated = list(connector.phone_numbers.iter(limit="5"))
    assert [n.id for n in iterated] == [n.id for n in listed.data]
    assert len(iterated) == 5
    with pytest.raises(InvalidParams, match="did you mean 'limit'"):
        list(connector.iter("phone_numbers", "list", {"limt": 5}))
    with pytest.raises(TypeError, match="limt"):  # the typed namespace's own signature
        connector.phone_numbers.iter(limt=5)


async def test_async_iter_validates_params_as_execute_does(aconnector):
    iterated = [n.id async for n in aconnector.phone_numbers.iter(limit="3")]
    assert len(iterated) == 3
    with pytest.raises(InvalidParams, match="greater than or equal to 1"):
        [n async for n in aconnector.phone_numbers.iter(limit=0)]


async def test_values_match_the_sandbox(aconnector, sandbox):
    ivr = sandbox.data.ivrs[0]
    got = await aconnector.ivrs.get(ivr_id=ivr["id"])
    assert [m.id for m in got.menus] == [m["id"] for m in ivr["menus"]]
    assert [r.keypress for r in got.menus[0].routes] == [
        r["keypress"] for r in ivr["menus"][0]["routes"]
    ]
    availability = await aconnector.availabilities.get(agent_id=sandbox.data.agents[3]["id"])
    assert (
        availability.agent_state
        == sandbox.data.availabilities[sandbox.data.agents[3]["id"]]["agent_state"]
    )


async def test_greeting_with_a_system_name_id(aconnector, sandbox):
    system = next(g for g in sandbox.data.greetings if isinstance(g["id"], str))
    got = await aconnector.greetings.get(greeting_id=system["id"])
    assert got.id == system["id"]


async def test_not_found_says_how_to_find_ids(aconnector):
    with pytest.raises(NotFound) as info:
        await aconnector.addresses.get(address_id=999_999_999)
    assert info.value.status == 404
    assert "list addresses" in str(info.value)

"""Every catalog operation is routed, answers with its response key, and serves the data."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from zendesk_talk_connector.catalog import API_PREFIX, OPERATIONS, Operation, Paging, Source
from zendesk_talk_connector.sandbox import Sandbox


def _path_values(sb: Sandbox, op: Operation) -> dict[str, Any]:
    ivr = sb.data.ivrs[0]
    menu = ivr["menus"][0]
    return {
        "phone_number_id": sb.data.phone_numbers[0]["id"],
        "digital_line_id": sb.data.digital_lines[0]["id"],
        "address_id": sb.data.addresses[0]["id"],
        "greeting_id": sb.data.greetings[-1]["id"],
        "greeting_category_id": sb.data.greeting_categories[0]["id"],
        "ivr_id": ivr["id"],
        "menu_id": menu["id"],
        "route_id": menu["routes"][0]["id"],
        "agent_id": sb.data.agents[0]["id"],
    }


def _query(op: Operation) -> dict[str, str]:
    if op.paging is Paging.INCREMENTAL:
        return {"start_time": "0"}
    if op.action == "search":
        return {"country": "US"}
    return {}


READS = [op for op in OPERATIONS if not op.write and op.source is Source.API]


@pytest.mark.parametrize("op", READS, ids=lambda op: f"{op.entity}.{op.action}")
@pytest.mark.parametrize("suffix", ["", ".json"])
def test_every_read_operation_answers_with_its_key(
    sandbox: Sandbox, client: httpx.Client, op: Operation, suffix: str
) -> None:
    path = op.render_path(_path_values(sandbox, op))[len(API_PREFIX) :] + suffix
    response = client.get(path, params=_query(op))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert op.response_key in body
    payload = body[op.response_key]
    if op.paging in (Paging.RECORD, Paging.SNAPSHOT):
        assert isinstance(payload, dict) and payload
    else:
        assert isinstance(payload, list) and payload
    if op.paging is Paging.OFFSET:
        assert {"next_page", "previous_page", "count"} <= body.keys()
    if op.paging is Paging.INCREMENTAL:
        assert {"count", "end_time", "next_page"} <= body.keys()


def test_records_match_the_dataset(sandbox: Sandbox, client: httpx.Client) -> None:
    number = sandbox.data.phone_numbers[42]
    assert client.get(f"/phone_numbers/{number['id']}.json").json() == {"phone_number": number}
    greeting = next(g for g in sandbox.data.greetings if g["id"] == "voicemail_en")
    assert client.get("/greetings/voicemail_en").json()["greeting"] == greeting
    custom = next(g for g in sandbox.data.greetings if isinstance(g["id"], int))
    assert client.get(f"/greetings/{custom['id']}").json()["greeting"] == custom
    ivr = sandbox.data.ivrs[2]
    assert client.get(f"/ivr/{ivr['id']}").json()["ivr"] == ivr
    menu = ivr["menus"][-1]
    got = client.get(f"/ivr/{ivr['id']}/menus/{menu['id']}").json()["ivr_menu"]
    assert got == menu
    routes = client.get(f"/ivr/{ivr['id']}/menus/{menu['id']}/routes").json()
    assert routes["ivr_routes"] == menu["routes"]
    assert routes["count"] == len(menu["routes"])
    line = sandbox.data.digital_lines[3]
    assert client.get(f"/digital_lines/{line['id']}").json()["digital_line"] == line


@pytest.mark.parametrize(
    "path",
    [
        "/phone_numbers/1",
        "/phone_numbers/abc",
        "/digital_lines/10001",  # a phone number is not a digital line
        "/addresses/5",
        "/greetings/nope_en",
        "/greeting_categories/99",
        "/ivr/1",
        "/ivr/1/menus",
        "/availabilities/1",
    ],
)
def test_unknown_ids_are_record_not_found(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"error": "RecordNotFound", "description": "Not found"}


def test_ivr_children_must_belong_to_their_parent(sandbox: Sandbox, client: httpx.Client) -> None:
    first, second = sandbox.data.ivrs[0], sandbox.data.ivrs[1]
    foreign_menu = second["menus"][0]["id"]
    assert client.get(f"/ivr/{first['id']}/menus/{foreign_menu}").status_code == 404
    assert client.get(f"/ivr/{first['id']}/menus/{foreign_menu}/routes").status_code == 404


def test_unknown_path_and_wrong_method(client: httpx.Client, anon: httpx.Client) -> None:
    missing = client.get("/no_such_thing")
    assert missing.status_code == 404
    assert missing.json()["error"] == "InvalidEndpoint"
    assert anon.get("/favicon.ico").status_code == 404
    wrong = client.delete("/phone_numbers/10001")
    assert wrong.status_code == 405
    assert wrong.json()["error"] == "MethodNotAllowed"
    assert wrong.headers["allow"] == "GET"
    assert client.post("/stats/incremental/calls", json={}).status_code == 405


def test_search_wins_over_the_id_route(client: httpx.Client) -> None:
    response = client.get("/phone_numbers/search.json", params={"country": "GB"})
    assert response.status_code == 200
    numbers = response.json()["phone_numbers"]
    assert numbers and all(n["country_code"] == "GB" for n in numbers)
    assert {"number", "token", "price", "address_requirements"} <= numbers[0].keys()


def test_search_filters(client: httpx.Client) -> None:
    def search(**params: str) -> list[dict[str, Any]]:
        response = client.get("/phone_numbers/search", params=params)
        assert response.status_code == 200, response.text
        result: list[dict[str, Any]] = response.json()["phone_numbers"]
        return result

    everything = search(country="US")
    assert {n["toll_free"] for n in everything} == {True, False}
    local = search(country="US", area_code="415")
    assert local and all(n["number"].startswith("+1415") for n in local)
    toll_free = search(country="us", toll_free="true")
    assert toll_free and all(n["toll_free"] for n in toll_free)
    assert all(not n["toll_free"] for n in search(country="US", toll_free="false"))
    digits = everything[0]["number"][-4:]
    assert all(digits in n["number"] for n in search(country="US", contains=digits))
    assert search(country="ZZ") == []
    # Same seed, same answer: tokens are stable.
    assert search(country="US") == everything


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "USA"},
        {"country": "US", "area_code": "x1"},
        {"country": "US", "toll_free": "maybe"},
    ],
)
def test_search_validation(client: httpx.Client, params: dict[str, str]) -> None:
    response = client.get("/phone_numbers/search", params=params)
    assert response.status_code == 400
    assert response.json()["error"] == "InvalidValue"


def test_lines_mix_numbers_and_digital_lines(sandbox: Sandbox, client: httpx.Client) -> None:
    body = client.get("/lines", params={"per_page": 20, "page": 15}).json()
    assert body["count"] == len(sandbox.data.phone_numbers) + len(sandbox.data.digital_lines)
    assert {line["line_type"] for line in body["lines"]} == {"phone"}
    body = client.get("/lines", params={"per_page": 20, "page": 16}).json()
    assert [line["id"] for line in body["lines"]] == [d["id"] for d in sandbox.data.digital_lines]
    assert {line["line_type"] for line in body["lines"]} == {"digital"}
    minimal = client.get("/lines", params={"minimal_mode": "true"}).json()["lines"][0]
    assert set(minimal) == {
        "id", "country_code", "external", "nickname", "priority", "brand_id", "line_type"
    }  # fmt: skip


def test_availability_update(sandbox: Sandbox, client: httpx.Client) -> None:
    agent_id = sandbox.data.agents[5]["id"]
    before = dict(sandbox.data.availabilities[agent_id])
    try:
        response = client.put(
            f"/availabilities/{agent_id}.json",
            json={"availability": {"agent_state": "transfers_only", "via": "phone"}},
        )
        assert response.status_code == 200
        expected = {"agent_state": "transfers_only", "call_status": None, "via": "phone"}
        assert response.json() == {"availability": expected}
        assert client.get(f"/availabilities/{agent_id}").json()["availability"] == expected
        assert sandbox.data.availabilities[agent_id] == expected
        activity = client.get("/stats/agents_activity", params={"per_page": 100}).json()
        row = next(a for a in activity["agents_activity"] if a["agent_id"] == agent_id)
        assert (row["agent_state"], row["via"]) == ("transfers_only", "phone")

        invalid = client.put(
            f"/availabilities/{agent_id}", json={"availability": {"agent_state": "asleep"}}
        )
        assert invalid.status_code == 422
        assert invalid.json()["error"] == "RecordInvalid"
        assert "agent_state" in invalid.json()["details"]
        assert client.put(f"/availabilities/{agent_id}", json={"x": 1}).status_code == 400
        assert client.put(f"/availabilities/{agent_id}", content=b"{nope").status_code == 400
        missing = client.put("/availabilities/1", json={"availability": {"via": "client"}})
        assert missing.status_code == 404
    finally:
        client.put(f"/availabilities/{agent_id}", json={"availability": before})
        sandbox.data.availabilities[agent_id] = before

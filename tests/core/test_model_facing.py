"""What a model sees: units, one time format, numeric charges, typed `where`, dotted columns,
no one-record summaries, one error wording, and hints that name the right thing to do."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from zendesk_talk_connector import SyncZendeskTalkConnector
from zendesk_talk_connector._record_base import field_units
from zendesk_talk_connector.catalog import OPERATIONS, lookup, operations_of
from zendesk_talk_connector.errors import InvalidParams, NotFound, UnknownOperation
from zendesk_talk_connector.output import iso_utc, parse_where, render
from zendesk_talk_connector.records import Call
from zendesk_talk_connector.results import ListMeta, ZendeskTalkExecuteResult
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.tools import (
    ToolRunner,
    execute_tool_definition,
    tool_definitions,
)

from ..conftest import NOW

CLOCK = NOW + 42  # the tools' clock, apart from the sandbox's, so the test can tell them apart
WEEK_AGO = NOW - 7 * 86_400
TOOLS = {d.name: d for d in tool_definitions()}
ISO_UTC = "%Y-%m-%dT%H:%M:%SZ"


def run(connector: SyncZendeskTalkConnector, tool: str, **args: Any) -> dict[str, Any]:
    runner = ToolRunner(connector, clock=lambda: CLOCK)
    return json.loads(runner.call(TOOLS[tool], args).content)  # type: ignore[no-any-return]


def rejected(connector: SyncZendeskTalkConnector, tool: str, **args: Any) -> str:
    with pytest.raises(InvalidParams) as info:
        ToolRunner(connector).call(TOOLS[tool], args)
    return str(info.value)


# -- units and times ----------------------------------------------------------------------


def _quantity_fields() -> list[tuple[str, str]]:
    """Every integer record field named like a duration (``*_time``, ``*duration``), except
    the counts of calls (``total_calls_with_exceeded_queue_wait_time``)."""
    return [
        (op.record.__name__, name)
        for op in OPERATIONS
        for name, info in op.record.model_fields.items()
        if info.annotation == int | None
        and (name.endswith("_time") or "duration" in name)
        and not name.startswith("total_calls")
    ]


@pytest.mark.parametrize(("model", "name"), sorted(set(_quantity_fields())))
def test_every_duration_field_says_seconds_in_its_schema(model: str, name: str) -> None:
    record = next(op.record for op in OPERATIONS if op.record.__name__ == model)
    assert field_units(record)[name].name == "seconds"
    assert "seconds" in record.model_json_schema()["properties"][name]["description"]


def test_times_and_charges_say_their_format_and_currency_in_the_schema() -> None:
    schema = Call.model_json_schema()["properties"]
    for name in ("created_at", "updated_at"):
        assert "ISO 8601" in schema[name]["description"]
        assert "UTC" in schema[name]["description"]
    assert "billing currency" in schema["call_charge"]["description"]
    assert "minutes" in schema["minutes_billed"]["description"].lower()


def test_list_tool_descriptions_name_units_time_zone_and_now_within_1024_chars() -> None:
    calls = TOOLS["zendesk_talk_calls_list"].description
    assert "duration, talk_time" in calls and "seconds" in calls
    assert "call_charge: a number in the account's billing currency" in calls
    assert "ISO 8601 UTC" in calls and "now" in calls
    for name in ("agents_activity", "agents_overview", "account_overview"):
        assert "account's time zone" in TOOLS[f"zendesk_talk_{name}_list"].description
    assert "online_time" in TOOLS["zendesk_talk_agents_activity_list"].description
    assert "account time zone" in execute_tool_definition().description
    everything = [*tool_definitions(allow_writes=True), execute_tool_definition(allow_writes=True)]
    assert all(len(d.description) <= 1024 for d in everything)


def test_a_list_states_now_from_the_injected_clock(connector: SyncZendeskTalkConnector) -> None:
    out = run(connector, "zendesk_talk_phone_numbers_list", limit=2)
    assert out["now"] == "2024-11-29T15:30:42Z"
    assert list(out)[:2] == ["returned", "now"]


def test_an_export_shows_end_time_as_iso_like_its_rows(
    connector: SyncZendeskTalkConnector,
) -> None:
    runner = ToolRunner(connector, clock=lambda: CLOCK)
    result = runner.call(TOOLS["zendesk_talk_calls_list"], {"start_time": WEEK_AGO, "limit": 30})
    out = json.loads(result.content)
    meta = result.artifact.meta  # type: ignore[union-attr]
    assert isinstance(meta.end_time, int)  # code keeps epoch seconds
    assert out["end_time"] == iso_utc(meta.end_time)
    created = out["rows"][0][out["columns"].index("created_at")]
    for text in (out["end_time"], out["now"], created):
        assert datetime.strptime(text, ISO_UTC).replace(tzinfo=timezone.utc)


def test_charges_are_numbers_with_their_unit_and_add_up(
    connector: SyncZendeskTalkConnector, sandbox: Sandbox
) -> None:
    out = run(
        connector,
        "zendesk_talk_calls_list",
        start_time=WEEK_AGO,
        limit=40,
        fields=["id", "call_charge", "duration"],
    )
    charges = [row[1] for row in out["rows"]]
    assert charges and all(isinstance(c, (int, float)) for c in charges)
    by_id = {c["id"]: float(c["call_charge"]) for c in sandbox.data.calls}
    assert charges == [by_id[row[0]] for row in out["rows"]]
    assert out["units"] == {"seconds": ["duration"], "account currency": ["call_charge"]}
    assert out["summary"]["call_charge"]["sum"] == round(sum(charges), 6)
    assert out["summary"]["call_charge"]["count"] == len(charges)


def test_a_charge_that_is_not_a_number_stays_as_sent() -> None:
    calls = lookup("calls", "list")
    result = ZendeskTalkExecuteResult[Call](
        data=[Call(id=1, call_charge="n/a"), Call(id=2, call_charge="1.230000")],
        meta=ListMeta(returned=2, has_more=False),
    )
    out = json.loads(render(calls, result, fields=["id", "call_charge"], now=NOW))
    assert out["rows"] == [[1, "n/a"], [2, 1.23]]
    assert out["summary"]["call_charge"] == {
        "count": 1,
        "sum": 1.23,
        "min": 1.23,
        "max": 1.23,
        "avg": 1.23,
    }


# -- where and fields ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tool", "where", "allowed"),
    [
        ("zendesk_talk_phone_numbers_list", "sms_enabled=yes", "true or false"),
        ("zendesk_talk_phone_numbers_list", "capabilities.sms=1", "true or false"),
        ("zendesk_talk_phone_numbers_list", "priority=high", "an integer"),
        ("zendesk_talk_calls_list", "direction=incoming", "one of inbound, outbound"),
        ("zendesk_talk_calls_list", "call_charge=cheap", "a number"),
    ],
)
def test_a_where_value_of_the_wrong_type_is_an_error_naming_the_allowed_values(
    connector: SyncZendeskTalkConnector, tool: str, where: str, allowed: str
) -> None:
    extra = {"start_time": WEEK_AGO} if "calls" in tool else {}
    message = rejected(connector, tool, where=[where], **extra)
    assert f"is {allowed}" in message


def test_where_accepts_the_dotted_columns_the_output_shows(
    connector: SyncZendeskTalkConnector, sandbox: Sandbox
) -> None:
    out = run(
        connector,
        "zendesk_talk_phone_numbers_list",
        where=["capabilities.sms=true", "country_code=US"],
        fields=["id", "capabilities.sms"],
    )
    expected = [  # a filtered list without a limit reads every page
        n["id"]
        for n in sandbox.data.phone_numbers
        if n["capabilities"]["sms"] and n["country_code"] == "US"
    ]
    assert expected, "the seeded data should have US numbers with SMS"
    assert out["matched"] == len(expected)
    assert out["columns"] == ["id", "capabilities.sms"]
    assert out["rows"] == [[number, True] for number in expected]


def test_typed_where_values_match_as_before(
    connector: SyncZendeskTalkConnector, sandbox: Sandbox
) -> None:
    out = run(connector, "zendesk_talk_phone_numbers_list", where=["sms_enabled=true"])
    assert out["matched"] == sum(1 for n in sandbox.data.phone_numbers if n["sms_enabled"])
    out = run(
        connector,
        "zendesk_talk_calls_list",
        start_time=WEEK_AGO,
        limit=50,
        where=["direction=outbound"],
        fields=["direction"],
    )
    assert out["matched"] >= 1 and all(row == ["outbound"] for row in out["rows"])


def test_no_match_says_which_values_the_records_have(connector: SyncZendeskTalkConnector) -> None:
    out = run(
        connector,
        "zendesk_talk_calls_list",
        start_time=WEEK_AGO,
        limit=50,
        where=["completion_status=missed"],
    )
    assert out["matched"] == 0
    assert out["note"].startswith("No record matched; values in the 50 records fetched: ")
    assert '"completed"' in out["note"]


def test_a_single_record_keeps_only_the_dotted_field_selected(
    connector: SyncZendeskTalkConnector, sandbox: Sandbox
) -> None:
    number = sandbox.data.phone_numbers[0]
    out = run(
        connector,
        "zendesk_talk_phone_numbers_get",
        phone_number_id=number["id"],
        fields=["id", "capabilities.voice"],
    )
    assert out == {"id": number["id"], "capabilities": {"voice": True}}


def test_unknown_fields_get_a_guess_and_the_nested_keys_are_explained(
    connector: SyncZendeskTalkConnector,
) -> None:
    message = rejected(connector, "zendesk_talk_phone_numbers_list", fields=["sms_enabeld"])
    assert "did you mean 'sms_enabled'?" in message
    assert "as e.g. categorised_greetings.key" in message
    message = rejected(connector, "zendesk_talk_phone_numbers_list", where=["number.x=1"])
    assert "Unknown field(s) 'number.x'" in message  # a string has no keys


# -- single-record stats ------------------------------------------------------------------


def test_one_record_stats_get_no_summary_but_lists_do(connector: SyncZendeskTalkConnector) -> None:
    snapshot = run(
        connector,
        "zendesk_talk_account_overview_list",
        fields=["total_calls", "average_call_duration"],
    )
    assert snapshot["returned"] == 1 and "summary" not in snapshot
    assert snapshot["units"] == {"seconds": ["average_call_duration"]}
    agents = run(connector, "zendesk_talk_agents_activity_list", fields=["calls_missed"])
    assert agents["summary"]["calls_missed"]["count"] == agents["returned"]


# -- error wording and hints --------------------------------------------------------------


def test_errors_name_what_the_model_called(connector: SyncZendeskTalkConnector) -> None:
    per_action = rejected(connector, "zendesk_talk_calls_list", start_time=WEEK_AGO, limt=3)
    assert per_action.startswith("Invalid params for zendesk_talk_calls_list: unknown param")
    single = execute_tool_definition()
    with pytest.raises(InvalidParams) as info:
        ToolRunner(connector).call(
            single, {"entity": "calls", "action": "list", "params": {"limt": 3}}
        )
    assert str(info.value).startswith("Invalid params for calls/list: ")
    assert "unknown param 'limt' (did you mean 'limit'?)" in str(info.value)


def test_a_404_under_a_parent_names_the_parent_list(connector: SyncZendeskTalkConnector) -> None:
    with pytest.raises(NotFound) as info:
        connector.execute("ivr_menus", "list", {"ivr_id": 999_999})
    assert info.value.hint == "Check ivr_id (list ivrs to find valid ids)."
    with pytest.raises(NotFound) as info:
        connector.execute("ivr_routes", "get", {"ivr_id": 999_999, "menu_id": 1, "route_id": 1})
    assert info.value.hint == (
        "Check ivr_id (list ivrs to find valid ids), menu_id (list ivr_menus to find valid "
        "ids), route_id (list ivr_routes to find valid ids)."
    )


def test_a_404_for_an_id_no_list_gives_names_only_the_id(
    connector: SyncZendeskTalkConnector,
) -> None:
    with pytest.raises(NotFound) as info:
        connector.execute("digital_lines", "get", {"digital_line_id": 999_999})
    assert info.value.hint == "Check digital_line_id."


def test_entity_and_action_typos_get_a_guess() -> None:
    with pytest.raises(UnknownOperation, match=r"'phone_number' \(did you mean 'phone_numbers'"):
        operations_of("phone_number")
    with pytest.raises(UnknownOperation, match=r"no action 'lst' \(did you mean 'list'\?\)"):
        lookup("calls", "lst")


def test_write_hint_can_be_restated_by_a_face(connector: SyncZendeskTalkConnector) -> None:
    from zendesk_talk_connector.errors import WriteNotAllowed

    with pytest.raises(WriteNotAllowed) as info:
        connector.execute("availabilities", "update", {"agent_id": 1, "via": "client"})
    assert "allow_writes=True" in str(info.value)
    restated = info.value.with_hint("Pass --allow-writes.")
    assert isinstance(restated, WriteNotAllowed)
    assert str(restated) == f"{info.value.message} Pass --allow-writes."
    assert "allow_writes=True" in str(info.value)  # the original is left as it was


def test_a_where_value_of_the_right_type_is_converted_to_it() -> None:
    calls = lookup("calls", "list")
    records = [Call(id=1, call_charge="1.000000", voicemail=True), Call(id=2, call_charge="0.5")]
    result = ZendeskTalkExecuteResult[Call](data=records, meta=ListMeta(returned=2, has_more=False))
    for where, ids in (
        (["call_charge=1"], [1]),
        (["call_charge=0.50"], [2]),
        (["voicemail=true", "id=1"], [1]),
        (["voicemail=null"], [2]),
    ):
        conditions = parse_where(calls, where)
        out = json.loads(render(calls, result, fields=["id"], where=conditions, now=NOW))
        assert [row[0] for row in out["rows"]] == ids, where

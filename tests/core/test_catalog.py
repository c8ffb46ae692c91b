"""The catalog is the single source of truth: its rows must be well-formed for every face."""

from __future__ import annotations

import re

import pytest

from zendesk_talk_connector.catalog import ENTITIES, OPERATIONS, Paging, lookup, operations_of
from zendesk_talk_connector.errors import UnknownOperation

TOOL_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.name)
def test_operation_rows_are_well_formed(op):
    assert TOOL_NAME.match(op.name), op.name
    assert 0 < len(op.description) <= 1024
    assert op.params.model_config.get("extra") == "forbid"
    assert op.record.model_config.get("extra") == "allow"
    assert set(op.path_params) <= set(op.param_names), "every path placeholder is a param"
    assert op.write == (op.method != "GET")
    if op.paging is Paging.INCREMENTAL:
        assert "start_time" in op.params.model_json_schema()["required"]


def test_reference_entity_names_are_kept():
    for entity in (
        "phone_numbers",
        "addresses",
        "greetings",
        "greeting_categories",
        "ivrs",
        "agents_activity",
        "agents_overview",
        "account_overview",
        "current_queue_activity",
        "calls",
        "call_legs",
    ):
        assert entity in ENTITIES
        assert lookup(entity, "list").entity == entity


def test_path_patterns_accept_json_suffix_and_capture_ids():
    match = lookup("ivr_routes", "get").path_pattern.match(
        "/api/v2/channels/voice/ivr/1/menus/2/routes/3.json"
    )
    assert match is not None
    assert match.groupdict() == {"ivr_id": "1", "menu_id": "2", "route_id": "3"}


def test_unknown_entity_names_the_valid_ones():
    with pytest.raises(UnknownOperation) as info:
        lookup("phone_number", "list")
    assert "phone_numbers" in str(info.value)
    assert "call_legs" in str(info.value)
    with pytest.raises(UnknownOperation):
        operations_of("nope")


def test_unknown_action_names_the_valid_ones():
    with pytest.raises(UnknownOperation) as info:
        lookup("phone_numbers", "delete")
    assert "list, get, search" in str(info.value)

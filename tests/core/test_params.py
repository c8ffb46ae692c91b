"""Params validation: strict, with messages that name the bad param and the allowed ones."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from zendesk_talk_connector._engine import validate_params
from zendesk_talk_connector.catalog import lookup
from zendesk_talk_connector.errors import InvalidParams

EPOCH = 1732838400  # 2024-11-29T00:00:00Z


@pytest.mark.parametrize(
    "value",
    [
        EPOCH,
        str(EPOCH),
        "2024-11-29",
        "2024-11-29T00:00:00Z",
        "2024-11-29T01:00:00+01:00",
        datetime(2024, 11, 29, tzinfo=timezone.utc),
        datetime(2024, 11, 29),
    ],
)
def test_start_time_accepts_epoch_iso_and_datetime(value):
    params = validate_params(lookup("calls", "list"), {"start_time": value})
    assert params.start_time == EPOCH


def test_bad_start_time_says_what_to_use():
    with pytest.raises(InvalidParams) as info:
        validate_params(lookup("calls", "list"), {"start_time": "yesterday"})
    assert "start_time" in str(info.value)
    assert "ISO 8601" in str(info.value)


def test_unknown_param_is_an_error_with_a_suggestion_and_the_allowed_list():
    with pytest.raises(InvalidParams) as info:
        validate_params(lookup("phone_numbers", "list"), {"limt": 5})
    text = str(info.value)
    assert "unknown param 'limt'" in text
    assert "did you mean 'limit'" in text
    assert "limit, cursor" in text


def test_out_of_range_names_param_and_value():
    with pytest.raises(InvalidParams) as info:
        validate_params(lookup("phone_numbers", "list"), {"limit": 0})
    assert "'limit'" in str(info.value)
    assert "got 0" in str(info.value)


def test_missing_required_param():
    with pytest.raises(InvalidParams) as info:
        validate_params(lookup("phone_numbers", "get"), {})
    assert "missing required param 'phone_number_id'" in str(info.value)


def test_id_lists_accept_comma_strings_and_single_ints():
    op = lookup("account_overview", "list")
    assert validate_params(op, {"phone_number_ids": "1, 2,3"}).phone_number_ids == [1, 2, 3]
    assert validate_params(op, {"phone_number_ids": 7}).phone_number_ids == [7]


def test_params_must_be_a_mapping():
    with pytest.raises(InvalidParams, match="must be a dict"):
        validate_params(lookup("phone_numbers", "list"), ["limit"])  # type: ignore[arg-type]


def test_greeting_ids_may_be_names_or_integers():
    op = lookup("greetings", "get")
    assert validate_params(op, {"greeting_id": 12}).greeting_id == "12"
    assert validate_params(op, {"greeting_id": "voicemail_en"}).greeting_id == "voicemail_en"

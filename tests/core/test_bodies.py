"""Response bodies to typed records: the fast path, the tolerant fallback, boundary seconds."""

from __future__ import annotations

import gc
import json
import pickle
import time
from datetime import datetime, timedelta, timezone

import pytest

from zendesk_talk_connector._bodies import parse_page
from zendesk_talk_connector._paging import epoch_of, ids_in_second
from zendesk_talk_connector.catalog import lookup
from zendesk_talk_connector.errors import ServerError
from zendesk_talk_connector.records import (
    Call,
    Ivr,
    PhoneNumber,
    Record,
    parse_record,
    parse_records,
)

CALLS = lookup("calls", "list")
PHONE_NUMBERS = lookup("phone_numbers", "list")
PHONE_NUMBER = lookup("phone_numbers", "get")
IVRS = lookup("ivrs", "list")


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def test_a_clean_page_keeps_values_extras_and_paging_fields():
    page = parse_page(
        CALLS,
        body(
            calls=[{"id": 1, "duration": 30, "new_field": [1, 2]}, {"id": 2}],
            count=2,
            end_time=1_700_000_000,
            next_page="https://acme.zendesk.com/next",
        ),
    )
    assert [type(r) for r in page.records] == [Call, Call]
    first = page.records[0]
    assert first.duration == 30 and first.model_extra == {"new_field": [1, 2]}
    assert first.invalid_values == {}
    assert (page.count, page.end_time, page.next_page) == (
        2,
        1_700_000_000,
        "https://acme.zendesk.com/next",
    )


def _full_call(call_id: int, **extra: object) -> dict[str, object]:
    return {**dict.fromkeys(Call.model_fields), "id": call_id, **extra}


def test_records_sent_every_field_keep_their_own_fields_set_when_changed():
    full = [_full_call(i) for i in range(4)]
    partial = {"id": 9, "duration": 5}
    page = parse_page(CALLS, body(calls=[*full, _full_call(7, new_field=1), partial], count=6))
    first, second, third, fourth, with_extra, sparse = page.records
    assert with_extra.__pydantic_fields_set__ is not first.__pydantic_fields_set__
    every = set(Call.model_fields)
    assert first.model_fields_set == every and with_extra.model_fields_set == every | {"new_field"}
    assert sparse.model_dump(exclude_unset=True) == partial

    first.note = "kept as an extra"  # pydantic records the name in the fields set
    second.duration = 42
    third.model_fields_set.add("by hand")
    copied = fourth.model_copy(update={"label": "copy"})
    assert first.model_fields_set == every | {"note"}
    assert second.model_fields_set == every and second.duration == 42
    assert third.model_fields_set == every | {"by hand"}
    assert copied.model_fields_set == every | {"label"}
    assert fourth.model_fields_set == every
    untouched = parse_page(CALLS, body(calls=[_full_call(5)], count=1)).records[0]
    assert untouched.model_fields_set == every
    assert untouched.model_dump(exclude_unset=True) == _full_call(5)


def test_records_pickled_together_do_not_share_changes():
    page = parse_page(CALLS, body(calls=[_full_call(1), _full_call(2)], count=2))
    first, second = pickle.loads(pickle.dumps(page.records))
    first.note = "only here"
    assert "note" in first.model_fields_set and "note" not in second.model_fields_set
    assert second == page.records[1]


def test_an_odd_value_nulls_that_field_only_and_keeps_the_raw_value():
    page = parse_page(
        PHONE_NUMBERS,
        body(phone_numbers=[{"id": 1, "toll_free": True}, {"id": 2, "toll_free": "sometimes"}]),
    )
    first, second = page.records
    assert first.toll_free is True and first.invalid_values == {}
    assert isinstance(second, PhoneNumber)
    assert second.id == 2 and second.toll_free is None
    assert second.invalid_values == {"toll_free": "sometimes"}
    for kept in (pickle.loads(pickle.dumps(second)), second.model_copy()):
        assert kept.invalid_values == {"toll_free": "sometimes"}
    second.invalid_values["toll_free"] = "changed"  # a copy: the record keeps the raw value
    assert second.invalid_values == {"toll_free": "sometimes"}
    assert "invalid_values" not in second.model_dump()


def test_paging_fields_of_the_wrong_type_are_ignored_not_fatal():
    page = parse_page(CALLS, body(calls=[{"id": 1}], count="many", end_time="soon", next_page=3))
    assert (page.count, page.end_time, page.next_page) == (None, None, None)
    assert [r.id for r in page.records] == [1]


def test_a_bad_value_inside_a_nested_record_stays_in_that_record():
    raw = {
        "id": 7,
        "menus": [
            {"id": 1, "routes": [{"id": 10, "option_text": "1"}, {"id": "eleven"}]},
            {"id": 2, "default": True},
        ],
    }
    ivr = parse_record(Ivr, raw)
    assert ivr.id == 7 and ivr.invalid_values == {}
    assert ivr.menus is not None and [m.id for m in ivr.menus] == [1, 2]
    routes = ivr.menus[0].routes
    assert routes is not None
    assert [r.id for r in routes] == [10, None]
    assert routes[1].invalid_values == {"id": "eleven"}


def test_non_object_items_are_skipped():
    page = parse_page(CALLS, body(calls=[{"id": 1}, "junk", None, {"id": 2}], count=4))
    assert [r.id for r in page.records] == [1, 2]


def test_a_single_object_and_an_alternate_key_are_accepted():
    record = parse_page(PHONE_NUMBER, body(phone_number={"id": 5, "number": "+1555"})).records
    assert [(r.id, r.number) for r in record] == [(5, "+1555")]
    listed = parse_page(IVRS, body(ivrs=[{"id": 1}]))
    assert [r.id for r in listed.records] == [1]


def test_a_body_without_the_wrapper_says_what_was_expected():
    with pytest.raises(ServerError, match="no 'calls' in the body"):
        parse_page(CALLS, body(legs=[]))


def test_a_body_that_is_not_json_is_a_server_error():
    with pytest.raises(ServerError, match="not JSON"):
        parse_page(CALLS, b"<html>Bad gateway</html>")


def test_parse_records_is_strict_when_it_can_and_lenient_when_it_must():
    clean = parse_records(Call, [{"id": 1}, {"id": 2}])
    assert [r.id for r in clean] == [1, 2]
    odd = parse_records(Call, [{"id": 1}, {"id": 2, "duration": "long"}])
    assert [r.id for r in odd] == [1, 2]
    assert odd[1].invalid_values == {"duration": "long"}


def _formats(moment: datetime) -> list[str]:
    """The same instant written the ways an API might, plus near misses."""
    local = moment.astimezone(timezone(timedelta(hours=2)))
    return [
        moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        moment.strftime("%Y-%m-%dT%H:%M:%S.250Z"),
        moment.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
        moment.strftime("%Y-%m-%d %H:%M:%SZ"),
        local.isoformat(),
        moment.strftime("%Y-%m-%dT%H:%MZ"),
    ]


@pytest.mark.parametrize("offset", [-3601, -1, 0, 1, 59, 86_400])
def test_ids_in_second_agree_with_parsing_each_form(offset):
    second = 1_700_000_000
    moment = datetime.fromtimestamp(second + offset, tz=timezone.utc)
    for text in [*_formats(moment), "", "not a date", None, 1_700_000_000]:
        record = Call.model_construct(id=7, updated_at=text)  # any value, as an API may send
        expected = {7} if epoch_of(text) == second else set()
        assert ids_in_second(second, [record]) == expected, text


def _page(stamps: list[object]) -> list[Call]:
    return [Call(id=i, updated_at=stamp) for i, stamp in enumerate(stamps)]


@pytest.mark.parametrize(
    "extra",
    [
        (),  # every timestamp in the API's own form: the C-level path
        (None,),  # a record without a timestamp
        ("2023-11-14 22:13:20Z",),  # same second, space separator
        ("2023-11-14T23:13:20+01:00",),  # same second, another offset
        ("2023-11-14T22:13:20.5Z",),  # same second, fractions
        ("not a date", "2023-11-14T22:13:2xZ"),  # garbage, one of the API's length and shape
    ],
)
def test_ids_in_second_agree_with_parsing_every_timestamp(extra):
    second = 1_700_000_000  # 2023-11-14T22:13:20Z
    canonical = [
        time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(second + offset))
        for offset in (-61, -1, 0, 0, 1, 3600, 0)
    ]
    records = _page([*canonical, *extra])
    expected = {r.id for r in records if epoch_of(r.updated_at) == second}
    assert ids_in_second(second, records) == expected
    assert len(expected) >= 3  # the page has records in that second


def test_ids_in_second_of_records_without_the_field():
    second = 1_700_000_000
    records = [Record(id=1), Record(id=2, updated_at="2023-11-14T22:13:20Z")]  # extra field
    assert ids_in_second(second, records) == {2}


@pytest.mark.parametrize("enabled", [True, False])
def test_parsing_leaves_the_garbage_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        parse_page(CALLS, body(calls=[{"id": i} for i in range(50)], count=50))
        with pytest.raises(ServerError):
            parse_page(CALLS, b"not json")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_invalid_values_travel_with_copies_and_pickles_of_the_record():
    record = parse_record(Call, {"id": 1, "duration": "long"})
    assert record.duration is None
    assert record.invalid_values == {"duration": "long"}
    assert record.model_copy(update={"id": 2}).invalid_values == {"duration": "long"}
    assert pickle.loads(pickle.dumps(record)).invalid_values == {"duration": "long"}
    assert parse_record(Call, {"id": 1}).invalid_values == {}

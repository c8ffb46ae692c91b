"""List tool output as a table: columns once, one row per record, within the budget."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from zendesk_talk_connector.catalog import lookup
from zendesk_talk_connector.errors import OutputTooLarge
from zendesk_talk_connector.output import (
    _fitting_table,
    drop_nulls,
    dumps,
    render,
    table_cells,
    table_records,
)
from zendesk_talk_connector.records import PhoneNumber
from zendesk_talk_connector.results import ListMeta, ZendeskTalkExecuteResult
from zendesk_talk_connector.tools import ToolRunner

PHONE_NUMBERS = lookup("phone_numbers", "list")


def listed(*records: PhoneNumber, has_more: bool = False) -> ZendeskTalkExecuteResult[PhoneNumber]:
    meta = ListMeta(returned=len(records), has_more=has_more, next_cursor="c" if has_more else None)
    return ZendeskTalkExecuteResult[PhoneNumber](data=list(records), meta=meta)


def test_a_list_is_a_table_with_null_cells_and_no_all_null_columns():
    first = PhoneNumber(
        id=1,
        number="+15550001",
        name=None,  # null in every row: no column
        group_ids=[7, 8],
        capabilities={"sms": True, "mms": None},
        categorised_greetings={"1": {"voicemail_on": "vm_en", "off": None}},
    )
    second = PhoneNumber(
        id=2,
        number="+15550002",
        sms_enabled=True,
        greeting_ids=[],
        capabilities={"sms": False, "voice": True},
        routes=[{"to": 3, "when": None}],  # an extra field, not in the model
    )
    payload = json.loads(render(PHONE_NUMBERS, listed(first, second), now=1_732_894_200))
    assert payload == {
        "returned": 2,
        "now": "2024-11-29T15:30:00Z",
        "columns": [
            "id",
            "number",
            "sms_enabled",
            "group_ids",
            "greeting_ids",
            "categorised_greetings.1.voicemail_on",
            "capabilities.sms",
            "capabilities.voice",
            "routes",
        ],
        "rows": [
            [1, "+15550001", None, [7, 8], None, "vm_en", True, None, None],
            [2, "+15550002", True, None, [], None, False, True, [{"to": 3}]],
        ],
        "has_more": False,
    }


def test_an_object_of_nulls_stays_an_empty_object_and_dotted_keys_stay_whole():
    record = PhoneNumber(id=1, capabilities={"sms": None}, settings={"a.b": 1, "c": None})
    payload = json.loads(render(PHONE_NUMBERS, listed(record)))
    assert payload["columns"] == ["id", "capabilities", "settings"]
    assert payload["rows"] == [[1, {}, {"a.b": 1}]]


def test_fields_are_the_columns_in_the_requested_order():
    records = [
        PhoneNumber(id=1, number="+15550001", priority=2),
        PhoneNumber(id=2, number="+15550002", priority=None),
    ]
    payload = json.loads(
        render(PHONE_NUMBERS, listed(*records), fields=["priority", "name", "number"])
    )
    assert payload["columns"] == ["priority", "number"]  # name has no value in any row
    assert payload["rows"] == [[2, "+15550001"], [None, "+15550002"]]
    assert payload["summary"] == {"priority": {"count": 1, "sum": 2, "min": 2, "max": 2, "avg": 2}}


def test_a_single_record_stays_one_object():
    record = PhoneNumber(id=1, number="+15550001", name=None, capabilities={"sms": True})
    assert (
        render(PHONE_NUMBERS, record) == '{"id":1,"number":"+15550001","capabilities":{"sms":true}}'
    )


def test_a_single_record_drops_nulls_inside_objects_and_lists_too():
    record = PhoneNumber(
        id=1,
        capabilities={"sms": True, "mms": None},
        routes=[{"to": 3, "when": None}],  # an extra field, not in the model
    )
    assert json.loads(render(PHONE_NUMBERS, record)) == {
        "id": 1,
        "capabilities": {"sms": True},
        "routes": [{"to": 3}],
    }


def test_text_only_python_can_encode_is_still_written():
    lone_surrogate = "\ud800"  # valid in a JSON string escape, not encodable as UTF-8
    record = PhoneNumber(id=1, nickname=f"x{lone_surrogate}y")
    payload = json.loads(render(PHONE_NUMBERS, listed(record)))
    assert payload["rows"] == [[1, f"x{lone_surrogate}y"]]


def _table_size(rows: list[dict[str, Any]]) -> int:
    columns = list(dict.fromkeys(name for row in rows for name in row))
    table = [[row.get(name) for name in columns] for row in rows]
    return len(f'"columns":{dumps(columns)},"rows":{dumps(table)}')


def test_the_rows_that_fit_are_counted_exactly():
    # Rows that bring new columns later cost a null cell in every earlier row.
    rows = [
        {"id": 1, "n": "é"},
        {"id": 2},
        {"id": 3, "x": [1, None]},
        {},
        {"id": 5, "y.z": 'a"b', "n": "long" * 5},
    ]
    # ... and enough rows of varied sizes that the first row's size is a poor guess
    rows += [{"id": i, f"c{i % 7}": i * 11, **({"n": "x" * i} if i % 5 else {})} for i in range(90)]
    sizes = [_table_size(rows[:count]) for count in range(len(rows) + 1)]
    for budget in range(sizes[-1] + 2):
        fitting = max(count for count, size in enumerate(sizes) if size <= budget or not count)
        shown, table = _fitting_table(iter(rows), len(rows), budget, {})
        assert shown == rows[:fitting]
        assert len(table) == sizes[fitting]


@pytest.mark.parametrize(
    ("limit", "max_chars"),
    [(40, 2500), (40, 8000), (100, 2000), (100, 4000), (100, 20_000)],
)
def test_the_table_stays_within_the_budget_and_resumes_at_the_cut(
    connector, sandbox, limit, max_chars
):
    runner = ToolRunner(connector, max_output_chars=max_chars)
    (tool,) = runner.definitions(include=["phone_numbers/list"])
    out = runner.call(tool, {"limit": limit})
    assert len(out.content) <= max_chars
    payload = json.loads(out.content)
    shown = payload["shown"]
    assert payload["truncated"] is True and payload["has_more"] is True
    assert len(payload["rows"]) == shown
    assert all(len(row) == len(payload["columns"]) for row in payload["rows"])
    expected = [drop_nulls(p) for p in sandbox.data.phone_numbers[:shown]]
    assert table_records(payload) == expected
    # the next row would not have fitted the budget (less the envelope's reserve)
    cells = [table_cells(r, None) for r in out.artifact.data[: shown + 1]]
    head = dumps({"returned": limit, "now": payload["now"]})
    assert _table_size(cells) > max_chars - 700 - len(head)
    roomy = ToolRunner(connector, max_output_chars=100_000)
    more = roomy.call(tool, {"limit": 1, "cursor": payload["next_cursor"]})
    assert table_records(more.content) == [drop_nulls(sandbox.data.phone_numbers[shown])]


@pytest.mark.parametrize("max_chars", [1000, 1500])
def test_a_budget_too_small_for_one_row_asks_to_select_fields(connector, max_chars):
    runner = ToolRunner(connector, max_output_chars=max_chars)
    (tool,) = runner.definitions(include=["phone_numbers/list"])
    with pytest.raises(OutputTooLarge, match=r"fields=\[\.\.\.\].*Fields of phone_numbers: id"):
        runner.call(tool, {"limit": 40})
    narrowed = json.loads(runner.call(tool, {"limit": 40, "fields": ["id"]}).content)
    assert len(narrowed["rows"]) > 0


def test_rows_built_at_once_or_measured_as_added_are_cut_at_the_same_row(connector):
    # A guess from the first row picks the way; either way the cut is exact.
    result = connector.execute("phone_numbers", "list", {"limit": 40})
    order = {name: rank for rank, name in enumerate(PhoneNumber.model_fields)}
    for fields in (None, ["id", "number", "capabilities", "priority"]):
        cells = [table_cells(r, fields) for r in result.data]
        cells[7]["late_extra"] = {"x": 1}  # a column that only a later row brings
        sizes = [_table_size(cells[:count]) for count in range(len(cells) + 1)]
        for budget in range(0, sizes[-1] + 300, 37):
            rows, table = _fitting_table(iter(cells), len(cells), budget, order)
            fitting = max(count for count, size in enumerate(sizes) if size <= budget or not count)
            assert rows == cells[:fitting]
            assert len(table) == sizes[fitting]
            parsed = json.loads(f"{{{table}}}")
            assert parsed["rows"] == [[row.get(c) for c in parsed["columns"]] for row in rows]


@pytest.fixture
def hundred(connector, sandbox) -> tuple[bytes, str]:
    """The raw API body of 100 phone numbers, and the tool output of the same 100."""
    raw = httpx.get(
        f"{sandbox.base_url}/api/v2/channels/voice/phone_numbers.json",
        params={"per_page": "100"},
        auth=(f"{sandbox.email}/token", sandbox.api_token),
    ).content
    runner = ToolRunner(connector, max_output_chars=10_000_000)
    (tool,) = runner.definitions(include=["phone_numbers/list"])
    return raw, runner.call(tool, {"limit": 100}).content


def test_every_non_null_value_of_100_phone_numbers_survives(hundred):
    raw, content = hundred
    numbers = json.loads(raw)["phone_numbers"]
    assert len(numbers) == 100
    assert "truncated" not in json.loads(content)
    assert table_records(content) == [drop_nulls(n) for n in numbers]


def test_100_phone_numbers_take_at_most_half_the_raw_json(hundred):
    raw, content = hundred
    assert len(content.encode()) <= 0.5 * len(raw)

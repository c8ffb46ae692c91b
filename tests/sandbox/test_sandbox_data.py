"""The seeded dataset: deterministic, realistic in shape, with same-second clusters."""

from __future__ import annotations

from collections import Counter, defaultdict

from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.sandbox._data import epoch, generate

NOW = 1_732_894_200


def test_same_seed_same_data_other_seed_other_data() -> None:
    first, second = generate(5, NOW), generate(5, NOW)
    assert first.calls == second.calls and first.phone_numbers == second.phone_numbers
    assert generate(6, NOW).calls != first.calls


def test_sizes_and_shapes(sandbox: Sandbox) -> None:
    data = sandbox.data
    assert len(data.phone_numbers) == 300
    assert len(data.lines) == 300 + len(data.digital_lines) and len(data.digital_lines) == 10
    assert len(data.addresses) == 20 and len(data.agents) == 120 and len(data.groups) == 8
    assert len(data.calls) == 6000
    assert len(data.ivrs) == 6
    for ivr in data.ivrs:
        assert 2 <= len(ivr["menus"]) <= 4 and ivr["phone_number_ids"]
        assert sum(menu["default"] for menu in ivr["menus"]) == 1
        for menu in ivr["menus"]:
            assert 3 <= len(menu["routes"]) <= 6
    assert {n["country_code"] for n in data.phone_numbers} >= {"US", "CA", "GB", "DE"}
    assert any(n["toll_free"] for n in data.phone_numbers)
    assert any(n["sms_enabled"] for n in data.phone_numbers)
    ids = [g["id"] for g in data.greetings]
    assert "voicemail_en" in ids and any(isinstance(i, int) for i in ids)
    assert len(data.greetings) >= 35
    assert {c["name"] for c in data.greeting_categories} >= {"voicemail", "available", "ivr"}
    assert set(data.availabilities) == {a["id"] for a in data.agents}


def test_calls_and_legs_are_consistent(sandbox: Sandbox) -> None:
    data = sandbox.data
    week_ago = NOW - 7 * 86400
    legs_by_call: dict[int, list[dict[str, object]]] = defaultdict(list)
    for leg in data.legs:
        legs_by_call[int(str(leg["call_id"]))].append(leg)
    assert set(legs_by_call) == {c["id"] for c in data.calls}
    statuses = Counter(leg["completion_status"] for leg in data.legs if leg["type"] == "agent")
    assert statuses["completed"] and statuses["agent_missed"] and statuses["agent_declined"]
    for call in data.calls:
        created, updated = epoch(call["created_at"]), epoch(call["updated_at"])
        assert week_ago - 86400 <= created <= updated <= NOW
        assert created // 86400 == updated // 86400  # same UTC date
        legs = legs_by_call[call["id"]]
        assert 1 <= len(legs) <= 4
        assert sum(leg["type"] == "customer" for leg in legs) == 1
        assert {leg["updated_at"] for leg in legs} == {call["updated_at"]}
        if call["agent_id"] is not None:
            assert any(
                leg["agent_id"] == call["agent_id"] and leg["completion_status"] == "completed"
                for leg in legs
            )
    assert [(c["updated_at"], c["id"]) for c in data.calls] == sorted(
        (c["updated_at"], c["id"]) for c in data.calls
    )


def test_page_boundaries_usually_split_same_second_clusters(sandbox: Sandbox) -> None:
    for records in (sandbox.data.calls, sandbox.data.legs):
        boundaries = range(999, len(records) - 1, 1000)
        split = sum(records[i]["updated_at"] == records[i + 1]["updated_at"] for i in boundaries)
        assert split / len(boundaries) >= 0.5

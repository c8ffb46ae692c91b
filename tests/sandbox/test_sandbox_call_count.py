"""``Sandbox(call_count=N)``: the dataset size option the benchmarks use."""

from __future__ import annotations

import httpx
import pytest

from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.sandbox._data import generate

NOW = 1_732_894_200


def test_call_count_sets_the_number_of_calls_and_keeps_them_consistent() -> None:
    data = generate(3, NOW, call_count=1_234)
    assert len(data.calls) == 1_234
    assert {leg["call_id"] for leg in data.legs} == {call["id"] for call in data.calls}
    assert len(generate(3, NOW).calls) == 6_000  # the default is unchanged


def test_export_serves_every_call() -> None:
    with Sandbox(seed=1, now=NOW, call_count=2_500) as sandbox:
        auth = httpx.BasicAuth(f"{sandbox.email}/token", sandbox.api_token)
        ids: set[int] = set()
        start, pages = 0, 0
        with httpx.Client(base_url=sandbox.api_url, auth=auth) as client:
            while True:
                body = client.get("/stats/incremental/calls", params={"start_time": start}).json()
                ids |= {call["id"] for call in body["calls"]}
                pages += 1
                if body["count"] < 1000:
                    break
                start = body["end_time"]
        assert len(ids) == 2_500 and pages >= 3


@pytest.mark.parametrize("count", [0, 1_000_001])
def test_call_count_out_of_range(count: int) -> None:
    with pytest.raises(ValueError, match="call_count"):
        Sandbox(call_count=count)
    with pytest.raises(ValueError, match="call_count"):
        generate(0, NOW, call_count=count)

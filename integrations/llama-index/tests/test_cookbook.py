"""The cookbook recipe runs offline (sandbox + scripted model) and prints sensible answers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zendesk_talk_connector.sandbox._data import generate
from zendesk_talk_connector.tools import tool_definitions

RECIPE = Path(__file__).resolve().parents[3] / "cookbook" / "llamaindex_agent.py"


@pytest.mark.skipif(not RECIPE.exists(), reason="runs from the repository checkout only")
def test_cookbook_runs_offline() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k != "OPENAI_API_KEY" and not k.startswith("ZENDESK_")
    }
    done = subprocess.run(
        [sys.executable, str(RECIPE)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    data = generate(0)  # the recipe's sandbox seed; phone numbers do not depend on "now"
    sms = sum(1 for p in data.phone_numbers if p["sms_enabled"])
    total = len(data.phone_numbers)
    assert "Sandbox Talk API at http://127.0.0.1:" in out
    assert f"{len(tool_definitions())} tools, e.g. zendesk_talk_" in out
    assert "raw_output: ZendeskTalkExecuteResult" in out
    assert out.count("\nQ: ") == out.count("\nA: ") == 4
    assert f"A: {sms} of {total} numbers have SMS enabled" in out
    assert "tool zendesk_talk_current_queue_activity_list({})" in out
    assert "missed the most calls today" in out
    # the misspelled param comes back as an error naming the allowed params, then the retry works
    assert "ERROR: Invalid params for zendesk_talk_calls_list" in out
    assert "Allowed params for zendesk_talk_calls_list: start_time" in out
    assert "average duration" in out
    assert "Traceback" not in done.stderr

"""The cookbook recipe runs offline (sandbox + scripted model) and prints the right answers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from zendesk_talk_connector.sandbox._data import epoch, generate
from zendesk_talk_connector.tools import tool_definitions

RECIPE = Path(__file__).resolve().parents[4] / "cookbook" / "langchain_agent.py"
NOW = 1_732_894_200  # the recipe's fixed "now"


def _without_keys_or_accounts() -> dict[str, str]:
    """This environment minus model keys and Zendesk settings (the recipe reads both)."""
    return {
        k: v
        for k, v in os.environ.items()
        if k not in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY") and not k.startswith("ZENDESK_")
    }


@pytest.mark.skipif(not RECIPE.exists(), reason="runs from the repository checkout only")
def test_cookbook_runs_offline() -> None:
    env = _without_keys_or_accounts()
    done = subprocess.run(
        [sys.executable, "-W", "error", str(RECIPE)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    data = generate(0, now=NOW)

    assert "Sandbox Talk API at http://127.0.0.1:" in out
    assert f"{len(tool_definitions())} tools, e.g. zendesk_talk_phone_numbers_list" in out
    assert "Model: scripted (offline)" in out
    assert out.count("\nQ: ") == out.count("\nA: ") == 4
    assert "artifact: ZendeskTalkExecuteResult" in out

    sms = sum(1 for p in data.phone_numbers if p["sms_enabled"])
    assert f"A: {sms} of {len(data.phone_numbers)} numbers have SMS enabled" in out

    online = sum(1 for a in data.availabilities.values() if a["agent_state"] == "online")
    assert "tool zendesk_talk_current_queue_activity_list({})" in out
    assert f"{online} agents are online." in out

    missed = Counter(
        leg["agent_id"]
        for leg in data.legs_today()
        if leg["type"] == "agent" and leg["completion_status"] == "agent_missed"
    )
    most = max(missed.values())
    assert any(
        f"(agent {agent}) missed the most calls today: {most}." in out
        for agent, n in missed.items()
        if n == most
    )

    # The misspelled param comes back as an error naming the allowed ones; the retry works.
    assert "ERROR: Invalid params for zendesk_talk_calls_list: unknown param 'feilds'" in out
    assert "Allowed params for zendesk_talk_calls_list: start_time, limit, cursor" in out
    start = int(datetime(2024, 11, 27, tzinfo=timezone.utc).timestamp())
    durations = [
        c["duration"]
        for c in data.calls
        if epoch(c["updated_at"]) >= start and c["duration"] is not None
    ]
    avg = round(sum(durations) / len(durations), 2)
    assert f"A: The average duration of the {len(durations)} calls since 2024-11-27 is {avg} s" in (
        out
    )
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not RECIPE.exists(), reason="runs from the repository checkout only")
def test_cookbook_runs_against_an_account_from_the_environment() -> None:
    """ZENDESK_* variables switch it to "your account": here a sandbox in another process."""
    from zendesk_talk_connector.sandbox import Sandbox

    env = _without_keys_or_accounts()
    with Sandbox(seed=3) as account:  # "now" is the real now, as on a real account
        env |= {
            "ZENDESK_BASE_URL": account.base_url,
            "ZENDESK_EMAIL": account.email,
            "ZENDESK_API_TOKEN": account.api_token,
        }
        done = subprocess.run(
            [sys.executable, str(RECIPE)], capture_output=True, text=True, timeout=120, env=env
        )
        asked = {r.path for r in account.requests}
        base_url = account.base_url
    assert done.returncode == 0, done.stderr
    assert f"Zendesk account at {base_url} (read-only)" in done.stdout
    assert "Sandbox Talk API" not in done.stdout
    assert done.stdout.count("\nA: ") == 4
    assert "/api/v2/channels/voice/stats/incremental/calls" in asked

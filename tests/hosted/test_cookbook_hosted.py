"""cookbook/hosted_mode.py runs offline against the sandbox's fake Airbyte API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zendesk_talk_connector.sandbox._data import generate

RECIPE = Path(__file__).resolve().parents[2] / "cookbook" / "hosted_mode.py"


@pytest.mark.skipif(not RECIPE.exists(), reason="runs from the repository checkout only")
def test_hosted_mode_recipe_runs_offline() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRBYTE_")}
    done = subprocess.run(
        [sys.executable, str(RECIPE)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    data = generate(0)  # the recipe's seed; numbers and IVRs do not depend on "now"
    sms = [
        p["number"] for p in sorted(data.phone_numbers, key=lambda p: p["id"]) if p["sms_enabled"]
    ]
    assert "Sandbox Airbyte API at http://127.0.0.1:" in out
    assert ": 50 phone numbers" in out
    assert f"first number: {data.phone_numbers[0]['display_number']}" in out
    assert f"context store: first SMS numbers {sms[:5]}" in out
    assert f"tool zendesk_talk_ivrs_list: {len(data.ivrs)} IVRs" in out
    assert "calls accepted today" in out
    assert "/api/v1/integrations/oauth/consent" in out
    assert "greetings listed" in out

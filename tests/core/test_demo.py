"""The main job (`make demo`) runs offline and answers every question."""

from __future__ import annotations

import re
import subprocess
import sys


def test_demo_answers_the_questions():
    out = subprocess.run(
        [sys.executable, "-m", "zendesk_talk_connector.demo"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    assert "check(): healthy" in out
    assert re.search(r"\d+ of 300 numbers have SMS enabled", out)
    assert re.search(r"\d+ toll-free numbers", out)
    assert re.search(r"\d+ calls and \d+ callbacks waiting", out)
    assert re.search(r"missed \d+ call\(s\) today", out)
    assert re.search(r"Over the last 7 days: \d+ s across \d+ calls", out)
    assert re.search(r"Local store: [\d,]+ records synced", out)
    assert re.search(r"\(agent \d+\): \d+ missed", out)
    assert re.search(r"\d{4}-\d\d-\d\d: \d+ s over \d+ calls", out)

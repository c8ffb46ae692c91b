"""``zendesk-talk sync``: progress, Ctrl-C, and the same command again resumes."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from zendesk_talk_connector.cli import EXIT_INTERRUPTED, main
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.store._progress import SyncProgressBar
from zendesk_talk_connector.store._sync import SyncProgress


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> None:
    monkeypatch.setenv("ZENDESK_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("ZENDESK_EMAIL", sandbox.email)
    monkeypatch.setenv("ZENDESK_API_TOKEN", sandbox.api_token)


def test_ctrl_c_then_the_same_command_resumes(
    env: None,
    sandbox: Sandbox,
    store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    command = ["sync", "--store", str(store_path), "--since", "2024-11-20"]
    command += ["--entities", "call_legs", "--requests-per-minute", "0"]
    draw = SyncProgressBar.__call__

    def interrupted_at_page_3(self: SyncProgressBar, event: SyncProgress) -> None:
        draw(self, event)
        if event.pages == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(SyncProgressBar, "__call__", interrupted_at_page_3)
    assert main(command) == EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert "records, 3 pages" in err
    assert "Run the same command again to continue" in err
    monkeypatch.setattr(SyncProgressBar, "__call__", draw)
    assert main(command) == 0
    out = capsys.readouterr()
    assert "Synced" in out.out and "ETA" in out.err
    with sqlite3.connect(store_path) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM call_legs")]
    assert sorted(ids) == sorted(leg["id"] for leg in sandbox.data.legs)


def test_progress_eta_is_paced_by_the_rate_limit() -> None:
    lines: list[str] = []

    class Stream:
        def isatty(self) -> bool:
            return False

        def write(self, text: str) -> None:
            lines.append(text)

        def flush(self) -> None:
            pass

    clock = iter([0.0, 1.0])
    bar: Any = SyncProgressBar(0, 1000, 10, Stream(), clock=lambda: next(clock))  # type: ignore[arg-type]
    bar(SyncProgress("calls", 1000, 1, done=False, window_end=250))
    # a quarter done in one page: three pages left, at 6 s each (10 a minute)
    assert lines == ["calls: 1,000 records, 1 pages [#####...............]  25%, ETA 0m18s\n"]

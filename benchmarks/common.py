"""Shared pieces: the figure record, statistics, the sandbox subprocess, worker subprocesses."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NOW = 1_732_894_200
"""Fixed "now" for the sandbox data (Friday 2024-11-29 15:30 UTC): same data every run."""
PACED_LIMIT = 10
"""Zendesk's incremental export limit (requests a minute), set on the paced sync's sandbox."""


@dataclass
class Figure:
    """One row of the report: a floor and a subject measured side by side in one run."""

    section: str
    name: str
    floor_label: str
    subject_label: str
    unit: str
    floor: float | None
    subject: float | None
    metric: str
    """What is compared with the target, e.g. 'p50 ratio' or 'adds (ms)'."""
    value: float | None
    target: str
    ok: bool | None
    """None: reported only (no target) or not measured."""
    score: float | None = None
    """The value as a fraction of the target, <= 1 meeting it (the chart's scale)."""
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.value is None:
            return "not measured"
        if self.ok is None:
            return "report"
        return "pass" if self.ok else "**MISS**"


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of an unsorted sequence."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return float(ordered[index])


def child_env() -> dict[str, str]:
    """The environment for child interpreters: the repo importable, bytecode cached.

    ``PYTHONDONTWRITEBYTECODE`` is dropped: with it, our editable sources would be compiled
    anew in every run while the dependencies' ``.pyc`` (written by pip) are used, which is
    not what an installed package costs. The warm-up runs write our ``.pyc``.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_worker(kind: str, options: dict[str, Any], *, timeout: float = 900) -> dict[str, Any]:
    """Run ``python -m benchmarks.worker KIND JSON`` in a fresh interpreter; its JSON result."""
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.worker", kind, json.dumps(options)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        env=child_env(),
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"worker {kind} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


class SandboxProcess:
    """The sandbox in its own interpreter, so its CPU is not the measured client's.

    The child prints one JSON line (base_url, credentials) once it listens, and serves until
    its stdin closes.
    """

    def __init__(
        self, *, call_count: int, seed: int = 0, export_rate_limit: int | None = None
    ) -> None:
        self.call_count = call_count
        self.seed = seed
        self.export_rate_limit = export_rate_limit
        self._proc: subprocess.Popen[str] | None = None
        self.info: dict[str, Any] = {}

    def __enter__(self) -> SandboxProcess:
        self._proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.sandbox_server",
                "--calls",
                str(self.call_count),
                "--seed",
                str(self.seed),
                "--now",
                str(NOW),
                *(
                    ["--export-rate-limit", str(self.export_rate_limit)]
                    if self.export_rate_limit
                    else []
                ),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=child_env(),
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            self._proc.wait(timeout=10)
            raise RuntimeError(f"sandbox process exited ({self._proc.returncode})")
        self.info = json.loads(line)
        return self

    @property
    def pid(self) -> int:
        assert self._proc is not None
        return self._proc.pid

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()  # our own child, by its handle
            proc.wait()

"""Import cost: wall time of ``python -c STATEMENT`` in fresh interpreters, floor vs subject.

Runs are interleaved (floor, subject, floor, subject...) after one warm-up each, so disk
cache and CPU frequency drift hit both; the figure is the difference of the medians. The
adapter floors are the framework imports the adapter package itself makes at module level
(read from its source), so the difference is exactly what the adapter adds.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .common import child_env, median


@dataclass
class ImportTiming:
    statement: str
    runs_ms: list[float]

    @property
    def median_ms(self) -> float:
        return median(self.runs_ms)


def _run(statement: str, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True, env=env, capture_output=True)
    return (time.perf_counter() - t0) * 1000


def importable(module: str) -> bool:
    """Whether ``module`` can be imported (checked in a child: nothing is imported here)."""
    proc = subprocess.run(
        [sys.executable, "-c", f"import {module}"], env=child_env(), capture_output=True
    )
    return proc.returncode == 0


def compare(floor: str, subject: str, runs: int) -> tuple[ImportTiming, ImportTiming]:
    """Median wall times of both statements, interleaved, after one warm-up each."""
    env = child_env()
    _run(floor, env)
    _run(subject, env)
    floor_runs: list[float] = []
    subject_runs: list[float] = []
    for i in range(runs):
        if i % 2 == 0:
            floor_runs.append(_run(floor, env))
            subject_runs.append(_run(subject, env))
        else:
            subject_runs.append(_run(subject, env))
            floor_runs.append(_run(floor, env))
    return ImportTiming(floor, floor_runs), ImportTiming(subject, subject_runs)


def added_in_process(setup: str, statement: str, runs: int) -> ImportTiming:
    """Milliseconds ``statement`` takes in fresh interpreters that already ran ``setup``.

    Timed inside the interpreter, so it holds only the statement's own work: the wall-time
    difference of two subprocesses carries the noise of everything both of them do (over a
    second for LlamaIndex), which is larger than what is being measured.
    """
    program = (
        f"{setup}\nimport time\nstarted = time.perf_counter()\n{statement}\n"
        "print((time.perf_counter() - started) * 1000)"
    )

    env = child_env()

    def once() -> float:
        proc = subprocess.run(
            [sys.executable, "-c", program],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        )
        return float(proc.stdout.strip().splitlines()[-1])

    once()  # warm-up: bytecode caches, disk cache
    return ImportTiming(statement, [once() for _ in range(runs)])


def framework_imports(package: str, prefixes: tuple[str, ...]) -> list[str]:
    """The module-level import statements of ``package`` that import from ``prefixes``.

    Read from the source files (nothing is imported), e.g. ``from langchain_core.tools
    import BaseTool, BaseToolkit`` for the LangChain adapter.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return []
    folder = Path(spec.origin).parent
    names: dict[str, dict[str, None]] = {}
    modules: dict[str, None] = {}
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.startswith(prefixes):
                    for alias in node.names:
                        names.setdefault(node.module, {})[alias.name] = None
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith(prefixes):
                        modules[f"import {alias.name}"] = None
    froms = [f"from {module} import {', '.join(sorted(n))}" for module, n in names.items()]
    return [*modules, *froms]


def importtime_profile(statement: str, baseline: str, top: int = 12) -> list[tuple[str, float]]:
    """Modules ``statement`` imports beyond ``baseline``, by self time (ms), from -X importtime."""

    def self_times(stmt: str) -> dict[str, float]:
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", stmt],
            env=child_env(),
            capture_output=True,
            text=True,
            check=True,
        )
        times: dict[str, float] = {}
        for line in proc.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, _cumulative, name = line[len("import time:") :].split("|")
            times[name.strip()] = int(self_us) / 1000
        return times

    extra = self_times(statement)
    base = self_times(baseline)
    ranked = sorted(
        ((name, ms) for name, ms in extra.items() if name not in base),
        key=lambda item: item[1],
        reverse=True,
    )
    return ranked[:top]

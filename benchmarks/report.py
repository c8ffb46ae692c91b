"""The Markdown report and the PNG chart."""

from __future__ import annotations

import platform
import subprocess
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from .common import REPO, Figure

PACKAGES = (
    "httpx",
    "pydantic",
    "pydantic-core",
    "langchain-core",
    "llama-index-core",
    "zendesk-talk-connector",
    "langchain-zendesk-talk",
    "llama-index-tools-zendesk-talk",
)

METHOD = """\
* **Floor**: raw httpx doing the same HTTP work as the connector: the same URL, query,
  headers (Basic auth) and `response.json()`; for exports the same `start_time` paging with
  de-duplication of the boundary second. The subject is the connector (or its tool layer).
* **Sandbox**: `zendesk_talk_connector.sandbox.Sandbox(seed=0, now=1732894200,
  call_count=N)` in its **own process** (`python -m benchmarks.sandbox_server`), so the
  server's CPU is not charged to the measured client; on a 2-core machine the server and the
  client each get a core. Loopback HTTP/1.1 with keep-alive.
* **Isolation**: each measurement runs in a fresh interpreter (`python -m benchmarks.worker`);
  floor and subject run in the same worker, interleaved round by round with the order
  alternating, after a warm-up, so machine drift hits both alike (exports: each side in its
  own process, alternating, median of the repeats).
* **Import time**: wall time of `python -c STATEMENT` (subprocess, interpreter start included in
  both), interleaved floor/subject after one warm-up each; figure = difference of medians. The
  adapter floors are the framework imports the adapter's own modules make (read from its
  source), so the difference is the core plus the adapter. Packages load their public names
  on first access, so each plain `import` row has a **first use** row: importing the main
  class, timed with `perf_counter` inside fresh interpreters that already imported the floor
  (the framework plus the core's own dependencies, `httpx` and pydantic's `BaseModel`), so
  it is what our code adds, without the noise of two subprocess wall times. Bytecode
  caches are kept, as for an installed package (an inherited `PYTHONDONTWRITEBYTECODE` is
  dropped).
* **Per-call latency**: sequential calls, per-call `perf_counter_ns`; p50 per side; the ratio
  is the median over the repeats of p50(connector) / p50(floor).
* **Concurrency**: N asyncio tasks each doing k calls back to back; throughput = calls / wall;
  median of rounds. The floor's client keeps all N connections alive (its best case).
* **Export**: after one warm-up request per side (first-use costs are the import figures'
  business), records counted as they stream; peak RSS growth = `ru_maxrss` at the end minus
  `VmRSS` just before the export, per process; the figure is connector growth minus floor
  growth. Both sides must yield exactly `call_count` records (checked).
* **Local store**: `calls.iter()` + `call_legs.iter()` against `connector.sync()` of both
  into a new store, on the same sandbox without rate limit, each side in its own process
  after a one-record warm-up, alternating, median of the repeats. Queries over a store of N
  calls (the sandbox's calls copied under new ids): 50 indexed `eq` searches (p50), one
  `avg:duration` by `agent_id`, and the file's size against the same records as compact JSON.
  The paced sync runs against a sandbox allowing 10 export requests a minute, with enough
  calls to need more than ten, and counts the 429 answers (an httpx response hook).
* **Output compaction**: UTF-8 bytes of the tool output (budget raised so all records are
  shown) vs the raw API body for the same page; every non-null leaf value of the raw records
  is looked up in the tool output by path (timestamps compared as instants).
"""


def _run(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO).stdout.strip()
    except OSError:
        return ""


def machine_description() -> dict[str, str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    import os

    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    commit = _run(["git", "rev-parse", "--short", "HEAD"])
    dirty = " (+ uncommitted changes)" if _run(["git", "status", "--porcelain", "-uno"]) else ""
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs ({cpu or 'unknown CPU'}), "
        f"{memory or '? GiB'} RAM",
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": ", ".join(versions),
        "commit": commit + dirty,
    }


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit in ("bytes", "chars", "answers"):
        return f"{value:,.0f} {unit}"
    if unit == "calls/s":
        return f"{value:,.0f}/s"
    if unit == "us":
        return f"{value:,.0f} µs"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:,.1f} {unit}"


def _value(figure: Figure) -> str:
    if figure.value is None:
        return "-"
    if "ratio" in figure.metric:
        return f"{figure.value:.2f}" if figure.metric != "size ratio" else f"{figure.value:.0%}"
    if figure.unit in ("chars", "bytes"):
        return f"{figure.value:,.0f}"
    if figure.metric.startswith(("adds", "over")):  # a difference: signed
        return f"{figure.value:+.1f} {figure.unit}"
    return _fmt(figure.value, figure.unit)


def write_report(
    figures: list[Figure],
    path: Path,
    *,
    machine: dict[str, str],
    quick: bool,
    profiles: dict[str, str],
    chart: Path | None,
    sizes: dict[str, Any],
) -> Path:
    lines = ["# Benchmark report", ""]
    if quick:
        lines += [
            "> **Quick (smoke) mode**: tiny sizes; the numbers only show the code runs.",
            "",
        ]
    misses = [f for f in figures if f.ok is False]
    measured = [f for f in figures if f.ok is not None]
    lines += [
        f"{len(measured) - len(misses)} of {len(measured)} targets met"
        + (f"; missed: {', '.join(f.name for f in misses)}." if misses else "."),
        "",
        "| figure | floor | subject | compared | value | target | result |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        if f.floor is not None:
            floor = f"{_fmt(f.floor, f.unit)} ({f.floor_label})"
        else:  # a floor that is run but not timed, or none
            floor = f.floor_label
        subject = f"{_fmt(f.subject, f.unit)} ({f.subject_label})"
        if f.subject is None:
            subject = f"{f.subject_label}: {f.note}"
        lines.append(
            f"| {f.name} | {floor} | {subject} | {f.metric} | {_value(f)} | {f.target} "
            f"| {f.status} |"
        )
    lines += ["", "Notes per figure:", ""]
    lines += [f"* **{f.name}**: {f.note}" for f in figures if f.note and f.subject is not None]
    if chart is not None:
        lines += ["", f"![chart]({chart.name})"]
    lines += ["", "## Machine", ""]
    lines += [f"* {key}: {value}" for key, value in machine.items()]
    lines += ["", "## How it was measured", "", METHOD]
    lines += ["Sizes: " + ", ".join(f"{k}={v:,}" for k, v in sizes.items()), ""]
    if profiles:
        lines += ["## Profiles of missed targets", ""]
        for name, text in profiles.items():
            lines += [f"### {name}", "", "```", text, "```", ""]
    lines += ["## Raw numbers", "", "```"]
    for f in figures:
        if f.detail:
            lines.append(f"{f.name}: {_short(f.detail)}")
    lines += ["```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _short(detail: dict[str, Any]) -> str:
    def round_all(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 3)
        if isinstance(value, dict):
            return {k: round_all(v) for k, v in value.items() if not k.startswith("sample")}
        if isinstance(value, list):
            return [round_all(v) for v in value]
        return value

    return str(round_all(detail))


def write_chart(figures: list[Figure], path: Path) -> Path | None:
    """Two panels: each target as measured/target (<= 1 meets it), and floor vs subject."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    scored = [(f.name, f.score, f.ok) for f in figures if f.ok is not None and f.score is not None]
    paired = [f for f in figures if f.floor and f.subject is not None and f.unit != "chars"]
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(15, 0.45 * max(len(scored), len(paired)) + 2.2)
    )
    names = [n for n, _, _ in scored][::-1]
    values = [s for _, s, _ in scored][::-1]
    colours = ["#2e7d32" if ok else "#c62828" for _, _, ok in scored][::-1]
    # An import that costs less than its floor scores below zero; drawn at zero, so the bars
    # near the target stay readable. The label keeps the true score.
    left.barh(names, [max(value, 0.0) for value in values], color=colours)
    left.axvline(1.0, color="black", linestyle="--", linewidth=1)
    left.set_xlim(0, max(1.3, *values) + 0.1)
    left.set_xlabel("measured / target  (<= 1 meets the target; green pass, red miss)")
    left.set_title("Targets")
    for y, value in enumerate(values):
        left.text(max(value, 0.0), y, f" {value:.2f}", va="center", fontsize=8)
    labels = [f.name for f in paired][::-1]
    ratios = [(f.subject or 0) / (f.floor or 1) for f in paired][::-1]
    right.barh(labels, ratios, color="#1565c0")
    right.axvline(1.0, color="black", linestyle="--", linewidth=1)
    right.set_xlabel("subject / floor (same unit; for throughput higher is better)")
    right.set_title("Side by side: connector vs raw httpx floor")
    for y, value in enumerate(ratios):
        right.text(value, y, f" {value:.2f}", va="center", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path

"""The benchmark code runs end to end (``--quick``) and reports every figure with a number.

Not a timed test: no assertion is made about the numbers themselves.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

FIGURES = (
    "import: core",
    "import: core, first use",
    "import: LangChain adapter",
    "import: LangChain adapter, first use",
    "import: LlamaIndex adapter",
    "import: LlamaIndex adapter, first use",
    "tool output, 100 phone numbers (all shown)",
    "tool output, 100 phone numbers (default budget)",
    "per-call latency (async), p50",
    "per-call latency (sync), p50",
    "64 concurrent calls: tool",
    "64 concurrent calls: execute",
    "export 3,000 calls (async): wall",
    "export 3,000 calls (async): peak RSS growth",
    "export 3,000 calls (sync): wall",
    "export 3,000 calls (sync): peak RSS growth",
    "store sync 3,000 calls + legs (10,236 records): wall",
    "store sync 3,000 calls + legs (10,236 records): peak RSS growth",
    "store search, indexed eq + limit 20, 20,000 stored calls: p50",
    "store aggregate avg:duration by agent_id, 20,000 stored calls",
    "store file size, 20,000 stored calls",
    "store sync at the export rate limit (10/min): 429 answers",
)


def _quick_run(out: Path, *options: str) -> dict[str, list[str]]:
    """The report's table rows (name -> cells) of a ``--quick`` run."""
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--out", str(out), *options],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = (out / "report.md").read_text()
    assert "## Machine" in report and "## How it was measured" in report
    assert "Quick (smoke) mode" in report
    return {
        cells[1].strip(): cells
        for line in report.splitlines()
        if line.startswith("| ") and len(cells := line.split("|")) > 7
    }


def test_quick_run_reports_every_figure(tmp_path: Path) -> None:
    rows = _quick_run(tmp_path)
    for figure in FIGURES:
        assert figure in rows, f"{figure!r} missing from the report"
        cells = rows[figure]
        value, result = cells[5].strip(), cells[7].strip()
        if result == "not measured":  # an adapter that is not installed says so
            assert "not installed" in cells[3], cells
            continue
        assert re.search(r"\d", value), f"{figure!r} has no number: {cells}"
        assert result in ("pass", "**MISS**", "report"), cells


def test_only_runs_the_chosen_groups(tmp_path: Path) -> None:
    rows = _quick_run(tmp_path, "--only", "compaction", "--only", "export")
    chosen = {f for f in FIGURES if f.startswith(("export", "tool output"))}
    assert set(rows) - {"figure"} == chosen
    notes = re.findall(
        r"paired runs' ratios (\d+\.\d\d)-(\d+\.\d\d)", (tmp_path / "report.md").read_text()
    )
    assert len(notes) == 2 and all(float(low) <= float(high) for low, high in notes)


def test_publish_copies_the_report_and_points_it_at_the_copied_chart(tmp_path: Path) -> None:
    from benchmarks.run import publish

    run = tmp_path / "results"
    run.mkdir()
    (run / "report.md").write_text("# Benchmark report\n\n![chart](report.png)\n")
    (run / "report.png").write_bytes(b"\x89PNG chart")
    publish(run / "report.md", run / "report.png", destination=tmp_path / "REPORT.md")
    text = (tmp_path / "REPORT.md").read_text()
    assert "![chart](REPORT.png)" in text and "report.png" not in text
    assert text.startswith("<!-- Written by `make bench`")
    assert (tmp_path / "REPORT.png").read_bytes() == b"\x89PNG chart"


def test_publish_refuses_a_partial_run() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--publish"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "--publish needs a full run" in proc.stderr

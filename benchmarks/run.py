"""``python -m benchmarks.run [--quick | --only GROUP | --publish] [--out DIR]``: the figures.

Starts one sandbox in its own process (so its CPU is not the measured client's), runs each
measurement in a fresh interpreter (``benchmarks.worker``), and writes ``report.md`` and
``report.png`` to ``benchmarks/results/`` (or ``--out``). ``--quick`` uses tiny sizes: it
checks the code runs and produces every figure; its numbers mean little. ``--only export``
(repeatable: import, compaction, latency, concurrency, export, store) runs just those figures,
for the loop of profiling and fixing one of them. ``--publish`` (what ``make bench`` runs)
also copies a full run to ``benchmarks/REPORT.md`` and ``REPORT.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import imports
from .common import PACED_LIMIT, REPO, Figure, SandboxProcess, median, run_worker
from .report import machine_description, write_chart, write_report

IMPORT_TARGET_MS = 40.0
LATENCY_TARGET = 1.15
CONCURRENCY_TARGET = 0.85
EXPORT_WALL_TARGET = 1.3
EXPORT_RSS_TARGET_MB = 30.0
COMPACTION_TARGET = 0.50
STORE_SYNC_WALL_TARGET = 1.5
STORE_SYNC_RSS_TARGET_MB = 50.0
STORE_SEARCH_TARGET_MS = 10.0
STORE_AGGREGATE_TARGET_S = 1.0
STORE_SIZE_TARGET = 1.0


@dataclass(frozen=True)
class Sizes:
    import_runs: int
    latency_calls: int
    latency_rounds: int
    latency_warmup: int
    latency_repeats: int
    concurrency: int
    per_worker: int
    concurrency_rounds: int
    export_calls: int
    export_repeats: int
    phone_numbers: int
    store_repeats: int
    stored_calls: int
    paced_calls: int
    """Calls of the rate-limited sync: 3,000 (and their legs) take 12 export requests, two
    past the first minute's ten."""
    quick: bool = False


FULL = Sizes(
    import_runs=9,
    latency_calls=1_000,
    latency_rounds=10,
    latency_warmup=100,
    latency_repeats=3,
    concurrency=64,
    per_worker=20,
    concurrency_rounds=9,
    export_calls=100_000,
    export_repeats=5,
    phone_numbers=100,
    store_repeats=3,
    stored_calls=1_000_000,
    paced_calls=3_000,
)
QUICK = Sizes(
    import_runs=2,
    latency_calls=40,
    latency_rounds=2,
    latency_warmup=5,
    latency_repeats=1,
    concurrency=64,
    per_worker=1,
    concurrency_rounds=1,
    export_calls=3_000,
    export_repeats=1,
    phone_numbers=100,
    store_repeats=1,
    stored_calls=20_000,
    paced_calls=600,
    quick=True,
)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- imports ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportCase:
    label: str
    module: str
    """The package that must be importable (else the row says "not installed")."""
    subject: str
    floor: str | None = None
    """The floor statement; None: the framework imports the adapter's own modules make."""
    framework: tuple[str, ...] = ()
    floor_extra: str = ""
    """Appended to the framework floor (the core's own dependencies, for first use)."""
    measure: Literal["wall", "in_process"] = "wall"
    """wall: ``python -c`` wall times of floor and subject; in_process: the subject timed inside
    interpreters that already imported the floor (FIRST_USE)."""
    note: str = ""


FIRST_USE = (
    "first use: the package's names load on first access. Timed inside fresh interpreters "
    "that already imported the floor, so the figure is what our own code adds; the floor's "
    "own time is not measured"
)


def _first_use(
    label: str, module: str, subject: str, *, framework: str = "", floor: str | None = None
) -> ImportCase:
    """The row of what our code adds on first use, timed in-process."""
    frameworks = (framework,) if framework else ()
    extra = "import httpx" if framework else ""
    return ImportCase(
        f"{label}, first use",
        module,
        subject,
        floor=floor,
        framework=frameworks,
        floor_extra=extra,
        measure="in_process",
        note=FIRST_USE,
    )


IMPORT_CASES = (
    ImportCase("core", "zendesk_talk_connector", "import zendesk_talk_connector",
               floor="import httpx, pydantic"),
    _first_use("core", "zendesk_talk_connector",
               "from zendesk_talk_connector import ZendeskTalkConnector",
               floor="import httpx; from pydantic import BaseModel"),
    ImportCase("LangChain adapter", "langchain_zendesk_talk", "import langchain_zendesk_talk",
               framework=("langchain_core",)),
    _first_use("LangChain adapter", "langchain_zendesk_talk",
               "from langchain_zendesk_talk import ZendeskTalkToolkit",
               framework="langchain_core"),
    ImportCase("LlamaIndex adapter", "llama_index.tools.zendesk_talk",
               "import llama_index.tools.zendesk_talk", framework=("llama_index.core",)),
    _first_use("LlamaIndex adapter", "llama_index.tools.zendesk_talk",
               "from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec",
               framework="llama_index.core"),
)  # fmt: skip


def import_figures(sizes: Sizes, profiles: dict[str, str]) -> list[Figure]:
    figures: list[Figure] = []
    for case in IMPORT_CASES:
        name = f"import: {case.label}"
        if not imports.importable(case.module):
            figures.append(_not_installed("import time", name, case.subject, "ms", case.module))
            continue
        floor = case.floor
        if floor is None:
            statements = imports.framework_imports(case.module, case.framework)
            floor = "; ".join(statements) or f"import {case.framework[0]}.tools"
            floor = f"{floor}; {case.floor_extra}" if case.floor_extra else floor
        log(f"{name}: {sizes.import_runs} runs of {case.subject!r} (floor {floor!r})")
        if case.measure == "in_process":
            timed = imports.added_in_process(floor, case.subject, sizes.import_runs)
            added, base_ms = timed.median_ms, None
            floor_label = f"`{floor}` run first, not timed"
            detail = {"subject_runs_ms": timed.runs_ms}
        else:
            base, timed = imports.compare(floor, case.subject, sizes.import_runs)
            added, base_ms = timed.median_ms - base.median_ms, base.median_ms
            floor_label = f"`{floor}`"
            detail = {"floor_runs_ms": base.runs_ms, "subject_runs_ms": timed.runs_ms}
        ok = added <= IMPORT_TARGET_MS
        figures.append(
            Figure(
                section="import time",
                name=name,
                floor_label=floor_label,
                subject_label=f"`{case.subject}`",
                unit="ms",
                floor=base_ms,
                subject=timed.median_ms,
                metric="adds (ms)",
                value=added,
                target=f"<= {IMPORT_TARGET_MS:g} ms",
                ok=ok,
                score=added / IMPORT_TARGET_MS,
                note=case.note,
                detail=detail,
            )
        )
        if not ok and not sizes.quick:
            rows = imports.importtime_profile(case.subject, floor)
            profiles[name] = "\n".join(f"{ms:8.1f} ms  {mod}" for mod, ms in rows)
    return figures


def _not_installed(section: str, name: str, subject: str, unit: str, what: str) -> Figure:
    return Figure(
        section=section,
        name=name,
        floor_label="-",
        subject_label=f"`{subject}`",
        unit=unit,
        floor=None,
        subject=None,
        metric="-",
        value=None,
        target="-",
        ok=None,
        note=f"not installed: {what}",
    )


# -- calls against the sandbox ---------------------------------------------------------------


def latency_figures(sb: dict[str, Any], sizes: Sizes) -> list[Figure]:
    figures = []
    for flavour, subject, floor in (
        ("async", "`await connector.execute('addresses', 'list')`", "`AsyncClient` GET + json"),
        ("sync", "`SyncZendeskTalkConnector.execute(...)`", "`httpx.Client` GET + json"),
    ):
        runs = []
        for _ in range(sizes.latency_repeats):
            runs.append(
                run_worker(
                    "latency",
                    {
                        **sb,
                        "flavour": flavour,
                        "calls": sizes.latency_calls,
                        "rounds": sizes.latency_rounds,
                        "warmup": sizes.latency_warmup,
                    },
                )
            )
        floor_p50 = median([r["floor"]["p50_us"] for r in runs])
        subject_p50 = median([r["subject"]["p50_us"] for r in runs])
        ratios = sorted(r["subject"]["p50_us"] / r["floor"]["p50_us"] for r in runs)
        ratio = median(ratios)
        log(f"latency {flavour}: floor {floor_p50:.0f} us, connector {subject_p50:.0f} us")
        figures.append(
            Figure(
                section="per-call latency",
                name=f"per-call latency ({flavour}), p50",
                floor_label=floor,
                subject_label=subject,
                unit="us",
                floor=floor_p50,
                subject=subject_p50,
                metric="p50 ratio",
                value=ratio,
                target=f"<= {LATENCY_TARGET:g}",
                ok=ratio <= LATENCY_TARGET,
                score=ratio / LATENCY_TARGET,
                note=f"{sizes.latency_calls:,} sequential calls per side, x{len(runs)} runs; "
                f"the runs' ratios {ratios[0]:.2f}-{ratios[-1]:.2f}",
                detail={"runs": runs},
            )
        )
    return figures


def concurrency_figures(sb: dict[str, Any], sizes: Sizes) -> list[Figure]:
    result = run_worker(
        "concurrency",
        {
            **sb,
            "concurrency": sizes.concurrency,
            "per_worker": sizes.per_worker,
            "rounds": sizes.concurrency_rounds,
        },
    )
    floor = result["floor"]["median_rps"]
    figures = []
    for key, label, target in (
        ("tool", "`ToolRunner.acall` (addresses_list tool)", True),
        ("execute", "`connector.execute('addresses', 'list')`", False),
    ):
        rps = result[key]["median_rps"]
        ratio = rps / floor
        log(f"concurrency {key}: floor {floor:.0f}/s, subject {rps:.0f}/s")
        figures.append(
            Figure(
                section="concurrency",
                name=f"{sizes.concurrency} concurrent calls: {key}",
                floor_label="`httpx.AsyncClient` GET + json, the connector's pool limits",
                subject_label=label,
                unit="calls/s",
                floor=floor,
                subject=rps,
                metric="throughput ratio",
                value=ratio,
                target=f">= {CONCURRENCY_TARGET:g}" if target else "(breakdown)",
                ok=ratio >= CONCURRENCY_TARGET if target else None,
                score=CONCURRENCY_TARGET / ratio if target and ratio > 0 else None,
                note=f"{sizes.concurrency} tasks x {sizes.per_worker} calls, "
                f"median of {sizes.concurrency_rounds} rounds",
                detail={"floor_runs": result["floor"]["runs_rps"], "runs": result[key]["runs_rps"]},
            )
        )
    return figures


def export_figures(sb: dict[str, Any], sizes: Sizes) -> list[Figure]:
    log("export: warming the sandbox's page cache with one raw pass")
    warm = run_worker("export", {**sb, "side": "raw"})
    if warm["records"] != sizes.export_calls:
        raise RuntimeError(f"sandbox served {warm['records']} calls, not {sizes.export_calls}")
    figures = []
    for flavour in ("async", "sync"):
        runs: dict[str, list[dict[str, Any]]] = {"raw": [], "connector": []}
        for i in range(sizes.export_repeats):
            order = ["raw", "connector"] if i % 2 == 0 else ["connector", "raw"]
            for side in order:
                runs[side].append(run_worker("export", {**sb, "side": side, "flavour": flavour}))
        for side, results in runs.items():
            for r in results:
                if r["records"] != sizes.export_calls:
                    raise RuntimeError(f"{side} export yielded {r['records']} records")
        raw_wall = median([r["wall_s"] for r in runs["raw"]])
        sub_wall = median([r["wall_s"] for r in runs["connector"]])
        raw_growth = median([r["growth_kb"] / 1024 for r in runs["raw"]])
        sub_growth = median([r["growth_kb"] / 1024 for r in runs["connector"]])
        log(f"export {flavour}: raw {raw_wall:.2f}s, connector {sub_wall:.2f}s")
        ratio = sub_wall / raw_wall
        # Each connector run against the raw run made next to it: how far one run can stray.
        paired = [
            c["wall_s"] / r["wall_s"] for r, c in zip(runs["raw"], runs["connector"], strict=True)
        ]
        detail = {"runs": runs}
        figures.append(
            Figure(
                section="export throughput",
                name=f"export {sizes.export_calls:,} calls ({flavour}): wall",
                floor_label="raw httpx export loop (start_time paging, boundary dedupe)",
                subject_label="`calls.iter(start_time=0)`"
                if flavour == "sync"
                else "`async for c in connector.calls.iter(start_time=0)`",
                unit="s",
                floor=raw_wall,
                subject=sub_wall,
                metric="wall ratio",
                value=ratio,
                target=f"<= {EXPORT_WALL_TARGET:g}",
                ok=ratio <= EXPORT_WALL_TARGET,
                score=ratio / EXPORT_WALL_TARGET,
                note=f"{sizes.export_calls / sub_wall:,.0f} vs {sizes.export_calls / raw_wall:,.0f}"
                f" records/s; median of {sizes.export_repeats}, each side in its own process;"
                f" paired runs' ratios {min(paired):.2f}-{max(paired):.2f}",
                detail=detail,
            )
        )
        figures.append(
            Figure(
                section="export throughput",
                name=f"export {sizes.export_calls:,} calls ({flavour}): peak RSS growth",
                floor_label="raw loop: ru_maxrss - RSS before",
                subject_label="connector: ru_maxrss - RSS before",
                unit="MB",
                floor=raw_growth,
                subject=sub_growth,
                metric="over floor (MB)",
                value=sub_growth - raw_growth,
                target=f"<= {EXPORT_RSS_TARGET_MB:g} MB",
                ok=sub_growth - raw_growth <= EXPORT_RSS_TARGET_MB,
                score=(sub_growth - raw_growth) / EXPORT_RSS_TARGET_MB,
                note="peak "
                f"{median([r['peak_kb'] / 1024 for r in runs['connector']]):.0f} MB vs "
                f"{median([r['peak_kb'] / 1024 for r in runs['raw']]):.0f} MB absolute",
            )
        )
    return figures


def compaction_figures(sb: dict[str, Any], sizes: Sizes) -> list[Figure]:
    r = run_worker("compaction", {**sb, "limit": sizes.phone_numbers})
    ratio = r["tool_bytes"] / r["raw_bytes"]
    complete = r["tool_records"] == r["raw_records"] and not r["lost_count"]
    log(f"compaction: {r['tool_bytes']} of {r['raw_bytes']} bytes, lost {r['lost_count']}")
    note = (
        f"{r['tool_records']}/{r['raw_records']} records shown; {r['checked_values']:,} non-null "
        f"raw values checked: {r['lost_count']} lost, {r['changed_count']} changed"
    )
    return [
        Figure(
            section="output compaction",
            name=f"tool output, {sizes.phone_numbers} phone numbers (all shown)",
            floor_label=f"raw API JSON (`GET /phone_numbers?per_page={sizes.phone_numbers}`)",
            subject_label="`phone_numbers_list` output, budget large enough for all",
            unit="bytes",
            floor=r["raw_bytes"],
            subject=r["tool_bytes"],
            metric="size ratio",
            value=ratio,
            target=f"<= {COMPACTION_TARGET:.0%}, no value lost",
            ok=ratio <= COMPACTION_TARGET and complete,
            score=ratio / COMPACTION_TARGET,
            note=note,
            detail=r,
        ),
        Figure(
            section="output compaction",
            name=f"tool output, {sizes.phone_numbers} phone numbers (default budget)",
            floor_label="raw API JSON",
            subject_label="`phone_numbers_list` output, default `max_output_chars`",
            unit="bytes",
            floor=r["raw_bytes"],
            subject=r["default_bytes"],
            metric="size ratio",
            value=r["default_bytes"] / r["raw_bytes"],
            target="(bounded)",
            ok=None,
            note=f"{r['default_records']} of {r['raw_records']} records fit; the rest via cursor",
        ),
    ]


def store_figures(sb: dict[str, Any], sizes: Sizes) -> list[Figure]:
    """The local store (issue 16): sync against the export loop, then queries over a store
    of ``stored_calls`` calls."""
    runs: dict[str, list[dict[str, Any]]] = {"iter": [], "sync": []}
    for i in range(sizes.store_repeats):
        for side in ("iter", "sync") if i % 2 == 0 else ("sync", "iter"):
            runs[side].append(run_worker("store_export", {**sb, "side": side}))
    counts = {r["records"] for side in runs.values() for r in side}
    if len(counts) != 1:
        raise RuntimeError(f"store sync and iter saw different record counts: {sorted(counts)}")
    records = counts.pop()
    iter_wall = median([r["wall_s"] for r in runs["iter"]])
    sync_wall = median([r["wall_s"] for r in runs["sync"]])
    iter_growth = median([r["growth_mb"] for r in runs["iter"]])
    sync_growth = median([r["growth_mb"] for r in runs["sync"]])
    ratio = sync_wall / iter_wall
    log(f"store sync: iter {iter_wall:.2f}s, sync {sync_wall:.2f}s, growth {sync_growth:.0f} MB")
    exports = f"{sizes.export_calls:,} calls + legs ({records:,} records)"
    repeats = f"median of {sizes.store_repeats}, each side in its own process"
    log(f"store queries: building a store of {sizes.stored_calls:,} calls")
    q = run_worker("store_queries", {"stored": sizes.stored_calls}, timeout=3600)
    stored = f"{sizes.stored_calls:,} stored calls"
    offline = "`connector.execute(...)` answered from the store (no network)"
    size_ratio = q["file_bytes"] / q["raw_bytes"]
    return [
        Figure(
            section="local store",
            name=f"store sync {exports}: wall",
            floor_label="`calls.iter()` + `call_legs.iter()` (same sandbox, no rate limit)",
            subject_label="`connector.sync(['calls', 'call_legs'])` into a new store",
            unit="s",
            floor=iter_wall,
            subject=sync_wall,
            metric="wall ratio",
            value=ratio,
            target=f"<= {STORE_SYNC_WALL_TARGET:g}",
            ok=ratio <= STORE_SYNC_WALL_TARGET,
            score=ratio / STORE_SYNC_WALL_TARGET,
            note=f"{records / sync_wall:,.0f} vs {records / iter_wall:,.0f} records/s; {repeats}",
            detail={"runs": runs},
        ),
        Figure(
            section="local store",
            name=f"store sync {exports}: peak RSS growth",
            floor_label="iter: ru_maxrss - RSS before",
            subject_label="sync: ru_maxrss - RSS before",
            unit="MB",
            floor=iter_growth,
            subject=sync_growth,
            metric="growth (MB)",
            value=sync_growth,
            target=f"<= {STORE_SYNC_RSS_TARGET_MB:g} MB",
            ok=sync_growth <= STORE_SYNC_RSS_TARGET_MB,
            score=sync_growth / STORE_SYNC_RSS_TARGET_MB,
            note=repeats,
        ),
        Figure(
            section="local store",
            name=f"store search, indexed eq + limit 20, {stored}: p50",
            floor_label="-",
            subject_label=f"`context_store_search` {{eq: agent_id}}, {offline}",
            unit="ms",
            floor=None,
            subject=q["search_p50_ms"],
            metric="p50 (ms)",
            value=q["search_p50_ms"],
            target=f"<= {STORE_SEARCH_TARGET_MS:g} ms",
            ok=q["search_p50_ms"] <= STORE_SEARCH_TARGET_MS,
            score=q["search_p50_ms"] / STORE_SEARCH_TARGET_MS,
            note="50 searches",
        ),
        Figure(
            section="local store",
            name=f"store aggregate avg:duration by agent_id, {stored}",
            floor_label="-",
            subject_label=f"`context_store_aggregate`, {offline}",
            unit="s",
            floor=None,
            subject=q["aggregate_s"],
            metric="time (s)",
            value=q["aggregate_s"],
            target=f"<= {STORE_AGGREGATE_TARGET_S:g} s",
            ok=q["aggregate_s"] <= STORE_AGGREGATE_TARGET_S,
            score=q["aggregate_s"] / STORE_AGGREGATE_TARGET_S,
            note=f"{q['groups']} groups, agent names joined after grouping",
        ),
        Figure(
            section="local store",
            name=f"store file size, {stored}",
            floor_label="the same records as compact JSON",
            subject_label="the SQLite file (tables and indexes)",
            unit="bytes",
            floor=q["raw_bytes"],
            subject=q["file_bytes"],
            metric="size ratio",
            value=size_ratio,
            target=f"<= {STORE_SIZE_TARGET:.0%}",
            ok=size_ratio <= STORE_SIZE_TARGET,
            score=size_ratio / STORE_SIZE_TARGET,
        ),
        paced_figure(run_worker("store_paced", {"calls": sizes.paced_calls}, timeout=900)),
    ]


def paced_figure(paced: dict[str, Any]) -> Figure:
    """The sync at Zendesk's export rate limit: met when no request drew a 429 and the limit
    was reached (more requests than it allows in a minute), so the pacing was exercised; a
    run too small to reach it (``--quick``) only reports."""
    requests, answers_429 = paced["requests"], paced["answers_429"]
    reached = requests > PACED_LIMIT
    return Figure(
        section="local store",
        name=f"store sync at the export rate limit ({PACED_LIMIT}/min): 429 answers",
        floor_label="-",
        subject_label="`connector.sync(['calls', 'call_legs'])` against a sandbox allowing "
        f"{PACED_LIMIT} export requests a minute",
        unit="answers",
        floor=None,
        subject=answers_429,
        metric="429 answers",
        value=answers_429,
        target="0, limit reached",
        ok=False if answers_429 else (True if reached else None),
        score=float(answers_429),
        note=f"{requests} export requests in {paced['seconds']:.0f} s, "
        f"{paced['paced_seconds']:.0f} s of it waiting for the limit"
        + ("" if reached else f"; the limit was not reached ({requests} <= {PACED_LIMIT})"),
    )


# -- profiles ---------------------------------------------------------------------------------


def runtime_profiles(
    sb: dict[str, Any], sizes: Sizes, figures: list[Figure], out: Path, profiles: dict[str, str]
) -> None:
    """pyinstrument profiles of the subject side of each missed runtime figure."""
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        for figure in figures:
            if figure.ok is False and figure.section != "import time":
                profiles[figure.name] = "(pyinstrument not installed: no profile)"
        return
    wanted: dict[str, dict[str, Any]] = {}
    for figure in figures:
        if figure.ok is not False:
            continue
        if figure.name.startswith("per-call latency (async)"):
            wanted[figure.name] = {"target": "latency", "calls": sizes.latency_calls}
        elif figure.name.startswith("per-call latency (sync)"):
            wanted[figure.name] = {"target": "latency_sync", "calls": sizes.latency_calls}
        elif figure.section == "concurrency":
            wanted[figure.name] = {
                "target": "concurrency",
                "concurrency": sizes.concurrency,
                "per_worker": sizes.per_worker,
            }
        elif figure.section == "export throughput":
            flavour = "sync" if "(sync)" in figure.name else "async"
            wanted[figure.name] = {"target": "export" if flavour == "async" else "export_sync"}
    for name, opts in wanted.items():
        path = out / f"profile-{opts['target']}.txt"
        log(f"profiling {name} -> {path.name}")
        run_worker("profile", {**sb, **opts, "out": str(path)})
        profiles[name] = f"(full profile: `{path.name}`)\n" + _excerpt(path.read_text())


def _excerpt(text: str, lines: int = 45) -> str:
    body = [line for line in text.splitlines() if line.strip()]
    return "\n".join(body[:lines])


# -- main -------------------------------------------------------------------------------------

_RUNTIME_GROUPS: tuple[tuple[str, Callable[[dict[str, Any], Sizes], list[Figure]]], ...] = (
    ("compaction", compaction_figures),
    ("latency", latency_figures),
    ("concurrency", concurrency_figures),
    ("export", export_figures),
    ("store", store_figures),
)
"""The figures measured against the sandbox process, in report order."""
GROUPS = ("import", *(name for name, _ in _RUNTIME_GROUPS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (smoke run)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--no-profile", action="store_true", help="skip profiles of misses")
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        help="run only this group of figures (repeatable); the report then holds only those",
    )
    parser.add_argument(
        "--publish",
        action="store_true",
        help="also copy the report and chart to benchmarks/REPORT.md and REPORT.png",
    )
    args = parser.parse_args(argv)
    groups = set(args.only or GROUPS)
    if args.publish and (args.quick or args.only):
        parser.error("--publish needs a full run (no --quick, no --only)")
    sizes = QUICK if args.quick else FULL
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    machine = machine_description()
    load_before = os.getloadavg()
    profiles: dict[str, str] = {}
    figures: list[Figure] = []

    if "import" in groups:
        figures += import_figures(sizes, profiles)
    runtime = [(name, run) for name, run in _RUNTIME_GROUPS if name in groups]
    if runtime:
        log(f"starting the sandbox ({sizes.export_calls:,} calls) in its own process")
        with SandboxProcess(call_count=sizes.export_calls) as sandbox:
            sb = {k: sandbox.info[k] for k in ("base_url", "api_url", "email", "api_token")}
            for _, run in runtime:
                figures += run(sb, sizes)
            if not args.no_profile and not args.quick:
                runtime_profiles(sb, sizes, figures, out, profiles)
    machine["load average (1, 5, 15 min) before / after"] = (
        f"{' '.join(f'{x:.2f}' for x in load_before)} / "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    machine["duration"] = f"{time.time() - started:.0f} s"
    chart = write_chart(figures, out / "report.png")
    report = write_report(
        figures,
        out / "report.md",
        machine=machine,
        quick=args.quick,
        profiles=profiles,
        chart=chart,
        sizes={k: v for k, v in sizes.__dict__.items() if k != "quick"},
    )
    print(report.read_text())
    log(f"wrote {report} and {chart or 'no chart (matplotlib not installed)'}")
    if args.publish:
        publish(report, chart)
    return 0


PUBLISHED = REPO / "benchmarks" / "REPORT.md"


def publish(report: Path, chart: Path | None, destination: Path = PUBLISHED) -> None:
    """Copy a full run to ``destination`` (the committed ``benchmarks/REPORT.md``), the chart
    beside it with the same stem."""
    text = report.read_text(encoding="utf-8")
    if chart is not None:
        published_chart = destination.with_suffix(".png")
        shutil.copyfile(chart, published_chart)
        text = text.replace(f"![chart]({chart.name})", f"![chart]({published_chart.name})")
    header = "<!-- Written by `make bench` (`python -m benchmarks.run --publish`). -->\n\n"
    destination.write_text(header + text, encoding="utf-8")
    log(f"published {destination}")


if __name__ == "__main__":
    sys.exit(main())

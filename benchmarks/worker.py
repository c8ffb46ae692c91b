"""``python -m benchmarks.worker KIND JSON``: one measurement in a fresh interpreter.

Each kind prints one JSON line with its numbers. The floor is raw httpx doing the same HTTP
work as the connector (same URL, query, headers, and ``response.json()``); the subject is the
connector (or its tool layer). Both run in this process, interleaved round by round with the
order alternating, so drift on the machine hits both alike.
"""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import resource
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Generator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkConnector
from zendesk_talk_connector.connector import DEFAULT_LIMITS
from zendesk_talk_connector.models import ZendeskTalkApiTokenAuthConfig

Options = dict[str, Any]
EXPORT_PAGE = 1000


# -- helpers ------------------------------------------------------------------------------


def _auth_header(opts: Options) -> str:
    raw = f"{opts['email']}/token:{opts['api_token']}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


def _headers(opts: Options) -> dict[str, str]:
    """The headers the connector sends (Accept, User-Agent, Authorization)."""
    return {
        "Accept": "application/json",
        "User-Agent": "zendesk-talk-bench-floor",
        "Authorization": _auth_header(opts),
    }


def _auth(opts: Options) -> ZendeskTalkApiTokenAuthConfig:
    return ZendeskTalkApiTokenAuthConfig(email=opts["email"], api_token=opts["api_token"])


def _async_connector(opts: Options) -> ZendeskTalkConnector:
    return ZendeskTalkConnector(auth_config=_auth(opts), config={"base_url": opts["base_url"]})


def _sync_connector(opts: Options) -> SyncZendeskTalkConnector:
    return SyncZendeskTalkConnector(auth_config=_auth(opts), config={"base_url": opts["base_url"]})


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _peak_kb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _summary(samples_ns: list[int]) -> dict[str, float]:
    ordered = sorted(samples_ns)
    n = len(ordered)

    def pct(q: float) -> float:
        return ordered[min(n - 1, round(q * (n - 1)))] / 1000

    return {
        "n": n,
        "p50_us": pct(0.50),
        "p90_us": pct(0.90),
        "p99_us": pct(0.99),
        "mean_us": sum(ordered) / n / 1000,
    }


# -- per-call latency -----------------------------------------------------------------------

LATENCY_PATH = "/addresses"
LATENCY_QUERY = {"per_page": "100"}  # what the connector sends for a list without limit


async def _latency_async(opts: Options) -> dict[str, Any]:
    url = opts["api_url"] + LATENCY_PATH
    headers = _headers(opts)
    floor: list[int] = []
    subject: list[int] = []
    async with httpx.AsyncClient() as client, _async_connector(opts) as connector:

        async def raw_call() -> None:
            response = await client.get(url, params=LATENCY_QUERY, headers=headers)
            response.raise_for_status()
            response.json()

        async def connector_call() -> None:
            await connector.execute("addresses", "list")

        async def run(call: Callable[[], Awaitable[None]], n: int, out: list[int] | None) -> None:
            for _ in range(n):
                t0 = time.perf_counter_ns()
                await call()
                if out is not None:
                    out.append(time.perf_counter_ns() - t0)

        await run(raw_call, opts["warmup"], None)
        await run(connector_call, opts["warmup"], None)
        per_round = max(1, opts["calls"] // opts["rounds"])
        for i in range(opts["rounds"]):
            sides = [(raw_call, floor), (connector_call, subject)]
            for call, out in sides if i % 2 == 0 else sides[::-1]:
                await run(call, per_round, out)
    return {"floor": _summary(floor), "subject": _summary(subject)}


def _latency_sync(opts: Options) -> dict[str, Any]:
    url = opts["api_url"] + LATENCY_PATH
    headers = _headers(opts)
    floor: list[int] = []
    subject: list[int] = []
    with httpx.Client() as client, _sync_connector(opts) as connector:

        def raw_call() -> None:
            response = client.get(url, params=LATENCY_QUERY, headers=headers)
            response.raise_for_status()
            response.json()

        def connector_call() -> None:
            connector.execute("addresses", "list")

        def run(call: Callable[[], None], n: int, out: list[int] | None) -> None:
            for _ in range(n):
                t0 = time.perf_counter_ns()
                call()
                if out is not None:
                    out.append(time.perf_counter_ns() - t0)

        run(raw_call, opts["warmup"], None)
        run(connector_call, opts["warmup"], None)
        per_round = max(1, opts["calls"] // opts["rounds"])
        for i in range(opts["rounds"]):
            sides = [(raw_call, floor), (connector_call, subject)]
            for call, out in sides if i % 2 == 0 else sides[::-1]:
                run(call, per_round, out)
    return {"floor": _summary(floor), "subject": _summary(subject)}


def latency(opts: Options) -> dict[str, Any]:
    if opts.get("flavour", "async") == "sync":
        return _latency_sync(opts)
    return asyncio.run(_latency_async(opts))


# -- concurrency ----------------------------------------------------------------------------


async def _concurrency(opts: Options) -> dict[str, Any]:
    """Throughput of N tasks each making k calls back to back; each burst starts from a fresh
    client (an empty connection pool), so rounds are independent samples."""
    from zendesk_talk_connector.tools import ToolRunner

    url = opts["api_url"] + LATENCY_PATH
    headers = _headers(opts)
    concurrency, per_worker = opts["concurrency"], opts["per_worker"]

    async def burst(name: str, n: int) -> float:
        # The floor uses the connector's own pool limits: the same HTTP work (connections
        # opened, kept alive, closed); httpcore's pool costs grow with its size.
        async with (
            httpx.AsyncClient(limits=DEFAULT_LIMITS) as client,
            _async_connector(opts) as connector,
        ):
            runner = ToolRunner(connector)
            (tool,) = runner.definitions(include=["addresses/list"])

            async def call() -> None:
                if name == "floor":
                    response = await client.get(url, params=LATENCY_QUERY, headers=headers)
                    response.raise_for_status()
                    response.json()
                elif name == "tool":
                    await runner.acall(tool, {})
                else:
                    await connector.execute("addresses", "list")

            async def worker() -> None:
                for _ in range(n):
                    await call()

            t0 = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            return float(concurrency * n / (time.perf_counter() - t0))

    results: dict[str, list[float]] = {"floor": [], "tool": [], "execute": []}
    order = list(results)
    for name in order:  # warm every code path once
        await burst(name, 1)
    for i in range(opts["rounds"]):
        for name in order[i % len(order) :] + order[: i % len(order)]:
            results[name].append(await burst(name, per_worker))
    return {
        name: {"median_rps": sorted(v)[len(v) // 2], "runs_rps": v} for name, v in results.items()
    }


def concurrency(opts: Options) -> dict[str, Any]:
    return asyncio.run(_concurrency(opts))


# -- export throughput ------------------------------------------------------------------------


def _epoch(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def _boundary_ids(calls: list[dict[str, Any]], end_time: int) -> set[int]:
    """Ids of the records in the page's last second (the page is ordered by updated_at)."""
    ids: set[int] = set()
    for call in reversed(calls):
        if _epoch(call["updated_at"]) != end_time:
            break
        ids.add(call["id"])
    return ids


RawExport = Generator[dict[str, str], Any, int]
"""The floor's export decisions (sans-IO, like the connector's): yields each page's query,
is sent the decoded body, returns the number of records."""


def _raw_export() -> RawExport:
    start, seen, count = 0, set[int](), 0
    while True:
        body = yield {"start_time": str(start)}
        calls = body["calls"]
        for call in calls:
            if call["id"] not in seen:
                count += 1
        if body["count"] < EXPORT_PAGE:
            return count
        end = body["end_time"]
        boundary = _boundary_ids(calls, end)
        seen = boundary | seen if end == start else boundary
        start = end


async def _raw_export_async(opts: Options) -> int:
    url, headers = opts["api_url"] + "/stats/incremental/calls", _headers(opts)
    export = _raw_export()
    query = next(export)
    async with httpx.AsyncClient(timeout=60) as client:
        while True:
            response = await client.get(url, params=query, headers=headers)
            response.raise_for_status()
            try:
                query = export.send(response.json())
            except StopIteration as done:
                return int(done.value)


def _raw_export_sync(opts: Options) -> int:
    url, headers = opts["api_url"] + "/stats/incremental/calls", _headers(opts)
    export = _raw_export()
    query = next(export)
    with httpx.Client(timeout=60) as client:
        while True:
            response = client.get(url, params=query, headers=headers)
            response.raise_for_status()
            try:
                query = export.send(response.json())
            except StopIteration as done:
                return int(done.value)


async def _connector_export_async(opts: Options) -> int:
    count = 0
    async with _async_connector(opts) as connector:
        async for _call in connector.calls.iter(start_time=0):
            count += 1
    return count


def _connector_export_sync(opts: Options) -> int:
    count = 0
    with _sync_connector(opts) as connector:
        for _call in connector.calls.iter(start_time=0):
            count += 1
    return count


def _warm_up_export(opts: Options, side: str) -> None:
    """One single-record request of the export, so the timed run measures streaming, not
    first use (lazy imports, building the record model): the import figures measure that,
    and the latency and concurrency figures are taken after a warm-up too."""
    if side == "raw":
        with httpx.Client() as client:
            client.get(
                opts["api_url"] + "/stats/incremental/calls",
                params={"start_time": "0"},
                headers=_headers(opts),
            ).json()
    else:
        with _sync_connector(opts) as connector:
            connector.execute("calls", "list", {"start_time": 0, "limit": 1})


def export(opts: Options) -> dict[str, Any]:
    side, flavour = opts["side"], opts.get("flavour", "async")
    _warm_up_export(opts, side)
    gc.collect()
    before = _rss_kb()
    t0 = time.perf_counter()
    if side == "raw":
        records = (
            asyncio.run(_raw_export_async(opts)) if flavour == "async" else _raw_export_sync(opts)
        )
    else:
        records = (
            asyncio.run(_connector_export_async(opts))
            if flavour == "async"
            else _connector_export_sync(opts)
        )
    wall = time.perf_counter() - t0
    peak = _peak_kb()
    return {
        "wall_s": wall,
        "records": records,
        "rss_before_kb": before,
        "peak_kb": peak,
        "growth_kb": peak - before,
    }


# -- output compaction ------------------------------------------------------------------------


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Non-null leaf values by path (``a.b[2]``); empty containers count as leaves."""
    if isinstance(value, dict):
        if not value:
            return {path: {}}
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_leaves(item, f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(value, list):
        if not value:
            return {path: []}
        out = {}
        for index, item in enumerate(value):
            out.update(_leaves(item, f"{path}[{index}]"))
        return out
    return {} if value is None else {path: value}


def _same(raw: Any, shown: Any) -> bool:
    if raw == shown and type(raw) is type(shown):
        return True
    if isinstance(raw, str) and isinstance(shown, str):
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")) == datetime.fromisoformat(
                shown.replace("Z", "+00:00")
            )
        except ValueError:
            return False
    return False


def _records_in(content: str) -> list[dict[str, Any]]:
    """The records of a tool output: a list of objects, or columns + rows (null cells and
    dotted column names for nested fields are read back to the same value paths)."""
    body = json.loads(content)
    if isinstance(body, dict) and isinstance(body.get("columns"), list):
        columns = body["columns"]
        return [
            {c: v for c, v in zip(columns, row, strict=False) if v is not None}
            for row in body.get("rows", [])
        ]
    if isinstance(body, dict):
        for key in ("records", "data", "phone_numbers"):
            if isinstance(body.get(key), list):
                return [r for r in body[key] if isinstance(r, dict)]
    if isinstance(body, list):
        return [r for r in body if isinstance(r, dict)]
    raise ValueError("no records found in the tool output")


async def _compaction(opts: Options) -> dict[str, Any]:
    from zendesk_talk_connector.tools import ToolRunner

    limit = opts["limit"]
    async with httpx.AsyncClient() as client, _async_connector(opts) as connector:
        response = await client.get(
            opts["api_url"] + "/phone_numbers",
            params={"per_page": str(limit)},
            headers=_headers(opts),
        )
        response.raise_for_status()
        raw_bytes = len(response.content)
        raw_records = response.json()["phone_numbers"]
        full = ToolRunner(connector, max_output_chars=10_000_000)
        (tool,) = full.definitions(include=["phone_numbers/list"])
        content = (await full.acall(tool, {"limit": limit})).content
        default = ToolRunner(connector)
        default_content = (await default.acall(tool, {"limit": limit})).content
    shown = _records_in(content)
    by_id = {r.get("id"): r for r in shown}
    checked, lost, changed = 0, [], []
    for raw in raw_records:
        record = by_id.get(raw["id"])
        shown_leaves = _leaves(record) if record is not None else {}
        for path, value in _leaves(raw).items():
            checked += 1
            if path not in shown_leaves:
                lost.append(f"id {raw['id']}: {path}={value!r}")
            elif not _same(value, shown_leaves[path]):
                changed.append(f"id {raw['id']}: {path}: {value!r} -> {shown_leaves[path]!r}")
    try:
        default_shown = len(_records_in(default_content))
    except ValueError:
        default_shown = 0
    return {
        "raw_bytes": raw_bytes,
        "raw_records": len(raw_records),
        "tool_bytes": len(content.encode()),
        "tool_records": len(shown),
        "default_bytes": len(default_content.encode()),
        "default_records": default_shown,
        "checked_values": checked,
        "lost": lost[:20],
        "lost_count": len(lost),
        "changed": changed[:20],
        "changed_count": len(changed),
        "sample_raw": json.dumps(raw_records[0])[:600] if raw_records else "",
        "sample_tool": json.dumps(shown[0])[:600] if shown else "",
    }


def compaction(opts: Options) -> dict[str, Any]:
    return asyncio.run(_compaction(opts))


# -- profiles of the subject side (for missed targets) -------------------------------------


async def _profiled_latency(opts: Options) -> None:
    async with _async_connector(opts) as connector:
        for _ in range(opts["calls"]):
            await connector.execute("addresses", "list")


async def _profiled_concurrency(opts: Options) -> None:
    from zendesk_talk_connector.tools import ToolRunner

    async with _async_connector(opts) as connector:
        runner = ToolRunner(connector)
        (tool,) = runner.definitions(include=["addresses/list"])

        async def worker() -> None:
            for _ in range(opts["per_worker"]):
                await runner.acall(tool, {})

        await asyncio.gather(*(worker() for _ in range(opts["concurrency"])))


def profile(opts: Options) -> dict[str, Any]:
    """Run the subject side of one figure under pyinstrument; the text report is written to
    ``opts['out']``."""
    from pyinstrument import Profiler

    target = opts["target"]
    profiler = Profiler(interval=0.0005, async_mode="enabled")
    profiler.start()
    if target == "latency":
        asyncio.run(_profiled_latency(opts))
    elif target == "latency_sync":
        with _sync_connector(opts) as connector:
            for _ in range(opts["calls"]):
                connector.execute("addresses", "list")
    elif target == "concurrency":
        asyncio.run(_profiled_concurrency(opts))
    elif target == "export":
        asyncio.run(_connector_export_async(opts))
    elif target == "export_sync":
        _connector_export_sync(opts)
    else:
        raise ValueError(f"unknown profile target {target!r}")
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    with open(opts["out"], "w", encoding="utf-8") as handle:
        handle.write(text)
    return {"out": opts["out"]}


# -- local store ------------------------------------------------------------------------------


def store_export(opts: Options) -> dict[str, Any]:
    """One side of the store's sync figure (``benchmarks.store.export_side``)."""
    from . import store

    with tempfile.TemporaryDirectory() as directory:
        return store.export_side(opts, opts["side"], Path(directory))


def store_queries(opts: Options) -> dict[str, Any]:
    """Search, aggregate and file size over ``opts['stored']`` stored calls."""
    from . import store

    with tempfile.TemporaryDirectory() as directory:
        return store.stored_calls(opts["stored"], Path(directory))


def store_paced(opts: Options) -> dict[str, Any]:
    """A sync against a sandbox at the export rate limit (``benchmarks.store.rate_limited``)."""
    from . import store

    with tempfile.TemporaryDirectory() as directory:
        return store.rate_limited(opts["calls"], Path(directory))


KINDS: dict[str, Callable[[Options], dict[str, Any]]] = {
    "profile": profile,
    "latency": latency,
    "concurrency": concurrency,
    "export": export,
    "compaction": compaction,
    "store_export": store_export,
    "store_queries": store_queries,
    "store_paced": store_paced,
}


def main(argv: list[str]) -> int:
    kind, raw = argv[0], argv[1] if len(argv) > 1 else "{}"
    result = KINDS[kind](json.loads(raw))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

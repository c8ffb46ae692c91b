"""``python -m benchmarks.store [--calls N] [--stored N] [--rate-limited]``: the local store.

Prints one line per figure with its target, against a sandbox in its own process:

* sync of ``--calls`` calls (and their legs, about twice as many) into a new store, against
  ``calls.iter()`` + ``call_legs.iter()`` alone (the floor); peak RSS growth of the sync;
* ``--stored`` calls in a store (the sandbox's calls copied under new ids): an indexed ``eq``
  search with ``limit`` 20 (p50 of 50), ``avg:duration`` by ``agent_id``, and the file's size
  against the raw JSON of the same records;
* ``--rate-limited``: a sync against a sandbox allowing 10 export requests a minute counts
  the 429 answers it drew (it takes a minute per ten pages).

``make bench`` (``benchmarks.run``) reports all three in its "store" group, each in its own
interpreter (the rate-limited sync with 3,000 calls: twelve export requests, about a minute).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkApiTokenAuthConfig
from zendesk_talk_connector.records import Call, parse_records
from zendesk_talk_connector.sandbox._data import generate
from zendesk_talk_connector.store import LocalStore, SyncState
from zendesk_talk_connector.store._schema import TABLES

from .common import NOW, PACED_LIMIT, SandboxProcess

SINCE = NOW - 8 * 86_400


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _connector(info: dict[str, Any], **options: Any) -> SyncZendeskTalkConnector:
    auth = ZendeskTalkApiTokenAuthConfig(email=info["email"], api_token=info["api_token"])
    return SyncZendeskTalkConnector(auth, base_url=info["base_url"], **options)


def export_side(info: dict[str, Any], side: str, directory: Path) -> dict[str, Any]:
    """``side`` "iter" (``calls.iter()`` + ``call_legs.iter()``, the floor) or "sync" (both
    into a new store): wall time, records and peak RSS growth. Run each side in a fresh
    interpreter for a fair RSS figure (``benchmarks.run`` does)."""
    with _connector(info) as connector:  # first use (imports, models) is not timed
        connector.execute("calls", "list", {"start_time": SINCE, "limit": 1})
    gc.collect()
    before = _rss_mb()
    started = time.perf_counter()
    if side == "iter":
        with _connector(info) as connector:
            records = sum(1 for _ in connector.calls.iter(start_time=SINCE))
            records += sum(1 for _ in connector.call_legs.iter(start_time=SINCE))
    else:
        with _connector(info, store=directory / "sync.sqlite3") as connector:
            report = connector.sync(
                ["calls", "call_legs"], since=SINCE, export_requests_per_minute=None
            )
        records = report.records
    return {
        "wall_s": time.perf_counter() - started,
        "records": records,
        "growth_mb": _peak_mb() - before,
    }


def sync_against_iter(info: dict[str, Any], directory: Path) -> None:
    floor = export_side(info, "iter", directory)
    sync = export_side(info, "sync", directory)
    print(
        f"sync {sync['records']:,} records: {sync['wall_s']:.1f} s; iter {floor['records']:,}: "
        f"{floor['wall_s']:.1f} s; ratio {sync['wall_s'] / floor['wall_s']:.2f} (target <= 1.5);"
        f" peak RSS growth {sync['growth_mb']:.0f} MB (target <= 50; in one process after the "
        "iter side)"
    )


def stored_calls(stored: int, directory: Path) -> dict[str, Any]:
    """``stored`` calls in a store: search p50, aggregate time, file size vs raw JSON."""
    table = TABLES["calls"]
    templates = generate(seed=0, now=NOW).calls
    raw_bytes = 0
    rows = table.rows(parse_records(Call, templates), NOW)
    sizes = [len(json.dumps(call, separators=(",", ":"))) for call in templates]
    store = LocalStore(directory / "stored.sqlite3")
    key = table.key_index
    assert key is not None
    batch: list[tuple[Any, ...]] = []
    for index in range(stored):
        row = list(rows[index % len(rows)])
        row[key] = index + 1
        batch.append(tuple(row))
        raw_bytes += sizes[index % len(sizes)] + len(str(index + 1)) - 7  # ids are 7 digits
        if len(batch) == 10_000 or index == stored - 1:
            with store.transaction() as writer:
                writer.put_rows(table, batch)
            batch = []
    with store.transaction() as writer:
        writer.set_state(SyncState("calls", NOW, None, SINCE, NOW))
    offline = {
        "email": "bench@example.com",
        "api_token": "unused",
        "base_url": "http://127.0.0.1:9",
    }
    connector = _connector(offline, store=store)  # answers from the store: no network
    agent = next(call["agent_id"] for call in templates if call.get("agent_id"))
    params = {"query": {"filter": {"eq": {"agent_id": agent}}}, "limit": 20}
    timings = []
    for _ in range(50):
        started = time.perf_counter()
        connector.execute("calls", "context_store_search", params)
        timings.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    result = connector.execute(
        "calls",
        "context_store_aggregate",
        {"group_by": ["agent_id"], "metrics": ["avg:duration"], "limit": 1000},
    )
    aggregate_s = time.perf_counter() - started
    store.close()
    return {
        "stored": stored,
        "search_p50_ms": statistics.median(timings),
        "aggregate_s": aggregate_s,
        "groups": len(result.data),
        "file_bytes": (directory / "stored.sqlite3").stat().st_size,
        "raw_bytes": raw_bytes,
    }


def print_stored(figures: dict[str, Any]) -> None:
    size, raw = figures["file_bytes"], figures["raw_bytes"]
    print(
        f"{figures['stored']:,} stored calls: eq search limit 20 p50 "
        f"{figures['search_p50_ms']:.1f} ms (target <= 10); avg:duration by agent_id "
        f"({figures['groups']} groups) {figures['aggregate_s']:.2f} s (target <= 1); file "
        f"{size / 2**20:.0f} MB vs raw JSON {raw / 2**20:.0f} MB (target <= 1.0x: "
        f"{size / raw:.2f}x)"
    )


def rate_limited(calls: int, directory: Path) -> dict[str, Any]:
    """A paced sync against a sandbox allowing 10 export requests a minute: the export
    requests sent, the 429 answers drawn, and how long it took (a minute per ten pages)."""
    answers: list[int] = []
    client = httpx.Client(event_hooks={"response": [lambda r: answers.append(r.status_code)]})
    with (
        SandboxProcess(call_count=calls, export_rate_limit=PACED_LIMIT) as sandbox,
        _connector(
            sandbox.info, store=directory / "paced.sqlite3", http_client=client
        ) as connector,
    ):
        started = time.perf_counter()
        report = connector.sync(["calls", "call_legs"], since=SINCE)
        took = time.perf_counter() - started
    client.close()
    return {
        "requests": len(answers),
        "answers_429": answers.count(429),
        "seconds": took,
        "paced_seconds": report.paced_seconds,
    }


def print_rate_limited(figures: dict[str, Any]) -> None:
    print(
        f"rate limit {PACED_LIMIT}/min: {figures['requests']} export requests in "
        f"{figures['seconds']:.0f} s (waited {figures['paced_seconds']:.0f} s), "
        f"{figures['answers_429']} answers 429 (target 0)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--stored", type=int, default=1_000_000)
    parser.add_argument("--rate-limited", type=int, default=0, metavar="CALLS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        if args.calls:
            with SandboxProcess(call_count=args.calls) as sandbox:
                sync_against_iter(sandbox.info, directory)
        if args.stored:
            print_stored(stored_calls(args.stored, directory))
        if args.rate_limited:
            print_rate_limited(rate_limited(args.rate_limited, directory))


if __name__ == "__main__":
    main()

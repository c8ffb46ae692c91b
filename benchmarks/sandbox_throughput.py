"""Sandbox throughput: requests/s over keep-alive HTTP/1.1 connections (not a test).

Run: ``python benchmarks/sandbox_throughput.py [--seconds 3] [--clients 1 4]``

Each scenario hammers one endpoint for ``--seconds`` with ``--clients`` threads, each owning
one keep-alive ``httpx.Client`` (one TCP connection), and prints requests/s. The exit code is 1
when the single-record scenario with one client falls below ``--min-rps`` (default 1,000).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time

import httpx

from zendesk_talk_connector.sandbox import Sandbox

SCENARIOS: dict[str, str] = {
    "record (phone_number get)": "/phone_numbers/10001",
    "list page (100 phone numbers)": "/phone_numbers?per_page=100",
    "snapshot (account_overview)": "/stats/account_overview",
    "stats list (agents_activity)": "/stats/agents_activity",
    "export page (1000 legs)": "/stats/incremental/legs?start_time=0",
}


def _worker(sandbox: Sandbox, path: str, deadline: float, counts: list[int], slot: int) -> None:
    auth = (f"{sandbox.email}/token", sandbox.api_token)
    with httpx.Client(base_url=sandbox.api_url, auth=auth) as client:
        client.get(path).raise_for_status()  # connect and warm up outside the count
        n = 0
        while time.perf_counter() < deadline:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: HTTP {response.status_code}")
            n += 1
        counts[slot] = n


def measure(sandbox: Sandbox, path: str, seconds: float, clients: int) -> float:
    counts = [0] * clients
    start = time.perf_counter()
    deadline = start + seconds
    threads = [
        threading.Thread(target=_worker, args=(sandbox, path, deadline, counts, i))
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=3.0, help="per scenario (default 3)")
    parser.add_argument(
        "--clients", type=int, nargs="+", default=[1, 4], help="concurrent clients to try"
    )
    parser.add_argument("--min-rps", type=float, default=1000.0)
    args = parser.parse_args(argv)
    ok = True
    with Sandbox(seed=0) as sandbox:
        print(f"sandbox at {sandbox.base_url}; {args.seconds:g}s per scenario")
        for clients in args.clients:
            for name, path in SCENARIOS.items():
                rps = measure(sandbox, path, args.seconds, clients)
                print(f"  {clients} client(s)  {name:<32} {rps:>9,.0f} req/s", flush=True)
                if clients == 1 and path == SCENARIOS["record (phone_number get)"]:
                    ok = rps >= args.min_rps
    if not ok:
        print(f"FAIL: single-client record throughput below {args.min_rps:,.0f} req/s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

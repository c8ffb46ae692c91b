"""``python -m benchmarks.sandbox_server --calls N``: a sandbox in its own process.

Prints one JSON line (``base_url``, ``api_url``, ``email``, ``api_token``, ``calls``) once it
listens, then serves until stdin is closed (the benchmark runner holds the pipe).
"""

from __future__ import annotations

import argparse
import json
import sys

from zendesk_talk_connector.sandbox import Sandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=6_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--now", type=int, default=None)
    parser.add_argument("--export-rate-limit", type=int, default=None)
    args = parser.parse_args(argv)
    sandbox = Sandbox(
        seed=args.seed,
        now=args.now,
        call_count=args.calls,
        export_rate_limit=args.export_rate_limit,
    )
    sandbox.data  # generate before listening, so no request waits for it  # noqa: B018
    with sandbox:
        info = {
            "base_url": sandbox.base_url,
            "api_url": sandbox.api_url,
            "email": sandbox.email,
            "api_token": sandbox.api_token,
            "calls": len(sandbox.data.calls),
        }
        print(json.dumps(info), flush=True)
        sys.stdin.read()  # until the runner closes the pipe
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The ``zendesk-talk`` command line.

Each subcommand is one ``_add_<name>`` function registered in :data:`_SUBCOMMANDS`: it adds
its parser and sets ``handler`` (``args -> exit code``). Heavy imports happen inside handlers.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

DEFAULT_SANDBOX_PORT = 8765


def _add_sandbox(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="Run a local Zendesk Talk API emulator with seeded data.",
        description="Serve an emulator of the Zendesk Talk API (seeded phone numbers, IVRs, "
        "agents, calls and legs) on a loopback port until Ctrl-C. Prints the base URL and test "
        "credentials (API token and OAuth) to use against it.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_SANDBOX_PORT,
        help=f"TCP port (default {DEFAULT_SANDBOX_PORT}; 0 picks a free one)",
    )
    parser.add_argument("--seed", type=int, default=0, help="data seed (default 0)")
    parser.add_argument(
        "--now", type=int, default=None, help="epoch seconds the data ends at (default: now)"
    )
    parser.add_argument(
        "--export-rate-limit",
        type=int,
        default=None,
        metavar="N",
        help="allow N incremental-export requests per 60 s, then 429 (default: unlimited)",
    )
    parser.add_argument(
        "--page-size-max", type=int, default=100, metavar="N", help="max per_page (default 100)"
    )
    parser.add_argument(
        "--latency", type=float, default=0.0, metavar="S", help="seconds added to each request"
    )
    parser.add_argument(
        "--token-ttl",
        type=float,
        default=None,
        metavar="S",
        help="lifetime of refreshed OAuth access tokens without expires_in (default: none)",
    )
    parser.add_argument("--json", action="store_true", help="print the details as one JSON line")
    parser.set_defaults(handler=_run_sandbox)


def _run_sandbox(args: argparse.Namespace) -> int:
    from .sandbox import Sandbox

    sandbox = Sandbox(
        seed=args.seed,
        port=args.port,
        host=args.host,
        now=args.now,
        export_rate_limit=args.export_rate_limit,
        page_size_max=args.page_size_max,
        oauth_access_token_ttl=args.token_ttl,
    )
    sandbox.faults.latency = args.latency
    try:
        sandbox.start()
    except OSError as exc:
        print(f"zendesk-talk sandbox: cannot listen on {args.host}:{args.port}: {exc}",
              file=sys.stderr)  # fmt: skip
        return 1
    details = {
        "base_url": sandbox.base_url,
        "api_url": sandbox.api_url,
        "email": sandbox.email,
        "api_token": sandbox.api_token,
        "access_token": sandbox.access_token,
        "refresh_token": sandbox.refresh_token,
        "oauth_client_id": sandbox.oauth_client_id,
        "oauth_client_secret": sandbox.oauth_client_secret,
        "seed": sandbox.seed,
        "now": sandbox.data.now,
    }
    if args.json:
        print(json.dumps(details), flush=True)
    else:
        print(f"Zendesk Talk sandbox serving at {sandbox.base_url} (Ctrl-C to stop)")
        width = max(map(len, details))
        for key, value in details.items():
            print(f"  {key + ':':<{width + 1}} {value}")
        print(flush=True)

    stopped = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopped.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, on_signal)
    try:
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    if not args.json:
        print("Sandbox stopped.", flush=True)
    return 0


_SUBCOMMANDS: tuple[Callable[[Subparsers], None], ...] = (_add_sandbox,)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zendesk-talk",
        description="Zendesk Talk (voice) tools for AI agents.",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="<command>")
    for add in _SUBCOMMANDS:
        add(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``zendesk-talk``; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())

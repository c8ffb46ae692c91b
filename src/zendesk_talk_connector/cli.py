"""The ``zendesk-talk`` command line.

::

    zendesk-talk call ENTITY ACTION [--param k=v ...] [--json '{...}']   one action, JSON out
    zendesk-talk entities                                               what exists
    zendesk-talk tools [--schema]                                       the agent tools
    zendesk-talk export calls|call_legs --since DATE --out FILE.jsonl   resumable export
    zendesk-talk mcp                                                    MCP server (stdio)
    zendesk-talk sandbox                                                local API emulator

Each subcommand is one ``_add_<name>`` function registered in :data:`_SUBCOMMANDS`: it adds
its parser and sets ``handler`` (``args -> exit code``). Heavy imports happen inside handlers.
Credentials come from flags or environment variables (:data:`ENV_VARS`); the commands use
the sync connector (``mcp`` the async one). Exit codes: 0 success, 1 API or network error,
2 bad input (usage, params, configuration), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .connector import SyncZendeskTalkConnector
    from .errors import ZendeskTalkError
    from .records import Record

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

DEFAULT_SANDBOX_PORT = 8765
ENV_VARS: dict[str, str] = {
    "subdomain": "ZENDESK_SUBDOMAIN",
    "email": "ZENDESK_EMAIL",
    "api_token": "ZENDESK_API_TOKEN",
    "oauth_access_token": "ZENDESK_OAUTH_ACCESS_TOKEN",
    "oauth_refresh_token": "ZENDESK_OAUTH_REFRESH_TOKEN",
    "oauth_client_id": "ZENDESK_OAUTH_CLIENT_ID",
    "oauth_client_secret": "ZENDESK_OAUTH_CLIENT_SECRET",
    "base_url": "ZENDESK_BASE_URL",
}
"""Connection settings: flag (``--api-token``) or environment variable; the flag wins."""
EXIT_OK, EXIT_API_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """Bad command-line input found after parsing (printed as one line, exit code 2)."""


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"zendesk-talk: error: {' '.join(message.split())}", file=sys.stderr)
    return code


def _exit_code(error: ZendeskTalkError) -> int:
    from .errors import ConfigurationError, InvalidParams, UnknownOperation, WriteNotAllowed

    usage = (ConfigurationError, InvalidParams, UnknownOperation, WriteNotAllowed)
    return EXIT_USAGE if isinstance(error, usage) else EXIT_API_ERROR


# -- connection options -----------------------------------------------------------------


def _add_connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "connection",
        "Each flag defaults to its environment variable. Prefer the variables for secrets "
        "(flags show up in the process list).",
    )
    helps = {
        "subdomain": "Zendesk subdomain ('acme' for acme.zendesk.com)",
        "email": "agent or admin email (API token auth)",
        "api_token": "Zendesk API token (with --email)",
        "oauth_access_token": "OAuth access token (instead of email + API token)",
        "oauth_refresh_token": "OAuth refresh token (refresh on expiry; rotated tokens are not "
        "saved)",
        "oauth_client_id": "OAuth client id (for refresh)",
        "oauth_client_secret": "OAuth client secret (for refresh)",
        "base_url": "API host instead of https://SUBDOMAIN.zendesk.com (e.g. the sandbox)",
    }
    for name, env in ENV_VARS.items():
        flag = "--" + name.replace("_", "-")
        group.add_argument(flag, dest=name, metavar="VALUE", help=f"{helps[name]} [${env}]")
    group.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="HTTP timeout (default 30)"
    )


def connector_options(
    args: argparse.Namespace, env: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Constructor kwargs (auth_config, subdomain or base_url, timeout) from flags or env."""
    from .auth_config import ZendeskTalkApiTokenAuthConfig, ZendeskTalkOauth20AuthConfig

    environ = os.environ if env is None else env
    value = {
        name: getattr(args, name, None) or environ.get(variable) or None
        for name, variable in ENV_VARS.items()
    }
    auth: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig
    if value["oauth_access_token"]:
        auth = ZendeskTalkOauth20AuthConfig(
            access_token=value["oauth_access_token"],
            refresh_token=value["oauth_refresh_token"],
            client_id=value["oauth_client_id"],
            client_secret=value["oauth_client_secret"],
        )
    elif value["email"] and value["api_token"]:
        auth = ZendeskTalkApiTokenAuthConfig(email=value["email"], api_token=value["api_token"])
    else:
        raise UsageError(
            "No credentials: set ZENDESK_EMAIL and ZENDESK_API_TOKEN (or "
            "ZENDESK_OAUTH_ACCESS_TOKEN), or pass --email and --api-token."
        )
    if not value["subdomain"] and not value["base_url"]:
        raise UsageError("No account: set ZENDESK_SUBDOMAIN (or pass --subdomain).")
    options: dict[str, Any] = {
        "auth_config": auth,
        "timeout": getattr(args, "timeout", 30.0),
        "on_token_refresh": _token_refreshed,
    }
    if value["base_url"]:
        options["base_url"] = value["base_url"]
    else:
        options["subdomain"] = value["subdomain"]
    return options


def _token_refreshed(auth: Any) -> None:
    print(
        "zendesk-talk: note: the OAuth access token was refreshed; refresh tokens rotate, so "
        "the one given to this command is no longer valid.",
        file=sys.stderr,
    )


def _sync_connector(args: argparse.Namespace, **extra: Any) -> SyncZendeskTalkConnector:
    from .connector import SyncZendeskTalkConnector

    return SyncZendeskTalkConnector(**connector_options(args), **extra)


def _run_guarded(body: Callable[[], int]) -> int:
    """Run a command body: connector errors and bad input become one line and an exit code."""
    from .errors import ZendeskTalkError

    try:
        return body()
    except UsageError as exc:
        return _fail(str(exc))
    except ZendeskTalkError as exc:
        return _fail(str(exc), _exit_code(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)


def _names(values: Sequence[str] | None) -> list[str] | None:
    """Repeatable, comma-separated name options (``--include calls,lines --include ivrs``)."""
    if not values:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def record_json(record: Record) -> dict[str, Any]:
    """A record as the API sent it: the fields it set (typed), plus any odd raw values."""
    return {**record.model_dump(mode="json", exclude_unset=True), **record.invalid_values}


def _dump(value: Any, pretty: bool) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2 if pretty else None, default=str)


# -- call -------------------------------------------------------------------------------


def _add_call(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "call",
        help="Run one entity/action and print the result as JSON.",
        description="Run one catalog action (see `zendesk-talk entities`) and print JSON: a "
        'record for get actions, {"data": [...], "meta": {...}} for lists (pass '
        "meta.next_cursor as --param cursor=... to continue). On bad input or an API error, "
        "prints one line on stderr and exits non-zero (2 bad input, 1 API/network).",
        epilog="examples:\n"
        "  zendesk-talk call phone_numbers list --param limit=5\n"
        "  zendesk-talk call phone_numbers get --param phone_number_id=10001\n"
        '  zendesk-talk call calls list --json \'{"start_time": "2024-11-28", "limit": 50}\'',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("entity", help="entity, e.g. phone_numbers")
    parser.add_argument("action", help="action, e.g. list or get")
    parser.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a param (repeatable); values are text converted by the params model "
        "(limit=5, toll_free=true, group_ids=1,2); a value starting with [ or { is JSON",
    )
    parser.add_argument(
        "--json", dest="json_params", metavar="OBJECT", help="params as a JSON object"
    )
    parser.add_argument(
        "--allow-writes", action="store_true", help="allow write actions (availabilities update)"
    )
    parser.add_argument("--pretty", action="store_true", help="indent the JSON output")
    _add_connection_options(parser)
    parser.set_defaults(handler=_run_call)


def parse_params(pairs: Sequence[str], json_text: str | None) -> dict[str, Any]:
    """``--json`` first, then each ``--param key=value`` over it."""
    params: dict[str, Any] = {}
    if json_text is not None:
        try:
            loaded = json.loads(json_text)
        except ValueError as exc:
            raise UsageError(f"--json is not valid JSON: {exc}.") from None
        if not isinstance(loaded, dict):
            raise UsageError("--json must be a JSON object, e.g. '{\"limit\": 5}'.")
        params.update(loaded)
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {pair!r} is not KEY=VALUE (e.g. --param limit=5).")
        value: Any = raw
        if raw.lstrip().startswith(("[", "{")):
            try:
                value = json.loads(raw)
            except ValueError as exc:
                raise UsageError(f"--param {key}: value is not valid JSON: {exc}.") from None
        params[key.strip()] = value
    return params


def _run_call(args: argparse.Namespace) -> int:
    def body() -> int:
        from .results import ZendeskTalkExecuteResult

        params = parse_params(args.param, args.json_params)
        with _sync_connector(args, allow_writes=args.allow_writes) as connector:
            result = connector.execute(args.entity, args.action, params)
        if isinstance(result, ZendeskTalkExecuteResult):
            output: Any = {
                "data": [record_json(record) for record in result.data],
                "meta": result.meta.model_dump(mode="json"),
            }
        else:
            output = record_json(result)
        print(_dump(output, args.pretty))
        return EXIT_OK

    return _run_guarded(body)


# -- entities and tools -----------------------------------------------------------------


def _add_entities(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "entities",
        help="List entities, their actions and params (from the catalog).",
        description="Every entity with its actions, what each does and its params "
        "(* = required). No credentials needed.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(handler=_run_entities)


def _run_entities(args: argparse.Namespace) -> int:
    from .catalog import ENTITIES, OPERATIONS, Source, operations_of

    if args.json:
        entities: dict[str, dict[str, Any]] = {}
        for op in OPERATIONS:
            entry = entities.setdefault(op.entity, {"entity": op.entity, "actions": {}})
            entry["actions"][op.action] = {
                "description": op.description,
                "write": op.write,
                "params": {
                    name: {"required": field.is_required(), "description": field.description}
                    for name, field in op.params.model_fields.items()
                },
            }
        print(_dump(list(entities.values()), pretty=True))
        return EXIT_OK
    for entity in ENTITIES:
        print(entity)
        for op in operations_of(entity):
            params = ", ".join(
                f"{name}*" if field.is_required() else name
                for name, field in op.params.model_fields.items()
            )
            write = " [write: needs --allow-writes]" if op.write else ""
            hosted = " [hosted mode only]" if op.source is Source.CONTEXT_STORE else ""
            print(f"  {op.action:<7} {op.description}{write}{hosted}")
            print(f"  {'':<7} params: {params or '-'}")
    return EXIT_OK


def _add_tool_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--single-tool",
        action="store_true",
        help="one zendesk_talk_execute(entity, action, params) tool instead of one per action",
    )
    parser.add_argument(
        "--include",
        action="append",
        metavar="NAMES",
        help="only these entities, tool names or entity/action (comma-separated, repeatable)",
    )
    parser.add_argument(
        "--exclude", action="append", metavar="NAMES", help="leave these out (same forms)"
    )
    parser.add_argument(
        "--allow-writes", action="store_true", help="also expose write actions (off by default)"
    )


def _add_tools(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "tools",
        help="List the agent tools (names, descriptions, schemas).",
        description="The tools every adapter (LangChain, LlamaIndex, MCP) exposes, from the "
        "catalog. No credentials needed.",
    )
    parser.add_argument(
        "--schema",
        action="store_true",
        help="print JSON: name, description and input_schema of each tool",
    )
    _add_tool_selection(parser)
    parser.set_defaults(handler=_run_tools)


def _run_tools(args: argparse.Namespace) -> int:
    def body() -> int:
        from .tools import execute_tool_definition, tool_definitions

        include, exclude = _names(args.include), _names(args.exclude)
        if args.single_tool:
            tools = [
                execute_tool_definition(
                    allow_writes=args.allow_writes, include=include, exclude=exclude
                )
            ]
        else:
            tools = tool_definitions(
                allow_writes=args.allow_writes, include=include, exclude=exclude
            )
        if args.schema:
            schemas = [
                {"name": t.name, "description": t.description, "input_schema": t.json_schema()}
                for t in tools
            ]
            print(_dump(schemas, pretty=True))
            return EXIT_OK
        for tool in tools:
            print(tool.name)
            print(f"    {tool.description.splitlines()[0]}")
        return EXIT_OK

    return _run_guarded(body)


# -- export -----------------------------------------------------------------------------


def _add_export(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="Stream the calls or call-legs export to a JSONL file (resumable).",
        description="Stream the incremental export of calls or call legs updated since "
        "--since (and before --until) to FILE.jsonl, one record per line, in export order "
        "(updated_at, id), with a progress bar on stderr. After each page the file is synced "
        "and a checkpoint (FILE.jsonl.checkpoint: resume time, ids written in that second, "
        "byte offset) is replaced atomically. Running the same command again resumes from "
        "it: bytes written after the checkpoint are dropped and nothing is lost or doubled. "
        "Once complete, running it again appends records updated since (incremental sync). "
        "Rate limits (Zendesk allows 10 export requests per minute) are waited out using "
        "Retry-After; --max-rate paces requests up front.",
        epilog="example:\n"
        "  zendesk-talk export calls --since 2024-11-01 --until 2024-12-01 --out calls.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("entity", choices=("calls", "call_legs"), help="what to export")
    parser.add_argument(
        "--since",
        required=True,
        metavar="DATE",
        help="records updated at or after: ISO 8601 date/time (UTC if no offset) or epoch seconds",
    )
    parser.add_argument(
        "--until", metavar="DATE", help="only records updated before this (same forms)"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="JSONL file")
    parser.add_argument(
        "--checkpoint", type=Path, metavar="FILE", help="checkpoint file (default FILE.checkpoint)"
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="start from scratch, replacing FILE and its checkpoint",
    )
    parser.add_argument(
        "--max-rate",
        type=float,
        default=None,
        metavar="N",
        help="at most N requests per minute (e.g. 10 for Zendesk's export limit; default: "
        "no pacing, 429s are waited out)",
    )
    parser.add_argument(
        "--max-wait",
        type=float,
        default=900.0,
        metavar="S",
        help="give up a request after waiting S seconds in total for rate limits and retries "
        "(default 900; the checkpoint keeps the progress)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    _add_connection_options(parser)
    parser.set_defaults(handler=_run_export)


@dataclass
class Checkpoint:
    """Where an export stands: everything before ``offset`` in the file is complete."""

    entity: str
    since: int
    until: int | None
    start_time: int
    """Resume time: records updated at or after this second are still to be written..."""
    seen_ids: list[int]
    """...except these, already written, which were updated in that very second."""
    offset: int = 0
    records: int = 0
    pages: int = 0

    def to_json(self) -> str:
        return json.dumps({"version": 1, **self.__dict__})

    @classmethod
    def load(cls, path: Path) -> Checkpoint:
        try:
            data = json.loads(path.read_text())
            data.pop("version", None)
            return cls(**data)
        except (ValueError, TypeError) as exc:
            raise UsageError(
                f"Checkpoint {path} is unreadable ({exc}); pass --overwrite to start over."
            ) from None

    def save(self, path: Path) -> None:
        """Replace the checkpoint atomically (a crash leaves the old or the new one)."""
        temporary = path.with_name(path.name + ".tmp")
        with temporary.open("w") as handle:
            handle.write(self.to_json())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)


class Progress:
    """A one-line progress report on stderr: a bar over the time span, records, pages, rate.

    On a terminal the line is redrawn in place; otherwise one line is printed per page.
    """

    WIDTH = 20

    def __init__(self, entity: str, since: int, until: int, stream: TextIO, quiet: bool):
        self.entity, self.since, self.until = entity, since, until
        self.stream, self.quiet = stream, quiet
        self.live = stream.isatty()
        self.started = time.monotonic()
        self.new_records = 0

    def page(self, checkpoint: Checkpoint, added: int, *, complete: bool = False) -> None:
        self.new_records += added
        if self.quiet:
            return
        span = max(1, self.until - self.since)
        done = min(1.0, max(0.0, (checkpoint.start_time - self.since) / span))
        done = 1.0 if complete else done
        filled = round(done * self.WIDTH)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        moment = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(checkpoint.start_time))
        line = (
            f"{self.entity} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:4.0%} "
            f"{checkpoint.records:,} records, {checkpoint.pages:,} pages, "
            f"{self.new_records / elapsed:,.0f} records/s, up to {moment}"
        )
        self._write(line)

    def note(self, text: str) -> None:
        if not self.quiet:
            self._write(text, keep=True)

    def finish(self, checkpoint: Checkpoint, path: Path) -> None:
        if self.quiet:
            return
        if self.live:
            self.stream.write("\n")
        self.stream.write(
            f"{self.entity}: {checkpoint.records:,} records in {path} "
            f"({self.new_records:,} new, {checkpoint.pages:,} pages)\n"
        )
        self.stream.flush()

    def _write(self, line: str, keep: bool = False) -> None:
        if self.live:
            self.stream.write("\r\x1b[K" + line + ("\n" if keep else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _epoch(text: str, option: str) -> int:
    from .params import to_epoch_seconds

    try:
        value = to_epoch_seconds(text)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}.") from None
    if not isinstance(value, int):
        raise UsageError(f"{option}: {text!r} is not a date, time or epoch seconds.")
    return value


def _open_export(args: argparse.Namespace, since: int, until: int | None) -> Checkpoint:
    """The checkpoint to continue from, with the output file cut back to its offset."""
    out: Path = args.out
    checkpoint_path: Path = args.checkpoint
    if args.overwrite:
        out.unlink(missing_ok=True)
        checkpoint_path.unlink(missing_ok=True)
    if checkpoint_path.exists():
        checkpoint = Checkpoint.load(checkpoint_path)
        wanted = (args.entity, since, until)
        if (checkpoint.entity, checkpoint.since, checkpoint.until) != wanted:
            raise UsageError(
                f"Checkpoint {checkpoint_path} is for another export ({checkpoint.entity} "
                f"since {checkpoint.since} until {checkpoint.until}); run that again, use "
                "another --out, or pass --overwrite."
            )
        size = out.stat().st_size if out.exists() else 0
        if size < checkpoint.offset:
            raise UsageError(
                f"{out} is shorter ({size} bytes) than its checkpoint says "
                f"({checkpoint.offset}); pass --overwrite to start over."
            )
        with out.open("r+b") as handle:
            handle.truncate(checkpoint.offset)  # drop what was written after the checkpoint
        return checkpoint
    if out.exists() and out.stat().st_size > 0:
        raise UsageError(
            f"{out} exists and has no checkpoint ({checkpoint_path}); pass --overwrite to "
            "replace it, or choose another --out."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(b"")
    return Checkpoint(args.entity, since, until, start_time=since, seen_ids=[])


def _run_export(args: argparse.Namespace) -> int:
    def body() -> int:
        from .catalog import EXPORT_PAGE_SIZE
        from .paging import epoch_of
        from .results import ZendeskTalkExecuteResult
        from .retry import RetryPolicy

        since = _epoch(args.since, "--since")
        until = _epoch(args.until, "--until") if args.until else None
        if until is not None and until <= since:
            raise UsageError("--until must be after --since.")
        if args.max_rate is not None and args.max_rate <= 0:
            raise UsageError("--max-rate must be positive.")
        args.checkpoint = args.checkpoint or args.out.with_name(args.out.name + ".checkpoint")
        checkpoint = _open_export(args, since, until)
        progress = Progress(args.entity, since, until or int(time.time()), sys.stderr, args.quiet)

        def sleep(seconds: float) -> None:
            progress.note(f"waiting {seconds:.1f}s (rate limited or retrying)")
            time.sleep(seconds)

        patient = RetryPolicy(
            max_attempts=1_000, max_total_wait=args.max_wait, base_delay=1.0, max_delay=60.0
        )
        interval = 60.0 / args.max_rate if args.max_rate else 0.0
        last_request = 0.0
        with (
            _sync_connector(args, retry=patient, sleep=sleep) as connector,
            args.out.open("ab") as out,
        ):
            while True:
                pause = last_request + interval - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                last_request = time.monotonic()
                page = connector.execute(
                    args.entity,
                    "list",
                    {"start_time": checkpoint.start_time, "limit": EXPORT_PAGE_SIZE},
                )
                assert isinstance(page, ZendeskTalkExecuteResult)
                seen = set(checkpoint.seen_ids)
                lines: list[bytes] = []
                reached_until = False
                for record in page.data:
                    record_id = getattr(record, "id", None)
                    moment = epoch_of(getattr(record, "updated_at", None))
                    if moment is None or moment < checkpoint.start_time:
                        moment = checkpoint.start_time  # undated: keep it, stay in place
                    if moment == checkpoint.start_time and record_id in seen:
                        continue  # written before (the page starts at an inclusive second)
                    if until is not None and moment >= until:
                        reached_until = True
                        break
                    lines.append(json.dumps(record_json(record)).encode() + b"\n")
                    if moment > checkpoint.start_time:
                        checkpoint.start_time, seen = moment, set()
                    if isinstance(record_id, int):
                        seen.add(record_id)
                out.write(b"".join(lines))
                out.flush()
                os.fsync(out.fileno())
                checkpoint.offset = out.tell()
                checkpoint.records += len(lines)
                checkpoint.pages += 1
                checkpoint.seen_ids = sorted(seen)
                checkpoint.save(args.checkpoint)
                complete = reached_until or not page.meta.has_more
                progress.page(checkpoint, len(lines), complete=complete)
                if complete:
                    break
                if not lines:
                    raise UsageError(
                        f"More than {EXPORT_PAGE_SIZE:,} {args.entity} share the second "
                        f"{checkpoint.start_time}; the export API cannot page past it."
                    )
        progress.finish(checkpoint, args.out)
        return EXIT_OK

    return _run_guarded(body)


# -- sync -------------------------------------------------------------------------------


def _add_sync(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="Copy the account into a local store (SQLite) for search and aggregates.",
        description="Sync calls and call legs (incrementally, from --since or where the last "
        "sync stopped), lists and today's stats into a local store file. Each export page is "
        "committed with its resume point: after Ctrl-C (or a crash), run the same command "
        "again to continue. Export requests are paced to Zendesk's 10 a minute.",
    )
    parser.add_argument("--store", required=True, type=Path, metavar="PATH", help="store file")
    parser.add_argument(
        "--since",
        metavar="TIME",
        help="exports from this time (ISO 8601 or epoch seconds); default: where the last "
        "sync stopped, or 30 days ago",
    )
    parser.add_argument(
        "--entities", action="append", metavar="NAMES", help="only these (comma-separated)"
    )
    parser.add_argument(
        "--requests-per-minute",
        type=int,
        default=10,
        metavar="N",
        help="export requests a minute (default 10, Zendesk's limit; 0: no pacing)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    _add_connection_options(parser)
    parser.set_defaults(handler=_run_sync)


def _run_sync(args: argparse.Namespace) -> int:
    def body() -> int:
        from .store.progress import SyncProgressBar
        from .store.sync import DEFAULT_SINCE_SECONDS

        since = _epoch(args.since, "--since") if args.since else None
        per_minute = args.requests_per_minute or None
        now = int(time.time())
        bar = SyncProgressBar(since or now - DEFAULT_SINCE_SECONDS, now, per_minute, sys.stderr)
        with _sync_connector(args, store=args.store) as connector:
            try:
                report = connector.sync(
                    _names(args.entities),
                    since,
                    export_requests_per_minute=per_minute,
                    progress=None if args.quiet else bar,
                )
            except KeyboardInterrupt:
                print(
                    "\nzendesk-talk: sync interrupted; every committed page is kept. Run the "
                    "same command again to continue.",
                    file=sys.stderr,
                )
                raise
        print(f"Synced {report.records:,} records into {args.store}.")
        return EXIT_OK

    return _run_guarded(body)


# -- mcp --------------------------------------------------------------------------------


def _add_mcp(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "mcp",
        help="Serve the tools over MCP (stdio); needs the [mcp] extra.",
        description="Serve the read tools (writes with --allow-writes) as an MCP server over "
        "stdin/stdout, for MCP clients such as Claude Desktop. Needs "
        "`pip install 'zendesk-talk-connector[mcp]'`. Credentials from the environment "
        "(ZENDESK_SUBDOMAIN, ZENDESK_EMAIL + ZENDESK_API_TOKEN or ZENDESK_OAUTH_ACCESS_TOKEN) "
        "or flags.",
    )
    _add_tool_selection(parser)
    parser.add_argument(
        "--max-output-chars",
        type=int,
        default=None,
        metavar="N",
        help="budget of each tool result (default 8000, minimum 1000)",
    )
    parser.add_argument(
        "--store",
        type=Path,
        metavar="PATH",
        help="a local store (see `zendesk-talk sync`): adds search and aggregate tools",
    )
    _add_connection_options(parser)
    parser.set_defaults(handler=_run_mcp)


def _run_mcp(args: argparse.Namespace) -> int:
    def body() -> int:
        import asyncio

        from .connector import ZendeskTalkConnector
        from .mcp_server import serve_stdio
        from .output import DEFAULT_MAX_OUTPUT_CHARS

        if args.max_output_chars is not None and args.max_output_chars < 1000:
            raise UsageError("--max-output-chars must be at least 1000.")
        options = {
            "single_tool": args.single_tool,
            "include": _names(args.include),
            "exclude": _names(args.exclude),
            "max_output_chars": args.max_output_chars or DEFAULT_MAX_OUTPUT_CHARS,
        }
        connector = ZendeskTalkConnector(
            **connector_options(args), allow_writes=args.allow_writes, store=args.store
        )
        asyncio.run(serve_stdio(connector, **options))
        return EXIT_OK

    return _run_guarded(body)


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


_SUBCOMMANDS: tuple[Callable[[Subparsers], None], ...] = (
    _add_call,
    _add_entities,
    _add_tools,
    _add_export,
    _add_sync,
    _add_mcp,
    _add_sandbox,
)


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

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
2 bad input (usage, params, configuration, credentials), 130 interrupted, 141 output pipe
closed by the reader (as a process killed by ``SIGPIPE``).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .connector import SyncZendeskTalkConnector
    from .errors import ZendeskTalkError
    from .export import ExportCheckpoint

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = [
    "main",
]

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
HOSTED_ENV_VARS: dict[str, str] = {
    "airbyte_client_id": "AIRBYTE_CLIENT_ID",
    "airbyte_client_secret": "AIRBYTE_CLIENT_SECRET",
    "workspace": "AIRBYTE_WORKSPACE_NAME",
    "organization_id": "AIRBYTE_ORGANIZATION_ID",
    "connector_id": "AIRBYTE_CONNECTOR_ID",
    "airbyte_api_url": "AIRBYTE_API_URL",
}
"""Hosted mode (through the Airbyte API): used instead of the Zendesk settings when an
Airbyte client id is given."""
EXIT_OK, EXIT_API_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_BROKEN_PIPE = 128 + 13  # 13 is SIGPIPE (not in the signal module on Windows)


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
    _add_env_flags(group, ENV_VARS, helps)
    group.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=30.0,
        metavar="S",
        help="HTTP timeout in seconds (default 30)",
    )
    hosted = parser.add_argument_group(
        "hosted mode",
        "Run through the Airbyte API instead of calling Zendesk: given an Airbyte client id, "
        "the Zendesk settings above are not used.",
    )
    hosted_helps = {
        "airbyte_client_id": "Airbyte application client id (selects hosted mode)",
        "airbyte_client_secret": "Airbyte application client secret",
        "workspace": "Airbyte workspace holding the hosted Zendesk Talk connector",
        "organization_id": "Airbyte organization id (when the client is in several)",
        "connector_id": "the hosted connector's id (instead of looking it up by workspace)",
        "airbyte_api_url": "Airbyte API URL (default https://api.airbyte.ai)",
    }
    _add_env_flags(hosted, HOSTED_ENV_VARS, hosted_helps)


def _add_env_flags(
    group: argparse._ArgumentGroup, variables: Mapping[str, str], helps: Mapping[str, str]
) -> None:
    for name, env in variables.items():
        flag = "--" + name.replace("_", "-")
        group.add_argument(flag, dest=name, metavar="VALUE", help=f"{helps[name]} [${env}]")


def _settings(
    args: argparse.Namespace, variables: Mapping[str, str], environ: Mapping[str, str]
) -> dict[str, Any]:
    return {
        name: getattr(args, name, None) or environ.get(variable) or None
        for name, variable in variables.items()
    }


def _hosted_options(args: argparse.Namespace, value: Mapping[str, Any]) -> dict[str, Any]:
    """Constructor kwargs of a hosted connector (Airbyte client credentials and workspace)."""
    from pydantic import ValidationError

    from .auth_config import AirbyteAuthConfig

    if not value["airbyte_client_secret"]:
        raise UsageError("No Airbyte client secret: set AIRBYTE_CLIENT_SECRET.")
    try:
        auth = AirbyteAuthConfig(
            airbyte_client_id=value["airbyte_client_id"],
            airbyte_client_secret=value["airbyte_client_secret"],
            workspace_name=value["workspace"],
            organization_id=value["organization_id"],
            connector_id=value["connector_id"],
        )
    except ValidationError:
        raise UsageError(
            "Hosted mode needs a workspace: set AIRBYTE_WORKSPACE_NAME (or pass --workspace), "
            "or the hosted connector's id (--connector-id)."
        ) from None
    options: dict[str, Any] = {"auth_config": auth, "timeout": getattr(args, "timeout", 30.0)}
    if value["airbyte_api_url"]:
        options["airbyte_api_url"] = value["airbyte_api_url"]
    return options


def _positive_seconds(text: str) -> float:
    """An argparse type: a number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def connector_options(
    args: argparse.Namespace, env: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Constructor kwargs (auth_config, subdomain or base_url, timeout) from flags or env;
    a hosted connector's when an Airbyte client id is given."""
    from .auth_config import ZendeskTalkApiTokenAuthConfig, ZendeskTalkOauth20AuthConfig

    environ = os.environ if env is None else env
    hosted = _settings(args, HOSTED_ENV_VARS, environ)
    if hosted["airbyte_client_id"]:
        return _hosted_options(args, hosted)
    value = _settings(args, ENV_VARS, environ)
    auth: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig
    if value["oauth_access_token"]:
        auth = _auth_config(
            ZendeskTalkOauth20AuthConfig,
            access_token=value["oauth_access_token"],
            refresh_token=value["oauth_refresh_token"],
            client_id=value["oauth_client_id"],
            client_secret=value["oauth_client_secret"],
        )
    elif value["email"] and value["api_token"]:
        if "@" not in value["email"]:
            raise UsageError(
                f"{_option_names('email')} must be the email address of the Zendesk user the "
                "API token belongs to (it has no '@')."
            )
        auth = _auth_config(
            ZendeskTalkApiTokenAuthConfig, email=value["email"], api_token=value["api_token"]
        )
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


AuthConfigModel = TypeVar("AuthConfigModel", bound="BaseModel")
_AUTH_FIELD_OPTIONS = {
    "access_token": "oauth_access_token",
    "refresh_token": "oauth_refresh_token",
    "client_id": "oauth_client_id",
    "client_secret": "oauth_client_secret",
}
"""Auth config field -> connection setting, where their names differ."""


def _option_names(setting: str) -> str:
    return f"--{setting.replace('_', '-')} (${ENV_VARS[setting]})"


def _auth_config(model: type[AuthConfigModel], **values: Any) -> AuthConfigModel:
    """The auth config, or one line naming the option at fault (never its value: secrets)."""
    from pydantic import ValidationError

    try:
        return model(**values)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_input=False, include_url=False):
            field = str(error["loc"][0]) if error["loc"] else ""
            setting = _AUTH_FIELD_OPTIONS.get(field, field)
            where = _option_names(setting) if setting in ENV_VARS else "credentials"
            problems.append(f"{where}: {error['msg']}")
        raise UsageError(f"Invalid credentials: {'; '.join(problems)}.") from None


def _token_refreshed(auth: Any) -> None:
    print(
        "zendesk-talk: note: the OAuth access token was refreshed; refresh tokens rotate, so "
        "the one given to this command is no longer valid.",
        file=sys.stderr,
    )


def _sync_connector(args: argparse.Namespace, **extra: Any) -> SyncZendeskTalkConnector:
    from .connector import SyncZendeskTalkConnector

    return SyncZendeskTalkConnector(**connector_options(args), **extra)


def _run_guarded(body: Callable[[], int], interrupted: Callable[[], str] = lambda: "") -> int:
    """Run a command body: connector errors and bad input become one line and an exit code.

    ``interrupted`` adds what a Ctrl-C leaves behind to the "interrupted" line.
    """
    from .errors import ZendeskTalkError

    try:
        return body()
    except UsageError as exc:
        return _fail(str(exc))
    except ZendeskTalkError as exc:
        return _fail(str(_in_cli_terms(exc)), _exit_code(exc))
    except KeyboardInterrupt:
        aftermath = interrupted()
        return _fail(f"interrupted; {aftermath}" if aftermath else "interrupted", EXIT_INTERRUPTED)


class _RetryNotices(logging.Handler):
    """Passes each "waiting before a retry" of the connector to ``note``, with its reason."""

    def __init__(self, note: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self.note = note

    def emit(self, record: logging.LogRecord) -> None:
        delay, reason = getattr(record, "retry_delay", None), getattr(record, "retry_reason", None)
        if delay is not None and reason is not None:
            self.note(f"waiting {delay:.1f}s before retrying: {reason}")


@contextmanager
def _retry_notices(note: Callable[[str], None]) -> Iterator[None]:
    """Say on stderr why a command waits (the connector logs its retries, see _engine.py)."""
    logger = logging.getLogger("zendesk_talk_connector")
    handler, level = _RetryNotices(note), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _add_max_wait(parser: argparse.ArgumentParser, default: float, help_tail: str) -> None:
    parser.add_argument(
        "--max-wait",
        type=float,
        default=default,
        metavar="S",
        help="give up a request after waiting S seconds in total for rate limits and retries "
        f"(default {default:g}{help_tail})",
    )


def _check_max_wait(args: argparse.Namespace) -> None:
    if args.max_wait < 0:
        raise UsageError("--max-wait must be 0 or more seconds.")


def _in_cli_terms(error: ZendeskTalkError) -> ZendeskTalkError:
    """The error with a hint a CLI user can follow (a flag rather than a connector setting)."""
    from .errors import WriteNotAllowed

    if isinstance(error, WriteNotAllowed):
        return error.with_hint("Pass --allow-writes to enable write actions.")
    return error


def _names(values: Sequence[str] | None) -> list[str] | None:
    """Repeatable, comma-separated name options (``--include calls,lines --include ivrs``)."""
    if not values:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _notice(text: str) -> None:
    print(f"zendesk-talk: {text}", file=sys.stderr, flush=True)


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
    _add_max_wait(parser, 60.0, "; each wait is announced on stderr")
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
        from ._retry import RetryPolicy
        from .export import record_json
        from .results import ZendeskTalkExecuteResult

        params = parse_params(args.param, args.json_params)
        _check_max_wait(args)
        retry = RetryPolicy(max_total_wait=args.max_wait)
        with (
            _retry_notices(_notice),
            _sync_connector(args, allow_writes=args.allow_writes, retry=retry) as connector,
        ):
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
        "and a checkpoint (FILE.jsonl.checkpoint: byte offset and the export's resume cursor) "
        "is replaced atomically. Running the same command again resumes from "
        "it: bytes written after the checkpoint are dropped and nothing is lost or doubled. "
        "Once complete, running it again appends records updated since (incremental sync). "
        "Rate limits (Zendesk allows 10 export requests per minute) are waited out using "
        "Retry-After; --max-rate paces requests up front.",
        epilog="example:\n"
        "  zendesk-talk export calls --since 2024-11-01 --until 2024-12-01 --out calls.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from .catalog import OPERATIONS, Paging

    exports = [op.entity for op in OPERATIONS if op.paging is Paging.INCREMENTAL]
    parser.add_argument("entity", choices=exports, help="what to export")
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
    _add_max_wait(parser, 900.0, "; the checkpoint keeps the progress")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    _add_connection_options(parser)
    parser.set_defaults(handler=_run_export)


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

    def page(self, checkpoint: ExportCheckpoint) -> None:
        if self.quiet:
            return
        position = checkpoint.position or self.since
        span = max(1, self.until - self.since)
        done = min(1.0, max(0.0, (position - self.since) / span))
        done = 1.0 if checkpoint.complete else done
        filled = round(done * self.WIDTH)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        moment = _iso(position)
        line = (
            f"{self.entity} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:4.0%} "
            f"{checkpoint.records:,} records, {checkpoint.pages:,} pages, "
            f"{checkpoint.new_records / elapsed:,.0f} records/s, up to {moment}"
        )
        self._write(line)

    def note(self, text: str) -> None:
        if not self.quiet:
            self._write(text, keep=True)

    def finish(self, checkpoint: ExportCheckpoint, path: Path) -> None:
        if self.quiet:
            return
        if self.live:
            self.stream.write("\n")
        self.stream.write(
            f"{self.entity}: {checkpoint.records:,} records in {path} "
            f"({checkpoint.new_records:,} new, {checkpoint.pages:,} pages)\n"
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


def _iso(epoch: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def _run_export(args: argparse.Namespace) -> int:
    def body() -> int:
        from ._retry import RetryPolicy

        since = _epoch(args.since, "--since")
        until = _epoch(args.until, "--until") if args.until else None
        if until is not None and until <= since:
            raise UsageError("--until must be after --since.")
        if args.max_rate is not None and args.max_rate <= 0:
            raise UsageError("--max-rate must be positive.")
        _check_max_wait(args)
        progress = Progress(args.entity, since, until or int(time.time()), sys.stderr, args.quiet)
        interval = 60.0 / args.max_rate if args.max_rate else 0.0
        last_page = time.monotonic()

        def on_page(checkpoint: ExportCheckpoint) -> None:
            nonlocal last_page
            progress.page(checkpoint)
            pause = last_page + interval - time.monotonic()
            if pause > 0 and not checkpoint.complete:  # --max-rate paces requests up front
                time.sleep(pause)
            last_page = time.monotonic()

        patient = RetryPolicy(
            max_attempts=1_000, max_total_wait=args.max_wait, base_delay=1.0, max_delay=60.0
        )
        with _retry_notices(progress.note), _sync_connector(args, retry=patient) as connector:
            checkpoint = connector.export(
                args.entity,
                args.out,
                since=since,
                until=until,
                checkpoint=args.checkpoint,
                overwrite=args.overwrite,
                on_page=on_page,
            )
        progress.finish(checkpoint, args.out)
        return EXIT_OK

    args.checkpoint = args.checkpoint or args.out.with_name(args.out.name + ".checkpoint")
    created = not args.out.exists()

    def interrupted() -> str:
        if args.checkpoint.exists():
            return "progress saved; run the same command to resume."
        return "nothing was exported yet."

    code = _run_guarded(body, interrupted)
    unsaved = code != EXIT_OK and args.out.exists() and not args.checkpoint.exists()
    if unsaved and (created or args.out.stat().st_size == 0):
        args.out.unlink()  # no page was saved: leave no empty (or torn) file behind
    return code


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
        from .store._progress import SyncProgressBar
        from .store._sync import DEFAULT_SINCE_SECONDS

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
        "(ZENDESK_SUBDOMAIN, ZENDESK_EMAIL + ZENDESK_API_TOKEN or ZENDESK_OAUTH_ACCESS_TOKEN; "
        "for a hosted connector AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET and "
        "AIRBYTE_WORKSPACE_NAME, which also serve the context_store_search tools) or flags.",
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
        "curl_url": sandbox.api_url,
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
        print(
            "Give base_url to the connector, --base-url or ZENDESK_BASE_URL; curl_url is the "
            "Talk API root, for calling endpoints by hand (curl -u EMAIL/token:API_TOKEN "
            "CURL_URL/phone_numbers)."
        )
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
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit flush
    except BrokenPipeError:
        # The reader (`| head`) has what it wanted: stop quietly, as other tools do. Python
        # flushes stdout again at exit, so point it at devnull to keep that one quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return code


if __name__ == "__main__":
    sys.exit(main())

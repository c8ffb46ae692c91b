"""Decide once, drive twice: every request, retry, refresh and page as a plain generator.

The flows here never do I/O. They *yield* steps (:class:`Send`, :class:`Sleep`,
:class:`Refresh`) and receive the outcome; the async connector drives them with
``httpx.AsyncClient`` and ``asyncio.sleep``, the sync connector with ``httpx.Client`` and
``time.sleep``. A list action is a :class:`Listing`, one page flow at a time. So both
connectors share every decision, and the sync one never needs an event loop.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypeVar
from urllib.parse import quote, urlencode, urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from ._answer import Answer
from ._auth import Credentials, OAuthCredentials
from ._bodies import Page, parse_page
from ._paging import IncrementalPager, OffsetPager, SinglePage, query_params
from ._record_base import Record
from ._retry import RetryPolicy, connection_refused, parse_retry_after, retry_reason
from ._version import __version__
from .catalog import (
    AGGREGATE_ACTION,
    API_PREFIX,
    SEARCH_ACTION,
    Operation,
    Paging,
    Source,
    listed_by,
    lookup,
)
from .errors import (
    APIStatusError,
    AuthenticationError,
    ConfigurationError,
    HostedModeRequired,
    InvalidParams,
    LocalStoreRequired,
    NotFound,
    PermissionDenied,
    RateLimited,
    ServerError,
    TransportError,
    WriteNotAllowed,
    ZendeskTalkError,
    did_you_mean,
    shown,
)
from .results import CheckResult, ListMeta, ZendeskTalkExecuteResult

if TYPE_CHECKING:
    from .params import Params
    from .store import LocalStore, SyncProgress, SyncReport

T = TypeVar("T")
logger = logging.getLogger("zendesk_talk_connector")
CHECK_OPERATION = ("account_overview", "list")
"""The cheap request ``check()`` makes (the reference connector's check stream)."""
_UNSAFE_URL = re.compile(r"[\x00-\x20\x7f?#]")
_SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
USER_AGENT = f"zendesk-talk-connector/{__version__}"
DEFAULT_MAX_PAGES = 10_000
"""Pages one list call fetches at most (10 million export records); then it pauses, honestly
(``has_more`` and a cursor), so no server can keep a call paging forever."""


@dataclass(frozen=True)
class Send:
    """Send this request; the driver answers with an :class:`~._answer.Answer` (the response,
    its body read) or an ``httpx.TransportError``.

    A description, not an ``httpx.Request``: the driver builds the request with its own client
    (:meth:`build`), so it goes out as it would with ``client.get``: with the client's default
    headers (httpx's ``Accept-Encoding``, which lets the server compress a 1 MB export page,
    and those of a client the user passed in), cookies and timeouts. These headers win over
    the client's.
    """

    method: str
    url: str
    headers: Mapping[str, str]
    params: Mapping[str, str] | None = None
    json: Any = None

    def build(self, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The request, built by ``client`` (its default headers under ours).

        A query (all strings) goes into a URL without one as text, encoded as httpx encodes
        it: given as ``params``, httpx would parse the whole URL a second time to merge it.
        """
        url, params = self.url, self.params
        if params and "?" not in url:
            url, params = f"{url}?{urlencode(params)}", None
        return client.build_request(
            self.method, url, params=params, headers=self.headers, json=self.json
        )


@dataclass(frozen=True)
class Sleep:
    """Wait this many seconds before going on."""

    seconds: float


@dataclass(frozen=True)
class Refresh:
    """Refresh the OAuth token, unless it is no longer the one this request used."""

    stale_authorization: str


Step = Send | Sleep | Refresh
Flow = Generator[Step, Any, T]
ExecuteResult: TypeAlias = "ZendeskTalkExecuteResult[Record] | Record"
"""A list result or one record. A string, so importing the engine builds no generic model."""


def resolve_base_url(subdomain: str | None, base_url: str | None) -> str:
    """``https://{subdomain}.zendesk.com``, or a validated ``base_url`` override."""
    if base_url is not None:
        try:
            parts = urlsplit(base_url)
            parts.port  # noqa: B018 - raises ValueError for a port that is no port
        except ValueError:
            parts = urlsplit("")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(
                f"base_url {base_url[:200]!r} is not an http(s) URL.",
                hint="Use e.g. 'https://acme.zendesk.com' or the sandbox's base_url.",
            )
        if _UNSAFE_URL.search(base_url) or parts.username or parts.password:
            raise ConfigurationError(
                "base_url must not contain credentials, a query, a fragment, spaces or "
                "control characters.",
                hint="Give only scheme, host, port and an optional path prefix.",
            )
        return base_url.rstrip("/")
    if subdomain is None:
        raise ConfigurationError(
            "No Zendesk subdomain given.",
            hint="Pass config={'subdomain': 'acme'} (for acme.zendesk.com) or base_url=.",
        )
    name = subdomain.strip().lower()
    if name.endswith(".zendesk.com"):
        name = name[: -len(".zendesk.com")]
    if not _SUBDOMAIN.match(name):
        raise ConfigurationError(
            f"Invalid Zendesk subdomain {subdomain!r}.",
            hint="Give only the subdomain: letters, digits and hyphens, e.g. 'acme' for "
            "https://acme.zendesk.com.",
        )
    return f"https://{name}.zendesk.com"


def describe_validation_error(
    where: str, allowed: tuple[str, ...], exc: ValidationError
) -> InvalidParams:
    """An error naming each bad param (with a guess for typos) and the allowed ones."""
    allowed_text = ", ".join(allowed) if allowed else "none"
    problems: list[str] = []
    for err in exc.errors():
        name = ".".join(str(part) for part in err["loc"]) or "params"
        top = str(err["loc"][0]) if err["loc"] else name
        if err["type"] == "extra_forbidden" and len(err["loc"]) > 1:
            problems.append(f"unknown param {name[:100]!r}")  # nested: no top-level guess
        elif err["type"] == "extra_forbidden":
            problems.append(f"unknown param {top[:100]!r}{did_you_mean(top, allowed)}")
        elif err["type"] == "missing":
            problems.append(f"missing required param {name[:100]!r}")
        else:
            message = err["msg"].removeprefix("Value error, ")[:300]
            problems.append(f"param {name[:100]!r}: {message} (got {shown(err.get('input'))})")
    return InvalidParams(
        f"Invalid params for {where}: " + "; ".join(problems) + ".",
        hint=f"Allowed params for {where}: {allowed_text}.",
        details=exc.errors(include_url=False, include_context=False),
    )


def validate_params(
    operation: Operation,
    params: Mapping[str, Any] | BaseModel | None,
    *,
    also_allowed: tuple[str, ...] = (),
    called: str | None = None,
) -> Params:
    """The action's params model from a dict (or model); an actionable error otherwise.

    ``also_allowed`` names params a caller takes out before validating (a tool's output
    params), so the error lists them among the allowed ones; ``called`` is what the error
    names (default ``entity/action``; a tool layer gives the name the model called)."""
    if isinstance(params, operation.params):
        return params
    if isinstance(params, BaseModel):
        params = params.model_dump(exclude_unset=True)
    if params is not None and not isinstance(params, Mapping):
        raise InvalidParams(
            f"params must be a dict, not {type(params).__name__}.",
            hint=f"Pass e.g. {{'{operation.param_names[0]}': ...}}."
            if operation.param_names
            else "Pass {}.",
        )
    where = called or f"{operation.entity}/{operation.action}"
    try:
        validated = operation.params.model_validate(dict(params or {}))
    except ValidationError as exc:
        allowed = (*operation.param_names, *also_allowed)
        raise describe_validation_error(where, allowed, exc) from None
    known = tuple(operation.record.model_fields)
    unknown = sorted(validated.record_fields_used() - set(known))
    if unknown:
        raise InvalidParams(
            f"Invalid params for {where}: unknown field {unknown[0]!r}"
            f"{did_you_mean(unknown[0], known)}.",
            hint=f"Fields of {operation.entity}: {', '.join(known)}.",
        )
    return validated


def _error_body(response: Answer) -> tuple[str | None, str | None, Any]:
    try:
        body = response.json()
    except RecursionError:
        return None, "(a JSON body nested too deeply to read)", None
    except ValueError:
        return None, (response.text[:200] or None), None
    if not isinstance(body, dict):
        return None, None, None
    error = body.get("error")
    description = body.get("description") or body.get("error_description")
    detail = body.get("detail")  # the Airbyte API's errors: a string or a list of {msg}
    if not description and isinstance(detail, str):
        description = detail
    elif not description and isinstance(detail, list):
        messages = [str(item.get("msg")) for item in detail if isinstance(item, dict)]
        description = "; ".join(message for message in messages if message != "None") or None
    if isinstance(error, dict):  # some endpoints nest {"error": {"title", "message"}}
        description = description or error.get("message")
        error = error.get("title")
    return (
        str(error)[:200] if error is not None else None,
        str(description)[:1000] if description else None,
        body.get("details"),
    )


def error_from_response(
    response: Answer, operation: Operation | None, retry_after: float | None
) -> ZendeskTalkError:
    """Map an error response to the hierarchy, with a hint a model can act on."""
    status = response.status_code
    code, description, details = _error_body(response)
    what = f"{operation.entity}/{operation.action}" if operation else response.url.path
    summary = f"{what} failed with HTTP {status}"
    if code or description:
        summary += ": " + " - ".join(part for part in (code, description) if part)
    kwargs: dict[str, Any] = {
        "status": status,
        "error": code,
        "description": description,
        "details": details,
    }
    if status in (400, 422):
        allowed = ", ".join(operation.param_names) if operation else "see the catalog"
        return InvalidParams(summary + ".", hint=f"Check the params ({allowed}).", **kwargs)
    if status == 401:
        return AuthenticationError(
            summary + ".",
            hint="Check the credentials: email and api_token, or a valid OAuth access token "
            "(with refresh_token and client_id to refresh it).",
            **kwargs,
        )
    if status == 403:
        return PermissionDenied(
            summary + ".",
            hint="The user, plan or token scope does not allow this (IVRs and some stats need "
            "Talk Professional; exports need an admin).",
            **kwargs,
        )
    if status == 404 and operation is not None and not operation.path_params:
        return NotFound(
            summary + ".",
            hint="This path has no id in it, so the base URL is probably wrong: give the host "
            "only (https://SUBDOMAIN.zendesk.com, or the sandbox's base_url), without /api/v2.",
            **kwargs,
        )
    if status == 404:
        return NotFound(summary + ".", hint=_not_found_hint(operation), **kwargs)
    if status == 429:
        wait = f"Wait {retry_after:g} seconds" if retry_after is not None else "Wait a minute"
        return RateLimited(
            summary + ".",
            hint=f"{wait} before calling again, or ask for fewer pages (a smaller limit).",
            retry_after=retry_after,
            **kwargs,
        )
    if status >= 500:
        return ServerError(summary + ".", hint="Zendesk failed; try again later.", **kwargs)
    if 300 <= status < 400:
        return APIStatusError(
            summary + " (a redirect, not followed).",
            hint="Check the subdomain or base_url: the API itself does not redirect.",
            **kwargs,
        )
    return APIStatusError(
        summary + ".", hint="The API refused this request; check the params and ids.", **kwargs
    )


def _not_found_hint(operation: Operation | None) -> str:
    """Which ids to check, and the list that gives valid ones (``ivr_id``: list ``ivrs``)."""
    if operation is None or not operation.path_params:
        return "Check the id."
    checks = []
    for name in operation.path_params:
        entity = listed_by(name)
        checks.append(f"{name} (list {entity} to find valid ids)" if entity else name)
    return f"Check {', '.join(checks)}."


class Engine:
    """Everything both connectors share: URLs, auth, retries, paging, validation, errors."""

    def __init__(
        self,
        *,
        base_url: str,
        credentials: Credentials,
        retry: RetryPolicy,
        clock: Callable[[], float],
        allow_writes: bool,
        store: LocalStore | None = None,
    ) -> None:
        self.base_url = base_url
        self.credentials = credentials
        self.retry = retry
        self.clock = clock
        self.allow_writes = allow_writes
        self.store = store
        self.headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        self.max_pages = DEFAULT_MAX_PAGES

    def __repr__(self) -> str:
        return f"Engine(base_url={self.base_url!r}, allow_writes={self.allow_writes})"

    # -- one HTTP exchange, with auth refresh and retries ---------------------------------

    def request(
        self,
        method: str,
        url: str,
        *,
        query: Mapping[str, str] | None = None,
        json: Any = None,
        operation: Operation | None = None,
        authorize: bool = True,
        idempotent: bool | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Flow[Answer]:
        """One exchange with retries (429/5xx/network, ``Retry-After``) and token refresh.

        ``authorize=False`` sends no credentials and never yields :class:`Refresh` (for token
        endpoints, which run inside a refresh). ``idempotent`` overrides the method's own
        idempotency for retry decisions (a POST that only reads may be repeated).
        """
        retry_method = method if idempotent is None else ("GET" if idempotent else "POST")
        attempts, waited, refreshed = 0, 0.0, False
        while True:
            if authorize and self.credentials.expiring(self.clock()):
                yield Refresh(self.credentials.authorization)
            authorization = self.credentials.authorization
            sent_headers = {**self.headers, **(headers or {})}
            if authorize:
                sent_headers["Authorization"] = authorization
            attempts += 1
            outcome = yield Send(method, url, sent_headers, params=query, json=json)
            if isinstance(outcome, Answer):
                status = outcome.status_code
                if status < 300:  # a redirect is not data, whatever its body
                    return outcome
                if status == 401 and authorize and self.credentials.can_refresh and not refreshed:
                    refreshed = True
                    attempts -= 1  # the refresh, not the server, decides this one
                    yield Refresh(authorization)
                    continue
                retry_after = parse_retry_after(outcome.headers.get("Retry-After"), self.clock())
            else:
                status, retry_after = None, None
            error = None if isinstance(outcome, Answer) else outcome
            delay = self.retry.delay_before_retry(
                attempt=attempts,
                method=retry_method,
                status=status,
                retry_after=retry_after,
                waited=waited,
                refused=error is not None and connection_refused(error),
            )
            reason = retry_reason(status, error)
            if delay is None:
                if isinstance(outcome, Answer):
                    raise self.error_for(outcome, operation, retry_after)
                host = urlsplit(url).netloc
                raise TransportError(
                    f"Could not reach {host} after {attempts} attempt(s): {reason}.",
                    hint="Check the network, the subdomain or base_url, and the timeout.",
                ) from outcome
            waited += delay
            logger.info(
                "retrying %s %s in %.2fs (attempt %d failed: %s)",
                method,
                urlsplit(url).path,
                delay,
                attempts,
                reason,
                extra={"retry_delay": delay, "retry_reason": reason},  # the CLI shows these
            )
            yield Sleep(delay)

    def error_for(
        self, response: Answer, operation: Operation | None, retry_after: float | None
    ) -> ZendeskTalkError:
        """The error to raise for a final error response (hosted mode adjusts the hints)."""
        return error_from_response(response, operation, retry_after)

    def refresh(self) -> Flow[None]:
        """Exchange the refresh token once (not retried: refresh tokens are single-use)."""
        assert isinstance(self.credentials, OAuthCredentials)
        logger.info("refreshing the OAuth access token")
        body = self.credentials.refresh_body()
        outcome = yield Send("POST", self.base_url + "/oauth/tokens", self.headers, json=body)
        if not isinstance(outcome, Answer):
            raise TransportError(
                f"Could not reach the OAuth token endpoint: {type(outcome).__name__}.",
                hint="Check the network and base_url, then try again.",
            ) from outcome
        self.credentials.apply_refresh(outcome, self.clock())

    # -- operations -------------------------------------------------------------------

    def prepare(
        self, entity: str, action: str, params: Mapping[str, Any] | BaseModel | None
    ) -> tuple[Operation, Params]:
        """Look the action up and validate its params: what ``execute`` does before running."""
        operation = lookup(entity, action)
        return operation, validate_params(operation, params)

    @property
    def has_context_store(self) -> bool:
        """Whether ``context_store_search`` can run here (hosted mode, or a local store)."""
        return self.store is not None

    def answers(self, operation: Operation) -> bool:
        """Whether a context store operation runs here: a local store answers searches and
        aggregates of the entities it keeps; hosted mode's context store only searches."""
        if self.store is not None:
            from .store._schema import TABLES

            return operation.entity in TABLES
        return self.has_context_store and operation.source is Source.CONTEXT_STORE

    def url_for(self, operation: Operation, params: Params) -> str:
        values = {
            name: quote(str(getattr(params, name)), safe="") for name in operation.path_params
        }
        for name, value in values.items():
            if value in ("", ".", ".."):  # would be a dot segment (or none) in the path
                raise InvalidParams(
                    f"param {name!r} is not an id (got {value!r}).",
                    hint=f"Give the record's id as {name}.",
                )
        return self.base_url + API_PREFIX + operation.path.format(**values)

    def check(self) -> Flow[CheckResult]:
        """Whether credentials and address work: one cheap stats request, never raising."""
        error: ZendeskTalkError | None = None
        try:
            yield from self.execute(*CHECK_OPERATION, None)
        except ZendeskTalkError as failure:
            error = failure
        return CheckResult(
            status="unhealthy" if error else "healthy",
            error=str(error) if error else None,
            checked="/".join(CHECK_OPERATION),
        )

    def execute(
        self, entity: str, action: str, params: Mapping[str, Any] | BaseModel | None
    ) -> Flow[ExecuteResult]:
        operation, validated = self.prepare(entity, action, params)
        return (yield from self.run(operation, validated))

    def run(self, operation: Operation, params: Params) -> Flow[ExecuteResult]:
        """Run a looked-up operation with validated params: one record, or a whole list."""
        if operation.write and not self.allow_writes:
            raise WriteNotAllowed(
                f"{operation.entity}/{operation.action} is a write action and this connector "
                "is read-only.",
                hint="Build the connector with allow_writes=True to enable write actions.",
            )
        if operation.source is Source.CONTEXT_STORE:
            return (yield from self.search(operation, params))
        if operation.source is Source.LOCAL_STORE:
            return self.aggregate(operation, params)
        if operation.paging is Paging.RECORD:
            return (yield from self._one(operation, params))
        listing = self.listing(operation, params, getattr(params, "limit", None))
        data: list[Record] = []
        while (records := (yield from listing.next_page())) is not None:
            data.extend(records)
        result: ZendeskTalkExecuteResult[Record] = ZendeskTalkExecuteResult(
            data=data, meta=listing.meta()
        )
        result.bind_resume(partial(listing.cursor_at, data))
        return result

    def search(self, operation: Operation, params: Params) -> Flow[ExecuteResult]:
        """``context_store_search``: from the local store, if the connector has one."""
        if self.store is None:
            raise HostedModeRequired(
                f"{operation.entity}/{SEARCH_ACTION} needs hosted mode or a local store "
                "(store=): it searches a context store, and this connector has none.",
                hint="Build the connector with store='talk.sqlite3' and sync it, or with "
                f"AirbyteAuthConfig(...); or use execute({operation.entity!r}, 'list', ...) "
                "with the tools' where= filter.",
            )
        from .params import ContextStoreSearchParams
        from .store._answers import search

        assert isinstance(params, ContextStoreSearchParams)
        return search(self.store, operation, params)
        yield  # a flow like the others (never reached)

    def aggregate(self, operation: Operation, params: Params) -> ExecuteResult:
        """``context_store_aggregate``: groups and metrics over the local store."""
        if self.store is None:
            raise LocalStoreRequired(
                f"{operation.entity}/{AGGREGATE_ACTION} needs the local store: counts, sums "
                "and averages are computed over the records synced into it (hosted mode's "
                "context store only searches).",
                hint="Build a local connector with store='talk.sqlite3' and run sync() first; "
                f"in hosted mode, use {SEARCH_ACTION} and count the records.",
            )
        from .params import ContextStoreAggregateParams
        from .store._answers import aggregate

        assert isinstance(params, ContextStoreAggregateParams)
        return aggregate(self.store, operation, params)

    def sync(
        self,
        entities: Iterable[str] | None,
        since: object,
        export_requests_per_minute: int | None,
        progress: Callable[[SyncProgress], None] | None,
    ) -> Flow[SyncReport]:
        """Copy the account into the local store (see :mod:`.store._sync`)."""
        if self.store is None:
            raise LocalStoreRequired(
                "sync() needs a local store to sync into.",
                hint="Build the connector with store='talk.sqlite3' (a path or a LocalStore).",
            )
        from .store._sync import ExportPacer, sync

        pacer = ExportPacer(export_requests_per_minute, self.clock)
        return (yield from sync(self, self.store, entities, since, pacer, progress))

    def listing(self, operation: Operation, params: Params, limit: int | None) -> Listing:
        """A walk over a list action's pages, at most ``limit`` records (None: all)."""
        return PagedListing(self, operation, params, limit)

    def _one(self, operation: Operation, params: Params) -> Flow[Record]:
        values = params.model_dump()
        body = None
        if operation.body_key is not None:
            fields = {
                k: v for k, v in values.items() if k not in operation.path_params and v is not None
            }
            body = {operation.body_key: fields}
        response = yield from self.request(
            operation.method,
            self.url_for(operation, params),
            query=query_params(operation, values) if body is None else None,
            json=body,
            operation=operation,
        )
        records = parse_page(operation, response.content).records
        if not records:
            raise ServerError(
                f"Unexpected response for {operation.entity}/{operation.action}: "
                f"{operation.response_key!r} is empty.",
                hint="The API may have changed; report this with the request that failed.",
            )
        return records[0]


class Listing(Protocol):
    """One walk over a list action: pages as flows, then where the walk stands.

    ``execute`` drives it to the end and keeps every record; ``iter`` hands each page to its
    caller and keeps none, so an export holds one page at a time.
    """

    def next_page(self) -> Flow[list[Record] | None]:
        """The next page's records (after the limit's cut); None once the walk is over."""
        ...

    def meta(self) -> ListMeta:
        """Where the walk stopped: counts, has_more and the cursor continuing after it."""
        ...

    def cursor_at(self, records: list[Record], index: int) -> str | None:
        """A cursor resuming at ``records[index]`` (``records``: all the walk returned)."""
        ...


class PagedListing:
    """A list action of the Talk API: one page, offset pages or an incremental export."""

    def __init__(self, engine: Engine, operation: Operation, params: Params, limit: int | None):
        self._engine = engine
        self._operation = operation
        self._limit = limit
        url = engine.url_for(operation, params)
        values = params.model_dump()
        query = query_params(operation, values)
        cursor = values.get("cursor")
        self._pager: OffsetPager | IncrementalPager | SinglePage
        if operation.paging is Paging.OFFSET:
            self._pager = OffsetPager(operation, url, query, limit or 100, cursor)
        elif operation.paging is Paging.INCREMENTAL:
            self._pager = IncrementalPager(operation, url, values["start_time"], cursor)
        else:
            self._pager = SinglePage(url, query)
        self._returned = 0
        self._taken = 0
        self._pages = 0
        self._over = False
        self._warnings: list[str] = []

    def next_page(self) -> Flow[list[Record] | None]:
        if self._over or not self._pager.pending:
            self._over = True
            return None
        if self._pages >= self._engine.max_pages:
            self._warnings.append(
                f"Paging paused after {self._pages:,} pages (max_pages); continue with "
                "meta.next_cursor."
            )
            self._over = True
            return None
        self._pages += 1
        records = self._pager.accept((yield from self.fetch(*self._pager.request())))
        room = len(records) if self._limit is None else self._limit - self._returned
        self._taken = min(room, len(records))
        self._returned += self._taken
        if self._taken < len(records) or self._returned == self._limit:
            self._over = True
        return records[: self._taken]

    def fetch(self, url: str, query: dict[str, str] | None) -> Flow[Page]:
        """One page the pager asked for (hosted exports fetch it through the Airbyte API)."""
        operation = self._operation
        response = yield from self._engine.request("GET", url, query=query, operation=operation)
        return parse_page(operation, response.content)  # the body goes with this frame

    def meta(self) -> ListMeta:
        pager = self._pager
        end_time = None
        warnings = [*pager.warnings, *self._warnings]
        if isinstance(pager, IncrementalPager):
            has_more = pager.has_more_after(self._taken)
            cursor: str | None = pager.cursor_after(self._taken)
            end_time = pager.end_time
        elif isinstance(pager, OffsetPager):
            cursor = pager.cursor_at(self._returned)
            has_more = cursor is not None
            if pager.next_page_problem is not None:
                warnings.append(f"The API's next_page was not followed: {pager.next_page_problem}.")
        else:
            cursor, has_more = None, False
        return ListMeta(
            returned=self._returned,
            has_more=has_more,
            next_cursor=cursor,
            next_page=pager.next_page,
            count=pager.count,
            end_time=end_time,
            warning=" ".join(warnings) or None,
        )

    def cursor_at(self, records: list[Record], index: int) -> str | None:
        pager = self._pager
        if isinstance(pager, IncrementalPager):
            return pager.cursor_at(records, index)
        if isinstance(pager, OffsetPager):
            return pager.cursor_at(index)
        return None

"""Decide once, drive twice: every request, retry, refresh and page as a plain generator.

The flows here never do I/O. They *yield* steps (:class:`Send`, :class:`Sleep`,
:class:`Refresh`, :class:`Batch`) and receive the outcome; the async connector drives them
with ``httpx.AsyncClient`` and ``asyncio.sleep``, the sync connector with ``httpx.Client`` and
``time.sleep``. So both connectors share every decision, and the sync one never needs an
event loop.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar
from urllib.parse import quote, urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from ._version import __version__
from .auth import Credentials, OAuthCredentials
from .catalog import API_PREFIX, Operation, Paging, actions_of, lookup, operations_of
from .errors import (
    APIStatusError,
    AuthenticationError,
    ConfigurationError,
    HostedModeRequired,
    InvalidParams,
    NotFound,
    PermissionDenied,
    RateLimited,
    ServerError,
    TransportError,
    WriteNotAllowed,
    ZendeskTalkError,
)
from .pages import parse_page
from .paging import IncrementalPager, OffsetPager, query_params
from .record_base import Record
from .results import CheckResult, ListMeta, ZendeskTalkExecuteResult
from .retry import RetryPolicy, parse_retry_after

if TYPE_CHECKING:
    from .params import Params

T = TypeVar("T")
logger = logging.getLogger("zendesk_talk_connector")
CHECK_OPERATION = ("account_overview", "list")
"""The cheap request ``check()`` makes (the reference connector's check stream)."""
_SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
USER_AGENT = f"zendesk-talk-connector/{__version__}"
SEARCH_ACTION = "context_store_search"
"""The hosted-only action searching Airbyte's context store (any entity with a list)."""


@dataclass(frozen=True)
class Send:
    """Send this request; the driver answers with the response or an ``httpx.TransportError``.

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
        """The request, built by ``client`` (its default headers under ours)."""
        return client.build_request(
            self.method, self.url, params=self.params, headers=self.headers, json=self.json
        )


@dataclass(frozen=True)
class Sleep:
    """Wait this many seconds before going on."""

    seconds: float


@dataclass(frozen=True)
class Refresh:
    """Refresh the OAuth token, unless it is no longer the one this request used."""

    stale_authorization: str


@dataclass(frozen=True)
class Batch:
    """Records ready for the caller (streaming iteration)."""

    records: list[Record]


Step = Send | Sleep | Refresh
Flow = Generator[Step, Any, T]
Resume = Callable[[list[Record], int], str | None]
"""Cursor resuming at ``records[index]`` of a list result (None when nothing follows)."""
StreamFlow = Generator[Step | Batch, Any, tuple[ListMeta, Resume]]
ExecuteResult: TypeAlias = "ZendeskTalkExecuteResult[Record] | Record"
"""A list result or one record. A string, so importing the engine builds no generic model."""


def resolve_base_url(subdomain: str | None, base_url: str | None) -> str:
    """``https://{subdomain}.zendesk.com``, or a validated ``base_url`` override."""
    if base_url is not None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(
                f"base_url {base_url!r} is not an http(s) URL.",
                hint="Use e.g. 'https://acme.zendesk.com' or the sandbox's base_url.",
            )
        if parts.query or parts.fragment or parts.username or parts.password:
            raise ConfigurationError(
                "base_url must not contain credentials, a query or a fragment.",
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
            problems.append(f"unknown param {name!r}")  # nested: no top-level guess
        elif err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(top, allowed, n=1)
            guess = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"unknown param {top!r}{guess}")
        elif err["type"] == "missing":
            problems.append(f"missing required param {name!r}")
        else:
            message = err["msg"].removeprefix("Value error, ")
            problems.append(f"param {name!r}: {message} (got {err.get('input')!r})")
    return InvalidParams(
        f"Invalid params for {where}: " + "; ".join(problems) + ".",
        hint=f"Allowed params for {where}: {allowed_text}.",
        details=exc.errors(include_url=False, include_context=False),
    )


def validate_params(operation: Operation, params: Mapping[str, Any] | BaseModel | None) -> Params:
    """The action's params model from a dict (or model); an actionable error otherwise."""
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
    try:
        return operation.params.model_validate(dict(params or {}))
    except ValidationError as exc:
        raise describe_validation_error(
            f"{operation.entity}/{operation.action}", operation.param_names, exc
        ) from None


def _error_body(response: httpx.Response) -> tuple[str | None, str | None, Any]:
    try:
        body = response.json()
    except ValueError:
        return None, (response.text[:200] or None), None
    if not isinstance(body, dict):
        return None, None, None
    error = body.get("error")
    description = body.get("description") or body.get("error_description")
    if not description and isinstance(body.get("detail"), str):  # the Airbyte API's errors
        description = body["detail"]
    if isinstance(error, dict):  # some endpoints nest {"error": {"title", "message"}}
        description = description or error.get("message")
        error = error.get("title")
    return (
        str(error) if error is not None else None,
        str(description) if description else None,
        body.get("details"),
    )


def error_from_response(
    response: httpx.Response, operation: Operation | None, retry_after: float | None
) -> ZendeskTalkError:
    """Map an error response to the hierarchy, with a hint a model can act on."""
    status = response.status_code
    code, description, details = _error_body(response)
    what = f"{operation.entity}/{operation.action}" if operation else response.request.url.path
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
    if status == 404:
        hint = "Check the id"
        if operation is not None and "list" in actions_of(operation.entity):
            hint += f"; list {operation.entity} to find valid ids"
        return NotFound(summary + ".", hint=hint + ".", **kwargs)
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
    return APIStatusError(
        summary + ".", hint="The API refused this request; check the params and ids.", **kwargs
    )


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
    ) -> None:
        self.base_url = base_url
        self.credentials = credentials
        self.retry = retry
        self.clock = clock
        self.allow_writes = allow_writes
        self.headers = {"Accept": "application/json", "User-Agent": USER_AGENT}

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
    ) -> Flow[httpx.Response]:
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
            if isinstance(outcome, httpx.Response):
                status = outcome.status_code
                if status < 400:
                    return outcome
                if status == 401 and authorize and self.credentials.can_refresh and not refreshed:
                    refreshed = True
                    attempts -= 1  # the refresh, not the server, decides this one
                    yield Refresh(authorization)
                    continue
                retry_after = parse_retry_after(outcome.headers.get("Retry-After"), self.clock())
            else:
                status, retry_after = None, None
            delay = self.retry.delay_before_retry(
                attempt=attempts,
                method=retry_method,
                status=status,
                retry_after=retry_after,
                waited=waited,
            )
            if delay is None:
                if isinstance(outcome, httpx.Response):
                    raise self.error_for(outcome, operation, retry_after)
                host = urlsplit(url).netloc
                raise TransportError(
                    f"Could not reach {host} after {attempts} attempt(s): "
                    f"{type(outcome).__name__}.",
                    hint="Check the network, the subdomain or base_url, and the timeout.",
                ) from outcome
            waited += delay
            logger.info(
                "retrying %s %s in %.2fs (attempt %d failed: %s)",
                method,
                urlsplit(url).path,
                delay,
                attempts,
                status if status is not None else type(outcome).__name__,
            )
            yield Sleep(delay)

    def error_for(
        self, response: httpx.Response, operation: Operation | None, retry_after: float | None
    ) -> ZendeskTalkError:
        """The error to raise for a final error response (hosted mode adjusts the hints)."""
        return error_from_response(response, operation, retry_after)

    def refresh(self) -> Flow[None]:
        """Exchange the refresh token once (not retried: refresh tokens are single-use)."""
        assert isinstance(self.credentials, OAuthCredentials)
        logger.info("refreshing the OAuth access token")
        body = self.credentials.refresh_body()
        outcome = yield Send("POST", self.base_url + "/oauth/tokens", self.headers, json=body)
        if not isinstance(outcome, httpx.Response):
            raise TransportError(
                f"Could not reach the OAuth token endpoint: {type(outcome).__name__}.",
                hint="Check the network and base_url, then try again.",
            ) from outcome
        self.credentials.apply_refresh(outcome, self.clock())

    # -- operations -------------------------------------------------------------------

    def prepare(
        self, entity: str, action: str, params: Mapping[str, Any] | BaseModel | None
    ) -> tuple[Operation, Params]:
        operation = lookup(entity, action)
        if operation.write and not self.allow_writes:
            raise WriteNotAllowed(
                f"{entity}/{action} is a write action and this connector is read-only.",
                hint="Build the connector with allow_writes=True to enable write actions.",
            )
        return operation, validate_params(operation, params)

    def url_for(self, operation: Operation, params: Params) -> str:
        values = {
            name: quote(str(getattr(params, name)), safe="") for name in operation.path_params
        }
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
        if action == SEARCH_ACTION:
            return (yield from self.search(entity, params))
        operation, validated = self.prepare(entity, action, params)
        if operation.paging is Paging.RECORD:
            return (yield from self._one(operation, validated))
        data: list[Record] = []
        stream = self.stream(operation, validated, getattr(validated, "limit", None))
        outcome: Any = None
        while True:
            try:
                step = stream.send(outcome)
            except StopIteration as stop:
                meta, resume = stop.value
                result: ZendeskTalkExecuteResult[Record] = ZendeskTalkExecuteResult(
                    data=data, meta=meta
                )
                result.bind_resume(partial(resume, data))
                return result
            if isinstance(step, Batch):
                data.extend(step.records)
                outcome = None
            else:
                outcome = yield step

    def search(
        self, entity: str, params: Mapping[str, Any] | BaseModel | None
    ) -> Flow[ExecuteResult]:
        """``context_store_search``: Airbyte's context store exists only in hosted mode."""
        operations_of(entity)  # an unknown entity is named as such first
        raise HostedModeRequired(
            f"{entity}/{SEARCH_ACTION} needs hosted mode: it searches the Airbyte context "
            "store, which a local connector does not have.",
            hint="Build the connector with AirbyteAuthConfig(...) to search, or use "
            f"execute({entity!r}, 'list', ...) with the tools' where= filter locally.",
        )

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

    def stream(self, operation: Operation, params: Params, limit: int | None) -> StreamFlow:
        """Yield the records of a list action page by page; return the final meta."""
        url = self.url_for(operation, params)
        values = params.model_dump()
        query = query_params(operation, values)
        cursor = values.get("cursor")
        pager: OffsetPager | IncrementalPager | None = None
        if operation.paging is Paging.OFFSET:
            pager = OffsetPager(operation, url, query, limit or 100, cursor)
        elif operation.paging is Paging.INCREMENTAL:
            pager = IncrementalPager(operation, url, values["start_time"], cursor)
        if pager is None:
            response = yield from self.request("GET", url, query=query, operation=operation)
            records = parse_page(operation, response.content).records
            if limit is not None:
                records = records[:limit]
            yield Batch(records)
            return ListMeta(returned=len(records), has_more=False, count=len(records)), _no_resume
        returned, taken = 0, 0
        while (page := pager.request()) is not None:
            page_url, page_query = page
            response = yield from self.request(
                "GET", page_url, query=page_query, operation=operation
            )
            records = pager.accept(parse_page(operation, response.content))
            # A page is let go before the next one is fetched (here, and by the pager and the
            # drivers): an export holds one page, not two, and builds the next in the memory
            # this one freed; a 100,000-call sync export runs ~7% faster for it.
            del response
            room = len(records) if limit is None else limit - returned
            taken = min(room, len(records))
            if taken:
                yield Batch(records[:taken])
            returned += taken
            if taken < len(records) or (limit is not None and returned >= limit):
                break
            del records
        resume: Resume
        if isinstance(pager, IncrementalPager):
            has_more = pager.has_more_after(taken)
            cursor_out: str | None = pager.cursor_after(taken)
            end_time, resume = pager.end_time, pager.cursor_at
        else:
            cursor_out = pager.cursor_at(returned)
            has_more, end_time = cursor_out is not None, None
            resume = partial(_offset_resume, pager)
        meta = ListMeta(
            returned=returned,
            has_more=has_more,
            next_cursor=cursor_out,
            next_page=pager.next_page,
            count=pager.count,
            end_time=end_time,
        )
        return meta, resume


def _offset_resume(pager: OffsetPager, records: list[Record], index: int) -> str | None:
    return pager.cursor_at(index)


def _no_resume(records: list[Record], index: int) -> str | None:
    return None

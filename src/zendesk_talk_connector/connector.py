"""``ZendeskTalkConnector`` (async) and its sync twin ``SyncZendeskTalkConnector``.

Both are thin drivers of the same :class:`~.engine.Engine` flows: nothing is decided here,
only I/O is done. Construction does no I/O at all: the HTTP client is created on first use.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from pydantic import BaseModel

from ._answer import Answer
from ._auth import TokenCallback, credentials_for
from ._bounded import (
    ACCEPT_ENCODING,
    DEFAULT_MAX_RESPONSE_BYTES,
    BoundedBody,
    read_before,
)
from ._deadline import (
    TOO_LONG,
    attempt_deadline,
    deadline_client,
    deadline_of,
    past_deadline,
    run_within,
)
from ._engine import (
    DEFAULT_MAX_PAGES,
    Engine,
    ExecuteResult,
    Flow,
    Listing,
    Refresh,
    Send,
    Sleep,
    resolve_base_url,
    validate_params,
)
from ._entities import AsyncEntities, Entities
from ._record_base import Record
from ._retry import RetryPolicy
from .auth_config import (
    AirbyteAuthConfig,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkOauth20AuthConfig,
)
from .catalog import ENTITIES, OPERATIONS, Operation, Source, lookup, operations_of
from .errors import ConfigurationError, InvalidParams, ServerError
from .results import CheckResult

if TYPE_CHECKING:
    import asyncio

    from .export import ExportCheckpoint, JsonlExport, ProgressCallback
    from .hosted import HostedEngine, ZendeskTalkReplicationConfig
    from .params import Params
    from .store import LocalStore, SyncProgress, SyncReport

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_TIMEOUT",
    "SyncZendeskTalkConnector",
    "ZendeskTalkConnector",
]

T = TypeVar("T")
logger = logging.getLogger("zendesk_talk_connector")
TwinT = TypeVar("TwinT", bound="_ConnectorBase")
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=10, max_keepalive_connections=10)
"""Ten connections, all kept alive. Zendesk allows at most 2,500 requests a minute (~42/s)
per account, which ten connections sustain at 200 ms a request; more only cost, because
httpcore's pool does work proportional to connections x waiting requests on every request
(the measurements are in benchmarks/REPORT.md)."""


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # here, not at the top: the sync twin never needs an event loop

    await asyncio.sleep(seconds)


def _build(step: Send, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
    """The request, asking only for the encodings a bounded read can decode."""
    try:
        request = step.build(client)
    except httpx.InvalidURL as error:  # e.g. a 10 MB id or search term: too long a URL
        raise InvalidParams(
            f"The request URL cannot be built: {str(error)[:200]}.",
            hint="Shorten the params (ids and search terms are short).",
        ) from None
    request.headers["Accept-Encoding"] = ACCEPT_ENCODING
    return request


def _unusable_answer(error: Exception) -> ServerError:
    """A client-side httpx error no retry can fix (a redirect to a bad URL, a redirect loop)."""
    return ServerError(
        f"The server's answer could not be used: {type(error).__name__}: {str(error)[:200]}.",
        hint="Check the subdomain or base_url; a proxy in between may redirect oddly.",
    )


def _say_if_cut(listing: Listing) -> None:
    """An iteration ends without an exception, so a walk that paging stopped short (a page
    loop, the page cap) is logged as a warning rather than passing as complete."""
    warning = listing.meta().warning
    if warning:
        logger.warning("iteration ended early: %s", warning)


class _ConnectorBase:
    """Configuration and catalog introspection shared by both twins."""

    def __init__(
        self,
        auth_config: ZendeskTalkApiTokenAuthConfig
        | ZendeskTalkOauth20AuthConfig
        | AirbyteAuthConfig
        | None = None,
        config: Mapping[str, Any] | None = None,
        *,
        subdomain: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
        allow_writes: bool = False,
        on_token_refresh: TokenCallback | None = None,
        clock: Callable[[], float] = time.time,
        airbyte_api_url: str | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        store: str | os.PathLike[str] | LocalStore | None = None,
    ) -> None:
        settings = dict(config or {})
        unknown = set(settings) - {"subdomain", "base_url"}
        if unknown:
            raise ConfigurationError(
                f"Unknown config keys: {', '.join(sorted(unknown))}.",
                hint="config accepts 'subdomain' and 'base_url'.",
            )
        if auth_config is None:
            raise ConfigurationError(
                "No auth_config given.",
                hint="Pass ZendeskTalkApiTokenAuthConfig(email=..., api_token=...) or "
                "ZendeskTalkOauth20AuthConfig(access_token=...).",
            )
        self._engine: Engine
        self._owns_store = False
        if isinstance(auth_config, AirbyteAuthConfig):
            if base_url or settings.get("base_url"):
                raise ConfigurationError(
                    "base_url is for local mode; a hosted connector talks to the Airbyte API.",
                    hint="Pass airbyte_api_url= (or set AIRBYTE_API_URL) instead of base_url.",
                )
            from .hosted import HostedEngine, resolve_airbyte_api_url

            if store is not None:
                raise ConfigurationError(
                    "store= is for local mode; a hosted connector searches Airbyte's context "
                    "store.",
                    hint="Leave store out in hosted mode, or build a local connector with it.",
                )
            self._auth_kind = "airbyte"
            self._engine = HostedEngine(
                auth_config=auth_config,
                api_url=resolve_airbyte_api_url(airbyte_api_url),
                retry=retry or RetryPolicy(),
                clock=clock,
                allow_writes=allow_writes,
            )
        else:
            self._auth_kind = (
                "api_token" if isinstance(auth_config, ZendeskTalkApiTokenAuthConfig) else "oauth2"
            )
            self._engine = Engine(
                base_url=resolve_base_url(
                    subdomain or settings.get("subdomain"), base_url or settings.get("base_url")
                ),
                credentials=credentials_for(auth_config, on_token_refresh),
                retry=retry or RetryPolicy(),
                clock=clock,
                allow_writes=allow_writes,
                store=self._open_store(store),
            )
        if timeout is None:
            self._timeout = DEFAULT_TIMEOUT
        elif isinstance(timeout, httpx.Timeout):
            self._timeout = timeout
        else:
            self._timeout = httpx.Timeout(timeout)
        for name, value in (("max_pages", max_pages), ("max_response_bytes", max_response_bytes)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigurationError(
                    f"{name} must be a positive integer.", hint=f"Leave {name} out for the default."
                )
        self._engine.max_pages = max_pages
        self._max_response_bytes = max_response_bytes

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self._engine.base_url!r}, "
            f"auth={self._auth_kind!r}, allow_writes={self._engine.allow_writes})"
        )

    if not TYPE_CHECKING:  # to type checkers an unknown attribute stays an error

        def __getattr__(self, name: str) -> Any:
            raise AttributeError(
                f"{type(self).__name__!r} has no attribute {name!r} "
                f"(entities: {', '.join(ENTITIES)})"
            )

    @property
    def base_url(self) -> str:
        return self._engine.base_url

    @property
    def allow_writes(self) -> bool:
        return self._engine.allow_writes

    @property
    def connector_id(self) -> str | None:
        """Hosted mode: the Airbyte connector's id (once given, looked up or created)."""
        return self._hosted_engine().connector_id if self._auth_kind == "airbyte" else None

    # Hosted mode and the tool decorator are imported when first used: most programs need
    # neither, and importing them costs more than the rest of the package.
    @staticmethod
    def connector_id_from_callback(url: str) -> str:
        """The connector id in the redirect URL of the hosted OAuth consent flow."""
        from .hosted import connector_id_from_callback

        return connector_id_from_callback(url)

    @staticmethod
    def tool_utils(func: Callable[..., Any] | None = None, /, **options: Any) -> Callable[..., Any]:
        """Decorate an ``execute(entity, action, params)`` function to be a good agent tool.

        See :func:`zendesk_talk_connector.tool_utils.tool_utils` for the options.
        """
        from .tool_utils import tool_utils

        return tool_utils(func, **options)

    def _open_store(self, store: str | os.PathLike[str] | LocalStore | None) -> LocalStore | None:
        """The store object; one made from a path is this connector's to close."""
        if store is None or not isinstance(store, (str, os.PathLike)):
            return store
        from .store import LocalStore

        self._owns_store = True
        return LocalStore(store)

    def _close_store(self) -> None:
        if self._owns_store and self._engine.store is not None:
            self._engine.store.close()

    @property
    def store(self) -> LocalStore | None:
        """The local context store (``store=``), if any."""
        return self._engine.store

    def _hosted_engine(self) -> HostedEngine:
        from .hosted import HostedEngine

        if not isinstance(self._engine, HostedEngine):
            raise ConfigurationError(
                "This needs a hosted connector.", hint="Pass AirbyteAuthConfig as auth_config."
            )
        return self._engine

    def validate(
        self, operation: Operation, params: Mapping[str, Any] | BaseModel | None
    ) -> Params:
        """The operation's validated params (an actionable :class:`InvalidParams` otherwise)."""
        return validate_params(operation, params)

    @property
    def has_context_store(self) -> bool:
        """Whether ``context_store_search`` runs here (hosted mode, or a local store)."""
        return self._engine.has_context_store

    def offers(self, operation: Operation) -> bool:
        """Whether this connector runs ``operation``: writes only when enabled, context store
        searches only where a context store is."""
        if operation.write and not self.allow_writes:
            return False
        return operation.source is Source.API or self._engine.answers(operation)

    def freshness(self, operation: Operation) -> str:
        """For a tool description: how fresh the local store's copy of the entity is."""
        store = self._engine.store
        if store is None or operation.source is Source.API:
            return ""
        from .store._answers import freshness

        return freshness(store, operation.entity)

    def list_entities(self) -> list[dict[str, Any]]:
        """Every entity with the actions this connector offers, and their descriptions."""
        entities: dict[str, dict[str, Any]] = {}
        for op in filter(self.offers, OPERATIONS):
            entry = entities.setdefault(op.entity, {"entity": op.entity, "actions": {}})
            entry["actions"][op.action] = op.description
        return list(entities.values())

    def entity_schema(self, entity: str) -> dict[str, Any]:
        """JSON schemas of an entity: its record, and the params of each action."""
        ops = operations_of(entity)
        return {
            "entity": entity,
            "record": ops[0].record.model_json_schema(),
            "actions": {
                op.action: {
                    "description": op.description,
                    "write": op.write,
                    "params": op.params.model_json_schema(),
                    "record": op.record.__name__,
                }
                for op in ops
            },
        }

    def _listing(self, entity: str, action: str, params: Mapping[str, Any] | None) -> Listing:
        """The walk ``iter`` drives: validated as ``execute`` validates, limited only by a
        ``limit`` the caller gave (the params model's default limits one result, not a walk)."""
        operation, validated = self._engine.prepare(entity, action, params)
        if not operation.is_list or operation.source is not Source.API:
            raise InvalidParams(
                f"{entity}/{action} has no pages to iterate.",
                hint=f"Use execute('{entity}', '{action}', ...) instead.",
            )
        limit = getattr(validated, "limit", None) if "limit" in validated.model_fields_set else None
        return self._engine.listing(operation, validated, limit)

    def _export_job(
        self,
        entity: str,
        path: str | os.PathLike[str],
        since: Any,
        until: Any,
        checkpoint: str | os.PathLike[str] | None,
        overwrite: bool,
        on_page: ProgressCallback | None,
    ) -> tuple[JsonlExport, Listing | None]:
        """The export's file side and the walk continuing it (None: a bounded export that
        is already complete)."""
        from .export import JsonlExport

        job = JsonlExport(
            lookup(entity, "list"),
            path,
            since=since,
            until=until,
            checkpoint=checkpoint,
            overwrite=overwrite,
            on_page=on_page,
        )
        if job.state.complete:
            return job, None
        params = validate_params(job.operation, job.params)
        return job, self._engine.listing(job.operation, params, None)

    def _twin_of(self, cls: type[TwinT]) -> TwinT:
        """A connector of the other flavour sharing this one's engine (credentials, retries)."""
        twin = cls.__new__(cls)
        twin._engine = self._engine
        twin._timeout = self._timeout
        twin._max_response_bytes = self._max_response_bytes
        twin._auth_kind = self._auth_kind
        twin._owns_store = False  # the original closes it
        twin._init_driver()
        return twin

    def _init_driver(self) -> None:
        raise NotImplementedError


class ZendeskTalkConnector(AsyncEntities, _ConnectorBase):
    """Async connector to the Zendesk Talk API.

    Example::

        connector = ZendeskTalkConnector(
            auth_config=ZendeskTalkApiTokenAuthConfig(email="me@acme.com", api_token="..."),
            config={"subdomain": "acme"},
        )
        numbers = await connector.execute("phone_numbers", "list", {"limit": 50})
        async for call in connector.calls.iter(start_time="2024-11-01"):
            ...
    """

    def __init__(
        self,
        auth_config: ZendeskTalkApiTokenAuthConfig
        | ZendeskTalkOauth20AuthConfig
        | AirbyteAuthConfig
        | None = None,
        config: Mapping[str, Any] | None = None,
        *,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(auth_config, config, **options)
        self._init_driver(http_client, sleep)

    def _init_driver(
        self,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._client = http_client
        self._owns_client = http_client is None
        self._sleep = sleep or _asyncio_sleep
        self._refresh_lock: asyncio.Lock | None = None

    @classmethod
    async def create(
        cls,
        *,
        airbyte_config: AirbyteAuthConfig,
        auth_config: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig,
        replication_config: ZendeskTalkReplicationConfig | Mapping[str, Any],
        name: str | None = None,
        **options: Any,
    ) -> ZendeskTalkConnector:
        """Create a hosted connector holding these Zendesk credentials; one bound to it.

        ``replication_config`` gives the ``start_date`` (and optionally the ``subdomain``);
        ``options`` are the constructor's (``airbyte_api_url=``, ``retry=``, ...).
        """
        connector = cls(airbyte_config, **options)
        try:
            await connector._drive(
                connector._hosted_engine().create_connector(auth_config, replication_config, name)
            )
        except BaseException:
            await connector.close()
            raise
        return connector

    @classmethod
    async def get_consent_url(
        cls,
        *,
        airbyte_config: AirbyteAuthConfig,
        redirect_url: str,
        replication_config: ZendeskTalkReplicationConfig | Mapping[str, Any] | None = None,
        **options: Any,
    ) -> str:
        """Start the server-side OAuth flow: the Zendesk consent URL to send the user to.

        ``replication_config`` (the ``start_date``) is sent only when given. After consent
        the user lands on ``redirect_url?connector_id=...``; pass that URL to
        :meth:`connector_id_from_callback` and build the connector with ``connector_id=``.
        """
        async with cls(airbyte_config, **options) as connector:
            return await connector._drive(
                connector._hosted_engine().consent_url(redirect_url, replication_config)
            )

    def to_sync(self) -> SyncZendeskTalkConnector:
        """The sync twin, sharing credentials (and OAuth refreshes) with this connector."""
        return self._twin_of(SyncZendeskTalkConnector)

    async def execute(
        self, entity: str, action: str, params: Mapping[str, Any] | BaseModel | None = None
    ) -> ExecuteResult:
        """Run one catalog action. Lists return ``data`` + ``meta``; ``get`` the record."""
        return await self._drive(self._engine.execute(entity, action, params))

    async def run(self, operation: Operation, params: Params) -> ExecuteResult:
        """Run an operation already looked up and params already validated (as by
        :meth:`validate`): ``execute`` without the second lookup, for tool layers."""
        return await self._drive(self._engine.run(operation, params))

    async def iter(
        self, entity: str, action: str = "list", params: Mapping[str, Any] | None = None
    ) -> AsyncIterator[Record]:
        """Every record of a list action, page by page, in constant memory."""
        listing = self._listing(entity, action, params)
        while True:
            records = await self._drive(listing.next_page())
            if records is None:
                _say_if_cut(listing)
                return
            for record in records:
                yield record
            del records  # one page at a time: this one goes before the next is fetched

    async def export(
        self,
        entity: str,
        path: str | os.PathLike[str],
        *,
        since: Any,
        until: Any = None,
        checkpoint: str | os.PathLike[str] | None = None,
        overwrite: bool = False,
        on_page: ProgressCallback | None = None,
    ) -> ExportCheckpoint:
        """Export ``entity`` (``calls`` or ``call_legs``) to a JSONL file, resumably.

        Records updated at or after ``since`` (and before ``until``, if given) are appended
        page by page; after each page the file is synced and ``<path>.checkpoint`` replaced,
        so an interrupted export resumes where it stopped when called again with the same
        arguments, and a complete unbounded one appends what was updated since.
        ``on_page`` is called with the checkpoint after each page. Returns the checkpoint.
        Raises :class:`~.export.ExportError` when the file or checkpoint belong to another
        export (``overwrite=True`` starts over)."""
        job, listing = self._export_job(entity, path, since, until, checkpoint, overwrite, on_page)
        while listing is not None and not job.state.complete:
            job.write_page(await self._drive(listing.next_page()), listing.meta())
        return job.state

    async def _exchange(self, client: httpx.AsyncClient, request: httpx.Request) -> Answer:
        response = await client.send(request, stream=True)
        if read_before(response, self._max_response_bytes):
            return Answer.of(response, response.content)
        try:
            body = BoundedBody(response, self._max_response_bytes)
            async for chunk in response.aiter_raw():
                body.feed(chunk)
        finally:
            await response.aclose()
        return Answer.of(response, body.content())

    async def check(self) -> CheckResult:
        """Whether the credentials and subdomain work (one cheap stats request)."""
        return await self._drive(self._engine.check())

    async def sync(
        self,
        entities: Iterable[str] | None = None,
        since: object = None,
        *,
        export_requests_per_minute: int | None = 10,
        progress: Callable[[SyncProgress], None] | None = None,
    ) -> SyncReport:
        """Copy the account into the local store (``store=``); run it again to catch up.

        Exports (calls, call_legs) continue where the last sync stopped, or start at
        ``since`` (default: 30 days ago); lists and stats are read whole. Export requests are
        paced to Zendesk's 10 a minute (``export_requests_per_minute=None``: no pacing).
        """
        return await self._drive(
            self._engine.sync(entities, since, export_requests_per_minute, progress)
        )

    async def close(self) -> None:
        if self._client is not None and self._owns_client:
            await self._client.aclose()
            self._client = None
        self._close_store()

    async def __aenter__(self) -> ZendeskTalkConnector:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _drive(self, flow: Flow[T]) -> T:
        outcome: Any = None
        while True:
            try:
                step = flow.send(outcome)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            outcome = await self._perform(step)

    async def _perform(self, step: Send | Sleep | Refresh) -> Any:
        if isinstance(step, Send):
            import asyncio

            if self._client is None:
                self._client = httpx.AsyncClient(timeout=self._timeout, limits=DEFAULT_LIMITS)
            request = _build(step, self._client)
            try:
                return await run_within(
                    deadline_of(self._timeout), self._exchange(self._client, request)
                )
            except asyncio.TimeoutError:
                return httpx.TimeoutException(TOO_LONG)
            except httpx.TransportError as error:
                return error
            except (httpx.InvalidURL, httpx.RequestError) as error:
                raise _unusable_answer(error) from None
        if isinstance(step, Sleep):
            await self._sleep(step.seconds)
            return None
        if self._refresh_lock is None:
            import asyncio

            self._refresh_lock = asyncio.Lock()
        async with self._refresh_lock:
            if self._engine.credentials.authorization == step.stale_authorization:
                await self._drive(self._engine.refresh())
        return None


class SyncZendeskTalkConnector(Entities, _ConnectorBase):
    """The sync twin: same methods and results, over ``httpx.Client`` (no event loop).

    ``timeout`` bounds each whole attempt, connect to last byte, as in the async twin. With an
    ``http_client`` of your own (or a proxy named in the environment) only the body is bound
    that way; the headers then wait up to that client's per-read timeout, since the bound lives
    in the transport of the client the connector creates itself."""

    def __init__(
        self,
        auth_config: ZendeskTalkApiTokenAuthConfig
        | ZendeskTalkOauth20AuthConfig
        | AirbyteAuthConfig
        | None = None,
        config: Mapping[str, Any] | None = None,
        *,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        **options: Any,
    ) -> None:
        super().__init__(auth_config, config, **options)
        self._init_driver(http_client, sleep)

    def _init_driver(
        self, http_client: httpx.Client | None = None, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self._client = http_client
        self._owns_client = http_client is None
        self._sleep = sleep
        self._refresh_lock = threading.Lock()
        self._client_lock = threading.Lock()

    @classmethod
    def create(
        cls,
        *,
        airbyte_config: AirbyteAuthConfig,
        auth_config: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig,
        replication_config: ZendeskTalkReplicationConfig | Mapping[str, Any],
        name: str | None = None,
        **options: Any,
    ) -> SyncZendeskTalkConnector:
        """Create a hosted connector holding these Zendesk credentials; one bound to it."""
        connector = cls(airbyte_config, **options)
        try:
            connector._drive(
                connector._hosted_engine().create_connector(auth_config, replication_config, name)
            )
        except BaseException:
            connector.close()
            raise
        return connector

    @classmethod
    def get_consent_url(
        cls,
        *,
        airbyte_config: AirbyteAuthConfig,
        redirect_url: str,
        replication_config: ZendeskTalkReplicationConfig | Mapping[str, Any] | None = None,
        **options: Any,
    ) -> str:
        """Start the server-side OAuth flow: the Zendesk consent URL to send the user to."""
        with cls(airbyte_config, **options) as connector:
            return connector._drive(
                connector._hosted_engine().consent_url(redirect_url, replication_config)
            )

    def to_async(self) -> ZendeskTalkConnector:
        """The async twin, sharing credentials (and OAuth refreshes) with this connector."""
        return self._twin_of(ZendeskTalkConnector)

    def execute(
        self, entity: str, action: str, params: Mapping[str, Any] | BaseModel | None = None
    ) -> ExecuteResult:
        """Run one catalog action. Lists return ``data`` + ``meta``; ``get`` the record."""
        return self._drive(self._engine.execute(entity, action, params))

    def run(self, operation: Operation, params: Params) -> ExecuteResult:
        """Run an operation already looked up and params already validated (as by
        :meth:`validate`): ``execute`` without the second lookup, for tool layers."""
        return self._drive(self._engine.run(operation, params))

    def iter(
        self, entity: str, action: str = "list", params: Mapping[str, Any] | None = None
    ) -> Iterator[Record]:
        """Every record of a list action, page by page, in constant memory."""
        listing = self._listing(entity, action, params)
        while True:
            records = self._drive(listing.next_page())
            if records is None:
                _say_if_cut(listing)
                return
            yield from records
            del records  # one page at a time: this one goes before the next is fetched

    def export(
        self,
        entity: str,
        path: str | os.PathLike[str],
        *,
        since: Any,
        until: Any = None,
        checkpoint: str | os.PathLike[str] | None = None,
        overwrite: bool = False,
        on_page: ProgressCallback | None = None,
    ) -> ExportCheckpoint:
        """Export ``entity`` (``calls`` or ``call_legs``) to a JSONL file, resumably.

        Records updated at or after ``since`` (and before ``until``, if given) are appended
        page by page; after each page the file is synced and ``<path>.checkpoint`` replaced,
        so an interrupted export resumes where it stopped when called again with the same
        arguments, and a complete unbounded one appends what was updated since.
        ``on_page`` is called with the checkpoint after each page. Returns the checkpoint.
        Raises :class:`~.export.ExportError` when the file or checkpoint belong to another
        export (``overwrite=True`` starts over)."""
        job, listing = self._export_job(entity, path, since, until, checkpoint, overwrite, on_page)
        while listing is not None and not job.state.complete:
            job.write_page(self._drive(listing.next_page()), listing.meta())
        return job.state

    def _exchange(self, client: httpx.Client, request: httpx.Request) -> Answer:
        # A blocked sync read cannot be cancelled as the async twin's is: the connector's own
        # client cuts each socket operation to what is left of this deadline (._deadline), and
        # the check between chunks bounds the body read through a client of the user's.
        with attempt_deadline(deadline_of(self._timeout)):
            response = client.send(request, stream=True)
            if read_before(response, self._max_response_bytes):
                return Answer.of(response, response.content)
            try:
                body = BoundedBody(response, self._max_response_bytes)
                for chunk in response.iter_raw():
                    body.feed(chunk)
                    if past_deadline():
                        raise httpx.TimeoutException(TOO_LONG)
            finally:
                response.close()
        return Answer.of(response, body.content())

    def check(self) -> CheckResult:
        """Whether the credentials and subdomain work (one cheap stats request)."""
        return self._drive(self._engine.check())

    def sync(
        self,
        entities: Iterable[str] | None = None,
        since: object = None,
        *,
        export_requests_per_minute: int | None = 10,
        progress: Callable[[SyncProgress], None] | None = None,
    ) -> SyncReport:
        """Copy the account into the local store (``store=``); see the async twin."""
        return self._drive(self._engine.sync(entities, since, export_requests_per_minute, progress))

    def close(self) -> None:
        if self._owns_client:
            with self._client_lock:
                client, self._client = self._client, None
            if client is not None:
                client.close()
        self._close_store()

    def __enter__(self) -> SyncZendeskTalkConnector:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _drive(self, flow: Flow[T]) -> T:
        outcome: Any = None
        while True:
            try:
                step = flow.send(outcome)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            outcome = self._perform(step)

    def _http(self) -> httpx.Client:
        """The client, created once even when many threads make their first call together."""
        client = self._client
        if client is None:
            with self._client_lock:
                if self._client is None:
                    self._client = deadline_client(self._timeout, DEFAULT_LIMITS)
                client = self._client
        return client

    def _perform(self, step: Send | Sleep | Refresh) -> Any:
        if isinstance(step, Send):
            client = self._http()
            request = _build(step, client)
            try:
                return self._exchange(client, request)
            except httpx.TransportError as error:
                return error
            except (httpx.InvalidURL, httpx.RequestError) as error:
                raise _unusable_answer(error) from None
        if isinstance(step, Sleep):
            self._sleep(step.seconds)
            return None
        with self._refresh_lock:
            if self._engine.credentials.authorization == step.stale_authorization:
                self._drive(self._engine.refresh())
        return None

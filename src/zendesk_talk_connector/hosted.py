"""Hosted execution through the Airbyte API: the same flows, a different executor.

:class:`HostedEngine` is an :class:`~.engine.Engine` whose requests go to the Airbyte API
instead of Zendesk, so both connectors drive it unchanged: params are validated locally
(``Engine.prepare``), every exchange goes through ``Engine.request`` (retries,
``Retry-After``, one token renewal under concurrency via the drivers' refresh lock), and
results come back in the same envelope and typed records as in local mode.

The wire protocol (``{api}`` is ``https://api.airbyte.ai`` unless configured)::

    POST {api}/api/v1/account/applications/token      {client_id, client_secret}
         -> {access_token, expires_in, token_type}
    GET  {api}/api/v1/integrations/connectors?workspace_name=...&definition_id=...
         -> {data: [{id, name, workspace_name, definition_id}, ...]}
    POST {api}/api/v1/integrations/connectors          {workspace_name, definition_id, name,
         credentials, replication_config} -> {id, name, ...}
    POST {api}/api/v1/integrations/connectors/oauth/initiate   {workspace_name,
         definition_id, redirect_url, name, replication_config} -> {consent_url}
    POST {api}/api/v1/integrations/connectors/{id}/execute     {entity, action, params}
         -> {data: [record, ...], meta: {has_more, next_cursor, next_page, count, end_time}}
            (lists)  or  {data: record} (get)
            or, for context_store_search, {data: [...], meta: {has_more, cursor, took_ms}}

Every request carries ``X-Organization-Id`` when ``organization_id`` is set. Errors of the
execute endpoint carry the upstream status and Zendesk's error body, so they map to the same
exception hierarchy as local mode.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Annotated, Any
from urllib.parse import parse_qs, quote, urlsplit

import httpx
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)

from .auth import REFRESH_SKEW_SECONDS, Credentials
from .auth_config import (
    AirbyteAuthConfig,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkOauth20AuthConfig,
)
from .catalog import Operation
from .engine import (
    Engine,
    ExecuteResult,
    Flow,
    Listing,
    Refresh,
    describe_validation_error,
    resolve_base_url,
)
from .errors import (
    AuthenticationError,
    ConfigurationError,
    ConnectorLookupError,
    ServerError,
    ZendeskTalkError,
)
from .pages import parse_record, parse_records
from .paging import decode_cursor, encode_cursor, invalid_cursor
from .params import Params, to_epoch_seconds
from .records import Record
from .results import ListMeta, ZendeskTalkExecuteResult
from .retry import IDEMPOTENT_METHODS, RetryPolicy

logger = logging.getLogger("zendesk_talk_connector")

ZENDESK_TALK_DEFINITION_ID = "c8630570-086d-4a40-99ae-ea5b18673071"
"""Airbyte's source definition id for Zendesk Talk (selects this connector's instances)."""
DEFAULT_AIRBYTE_API_URL = "https://api.airbyte.ai"
AIRBYTE_API_URL_ENV = "AIRBYTE_API_URL"
TOKEN_PATH = "/api/v1/account/applications/token"
CONNECTORS_PATH = "/api/v1/integrations/connectors"
OAUTH_INITIATE_PATH = CONNECTORS_PATH + "/oauth/initiate"
CONNECTOR_NAME = "zendesk-talk"
MAX_LOOKUP_ROUNDS = 3


def resolve_airbyte_api_url(url: str | None = None) -> str:
    """``url``, else ``$AIRBYTE_API_URL``, else the public Airbyte API; validated."""
    chosen = url or os.environ.get(AIRBYTE_API_URL_ENV) or DEFAULT_AIRBYTE_API_URL
    try:
        return resolve_base_url(None, chosen)
    except ConfigurationError as error:
        raise ConfigurationError(
            f"airbyte_api_url {chosen!r} is not a valid http(s) URL.",
            hint=f"Pass airbyte_api_url= (or set {AIRBYTE_API_URL_ENV}) to e.g. "
            f"{DEFAULT_AIRBYTE_API_URL!r} or the sandbox's base_url.",
        ) from error


# -- the application token ---------------------------------------------------------------


class AirbyteTokenCredentials(Credentials):
    """An Airbyte application token from client credentials, renewed before it expires.

    Renewal happens shortly before ``expires_in`` runs out (a tenth of the lifetime, at most
    a minute, early) and on a 401. The drivers run it under their refresh lock, so any number
    of concurrent calls cause one renewal.
    """

    can_refresh = True

    def __init__(self, client_id: str, client_secret: SecretStr) -> None:
        super().__init__("")
        self.client_id = client_id
        self._client_secret = client_secret
        self._has_token = False
        self._expires_at: float | None = None
        self._skew = 0.0

    @property
    def expires_at(self) -> float | None:
        """Epoch seconds when the current token expires (None: no token, or no expiry)."""
        return self._expires_at

    def expiring(self, now: float) -> bool:
        if not self._has_token:
            return True
        return self._expires_at is not None and now >= self._expires_at - self._skew

    def token_body(self) -> dict[str, str]:
        secret = self._client_secret.get_secret_value()
        return {"client_id": self.client_id, "client_secret": secret}

    @staticmethod
    def read_token(response: httpx.Response) -> tuple[str, float | None]:
        """The token and its lifetime (seconds, None if unknown) from the endpoint's answer."""
        try:
            payload = response.json()
        except ValueError:
            payload = None
        token = payload.get("access_token") if isinstance(payload, dict) else None
        if not isinstance(token, str) or not token:
            raise AuthenticationError(
                "The Airbyte token endpoint answered without an access_token.",
                hint="Check airbyte_api_url: it must point at the Airbyte API.",
                status=response.status_code,
            )
        expires_in = payload.get("expires_in") if isinstance(payload, dict) else None
        lifetime = float(expires_in) if isinstance(expires_in, (int, float)) else None
        return token, lifetime

    def use_token(self, token: str, lifetime: float | None, now: float) -> None:
        """Make ``token`` (valid for ``lifetime`` seconds from ``now``) the current one."""
        self._authorization = SecretStr("Bearer " + token)
        self._has_token = True
        self._expires_at = None if lifetime is None else now + lifetime
        self._skew = 0.0 if lifetime is None else min(REFRESH_SKEW_SECONDS, lifetime / 10)


# -- context store search ----------------------------------------------------------------


class SearchMeta(ListMeta):
    """:class:`ListMeta` of a context store search, plus the search's own timing."""

    took_ms: float | None = Field(None, description="Time the context store took (ms).")


# -- creating hosted connectors -----------------------------------------------------------


def _iso_start(value: Any) -> Any:
    epoch = to_epoch_seconds(value)  # raises ValueError (a validation error) for bad text
    if isinstance(epoch, int) and not isinstance(epoch, bool):
        return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value


class ZendeskTalkReplicationConfig(BaseModel):
    """Settings of a hosted Zendesk Talk connector (what Airbyte syncs, and from where)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subdomain: str = Field(description="The Zendesk subdomain: 'acme' for acme.zendesk.com.")
    start_date: Annotated[str, BeforeValidator(_iso_start)] = Field(
        description="Sync data from this time on: ISO 8601 (UTC if no offset), a date, a "
        "datetime or epoch seconds; sent as 'YYYY-MM-DDTHH:MM:SSZ'."
    )

    @field_validator("subdomain")
    @classmethod
    def _check_subdomain(cls, value: str) -> str:
        host = resolve_base_url(value, None)  # raises ConfigurationError (a ValueError)
        return host.removeprefix("https://").split(".")[0]


def _replication(config: ZendeskTalkReplicationConfig | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(config, Mapping):
        try:
            config = ZendeskTalkReplicationConfig.model_validate(dict(config))
        except ValidationError as exc:
            raise describe_validation_error(
                "replication_config", tuple(ZendeskTalkReplicationConfig.model_fields), exc
            ) from None
    return config.model_dump()


def _credentials(
    auth_config: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig,
) -> dict[str, Any]:
    """Zendesk credentials as the hosted connector stores them (the secrets revealed)."""
    if isinstance(auth_config, ZendeskTalkApiTokenAuthConfig):
        return {
            "auth_type": "api_token",
            "email": auth_config.email,
            "api_token": auth_config.api_token.get_secret_value(),
        }
    if isinstance(auth_config, ZendeskTalkOauth20AuthConfig):
        values = {
            name: value.get_secret_value() if isinstance(value, SecretStr) else value
            for name, value in auth_config.model_dump().items()
            if value is not None
        }
        return {"auth_type": "oauth2.0", **values}
    raise ConfigurationError(
        f"create() needs Zendesk credentials, not {type(auth_config).__name__}.",
        hint="Pass ZendeskTalkApiTokenAuthConfig or ZendeskTalkOauth20AuthConfig as auth_config.",
    )


def connector_id_from_callback(url: str) -> str:
    """The ``connector_id`` of the OAuth callback URL the consent flow redirects to.

    Raises :class:`ConnectorLookupError` when the user denied consent (``error=``) or the URL
    has no ``connector_id``.
    """
    query = parse_qs(urlsplit(url).query)
    error = query.get("error")
    if error:
        description = (query.get("error_description") or [""])[0]
        raise ConnectorLookupError(
            f"The OAuth consent did not complete: {error[0]}"
            + (f" - {description}." if description else "."),
            hint="Ask the user to authorize again (get_consent_url gives a new consent URL).",
            error=error[0],
            description=description or None,
        )
    ids = [value for value in query.get("connector_id", []) if value.strip()]
    if len(ids) != 1:
        raise ConnectorLookupError(
            "The callback URL has no single connector_id query parameter.",
            hint="Pass the full URL the consent flow redirected to, e.g. "
            "'https://app.example/callback?connector_id=...'.",
        )
    return ids[0].strip()


# -- the engine ---------------------------------------------------------------------------


class HostedEngine(Engine):
    """The :class:`Engine` of a hosted connector: same flows, requests to the Airbyte API."""

    credentials: AirbyteTokenCredentials

    def __init__(
        self,
        *,
        auth_config: AirbyteAuthConfig,
        api_url: str,
        retry: RetryPolicy,
        clock: Callable[[], float],
        allow_writes: bool,
    ) -> None:
        super().__init__(
            base_url=api_url,
            credentials=AirbyteTokenCredentials(
                auth_config.airbyte_client_id, auth_config.airbyte_client_secret
            ),
            retry=retry,
            clock=clock,
            allow_writes=allow_writes,
        )
        self.auth_config = auth_config
        self.workspace_name = auth_config.workspace_name or auth_config.customer_name
        self._connector_id = auth_config.connector_id
        self._lookup_wanted = False
        if auth_config.organization_id:
            self.headers["X-Organization-Id"] = auth_config.organization_id

    def __repr__(self) -> str:
        return (
            f"HostedEngine(api_url={self.base_url!r}, workspace_name={self.workspace_name!r}, "
            f"connector_id={self._connector_id!r}, allow_writes={self.allow_writes})"
        )

    @property
    def connector_id(self) -> str | None:
        """The hosted connector's id (None until given, looked up or created)."""
        return self._connector_id

    # -- token and connector lookup (run under the drivers' refresh lock) -----------------

    def refresh(self) -> Flow[None]:
        """Fetch a new application token; then look the connector up if a call needs it."""
        logger.info("fetching an Airbyte application token")
        response = yield from self.request(
            "POST",
            self.base_url + TOKEN_PATH,
            json=self.credentials.token_body(),
            authorize=False,
            idempotent=True,
        )
        token, lifetime = self.credentials.read_token(response)
        fetched_at = self.clock()
        try:
            if self._connector_id is None and self._lookup_wanted:
                self._connector_id = yield from self._lookup("Bearer " + token)
        finally:
            # Only now does the token change, so calls that waited for this refresh see a
            # new token *and* the connector id, and do not refresh again.
            self.credentials.use_token(token, lifetime, fetched_at)

    def _lookup(self, authorization: str) -> Flow[str]:
        workspace = self._require_workspace("find the hosted connector")
        response = yield from self.request(
            "GET",
            self.base_url + CONNECTORS_PATH,
            query={"workspace_name": workspace, "definition_id": ZENDESK_TALK_DEFINITION_ID},
            authorize=False,
            headers={"Authorization": authorization},
        )
        body = _json_object(response)
        items = body.get("data")
        if not isinstance(items, list):
            raise ServerError(
                "Unexpected answer from the Airbyte API's connector list: no 'data' list.",
                hint="Check airbyte_api_url: it must point at the Airbyte API.",
            )
        found = [
            str(item["id"])
            for item in items
            if isinstance(item, dict)
            and item.get("id")
            and item.get("definition_id", ZENDESK_TALK_DEFINITION_ID) == ZENDESK_TALK_DEFINITION_ID
        ]
        if not found:
            raise ConnectorLookupError(
                f"No hosted Zendesk Talk connector in workspace {workspace!r}.",
                hint="Create one with ZendeskTalkConnector.create(...) or the OAuth consent "
                "flow (get_consent_url), check the workspace name, or pass connector_id=.",
            )
        if len(found) > 1:
            raise ConnectorLookupError(
                f"{len(found)} hosted Zendesk Talk connectors in workspace {workspace!r}: "
                f"{', '.join(found)}.",
                hint="Pass connector_id= in AirbyteAuthConfig to pick one.",
            )
        logger.info("using hosted connector %s", found[0])
        return found[0]

    def _require_workspace(self, purpose: str) -> str:
        if not self.workspace_name:
            raise ConfigurationError(
                f"A workspace name is needed to {purpose}.",
                hint="Give workspace_name= (or customer_name=) in AirbyteAuthConfig.",
            )
        return self.workspace_name

    def _resolve(self) -> Flow[str]:
        """The connector id, looked up once (under the refresh lock) when not given."""
        rounds = 0
        while self._connector_id is None:
            if rounds == MAX_LOOKUP_ROUNDS:
                raise ConnectorLookupError(
                    "Could not resolve the hosted connector.",
                    hint="Pass connector_id= in AirbyteAuthConfig.",
                )
            rounds += 1
            self._lookup_wanted = True
            yield Refresh(self.credentials.authorization)
        return self._connector_id

    def error_for(
        self, response: httpx.Response, operation: Operation | None, retry_after: float | None
    ) -> ZendeskTalkError:
        error = super().error_for(response, operation, retry_after)
        if isinstance(error, AuthenticationError):
            if response.request.url.path.endswith("/execute"):
                error.hint = (
                    "The hosted connector's Zendesk credentials were refused: create the "
                    "connector again (create() or get_consent_url()) with valid credentials."
                )
            else:
                error.hint = (
                    "Check airbyte_client_id and airbyte_client_secret (and organization_id): "
                    "the Airbyte API refused them."
                )
        return error

    # -- execution ----------------------------------------------------------------------

    def _post(
        self,
        entity: str,
        action: str,
        params: dict[str, Any],
        operation: Operation | None,
    ) -> Flow[dict[str, Any]]:
        connector_id = yield from self._resolve()
        url = f"{self.base_url}{CONNECTORS_PATH}/{quote(connector_id, safe='')}/execute"
        response = yield from self.request(
            "POST",
            url,
            json={"entity": entity, "action": action, "params": params},
            operation=operation,
            idempotent=operation is None or operation.method.upper() in IDEMPOTENT_METHODS,
        )
        body = _json_object(response)
        if "data" not in body:
            raise ServerError(
                f"Unexpected answer from the Airbyte API for {entity}/{action}: no 'data'.",
                hint="The hosted API may have changed; report this with the call that failed.",
            )
        return body

    def _one(self, operation: Operation, params: Params) -> Flow[Record]:
        body = yield from self._post(
            operation.entity,
            operation.action,
            params.model_dump(mode="json", exclude_none=True),
            operation,
        )
        data = body["data"]
        if isinstance(data, list) and len(data) == 1:
            data = data[0]
        return parse_record(operation.record, data if isinstance(data, dict) else {})

    @property
    def has_context_store(self) -> bool:
        return True

    def listing(self, operation: Operation, params: Params, limit: int | None) -> Listing:
        return HostedListing(self, operation, params, limit)

    def search(self, operation: Operation, params: Params) -> Flow[ExecuteResult]:
        """``context_store_search``: query the records Airbyte synced for the entity."""
        body = yield from self._post(
            operation.entity,
            operation.action,
            params.model_dump(mode="json", exclude_none=True),
            None,
        )
        raw = body["data"] if isinstance(body["data"], list) else []
        records = parse_records(operation.record, [item for item in raw if isinstance(item, dict)])
        meta = _meta_of(body)
        cursor = meta.get("cursor")
        took = meta.get("took_ms")
        return ZendeskTalkExecuteResult(
            data=records,
            meta=SearchMeta(
                returned=len(records),
                has_more=bool(meta.get("has_more")) and isinstance(cursor, str),
                next_cursor=cursor if isinstance(cursor, str) else None,
                took_ms=took if isinstance(took, (int, float)) else None,
            ),
        )

    # -- helpers for ZendeskTalkConnector.create / get_consent_url ----------------------

    def create_connector(
        self,
        auth_config: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig,
        replication_config: ZendeskTalkReplicationConfig | Mapping[str, Any],
        name: str | None,
    ) -> Flow[str]:
        """Create a hosted connector holding these Zendesk credentials; bind to it."""
        workspace = self._require_workspace("create a hosted connector")
        if self._connector_id is not None:
            raise ConfigurationError(
                "create() makes a new hosted connector: leave connector_id out of airbyte_config.",
                hint="To use an existing connector, build the connector with connector_id=.",
            )
        body = {
            "workspace_name": workspace,
            "definition_id": ZENDESK_TALK_DEFINITION_ID,
            "name": name or f"{CONNECTOR_NAME} - {workspace}",
            "credentials": _credentials(auth_config),
            "replication_config": _replication(replication_config),
        }
        response = yield from self.request("POST", self.base_url + CONNECTORS_PATH, json=body)
        created = _json_object(response).get("id")
        if not isinstance(created, str) or not created:
            raise ServerError(
                "The Airbyte API created no connector id.",
                hint="Check airbyte_api_url: it must point at the Airbyte API.",
            )
        self._connector_id = created
        return created

    def consent_url(
        self,
        redirect_url: str,
        replication_config: ZendeskTalkReplicationConfig | Mapping[str, Any],
        name: str | None,
    ) -> Flow[str]:
        """Start the server-side OAuth flow; the URL to send the user to."""
        workspace = self._require_workspace("start the OAuth consent flow")
        parts = urlsplit(redirect_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(
                f"redirect_url {redirect_url!r} is not an http(s) URL.",
                hint="Give the URL of your app's callback, e.g. 'https://app.example/callback'.",
            )
        body = {
            "workspace_name": workspace,
            "definition_id": ZENDESK_TALK_DEFINITION_ID,
            "redirect_url": redirect_url,
            "name": name or f"{CONNECTOR_NAME} - {workspace}",
            "replication_config": _replication(replication_config),
        }
        response = yield from self.request("POST", self.base_url + OAUTH_INITIATE_PATH, json=body)
        url = _json_object(response).get("consent_url")
        if not isinstance(url, str) or not url:
            raise ServerError(
                "The Airbyte API returned no consent_url.",
                hint="Check airbyte_api_url: it must point at the Airbyte API.",
            )
        return url


class HostedListing:
    """Pages of records from the execute endpoint, continued with the returned cursor.

    Cursors given to callers wrap the hosted cursor of a page plus how many of its records
    to skip, so a result cut anywhere (a ``limit``, a tool's size budget) resumes exactly at
    the next record.
    """

    def __init__(
        self, engine: HostedEngine, operation: Operation, params: Params, limit: int | None
    ) -> None:
        self._engine = engine
        self._operation = operation
        self._limit = limit
        values = params.model_dump(mode="json", exclude_none=True)
        self._paged = "limit" in operation.params.model_fields
        self._server_cursor, self._skip = _unwrap_cursor(operation, values.pop("cursor", None))
        self._page_size = values.pop("limit", None) if limit is None else None
        self._values = values
        self._pages: list[tuple[int, str | None, int, int]] = []
        """(index of its first record in this walk, hosted cursor, records skipped, taken)"""
        self._returned = 0
        self._meta: dict[str, Any] = {}
        self._more_in_page = False
        self._over = False

    def next_page(self) -> Flow[list[Record] | None]:
        if self._over:
            return None
        operation = self._operation
        want = self._page_size if self._limit is None else self._limit - self._returned
        request = dict(self._values)
        if self._paged and want is not None:
            request["limit"] = min(want + self._skip, _max_limit(operation))
        if self._server_cursor is not None:
            request["cursor"] = self._server_cursor
        body = yield from self._engine._post(operation.entity, operation.action, request, operation)
        self._meta = meta = _meta_of(body)
        raw = body["data"] if isinstance(body["data"], list) else [body["data"]]
        raw = [item for item in raw[self._skip :] if isinstance(item, dict)]
        taken = len(raw) if want is None else min(want, len(raw))
        self._more_in_page = taken < len(raw)
        if taken:
            self._pages.append((self._returned, self._server_cursor, self._skip, taken))
        self._returned += taken
        next_cursor = meta.get("next_cursor")
        if (
            self._more_in_page
            or not self._paged
            or not meta.get("has_more")
            or not isinstance(next_cursor, str)
            or (self._limit is not None and self._returned >= self._limit)
        ):
            self._over = True
        else:
            self._server_cursor, self._skip = next_cursor, 0
        return parse_records(operation.record, raw[:taken])

    def _next_cursor(self) -> str | None:
        if self._more_in_page:
            return self._resume(self._returned)
        cursor = self._meta.get("next_cursor")
        if self._meta.get("has_more") and isinstance(cursor, str):
            return _wrap_cursor(self._operation, cursor, 0)
        return None

    def meta(self) -> ListMeta:
        meta = self._meta
        cursor = self._next_cursor()
        return ListMeta(
            returned=self._returned,
            has_more=cursor is not None,
            next_cursor=cursor,
            next_page=meta.get("next_page") if isinstance(meta.get("next_page"), str) else None,
            count=meta.get("count") if isinstance(meta.get("count"), int) else None,
            end_time=meta.get("end_time") if isinstance(meta.get("end_time"), int) else None,
        )

    def cursor_at(self, records: list[Record], index: int) -> str | None:
        if index >= self._returned:
            return self._next_cursor()
        return self._resume(index)

    def _resume(self, index: int) -> str | None:
        for first, server_cursor, skip, taken in reversed(self._pages):
            if first <= index <= first + taken:
                return _wrap_cursor(self._operation, server_cursor, skip + index - first)
        return None


def _json_object(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ServerError(
            f"Unexpected answer from the Airbyte API ({response.request.url.path}): "
            "not a JSON object.",
            hint="Check airbyte_api_url: it must point at the Airbyte API.",
        )
    return body


def _meta_of(body: dict[str, Any]) -> dict[str, Any]:
    meta = body.get("meta")
    return meta if isinstance(meta, dict) else {}


def _max_limit(operation: Operation) -> int:
    """The largest ``limit`` the action accepts (its params model's bound)."""
    for constraint in operation.params.model_fields["limit"].metadata:
        bound = getattr(constraint, "le", None)
        if isinstance(bound, int):
            return bound
    return 10_000


def _wrap_cursor(operation: Operation, server_cursor: str | None, skip: int) -> str:
    return encode_cursor(operation, {"h": server_cursor, "s": skip})


def _unwrap_cursor(operation: Operation, cursor: str | None) -> tuple[str | None, int]:
    if cursor is None:
        return None, 0
    state = decode_cursor(operation, cursor, s=int)
    if "h" not in state or state["s"] < 0:
        raise invalid_cursor(operation)
    server_cursor = state["h"]
    return (server_cursor if isinstance(server_cursor, str) else None), state["s"]

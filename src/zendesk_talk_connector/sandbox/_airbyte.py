"""A fake of the Airbyte API's hosted-execution endpoints, served by the sandbox.

It lives on the sandbox's own server (paths under ``/api/v1/``), so ``Sandbox().base_url`` is
both the Talk API and the Airbyte API (``airbyte_api_url=sb.base_url``)::

    POST /api/v1/account/applications/token             client credentials -> bearer token
    GET  /api/v1/integrations/connectors                list by workspace_name, definition_id
    POST /api/v1/integrations/connectors                create (Zendesk credentials stored)
    POST /api/v1/integrations/connectors/oauth/initiate start OAuth -> {consent_url}
    GET  /api/v1/integrations/oauth/consent?state=...   the consent page: approves at once and
                                                        redirects to redirect_url?connector_id=
                                                        (add &deny=1 to refuse)
    POST /api/v1/integrations/connectors/{id}/execute   {entity, action, params}
         -> {status, result, connector_metadata, execution_metadata}

It is strict like the real service: an execute with a param the platform's Talk connector
does not take (lists take none, exports ``start_time``, gets their ids), or a create or
initiate without ``customer_name`` and ``connector_type``, is answered 422 with a ``detail``.
Execute runs the operation with a connector *in process* against the same Talk emulator
(authenticated with the hosted connector's stored credentials, never faulted, delayed or
logged) and answers with the API's first page, as the platform does; ``connector_metadata``
carries the page's ``next_page`` (and ``count`` for exports). ``entity="*"``,
``action="check"`` is the health check. ``context_store_search`` searches the seeded data.
Tokens expire after :attr:`FakeAirbyteAPI.token_ttl` seconds. Every request here is logged
in ``Sandbox.requests`` and its ``X-Organization-Id`` header in
:attr:`FakeAirbyteAPI.organization_ids`; fault knobs apply as to every ``/api/`` path.
"""

from __future__ import annotations

import base64
import binascii
import difflib
import hmac
import json
import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

import httpx

from .._retry import NO_RETRIES
from ..auth_config import ZendeskTalkApiTokenAuthConfig, ZendeskTalkOauth20AuthConfig
from ..catalog import EXPORT_PAGE_SIZE, SEARCH_ACTION, Operation, Paging, lookup, operations_of
from ..connector import SyncZendeskTalkConnector
from ..errors import (
    APIStatusError,
    RateLimited,
    TransportError,
    UnknownOperation,
    WriteNotAllowed,
    ZendeskTalkError,
)
from ..hosted import (
    CONNECTOR_TYPE,
    CONNECTORS_PATH,
    OAUTH_INITIATE_PATH,
    TOKEN_PATH,
    ZENDESK_TALK_DEFINITION_ID,
)
from ..records import Record
from ..results import ZendeskTalkExecuteResult
from ._app import AIRBYTE_API_PREFIX, HttpError, Response, dumps

if TYPE_CHECKING:
    from ._app import Headers, Query, SandboxApp

__all__ = ["AIRBYTE_API_PREFIX", "FakeAirbyteAPI", "HostedConnector"]
CONSENT_PATH = "/api/v1/integrations/oauth/consent"
DEFAULT_TOKEN_TTL = 900.0
_EXECUTE = re.compile(rf"^{re.escape(CONNECTORS_PATH)}/(?P<id>[^/]+)/execute$")
_START_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T00:00:00Z$")
_DATA_ATTRIBUTES = {"call_legs": "legs"}
"""Context store entities whose seeded list has another name in SandboxData."""
JSON = dict[str, Any]


SEARCH_PARAMS = frozenset({"query", "limit", "cursor", "fields"})
FIRST_PAGE_SIZE = 100
"""What a Talk list returns when no ``per_page`` is asked for."""


def _detail(status: int, detail: str) -> HttpError:
    """An Airbyte-API-shaped error (``{"detail": ...}``)."""
    return HttpError(status, {"detail": detail})


def _answer(result: Any, **connector_metadata: Any) -> Response:
    """An execute answer in the platform's envelope."""
    body = {
        "status": "success",
        "result": result,
        "connector_metadata": connector_metadata,
        "execution_metadata": {"executed_at": int(time.time())},
    }
    return Response(200, dumps(body))


def _platform_params(operation: Operation) -> frozenset[str]:
    """The params the platform's own Talk connector takes for an operation."""
    if operation.action == SEARCH_ACTION:
        return SEARCH_PARAMS
    if operation.write:
        return frozenset(operation.param_names)
    extra = {"start_time"} if operation.paging is Paging.INCREMENTAL else set()
    return frozenset({*operation.path_params, *extra})


@dataclass
class HostedConnector:
    """One connector instance stored by the fake Airbyte API."""

    id: str
    name: str
    workspace_name: str
    credentials: JSON = field(repr=False)
    replication_config: JSON
    organization_id: str | None = None
    definition_id: str = ZENDESK_TALK_DEFINITION_ID

    def summary(self) -> JSON:
        return {
            "id": self.id,
            "name": self.name,
            "workspace_name": self.workspace_name,
            "definition_id": self.definition_id,
            "organization_id": self.organization_id,
            "subdomain": self.replication_config.get("subdomain"),
        }


class FakeAirbyteAPI:
    """The hosted-execution endpoints of the Airbyte API, over the sandbox's Talk data.

    :param token_ttl: lifetime (seconds) of application tokens (``expires_in``).
    """

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        workspace_name: str,
        zendesk_email: str,
        zendesk_api_token: str,
        token_ttl: float = DEFAULT_TOKEN_TTL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.workspace_name = workspace_name
        self.token_ttl = token_ttl
        self.clock = clock
        self.organization_ids: list[str | None] = []
        """The ``X-Organization-Id`` each request carried (None when absent), in order."""
        self.connectors: dict[str, HostedConnector] = {}
        self._tokens: dict[str, float] = {}
        self._consents: dict[str, JSON] = {}
        self._clients: dict[str, SyncZendeskTalkConnector] = {}
        self._lock = threading.Lock()
        self._app: SandboxApp | None = None
        seeded = HostedConnector(
            id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"sandbox:{client_id}:{workspace_name}")),
            name=f"zendesk-talk - {workspace_name}",
            workspace_name=workspace_name,
            credentials={
                "auth_type": "api_token",
                "email": zendesk_email,
                "api_token": zendesk_api_token,
            },
            replication_config={"subdomain": "sandbox", "start_date": "2024-01-01T00:00:00Z"},
        )
        self.connectors[seeded.id] = seeded
        self.default_connector_id = seeded.id
        """The connector seeded in :attr:`workspace_name` (with the sandbox's API token)."""

    def __repr__(self) -> str:
        return f"FakeAirbyteAPI({len(self.connectors)} connectors, token_ttl={self.token_ttl})"

    def bind(self, app: SandboxApp) -> None:
        """Run hosted operations against this Talk emulator (done by ``Sandbox.start``)."""
        self._app = app

    # -- knobs for tests ------------------------------------------------------------------

    def expire_tokens(self) -> None:
        """Every application token issued so far is expired from now on."""
        with self._lock:
            self._tokens = dict.fromkeys(self._tokens, self.clock() - 1)

    def add_connector(
        self,
        workspace_name: str,
        *,
        credentials: JSON | None = None,
        organization_id: str | None = None,
        subdomain: str = "sandbox",
        definition_id: str = ZENDESK_TALK_DEFINITION_ID,
    ) -> str:
        """Store a connector directly (the default copies the seeded one's credentials)."""
        connector = HostedConnector(
            id=str(uuid.uuid4()),
            name=f"zendesk-talk - {workspace_name}",
            workspace_name=workspace_name,
            credentials=credentials or dict(self.connectors[self.default_connector_id].credentials),
            replication_config={"subdomain": subdomain, "start_date": "2024-01-01T00:00:00Z"},
            organization_id=organization_id,
            definition_id=definition_id,
        )
        with self._lock:
            self.connectors[connector.id] = connector
        return connector.id

    # -- request handling -----------------------------------------------------------------

    def handle(
        self, method: str, path: str, query: Query, headers: Headers, body: bytes, host: str
    ) -> Response:
        """Answer one request under ``/api/v1/``."""
        organization = headers.get("X-Organization-Id")
        with self._lock:
            self.organization_ids.append(organization)
        try:
            if path == TOKEN_PATH:
                self._method(method, "POST")
                return self._token(body)
            if path == CONSENT_PATH:
                self._method(method, "GET")
                return self._consent(query, headers)
            self._authenticate(headers.get("Authorization"))
            if path == CONNECTORS_PATH:
                if method == "GET":
                    return self._list(query, organization)
                self._method(method, "POST")
                return self._create(_json_body(body), organization)
            if path == OAUTH_INITIATE_PATH:
                self._method(method, "POST")
                return self._initiate(_json_body(body), organization, host)
            match = _EXECUTE.match(path)
            if match is not None:
                self._method(method, "POST")
                return self._execute(match.group("id"), _json_body(body))
            raise _detail(404, "Not Found")
        except HttpError as exc:
            return exc.response

    @staticmethod
    def _method(method: str, allowed: str) -> None:
        if method != allowed:
            raise _detail(405, f"Method Not Allowed (use {allowed})")

    def _token(self, body: bytes) -> Response:
        payload = _json_body(body)
        client_id, secret = payload.get("client_id"), payload.get("client_secret")
        if client_id != self.client_id or not hmac.compare_digest(
            str(secret or "").encode(), self.client_secret.encode()
        ):
            raise _detail(401, "Invalid client credentials")
        token = secrets.token_hex(24)
        with self._lock:
            self._tokens[token] = self.clock() + self.token_ttl
        ttl = self.token_ttl
        expires_in: float = int(ttl) if float(ttl).is_integer() else ttl
        return Response(
            200, dumps({"access_token": token, "token_type": "Bearer", "expires_in": expires_in})
        )

    def _authenticate(self, authorization: str | None) -> None:
        scheme, _, token = (authorization or "").partition(" ")
        with self._lock:
            expiry = self._tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if expiry is None:
            raise _detail(401, "Missing or invalid application token")
        if expiry <= self.clock():
            raise _detail(401, "The application token has expired")

    def _visible(self, connector: HostedConnector, organization: str | None) -> bool:
        return organization is None or connector.organization_id in (None, organization)

    def _list(self, query: Query, organization: str | None) -> Response:
        workspace = _first(query, "workspace_name") or _first(query, "customer_name")
        definition = _first(query, "definition_id")
        with self._lock:
            found = [
                c.summary()
                for c in self.connectors.values()
                if (workspace is None or c.workspace_name == workspace)
                and (definition is None or c.definition_id == definition)
                and self._visible(c, organization)
            ]
        return Response(200, dumps({"data": found, "next": None}))

    def _create(self, payload: JSON, organization: str | None) -> Response:
        workspace = _customer(payload)
        credentials = payload.get("credentials")
        if not isinstance(credentials, dict) or not (
            isinstance(credentials.get("access_token"), str)
            or {"email", "api_token"} <= set(credentials)
        ):
            raise _detail(422, "credentials need email and api_token, or access_token")
        replication = _replication(payload)
        connector = HostedConnector(
            id=str(uuid.uuid4()),
            name=str(payload.get("name") or f"zendesk-talk - {workspace}"),
            workspace_name=workspace,
            credentials=credentials,
            replication_config=replication,
            organization_id=organization,
        )
        with self._lock:
            self.connectors[connector.id] = connector
        return Response(201, dumps(connector.summary()))

    def _initiate(self, payload: JSON, organization: str | None, host: str) -> Response:
        workspace = _customer(payload)
        redirect_url = payload.get("redirect_url")
        if not isinstance(redirect_url, str) or urlsplit(redirect_url).scheme not in (
            "http",
            "https",
        ):
            raise _detail(422, "redirect_url must be an http(s) URL")
        replication = _replication(payload) if "replication_config" in payload else {}
        state = secrets.token_urlsafe(16)
        with self._lock:
            self._consents[state] = {
                "workspace_name": workspace,
                "redirect_url": redirect_url,
                "replication_config": replication,
                "organization_id": organization,
            }
        consent = urlencode({"state": state, **_subdomain_of(replication)})
        return Response(200, dumps({"consent_url": f"http://{host}{CONSENT_PATH}?{consent}"}))

    def _consent(self, query: Query, headers: Headers) -> Response:
        state = (query.get("state") or [""])[0]
        with self._lock:
            pending = self._consents.pop(state, None)
        if pending is None:
            raise _detail(400, "Unknown or already used consent state")
        redirect = pending["redirect_url"]
        separator = "&" if urlsplit(redirect).query else "?"
        if (query.get("deny") or [""])[0] in ("1", "true"):
            denied = urlencode(
                {"error": "access_denied", "error_description": "The user denied access"}
            )
            return Response(302, b"", (("Location", f"{redirect}{separator}{denied}"),))
        tokens = self._require_app().tokens.issue(None)
        connector = HostedConnector(
            id=str(uuid.uuid4()),
            name=f"zendesk-talk - {pending['workspace_name']}",
            workspace_name=pending["workspace_name"],
            credentials={
                "auth_type": "oauth2.0",
                "access_token": tokens["access_token"],
                "refresh_token": tokens["refresh_token"],
            },
            replication_config=pending["replication_config"],
            organization_id=pending["organization_id"],
        )
        with self._lock:
            self.connectors[connector.id] = connector
        location = f"{redirect}{separator}{urlencode({'connector_id': connector.id})}"
        return Response(302, b"", (("Location", location),))

    # -- execute --------------------------------------------------------------------------

    def _require_app(self) -> SandboxApp:
        if self._app is None:
            raise _detail(503, "The sandbox is not running")
        return self._app

    def _client(self, connector: HostedConnector) -> SyncZendeskTalkConnector:
        with self._lock:
            client = self._clients.get(connector.id)
        if client is not None:
            return client
        app = self._require_app()

        def send(request: httpx.Request) -> httpx.Response:
            answer = app.handle_internal(
                request.method,
                request.url.raw_path.decode("ascii"),
                request.headers,
                request.content,
                request.url.netloc.decode("ascii"),
            )
            headers = [*answer.headers, ("Content-Type", answer.content_type)]
            return httpx.Response(answer.status, headers=headers, content=answer.body)

        stored = connector.credentials
        auth: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig
        if "api_token" in stored:
            auth = ZendeskTalkApiTokenAuthConfig(
                email=str(stored.get("email", "")), api_token=str(stored.get("api_token", ""))
            )
        else:
            auth = ZendeskTalkOauth20AuthConfig(access_token=str(stored.get("access_token", "")))
        subdomain = connector.replication_config.get("subdomain") or "sandbox"
        client = SyncZendeskTalkConnector(
            auth,
            base_url=f"http://{subdomain}.zendesk.sandbox",
            http_client=httpx.Client(transport=httpx.MockTransport(send), trust_env=False),
            retry=NO_RETRIES,
            allow_writes=True,
        )
        with self._lock:
            return self._clients.setdefault(connector.id, client)

    def _execute(self, connector_id: str, payload: JSON) -> Response:
        with self._lock:
            connector = self.connectors.get(connector_id)
        if connector is None:
            raise _detail(404, f"Connector {connector_id!r} not found")
        entity, action = payload.get("entity"), payload.get("action")
        params = payload.get("params") or {}
        if not isinstance(entity, str) or not isinstance(action, str):
            raise _detail(422, "entity and action are required strings")
        if not isinstance(params, dict):
            raise _detail(422, "params must be an object")
        if (entity, action) == ("*", "check"):
            return self._check(connector)
        try:
            operation = lookup(entity, action)
        except UnknownOperation as error:
            raise _detail(422, error.message) from None
        unknown = sorted(set(params) - _platform_params(operation))
        if unknown:
            detail = [
                {"loc": ["params", name], "msg": f"unknown param {name!r}", "type": "extra"}
                for name in unknown
            ]
            raise HttpError(422, {"detail": detail})
        if action == SEARCH_ACTION:
            return self._search(connector, entity, params)
        return self._run(connector, operation, params)

    def _check(self, connector: HostedConnector) -> Response:
        """The health check: one cheap request with the connector's Zendesk credentials."""
        try:
            self._client(connector).execute("agents_overview", "list")
        except ZendeskTalkError as error:
            return _answer({"status": "unhealthy", "error": error.message})
        return _answer({"status": "healthy"})

    def _run(self, connector: HostedConnector, operation: Operation, params: JSON) -> Response:
        """The operation's first page (or record), as the platform's connector returns it."""
        if operation.paging is Paging.INCREMENTAL:
            params = {**params, "limit": EXPORT_PAGE_SIZE}
        elif "limit" in operation.param_names:
            params = {**params, "limit": FIRST_PAGE_SIZE}
        try:
            result = self._client(connector).execute(operation.entity, operation.action, params)
        except ZendeskTalkError as error:
            raise _upstream_error(error) from None
        if not isinstance(result, ZendeskTalkExecuteResult):
            return _answer(_dump(result))
        metadata: JSON = {"next_page": result.meta.next_page}
        if operation.paging is Paging.INCREMENTAL:
            metadata["count"] = result.meta.count
        return _answer([_dump(r) for r in result.data], **metadata)

    # -- context store search -------------------------------------------------------------

    def _records_of(self, connector: HostedConnector, entity: str) -> list[JSON]:
        data = self._require_app().data
        seeded = getattr(data, _DATA_ATTRIBUTES.get(entity, entity), None)
        if isinstance(seeded, list):
            return seeded
        try:
            operations_of(entity)
            return [_dump(r) for r in self._client(connector).iter(entity, "list", {})]
        except ZendeskTalkError as error:
            raise _detail(400, f"{entity} is not in the context store: {error.message}") from None

    def _search(self, connector: HostedConnector, entity: str, params: JSON) -> Response:
        started = time.perf_counter()
        query = params.get("query") or {}
        limit = params.get("limit", 1000)
        if not isinstance(query, dict) or not isinstance(limit, int) or limit < 1:
            raise _detail(422, "query must be an object and limit a positive integer")
        offset = _decode_offset(params.get("cursor"))
        records = self._records_of(connector, entity)
        condition = query.get("filter")
        if condition:
            records = [r for r in records if _matches(r, condition)]
        for key in reversed(query.get("sort") or []):
            ((name, order),) = key.items()
            present = [r for r in records if _get(r, name) is not None]
            missing = [r for r in records if _get(r, name) is None]
            present.sort(key=partial(_sort_value, name), reverse=order == "desc")
            records = present + missing
        page = records[offset : offset + limit]
        paths = params.get("fields")
        if paths:
            page = [_project(r, paths) for r in page]
        more = offset + limit < len(records)
        meta = {
            "has_more": more,
            "cursor": _encode_offset(offset + limit) if more else None,
            "took_ms": round((time.perf_counter() - started) * 1000, 3),
        }
        return _answer({"data": page, "meta": meta})


def _json_body(body: bytes) -> JSON:
    try:
        payload = json.loads(body or b"{}")
    except ValueError:
        raise _detail(400, "The request body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise _detail(422, "The request body must be a JSON object")
    return payload


def _subdomain_of(replication: JSON) -> dict[str, str]:
    subdomain = replication.get("subdomain")
    return {"subdomain": subdomain} if isinstance(subdomain, str) else {}


def _customer(payload: JSON) -> str:
    """The workspace of a create or initiate request; 422 unless it names this connector."""
    customer = payload.get("customer_name")
    if not isinstance(customer, str) or not customer:
        raise _detail(422, "customer_name is required")
    if payload.get("connector_type") != CONNECTOR_TYPE:
        raise _detail(422, f"connector_type must be {CONNECTOR_TYPE!r}")
    return customer


def _replication(payload: JSON) -> JSON:
    replication = payload.get("replication_config")
    start_date = replication.get("start_date") if isinstance(replication, dict) else None
    if not isinstance(start_date, str) or not _START_DATE.match(start_date):
        raise _detail(422, "replication_config.start_date must be YYYY-MM-DDT00:00:00Z")
    return dict(replication)  # type: ignore[arg-type]


def _dump(record: Record) -> JSON:
    """A record as the API sent it (odd values included, so the client sees the same)."""
    return {**record.model_dump(mode="json", exclude_unset=True), **record.invalid_values}


def _upstream_error(error: ZendeskTalkError) -> HttpError:
    """The upstream (Zendesk) error, passed on with its status, told in a ``detail``."""
    code = error.error or type(error).__name__
    body: JSON = {"detail": f"{code}: {error.description or error.message}"}
    headers: tuple[tuple[str, str], ...] = ()
    if isinstance(error, RateLimited) and error.retry_after is not None:
        headers = (("Retry-After", f"{error.retry_after:g}"),)
    if isinstance(error, APIStatusError) and error.status is not None:
        status = error.status
    elif isinstance(error, WriteNotAllowed):
        status = 403
    elif isinstance(error, TransportError):
        status = 502
    else:
        status = 400
    return HttpError(status, body, headers)


def _encode_offset(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def _decode_offset(cursor: Any) -> int:
    if cursor is None:
        return 0
    try:
        state = json.loads(base64.urlsafe_b64decode(str(cursor) + "=" * (-len(cursor) % 4)))
        offset = state["o"]
    except (ValueError, binascii.Error, KeyError, TypeError):
        raise _detail(400, "Invalid cursor") from None
    if not isinstance(offset, int) or offset < 0:
        raise _detail(400, "Invalid cursor")
    return offset


def _get(record: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(record, dict):
            return None
        record = record.get(part)
    return record


def _first(query: Query, name: str) -> str | None:
    values = query.get(name)
    return values[0] if values else None


def _sort_value(name: str, record: JSON) -> tuple[int, Any]:
    return _sort_key(_get(record, name))


def _sort_key(value: Any) -> tuple[int, Any]:
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, (int, float)):
        return (1, value)
    return (2, str(value))


def _compare(operator: str, actual: Any, expected: Any) -> bool:
    if operator == "eq":
        return bool(actual == expected)
    if operator == "neq":
        return bool(actual != expected)
    if operator == "in":
        return actual in expected
    if operator in ("like", "fuzzy", "keyword"):
        text, wanted = str(actual or "").lower(), str(expected).lower()
        if operator == "like":
            pattern = ".*".join(re.escape(part) for part in wanted.split("%"))
            return re.fullmatch(pattern, text, re.DOTALL) is not None
        if operator == "keyword":
            return wanted in re.findall(r"\w+", text)
        return wanted in text or difflib.SequenceMatcher(None, wanted, text).ratio() >= 0.8
    if actual is None:
        return False
    try:
        if operator == "gt":
            return bool(actual > expected)
        if operator == "gte":
            return bool(actual >= expected)
        if operator == "lt":
            return bool(actual < expected)
        if operator == "lte":
            return bool(actual <= expected)
    except TypeError:
        return False
    raise _detail(400, f"Unknown filter operator {operator!r}")


def _matches(record: JSON, condition: Any) -> bool:
    if not isinstance(condition, dict) or len(condition) != 1:
        raise _detail(400, "Each condition must have exactly one operator")
    ((operator, operand),) = condition.items()
    if operator == "and":
        return all(_matches(record, item) for item in operand)
    if operator == "or":
        return any(_matches(record, item) for item in operand)
    if operator == "not":
        return not _matches(record, operand)
    if not isinstance(operand, dict):
        raise _detail(400, f"{operator} must map field names to values")
    return all(_compare(operator, _get(record, name), value) for name, value in operand.items())


def _project(record: JSON, paths: list[list[str]]) -> JSON:
    out: JSON = {}
    for path in paths:
        value: Any = record
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            continue
        target = out
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value
    return out

"""The sandbox's request handling, free of sockets: request in, :class:`Response` out.

Routes are derived from :data:`zendesk_talk_connector.catalog.OPERATIONS`: each operation's
``method`` and ``path_pattern`` pick it, its ``paging`` picks the response shape and its
``response_key`` the wrapper. The only per-entity code is where the data comes from.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import hmac
import json
import math
import re
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qs, parse_qsl, unquote, urlencode

from ..catalog import API_PREFIX, EXPORT_PAGE_SIZE, OPERATIONS, Operation, Paging, Source
from . import _stats as stats
from ._data import JSON, SandboxData, available_numbers, epoch, keypad_digits
from ._faults import Fault, Faults, RequestLog, RequestRecord
from ._oauth import (
    ACCESS_TTL_MAX,
    ACCESS_TTL_MIN,
    REFRESH_TTL_DEFAULT,
    REFRESH_TTL_MAX,
    REFRESH_TTL_MIN,
    InvalidGrant,
    TokenStore,
)

if TYPE_CHECKING:
    from ._airbyte import FakeAirbyteAPI

OFFSET_RECORD_LIMIT = 10_000
AIRBYTE_API_PREFIX = "/api/v1/"
DEFAULT_PER_PAGE = 100
OAUTH_PATHS = frozenset({"/oauth/tokens", "/oauth/tokens.json"})

AUTH_FAILED: JSON = {"error": "Couldn't authenticate you"}
INVALID_TOKEN: JSON = {
    "error": "invalid_token",
    "description": "The access token provided is expired, revoked, malformed or invalid for "
    "other reasons.",
}
RECORD_NOT_FOUND: JSON = {"error": "RecordNotFound", "description": "Not found"}
ENDPOINT_NOT_FOUND: JSON = {"error": "InvalidEndpoint", "description": "Not found"}
_FAULT_BODIES: dict[int, JSON] = {
    429: {
        "error": "APIRateLimitExceeded",
        "description": "Number of allowed API requests per minute exceeded",
    },
    500: {"error": "InternalServerError", "description": "Something went wrong on our end."},
    502: {"error": "BadGateway", "description": "Bad gateway. Please try again later."},
    503: {
        "error": "ServiceUnavailable",
        "description": "Service temporarily unavailable. Please try again later.",
    },
    504: {"error": "GatewayTimeout", "description": "Gateway timeout. Please try again later."},
}
_AGENT_STATES = ("online", "offline", "away", "transfers_only")
_VIAS = ("client", "phone")
_MINIMAL_LINE_FIELDS = ("id", "country_code", "external", "nickname", "priority", "brand_id",
                        "line_type")  # fmt: skip
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})
_INT = re.compile(r"^-?\d+$")


class Headers(Protocol):
    """Request headers: case-insensitive ``get`` (``email.message.Message`` fits)."""

    def get(self, name: str, /) -> str | None: ...


Query = dict[str, list[str]]
PathValues = tuple[str, ...]


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    drop: bool = False
    content_type: str = "application/json; charset=utf-8"


class HttpError(Exception):
    """Raised inside handlers to answer with a Zendesk-shaped error."""

    def __init__(self, status: int, body: JSON, headers: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(status, body)
        self.response = Response(status, dumps(body), headers)


def _invalid(description: str, error: str = "InvalidValue", status: int = 400) -> HttpError:
    return HttpError(status, {"error": error, "description": description})


def _first(query: Query, name: str) -> str | None:
    values = query.get(name)
    return values[0] if values else None


def _id_filter(query: Query, name: str) -> set[int] | None:
    raw = ",".join(query.get(name, ()))
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    if not parts:
        return None
    if not all(part.isdigit() for part in parts):
        raise _invalid(f"{name} must be a comma-separated list of integer ids, got {raw!r}")
    if len(parts) > 100:
        raise _invalid(f"{name} accepts at most 100 ids")
    return {int(part) for part in parts}


def _bool_param(query: Query, name: str) -> bool | None:
    raw = _first(query, name)
    if raw is None or raw == "":
        return None
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise _invalid(f"{name} must be true or false, got {raw!r}")


def _wrap(key: bytes, item: bytes) -> bytes:
    return b'{"' + key + b'":' + item + b"}"


def _lookup(table: dict[str, bytes]) -> Callable[[PathValues], bytes | None]:
    """Record lookup by path values joined with ``/`` (e.g. ``"40001/41002"``)."""

    def get(values: PathValues) -> bytes | None:
        return table.get("/".join(values))

    return get


def _specificity(op: Operation) -> list[int]:
    """Literal segments sort before placeholders at the same depth."""
    return [1 if seg.startswith("{") else 0 for seg in op.path.strip("/").split("/")]


class SandboxApp:
    """Answers Talk API and OAuth requests from a :class:`SandboxData`."""

    def __init__(
        self,
        data: SandboxData,
        *,
        email: str,
        api_token: str,
        oauth_client_id: str,
        oauth_client_secret: str,
        tokens: TokenStore,
        faults: Faults,
        requests: RequestLog,
        page_size_max: int = 100,
        export_rate_limit: int | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.data = data
        self.sleep = sleep
        self.email = email
        self.api_token = api_token
        self.oauth_client_id = oauth_client_id
        self.oauth_client_secret = oauth_client_secret
        self.tokens = tokens
        self.faults = faults
        self.requests = requests
        self.page_size_max = page_size_max
        self.export_rate_limit = export_rate_limit
        self.airbyte: FakeAirbyteAPI | None = None
        """The fake Airbyte API answering ``/api/v1/`` (set by ``Sandbox.start``)."""
        self._lock = threading.Lock()
        self._export_times: deque[float] = deque()
        credentials = f"{email}/token:{api_token}".encode()
        self._basic = "Basic " + base64.b64encode(credentials).decode()
        self._routes: list[tuple[re.Pattern[str], Operation]] = [
            (op.path_pattern, op)
            for op in sorted(OPERATIONS, key=_specificity)
            if op.source is Source.API
        ]
        self._build_indexes()

    # -- data -----------------------------------------------------------------------------

    def _build_indexes(self) -> None:
        data = self.data

        def index(records: Sequence[JSON]) -> dict[str, bytes]:
            return {str(r["id"]): dumps(r) for r in records}

        self._numbers = index(data.phone_numbers)
        self._digital_lines = index(data.digital_lines)
        self._addresses = index(data.addresses)
        self._greetings = index(data.greetings)
        self._categories = index(data.greeting_categories)
        self._ivrs = index(data.ivrs)
        self._menus: dict[str, bytes] = {}
        self._menu_lists: dict[str, list[bytes]] = {}
        self._routes_by_key: dict[str, bytes] = {}
        self._route_lists: dict[str, list[bytes]] = {}
        for ivr in data.ivrs:
            self._menu_lists[str(ivr["id"])] = []
            for menu in ivr["menus"]:
                menu_key = f"{ivr['id']}/{menu['id']}"
                self._menus[menu_key] = dumps(menu)
                self._menu_lists[str(ivr["id"])].append(self._menus[menu_key])
                self._route_lists[menu_key] = []
                for route in menu["routes"]:
                    route_key = f"{menu_key}/{route['id']}"
                    self._routes_by_key[route_key] = dumps(route)
                    self._route_lists[menu_key].append(self._routes_by_key[route_key])
        self._lines = [*self._numbers.values(), *self._digital_lines.values()]
        self._lines_minimal = [
            dumps({name: line.get(name) for name in _MINIMAL_LINE_FIELDS}) for line in data.lines
        ]
        self._owned_numbers = {n["number"] for n in data.phone_numbers}
        self._search_cache: dict[str, list[tuple[JSON, bytes]]] = {}
        self._agent_base = stats.agent_base_stats(data)
        self._activity_cache: dict[int, tuple[JSON, bytes]] = {}
        self._agents_overview = dumps(stats.agents_overview(self._agent_base.values()))
        self._calls_today = data.calls_today()
        self._account_cache: dict[frozenset[int] | None, bytes] = {}
        self._queue = stats.queue_snapshot(data)
        self._exports: dict[str, tuple[list[int], list[bytes]]] = {
            "calls": ([epoch(c["updated_at"]) for c in data.calls], [dumps(c) for c in data.calls]),
            "call_legs": (
                [epoch(leg["updated_at"]) for leg in data.legs],
                [dumps(leg) for leg in data.legs],
            ),
        }
        self._export_pages: dict[tuple[str, int], bytes] = {}
        static = {
            "phone_numbers": self._numbers,
            "digital_lines": self._digital_lines,
            "addresses": self._addresses,
            "greetings": self._greetings,
            "greeting_categories": self._categories,
            "ivrs": self._ivrs,
            "ivr_menus": self._menus,
            "ivr_routes": self._routes_by_key,
        }
        self._record_sources: dict[str, Callable[[PathValues], bytes | None]] = {
            entity: _lookup(table) for entity, table in static.items()
        }
        self._record_sources["availabilities"] = self._availability
        # Lists (offset-paged and unpaged), keyed by (entity, action).
        self._list_sources: dict[tuple[str, str], Callable[[PathValues, Query], list[bytes]]] = {
            ("phone_numbers", "list"): lambda _v, _q: list(self._numbers.values()),
            ("phone_numbers", "search"): lambda _v, q: self._search(q),
            ("lines", "list"): lambda _v, q: (
                self._lines_minimal if _bool_param(q, "minimal_mode") else self._lines
            ),
            ("addresses", "list"): lambda _v, _q: list(self._addresses.values()),
            ("greetings", "list"): lambda _v, _q: list(self._greetings.values()),
            ("greeting_categories", "list"): lambda _v, _q: list(self._categories.values()),
            ("ivrs", "list"): lambda _v, _q: list(self._ivrs.values()),
            ("ivr_menus", "list"): lambda v, _q: self._children(self._menu_lists, v),
            ("ivr_routes", "list"): lambda v, _q: self._children(self._route_lists, v),
            ("agents_activity", "list"): self._agents_activity,
        }
        self._snapshot_sources: dict[str, Callable[[Query], bytes]] = {
            "agents_overview": lambda _q: self._agents_overview,
            "account_overview": self._account_overview,
            "current_queue_activity": self._current_queue_activity,
        }
        self._writers: dict[tuple[str, str], Callable[[PathValues, bytes], bytes]] = {
            ("availabilities", "update"): self._update_availability,
        }

    @staticmethod
    def _children(table: dict[str, list[bytes]], values: PathValues) -> list[bytes]:
        items = table.get("/".join(values))
        if items is None:
            raise HttpError(404, RECORD_NOT_FOUND)
        return items

    def _search(self, query: Query) -> list[bytes]:
        country = (_first(query, "country") or "").strip().upper()
        if not country:
            raise _invalid("country is required (ISO 3166 alpha-2 code, e.g. US)")
        if not (len(country) == 2 and country.isalpha()):
            raise _invalid(f"country must be an ISO 3166 alpha-2 code, got {country!r}")
        area_code = (_first(query, "area_code") or "").strip()
        if area_code and not area_code.isdigit():
            raise _invalid(f"area_code must be digits, got {area_code!r}")
        contains = keypad_digits(_first(query, "contains") or "")
        toll_free = _bool_param(query, "toll_free")
        items = self._search_cache.get(country)
        if items is None:
            found = available_numbers(self.data.seed, country, self._owned_numbers)
            items = [
                (item, dumps({k: v for k, v in item.items() if k != "area_code"})) for item in found
            ]
            self._search_cache[country] = items
        return [
            raw
            for item, raw in items
            if (not area_code or item["area_code"] == area_code)
            and (not contains or contains in item["number"])
            and (toll_free is None or item["toll_free"] is toll_free)
        ]

    def _availability(self, values: PathValues) -> bytes | None:
        agent_id = values[0]
        if not agent_id.isdigit():
            return None
        availability = self.data.availabilities.get(int(agent_id))
        return None if availability is None else dumps(availability)

    def _agents_activity(self, _values: PathValues, query: Query) -> list[bytes]:
        group_ids = _id_filter(query, "group_ids")
        out: list[bytes] = []
        for agent in self.data.agents:
            if group_ids is not None and group_ids.isdisjoint(agent["group_ids"]):
                continue
            availability = self.data.availabilities.get(agent["id"], {})
            cached = self._activity_cache.get(agent["id"])
            # Keyed by the availability object: an update replaces it, so stale entries miss.
            if cached is None or cached[0] is not availability:
                record = stats.agent_activity(agent, self._agent_base[agent["id"]], availability)
                cached = self._activity_cache[agent["id"]] = (availability, dumps(record))
            out.append(cached[1])
        return out

    def _account_overview(self, query: Query) -> bytes:
        ids = _id_filter(query, "phone_number_ids")
        key = None if ids is None else frozenset(ids)
        cached = self._account_cache.get(key)
        if cached is None:
            cached = dumps(stats.account_overview(self._calls_today, ids))
            if len(self._account_cache) < 1024:
                self._account_cache[key] = cached
        return cached

    def _current_queue_activity(self, query: Query) -> bytes:
        ids = _id_filter(query, "phone_number_ids")
        return dumps(stats.current_queue_activity(self._queue, self.data.availabilities, ids))

    def _update_availability(self, values: PathValues, body: bytes) -> bytes:
        agent_id = int(values[0]) if values[0].isdigit() else -1
        if agent_id not in self.data.availabilities:
            raise HttpError(404, RECORD_NOT_FOUND)
        try:
            payload = json.loads(body or b"null")
        except ValueError:
            raise _invalid("The request body is not valid JSON", error="BadRequest") from None
        fields = payload.get("availability") if isinstance(payload, dict) else None
        if not isinstance(fields, dict):
            raise _invalid('Expected a JSON body like {"availability": {"agent_state": "online"}}')
        details: dict[str, list[JSON]] = {}
        for name, allowed in (("agent_state", _AGENT_STATES), ("via", _VIAS)):
            value = fields.get(name)
            if value is not None and value not in allowed:
                details[name] = [
                    {
                        "description": f"{name} is invalid: {value!r}. Valid values: "
                        + ", ".join(allowed),
                        "error": "InvalidValue",
                    }
                ]
        if details:
            raise HttpError(
                422,
                {
                    "error": "RecordInvalid",
                    "description": "Record validation errors",
                    "details": details,
                },
            )
        with self._lock:
            updated = dict(self.data.availabilities[agent_id])
            for name in ("agent_state", "via"):
                if fields.get(name) is not None:
                    updated[name] = fields[name]
            if updated.get("agent_state") != "online":
                updated["call_status"] = None
            self.data.availabilities[agent_id] = updated
        return dumps(updated)

    # -- request handling -----------------------------------------------------------------

    def handle(
        self, method: str, target: str, headers: Headers, body: bytes, host: str
    ) -> Response:
        """Answer one request; ``host`` is used for URLs when the Host header is missing."""
        path, _, raw_query = target.partition("?")
        query: Query = parse_qs(raw_query, keep_blank_values=True) if raw_query else {}
        authorization = headers.get("Authorization")
        scheme = authorization.partition(" ")[0].lower() if authorization else None
        auth = scheme if scheme in ("basic", "bearer") else None
        latency = self.faults.latency
        if latency > 0:
            self.sleep(latency)
        try:
            if path in OAUTH_PATHS:
                response = self._oauth(method, headers, body)
            elif path.startswith("/api/"):
                fault = self.faults.take()
                if fault is not None:
                    response = self._fault_response(fault)
                elif self.airbyte is not None and path.startswith(AIRBYTE_API_PREFIX):
                    base = headers.get("Host") or host
                    response = self.airbyte.handle(method, path, query, headers, body, base)
                else:
                    self._authenticate(authorization)
                    base = headers.get("Host") or host
                    response = self._api(method, path, query, raw_query, body, base)
            else:
                raise HttpError(404, ENDPOINT_NOT_FOUND)
        except HttpError as exc:
            response = exc.response
        except Exception:  # a sandbox bug must not kill the connection thread
            traceback.print_exc(file=sys.stderr)
            response = Response(500, dumps(_FAULT_BODIES[500]))
        self.requests.append(
            RequestRecord(
                method, path, query, auth, None if response.drop else response.status, body
            )
        )
        return response

    def handle_internal(
        self, method: str, target: str, headers: Headers, body: bytes, host: str
    ) -> Response:
        """Answer a Talk API request made in process (by the fake Airbyte API's hosted
        connectors): authenticated like any other, but never faulted, delayed or logged."""
        path, _, raw_query = target.partition("?")
        query: Query = parse_qs(raw_query, keep_blank_values=True) if raw_query else {}
        try:
            self._authenticate(headers.get("Authorization"))
            return self._api(method, path, query, raw_query, body, host)
        except HttpError as exc:
            return exc.response

    @staticmethod
    def _fault_response(fault: Fault) -> Response:
        if fault.drop:
            return Response(0, drop=True)
        status = int(fault.status)
        body = fault.body
        if body is None:
            try:
                phrase = HTTPStatus(status).phrase
            except ValueError:
                phrase = "Error"
            body = _FAULT_BODIES.get(
                status, {"error": phrase.replace(" ", ""), "description": phrase}
            )
        headers = (("Retry-After", fault.retry_after),) if fault.retry_after is not None else ()
        return Response(status, dumps(body), headers)

    def _authenticate(self, authorization: str | None) -> None:
        if not authorization:
            raise HttpError(401, AUTH_FAILED)
        if authorization == self._basic:
            return
        scheme, _, credentials = authorization.partition(" ")
        scheme = scheme.lower()
        credentials = credentials.strip()
        if scheme == "basic":
            try:
                decoded = base64.b64decode(credentials, validate=True).decode()
            except (binascii.Error, ValueError):
                raise HttpError(401, AUTH_FAILED) from None
            user, _, password = decoded.partition(":")
            if user.lower() == f"{self.email.lower()}/token" and hmac.compare_digest(
                password.encode(), self.api_token.encode()
            ):
                return
            raise HttpError(401, AUTH_FAILED)
        if scheme == "bearer":
            if credentials and self.tokens.is_valid(credentials):
                return
            challenge = (
                'Bearer realm="Zendesk", error="invalid_token", '
                'error_description="The access token is invalid or expired"'
            )
            raise HttpError(401, INVALID_TOKEN, (("WWW-Authenticate", challenge),))
        raise HttpError(401, AUTH_FAILED)

    def _api(
        self, method: str, path: str, query: Query, raw_query: str, body: bytes, host: str
    ) -> Response:
        matched: list[tuple[Operation, re.Match[str]]] = []
        for pattern, op in self._routes:
            match = pattern.match(path)
            if match is not None:
                if op.method == method:
                    return self._dispatch(op, match, path, query, raw_query, body, host)
                matched.append((op, match))
        if not matched:
            raise HttpError(404, ENDPOINT_NOT_FOUND)
        allowed = ", ".join(sorted({op.method for op, _ in matched}))
        raise HttpError(
            405,
            {
                "error": "MethodNotAllowed",
                "description": f"{method} is not allowed on this endpoint. Allowed: {allowed}",
            },
            (("Allow", allowed),),
        )

    def _dispatch(
        self,
        op: Operation,
        match: re.Match[str],
        path: str,
        query: Query,
        raw_query: str,
        body: bytes,
        host: str,
    ) -> Response:
        values = tuple(unquote(match.group(name)) for name in op.path_params)
        key = op.response_key.encode()
        if op.write:
            writer = self._writers.get((op.entity, op.action))
            if writer is None:
                raise _invalid("Not implemented in the sandbox", "NotImplemented", 501)
            return Response(200, _wrap(key, writer(values, body)))
        if op.paging is Paging.RECORD:
            item = self._record_sources[op.entity](values)
            if item is None:
                raise HttpError(404, RECORD_NOT_FOUND)
            return Response(200, _wrap(key, item))
        if op.paging is Paging.SNAPSHOT:
            return Response(200, _wrap(key, self._snapshot_sources[op.entity](query)))
        if op.paging is Paging.INCREMENTAL:
            return self._export(op, path, query, host)
        items = self._list_sources[(op.entity, op.action)](values, query)
        if op.paging is Paging.UNPAGED:
            return Response(200, b'{"' + key + b'":[' + b",".join(items) + b"]}")
        return self._paginate(key, items, path, query, raw_query, host)

    def _paginate(
        self, key: bytes, items: list[bytes], path: str, query: Query, raw_query: str, host: str
    ) -> Response:
        page = self._positive_int(query, "page", 1)
        per_page = min(self._positive_int(query, "per_page", DEFAULT_PER_PAGE), self.page_size_max)
        if page * per_page > OFFSET_RECORD_LIMIT:
            raise _invalid(
                f"Offset pagination is limited to the first {OFFSET_RECORD_LIMIT} records "
                f"(page * per_page <= {OFFSET_RECORD_LIMIT}).",
                error="InvalidPaginationParameter",
            )
        total = len(items)
        start = (page - 1) * per_page
        chunk = items[start : start + per_page]
        base = path[:-5] if path.endswith(".json") else path
        pairs = parse_qsl(raw_query, keep_blank_values=True)

        def url(number: int) -> bytes:
            kept = [(k, v) for k, v in pairs if k != "page"]
            return dumps(f"http://{host}{base}.json?{urlencode([*kept, ('page', str(number))])}")

        next_page = url(page + 1) if start + per_page < total else b"null"
        previous_page = url(page - 1) if page > 1 else b"null"
        body = b"".join(
            (
                b'{"',
                key,
                b'":[',
                b",".join(chunk),
                b'],"next_page":',
                next_page,
                b',"previous_page":',
                previous_page,
                b',"count":',
                str(total).encode(),
                b"}",
            )
        )
        return Response(200, body)

    @staticmethod
    def _positive_int(query: Query, name: str, default: int) -> int:
        raw = _first(query, name)
        if raw is None or raw == "":
            return default
        if not raw.strip().isdigit() or int(raw) < 1:
            raise _invalid(
                f"{name} must be a positive integer, got {raw!r}",
                error="InvalidPaginationParameter",
            )
        return int(raw)

    def _check_export_rate(self) -> None:
        limit = self.export_rate_limit
        if limit is None:
            return
        now = time.monotonic()
        with self._lock:
            times = self._export_times
            while times and times[0] <= now - 60:
                times.popleft()
            if len(times) >= limit:
                retry_after = max(1, math.ceil(times[0] + 60 - now))
                raise HttpError(
                    429,
                    {
                        "error": "APIRateLimitExceeded",
                        "description": f"Number of allowed incremental export API requests per "
                        f"minute exceeded ({limit}/minute). Retry in {retry_after} seconds.",
                    },
                    (("Retry-After", str(retry_after)),),
                )
            times.append(now)

    def _export(self, op: Operation, path: str, query: Query, host: str) -> Response:
        self._check_export_rate()
        raw = (_first(query, "start_time") or "").strip()
        if not _INT.match(raw):
            raise _invalid(
                "start_time is required and must be a Unix epoch time in seconds"
                + (f", got {raw!r}" if raw else "")
            )
        start_time = int(raw)
        times, items = self._exports[op.entity]
        first = bisect.bisect_left(times, start_time)
        count = min(EXPORT_PAGE_SIZE, len(items) - first)
        end_time = times[first + count - 1] if count else start_time
        joined = self._export_pages.get((op.entity, first))
        if joined is None:
            joined = b",".join(items[first : first + count])
            if len(self._export_pages) < 256:
                self._export_pages[(op.entity, first)] = joined
        suffix = ".json" if path.endswith(".json") else ""
        next_page = f"http://{host}{API_PREFIX}{op.path}{suffix}?start_time={end_time}"
        body = b"".join(
            (
                b'{"',
                op.response_key.encode(),
                b'":[',
                joined,
                b'],"count":',
                str(count).encode(),
                b',"end_time":',
                str(end_time).encode(),
                b',"next_page":',
                dumps(next_page),
                b"}",
            )
        )
        return Response(200, body)

    # -- OAuth ----------------------------------------------------------------------------

    def _oauth(self, method: str, headers: Headers, body: bytes) -> Response:
        if method != "POST":
            raise HttpError(
                405,
                {"error": "MethodNotAllowed", "description": "Use POST for /oauth/tokens"},
                (("Allow", "POST"),),
            )
        params = self._oauth_params(headers, body)

        def fail(status: int, error: str, description: str) -> HttpError:
            return HttpError(
                status,
                {"error": error, "error_description": description},
                (("Cache-Control", "no-store"),),
            )

        grant_type = params.get("grant_type")
        if not grant_type:
            raise fail(400, "invalid_request", "grant_type is required")
        if grant_type != "refresh_token":
            raise fail(
                400,
                "unsupported_grant_type",
                f"The sandbox supports grant_type=refresh_token, not {grant_type!r}",
            )
        client_id, client_secret = params.get("client_id"), params.get("client_secret")
        basic = headers.get("Authorization") or ""
        if not client_id and basic.lower().startswith("basic "):
            try:
                pair = base64.b64decode(basic[6:].strip()).decode()
            except (binascii.Error, ValueError):
                pair = ""
            client_id, _, client_secret = pair.partition(":")
        if client_id != self.oauth_client_id or not hmac.compare_digest(
            str(client_secret or "").encode(), self.oauth_client_secret.encode()
        ):
            raise fail(
                401,
                "invalid_client",
                "Client authentication failed due to unknown client, no client authentication "
                "included, or unsupported authentication method.",
            )
        refresh_token = params.get("refresh_token")
        if not refresh_token:
            raise fail(400, "invalid_request", "refresh_token is required")
        expires_in = self._ttl(params, "expires_in", ACCESS_TTL_MIN, ACCESS_TTL_MAX, fail)
        refresh_ttl = self._ttl(
            params, "refresh_token_expires_in", REFRESH_TTL_MIN, REFRESH_TTL_MAX, fail
        )
        try:
            issued = self.tokens.refresh(
                str(refresh_token), expires_in, refresh_ttl or REFRESH_TTL_DEFAULT
            )
        except InvalidGrant:
            raise fail(
                400,
                "invalid_grant",
                "The provided authorization grant is invalid, expired, revoked, does not match "
                "the redirection URI used in the authorization request, or was issued to "
                "another client.",
            ) from None
        return Response(201, dumps(issued), (("Cache-Control", "no-store"),))

    @staticmethod
    def _oauth_params(headers: Headers, body: bytes) -> dict[str, Any]:
        content_type = (headers.get("Content-Type") or "").lower()
        text = body.decode("utf-8", "replace")
        if "json" in content_type or text.lstrip().startswith("{"):
            try:
                parsed = json.loads(text or "{}")
            except ValueError:
                parsed = None
            if not isinstance(parsed, dict):
                raise HttpError(
                    400,
                    {"error": "invalid_request", "error_description": "Malformed JSON body"},
                )
            return parsed
        return dict(parse_qsl(text, keep_blank_values=True))

    @staticmethod
    def _ttl(
        params: dict[str, Any],
        name: str,
        low: int,
        high: int,
        fail: Callable[[int, str, str], HttpError],
    ) -> int | None:
        value = params.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not _INT.match(str(value).strip()):
            raise fail(400, "invalid_request", f"{name} must be an integer number of seconds")
        seconds = int(str(value).strip())
        if not low <= seconds <= high:
            raise fail(400, "invalid_request", f"{name} must be between {low} and {high} seconds")
        return seconds

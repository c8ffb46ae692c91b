"""The sandbox's loopback HTTP/1.1 server and the :class:`Sandbox` facade."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from ..catalog import API_PREFIX
from ._airbyte import DEFAULT_TOKEN_TTL, FakeAirbyteAPI
from ._app import Response, SandboxApp
from ._data import CALL_COUNT, MAX_CALL_COUNT, SandboxData, generate, stable_token
from ._faults import Faults, RequestLog
from ._oauth import REFRESH_TTL_DEFAULT, TokenStore

_REASONS = {status.value: status.phrase for status in HTTPStatus}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "zendesk-talk-sandbox"
    server: _Server

    def setup(self) -> None:
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().setup()
        self.server.track(self.request, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.request, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the request log is :attr:`Sandbox.requests`."""

    def _serve(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self._write(Response(400, b'{"error":"BadRequest","description":"Bad Content-Length"}'))
            self.close_connection = True
            return
        body = self.rfile.read(length) if length else b""
        host = f"{_url_host(self.server.host)}:{self.server.port}"
        response = self.server.app.handle(self.command, self.path, self.headers, body, host)
        if response.drop:
            self.close_connection = True
            return
        self._write(response)

    def _write(self, response: Response) -> None:
        lines = [
            f"HTTP/1.1 {response.status} {_REASONS.get(response.status, 'Unknown')}",
            f"Content-Type: {response.content_type}",
            f"Content-Length: {len(response.body)}",
            *(f"{name}: {value}" for name, value in response.headers),
        ]
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.wfile.write(head + response.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], app: SandboxApp) -> None:
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.host, self.port = self.socket.getsockname()[:2]

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn); skip it.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]  # type: ignore[assignment]

    def track(self, connection: socket.socket, *, add: bool) -> None:
        with self._connections_lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Connections reset or closed by either side are normal here; stay quiet."""


class Sandbox:
    """A local emulator of the Zendesk Talk API with seeded data and fault knobs.

    Nothing runs until :meth:`start` (or ``with Sandbox() as sb:``). The API lives under
    ``{base_url}/api/v2/channels/voice``; OAuth token refresh at ``{base_url}/oauth/tokens``.
    A fake of the Airbyte API's hosted-execution endpoints answers under ``{base_url}/api/v1/``
    (see :mod:`._airbyte`): use ``airbyte_api_url=sb.base_url`` with :attr:`airbyte_client_id`,
    :attr:`airbyte_client_secret` and :attr:`workspace_name`.

    :param seed: seeds the dataset (same seed and ``now`` -> same data).
    :param port: TCP port; 0 picks a free one.
    :param host: interface to bind (loopback by default).
    :param now: epoch seconds the data ends at ("today" is its UTC date); default: now.
    :param export_rate_limit: max incremental-export requests per rolling 60 s (429 beyond,
        with ``Retry-After``); None = unlimited.
    :param page_size_max: largest ``per_page`` honoured (larger values are clamped).
    :param airbyte_token_ttl: lifetime (s) of the fake Airbyte API's application tokens
        (also settable later: ``sb.airbyte.token_ttl = 2``).
    :param oauth_access_token_ttl: lifetime (s) of access tokens from a refresh that sends no
        ``expires_in``; None = no expiry.
    :param call_count: calls in the dataset (with their legs), spread over the last 7 days;
        default 6,000 (benchmarks use 100,000).
    :param clock: epoch seconds now, for the expiry of OAuth access tokens and Airbyte
        application tokens (tests pass a fake they move forward).
    :param sleep: waits out ``faults.latency`` before each answer (tests pass a recorder).
    """

    def __init__(
        self,
        seed: int = 0,
        port: int = 0,
        *,
        host: str = "127.0.0.1",
        now: int | None = None,
        export_rate_limit: int | None = None,
        page_size_max: int = 100,
        oauth_access_token_ttl: float | None = None,
        call_count: int = CALL_COUNT,
        airbyte_token_ttl: float = DEFAULT_TOKEN_TTL,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if page_size_max < 1:
            raise ValueError("page_size_max must be >= 1")
        if not 1 <= call_count <= MAX_CALL_COUNT:
            raise ValueError(f"call_count must be between 1 and {MAX_CALL_COUNT:,}")
        if export_rate_limit is not None and export_rate_limit < 1:
            raise ValueError("export_rate_limit must be >= 1 or None")
        self.seed = seed
        self.host = host
        self.port = port
        self._now = now
        self.export_rate_limit = export_rate_limit
        self.page_size_max = page_size_max
        self.call_count = call_count
        self.email = "sandbox.admin@example.com"
        self.api_token = stable_token(seed, "api-token")
        self.oauth_client_id = "zendesk_talk_sandbox"
        self.oauth_client_secret = stable_token(seed, "oauth-client-secret", 64)
        self.faults = Faults()
        self._sleep = sleep
        self.requests = RequestLog()
        self._tokens = TokenStore(default_ttl=oauth_access_token_ttl, clock=clock)
        self.access_token = stable_token(seed, "access-token", 64)
        """A valid OAuth access token with no expiry (until :meth:`expire_access_tokens`)."""
        self.refresh_token = stable_token(seed, "refresh-token", 64)
        """The refresh token issued with :attr:`access_token` (single use, rotates)."""
        self._issue_initial_tokens()
        self.airbyte_client_id = "airbyte_sandbox_client"
        """Client id of the fake Airbyte API (``AirbyteAuthConfig.airbyte_client_id``)."""
        self.airbyte_client_secret = stable_token(seed, "airbyte-client-secret", 64)
        self.workspace_name = "sandbox-workspace"
        """The workspace holding one Zendesk Talk connector (with this sandbox's API token)."""
        self._airbyte_token_ttl = airbyte_token_ttl
        self.airbyte = FakeAirbyteAPI(
            client_id=self.airbyte_client_id,
            client_secret=self.airbyte_client_secret,
            workspace_name=self.workspace_name,
            zendesk_email=self.email,
            zendesk_api_token=self.api_token,
            token_ttl=airbyte_token_ttl,
            clock=clock,
        )
        """The fake Airbyte API (``airbyte.token_ttl`` sets the token lifetime)."""
        self._data: SandboxData | None = None
        self._data_lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- data and credentials -------------------------------------------------------------

    @property
    def data(self) -> SandboxData:
        """The seeded dataset (generated on first use)."""
        with self._data_lock:
            if self._data is None:
                self._data = generate(self.seed, self._now, call_count=self.call_count)
            return self._data

    @property
    def oauth_access_token_ttl(self) -> float | None:
        return self._tokens.default_ttl

    def issue_oauth_tokens(
        self, expires_in: float | None = 3600, refresh_token_expires_in: int = REFRESH_TTL_DEFAULT
    ) -> dict[str, Any]:
        """A fresh access/refresh token pair (``expires_in`` seconds; None = no expiry)."""
        return self._tokens.issue(expires_in, refresh_token_expires_in)

    def expire_access_tokens(self) -> None:
        """Every OAuth access token issued so far (including :attr:`access_token`) expires."""
        self._tokens.expire_all()

    def reset(self) -> None:
        """Undo what a test may have changed, the data aside: no queued faults or latency, an
        empty request log, :attr:`access_token` and :attr:`refresh_token` valid again, the fake
        Airbyte API's token lifetime as constructed and its organization log empty."""
        self.faults.clear()
        self.requests.clear()
        self._issue_initial_tokens()
        self.airbyte.token_ttl = self._airbyte_token_ttl
        self.airbyte.organization_ids.clear()

    def _issue_initial_tokens(self) -> None:
        self._tokens.issue(
            None,
            REFRESH_TTL_DEFAULT,
            access_token=self.access_token,
            refresh_token=self.refresh_token,
        )

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no path); the API is under ``/api/v2/channels/voice``."""
        if self._server is None:
            raise RuntimeError("The sandbox is not running: call start() or use `with`.")
        return f"http://{_url_host(self.host)}:{self.port}"

    @property
    def api_url(self) -> str:
        """``{base_url}/api/v2/channels/voice``."""
        return self.base_url + API_PREFIX

    def start(self) -> Sandbox:
        """Bind and serve in a background thread; returns self. Idempotent."""
        if self._server is not None:
            return self
        app = SandboxApp(
            self.data,
            email=self.email,
            api_token=self.api_token,
            oauth_client_id=self.oauth_client_id,
            oauth_client_secret=self.oauth_client_secret,
            tokens=self._tokens,
            faults=self.faults,
            requests=self.requests,
            page_size_max=self.page_size_max,
            export_rate_limit=self.export_rate_limit,
            sleep=self._sleep,
        )
        app.airbyte = self.airbyte
        self.airbyte.bind(app)
        server = _Server((self.host, self.port), app)
        self.port = server.port
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"zendesk-talk-sandbox:{self.port}",
            daemon=True,
        )
        thread.start()
        self._server, self._thread = server, thread
        return self

    def stop(self) -> None:
        """Stop serving and close every connection. Idempotent."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.shutdown()
        server.server_close()
        server.close_connections()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.base_url if self._server is not None else "stopped"
        return f"Sandbox(seed={self.seed}, {where})"


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host

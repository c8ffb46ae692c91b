"""A loopback HTTP/1.1 server that answers as the test says: hostile bodies, loops, trickles."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkApiTokenAuthConfig

AUTH = ZendeskTalkApiTokenAuthConfig(email="agent@example.com", api_token="s3cret-token")
MAX_REQUESTS = 500


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    """What to answer: a status, headers and body, optionally trickled byte by byte."""

    status: int = 200
    body: bytes = b"{}"
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str = "application/json"
    trickle_head: float | None = None
    """Seconds between bytes of the status line and headers (then the body at once)."""
    trickle_body: float | None = None
    """Seconds between bytes of an endless body (after the headers at once)."""


Route = Callable[[Seen], Reply]


class HostileServer:
    """``with HostileServer(route) as server:`` answers every request with ``route(seen)``."""

    def __init__(self, route: Route) -> None:
        self.route = route
        self.requests: list[Seen] = []
        self.open_connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def wait_for_no_connections(self, seconds: float = 5.0) -> int:
        """Open connections once the clients closed theirs (polled: closing is asynchronous)."""
        ends = time.monotonic() + seconds
        while self.open_connections and time.monotonic() < ends:
            time.sleep(0.01)
        return self.open_connections

    def _count(self, delta: int) -> None:
        with self._lock:
            self.open_connections += delta

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                owner._count(+1)

            def finish(self) -> None:
                try:
                    super().finish()
                finally:
                    owner._count(-1)

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                seen = Seen(
                    self.command,
                    parts.path,
                    {k: v[-1] for k, v in parse_qs(parts.query).items()},
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length) if length else b"",
                )
                with owner._lock:
                    owner.requests.append(seen)
                    runaway = len(owner.requests) > MAX_REQUESTS
                # A client that never stops gets an error, so a test fails instead of hanging.
                reply = Reply(status=418) if runaway else owner.route(seen)
                try:
                    self._write(reply)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def _write(self, reply: Reply) -> None:
                endless = reply.trickle_body is not None
                lines = [
                    f"HTTP/1.1 {reply.status} Reply",
                    f"Content-Type: {reply.content_type}",
                    *(f"{name}: {value}" for name, value in reply.headers),
                    "Transfer-Encoding: chunked"
                    if endless
                    else f"Content-Length: {len(reply.body)}",
                ]
                head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
                if reply.trickle_head is not None:
                    self._trickle(head, reply.trickle_head)
                    self.wfile.write(reply.body)
                elif endless:
                    self.wfile.write(head)
                    self._trickle(_endless_chunks(), reply.trickle_body or 0.0)
                else:
                    self.wfile.write(head + reply.body)

            def _trickle(self, data: bytes | Iterator[bytes], pause: float) -> None:
                for byte in data if not isinstance(data, bytes) else _bytes_of(data):
                    if owner._stop.wait(pause):
                        return
                    self.wfile.write(byte)
                    self.wfile.flush()
                self.close_connection = True

            do_GET = do_POST = do_PUT = _serve

        return Handler


def _bytes_of(data: bytes) -> Iterator[bytes]:
    return (data[i : i + 1] for i in range(len(data)))


def _endless_chunks() -> Iterator[bytes]:
    while True:
        yield b"1\r\n \r\n"  # one chunk of one space, forever


@contextmanager
def hostile(
    route: Route, **options: Any
) -> Iterator[tuple[HostileServer, SyncZendeskTalkConnector]]:
    """A server answering with ``route`` and a sync connector to it (``options`` its own)."""
    with (
        HostileServer(route) as server,
        SyncZendeskTalkConnector(AUTH, base_url=server.url, **options) as connector,
    ):
        yield server, connector

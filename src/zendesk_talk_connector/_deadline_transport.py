"""The sync connector's own transport: httpx's, over an httpcore pool whose sockets honour
the attempt's deadline (:mod:`._deadline`).

Built on httpcore's public network-backend interface (``ConnectionPool(network_backend=)``):
each read, write, connect and TLS handshake gets its own timeout cut to what is left of the
attempt, so no thread is needed per request and the pool keeps its keep-alive connections.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from ._deadline import TOO_LONG, seconds_left


def _time_left(timeout: float | None, late: type[httpcore.TimeoutException]) -> float | None:
    """The phase's own timeout, cut to what is left of the attempt; ``late`` once none is."""
    left = seconds_left()
    if left is None:
        return timeout
    if left <= 0:
        raise late(TOO_LONG)
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        left = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._sockets.connect_tcp(host, port, left, local_address, socket_options)
        )


_SAME_NAMED_ERRORS = (
    "ConnectTimeout",
    "ReadTimeout",
    "WriteTimeout",
    "PoolTimeout",
    "TimeoutException",
    "ConnectError",
    "ReadError",
    "WriteError",
    "NetworkError",
    "RemoteProtocolError",
    "LocalProtocolError",
    "ProtocolError",
    "ProxyError",
    "UnsupportedProtocol",
)
_HTTPX_ERROR_FOR: dict[type[Exception], type[httpx.TransportError]] = {
    getattr(httpcore, name): getattr(httpx, name) for name in _SAME_NAMED_ERRORS
}


@contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """httpcore's errors as httpx's of the same name, as httpx's own transport raises them."""
    try:
        yield
    except Exception as error:
        for kind in type(error).__mro__:
            if kind in _HTTPX_ERROR_FOR:
                raise _HTTPX_ERROR_FOR[kind](str(error)) from error
        raise


class _Body(httpx.SyncByteStream):
    def __init__(self, answer: httpcore.Response) -> None:
        self._answer = answer

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._answer.iter_stream()

    def close(self) -> None:
        with _as_httpx_errors():
            self._answer.close()


class DeadlineTransport(httpx.BaseTransport):
    """httpx's transport over an httpcore pool whose sockets honour the attempt's deadline."""

    def __init__(self, limits: httpx.Limits) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_DeadlineBackend(),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)  # a sync client's request
        url = request.url
        with _as_httpx_errors():
            answer = self._pool.handle_request(
                httpcore.Request(
                    request.method,
                    httpcore.URL(
                        scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
                    ),
                    headers=request.headers.raw,
                    content=request.stream,
                    extensions=request.extensions,
                )
            )
        return httpx.Response(
            answer.status,
            headers=answer.headers,
            stream=_Body(answer),
            extensions=answer.extensions,
        )

    def close(self) -> None:
        self._pool.close()

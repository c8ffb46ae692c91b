"""Fault knobs (error bursts, dropped connections, latency) and the request log."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, overload


@dataclass(frozen=True)
class Fault:
    """One queued fault: answer with ``status`` (and ``Retry-After``), or drop the connection."""

    drop: bool
    status: int = 0
    retry_after: str | None = None
    body: dict[str, Any] | None = None


class Faults:
    """Fault injection for API requests (paths under ``/api/``).

    Queued faults are consumed in order, one per API request: ``fail_next(2, status=429)``
    followed by ``drop_next(1)`` fails two requests and then drops the third. ``latency``
    (seconds) is added to every request, including the OAuth token endpoint.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: deque[tuple[int, Fault]] = deque()
        self.latency: float = 0.0

    def fail_next(
        self,
        n: int = 1,
        status: int = 429,
        retry_after: str | float | None = None,
        *,
        body: dict[str, Any] | None = None,
    ) -> None:
        """Answer the next ``n`` API requests with ``status`` and a Zendesk-shaped error body.

        ``retry_after`` becomes the ``Retry-After`` header: seconds (``"2"`` or ``2``) or an
        HTTP date string, sent verbatim. ``body`` replaces the default error body.
        """
        if n < 1:
            return
        if not 400 <= status <= 599:
            raise ValueError(f"status must be an HTTP error status (400-599), got {status}")
        header = None if retry_after is None else str(retry_after)
        with self._lock:
            self._queue.append((n, Fault(False, status, header, body)))

    def drop_next(self, n: int = 1) -> None:
        """Close the connection without any response on the next ``n`` API requests."""
        if n < 1:
            return
        with self._lock:
            self._queue.append((n, Fault(True)))

    def clear(self) -> None:
        """Forget queued faults and reset latency to 0."""
        with self._lock:
            self._queue.clear()
            self.latency = 0.0

    @property
    def pending(self) -> int:
        """How many API requests will still be faulted."""
        with self._lock:
            return sum(n for n, _ in self._queue)

    def take(self) -> Fault | None:
        """Consume the fault for this API request, if any (used by the server)."""
        with self._lock:
            if not self._queue:
                return None
            n, fault = self._queue[0]
            if n <= 1:
                self._queue.popleft()
            else:
                self._queue[0] = (n - 1, fault)
            return fault


@dataclass(frozen=True)
class RequestRecord:
    """One handled request."""

    method: str
    path: str
    """The path as sent, without the query string (``.json`` kept if sent)."""
    query: dict[str, list[str]]
    auth: str | None
    """The scheme presented: ``"basic"``, ``"bearer"`` or None (valid or not)."""
    status: int | None
    """The status answered; None when the connection was dropped on purpose."""
    body: bytes = b""
    time: float = field(default_factory=time.time)


class RequestLog:
    """A thread-safe, list-like log of handled requests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[RequestRecord] = []

    def append(self, record: RequestRecord) -> None:
        with self._lock:
            self._items.append(record)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def snapshot(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._items)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __iter__(self) -> Iterator[RequestRecord]:
        return iter(self.snapshot())

    @overload
    def __getitem__(self, index: int) -> RequestRecord: ...

    @overload
    def __getitem__(self, index: slice) -> list[RequestRecord]: ...

    def __getitem__(self, index: int | slice) -> RequestRecord | list[RequestRecord]:
        with self._lock:
            return self._items[index]

    def __repr__(self) -> str:
        return f"RequestLog({len(self)} requests)"

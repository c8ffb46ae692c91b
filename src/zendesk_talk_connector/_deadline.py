"""One deadline for a whole attempt: connect, send, headers and body (:func:`deadline_of`).

The async twin cancels the attempt at its deadline (:func:`run_within`); a blocked sync read
cannot be cancelled, and httpx's timeouts bound each read alone, so a server trickling its
headers a byte at a time never trips them. So the sync connector's own client has a transport
(:mod:`._deadline_transport`) whose every socket operation gets at most the time left before
the attempt's deadline. The deadline lives in a context variable, set by the driver around one
attempt; sync httpcore does all of a request's I/O in the calling thread, so each thread sees
its own.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

import httpx

T = TypeVar("T")

_ATTEMPT_ENDS: ContextVar[float | None] = ContextVar("zendesk_talk_attempt_ends", default=None)
TOO_LONG = "The request took longer than the timeout."


def deadline_of(timeout: httpx.Timeout) -> float | None:
    """Seconds one attempt may take in all, connect to last byte: the longest of the phases'."""
    phases = [t for t in (timeout.connect, timeout.read, timeout.write, timeout.pool) if t]
    return max(phases) if phases else None


if sys.version_info >= (3, 11):

    async def run_within(seconds: float | None, attempt: Awaitable[T]) -> T:
        """Await ``attempt``, cancelled after ``seconds`` (``asyncio.TimeoutError``).

        ``asyncio.timeout`` cancels in place; ``wait_for`` (3.10) wraps each attempt in a task
        of its own, which costs event-loop turns on every call."""
        import asyncio

        async with asyncio.timeout(seconds):
            return await attempt

else:

    async def run_within(seconds: float | None, attempt: Awaitable[T]) -> T:
        """Await ``attempt``, cancelled after ``seconds`` (``asyncio.TimeoutError``)."""
        import asyncio

        return await asyncio.wait_for(attempt, seconds)


@contextmanager
def attempt_deadline(seconds: float | None) -> Iterator[None]:
    """Socket operations inside end ``seconds`` from now at the latest (``None``: no bound)."""
    token = _ATTEMPT_ENDS.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _ATTEMPT_ENDS.reset(token)


def seconds_left() -> float | None:
    """What is left of the current attempt (negative once past), ``None`` if unbounded."""
    ends = _ATTEMPT_ENDS.get()
    return None if ends is None else ends - time.monotonic()


def past_deadline() -> bool:
    """Whether the current attempt's deadline has passed (a client of the user's is not bound
    by the transport, so the driver checks between body chunks too)."""
    left = seconds_left()
    return left is not None and left < 0


def _proxy_in_environment() -> bool:
    """Whether HTTP(S)_PROXY or ALL_PROXY name a proxy, as httpx reads them (``getproxies``)."""
    import urllib.request  # here, not at the top: only creating a client needs it

    proxies = urllib.request.getproxies()
    return any(proxies.get(scheme) for scheme in ("http", "https", "all"))


def deadline_client(timeout: httpx.Timeout, limits: httpx.Limits) -> httpx.Client:
    """The sync connector's own client, whole attempts bounded by :func:`attempt_deadline`.

    A proxy named in the environment keeps httpx's own transport (the connector does not
    re-implement httpx's proxy rules): its headers are then bounded per read only."""
    if _proxy_in_environment():
        return httpx.Client(timeout=timeout, limits=limits)
    from ._deadline_transport import DeadlineTransport  # httpcore loads with the first client

    return httpx.Client(timeout=timeout, transport=DeadlineTransport(limits))

"""Retry decisions (sans-IO): whether to retry a failed attempt, and how long to wait first.

``Retry-After`` is honoured exactly (seconds or an HTTP date). Without it the wait is a capped
exponential backoff with "full jitter". Attempts and the total time spent waiting are both
bounded, so a tool call never hangs for minutes behind a rate limit: when the server asks for
a longer wait than the budget allows, the caller gets :class:`~.errors.RateLimited` at once,
with the server's ``retry_after``. A refused connection (nothing listens at that host and
port) gets only :attr:`RetryPolicy.refused_attempts` attempts: it is almost always a wrong
address, not a passing fault worth minutes of waiting.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def connection_refused(error: BaseException) -> bool:
    """Whether a network error is a refused connection (httpx wraps the ``OSError``)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def retry_reason(status: int | None, error: BaseException | None) -> str:
    """Why an attempt failed, in words for a log line or a waiting notice."""
    if status == 429:
        return "rate limited (HTTP 429)"
    if status is not None:
        return f"server error (HTTP {status})"
    if error is not None and connection_refused(error):
        return "connection refused"
    return f"network error ({type(error).__name__})"


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:  # "Infinity" or "nan" is no wait at all: as if the header were absent
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, moment.timestamp() - now)


@dataclass(frozen=True)
class RetryPolicy:
    """How many times and how long to retry 429s, 5xx and network errors.

    Args:
        max_attempts: total attempts per request, the first included (1 = no retries).
        max_total_wait: upper bound on the seconds slept across all retries of one request.
        base_delay: first backoff delay (seconds) when the server gives no ``Retry-After``.
        max_delay: cap on one backoff delay.
        refused_attempts: total attempts when the connection is refused (at most
            ``max_attempts``).
    """

    max_attempts: int = 4
    max_total_wait: float = 60.0
    base_delay: float = 0.5
    max_delay: float = 8.0
    refused_attempts: int = 2
    jitter: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1 or self.refused_attempts < 1:
            raise ValueError("max_attempts and refused_attempts must be >= 1")
        if self.max_total_wait < 0 or self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("retry delays must be >= 0")

    def backoff(self, attempt: int) -> float:
        """Delay before retry number ``attempt`` (1-based) when the server did not say."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        return ceiling * (0.5 + 0.5 * self.jitter())

    def delay_before_retry(
        self,
        *,
        attempt: int,
        method: str,
        status: int | None,
        retry_after: float | None,
        waited: float,
        refused: bool = False,
    ) -> float | None:
        """Seconds to sleep before another attempt, or None to give up.

        ``status`` is None for a network error (``refused`` when the connection was refused);
        ``attempt`` counts attempts made so far.
        """
        limit = min(self.max_attempts, self.refused_attempts) if refused else self.max_attempts
        if attempt >= limit:
            return None
        if (status is None or status >= 500) and method.upper() not in IDEMPOTENT_METHODS:
            return None  # the request may have been applied: do not repeat it
        if status is not None and status not in RETRYABLE_STATUSES:
            return None
        delay = retry_after if retry_after is not None else self.backoff(attempt)
        if waited + delay > self.max_total_wait:
            return None
        return delay


NO_RETRIES = RetryPolicy(max_attempts=1)

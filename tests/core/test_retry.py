"""Retry decisions are pure functions: test them without any I/O."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime

import httpx
import pytest

from zendesk_talk_connector._retry import (
    RetryPolicy,
    connection_refused,
    parse_retry_after,
    retry_reason,
)

NOW = 1_700_000_000.0


def test_retry_after_seconds_and_http_date():
    assert parse_retry_after("7", NOW) == 7.0
    date = format_datetime(datetime.fromtimestamp(NOW + 30, tz=timezone.utc), usegmt=True)
    assert parse_retry_after(date, NOW) == pytest.approx(30.0)
    assert parse_retry_after("garbage", NOW) is None
    assert parse_retry_after(None, NOW) is None
    assert parse_retry_after("-3", NOW) == 0.0


def test_retry_after_is_honoured_exactly():
    policy = RetryPolicy()
    delay = policy.delay_before_retry(
        attempt=1, method="GET", status=429, retry_after=2.5, waited=0
    )
    assert delay == 2.5


def test_backoff_is_capped_exponential_with_jitter():
    policy = RetryPolicy(base_delay=1.0, max_delay=4.0, max_attempts=10, jitter=lambda: 1.0)
    delays = [policy.backoff(n) for n in range(1, 6)]
    assert delays == [1.0, 2.0, 4.0, 4.0, 4.0]
    low = RetryPolicy(base_delay=1.0, max_delay=4.0, jitter=lambda: 0.0)
    assert low.backoff(2) == 1.0  # jitter keeps at least half the step


def test_gives_up_after_max_attempts_and_beyond_the_wait_budget():
    policy = RetryPolicy(max_attempts=3, max_total_wait=10.0)
    assert (
        policy.delay_before_retry(attempt=3, method="GET", status=503, retry_after=None, waited=0)
        is None
    )
    assert (
        policy.delay_before_retry(attempt=1, method="GET", status=429, retry_after=11, waited=0)
        is None
    )
    assert (
        policy.delay_before_retry(attempt=2, method="GET", status=429, retry_after=5, waited=6)
        is None
    )


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(status):
    assert (
        RetryPolicy().delay_before_retry(
            attempt=1, method="GET", status=status, retry_after=None, waited=0
        )
        is None
    )


def test_non_idempotent_requests_are_not_repeated_after_5xx_or_network_errors():
    policy = RetryPolicy()
    assert (
        policy.delay_before_retry(attempt=1, method="POST", status=503, retry_after=None, waited=0)
        is None
    )
    assert (
        policy.delay_before_retry(attempt=1, method="POST", status=None, retry_after=None, waited=0)
        is None
    )
    # a 429 means the request was not processed: safe to repeat
    assert (
        policy.delay_before_retry(attempt=1, method="POST", status=429, retry_after=1, waited=0)
        == 1
    )


def test_invalid_policy_is_rejected():
    with pytest.raises(ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=0)


def _wrapped(error: OSError) -> httpx.ConnectError:
    """An OS error as httpx raises it: wrapped (by httpcore, then httpx) as a cause."""
    try:
        try:
            raise error
        except OSError as inner:
            raise httpx.ConnectError(str(inner)) from inner
    except httpx.ConnectError as outer:
        return outer


def test_a_refused_connection_gets_only_refused_attempts():
    policy = RetryPolicy(max_attempts=1000, max_total_wait=900, jitter=lambda: 1.0)
    ask = {"method": "GET", "status": None, "retry_after": None, "waited": 0}
    assert policy.delay_before_retry(attempt=1, refused=True, **ask) == 0.5
    assert policy.delay_before_retry(attempt=2, refused=True, **ask) is None
    assert policy.delay_before_retry(attempt=2, refused=False, **ask) == 1.0
    assert RetryPolicy(max_attempts=1).delay_before_retry(attempt=1, refused=True, **ask) is None
    with pytest.raises(ValueError, match="refused_attempts"):
        RetryPolicy(refused_attempts=0)


def test_retry_reasons_name_what_happened():
    refused = _wrapped(ConnectionRefusedError(111, "Connection refused"))
    unreachable = _wrapped(OSError(101, "Network is unreachable"))
    assert connection_refused(refused) and not connection_refused(unreachable)
    assert retry_reason(None, refused) == "connection refused"
    assert retry_reason(None, unreachable) == "network error (ConnectError)"
    assert retry_reason(429, None) == "rate limited (HTTP 429)"
    assert retry_reason(503, None) == "server error (HTTP 503)"

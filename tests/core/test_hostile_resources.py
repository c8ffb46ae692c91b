"""Every resource is bounded against a hostile loopback server: bytes, time, sockets, depth."""

from __future__ import annotations

import gzip
import json
import threading
import time

import pytest

from zendesk_talk_connector import (
    NotFound,
    ResponseTooLarge,
    RetryPolicy,
    ServerError,
    SyncZendeskTalkConnector,
    TransportError,
    ZendeskTalkConnector,
)

from .hostile_server import AUTH, HostileServer, Reply, Seen, hostile

ONE_TRY = RetryPolicy(max_attempts=1)
NUMBERS = {"phone_numbers": [{"id": 1}], "next_page": None, "count": 1}


def test_a_double_gzip_bomb_stops_at_the_default_cap():
    bomb = gzip.compress(gzip.compress(b" " * (80 * 1024 * 1024), 9), 9)
    assert len(bomb) < 200_000

    def route(seen: Seen) -> Reply:
        return Reply(body=bomb, headers=[("Content-Encoding", "gzip, gzip")])

    with hostile(route) as (_server, c), pytest.raises(ResponseTooLarge, match="67,108,864"):
        c.execute("phone_numbers", "list")


async def test_a_large_plain_body_stops_at_a_configured_cap():
    body = json.dumps({"phone_numbers": [{"id": i} for i in range(200_000)]}).encode()

    def route(seen: Seen) -> Reply:
        return Reply(body=body)

    with HostileServer(route) as server:
        async with ZendeskTalkConnector(
            AUTH, base_url=server.url, max_response_bytes=1_000_000
        ) as c:
            with pytest.raises(ResponseTooLarge, match="max_response_bytes"):
                await c.execute("phone_numbers", "list")


def test_compressed_answers_within_the_cap_are_read():
    def route(seen: Seen) -> Reply:
        assert seen.headers["accept-encoding"] == "gzip, deflate"
        return Reply(
            body=gzip.compress(json.dumps(NUMBERS).encode()),
            headers=[("Content-Encoding", "gzip")],
        )

    with hostile(route) as (_server, c):
        assert [r.id for r in c.execute("phone_numbers", "list").data] == [1]


# -- the timeout bounds each whole attempt -------------------------------------------------


@pytest.mark.parametrize("phase", ["head", "body"])
async def test_async_trickle_ends_at_the_timeout(phase):
    reply = Reply(trickle_head=0.05) if phase == "head" else Reply(trickle_body=0.05)
    with HostileServer(lambda seen: reply) as server:
        async with ZendeskTalkConnector(AUTH, base_url=server.url, timeout=0.5, retry=ONE_TRY) as c:
            started = time.monotonic()
            with pytest.raises(TransportError):
                await c.execute("phone_numbers", "list")
            assert time.monotonic() - started < 3


@pytest.mark.parametrize("phase", ["head", "body"])
def test_sync_trickle_ends_at_the_timeout(phase):
    reply = Reply(trickle_head=0.05) if phase == "head" else Reply(trickle_body=0.05)
    with hostile(lambda seen: reply, timeout=0.5, retry=ONE_TRY) as (_, c):
        started = time.monotonic()
        with pytest.raises(TransportError):
            c.execute("phone_numbers", "list")
        assert time.monotonic() - started < 3


def test_a_proxy_named_in_the_environment_still_carries_the_sync_calls(monkeypatch):
    """The whole-attempt transport is the connector's own; an environment proxy keeps httpx's,
    so the request must reach the proxy (the API host here does not even resolve)."""
    with HostileServer(lambda seen: Reply(body=json.dumps(NUMBERS).encode())) as proxy:
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        with SyncZendeskTalkConnector(AUTH, base_url="http://talk.invalid") as c:
            assert [r.id for r in c.execute("phone_numbers", "list").data] == [1]
        assert proxy.requests[0].path == "/api/v2/channels/voice/phone_numbers"


# -- one sync client, closed for good ---------------------------------------------------------


def test_many_threads_share_one_client_and_close_leaves_no_socket():
    with HostileServer(lambda seen: Reply(body=json.dumps(NUMBERS).encode())) as server:
        connector = SyncZendeskTalkConnector(AUTH, base_url=server.url)
        start = threading.Barrier(32)
        failures: list[BaseException] = []

        def call() -> None:
            start.wait()
            try:
                connector.execute("phone_numbers", "list")
            except BaseException as error:
                failures.append(error)

        threads = [threading.Thread(target=call) for _ in range(32)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        connector.close()
        assert server.wait_for_no_connections() == 0


# -- deep JSON is a library error ---------------------------------------------------------------

DEEP = b'{"phone_numbers": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


@pytest.mark.parametrize(("status", "error"), [(200, ServerError), (404, NotFound)])
def test_a_deeply_nested_body_is_a_library_error(status, error):
    with hostile(lambda seen: Reply(status=status, body=DEEP)) as (_, c), pytest.raises(error):
        c.execute("phone_numbers", "list")

"""Syncing into the local store: completeness, resume, replacement, pacing, readers."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from zendesk_talk_connector import (
    AirbyteAuthConfig,
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkConnector,
)
from zendesk_talk_connector.errors import ConfigurationError, InvalidParams, LocalStoreRequired
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.store import LocalStore
from zendesk_talk_connector.store._sync import ExportPacer

from .conftest import NOW, WEEK_AGO, local


def stored(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_sync_stores_every_record_once(sandbox: Sandbox, synced: Any) -> None:
    path = synced.store.path
    data = sandbox.data
    assert stored(path, "SELECT count(*), count(DISTINCT id) FROM calls") == [
        (len(data.calls), len({c["id"] for c in data.calls}))
    ]
    assert {row[0] for row in stored(path, "SELECT id FROM call_legs")} == {
        leg["id"] for leg in data.legs
    }
    assert stored(path, "SELECT count(*) FROM phone_numbers") == [(len(data.phone_numbers),)]
    assert stored(path, "SELECT count(*) FROM agents_activity")[0][0] > 100  # two pages
    first = data.calls[0]
    (row,) = stored(
        path, f"SELECT duration, agent_id, created_at FROM calls WHERE id = {first['id']}"
    )
    assert row == (first.get("duration"), first.get("agent_id"), first["created_at"])


async def test_async_sync_and_resume_sends_one_page(sandbox: Sandbox, store_path: Path) -> None:
    async def no_sleep(seconds: float) -> None:
        pass

    connector = ZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token),
        base_url=sandbox.base_url,
        store=store_path,
        clock=lambda: NOW,
        sleep=no_sleep,
    )
    async with connector:
        first = await connector.sync(["calls"], since=WEEK_AGO, export_requests_per_minute=None)
        assert first.records >= len(sandbox.data.calls)
        sandbox.requests.clear()
        again = await connector.sync(["calls"])
    assert again.entities[0].pages == 1  # the stored cursor: only the last page is read again
    assert len(sandbox.requests) == 1
    assert stored(store_path, "SELECT count(*) FROM calls") == [(len(sandbox.data.calls),)]


def test_updated_records_replace_their_rows(sandbox: Sandbox, store_path: Path) -> None:
    with local(sandbox, store_path) as connector:
        connector.sync(["calls"], since=WEEK_AGO, export_requests_per_minute=None)
    # The same account later: one call was updated (new duration, newer updated_at).
    later = Sandbox(seed=3, now=NOW)
    call = later.data.calls.pop(10)
    call["duration"], call["updated_at"] = 4242, "2024-11-29T15:29:59Z"
    later.data.calls.append(call)
    with later, local(later, store_path) as connector:
        report = connector.sync(["calls"], export_requests_per_minute=None)
    assert report.records >= 1
    assert stored(
        store_path, f"SELECT duration, updated_at FROM calls WHERE id = {call['id']}"
    ) == [(4242, "2024-11-29T15:29:59Z")]
    assert stored(store_path, "SELECT count(*) FROM calls") == [(len(later.data.calls),)]


CHILD = """
import sys
from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkApiTokenAuthConfig
base_url, email, token, path, since = sys.argv[1:]
def progress(event):
    print(event.entity, event.pages, flush=True)
connector = SyncZendeskTalkConnector(
    ZendeskTalkApiTokenAuthConfig(email=email, api_token=token), base_url=base_url, store=path
)
connector.sync(["call_legs"], since=int(since), export_requests_per_minute=None, progress=progress)
print("finished", flush=True)
"""


def test_killed_sync_resumes_losing_and_doubling_nothing(
    sandbox: Sandbox, store_path: Path
) -> None:
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            sandbox.base_url,
            sandbox.email,
            sandbox.api_token,
            str(store_path),
            str(WEEK_AGO),
        ],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("call_legs 3"):
                os.kill(child.pid, signal.SIGKILL)  # mid-sync: page 4 in flight or being written
                break
        child.wait()
    assert child.returncode == -signal.SIGKILL
    (partial,) = stored(store_path, "SELECT count(*) FROM call_legs")[0]
    assert 2000 < partial < len(sandbox.data.legs)  # three pages, less duplicates
    with local(sandbox, store_path) as connector:
        connector.sync(["call_legs"], export_requests_per_minute=None)
    ids = [row[0] for row in stored(store_path, "SELECT id FROM call_legs")]
    assert sorted(ids) == sorted(leg["id"] for leg in sandbox.data.legs)  # 0 lost, 0 doubled
    indexes = stored(store_path, "SELECT name FROM sqlite_master WHERE tbl_name = 'call_legs'")
    assert ("call_legs__agent_id",) in indexes  # dropped for the first load, built again


def test_a_reader_never_sees_a_half_swapped_list(synced: Any, sandbox: Sandbox) -> None:
    reader = LocalStore(synced.store.path)
    seen: list[int] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(reader.query("SELECT count(*) FROM phone_numbers")[0][0])

    thread = threading.Thread(target=read)
    thread.start()
    try:
        for _ in range(3):
            synced.sync(["phone_numbers"])
    finally:
        stop.set()
        thread.join()
        reader.close()
    assert seen and set(seen) == {len(sandbox.data.phone_numbers)}


def test_pacer_keeps_ten_requests_in_any_minute() -> None:
    now = [0.0]
    pacer = ExportPacer(10, clock=lambda: now[0])
    sent: list[float] = []
    for _ in range(35):
        for step in pacer.wait():
            now[0] += step.seconds  # the driver sleeps; the clock moves
        sent.append(now[0])
        now[0] += 0.5  # the request takes half a second
    assert all(sum(1 for t in sent if start <= t < start + 60) <= 10 for start in sent)
    assert sent[-1] < 3 * 60 + 10  # no wait longer than needed: 35 requests in ~3 minutes


def test_pacer_ends_every_wait_when_the_clock_stands_still() -> None:
    pacer = ExportPacer(2, clock=lambda: 100.0)
    waits = [step.seconds for _ in range(5) for step in pacer.wait()]
    assert waits == [61.0, 61.0, 122.0]  # requests at 100, 100, 161, 161, 222 (1 s margin)


def test_sync_paces_export_requests(sandbox: Sandbox, store_path: Path) -> None:
    clock = [float(NOW)]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock[0] += seconds

    with local(sandbox, store_path, clock=lambda: clock[0], sleep=sleep) as connector:
        report = connector.sync(["call_legs"], since=WEEK_AGO, export_requests_per_minute=10)
    pages = report.entities[0].pages
    assert pages > 10
    # Requests take no time on this clock: ten go at once, then a minute's wait, and so on.
    assert sleeps == [61.0] * ((pages - 1) // 10)
    assert report.paced_seconds == pytest.approx(sum(sleeps))


def test_sync_errors(sandbox: Sandbox, store_path: Path) -> None:
    with local(sandbox, None) as connector, pytest.raises(LocalStoreRequired, match="store="):
        connector.sync()
    with local(sandbox, store_path) as connector:
        with pytest.raises(InvalidParams, match="ivr_menus"):
            connector.sync(["ivr_menus"])
        with pytest.raises(InvalidParams, match="not a time"):
            connector.sync(["calls"], since="last tuesday")
    hosted = AirbyteAuthConfig(
        airbyte_client_id="id", airbyte_client_secret="secret", connector_id="c"
    )
    with pytest.raises(ConfigurationError, match="local mode"):
        SyncZendeskTalkConnector(hosted, store=store_path)


def test_construction_does_no_io(sandbox: Sandbox, store_path: Path) -> None:
    with local(sandbox, store_path):
        assert not store_path.exists()

"""Fixtures: one store synced from the shared sandbox (read-only tests share it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkApiTokenAuthConfig
from zendesk_talk_connector.sandbox import Sandbox

from ..conftest import NOW

WEEK_AGO = NOW - 7 * 24 * 3600 - 3600  # before the sandbox's first call


def local(sb: Sandbox, store: Any, **options: Any) -> SyncZendeskTalkConnector:
    """A sync connector on the sandbox with a store, a fixed clock and no real sleeps."""
    options = {"clock": lambda: NOW, "sleep": lambda seconds: None, **options}
    return SyncZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email=sb.email, api_token=sb.api_token),
        base_url=sb.base_url,
        store=store,
        **options,
    )


@pytest.fixture(scope="session")
def synced(
    sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SyncZendeskTalkConnector]:
    """A connector whose store holds the whole sandbox (do not write to it in tests)."""
    path = tmp_path_factory.mktemp("store") / "talk.sqlite3"
    with local(sandbox, path) as connector:
        connector.sync(since=WEEK_AGO, export_requests_per_minute=None)
        yield connector


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "talk.sqlite3"

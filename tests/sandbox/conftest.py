"""Fixtures: raw httpx clients against the session's sandbox (``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from zendesk_talk_connector.sandbox import Sandbox


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[httpx.Client]:
    """API-token (Basic) client rooted at the Talk API prefix."""
    auth = httpx.BasicAuth(f"{sandbox.email}/token", sandbox.api_token)
    with httpx.Client(base_url=sandbox.api_url, auth=auth, timeout=10) as c:
        yield c


@pytest.fixture
def anon(sandbox: Sandbox) -> Iterator[httpx.Client]:
    """Client without credentials, rooted at the server (no path)."""
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as c:
        yield c

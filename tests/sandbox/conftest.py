"""Fixtures: one sandbox for the session (fixed ``now``), raw httpx clients against it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from zendesk_talk_connector.sandbox import Sandbox

# Friday 2024-11-29 15:30:00 UTC: "today" holds a good share of the week's calls.
NOW = 1_732_894_200


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=7, now=NOW) as sb:
        yield sb


@pytest.fixture(autouse=True)
def _reset_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "sandbox" in request.fixturenames:
        sb: Sandbox = request.getfixturevalue("sandbox")
        sb.faults.clear()


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

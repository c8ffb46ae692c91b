"""Fixtures for the faces (tool_utils, MCP server, CLI): one sandbox, env vars, CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

import zendesk_talk_connector
from zendesk_talk_connector import ZendeskTalkApiTokenAuthConfig, ZendeskTalkConnector
from zendesk_talk_connector.sandbox import Sandbox

NOW = 1_732_894_200  # 2024-11-29T15:30:00Z
SRC = str(Path(zendesk_talk_connector.__file__).resolve().parent.parent)
CLI = [sys.executable, "-m", "zendesk_talk_connector.cli"]


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=5, now=NOW) as sb:
        yield sb


@pytest.fixture(autouse=True)
def _clean_sandbox(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "sandbox" in request.fixturenames:
        sb: Sandbox = request.getfixturevalue("sandbox")
        sb.faults.clear()
        sb.requests.clear()


def sandbox_env(sb: Sandbox) -> dict[str, str]:
    """The environment variables the CLI and the MCP server read, pointing at ``sb``."""
    return {
        "ZENDESK_BASE_URL": sb.base_url,
        "ZENDESK_EMAIL": sb.email,
        "ZENDESK_API_TOKEN": sb.api_token,
    }


def hosted_env(sb: Sandbox) -> dict[str, str]:
    """The variables of hosted mode, pointing at ``sb``'s fake Airbyte API."""
    return {
        "AIRBYTE_CLIENT_ID": sb.airbyte_client_id,
        "AIRBYTE_CLIENT_SECRET": sb.airbyte_client_secret,
        "AIRBYTE_WORKSPACE_NAME": sb.workspace_name,
        "AIRBYTE_API_URL": sb.base_url,
    }


def subprocess_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZENDESK_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [SRC, env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return {**env, **extra}


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``zendesk-talk ARGS`` as a subprocess (``python -m zendesk_talk_connector.cli``)."""
    return subprocess.run(
        [*CLI, *args],
        env=subprocess_env(env or {}),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def env(sandbox: Sandbox) -> dict[str, str]:
    return sandbox_env(sandbox)


@pytest.fixture
async def aconnector(sandbox: Sandbox) -> AsyncIterator[ZendeskTalkConnector]:
    async with ZendeskTalkConnector(
        ZendeskTalkApiTokenAuthConfig(email=sandbox.email, api_token=sandbox.api_token),
        base_url=sandbox.base_url,
    ) as connector:
        yield connector

"""Fixtures for the faces (tool_utils, MCP server, CLI): env vars and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import zendesk_talk_connector
from zendesk_talk_connector.sandbox import Sandbox

SRC = str(Path(zendesk_talk_connector.__file__).resolve().parent.parent)
CLI = [sys.executable, "-m", "zendesk_talk_connector.cli"]


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

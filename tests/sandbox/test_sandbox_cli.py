"""``zendesk-talk sandbox`` as a real subprocess, ``--help``, and no side effects at import."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

import zendesk_talk_connector
from zendesk_talk_connector.cli import main

SRC = str(Path(zendesk_talk_connector.__file__).resolve().parent.parent)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [SRC, env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _command() -> list[str]:
    script = Path(sys.executable).with_name("zendesk-talk")
    if script.exists():
        return [str(script)]
    found = shutil.which("zendesk-talk")
    return [found] if found else [sys.executable, "-m", "zendesk_talk_connector.cli"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _spawn(args: list[str]) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
    """Start the process; a thread feeds its stdout lines into the returned queue."""
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        with proc.stdout:
            for line in proc.stdout:
                lines.put(line)
        lines.put("")  # EOF marker

    threading.Thread(target=pump, daemon=True).start()
    return proc, lines


def _read_line(lines: queue.Queue[str], timeout: float = 20) -> str:
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError("no output from the sandbox subprocess") from None


def _stop(proc: subprocess.Popen[str], lines: queue.Queue[str], sig: int) -> int:
    proc.send_signal(sig)
    try:
        return proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
        while _read_line(lines, timeout=10):  # drain to EOF: the pump closes stdout
            pass


def test_cli_sandbox_serves_until_terminated() -> None:
    port = _free_port()
    proc, lines = _spawn([*_command(), "sandbox", "--port", str(port), "--seed", "3", "--json"])
    try:
        details = json.loads(_read_line(lines))
        assert details["base_url"] == f"http://127.0.0.1:{port}"
        auth = (f"{details['email']}/token", details["api_token"])
        assert "api_url" not in details  # it got used as --base-url; curl_url does not invite that
        response = httpx.get(f"{details['curl_url']}/phone_numbers", auth=auth, timeout=10)
        assert response.status_code == 200
        assert response.json()["count"] == 300
        bearer = {"Authorization": f"Bearer {details['access_token']}"}
        assert httpx.get(f"{details['curl_url']}/ivr", headers=bearer).status_code == 200
    finally:
        code = _stop(proc, lines, signal.SIGTERM)
    assert code == 0


def test_python_m_sandbox_prints_credentials_and_stops_on_ctrl_c() -> None:
    proc, output = _spawn([sys.executable, "-m", "zendesk_talk_connector.sandbox", "--port", "0"])
    try:
        lines: dict[str, str] = {}
        deadline = time.monotonic() + 20
        while "oauth_client_secret" not in lines and time.monotonic() < deadline:
            key, _, value = _read_line(output).strip().partition(": ")
            lines[key.rstrip(":")] = value.strip()
        base_url = lines["base_url"]
        assert base_url.startswith("http://127.0.0.1:")
        assert lines["curl_url"] == base_url + "/api/v2/channels/voice"
        auth = (f"{lines['email']}/token", lines["api_token"])
        url = f"{base_url}/api/v2/channels/voice/stats/agents_overview.json"
        assert httpx.get(url, auth=auth, timeout=10).status_code == 200
    finally:
        code = _stop(proc, output, signal.SIGINT)
    assert code == 0


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "sandbox" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["sandbox", "--help"])
    out = capsys.readouterr().out
    assert "--port" in out and "--seed" in out
    assert main([]) == 2


def test_port_in_use_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["sandbox", "--port", str(port)]) == 1
    assert "cannot listen" in capsys.readouterr().err


def test_import_starts_nothing() -> None:
    code = (
        "import threading, sys\n"
        "import zendesk_talk_connector.sandbox, zendesk_talk_connector.cli\n"
        "from zendesk_talk_connector.sandbox import Sandbox\n"
        "sb = Sandbox(seed=0)\n"
        "assert threading.active_count() == 1, threading.enumerate()\n"
        "assert not sb.running\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=_env(), timeout=60)

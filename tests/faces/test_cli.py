"""The ``zendesk-talk`` CLI as subprocesses against the sandbox: call, entities, tools,
export (complete, bounded, rate limited, killed and resumed, failed and resumed), help, and
what a newcomer trips over (closed pipes, waits, refused connections, bad credentials)."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from zendesk_talk_connector.catalog import ENTITIES, OPERATIONS
from zendesk_talk_connector.cli import build_parser
from zendesk_talk_connector.sandbox import Sandbox
from zendesk_talk_connector.tools import tool_definitions

from ..conftest import NOW
from .conftest import CLI, hosted_env, run_cli, sandbox_env, subprocess_env

JSON = dict[str, Any]


def _lines(path: Path) -> list[JSON]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _epoch(iso: str) -> int:
    from zendesk_talk_connector._paging import epoch_of

    value = epoch_of(iso)
    assert value is not None
    return value


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def _one_error_line(done: subprocess.CompletedProcess[str], code: int) -> str:
    """The command failed with ``code`` and said why in one line, with no traceback."""
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("zendesk-talk: error: ")
    return lines[0]


def _since(records: list[JSON], since: str, until: str | None = None) -> list[JSON]:
    start, end = _epoch(since), _epoch(until) if until else None
    return [
        r
        for r in records
        if _epoch(r["updated_at"]) >= start and (end is None or _epoch(r["updated_at"]) < end)
    ]


# -- help -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [[], ["call"], ["entities"], ["tools"], ["export"], ["mcp"], ["sandbox"]]
)
def test_help_everywhere(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([*command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: zendesk-talk {' '.join(command)}".rstrip())
    if command in (["call"], ["export"], ["mcp"]):
        assert "ZENDESK_API_TOKEN" in out


def test_help_as_a_subprocess() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    for command in ("call", "entities", "tools", "export", "mcp", "sandbox"):
        assert command in done.stdout


# -- call -------------------------------------------------------------------------------


def test_call_list_and_get(env: dict[str, str], sandbox: Sandbox) -> None:
    listed = run_cli("call", "phone_numbers", "list", "--param", "limit=3", env=env)
    assert listed.returncode == 0, listed.stderr
    body = json.loads(listed.stdout)
    assert body["data"] == sandbox.data.phone_numbers[:3]
    assert body["meta"]["returned"] == 3
    assert body["meta"]["has_more"] is True

    after = run_cli(
        "call",
        "phone_numbers",
        "list",
        "--json",
        json.dumps({"limit": 2, "cursor": body["meta"]["next_cursor"]}),
        env=env,
    )
    assert json.loads(after.stdout)["data"] == sandbox.data.phone_numbers[3:5]

    ivr = sandbox.data.ivrs[1]
    got = run_cli("call", "ivrs", "get", "-p", f"ivr_id={ivr['id']}", "--pretty", env=env)
    assert got.returncode == 0
    assert json.loads(got.stdout) == ivr
    assert got.stdout.startswith("{\n  ")


def test_call_json_list_values(env: dict[str, str], sandbox: Sandbox) -> None:
    group = sandbox.data.groups[0]["id"]
    done = run_cli("call", "agents_activity", "list", "--param", f"group_ids=[{group}]", env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meta"]["returned"] >= 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["phone_numbers", "list", "--param", "limt=3"], 2, "did you mean 'limit'?"),
        (["phone_number", "list"], 2, "Unknown entity 'phone_number'"),
        (["phone_numbers", "get", "--param", "phone_number_id=999999"], 1, "HTTP 404"),
        (["availabilities", "update", "-p", "agent_id=1"], 2, "Pass --allow-writes"),
        (["phone_numbers", "list", "--json", "[1]"], 2, "--json must be a JSON object"),
        (["phone_numbers", "list", "--param", "limit"], 2, "is not KEY=VALUE"),
    ],
)
def test_call_errors_are_one_line(
    env: dict[str, str], args: list[str], code: int, message: str
) -> None:
    done = run_cli("call", *args, env=env)
    assert done.returncode == code
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("zendesk-talk: error: ")
    assert message in lines[0]


def test_call_credentials_from_flags_and_their_absence(sandbox: Sandbox) -> None:
    flags = ["--base-url", sandbox.base_url, "--email", sandbox.email]
    done = run_cli("call", "addresses", "list", *flags, "--api-token", sandbox.api_token)
    assert json.loads(done.stdout)["data"] == sandbox.data.addresses
    wrong = run_cli("call", "addresses", "list", *flags, "--api-token", "nope")
    assert wrong.returncode == 1
    assert "401" in wrong.stderr
    assert "nope" not in wrong.stderr
    none = run_cli("call", "addresses", "list")
    assert none.returncode == 2
    assert "ZENDESK_API_TOKEN" in none.stderr
    oauth = run_cli(
        "call",
        "addresses",
        "list",
        env={
            "ZENDESK_BASE_URL": sandbox.base_url,
            "ZENDESK_OAUTH_ACCESS_TOKEN": sandbox.access_token,
        },
    )
    assert oauth.returncode == 0, oauth.stderr


# -- entities and tools -----------------------------------------------------------------


def test_entities() -> None:
    text = run_cli("entities")
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert [line for line in lines if not line.startswith(" ")] == list(ENTITIES)
    assert "  get     Get one IVR by id, with its menus and routes." in lines
    assert any("[write: needs --allow-writes]" in line for line in lines)
    data = json.loads(run_cli("entities", "--json").stdout)
    assert [e["entity"] for e in data] == list(ENTITIES)
    calls = next(e for e in data if e["entity"] == "calls")
    assert calls["actions"]["list"]["params"]["start_time"]["required"] is True
    assert sum(len(e["actions"]) for e in data) == len(OPERATIONS)


def test_tools() -> None:
    text = run_cli("tools")
    names = [line for line in text.stdout.splitlines() if not line.startswith(" ")]
    assert names == [d.name for d in tool_definitions()]
    schemas = json.loads(run_cli("tools", "--schema", "--include", "ivrs,calls").stdout)
    expected = tool_definitions(include=["ivrs", "calls"])
    assert schemas == [
        {"name": d.name, "description": d.description, "input_schema": d.json_schema()}
        for d in expected
    ]
    single = json.loads(run_cli("tools", "--schema", "--single-tool").stdout)
    assert [t["name"] for t in single] == ["zendesk_talk_execute"]
    bad = run_cli("tools", "--include", "nope")
    assert bad.returncode == 2
    assert "Unknown tool or entity name" in bad.stderr


# -- export -----------------------------------------------------------------------------


def test_export_complete_then_incremental(
    env: dict[str, str], sandbox: Sandbox, tmp_path: Path
) -> None:
    out = tmp_path / "calls.jsonl"
    done = run_cli("export", "calls", "--since", "2024-11-25", "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    expected = _since(sandbox.data.calls, "2024-11-25T00:00:00Z")
    assert _lines(out) == expected  # record by record, in export order
    progress = done.stderr.splitlines()
    assert progress[-2].startswith("calls [####################] 100%")
    assert "records/s" in progress[-2]
    assert progress[-1].startswith(f"calls: {len(expected):,} records in")
    checkpoint = json.loads(Path(f"{out}.checkpoint").read_text())
    assert checkpoint["records"] == len(expected)
    assert checkpoint["offset"] == out.stat().st_size

    again = run_cli("export", "calls", "--since", "2024-11-25", "--out", str(out), env=env)
    assert again.returncode == 0
    assert "(0 new," in again.stderr
    assert _lines(out) == expected


def test_export_until_stops_past_it(env: dict[str, str], sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "legs.jsonl"
    since, until = "2024-11-26", "2024-11-27T12:00:00Z"
    done = run_cli(
        "export", "call_legs", "--since", since, "--until", until, "--out", str(out), "-q", env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    expected = _since(sandbox.data.legs, f"{since}T00:00:00Z", until)
    assert _lines(out) == expected
    pages = [r for r in sandbox.requests if "incremental" in r.path]
    assert len(pages) == len(expected) // 1000 + 1  # one request per page, none after until


def test_export_waits_out_rate_limits(
    env: dict[str, str], sandbox: Sandbox, tmp_path: Path
) -> None:
    out = tmp_path / "calls.jsonl"
    sandbox.faults.fail_next(1, status=429, retry_after="1")
    sandbox.faults.drop_next(1)
    started = time.monotonic()
    done = run_cli("export", "calls", "--since", "2024-11-28", "--out", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started >= 1.0
    assert "waiting 1.0s before retrying: rate limited (HTTP 429)" in done.stderr
    assert "s before retrying: network error (RemoteProtocolError)" in done.stderr  # dropped
    assert _lines(out) == _since(sandbox.data.calls, "2024-11-28T00:00:00Z")


def test_export_killed_then_resumed(env: dict[str, str], sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "legs.jsonl"
    checkpoint = Path(f"{out}.checkpoint")
    args = [*CLI, "export", "call_legs", "--since", "2024-11-22", "--out", str(out)]
    sandbox.faults.latency = 0.15
    proc = subprocess.Popen(
        args, env=subprocess_env(env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if checkpoint.exists() and json.loads(checkpoint.read_text())["records"] >= 2000:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    sandbox.faults.latency = 0.0
    expected = _since(sandbox.data.legs, "2024-11-22T00:00:00Z")
    state = json.loads(checkpoint.read_text())
    assert 2000 <= state["records"] < len(expected)
    with out.open("ab") as handle:
        handle.write(b'{"id": 1, "torn": ')  # a write cut short after the checkpoint

    resumed = run_cli("export", "call_legs", "--since", "2024-11-22", "--out", str(out), env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert _lines(out) == expected  # nothing lost, nothing doubled
    new = len(expected) - state["records"]
    assert f"({new:,} new," in resumed.stderr


def test_export_failed_midway_then_resumed(
    env: dict[str, str], sandbox: Sandbox, tmp_path: Path
) -> None:
    out = tmp_path / "calls.jsonl"
    with Sandbox(seed=sandbox.seed, now=NOW, export_rate_limit=2) as strict:
        failed = run_cli(
            "export",
            "calls",
            "--since",
            "2024-11-22",
            "--out",
            str(out),
            "--max-wait",
            "0.5",
            env=sandbox_env(strict),
        )
    assert failed.returncode == 1
    assert failed.stderr.splitlines()[-1].startswith("zendesk-talk: error: ")
    assert "429" in failed.stderr.splitlines()[-1]
    state = json.loads(Path(f"{out}.checkpoint").read_text())
    assert state["pages"] == 2
    assert len(_lines(out)) == state["records"] > 0

    resumed = run_cli("export", "calls", "--since", "2024-11-22", "--out", str(out), env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert _lines(out) == _since(sandbox.data.calls, "2024-11-22T00:00:00Z")


def test_export_refuses_to_mix_files(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "calls.jsonl"
    out.write_text("something else\n")
    base = ["export", "calls", "--since", "2024-11-29", "--out", str(out)]
    refused = run_cli(*base, env=env)
    assert refused.returncode == 2
    assert "has no checkpoint" in refused.stderr
    assert out.read_text() == "something else\n"
    assert run_cli(*base, "--overwrite", "-q", env=env).returncode == 0
    other = run_cli("export", "calls", "--since", "2024-11-28", "--out", str(out), env=env)
    line = _one_error_line(other, 2)
    assert "is for another export (calls since 2024-11-29T00:00:00Z)." in line
    bad_date = run_cli("export", "calls", "--since", "yesterday", "--out", str(out), env=env)
    assert bad_date.returncode == 2
    assert "--since" in bad_date.stderr


def test_export_interrupted_says_how_to_resume(
    env: dict[str, str], sandbox: Sandbox, tmp_path: Path
) -> None:
    out = tmp_path / "legs.jsonl"
    checkpoint = Path(f"{out}.checkpoint")
    args = [*CLI, "export", "call_legs", "--since", "2024-11-22", "--out", str(out), "-q"]
    sandbox.faults.latency = 0.15
    proc = subprocess.Popen(
        args, env=subprocess_env(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not checkpoint.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert stderr.splitlines() == [
        "zendesk-talk: error: interrupted; progress saved; run the same command to resume."
    ]
    state = json.loads(checkpoint.read_text())
    assert state["records"] > 0 and state["offset"] == out.stat().st_size


# -- what a newcomer trips over ---------------------------------------------------------


def test_a_closed_pipe_ends_quietly(env: dict[str, str]) -> None:
    """``zendesk-talk call ... | head -c 100``: far more output than a pipe buffers."""
    args = [*CLI, "call", "calls", "list", "-p", "start_time=2024-11-22", "-p", "limit=1000"]
    proc = subprocess.Popen(
        args, env=subprocess_env(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    head = proc.stdout.read(100)
    proc.stdout.close()  # what `head` does once it has its bytes
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141  # as a process killed by SIGPIPE
    assert head.startswith(b'{"data": [')
    assert stderr == ""


def test_call_says_that_it_waits_and_why(env: dict[str, str], sandbox: Sandbox) -> None:
    sandbox.faults.fail_next(1, status=429, retry_after="1")
    done = run_cli("call", "addresses", "list", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "zendesk-talk: waiting 1.0s before retrying: rate limited (HTTP 429)\n"
    assert json.loads(done.stdout)["data"] == sandbox.data.addresses

    sandbox.faults.fail_next(1, status=429, retry_after="30")
    started = time.monotonic()
    impatient = run_cli("call", "addresses", "list", "--max-wait", "5", env=env)
    assert time.monotonic() - started < 25  # gave up at once instead of waiting 30 s
    line = _one_error_line(impatient, 1)
    assert "HTTP 429" in line and "Wait 30 seconds" in line


@pytest.mark.parametrize("command", ["call", "export"])
def test_a_refused_connection_fails_fast_and_says_so(
    command: str, sandbox: Sandbox, tmp_path: Path
) -> None:
    out = tmp_path / "calls.jsonl"
    args = {
        "call": ["call", "addresses", "list"],
        "export": ["export", "calls", "--since", "2024-11-28", "--out", str(out)],
    }[command]
    env = {**sandbox_env(sandbox), "ZENDESK_BASE_URL": f"http://127.0.0.1:{_closed_port()}"}
    started = time.monotonic()
    done = run_cli(*args, env=env)
    assert time.monotonic() - started < 30  # seconds, not the 15 minutes of --max-wait
    assert done.returncode == 1
    *waits, last = done.stderr.splitlines()
    assert [w.endswith("before retrying: connection refused") for w in waits] == [True]
    assert last.startswith("zendesk-talk: error: ")
    assert "after 2 attempt(s): connection refused" in last
    assert not out.exists()  # a failed export leaves no empty file behind


@pytest.mark.parametrize(
    ("flags", "env_email", "option"),
    [
        (["--email", "me"], None, "--email ($ZENDESK_EMAIL)"),
        ([], "me", "--email ($ZENDESK_EMAIL)"),
        (["--email", "@"], None, "--email ($ZENDESK_EMAIL): String should have at least 3"),
        (["--subdomain", "acme.zendesk.com/api"], None, "subdomain"),
    ],
)
def test_credential_errors_are_one_line_exit_2(
    sandbox: Sandbox, flags: list[str], env_email: str | None, option: str
) -> None:
    env = sandbox_env(sandbox)
    if env_email is not None:
        env["ZENDESK_EMAIL"] = env_email
    if "--subdomain" in flags:
        del env["ZENDESK_BASE_URL"]
    env["ZENDESK_API_TOKEN"] = "a-secret-token"
    done = run_cli("call", "addresses", "list", *flags, env=env)
    line = _one_error_line(done, 2)
    assert option in line
    assert "a-secret-token" not in line


def test_the_sandbox_url_for_curl_is_no_base_url(env: dict[str, str], sandbox: Sandbox) -> None:
    """Its old name, ``api_url``, got used as --base-url: a list then says so."""
    done = run_cli("call", "phone_numbers", "list", "--base-url", sandbox.api_url, env=env)
    line = _one_error_line(done, 1)
    assert "HTTP 404" in line and "the base URL is probably wrong" in line
    missing = run_cli("call", "phone_numbers", "get", "-p", "phone_number_id=9", env=env)
    assert "Check phone_number_id" in _one_error_line(missing, 1)


@pytest.mark.parametrize("value", ["0", "-1", "nan", "soon"])
def test_a_timeout_must_be_positive(env: dict[str, str], value: str) -> None:
    done = run_cli("call", "addresses", "list", "--timeout", value, env=env)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].endswith(
        f"argument --timeout: {value!r} is not a positive number of seconds"
    )


# -- hosted mode ------------------------------------------------------------------------


def test_call_in_hosted_mode_from_env_and_flags(sandbox: Sandbox) -> None:
    env = hosted_env(sandbox)
    listed = run_cli("call", "phone_numbers", "list", "--param", "limit=3", env=env)
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)["data"]
    assert [n["id"] for n in data] == [p["id"] for p in sandbox.data.phone_numbers[:3]]
    assert all(r.path.startswith("/api/v1/") for r in sandbox.requests)  # Airbyte API only

    searched = run_cli(
        "call",
        "greetings",
        "context_store_search",
        "--json",
        '{"query": {"filter": {"eq": {"active": true}}}, "limit": 2}',
        "--workspace",
        sandbox.workspace_name,
        env={k: v for k, v in env.items() if k != "AIRBYTE_WORKSPACE_NAME"},
    )
    assert searched.returncode == 0, searched.stderr
    active = [g["id"] for g in sandbox.data.greetings if g["active"]][:2]
    assert [g["id"] for g in json.loads(searched.stdout)["data"]] == active


def test_hosted_mode_needs_a_secret_and_a_workspace(sandbox: Sandbox) -> None:
    env = hosted_env(sandbox)
    no_secret = run_cli("call", "ivrs", "list", env={**env, "AIRBYTE_CLIENT_SECRET": ""})
    assert no_secret.returncode == 2
    assert "AIRBYTE_CLIENT_SECRET" in no_secret.stderr
    no_workspace = run_cli("call", "ivrs", "list", env={**env, "AIRBYTE_WORKSPACE_NAME": ""})
    assert no_workspace.returncode == 2
    assert "--workspace" in no_workspace.stderr
    assert sandbox.airbyte_client_secret not in no_secret.stderr + no_workspace.stderr

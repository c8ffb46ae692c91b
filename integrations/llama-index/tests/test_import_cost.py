"""Importing the package costs little beyond ``llama_index.core.tools`` itself.

``import llama_index.tools.zendesk_talk`` loads nothing until a name is used; using
``ZendeskTalkToolSpec`` loads the adapter and the core connector, nothing more.
"""

from __future__ import annotations

import json
import subprocess
import sys

ALLOWED_LLAMA_INDEX = {
    "llama_index.core.tools.tool_spec",
    "llama_index.core.tools.tool_spec.base",
    "llama_index.tools",
    "llama_index.tools.zendesk_talk",
    "llama_index.tools.zendesk_talk.base",
}
# The core's own dependencies (httpx imports click/pygments for its CLI when installed).
ALLOWED_THIRD_PARTY = {
    "zendesk_talk_connector",
    "httpx",
    "click",
    "pygments",
    "rich",
    "llama_index",
}
FORBIDDEN = ("zendesk_talk_connector.sandbox", "zendesk_talk_connector.cli")

PROBE = """
import json, sys
import llama_index.core.tools
before = set(sys.modules)
import llama_index.tools.zendesk_talk
plain = set(sys.modules) - before
from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec
print(json.dumps([sorted(plain), sorted(set(sys.modules) - before)]))
"""


def test_import_adds_only_the_core_connector_and_the_adapter() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    plain, added = json.loads(out.stdout)
    assert set(plain) <= {"llama_index.tools", "llama_index.tools.zendesk_talk"}, plain
    assert "llama_index.tools.zendesk_talk.base" in added
    assert not [m for m in added if m.startswith(FORBIDDEN)]
    assert {m for m in added if m.startswith("llama_index.")} <= ALLOWED_LLAMA_INDEX
    third_party = {m.split(".")[0] for m in added if m.split(".")[0] not in sys.stdlib_module_names}
    assert third_party <= ALLOWED_THIRD_PARTY, third_party - ALLOWED_THIRD_PARTY


def test_import_and_construction_do_no_network_io() -> None:
    probe = (
        "import socket\n"
        "def refuse(*a, **k): raise AssertionError('network I/O at import or construction')\n"
        "socket.socket.connect = socket.socket.connect_ex = refuse\n"
        "from llama_index.tools.zendesk_talk import ZendeskTalkToolSpec\n"
        "from zendesk_talk_connector import ZendeskTalkConnector\n"
        "from zendesk_talk_connector.models import ZendeskTalkApiTokenAuthConfig\n"
        "auth = ZendeskTalkApiTokenAuthConfig(email='a@example.com', api_token='t')\n"
        "c = ZendeskTalkConnector(auth, config={'subdomain': 'acme'})\n"
        "print(len(ZendeskTalkToolSpec(connector=c).to_tool_list()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert int(out.stdout) > 10

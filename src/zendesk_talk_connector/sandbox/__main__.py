"""``python -m zendesk_talk_connector.sandbox [--port N] [--seed S]``: serve until Ctrl-C."""

from __future__ import annotations

import sys

from ..cli import main

if __name__ == "__main__":
    sys.exit(main(["sandbox", *sys.argv[1:]]))

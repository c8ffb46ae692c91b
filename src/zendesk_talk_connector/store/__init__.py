"""A local context store: an account's Talk data in one SQLite file, for exact answers.

::

    connector = ZendeskTalkConnector(auth, config, store="talk.sqlite3")
    await connector.sync()                       # exports from 30 days back, lists, stats
    await connector.execute("calls", "context_store_aggregate",
                            {"group_by": ["agent_id"], "metrics": ["count", "avg:duration"]})
"""

from __future__ import annotations

from ._db import SCHEMA_VERSION, LocalStore, SyncState
from ._sync import EntitySyncReport, SyncProgress, SyncReport

__all__ = [
    "SCHEMA_VERSION",
    "EntitySyncReport",
    "LocalStore",
    "SyncProgress",
    "SyncReport",
    "SyncState",
]

"""A local emulator of the Zendesk Talk API: seeded data, real HTTP, fault knobs.

::

    from zendesk_talk_connector.sandbox import Sandbox

    with Sandbox(seed=0) as sb:
        sb.base_url                      # http://127.0.0.1:PORT (API under /api/v2/channels/voice)
        sb.email, sb.api_token           # Basic "{email}/token:{api_token}"
        sb.access_token                  # OAuth bearer token
        sb.faults.fail_next(2, status=429, retry_after="1")
        sb.data.calls                    # what the exports serve

Importing this package starts nothing; the server runs between ``start()`` and ``stop()``.
"""

from __future__ import annotations

from ._data import SandboxData
from ._faults import Faults, RequestLog, RequestRecord
from ._server import Sandbox

__all__ = ["Faults", "RequestLog", "RequestRecord", "Sandbox", "SandboxData"]

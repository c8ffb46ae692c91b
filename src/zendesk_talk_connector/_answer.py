"""What a driver hands back to the engine for a :class:`~._engine.Send`: a response read whole.

The drivers stream each body through :class:`~._bounded.BoundedBody` (a size cap on the
decoded bytes), so the engine gets plain data (status, headers, decoded body, URL) instead of
an ``httpx.Response`` rebuilt around a body it no longer streams.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True, slots=True)
class Answer:
    """A response whose body was read in full (and decoded: gzip and deflate undone)."""

    status_code: int
    headers: httpx.Headers
    """As received: ``Content-Encoding`` and ``Content-Length`` describe the wire, not
    :attr:`content`."""
    content: bytes
    url: httpx.URL
    """The URL the request went to."""

    @classmethod
    def of(cls, response: httpx.Response, content: bytes) -> Answer:
        """``response``'s status and headers with its decoded body ``content``."""
        return cls(response.status_code, response.headers, content, response.request.url)

    def json(self) -> Any:
        """The body decoded as JSON (``ValueError`` if it is not; ``RecursionError`` if it
        nests too deeply)."""
        return json.loads(self.content)

    @property
    def text(self) -> str:
        """The body as text (UTF-8, undecodable bytes replaced): for error messages."""
        return self.content.decode("utf-8", errors="replace")

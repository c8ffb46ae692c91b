"""One error hierarchy for everything a caller or a model can cause.

::

    ZendeskTalkError
    ├── ConfigurationError      bad subdomain, base_url or auth config (also a ValueError)
    │   ├── HostedModeRequired  a hosted-only action (context_store_search) in local mode
    │   ├── ConnectorLookupError hosted mode: no (or several) hosted connectors match
    │   └── LocalStoreRequired  a local-store action (context_store_aggregate) without one
    ├── UnknownOperation        unknown entity or action; names the valid ones
    ├── InvalidParams           bad, missing or unknown params (client side, 400 or 422)
    │   └── OutputTooLarge      one record exceeds a tool's output budget: select fields
    ├── WriteNotAllowed         a write action on a read-only connector
    ├── UnsafeNextPage          a next_page/cursor URL outside the endpoint (never followed)
    ├── ResponseTooLarge        a body larger than max_response_bytes decoded (not read on)
    ├── APIStatusError          any other error status from the API
    │   ├── AuthenticationError 401
    │   ├── PermissionDenied    403
    │   ├── NotFound            404
    │   ├── RateLimited         429 after retries (carries retry_after)
    │   └── ServerError         5xx after retries
    ├── TransportError          network failure or timeout after retries
    └── StoreError              the local store file is unusable (other schema version, ...)

Every error carries ``message``, ``hint`` (what to do next, phrased so a model can act on it),
and where the API answered: ``status``, Zendesk's ``error`` code and ``description``.
Messages never contain credentials.
"""

from __future__ import annotations

import copy
import difflib
import math
import reprlib
from collections.abc import Iterable
from typing import Any

__all__ = [
    "APIStatusError",
    "AuthenticationError",
    "ConfigurationError",
    "ConnectorLookupError",
    "HostedModeRequired",
    "InvalidParams",
    "LocalStoreRequired",
    "NotFound",
    "OutputTooLarge",
    "PermissionDenied",
    "RateLimited",
    "ResponseTooLarge",
    "ServerError",
    "StoreError",
    "TransportError",
    "UnknownOperation",
    "UnsafeNextPage",
    "WriteNotAllowed",
    "ZendeskTalkError",
]


class ZendeskTalkError(Exception):
    """Base of every error raised by this package."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        status: int | None = None,
        error: str | None = None,
        description: str | None = None,
        details: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.status = status
        self.error = error
        self.description = description
        self.details = details

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message

    def with_hint(self, hint: str) -> ZendeskTalkError:
        """The same error with another hint: for a face whose user acts differently, e.g. the
        CLI, where a connector setting is a command-line flag."""
        restated = copy.copy(self)
        restated.hint = hint
        return restated

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe summary (what tools show a model)."""
        data: dict[str, Any] = {"error": type(self).__name__, "message": self.message}
        for key in ("hint", "status", "description"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.error is not None:
            data["api_error"] = self.error
        return data


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'limit'?)`` for a close match among ``choices``; empty otherwise."""
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class ConfigurationError(ZendeskTalkError, ValueError):
    """The connector was configured wrongly (subdomain, base_url, auth)."""


class UnknownOperation(ZendeskTalkError, LookupError):
    """No such entity or action in the catalog."""


class InvalidParams(ZendeskTalkError, ValueError):
    """Params were missing, misspelled, of the wrong type or out of range."""


class OutputTooLarge(InvalidParams):
    """Nothing of a result fits a tool's output budget: one record is larger than it, so the
    call must select fewer fields (cutting cannot help)."""


class WriteNotAllowed(ZendeskTalkError, PermissionError):
    """A write action was requested on a connector built read-only."""


class UnsafeNextPage(ZendeskTalkError):
    """A ``next_page`` or cursor pointed outside the endpoint asked; it is never followed."""


class ResponseTooLarge(ZendeskTalkError):
    """A response body grew past the connector's ``max_response_bytes`` once decoded."""


class APIStatusError(ZendeskTalkError):
    """The API answered with an error status."""


class AuthenticationError(APIStatusError):
    """401: the credentials were missing, wrong or expired and could not be refreshed."""


class PermissionDenied(APIStatusError):
    """403: the user, plan or token scope does not allow this."""


class NotFound(APIStatusError):
    """404: no record with that id (or the feature is not on this account)."""


class RateLimited(APIStatusError):
    """429: still rate limited after the allowed retries."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        # JSON has no Infinity: a wait no one can honour is left out, not written invalid.
        if self.retry_after is not None and math.isfinite(self.retry_after):
            data["retry_after_seconds"] = self.retry_after
        return data


class ServerError(APIStatusError):
    """5xx: Zendesk failed; retried and still failing."""


class TransportError(ZendeskTalkError):
    """The network failed (connection refused or dropped, timeout) after retries."""


class HostedModeRequired(ConfigurationError):
    """The action needs hosted execution (``AirbyteAuthConfig``), e.g. context store search."""


class ConnectorLookupError(ConfigurationError):
    """Hosted mode: no hosted connector, or several, match the workspace; or a bad callback."""


def shown(value: Any, limit: int = 200) -> str:
    """``repr(value)``, cut to ``limit`` characters: a 10 MB param is not echoed back whole."""
    text = reprlib.repr(value) if isinstance(value, (dict, list, tuple, set)) else repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


class LocalStoreRequired(ConfigurationError):
    """The action needs a local context store (``store=``), e.g. context store aggregates."""


class StoreError(ZendeskTalkError):
    """The local store file cannot be used: another schema version, corrupt, not writable."""

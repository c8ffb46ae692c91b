"""OAuth token bookkeeping: issued access tokens (with expiry) and single-use refresh tokens."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

ACCESS_TTL_MIN = 300
ACCESS_TTL_MAX = 172_800
REFRESH_TTL_MIN = 604_800
REFRESH_TTL_MAX = 7_776_000
REFRESH_TTL_DEFAULT = 2_592_000
SCOPE = "read write"


class InvalidGrant(Exception):
    """The refresh token is unknown, already used, revoked or expired."""


class TokenStore:
    """Access tokens map to an expiry (None = never); refresh tokens are single use."""

    def __init__(
        self, default_ttl: float | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.default_ttl = default_ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._access: dict[str, float | None] = {}
        self._refresh: dict[str, float] = {}

    def issue(
        self,
        expires_in: float | None = None,
        refresh_token_expires_in: float = REFRESH_TTL_DEFAULT,
        *,
        access_token: str | None = None,
        refresh_token: str | None = None,
    ) -> dict[str, Any]:
        """A fresh access/refresh pair, shaped like Zendesk's token response."""
        now = self.clock()
        access = access_token or secrets.token_hex(32)
        refresh = refresh_token or secrets.token_hex(32)
        with self._lock:
            self._access[access] = None if expires_in is None else now + expires_in
            self._refresh[refresh] = now + refresh_token_expires_in
        return {
            "access_token": access,
            "token_type": "bearer",
            "scope": SCOPE,
            "refresh_token": refresh,
            "expires_in": None if expires_in is None else int(expires_in),
            "refresh_token_expires_in": int(refresh_token_expires_in),
        }

    def refresh(
        self, refresh_token: str, expires_in: float | None, refresh_token_expires_in: float
    ) -> dict[str, Any]:
        """Spend ``refresh_token`` (single use) for a new pair."""
        now = self.clock()
        with self._lock:
            expiry = self._refresh.pop(refresh_token, None)
        if expiry is None or expiry <= now:
            raise InvalidGrant(refresh_token)
        ttl = self.default_ttl if expires_in is None else expires_in
        return self.issue(ttl, refresh_token_expires_in)

    def is_valid(self, access_token: str) -> bool:
        with self._lock:
            if access_token not in self._access:
                return False
            expiry = self._access[access_token]
        return expiry is None or expiry > self.clock()

    def expire_all(self) -> None:
        """Every access token issued so far is expired from now on."""
        past = self.clock() - 1
        with self._lock:
            for token in self._access:
                self._access[token] = past

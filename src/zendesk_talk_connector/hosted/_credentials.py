"""The Airbyte application token: fetched from client credentials, renewed before expiry."""

from __future__ import annotations

from pydantic import SecretStr

from .._answer import Answer
from .._auth import REFRESH_SKEW_SECONDS, Credentials
from ..errors import AuthenticationError


class AirbyteTokenCredentials(Credentials):
    """An Airbyte application token from client credentials, renewed before it expires.

    Renewal happens shortly before ``expires_in`` runs out (a tenth of the lifetime, at most
    a minute, early) and on a 401. The drivers run it under their refresh lock, so any number
    of concurrent calls cause one renewal.
    """

    can_refresh = True

    def __init__(self, client_id: str, client_secret: SecretStr) -> None:
        super().__init__("")
        self.client_id = client_id
        self._client_secret = client_secret
        self._has_token = False
        self._expires_at: float | None = None
        self._skew = 0.0

    @property
    def expires_at(self) -> float | None:
        """Epoch seconds when the current token expires (None: no token, or no expiry)."""
        return self._expires_at

    def expiring(self, now: float) -> bool:
        if not self._has_token:
            return True
        return self._expires_at is not None and now >= self._expires_at - self._skew

    def token_body(self) -> dict[str, str]:
        secret = self._client_secret.get_secret_value()
        return {"client_id": self.client_id, "client_secret": secret}

    @staticmethod
    def read_token(response: Answer) -> tuple[str, float | None]:
        """The token and its lifetime (seconds, None if unknown) from the endpoint's answer."""
        try:
            payload = response.json()
        except ValueError:
            payload = None
        token = payload.get("access_token") if isinstance(payload, dict) else None
        if not isinstance(token, str) or not token:
            raise AuthenticationError(
                "The Airbyte token endpoint answered without an access_token.",
                hint="Check airbyte_api_url: it must point at the Airbyte API.",
                status=response.status_code,
            )
        expires_in = payload.get("expires_in") if isinstance(payload, dict) else None
        lifetime = float(expires_in) if isinstance(expires_in, (int, float)) else None
        return token, lifetime

    def use_token(self, token: str, lifetime: float | None, now: float) -> None:
        """Make ``token`` (valid for ``lifetime`` seconds from ``now``) the current one."""
        self._authorization = SecretStr("Bearer " + token)
        self._has_token = True
        self._expires_at = None if lifetime is None else now + lifetime
        self._skew = 0.0 if lifetime is None else min(REFRESH_SKEW_SECONDS, lifetime / 10)

"""Runtime credentials (sans-IO): the Authorization header, and OAuth refresh decisions.

The drivers ask :meth:`Credentials.expiring` before a request and get a 401 after one; they
then run :meth:`OAuthCredentials.refresh_body` / :meth:`OAuthCredentials.apply_refresh`
under a lock, skipping the refresh if another task already replaced the token they used. So
twenty concurrent calls that all hit an expired token cause one refresh, not twenty.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import httpx
from pydantic import SecretStr

from .auth_config import ZendeskTalkApiTokenAuthConfig, ZendeskTalkOauth20AuthConfig
from .errors import AuthenticationError, ConfigurationError

REFRESH_SKEW_SECONDS = 60.0
"""Refresh this long before a known expiry, so a token never expires mid-request."""

TokenCallback = Callable[[ZendeskTalkOauth20AuthConfig], object]


class Credentials:
    """Static credentials: API token (Basic)."""

    can_refresh = False

    def __init__(self, authorization: str) -> None:
        self._authorization = SecretStr(authorization)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(authorization=**********)"

    @property
    def authorization(self) -> str:
        """The ``Authorization`` header value."""
        return self._authorization.get_secret_value()

    def expiring(self, now: float) -> bool:
        return False


def api_token_credentials(config: ZendeskTalkApiTokenAuthConfig) -> Credentials:
    raw = f"{config.email}/token:{config.api_token.get_secret_value()}".encode()
    return Credentials("Basic " + base64.b64encode(raw).decode("ascii"))


class OAuthCredentials(Credentials):
    """A bearer token that refreshes itself (refresh tokens rotate on every use)."""

    def __init__(
        self, config: ZendeskTalkOauth20AuthConfig, on_token_refresh: TokenCallback | None = None
    ) -> None:
        super().__init__("Bearer " + config.access_token.get_secret_value())
        self._config = config
        self._on_token_refresh = on_token_refresh

    @property
    def can_refresh(self) -> bool:  # type: ignore[override]
        return self._config.can_refresh

    @property
    def config(self) -> ZendeskTalkOauth20AuthConfig:
        """The current tokens (after any refresh)."""
        return self._config

    def expiring(self, now: float) -> bool:
        expires_at = self._config.expires_at
        return (
            self.can_refresh and expires_at is not None and now >= expires_at - REFRESH_SKEW_SECONDS
        )

    def refresh_body(self) -> dict[str, Any]:
        """The JSON body of the refresh-token grant sent to ``POST /oauth/tokens``."""
        config = self._config
        if config.refresh_token is None or config.client_id is None:
            raise ConfigurationError(
                "The OAuth access token expired and cannot be refreshed.",
                hint="Give refresh_token and client_id (and client_secret) in "
                "ZendeskTalkOauth20AuthConfig, or a new access_token.",
            )
        body: dict[str, Any] = {
            "grant_type": "refresh_token",
            "refresh_token": config.refresh_token.get_secret_value(),
            "client_id": config.client_id,
        }
        if config.client_secret is not None:
            body["client_secret"] = config.client_secret.get_secret_value()
        return body

    def apply_refresh(self, response: httpx.Response, now: float) -> None:
        """Take the new tokens from the token endpoint's answer (or raise)."""
        if response.status_code >= 400:
            try:
                payload = response.json()
            except ValueError:
                payload = {}
            code = payload.get("error") if isinstance(payload, dict) else None
            raise AuthenticationError(
                f"Refreshing the OAuth token failed with HTTP {response.status_code}"
                + (f" ({code})." if code else "."),
                hint="The refresh token may be used up (they rotate) or revoked: "
                "authorize again to get new tokens.",
                status=response.status_code,
                error=code,
            )
        payload = response.json()
        expires_in = payload.get("expires_in")
        refresh = payload.get("refresh_token")
        self._config = self._config.model_copy(
            update={
                "access_token": SecretStr(payload["access_token"]),
                "refresh_token": SecretStr(refresh) if refresh else self._config.refresh_token,
                "expires_at": now + float(expires_in) if expires_in else None,
            }
        )
        self._authorization = SecretStr("Bearer " + payload["access_token"])
        if self._on_token_refresh is not None:
            self._on_token_refresh(self._config)


def credentials_for(
    auth_config: ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig,
    on_token_refresh: TokenCallback | None,
) -> Credentials:
    if isinstance(auth_config, ZendeskTalkApiTokenAuthConfig):
        return api_token_credentials(auth_config)
    if isinstance(auth_config, ZendeskTalkOauth20AuthConfig):
        return OAuthCredentials(auth_config, on_token_refresh)
    raise ConfigurationError(
        f"Unsupported auth_config type {type(auth_config).__name__}.",
        hint="Use ZendeskTalkApiTokenAuthConfig or ZendeskTalkOauth20AuthConfig.",
    )

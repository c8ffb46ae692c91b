"""Runtime credentials (sans-IO): the Authorization header, and OAuth refresh decisions.

The drivers ask :meth:`Credentials.expiring` before a request and get a 401 after one; they
then run :meth:`OAuthCredentials.refresh_body` / :meth:`OAuthCredentials.apply_refresh`
under a lock, skipping the refresh if another task already replaced the token they used. So
twenty concurrent calls that all hit an expired token cause one refresh, not twenty.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Callable
from typing import Any

from pydantic import SecretStr

from ._answer import Answer
from .auth_config import ZendeskTalkApiTokenAuthConfig, ZendeskTalkOauth20AuthConfig
from .errors import AuthenticationError, ConfigurationError

REFRESH_SKEW_SECONDS = 60.0
"""Refresh this long before a known expiry, so a token never expires mid-request."""

TokenCallback = Callable[[ZendeskTalkOauth20AuthConfig], object]
MAX_TOKEN_LENGTH = 8_192
"""Longer than any OAuth token; a longer one would only be refused by the server (431)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HEADER_TOKEN = re.compile(r"[\x21-\x7e]+")
"""What a bearer token may hold: it goes into a header as it is (visible ASCII, no spaces)."""


def credential_problem(value: str, *, header: bool) -> str | None:
    """What makes a credential unusable (never quoting it), or None when it is fine.

    ``header``: the value goes into the ``Authorization`` header verbatim (a bearer token);
    otherwise it is encoded first (Basic) or sent in a JSON body.
    """
    if header and len(value) > MAX_TOKEN_LENGTH:
        return f"is longer than {MAX_TOKEN_LENGTH:,} characters"
    if header and not _HEADER_TOKEN.fullmatch(value):
        return "must be visible ASCII without spaces (is there a trailing newline?)"
    if _CONTROL.search(value):
        return "contains control characters (is there a trailing newline?)"
    return None


def check_credentials(fields: dict[str, tuple[str | None, bool]]) -> None:
    """Raise :class:`ConfigurationError` naming the first unusable field (never its value)."""
    for name, (value, header) in fields.items():
        problem = None if value is None else credential_problem(value, header=header)
        if problem is not None:
            raise ConfigurationError(
                f"The credential {name} {problem}.",
                hint=f"Give {name} exactly as issued, without surrounding whitespace.",
            )


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
    check_credentials(
        {
            "email": (config.email, False),
            "api_token": (config.api_token.get_secret_value(), False),
        }
    )
    raw = f"{config.email}/token:{config.api_token.get_secret_value()}".encode()
    return Credentials("Basic " + base64.b64encode(raw).decode("ascii"))


class OAuthCredentials(Credentials):
    """A bearer token that refreshes itself (refresh tokens rotate on every use)."""

    def __init__(
        self, config: ZendeskTalkOauth20AuthConfig, on_token_refresh: TokenCallback | None = None
    ) -> None:
        check_credentials(
            {
                "access_token": (config.access_token.get_secret_value(), True),
                "refresh_token": (_secret(config.refresh_token), False),
                "client_id": (config.client_id, False),
                "client_secret": (_secret(config.client_secret), False),
            }
        )
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

    def apply_refresh(self, response: Answer, now: float) -> None:
        """Take the new tokens from the token endpoint's answer (or raise).

        Any answer but a JSON object with a usable ``access_token`` is an
        :class:`AuthenticationError`; an unusable ``expires_in`` only makes the expiry
        unknown (the token is refreshed on its first 401 instead), since the refresh token
        was used up either way.
        """
        payload = _json_object(response)
        if response.status_code >= 300:
            code = payload.get("error")
            code = code[:100] if isinstance(code, str) else None
            raise AuthenticationError(
                f"Refreshing the OAuth token failed with HTTP {response.status_code}"
                + (f" ({code})." if code else "."),
                hint="The refresh token may be used up (they rotate) or revoked: "
                "authorize again to get new tokens.",
                status=response.status_code,
                error=code,
            )
        token = payload.get("access_token")
        problem = (
            "is missing"
            if not isinstance(token, str) or not token
            else credential_problem(token, header=True)
        )
        if problem is not None:
            raise AuthenticationError(
                f"The OAuth token endpoint answered without a usable access_token (it {problem}).",
                hint="The token endpoint (or a proxy in front of it) answered oddly: authorize "
                "again to get new tokens.",
                status=response.status_code,
            )
        assert isinstance(token, str)
        refresh = payload.get("refresh_token")
        expires_in = payload.get("expires_in")
        if isinstance(expires_in, str):
            expires_in = _float_or_none(expires_in)
        usable = (
            isinstance(expires_in, (int, float))
            and not isinstance(expires_in, bool)
            and math.isfinite(expires_in)
            and 0 < expires_in < 10**9
        )
        self._config = self._config.model_copy(
            update={
                "access_token": SecretStr(token),
                "refresh_token": SecretStr(refresh)
                if isinstance(refresh, str) and refresh
                else self._config.refresh_token,
                "expires_at": now + float(expires_in) if usable and expires_in else None,
            }
        )
        self._authorization = SecretStr("Bearer " + token)
        if self._on_token_refresh is not None:
            self._on_token_refresh(self._config)


def _json_object(response: Answer) -> dict[str, Any]:
    """The body as a JSON object; an empty one for anything else (HTML, arrays, too deep)."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        return {}
    return body if isinstance(body, dict) else {}


def _float_or_none(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _secret(value: SecretStr | None) -> str | None:
    return None if value is None else value.get_secret_value()


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

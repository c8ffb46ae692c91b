"""Creating hosted connectors: the create and OAuth-initiate bodies, and the callback."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)

from .._engine import describe_validation_error, resolve_base_url
from ..auth_config import ZendeskTalkApiTokenAuthConfig, ZendeskTalkOauth20AuthConfig
from ..errors import ConfigurationError, ConnectorLookupError
from ..params import to_epoch_seconds
from ._api import CONNECTOR_TYPE

CONNECTOR_NAME = "zendesk-talk"


def _start_date(value: Any) -> Any:
    epoch = to_epoch_seconds(value)  # raises ValueError (a validation error) for bad text
    if isinstance(epoch, int) and not isinstance(epoch, bool):
        # The API takes whole UTC days: the documented format is YYYY-MM-DDT00:00:00Z.
        return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT00:00:00Z")
    return value


class ZendeskTalkReplicationConfig(BaseModel):
    """Settings of a hosted Zendesk Talk connector: from when Airbyte syncs (and where)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start_date: Annotated[str, BeforeValidator(_start_date)] = Field(
        description="Sync data from this day on (UTC): ISO 8601, a date, a datetime or epoch "
        "seconds; sent as 'YYYY-MM-DDT00:00:00Z' (the time of day is dropped)."
    )
    subdomain: str | None = Field(
        None,
        description="The Zendesk subdomain ('acme' for acme.zendesk.com); sent only if given.",
    )

    @field_validator("subdomain")
    @classmethod
    def _check_subdomain(cls, value: str | None) -> str | None:
        if value is None:
            return None
        host = resolve_base_url(value, None)  # raises ConfigurationError (a ValueError)
        return host.removeprefix("https://").split(".")[0]


ReplicationInput = ZendeskTalkReplicationConfig | Mapping[str, Any]
ZendeskAuth = ZendeskTalkApiTokenAuthConfig | ZendeskTalkOauth20AuthConfig


def replication_body(config: ReplicationInput) -> dict[str, Any]:
    """The ``replication_config`` to send (validated; unset optional fields left out)."""
    if isinstance(config, Mapping):
        try:
            config = ZendeskTalkReplicationConfig.model_validate(dict(config))
        except ValidationError as exc:
            raise describe_validation_error(
                "replication_config", tuple(ZendeskTalkReplicationConfig.model_fields), exc
            ) from None
    return config.model_dump(exclude_none=True)


def credentials_body(auth_config: ZendeskAuth) -> dict[str, Any]:
    """Zendesk credentials as the create request carries them (the secrets revealed)."""
    if isinstance(auth_config, ZendeskTalkApiTokenAuthConfig):
        return {"email": auth_config.email, "api_token": auth_config.api_token.get_secret_value()}
    if isinstance(auth_config, ZendeskTalkOauth20AuthConfig):
        fields = ("access_token", "refresh_token", "client_id", "client_secret")
        values = {name: getattr(auth_config, name) for name in fields}
        return {
            name: value.get_secret_value() if isinstance(value, SecretStr) else value
            for name, value in values.items()
            if value is not None
        }
    raise ConfigurationError(
        f"create() needs Zendesk credentials, not {type(auth_config).__name__}.",
        hint="Pass ZendeskTalkApiTokenAuthConfig or ZendeskTalkOauth20AuthConfig as auth_config.",
    )


def create_body(
    workspace: str, auth_config: ZendeskAuth, replication: ReplicationInput, name: str | None
) -> dict[str, Any]:
    """The documented create request."""
    return {
        "customer_name": workspace,
        "connector_type": CONNECTOR_TYPE,
        "name": name or f"{CONNECTOR_NAME} - {workspace}",
        "credentials": credentials_body(auth_config),
        "replication_config": replication_body(replication),
    }


def initiate_body(
    workspace: str, redirect_url: str, replication: ReplicationInput | None
) -> dict[str, Any]:
    """The documented OAuth-initiate request (``replication_config`` only when given)."""
    parts = urlsplit(redirect_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            f"redirect_url {redirect_url!r} is not an http(s) URL.",
            hint="Give the URL of your app's callback, e.g. 'https://app.example/callback'.",
        )
    body: dict[str, Any] = {
        "customer_name": workspace,
        "connector_type": CONNECTOR_TYPE,
        "redirect_url": redirect_url,
    }
    if replication is not None:
        body["replication_config"] = replication_body(replication)
    return body


def connector_id_from_callback(url: str) -> str:
    """The ``connector_id`` of the OAuth callback URL the consent flow redirects to.

    Raises :class:`ConnectorLookupError` when the user denied consent (``error=``) or the URL
    has no ``connector_id``.
    """
    query = parse_qs(urlsplit(url).query)
    error = query.get("error")
    if error:
        description = (query.get("error_description") or [""])[0]
        raise ConnectorLookupError(
            f"The OAuth consent did not complete: {error[0]}"
            + (f" - {description}." if description else "."),
            hint="Ask the user to authorize again (get_consent_url gives a new consent URL).",
            error=error[0],
            description=description or None,
        )
    ids = [value for value in query.get("connector_id", []) if value.strip()]
    if len(ids) != 1:
        raise ConnectorLookupError(
            "The callback URL has no single connector_id query parameter.",
            hint="Pass the full URL the consent flow redirected to, e.g. "
            "'https://app.example/callback?connector_id=...'.",
        )
    return ids[0].strip()

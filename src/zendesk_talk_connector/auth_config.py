"""Credential models, named as in the reference connector. Secrets are ``SecretStr``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

__all__ = [
    "AirbyteAuthConfig",
    "ZendeskTalkApiTokenAuthConfig",
    "ZendeskTalkOauth20AuthConfig",
]


class _AuthConfig(BaseModel):
    # Built when first constructed: a program uses one of the three.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ZendeskTalkApiTokenAuthConfig(_AuthConfig):
    """API token auth: HTTP Basic with ``{email}/token`` and the token."""

    email: str = Field(min_length=3, description="Email of the Zendesk user the token acts as.")
    api_token: SecretStr = Field(description="API token from Admin Center > Apps and integrations.")


class ZendeskTalkOauth20AuthConfig(_AuthConfig):
    """OAuth 2.0 bearer token, refreshed on expiry or 401 when a refresh token is given."""

    access_token: SecretStr = Field(description="OAuth access token.")
    refresh_token: SecretStr | None = Field(None, description="Refresh token (rotates on use).")
    client_id: str | None = Field(None, description="OAuth client id (needed to refresh).")
    client_secret: SecretStr | None = Field(None, description="OAuth client secret.")
    expires_at: float | None = Field(
        None, description="Epoch seconds when the access token expires, if known."
    )

    @property
    def can_refresh(self) -> bool:
        return self.refresh_token is not None and self.client_id is not None


class AirbyteAuthConfig(_AuthConfig):
    """Hosted execution through the Airbyte API (``customer_name`` is the older name)."""

    workspace_name: str | None = None
    customer_name: str | None = None
    organization_id: str | None = None
    airbyte_client_id: str
    airbyte_client_secret: SecretStr
    connector_id: str | None = None

    @model_validator(mode="after")
    def _needs_a_workspace(self) -> AirbyteAuthConfig:
        if not (self.workspace_name or self.customer_name or self.connector_id):
            raise ValueError("give workspace_name (or customer_name), or connector_id")
        return self

"""The Airbyte API's addresses and the envelope of its execute answers.

The wire protocol (``{api}`` is ``https://api.airbyte.ai`` unless configured)::

    POST {api}/api/v1/account/applications/token    {client_id, client_secret}
         -> {access_token, token_type, expires_in}
    GET  {api}/api/v1/integrations/connectors?workspace_name=...&definition_id=...
         -> {data: [{id, ...}, ...]}
    POST {api}/api/v1/integrations/connectors        {customer_name, connector_type, name,
         credentials, replication_config: {start_date}} -> {id, ...}
    POST {api}/api/v1/integrations/connectors/oauth/initiate   {customer_name,
         connector_type, redirect_url[, replication_config]} -> {consent_url}
    POST {api}/api/v1/integrations/connectors/{id}/execute     {entity, action, params}
         -> {status, result, connector_metadata, execution_metadata}

Every request carries ``X-Organization-Id`` when ``organization_id`` is set.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .._answer import Answer
from .._engine import resolve_base_url
from ..errors import ConfigurationError, ServerError

ZENDESK_TALK_DEFINITION_ID = "c8630570-086d-4a40-99ae-ea5b18673071"
"""Airbyte's source definition id for Zendesk Talk (selects this connector's instances)."""
CONNECTOR_TYPE = "Zendesk-Talk"
"""The ``connector_type`` the create and OAuth-initiate requests name."""
DEFAULT_AIRBYTE_API_URL = "https://api.airbyte.ai"
AIRBYTE_API_URL_ENV = "AIRBYTE_API_URL"
TOKEN_PATH = "/api/v1/account/applications/token"
CONNECTORS_PATH = "/api/v1/integrations/connectors"
OAUTH_INITIATE_PATH = CONNECTORS_PATH + "/oauth/initiate"
CHECK_ENTITY, CHECK_ACTION = "*", "check"
"""The execute request of the platform's health check."""
CHANGED_HINT = "The Airbyte API may have changed; report this with the call that failed."


def resolve_airbyte_api_url(url: str | None = None) -> str:
    """``url``, else ``$AIRBYTE_API_URL``, else the public Airbyte API; validated."""
    chosen = url or os.environ.get(AIRBYTE_API_URL_ENV) or DEFAULT_AIRBYTE_API_URL
    try:
        return resolve_base_url(None, chosen)
    except ConfigurationError as error:
        raise ConfigurationError(
            f"airbyte_api_url {chosen!r} is not a valid http(s) URL.",
            hint=f"Pass airbyte_api_url= (or set {AIRBYTE_API_URL_ENV}) to e.g. "
            f"{DEFAULT_AIRBYTE_API_URL!r} or the sandbox's base_url.",
        ) from error


def json_object(response: Answer) -> dict[str, Any]:
    """The JSON object in a success answer; a :class:`ServerError` for anything else."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ServerError(
            f"Unexpected answer from the Airbyte API ({response.url.path}): not a JSON object.",
            hint="Check airbyte_api_url: it must point at the Airbyte API.",
        )
    return body


@dataclass(frozen=True)
class ExecuteAnswer:
    """An execute answer: ``result`` as sent, and the connector's paging metadata."""

    result: Any
    next_page: str | None
    count: int | None

    @classmethod
    def read(cls, body: dict[str, Any], what: str) -> ExecuteAnswer:
        """The answer in ``body``; a :class:`ServerError` when it has no ``result``."""
        if "result" not in body:
            raise ServerError(
                f"Unexpected answer from the Airbyte API for {what}: no 'result'.",
                hint=CHANGED_HINT,
            )
        meta = body.get("connector_metadata")
        meta = meta if isinstance(meta, dict) else {}
        next_page, count = meta.get("next_page"), meta.get("count")
        return cls(
            result=body["result"],
            next_page=next_page if isinstance(next_page, str) and next_page else None,
            count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        )

    def items(self) -> list[dict[str, Any]]:
        """The raw records of a list answer (one object counts as a one-record list)."""
        result = self.result
        if isinstance(result, dict):
            return [result]
        if isinstance(result, list):
            return [item for item in result if isinstance(item, dict)]
        return []

"""The hosted engine: the same flows as local mode, requests to the Airbyte API.

:class:`HostedEngine` is an :class:`~..engine.Engine`, so both connectors drive it unchanged:
params are validated locally, every exchange goes through ``Engine.request`` (retries,
``Retry-After``, one token renewal under concurrency via the drivers' refresh lock), and
results come back in the same envelope and typed records as in local mode. Errors of the
execute endpoint (400/422, 401/403, 404, 429, 5xx with a ``detail``) map to the same
exception hierarchy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from .._answer import Answer
from .._engine import Engine, ExecuteResult, Flow, Listing, Refresh
from .._record_base import parse_record
from .._retry import IDEMPOTENT_METHODS, RetryPolicy
from ..auth_config import AirbyteAuthConfig
from ..catalog import Operation, Paging
from ..errors import (
    AuthenticationError,
    ConfigurationError,
    ConnectorLookupError,
    ServerError,
    ZendeskTalkError,
)
from ..params import Params
from ..records import Record
from ..results import CheckResult
from ._api import (
    CHANGED_HINT,
    CHECK_ACTION,
    CHECK_ENTITY,
    CONNECTORS_PATH,
    OAUTH_INITIATE_PATH,
    TOKEN_PATH,
    ZENDESK_TALK_DEFINITION_ID,
    ExecuteAnswer,
    json_object,
)
from ._credentials import AirbyteTokenCredentials
from ._listing import ExportListing, FirstPageListing, platform_params
from ._provisioning import ReplicationInput, ZendeskAuth, create_body, initiate_body
from ._search import search_result

logger = logging.getLogger("zendesk_talk_connector")
MAX_LOOKUP_ROUNDS = 3
_UNHEALTHY = {"error", "failed", "failure", "unhealthy"}


class HostedEngine(Engine):
    """The :class:`Engine` of a hosted connector: same flows, requests to the Airbyte API."""

    credentials: AirbyteTokenCredentials

    def __init__(
        self,
        *,
        auth_config: AirbyteAuthConfig,
        api_url: str,
        retry: RetryPolicy,
        clock: Callable[[], float],
        allow_writes: bool,
    ) -> None:
        super().__init__(
            base_url=api_url,
            credentials=AirbyteTokenCredentials(
                auth_config.airbyte_client_id, auth_config.airbyte_client_secret
            ),
            retry=retry,
            clock=clock,
            allow_writes=allow_writes,
        )
        self.auth_config = auth_config
        self.workspace_name = auth_config.workspace_name or auth_config.customer_name
        self._connector_id = auth_config.connector_id
        self._lookup_wanted = False
        if auth_config.organization_id:
            self.headers["X-Organization-Id"] = auth_config.organization_id

    def __repr__(self) -> str:
        return (
            f"HostedEngine(api_url={self.base_url!r}, workspace_name={self.workspace_name!r}, "
            f"connector_id={self._connector_id!r}, allow_writes={self.allow_writes})"
        )

    @property
    def connector_id(self) -> str | None:
        """The hosted connector's id (None until given, looked up or created)."""
        return self._connector_id

    # -- token and connector lookup (run under the drivers' refresh lock) -----------------

    def refresh(self) -> Flow[None]:
        """Fetch a new application token; then look the connector up if a call needs it."""
        logger.info("fetching an Airbyte application token")
        response = yield from self.request(
            "POST",
            self.base_url + TOKEN_PATH,
            json=self.credentials.token_body(),
            authorize=False,
            idempotent=True,
        )
        token, lifetime = self.credentials.read_token(response)
        fetched_at = self.clock()
        try:
            if self._connector_id is None and self._lookup_wanted:
                self._connector_id = yield from self._lookup("Bearer " + token)
        finally:
            # Only now does the token change, so calls that waited for this refresh see a
            # new token *and* the connector id, and do not refresh again.
            self.credentials.use_token(token, lifetime, fetched_at)

    def _lookup(self, authorization: str) -> Flow[str]:
        workspace = self._require_workspace("find the hosted connector")
        response = yield from self.request(
            "GET",
            self.base_url + CONNECTORS_PATH,
            query={"workspace_name": workspace, "definition_id": ZENDESK_TALK_DEFINITION_ID},
            authorize=False,
            headers={"Authorization": authorization},
        )
        items = json_object(response).get("data")
        if not isinstance(items, list):
            raise ServerError(
                "Unexpected answer from the Airbyte API's connector list: no 'data' list.",
                hint="Check airbyte_api_url: it must point at the Airbyte API.",
            )
        found = [
            str(item["id"])
            for item in items
            if isinstance(item, dict)
            and item.get("id")
            and item.get("definition_id", ZENDESK_TALK_DEFINITION_ID) == ZENDESK_TALK_DEFINITION_ID
        ]
        if not found:
            raise ConnectorLookupError(
                f"No hosted Zendesk Talk connector in workspace {workspace!r}.",
                hint="Create one with ZendeskTalkConnector.create(...) or the OAuth consent "
                "flow (get_consent_url), check the workspace name, or pass connector_id=.",
            )
        if len(found) > 1:
            raise ConnectorLookupError(
                f"{len(found)} hosted Zendesk Talk connectors in workspace {workspace!r}: "
                f"{', '.join(found)}.",
                hint="Pass connector_id= in AirbyteAuthConfig to pick one.",
            )
        logger.info("using hosted connector %s", found[0])
        return found[0]

    def _require_workspace(self, purpose: str) -> str:
        if not self.workspace_name:
            raise ConfigurationError(
                f"A workspace name is needed to {purpose}.",
                hint="Give workspace_name= (or customer_name=) in AirbyteAuthConfig.",
            )
        return self.workspace_name

    def _resolve(self) -> Flow[str]:
        """The connector id, looked up once (under the refresh lock) when not given."""
        rounds = 0
        while self._connector_id is None:
            if rounds == MAX_LOOKUP_ROUNDS:
                raise ConnectorLookupError(
                    "Could not resolve the hosted connector.",
                    hint="Pass connector_id= in AirbyteAuthConfig.",
                )
            rounds += 1
            self._lookup_wanted = True
            yield Refresh(self.credentials.authorization)
        return self._connector_id

    def error_for(
        self, response: Answer, operation: Operation | None, retry_after: float | None
    ) -> ZendeskTalkError:
        error = super().error_for(response, operation, retry_after)
        if isinstance(error, AuthenticationError):
            if response.url.path.endswith("/execute"):
                error.hint = (
                    "The hosted connector's Zendesk credentials were refused: create the "
                    "connector again (create() or get_consent_url()) with valid credentials."
                )
            else:
                error.hint = (
                    "Check airbyte_client_id and airbyte_client_secret (and organization_id): "
                    "the Airbyte API refused them."
                )
        elif isinstance(error, ServerError):
            error.hint = "The Airbyte API (or Zendesk behind it) failed; try again later."
        return error

    # -- execution ----------------------------------------------------------------------

    def _execute(
        self, entity: str, action: str, params: dict[str, Any], operation: Operation | None
    ) -> Flow[dict[str, Any]]:
        """One execute request; the answer's JSON object."""
        connector_id = yield from self._resolve()
        url = f"{self.base_url}{CONNECTORS_PATH}/{quote(connector_id, safe='')}/execute"
        response = yield from self.request(
            "POST",
            url,
            json={"entity": entity, "action": action, "params": params},
            operation=operation,
            idempotent=operation is None or operation.method.upper() in IDEMPOTENT_METHODS,
        )
        return json_object(response)

    def call(self, operation: Operation, params: dict[str, Any]) -> Flow[ExecuteAnswer]:
        """Execute ``operation`` on the platform with exactly these params."""
        body = yield from self._execute(operation.entity, operation.action, params, operation)
        return ExecuteAnswer.read(body, f"{operation.entity}/{operation.action}")

    def check(self) -> Flow[CheckResult]:
        """The platform's health check of the hosted connector; never raising."""
        checked = f"{CHECK_ENTITY}/{CHECK_ACTION}"
        try:
            body = yield from self._execute(CHECK_ENTITY, CHECK_ACTION, {}, None)
        except ZendeskTalkError as error:
            return CheckResult(status="unhealthy", error=str(error), checked=checked)
        problem = _check_problem(body)
        return CheckResult(
            status="unhealthy" if problem else "healthy", error=problem, checked=checked
        )

    def _one(self, operation: Operation, params: Params) -> Flow[Record]:
        answer = yield from self.call(operation, platform_params(operation, params))
        result = answer.result
        if isinstance(result, list) and len(result) == 1:
            result = result[0]
        if not isinstance(result, dict):
            raise ServerError(
                f"Unexpected answer from the Airbyte API for {operation.entity}/"
                f"{operation.action}: 'result' is not a record.",
                hint=CHANGED_HINT,
            )
        return parse_record(operation.record, result)

    @property
    def has_context_store(self) -> bool:
        return True

    def listing(self, operation: Operation, params: Params, limit: int | None) -> Listing:
        if operation.paging is Paging.INCREMENTAL:
            return ExportListing(self, operation, params, limit)
        return FirstPageListing(self, operation, params, limit)

    def search(self, operation: Operation, params: Params) -> Flow[ExecuteResult]:
        """``context_store_search``: query the records Airbyte synced for the entity."""
        values = params.model_dump(mode="json", exclude_none=True)
        answer = yield from self.call(operation, values)
        return search_result(operation, answer.result)

    # -- helpers for ZendeskTalkConnector.create / get_consent_url ----------------------

    def create_connector(
        self, auth_config: ZendeskAuth, replication_config: ReplicationInput, name: str | None
    ) -> Flow[str]:
        """Create a hosted connector holding these Zendesk credentials; bind to it."""
        workspace = self._require_workspace("create a hosted connector")
        if self._connector_id is not None:
            raise ConfigurationError(
                "create() makes a new hosted connector: leave connector_id out of airbyte_config.",
                hint="To use an existing connector, build the connector with connector_id=.",
            )
        body = create_body(workspace, auth_config, replication_config, name)
        self._connector_id = yield from self._provision(CONNECTORS_PATH, body, "id")
        return self._connector_id

    def consent_url(
        self, redirect_url: str, replication_config: ReplicationInput | None
    ) -> Flow[str]:
        """Start the server-side OAuth flow; the URL to send the user to."""
        workspace = self._require_workspace("start the OAuth consent flow")
        body = initiate_body(workspace, redirect_url, replication_config)
        return (yield from self._provision(OAUTH_INITIATE_PATH, body, "consent_url"))

    def _provision(self, path: str, body: dict[str, Any], key: str) -> Flow[str]:
        """POST ``body`` to ``path``; the answer's ``key`` (a non-empty string)."""
        response = yield from self.request("POST", self.base_url + path, json=body)
        value = json_object(response).get(key)
        if not isinstance(value, str) or not value:
            raise ServerError(
                f"The Airbyte API answered {path} without a {key!r}.",
                hint="Check airbyte_api_url: it must point at the Airbyte API.",
            )
        return value


def _check_problem(body: dict[str, Any]) -> str | None:
    """Why a health check answer says unhealthy (None: healthy), read leniently."""
    result = body.get("result")
    for holder in (result if isinstance(result, dict) else {}, body):
        status = holder.get("status")
        if isinstance(status, str) and status.lower() in _UNHEALTHY:
            reason = holder.get("error") or holder.get("message") or holder.get("detail")
            return str(reason) if reason else f"The hosted connector's check said {status!r}."
    return None

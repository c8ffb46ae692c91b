"""Hosted execution through the Airbyte API: the same flows, a different executor.

Modules: ``_api`` (addresses and the execute answer), ``_credentials`` (the application
token), ``_provisioning`` (create, OAuth consent, callback), ``_search`` (context store
answers), ``_listing`` (what hosted lists can page), ``_engine`` (:class:`HostedEngine`).
"""

from ._api import (
    AIRBYTE_API_URL_ENV,
    CONNECTOR_TYPE,
    CONNECTORS_PATH,
    DEFAULT_AIRBYTE_API_URL,
    OAUTH_INITIATE_PATH,
    TOKEN_PATH,
    ZENDESK_TALK_DEFINITION_ID,
    resolve_airbyte_api_url,
)
from ._credentials import AirbyteTokenCredentials
from ._engine import HostedEngine
from ._listing import FIRST_PAGE_ONLY
from ._provisioning import ZendeskTalkReplicationConfig, connector_id_from_callback
from ._search import SearchMeta

__all__ = [
    "AIRBYTE_API_URL_ENV",
    "CONNECTORS_PATH",
    "CONNECTOR_TYPE",
    "DEFAULT_AIRBYTE_API_URL",
    "FIRST_PAGE_ONLY",
    "OAUTH_INITIATE_PATH",
    "TOKEN_PATH",
    "ZENDESK_TALK_DEFINITION_ID",
    "AirbyteTokenCredentials",
    "HostedEngine",
    "SearchMeta",
    "ZendeskTalkReplicationConfig",
    "connector_id_from_callback",
    "resolve_airbyte_api_url",
]

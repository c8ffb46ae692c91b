"""Typed, safe and fast access to Zendesk Talk (Voice) for AI agents.

Nothing here does I/O at import or construction: no network, no telemetry, no files. The
public names are imported from their modules on first access, so ``import
zendesk_talk_connector`` costs next to nothing and a program pays only for what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .auth_config import (
        AirbyteAuthConfig,
        ZendeskTalkApiTokenAuthConfig,
        ZendeskTalkOauth20AuthConfig,
    )
    from .connector import SyncZendeskTalkConnector, ZendeskTalkConnector
    from .errors import (
        APIStatusError,
        AuthenticationError,
        ConfigurationError,
        ConnectorLookupError,
        HostedModeRequired,
        InvalidParams,
        LocalStoreRequired,
        NotFound,
        PermissionDenied,
        RateLimited,
        ServerError,
        StoreError,
        TransportError,
        UnknownOperation,
        UnsafeNextPage,
        WriteNotAllowed,
        ZendeskTalkError,
    )
    from .hosted import ZendeskTalkReplicationConfig
    from .results import CheckResult, ListMeta, ZendeskTalkExecuteResult
    from .retry import RetryPolicy

_MODULE_OF = {
    "AirbyteAuthConfig": "auth_config",
    "ZendeskTalkApiTokenAuthConfig": "auth_config",
    "ZendeskTalkOauth20AuthConfig": "auth_config",
    "SyncZendeskTalkConnector": "connector",
    "ZendeskTalkConnector": "connector",
    "APIStatusError": "errors",
    "AuthenticationError": "errors",
    "ConfigurationError": "errors",
    "ConnectorLookupError": "errors",
    "HostedModeRequired": "errors",
    "InvalidParams": "errors",
    "LocalStoreRequired": "errors",
    "NotFound": "errors",
    "PermissionDenied": "errors",
    "RateLimited": "errors",
    "ServerError": "errors",
    "StoreError": "errors",
    "TransportError": "errors",
    "UnknownOperation": "errors",
    "UnsafeNextPage": "errors",
    "WriteNotAllowed": "errors",
    "ZendeskTalkError": "errors",
    "CheckResult": "results",
    "ListMeta": "results",
    "ZendeskTalkExecuteResult": "results",
    "RetryPolicy": "retry",
    "ZendeskTalkReplicationConfig": "hosted",
}

__all__ = [
    "APIStatusError",
    "AirbyteAuthConfig",
    "AuthenticationError",
    "CheckResult",
    "ConfigurationError",
    "ConnectorLookupError",
    "HostedModeRequired",
    "InvalidParams",
    "ListMeta",
    "LocalStoreRequired",
    "NotFound",
    "PermissionDenied",
    "RateLimited",
    "RetryPolicy",
    "ServerError",
    "StoreError",
    "SyncZendeskTalkConnector",
    "TransportError",
    "UnknownOperation",
    "UnsafeNextPage",
    "WriteNotAllowed",
    "ZendeskTalkApiTokenAuthConfig",
    "ZendeskTalkConnector",
    "ZendeskTalkError",
    "ZendeskTalkExecuteResult",
    "ZendeskTalkOauth20AuthConfig",
    "ZendeskTalkReplicationConfig",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return __all__

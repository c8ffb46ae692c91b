"""Typed, safe and fast access to Zendesk Talk (Voice) for AI agents.

Nothing here does I/O at import or construction: no network, no telemetry, no files. The
public names are imported from their modules on first access, so ``import
zendesk_talk_connector`` costs next to nothing and a program pays only for what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

if TYPE_CHECKING:
    from ._retry import RetryPolicy as RetryPolicy
    from .auth_config import (
        AirbyteAuthConfig as AirbyteAuthConfig,
        ZendeskTalkApiTokenAuthConfig as ZendeskTalkApiTokenAuthConfig,
        ZendeskTalkOauth20AuthConfig as ZendeskTalkOauth20AuthConfig,
    )
    from .connector import (
        SyncZendeskTalkConnector as SyncZendeskTalkConnector,
        ZendeskTalkConnector as ZendeskTalkConnector,
    )
    from .errors import (
        APIStatusError as APIStatusError,
        AuthenticationError as AuthenticationError,
        ConfigurationError as ConfigurationError,
        ConnectorLookupError as ConnectorLookupError,
        HostedModeRequired as HostedModeRequired,
        InvalidParams as InvalidParams,
        LocalStoreRequired as LocalStoreRequired,
        NotFound as NotFound,
        PermissionDenied as PermissionDenied,
        RateLimited as RateLimited,
        ResponseTooLarge as ResponseTooLarge,
        ServerError as ServerError,
        StoreError as StoreError,
        TransportError as TransportError,
        UnknownOperation as UnknownOperation,
        UnsafeNextPage as UnsafeNextPage,
        WriteNotAllowed as WriteNotAllowed,
        ZendeskTalkError as ZendeskTalkError,
    )
    from .hosted import ZendeskTalkReplicationConfig as ZendeskTalkReplicationConfig
    from .results import (
        CheckResult as CheckResult,
        ListMeta as ListMeta,
        ZendeskTalkExecuteResult as ZendeskTalkExecuteResult,
    )

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
    "ResponseTooLarge": "errors",
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
    "RetryPolicy": "_retry",
    "ZendeskTalkReplicationConfig": "hosted",
}

__all__ = sorted([*_MODULE_OF, "__version__"])
"""The public names: those of ``_MODULE_OF`` (a test checks the typing imports above name
the same ones, each re-exported ``as`` itself for type checkers)."""


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return __all__

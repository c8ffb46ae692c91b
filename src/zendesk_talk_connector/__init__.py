"""Typed, safe and fast access to Zendesk Talk (Voice) for AI agents.

Nothing here does I/O at import or construction: no network, no telemetry, no files.
"""

from ._version import __version__
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
    InvalidParams,
    NotFound,
    PermissionDenied,
    RateLimited,
    ServerError,
    TransportError,
    UnknownOperation,
    UnsafeNextPage,
    WriteNotAllowed,
    ZendeskTalkError,
)
from .results import CheckResult, ListMeta, ZendeskTalkExecuteResult
from .retry import RetryPolicy

__all__ = [
    "APIStatusError",
    "AirbyteAuthConfig",
    "AuthenticationError",
    "CheckResult",
    "ConfigurationError",
    "InvalidParams",
    "ListMeta",
    "NotFound",
    "PermissionDenied",
    "RateLimited",
    "RetryPolicy",
    "ServerError",
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
    "__version__",
]

"""Models, under the module name the reference connector uses (``...models``)."""

from .auth_config import (
    AirbyteAuthConfig,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkOauth20AuthConfig,
)
from .hosted import ZendeskTalkReplicationConfig
from .records import (
    AccountOverview,
    Address,
    AgentActivity,
    AgentsOverview,
    Availability,
    AvailablePhoneNumber,
    Call,
    CallLeg,
    CurrentQueueActivity,
    DigitalLine,
    Greeting,
    GreetingCategory,
    Ivr,
    IvrMenu,
    IvrRoute,
    Line,
    PhoneNumber,
    Record,
)
from .results import ListMeta, ZendeskTalkExecuteResult

__all__ = [
    "AccountOverview",
    "Address",
    "AgentActivity",
    "AgentsOverview",
    "AirbyteAuthConfig",
    "Availability",
    "AvailablePhoneNumber",
    "Call",
    "CallLeg",
    "CurrentQueueActivity",
    "DigitalLine",
    "Greeting",
    "GreetingCategory",
    "Ivr",
    "IvrMenu",
    "IvrRoute",
    "Line",
    "ListMeta",
    "PhoneNumber",
    "Record",
    "ZendeskTalkApiTokenAuthConfig",
    "ZendeskTalkExecuteResult",
    "ZendeskTalkOauth20AuthConfig",
    "ZendeskTalkReplicationConfig",
]

"""The catalog: ONE table of every operation. Every face is derived from it.

Adding an entity is one row here plus its params and record models (named in the row, in
:mod:`.params` and :mod:`.records`): the connector's
``execute``, the typed namespaces, the tools for LLM frameworks, the CLI and the sandbox's
routes all read this table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from importlib import import_module
from typing import TYPE_CHECKING

from .errors import UnknownOperation, did_you_mean

if TYPE_CHECKING:
    from .params import Params
    from .records import Record

__all__ = [
    "AGGREGATE_ACTION",
    "API_PREFIX",
    "ENTITIES",
    "EXPORT_PAGE_SIZE",
    "OPERATIONS",
    "SEARCH_ACTION",
    "Operation",
    "Paging",
    "Source",
    "actions_of",
    "listed_by",
    "lookup",
    "operations_of",
]

API_PREFIX = "/api/v2/channels/voice"
EXPORT_PAGE_SIZE = 1000
"""Incremental exports return at most this many records per page; fewer means caught up."""

_PLACEHOLDER = re.compile(r"{(\w+)}")


class Paging(str, Enum):
    """How an operation's response is shaped and continued."""

    RECORD = "record"
    """One wrapped record (``get``); the result is the record itself."""
    SNAPSHOT = "snapshot"
    """One wrapped object (stats); listed as a one-record envelope, like the reference."""
    UNPAGED = "unpaged"
    """A plain list with no ``next_page``."""
    OFFSET = "offset"
    """Offset pagination: follow ``next_page`` URLs until null."""
    INCREMENTAL = "incremental"
    """Incremental export: ``start_time`` inclusive, 1,000 per page, ``end_time`` to resume."""


class Source(str, Enum):
    """Where an operation's records come from."""

    API = "api"
    """The Talk API: directly in local mode, through the Airbyte API in hosted mode."""
    CONTEXT_STORE = "context_store"
    """A context store of synced records: Airbyte's (hosted mode) or a local one."""
    LOCAL_STORE = "local_store"
    """Only the local store (``store=``): what Airbyte's context store cannot answer."""


@dataclass(frozen=True, kw_only=True)
class Operation:
    """One entity/action: how to call it and how to read what comes back."""

    entity: str
    action: str
    path: str
    params_model: str
    """Name of the params model in :mod:`.params` (imported on first use, see below)."""
    record_model: str
    """Name of the record model in :mod:`.records`."""
    response_key: str
    paging: Paging
    description: str
    method: str = "GET"
    write: bool = False
    alternate_keys: tuple[str, ...] = ()
    """Other response keys to accept (where the docs disagree on the wrapper)."""
    body_key: str | None = None
    """For writes: the wrapper of the JSON body (non-path params go inside it)."""
    rate_limit_note: str = ""
    source: Source = Source.API
    """Where it runs: Zendesk's API (local, or through Airbyte when hosted), or a context store."""
    path_params: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "path_params", tuple(_PLACEHOLDER.findall(self.path)))

    @property
    def name(self) -> str:
        """The tool name: ``zendesk_talk_<entity>_<action>``."""
        return f"zendesk_talk_{self.entity}_{self.action}"

    @property
    def is_list(self) -> bool:
        return self.paging is not Paging.RECORD

    # The models are looked up by name on first use: importing the catalog (and so the
    # package) does not build ~50 pydantic models that a given program may never touch.
    @cached_property
    def params(self) -> type[Params]:
        """The strict model of this operation's params."""
        model: type[Params] = getattr(import_module(".params", __package__), self.params_model)
        return model

    @cached_property
    def record(self) -> type[Record]:
        """The lenient model of the records this operation returns."""
        model: type[Record] = getattr(import_module(".records", __package__), self.record_model)
        return model

    @cached_property
    def param_names(self) -> tuple[str, ...]:
        return tuple(self.params.model_fields)

    @cached_property
    def path_pattern(self) -> re.Pattern[str]:
        """Regex matching a concrete path (with or without ``.json``), for routing."""
        parts = _PLACEHOLDER.split(self.path)  # literal, name, literal, name, ...
        body = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+?)" for i, part in enumerate(parts)
        )
        return re.compile(rf"^{re.escape(API_PREFIX)}{body}(?:\.json)?$")

    def render_path(self, values: dict[str, object]) -> str:
        return API_PREFIX + _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), self.path)


_API_OPERATIONS: tuple[Operation, ...] = (
    Operation(
        entity="phone_numbers",
        action="list",
        path="/phone_numbers",
        params_model="ListParams",
        record_model="PhoneNumber",
        response_key="phone_numbers",
        paging=Paging.OFFSET,
        description="List the account's Talk phone numbers (number, name, sms_enabled, "
        "toll_free, voice/outbound flags, groups, greetings, IVR).",
    ),
    Operation(
        entity="phone_numbers",
        action="get",
        path="/phone_numbers/{phone_number_id}",
        params_model="PhoneNumberGetParams",
        record_model="PhoneNumber",
        response_key="phone_number",
        paging=Paging.RECORD,
        description="Get one Talk phone number by id.",
    ),
    Operation(
        entity="phone_numbers",
        action="search",
        path="/phone_numbers/search",
        params_model="PhoneNumberSearchParams",
        record_model="AvailablePhoneNumber",
        response_key="phone_numbers",
        paging=Paging.UNPAGED,
        description="Search numbers available to buy in a country (price, token, address "
        "requirements).",
        alternate_keys=("phone_number",),
    ),
    Operation(
        entity="lines",
        action="list",
        path="/lines",
        params_model="LineListParams",
        record_model="Line",
        response_key="lines",
        paging=Paging.OFFSET,
        description="List all lines: phone numbers and digital lines together.",
    ),
    Operation(
        entity="digital_lines",
        action="get",
        path="/digital_lines/{digital_line_id}",
        params_model="DigitalLineGetParams",
        record_model="DigitalLine",
        response_key="digital_line",
        paging=Paging.RECORD,
        description="Get one digital line by id.",
    ),
    Operation(
        entity="addresses",
        action="list",
        path="/addresses",
        params_model="ListParams",
        record_model="Address",
        response_key="addresses",
        paging=Paging.OFFSET,
        description="List the postal addresses registered for buying numbers.",
    ),
    Operation(
        entity="addresses",
        action="get",
        path="/addresses/{address_id}",
        params_model="AddressGetParams",
        record_model="Address",
        response_key="address",
        paging=Paging.RECORD,
        description="Get one address by id.",
    ),
    Operation(
        entity="greetings",
        action="list",
        path="/greetings",
        params_model="ListParams",
        record_model="Greeting",
        response_key="greetings",
        paging=Paging.OFFSET,
        description="List greetings (name, category, active, audio, numbers and IVRs using them).",
    ),
    Operation(
        entity="greetings",
        action="get",
        path="/greetings/{greeting_id}",
        params_model="GreetingGetParams",
        record_model="Greeting",
        response_key="greeting",
        paging=Paging.RECORD,
        description="Get one greeting by id.",
    ),
    Operation(
        entity="greeting_categories",
        action="list",
        path="/greeting_categories",
        params_model="ListParams",
        record_model="GreetingCategory",
        response_key="greeting_categories",
        paging=Paging.OFFSET,
        description="List greeting categories (voicemail, available...).",
    ),
    Operation(
        entity="greeting_categories",
        action="get",
        path="/greeting_categories/{greeting_category_id}",
        params_model="GreetingCategoryGetParams",
        record_model="GreetingCategory",
        response_key="greeting_category",
        paging=Paging.RECORD,
        description="Get one greeting category by id.",
    ),
    Operation(
        entity="ivrs",
        action="list",
        path="/ivr",
        params_model="ListParams",
        record_model="Ivr",
        response_key="ivrs",
        paging=Paging.OFFSET,
        description="List IVRs with their menus, routes and phone numbers.",
    ),
    Operation(
        entity="ivrs",
        action="get",
        path="/ivr/{ivr_id}",
        params_model="IvrGetParams",
        record_model="Ivr",
        response_key="ivr",
        paging=Paging.RECORD,
        description="Get one IVR by id, with its menus and routes.",
    ),
    Operation(
        entity="ivr_menus",
        action="list",
        path="/ivr/{ivr_id}/menus",
        params_model="IvrMenuListParams",
        record_model="IvrMenu",
        response_key="ivr_menus",
        paging=Paging.OFFSET,
        description="List the menus of one IVR (needs ivr_id).",
        alternate_keys=("menus",),
    ),
    Operation(
        entity="ivr_menus",
        action="get",
        path="/ivr/{ivr_id}/menus/{menu_id}",
        params_model="IvrMenuGetParams",
        record_model="IvrMenu",
        response_key="ivr_menu",
        paging=Paging.RECORD,
        description="Get one IVR menu (needs ivr_id and menu_id).",
        alternate_keys=("menu",),
    ),
    Operation(
        entity="ivr_routes",
        action="list",
        path="/ivr/{ivr_id}/menus/{menu_id}/routes",
        params_model="IvrRouteListParams",
        record_model="IvrRoute",
        response_key="ivr_routes",
        paging=Paging.OFFSET,
        description="List the keypress routes of one IVR menu (needs ivr_id and menu_id).",
        alternate_keys=("routes",),
    ),
    Operation(
        entity="ivr_routes",
        action="get",
        path="/ivr/{ivr_id}/menus/{menu_id}/routes/{route_id}",
        params_model="IvrRouteGetParams",
        record_model="IvrRoute",
        response_key="ivr_route",
        paging=Paging.RECORD,
        description="Get one IVR route (needs ivr_id, menu_id and route_id).",
        alternate_keys=("route",),
    ),
    Operation(
        entity="availabilities",
        action="get",
        path="/availabilities/{agent_id}",
        params_model="AvailabilityGetParams",
        record_model="Availability",
        response_key="availability",
        paging=Paging.RECORD,
        description="Get an agent's Talk availability (agent_state, call_status, via).",
    ),
    Operation(
        entity="availabilities",
        action="update",
        path="/availabilities/{agent_id}",
        params_model="AvailabilityUpdateParams",
        record_model="Availability",
        response_key="availability",
        paging=Paging.RECORD,
        description="Set an agent's Talk availability (agent_state, via). Write action.",
        method="PUT",
        write=True,
        body_key="availability",
    ),
    Operation(
        entity="agents_activity",
        action="list",
        path="/stats/agents_activity",
        params_model="AgentsActivityListParams",
        record_model="AgentActivity",
        response_key="agents_activity",
        paging=Paging.OFFSET,
        description="Today's per-agent stats (today in the account's time zone): state, calls "
        "accepted/denied/missed, talk, hold and wrap-up times. Filter with group_ids.",
    ),
    Operation(
        entity="agents_overview",
        action="list",
        path="/stats/agents_overview",
        params_model="NoParams",
        record_model="AgentsOverview",
        response_key="agents_overview",
        paging=Paging.SNAPSHOT,
        description="Today's totals and averages over all agents (one record; today in the "
        "account's time zone).",
    ),
    Operation(
        entity="account_overview",
        action="list",
        path="/stats/account_overview",
        params_model="PhoneNumberFilterParams",
        record_model="AccountOverview",
        response_key="account_overview",
        paging=Paging.SNAPSHOT,
        description="Today's account call stats (today in the account's time zone): totals, "
        "average call duration, queue wait, voicemails (one record). Filter with "
        "phone_number_ids.",
    ),
    Operation(
        entity="current_queue_activity",
        action="list",
        path="/stats/current_queue_activity",
        params_model="PhoneNumberFilterParams",
        record_model="CurrentQueueActivity",
        response_key="current_queue_activity",
        paging=Paging.SNAPSHOT,
        description="The queue right now: calls and callbacks waiting, agents online, wait "
        "times (one record). Filter with phone_number_ids.",
    ),
    Operation(
        entity="calls",
        action="list",
        path="/stats/incremental/calls",
        params_model="ExportParams",
        record_model="Call",
        response_key="calls",
        paging=Paging.INCREMENTAL,
        description="Calls created or updated since start_time (incremental export, "
        "oldest first): direction, status, agent, durations, voicemail, IVR.",
        rate_limit_note="10 requests/minute",
    ),
    Operation(
        entity="call_legs",
        action="list",
        path="/stats/incremental/legs",
        params_model="ExportParams",
        record_model="CallLeg",
        response_key="legs",
        paging=Paging.INCREMENTAL,
        description="Call legs created or updated since start_time (incremental export, "
        "oldest first): one per customer/agent part of a call, with agent_id and "
        "completion_status such as agent_missed.",
        rate_limit_note="10 requests/minute",
    ),
)

SEARCH_ACTION = "context_store_search"
"""The action searching a context store; every entity with a list action has one."""


def _search_of(listing: Operation) -> Operation:
    return Operation(
        entity=listing.entity,
        action=SEARCH_ACTION,
        path="",  # not an API path: the store is searched by entity
        params_model="ContextStoreSearchParams",
        record_model=listing.record_model,
        response_key=listing.response_key,
        paging=Paging.UNPAGED,
        description=f"Search the {listing.entity} records synced into the context store: "
        "filter and sort over all of them, with a cursor to page.",
        source=Source.CONTEXT_STORE,
    )


AGGREGATE_ACTION = "context_store_aggregate"
"""The action grouping and summarising a local store's records (counts, averages, sums)."""


def _aggregate_of(listing: Operation) -> Operation:
    return Operation(
        entity=listing.entity,
        action=AGGREGATE_ACTION,
        path="",
        params_model="ContextStoreAggregateParams",
        record_model=listing.record_model,
        response_key=listing.response_key,
        paging=Paging.UNPAGED,
        description=f"Count, average, sum, min or max the {listing.entity} records synced into "
        "the local store, grouped by fields or time buckets (day:created_at): one exact row "
        "per group over all of them.",
        source=Source.LOCAL_STORE,
    )


OPERATIONS: tuple[Operation, ...] = (
    *_API_OPERATIONS,
    *(_search_of(op) for op in _API_OPERATIONS if op.action == "list"),
    *(_aggregate_of(op) for op in _API_OPERATIONS if op.action == "list"),
)

_BY_KEY: dict[tuple[str, str], Operation] = {(op.entity, op.action): op for op in OPERATIONS}
ENTITIES: tuple[str, ...] = tuple(dict.fromkeys(op.entity for op in OPERATIONS))


def actions_of(entity: str) -> tuple[str, ...]:
    return tuple(op.action for op in OPERATIONS if op.entity == entity)


def listed_by(path_param: str) -> str | None:
    """The entity whose ``list`` gives the valid values of a path param (``ivr_id`` ->
    ``ivrs``): the one with a ``list`` whose ``get`` path ends in that param. None if none."""
    for op in OPERATIONS:
        if op.path_params[-1:] == (path_param,) and "list" in actions_of(op.entity):
            return op.entity
    return None


def operations_of(entity: str) -> tuple[Operation, ...]:
    """Every operation of an entity; an error naming the valid entities otherwise."""
    found = tuple(op for op in OPERATIONS if op.entity == entity)
    if not found:
        raise UnknownOperation(
            f"Unknown entity {entity!r}{did_you_mean(entity, ENTITIES)}. "
            f"Valid entities: {', '.join(ENTITIES)}.",
            hint="Pick one of the valid entities.",
        )
    return found


def lookup(entity: str, action: str) -> Operation:
    """The operation for ``entity``/``action``; an error naming the valid choices otherwise."""
    operation = _BY_KEY.get((entity, action))
    if operation is not None:
        return operation
    actions = [op.action for op in operations_of(entity)]
    valid = ", ".join(actions)
    raise UnknownOperation(
        f"Entity {entity!r} has no action {action!r}{did_you_mean(action, actions)}. "
        f"Valid actions: {valid}.",
        hint=f"Use one of: {valid}.",
    )

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


@dataclass(frozen=True)
class Operation:
    """One entity/action: how to call it and how to read what comes back."""

    entity: str
    action: str
    method: str
    path: str
    params_model: str
    """Name of the params model in :mod:`.params` (imported on first use, see below)."""
    record_model: str
    """Name of the record model in :mod:`.records`."""
    response_key: str
    paging: Paging
    description: str
    write: bool = False
    alternate_keys: tuple[str, ...] = ()
    """Other response keys to accept (where the docs disagree on the wrapper)."""
    body_key: str | None = None
    """For writes: the wrapper of the JSON body (non-path params go inside it)."""
    rate_limit_note: str = ""
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

    @property
    def is_paged(self) -> bool:
        return self.paging in (Paging.OFFSET, Paging.INCREMENTAL)

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


def _op(
    entity: str,
    action: str,
    path: str,
    params: str,
    record: str,
    key: str,
    paging: Paging,
    description: str,
    *,
    method: str = "GET",
    write: bool = False,
    alternate_keys: tuple[str, ...] = (),
    body_key: str | None = None,
    rate_limit_note: str = "",
) -> Operation:
    return Operation(
        entity, action, method, path, params, record, key, paging, description,
        write=write, alternate_keys=alternate_keys, body_key=body_key,
        rate_limit_note=rate_limit_note,
    )  # fmt: skip


OPERATIONS: tuple[Operation, ...] = (
    _op(
        "phone_numbers",
        "list",
        "/phone_numbers",
        "ListParams",
        "PhoneNumber",
        "phone_numbers",
        Paging.OFFSET,
        "List the account's Talk phone numbers (number, name, sms_enabled, "
        "toll_free, voice/outbound flags, groups, greetings, IVR).",
    ),
    _op(
        "phone_numbers",
        "get",
        "/phone_numbers/{phone_number_id}",
        "PhoneNumberGetParams",
        "PhoneNumber",
        "phone_number",
        Paging.RECORD,
        "Get one Talk phone number by id.",
    ),
    _op(
        "phone_numbers",
        "search",
        "/phone_numbers/search",
        "PhoneNumberSearchParams",
        "AvailablePhoneNumber",
        "phone_numbers",
        Paging.UNPAGED,
        "Search numbers available to buy in a country (price, token, address requirements).",
        alternate_keys=("phone_number",),
    ),
    _op(
        "lines",
        "list",
        "/lines",
        "LineListParams",
        "Line",
        "lines",
        Paging.OFFSET,
        "List all lines: phone numbers and digital lines together.",
    ),
    _op(
        "digital_lines",
        "get",
        "/digital_lines/{digital_line_id}",
        "DigitalLineGetParams",
        "DigitalLine",
        "digital_line",
        Paging.RECORD,
        "Get one digital line by id.",
    ),
    _op(
        "addresses",
        "list",
        "/addresses",
        "ListParams",
        "Address",
        "addresses",
        Paging.OFFSET,
        "List the postal addresses registered for buying numbers.",
    ),
    _op(
        "addresses",
        "get",
        "/addresses/{address_id}",
        "AddressGetParams",
        "Address",
        "address",
        Paging.RECORD,
        "Get one address by id.",
    ),
    _op(
        "greetings",
        "list",
        "/greetings",
        "ListParams",
        "Greeting",
        "greetings",
        Paging.OFFSET,
        "List greetings (name, category, active, audio, numbers and IVRs using them).",
    ),
    _op(
        "greetings",
        "get",
        "/greetings/{greeting_id}",
        "GreetingGetParams",
        "Greeting",
        "greeting",
        Paging.RECORD,
        "Get one greeting by id.",
    ),
    _op(
        "greeting_categories",
        "list",
        "/greeting_categories",
        "ListParams",
        "GreetingCategory",
        "greeting_categories",
        Paging.OFFSET,
        "List greeting categories (voicemail, available...).",
    ),
    _op(
        "greeting_categories",
        "get",
        "/greeting_categories/{greeting_category_id}",
        "GreetingCategoryGetParams",
        "GreetingCategory",
        "greeting_category",
        Paging.RECORD,
        "Get one greeting category by id.",
    ),
    _op(
        "ivrs",
        "list",
        "/ivr",
        "ListParams",
        "Ivr",
        "ivrs",
        Paging.OFFSET,
        "List IVRs with their menus, routes and phone numbers.",
    ),
    _op(
        "ivrs",
        "get",
        "/ivr/{ivr_id}",
        "IvrGetParams",
        "Ivr",
        "ivr",
        Paging.RECORD,
        "Get one IVR by id, with its menus and routes.",
    ),
    _op(
        "ivr_menus",
        "list",
        "/ivr/{ivr_id}/menus",
        "IvrMenuListParams",
        "IvrMenu",
        "ivr_menus",
        Paging.OFFSET,
        "List the menus of one IVR (needs ivr_id).",
        alternate_keys=("menus",),
    ),
    _op(
        "ivr_menus",
        "get",
        "/ivr/{ivr_id}/menus/{menu_id}",
        "IvrMenuGetParams",
        "IvrMenu",
        "ivr_menu",
        Paging.RECORD,
        "Get one IVR menu (needs ivr_id and menu_id).",
        alternate_keys=("menu",),
    ),
    _op(
        "ivr_routes",
        "list",
        "/ivr/{ivr_id}/menus/{menu_id}/routes",
        "IvrRouteListParams",
        "IvrRoute",
        "ivr_routes",
        Paging.OFFSET,
        "List the keypress routes of one IVR menu (needs ivr_id and menu_id).",
        alternate_keys=("routes",),
    ),
    _op(
        "ivr_routes",
        "get",
        "/ivr/{ivr_id}/menus/{menu_id}/routes/{route_id}",
        "IvrRouteGetParams",
        "IvrRoute",
        "ivr_route",
        Paging.RECORD,
        "Get one IVR route (needs ivr_id, menu_id and route_id).",
        alternate_keys=("route",),
    ),
    _op(
        "availabilities",
        "get",
        "/availabilities/{agent_id}",
        "AvailabilityGetParams",
        "Availability",
        "availability",
        Paging.RECORD,
        "Get an agent's Talk availability (agent_state, call_status, via).",
    ),
    _op(
        "availabilities",
        "update",
        "/availabilities/{agent_id}",
        "AvailabilityUpdateParams",
        "Availability",
        "availability",
        Paging.RECORD,
        "Set an agent's Talk availability (agent_state, via). Write action.",
        method="PUT",
        write=True,
        body_key="availability",
    ),
    _op(
        "agents_activity",
        "list",
        "/stats/agents_activity",
        "AgentsActivityListParams",
        "AgentActivity",
        "agents_activity",
        Paging.OFFSET,
        "Today's per-agent stats (today in the account's time zone): state, calls "
        "accepted/denied/missed, talk, hold and wrap-up times. Filter with group_ids.",
    ),
    _op(
        "agents_overview",
        "list",
        "/stats/agents_overview",
        "NoParams",
        "AgentsOverview",
        "agents_overview",
        Paging.SNAPSHOT,
        "Today's totals and averages over all agents (one record; today in the account's "
        "time zone).",
    ),
    _op(
        "account_overview",
        "list",
        "/stats/account_overview",
        "PhoneNumberFilterParams",
        "AccountOverview",
        "account_overview",
        Paging.SNAPSHOT,
        "Today's account call stats (today in the account's time zone): totals, average call "
        "duration, queue wait, voicemails (one record). Filter with phone_number_ids.",
    ),
    _op(
        "current_queue_activity",
        "list",
        "/stats/current_queue_activity",
        "PhoneNumberFilterParams",
        "CurrentQueueActivity",
        "current_queue_activity",
        Paging.SNAPSHOT,
        "The queue right now: calls and callbacks waiting, agents online, wait "
        "times (one record). Filter with phone_number_ids.",
    ),
    _op(
        "calls",
        "list",
        "/stats/incremental/calls",
        "ExportParams",
        "Call",
        "calls",
        Paging.INCREMENTAL,
        "Calls created or updated since start_time (incremental export, "
        "oldest first): direction, status, agent, durations, voicemail, IVR.",
        rate_limit_note="10 requests/minute",
    ),
    _op(
        "call_legs",
        "list",
        "/stats/incremental/legs",
        "ExportParams",
        "CallLeg",
        "legs",
        Paging.INCREMENTAL,
        "Call legs created or updated since start_time (incremental export, "
        "oldest first): one per customer/agent part of a call, with agent_id and "
        "completion_status such as agent_missed.",
        rate_limit_note="10 requests/minute",
    ),
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

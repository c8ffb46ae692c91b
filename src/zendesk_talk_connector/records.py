"""Record models: what the Talk API returns, parsed leniently.

The real API adds fields over time and returns nulls freely, so every field is optional and
unknown fields are kept (``extra="allow"``). A value of an unexpected type never fails a whole
list: :func:`parse_record` sets the field to ``None`` and keeps the raw value in
:attr:`Record.invalid_values`. The catalog imports this module on first use, and each model's
validator is built the first time it validates (``defer_build``).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from ._record_base import ACCOUNT_CURRENCY, Choices, Record, Unit, parse_record, parse_records

__all__ = [
    "AccountOverview",
    "Address",
    "AgentActivity",
    "AgentState",
    "AgentsOverview",
    "Availability",
    "AvailablePhoneNumber",
    "Call",
    "CallLeg",
    "CallStatus",
    "Choices",
    "CurrentQueueActivity",
    "DigitalLine",
    "Direction",
    "Greeting",
    "GreetingCategory",
    "Ivr",
    "IvrMenu",
    "IvrRoute",
    "Line",
    "LineType",
    "Minutes",
    "Money",
    "PhoneNumber",
    "Record",
    "Seconds",
    "Timestamp",
    "Unit",
    "parse_record",
    "parse_records",
]

Seconds = Annotated[int | None, Unit("seconds"), Field(description="Duration in seconds.")]
Minutes = Annotated[int | None, Unit("minutes"), Field(description="Whole minutes.")]
Money = Annotated[
    str | None,
    Unit(ACCOUNT_CURRENCY, money=True),
    Field(
        description="Amount in the account's billing currency (the API names none), sent as a "
        "decimal string such as '0.025'; tool output shows it as a number."
    ),
]
Timestamp = Annotated[
    str | None,
    Field(description="ISO 8601 time in UTC, with its offset: e.g. '2024-11-29T15:30:00Z'."),
]
Direction = Annotated[
    str | None, Choices(("inbound", "outbound")), Field(description="inbound or outbound.")
]
LineType = Annotated[
    str | None, Choices(("phone", "digital")), Field(description="phone or digital.")
]
AgentState = Annotated[
    str | None,
    Choices(("online", "offline", "away", "transfers_only")),
    Field(description="online, offline, away or transfers_only."),
]
CallStatus = Annotated[
    str | None,
    Choices(("on_call", "wrap_up")),
    Field(description="on_call, wrap_up, or null when not on a call."),
]


class PhoneNumber(Record):
    """A Talk phone number (``/phone_numbers``)."""

    id: int | None = None
    number: str | None = None
    display_number: str | None = None
    name: str | None = None
    nickname: str | None = None
    country_code: str | None = None
    location: str | None = None
    toll_free: bool | None = None
    sms_enabled: bool | None = None
    sms_group_id: int | None = None
    voice_enabled: bool | None = None
    outbound_enabled: bool | None = None
    external: bool | None = None
    line_type: LineType = None
    priority: int | None = None
    recorded: bool | None = None
    transcription: bool | None = None
    brand_id: int | None = None
    group_ids: list[int] | None = None
    default_group_id: int | None = None
    greeting_ids: list[int | str] | None = None
    default_greeting_ids: list[str] | None = None
    categorised_greetings: dict[str, Any] | None = None
    categorised_greetings_with_sub_settings: dict[str, Any] | None = None
    capabilities: dict[str, bool | None] | None = None
    ivr_id: int | None = None
    schedule_id: int | None = None
    failover_number: str | None = None
    call_recording_consent: str | None = None
    token: str | None = None
    """The token of an available number (from a search), needed to buy it."""
    created_at: Timestamp = None


class AvailablePhoneNumber(Record):
    """A number that can be bought (``/phone_numbers/search``)."""

    number: str | None = None
    display_number: str | None = None
    toll_free: bool | None = None
    location: str | None = None
    country_code: str | None = None
    token: str | None = None
    price: Annotated[
        str | None,
        Unit(ACCOUNT_CURRENCY, money=True),
        Field(description="Monthly cost in the account's billing currency, e.g. '1.00'."),
    ] = None
    address_requirements: str | None = None


class Line(Record):
    """A phone number or digital line (``/lines``)."""

    id: int | None = None
    nickname: str | None = None
    line_type: LineType = None
    country_code: str | None = None
    external: bool | None = None
    priority: int | None = None
    brand_id: int | None = None
    number: str | None = None
    display_number: str | None = None
    line_id: str | None = None


class DigitalLine(Record):
    """A digital line (Web Widget / app calling)."""

    id: int | None = None
    line_id: str | None = None
    line_type: LineType = None
    nickname: str | None = None
    brand_id: int | None = None
    call_recording_consent: str | None = None
    default_group_id: int | None = None
    group_ids: list[int] | None = None
    greeting_ids: list[int | str] | None = None
    default_greeting_ids: list[str] | None = None
    categorised_greetings_with_sub_settings: dict[str, Any] | None = None
    outbound_number: str | None = None
    priority: int | None = None
    recorded: bool | None = None
    schedule_id: int | None = None
    transcription: bool | None = None
    created_at: Timestamp = None


class Address(Record):
    """A postal address registered for number purchases."""

    id: int | None = None
    name: str | None = None
    street: str | None = None
    city: str | None = None
    province: str | None = None
    state: str | None = None
    zip: str | None = None
    country_code: str | None = None
    provider_reference: str | None = None


class Greeting(Record):
    """A recorded greeting; system defaults have string ids such as ``voicemail_en``."""

    id: int | str | None = None
    name: str | None = None
    category_id: int | None = None
    active: bool | None = None
    default: bool | None = None
    default_lang: bool | None = None
    has_sub_settings: bool | None = None
    audio_name: str | None = None
    audio_url: str | None = None
    ivr_ids: list[int] | None = None
    phone_number_ids: list[int] | None = None
    pending: bool | None = None
    upload_id: int | None = None


class GreetingCategory(Record):
    """A greeting category (e.g. ``voicemail``, ``available``)."""

    id: int | None = None
    name: str | None = None


class IvrRoute(Record):
    """A keypress route of an IVR menu."""

    id: int | None = None
    keypress: str | None = None
    action: str | None = None
    options: dict[str, Any] | None = None
    option_text: str | None = None
    greeting: str | None = None
    overflow_options: list[Any] | None = None


class IvrMenu(Record):
    """A menu of an IVR, with its routes."""

    id: int | None = None
    name: str | None = None
    default: bool | None = None
    greeting_id: int | None = None
    routes: list[IvrRoute] | None = None


class Ivr(Record):
    """An interactive voice response tree."""

    id: int | None = None
    name: str | None = None
    menus: list[IvrMenu] | None = None
    phone_number_ids: list[int] | None = None
    phone_number_names: list[str] | None = None


class Availability(Record):
    """An agent's Talk availability."""

    agent_state: AgentState = None
    call_status: CallStatus = None
    via: str | None = None


class AgentActivity(Record):
    """Today's Talk activity of one agent (``/stats/agents_activity``), today being the
    current day in the account's time zone."""

    agent_id: int | None = None
    name: str | None = None
    avatar_url: str | None = None
    agent_state: AgentState = None
    call_status: CallStatus = None
    via: str | None = None
    forwarding_number: str | None = None
    available_time: Seconds = None
    away_time: Seconds = None
    online_time: Seconds = None
    transfers_only_time: Seconds = None
    calls_accepted: int | None = None
    calls_denied: int | None = None
    calls_missed: int | None = None
    calls_put_on_hold: int | None = None
    total_call_duration: Seconds = None
    total_talk_time: Seconds = None
    total_hold_time: Seconds = None
    total_wrap_up_time: Seconds = None
    average_talk_time: Seconds = None
    average_hold_time: Seconds = None
    average_wrap_up_time: Seconds = None
    accepted_transfers: int | None = None
    started_transfers: int | None = None
    accepted_third_party_conferences: int | None = None
    started_third_party_conferences: int | None = None


class AgentsOverview(Record):
    """Today's totals and averages over all agents (today in the account's time zone)."""

    average_accepted_transfers: int | None = None
    average_available_time: Seconds = None
    average_away_time: Seconds = None
    average_calls_accepted: int | None = None
    average_calls_denied: int | None = None
    average_calls_missed: int | None = None
    average_calls_put_on_hold: int | None = None
    average_hold_time: Seconds = None
    average_online_time: Seconds = None
    average_started_transfers: int | None = None
    average_talk_time: Seconds = None
    average_transfers_only_time: Seconds = None
    average_wrap_up_time: Seconds = None
    total_accepted_transfers: int | None = None
    total_calls_accepted: int | None = None
    total_calls_denied: int | None = None
    total_calls_missed: int | None = None
    total_calls_put_on_hold: int | None = None
    total_hold_time: Seconds = None
    total_started_transfers: int | None = None
    total_talk_time: Seconds = None
    total_wrap_up_time: Seconds = None


class AccountOverview(Record):
    """Today's call totals and averages for the account (today in the account's time zone)."""

    average_call_duration: Seconds = None
    average_queue_wait_time: Seconds = None
    average_wrap_up_time: Seconds = None
    max_calls_waiting: int | None = None
    max_queue_wait_time: Seconds = None
    total_call_duration: Seconds = None
    total_calls: int | None = None
    total_voicemails: int | None = None
    total_wrap_up_time: Seconds = None
    average_callback_wait_time: Seconds = None
    average_hold_time: Seconds = None
    average_time_to_answer: Seconds = None
    total_callback_calls: int | None = None
    total_calls_abandoned_in_queue: int | None = None
    total_calls_outside_business_hours: int | None = None
    total_calls_with_exceeded_queue_wait_time: int | None = None
    total_calls_with_requested_voicemail: int | None = None
    total_hold_time: Seconds = None
    total_inbound_calls: int | None = None
    total_outbound_calls: int | None = None
    total_textback_requests: int | None = None
    total_embeddable_callback_calls: int | None = None


class CurrentQueueActivity(Record):
    """The queue right now."""

    agents_online: int | None = None
    calls_waiting: int | None = None
    callbacks_waiting: int | None = None
    embeddable_callbacks_waiting: int | None = None
    average_wait_time: Seconds = None
    longest_wait_time: Seconds = None
    ai_agent_calls: int | None = None


class Call(Record):
    """A call from the incremental calls export."""

    id: int | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
    agent_id: int | None = None
    customer_id: int | None = None
    ticket_id: int | None = None
    phone_number_id: int | None = None
    phone_number: str | None = None
    line: str | None = None
    line_id: int | None = None
    line_type: LineType = None
    call_channel: str | None = None
    direction: Direction = None
    completion_status: str | None = None
    duration: Seconds = None
    talk_time: Seconds = None
    hold_time: Seconds = None
    wait_time: Seconds = None
    wrap_up_time: Seconds = None
    time_to_answer: Seconds = None
    consultation_time: Seconds = None
    minutes_billed: Minutes = None
    call_charge: Money = None
    call_group_id: int | None = None
    default_group: bool | None = None
    voicemail: bool | None = None
    customer_requested_voicemail: bool | None = None
    callback: bool | None = None
    callback_source: str | None = None
    call_recording_consent: str | None = None
    call_recording_consent_action: str | None = None
    call_recording_consent_keypress: str | None = None
    recording_time: Seconds = None
    not_recording_time: Seconds = None
    recording_control_interactions: int | None = None
    exceeded_queue_wait_time: bool | None = None
    outside_business_hours: bool | None = None
    overflowed: bool | None = None
    overflowed_to: str | None = None
    ivr_action: str | None = None
    ivr_destination_group_name: str | None = None
    ivr_hops: int | None = None
    ivr_routed_to: str | None = None
    ivr_time_spent: Seconds = None
    quality_issues: list[str] | None = None


class CallLeg(Record):
    """A call leg from the incremental legs export."""

    id: int | None = None
    call_id: int | None = None
    type: str | None = None
    agent_id: int | None = None
    user_id: int | None = None
    available_via: str | None = None
    completion_status: str | None = None
    created_at: Timestamp = None
    updated_at: Timestamp = None
    duration: Seconds = None
    talk_time: Seconds = None
    hold_time: Seconds = None
    wrap_up_time: Seconds = None
    minutes_billed: Minutes = None
    call_charge: Money = None
    forwarded_to: str | None = None
    transferred_from: int | None = None
    transferred_to: int | None = None
    conference_from: int | None = None
    conference_to: int | None = None
    conference_time: Seconds = None
    consultation_from: int | None = None
    consultation_to: int | None = None
    consultation_time: Seconds = None
    quality_issues: list[str] | None = None

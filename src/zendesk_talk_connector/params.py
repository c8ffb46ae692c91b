"""Params models: one per catalog action, strict (``extra="forbid"``).

These models are the single source of the argument schemas every face shows (tool schemas
for LLMs, CLI help, reference docs). They are kept portable across LLM providers: flat
objects, simple types, no ``format`` keywords, and every bound repeated in the description
because Gemini drops numeric bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

MAX_LIST_LIMIT = 10_000
MAX_EXPORT_LIMIT = 100_000


@dataclass(frozen=True)
class Accepts:
    """``Annotated`` metadata: the Python types a field's before-validator accepts, where they
    are wider than the stored type. The typed namespaces show these in their signatures
    (pydantic ignores metadata it does not know)."""

    types: tuple[Any, ...]


def to_epoch_seconds(value: Any) -> Any:
    """Accept epoch seconds (int or digits), ISO 8601 date/datetime strings, or datetimes."""
    if isinstance(value, bool):
        return value  # let pydantic reject it with its own message
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return int(moment.timestamp())
    if isinstance(value, date):
        return int(datetime(value.year, value.month, value.day, tzinfo=timezone.utc).timestamp())
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("-").isdigit():
            return int(text)
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"{value!r} is not a time: use epoch seconds (1732838400) or ISO 8601 "
                "('2024-11-29' or '2024-11-29T00:00:00Z')"
            ) from None
        return to_epoch_seconds(parsed)
    return value


EpochSeconds = Annotated[
    int,
    BeforeValidator(to_epoch_seconds),
    Accepts((int, str, date)),
    WithJsonSchema(
        {
            "type": "string",
            "description": "Epoch seconds or ISO 8601 date/time (UTC if no offset), "
            "e.g. '2024-11-29' or '1732838400'.",
        }
    ),
]


def _digits_to_int(value: Any) -> Any:
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


Id = Annotated[int, Field(ge=1), BeforeValidator(_digits_to_int)]


class Params(BaseModel):
    """Base of every params model: unknown params are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


class NoParams(Params):
    """This action takes no params."""


class ListParams(Params):
    """Paging params shared by every paged list."""

    limit: int = Field(
        100,
        ge=1,
        le=MAX_LIST_LIMIT,
        description=f"Max records to return, 1-{MAX_LIST_LIMIT} (default 100).",
    )
    cursor: str | None = Field(
        None,
        description="Opaque cursor from a previous result's meta.next_cursor, to continue.",
    )


class ExportParams(Params):
    """Incremental export params (calls, call legs)."""

    start_time: EpochSeconds = Field(
        description="Required. Records created or updated at or after this time: epoch seconds "
        "or ISO 8601 (e.g. '2024-11-29', UTC if no offset).",
    )
    limit: int = Field(
        1000,
        ge=1,
        le=MAX_EXPORT_LIMIT,
        description=f"Max records to return, 1-{MAX_EXPORT_LIMIT} (default 1000).",
    )
    cursor: str | None = Field(
        None,
        description="Opaque cursor from a previous result's meta.next_cursor, to continue "
        "(takes precedence over start_time).",
    )


class PhoneNumberGetParams(Params):
    phone_number_id: Id = Field(description="Phone number id (integer >= 1).")


class PhoneNumberSearchParams(Params):
    country: str = Field(
        min_length=2, max_length=2, description="Required. ISO 3166 country code, e.g. 'US'."
    )
    area_code: int | None = Field(None, description="Area code (US and CA only), e.g. 415.")
    contains: str | None = Field(None, description="Digits or letters the number must contain.")
    toll_free: bool | None = Field(None, description="true for toll-free numbers only.")


class LineListParams(ListParams):
    minimal_mode: bool | None = Field(
        None, description="true returns only id, nickname, line_type and a few other fields."
    )


class DigitalLineGetParams(Params):
    digital_line_id: Id = Field(description="Digital line id (integer >= 1).")


class AddressGetParams(Params):
    address_id: Id = Field(description="Address id (integer >= 1).")


class GreetingGetParams(Params):
    greeting_id: Annotated[
        str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v), Accepts((str, int))
    ] = Field(
        min_length=1,
        description="Greeting id: an integer, or a system default name such as 'voicemail_en'.",
    )


class GreetingCategoryGetParams(Params):
    greeting_category_id: Id = Field(description="Greeting category id (integer >= 1).")


class IvrGetParams(Params):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")


class IvrMenuListParams(ListParams):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")


class IvrMenuGetParams(Params):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")
    menu_id: Id = Field(description="Menu id (integer >= 1).")


class IvrRouteListParams(ListParams):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")
    menu_id: Id = Field(description="Menu id (integer >= 1).")


class IvrRouteGetParams(Params):
    ivr_id: Id = Field(description="IVR id (integer >= 1).")
    menu_id: Id = Field(description="Menu id (integer >= 1).")
    route_id: Id = Field(description="Route id (integer >= 1).")


class AvailabilityGetParams(Params):
    agent_id: Id = Field(description="Agent (user) id (integer >= 1).")


class AvailabilityUpdateParams(Params):
    agent_id: Id = Field(description="Agent (user) id (integer >= 1).")
    agent_state: str | None = Field(
        None, description="One of: online, offline, away, transfers_only."
    )
    via: str | None = Field(None, description="One of: client, phone.")


def _ids_list(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    return value


IdList = Annotated[list[Id], BeforeValidator(_ids_list)]


class AgentsActivityListParams(ListParams):
    group_ids: IdList | None = Field(
        None, max_length=100, description="Only agents in these group ids (up to 100)."
    )


class PhoneNumberFilterParams(Params):
    phone_number_ids: IdList | None = Field(
        None, max_length=100, description="Only these phone number ids (up to 100)."
    )

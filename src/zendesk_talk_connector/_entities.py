"""The typed namespaces as attributes of the connectors: ``connector.calls``.

Generated from the catalog by ``python -m zendesk_talk_connector._namespaces_gen``; do not edit.
Each imports :mod:`._namespaces` on first use, not with the connector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._namespace import AsyncRunner, SyncRunner
    from ._namespaces import (
        AccountOverview,
        Addresses,
        AgentsActivity,
        AgentsOverview,
        AsyncAccountOverview,
        AsyncAddresses,
        AsyncAgentsActivity,
        AsyncAgentsOverview,
        AsyncAvailabilities,
        AsyncCallLegs,
        AsyncCalls,
        AsyncCurrentQueueActivity,
        AsyncDigitalLines,
        AsyncGreetingCategories,
        AsyncGreetings,
        AsyncIvrMenus,
        AsyncIvrRoutes,
        AsyncIvrs,
        AsyncLines,
        AsyncPhoneNumbers,
        Availabilities,
        CallLegs,
        Calls,
        CurrentQueueActivity,
        DigitalLines,
        GreetingCategories,
        Greetings,
        IvrMenus,
        IvrRoutes,
        Ivrs,
        Lines,
        PhoneNumbers,
    )


class AsyncEntities:
    """The typed namespaces of :class:`~.connector.ZendeskTalkConnector`, one per entity."""

    @property
    def phone_numbers(self: AsyncRunner) -> AsyncPhoneNumbers:
        """phone_numbers: list, get, search, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncPhoneNumbers

        return AsyncPhoneNumbers(self)

    @property
    def lines(self: AsyncRunner) -> AsyncLines:
        """lines: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncLines

        return AsyncLines(self)

    @property
    def digital_lines(self: AsyncRunner) -> AsyncDigitalLines:
        """digital_lines: get."""
        from ._namespaces import AsyncDigitalLines

        return AsyncDigitalLines(self)

    @property
    def addresses(self: AsyncRunner) -> AsyncAddresses:
        """addresses: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncAddresses

        return AsyncAddresses(self)

    @property
    def greetings(self: AsyncRunner) -> AsyncGreetings:
        """greetings: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncGreetings

        return AsyncGreetings(self)

    @property
    def greeting_categories(self: AsyncRunner) -> AsyncGreetingCategories:
        """greeting_categories: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncGreetingCategories

        return AsyncGreetingCategories(self)

    @property
    def ivrs(self: AsyncRunner) -> AsyncIvrs:
        """ivrs: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncIvrs

        return AsyncIvrs(self)

    @property
    def ivr_menus(self: AsyncRunner) -> AsyncIvrMenus:
        """ivr_menus: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncIvrMenus

        return AsyncIvrMenus(self)

    @property
    def ivr_routes(self: AsyncRunner) -> AsyncIvrRoutes:
        """ivr_routes: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncIvrRoutes

        return AsyncIvrRoutes(self)

    @property
    def availabilities(self: AsyncRunner) -> AsyncAvailabilities:
        """availabilities: get, update."""
        from ._namespaces import AsyncAvailabilities

        return AsyncAvailabilities(self)

    @property
    def agents_activity(self: AsyncRunner) -> AsyncAgentsActivity:
        """agents_activity: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncAgentsActivity

        return AsyncAgentsActivity(self)

    @property
    def agents_overview(self: AsyncRunner) -> AsyncAgentsOverview:
        """agents_overview: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncAgentsOverview

        return AsyncAgentsOverview(self)

    @property
    def account_overview(self: AsyncRunner) -> AsyncAccountOverview:
        """account_overview: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncAccountOverview

        return AsyncAccountOverview(self)

    @property
    def current_queue_activity(self: AsyncRunner) -> AsyncCurrentQueueActivity:
        """current_queue_activity: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncCurrentQueueActivity

        return AsyncCurrentQueueActivity(self)

    @property
    def calls(self: AsyncRunner) -> AsyncCalls:
        """calls: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncCalls

        return AsyncCalls(self)

    @property
    def call_legs(self: AsyncRunner) -> AsyncCallLegs:
        """call_legs: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AsyncCallLegs

        return AsyncCallLegs(self)


class Entities:
    """The typed namespaces of :class:`~.connector.SyncZendeskTalkConnector`, one per entity."""

    @property
    def phone_numbers(self: SyncRunner) -> PhoneNumbers:
        """phone_numbers: list, get, search, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import PhoneNumbers

        return PhoneNumbers(self)

    @property
    def lines(self: SyncRunner) -> Lines:
        """lines: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import Lines

        return Lines(self)

    @property
    def digital_lines(self: SyncRunner) -> DigitalLines:
        """digital_lines: get."""
        from ._namespaces import DigitalLines

        return DigitalLines(self)

    @property
    def addresses(self: SyncRunner) -> Addresses:
        """addresses: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import Addresses

        return Addresses(self)

    @property
    def greetings(self: SyncRunner) -> Greetings:
        """greetings: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import Greetings

        return Greetings(self)

    @property
    def greeting_categories(self: SyncRunner) -> GreetingCategories:
        """greeting_categories: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import GreetingCategories

        return GreetingCategories(self)

    @property
    def ivrs(self: SyncRunner) -> Ivrs:
        """ivrs: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import Ivrs

        return Ivrs(self)

    @property
    def ivr_menus(self: SyncRunner) -> IvrMenus:
        """ivr_menus: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import IvrMenus

        return IvrMenus(self)

    @property
    def ivr_routes(self: SyncRunner) -> IvrRoutes:
        """ivr_routes: list, get, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import IvrRoutes

        return IvrRoutes(self)

    @property
    def availabilities(self: SyncRunner) -> Availabilities:
        """availabilities: get, update."""
        from ._namespaces import Availabilities

        return Availabilities(self)

    @property
    def agents_activity(self: SyncRunner) -> AgentsActivity:
        """agents_activity: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AgentsActivity

        return AgentsActivity(self)

    @property
    def agents_overview(self: SyncRunner) -> AgentsOverview:
        """agents_overview: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AgentsOverview

        return AgentsOverview(self)

    @property
    def account_overview(self: SyncRunner) -> AccountOverview:
        """account_overview: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import AccountOverview

        return AccountOverview(self)

    @property
    def current_queue_activity(self: SyncRunner) -> CurrentQueueActivity:
        """current_queue_activity: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import CurrentQueueActivity

        return CurrentQueueActivity(self)

    @property
    def calls(self: SyncRunner) -> Calls:
        """calls: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import Calls

        return Calls(self)

    @property
    def call_legs(self: SyncRunner) -> CallLegs:
        """call_legs: list, context_store_search, context_store_aggregate, iter."""
        from ._namespaces import CallLegs

        return CallLegs(self)

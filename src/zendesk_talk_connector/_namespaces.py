"""Typed namespaces: ``connector.<entity>.<action>(...)``.

Generated from the catalog by ``python -m zendesk_talk_connector._namespaces_gen``; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, cast

from ._namespace import AsyncNamespace, SyncNamespace

if TYPE_CHECKING:
    import datetime
    from collections.abc import AsyncIterator, Iterator, Mapping, Sequence

    from . import params, records, results


class AsyncPhoneNumbers(AsyncNamespace):
    """``phone_numbers`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "phone_numbers"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.PhoneNumber]:
        """List the account's Talk phone numbers (number, name, sms_enabled, toll_free,
        voice/outbound flags, groups, greetings, IVR).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.PhoneNumber]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    async def get(
        self,
        *,
        phone_number_id: int,
    ) -> records.PhoneNumber:
        """Get one Talk phone number by id.

        Args:
            phone_number_id: Phone number id (integer >= 1).
        """
        return cast(
            "records.PhoneNumber",
            await self._execute(
                "get",
                phone_number_id=phone_number_id,
            ),
        )

    async def search(
        self,
        *,
        country: str,
        area_code: int | None = None,
        contains: str | None = None,
        toll_free: bool | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AvailablePhoneNumber]:
        """Search numbers available to buy in a country (price, token, address requirements).

        Args:
            country: Required. ISO 3166 country code, e.g. 'US'.
            area_code: Area code (US and CA only), e.g. 415.
            contains: Digits or letters the number must contain.
            toll_free: true for toll-free numbers only.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AvailablePhoneNumber]",
            await self._execute(
                "search",
                country=country,
                area_code=area_code,
                contains=contains,
                toll_free=toll_free,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.PhoneNumber]:
        """Search the phone_numbers records synced into the context store: filter and sort over all
        of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.PhoneNumber]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.PhoneNumber]:
        """Count, average, sum, min or max the phone_numbers records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.PhoneNumber]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> AsyncIterator[records.PhoneNumber]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "AsyncIterator[records.PhoneNumber]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class AsyncLines(AsyncNamespace):
    """``lines`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "lines"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
        minimal_mode: bool | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Line]:
        """List all lines: phone numbers and digital lines together.

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            minimal_mode: true returns only id, nickname, line_type and a few other fields.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Line]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
                minimal_mode=minimal_mode,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Line]:
        """Search the lines records synced into the context store: filter and sort over all of them,
        with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Line]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Line]:
        """Count, average, sum, min or max the lines records synced into the local store, grouped by
        fields or time buckets (day:created_at): one exact row per group over all of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Line]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        minimal_mode: bool | None = None,
    ) -> AsyncIterator[records.Line]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            minimal_mode: true returns only id, nickname, line_type and a few other fields.
        """
        return cast(
            "AsyncIterator[records.Line]",
            self._iter(
                limit=limit,
                cursor=cursor,
                minimal_mode=minimal_mode,
            ),
        )


class AsyncDigitalLines(AsyncNamespace):
    """``digital_lines`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "digital_lines"

    async def get(
        self,
        *,
        digital_line_id: int,
    ) -> records.DigitalLine:
        """Get one digital line by id.

        Args:
            digital_line_id: Digital line id (integer >= 1).
        """
        return cast(
            "records.DigitalLine",
            await self._execute(
                "get",
                digital_line_id=digital_line_id,
            ),
        )


class AsyncAddresses(AsyncNamespace):
    """``addresses`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "addresses"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Address]:
        """List the postal addresses registered for buying numbers.

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Address]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    async def get(
        self,
        *,
        address_id: int,
    ) -> records.Address:
        """Get one address by id.

        Args:
            address_id: Address id (integer >= 1).
        """
        return cast(
            "records.Address",
            await self._execute(
                "get",
                address_id=address_id,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Address]:
        """Search the addresses records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Address]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Address]:
        """Count, average, sum, min or max the addresses records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Address]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> AsyncIterator[records.Address]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "AsyncIterator[records.Address]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class AsyncGreetings(AsyncNamespace):
    """``greetings`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "greetings"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Greeting]:
        """List greetings (name, category, active, audio, numbers and IVRs using them).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Greeting]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    async def get(
        self,
        *,
        greeting_id: str | int,
    ) -> records.Greeting:
        """Get one greeting by id.

        Args:
            greeting_id: Greeting id: an integer, or a system default name such as 'voicemail_en'.
        """
        return cast(
            "records.Greeting",
            await self._execute(
                "get",
                greeting_id=greeting_id,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Greeting]:
        """Search the greetings records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Greeting]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Greeting]:
        """Count, average, sum, min or max the greetings records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Greeting]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> AsyncIterator[records.Greeting]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "AsyncIterator[records.Greeting]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class AsyncGreetingCategories(AsyncNamespace):
    """``greeting_categories`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "greeting_categories"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.GreetingCategory]:
        """List greeting categories (voicemail, available...).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.GreetingCategory]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    async def get(
        self,
        *,
        greeting_category_id: int,
    ) -> records.GreetingCategory:
        """Get one greeting category by id.

        Args:
            greeting_category_id: Greeting category id (integer >= 1).
        """
        return cast(
            "records.GreetingCategory",
            await self._execute(
                "get",
                greeting_category_id=greeting_category_id,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.GreetingCategory]:
        """Search the greeting_categories records synced into the context store: filter and sort
        over all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.GreetingCategory]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.GreetingCategory]:
        """Count, average, sum, min or max the greeting_categories records synced into the local
        store, grouped by fields or time buckets (day:created_at): one exact row per group over all
        of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.GreetingCategory]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> AsyncIterator[records.GreetingCategory]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "AsyncIterator[records.GreetingCategory]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class AsyncIvrs(AsyncNamespace):
    """``ivrs`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "ivrs"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Ivr]:
        """List IVRs with their menus, routes and phone numbers.

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Ivr]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    async def get(
        self,
        *,
        ivr_id: int,
    ) -> records.Ivr:
        """Get one IVR by id, with its menus and routes.

        Args:
            ivr_id: IVR id (integer >= 1).
        """
        return cast(
            "records.Ivr",
            await self._execute(
                "get",
                ivr_id=ivr_id,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Ivr]:
        """Search the ivrs records synced into the context store: filter and sort over all of them,
        with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Ivr]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Ivr]:
        """Count, average, sum, min or max the ivrs records synced into the local store, grouped by
        fields or time buckets (day:created_at): one exact row per group over all of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Ivr]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> AsyncIterator[records.Ivr]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "AsyncIterator[records.Ivr]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class AsyncIvrMenus(AsyncNamespace):
    """``ivr_menus`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "ivr_menus"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
        ivr_id: int,
    ) -> results.ZendeskTalkExecuteResult[records.IvrMenu]:
        """List the menus of one IVR (needs ivr_id).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            ivr_id: IVR id (integer >= 1).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrMenu]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
                ivr_id=ivr_id,
            ),
        )

    async def get(
        self,
        *,
        ivr_id: int,
        menu_id: int,
    ) -> records.IvrMenu:
        """Get one IVR menu (needs ivr_id and menu_id).

        Args:
            ivr_id: IVR id (integer >= 1).
            menu_id: Menu id (integer >= 1).
        """
        return cast(
            "records.IvrMenu",
            await self._execute(
                "get",
                ivr_id=ivr_id,
                menu_id=menu_id,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.IvrMenu]:
        """Search the ivr_menus records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrMenu]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.IvrMenu]:
        """Count, average, sum, min or max the ivr_menus records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrMenu]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        ivr_id: int,
    ) -> AsyncIterator[records.IvrMenu]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            ivr_id: IVR id (integer >= 1).
        """
        return cast(
            "AsyncIterator[records.IvrMenu]",
            self._iter(
                limit=limit,
                cursor=cursor,
                ivr_id=ivr_id,
            ),
        )


class AsyncIvrRoutes(AsyncNamespace):
    """``ivr_routes`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "ivr_routes"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
        ivr_id: int,
        menu_id: int,
    ) -> results.ZendeskTalkExecuteResult[records.IvrRoute]:
        """List the keypress routes of one IVR menu (needs ivr_id and menu_id).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            ivr_id: IVR id (integer >= 1).
            menu_id: Menu id (integer >= 1).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrRoute]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
                ivr_id=ivr_id,
                menu_id=menu_id,
            ),
        )

    async def get(
        self,
        *,
        ivr_id: int,
        menu_id: int,
        route_id: int,
    ) -> records.IvrRoute:
        """Get one IVR route (needs ivr_id, menu_id and route_id).

        Args:
            ivr_id: IVR id (integer >= 1).
            menu_id: Menu id (integer >= 1).
            route_id: Route id (integer >= 1).
        """
        return cast(
            "records.IvrRoute",
            await self._execute(
                "get",
                ivr_id=ivr_id,
                menu_id=menu_id,
                route_id=route_id,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.IvrRoute]:
        """Search the ivr_routes records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrRoute]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.IvrRoute]:
        """Count, average, sum, min or max the ivr_routes records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrRoute]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        ivr_id: int,
        menu_id: int,
    ) -> AsyncIterator[records.IvrRoute]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            ivr_id: IVR id (integer >= 1).
            menu_id: Menu id (integer >= 1).
        """
        return cast(
            "AsyncIterator[records.IvrRoute]",
            self._iter(
                limit=limit,
                cursor=cursor,
                ivr_id=ivr_id,
                menu_id=menu_id,
            ),
        )


class AsyncAvailabilities(AsyncNamespace):
    """``availabilities`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "availabilities"

    async def get(
        self,
        *,
        agent_id: int,
    ) -> records.Availability:
        """Get an agent's Talk availability (agent_state, call_status, via).

        Args:
            agent_id: Agent (user) id (integer >= 1).
        """
        return cast(
            "records.Availability",
            await self._execute(
                "get",
                agent_id=agent_id,
            ),
        )

    async def update(
        self,
        *,
        agent_id: int,
        agent_state: str | None = None,
        via: str | None = None,
    ) -> records.Availability:
        """Set an agent's Talk availability (agent_state, via). Write action.

        Args:
            agent_id: Agent (user) id (integer >= 1).
            agent_state: One of: online, offline, away, transfers_only.
            via: One of: client, phone.
        """
        return cast(
            "records.Availability",
            await self._execute(
                "update",
                agent_id=agent_id,
                agent_state=agent_state,
                via=via,
            ),
        )


class AsyncAgentsActivity(AsyncNamespace):
    """``agents_activity`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "agents_activity"

    async def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
        group_ids: Sequence[int] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentActivity]:
        """Today's per-agent stats (today in the account's time zone): state, calls
        accepted/denied/missed, talk, hold and wrap-up times. Filter with group_ids.

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            group_ids: Only agents in these group ids (up to 100).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentActivity]",
            await self._execute(
                "list",
                limit=limit,
                cursor=cursor,
                group_ids=group_ids,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentActivity]:
        """Search the agents_activity records synced into the context store: filter and sort over
        all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentActivity]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentActivity]:
        """Count, average, sum, min or max the agents_activity records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentActivity]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        group_ids: Sequence[int] | None = None,
    ) -> AsyncIterator[records.AgentActivity]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            group_ids: Only agents in these group ids (up to 100).
        """
        return cast(
            "AsyncIterator[records.AgentActivity]",
            self._iter(
                limit=limit,
                cursor=cursor,
                group_ids=group_ids,
            ),
        )


class AsyncAgentsOverview(AsyncNamespace):
    """``agents_overview`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "agents_overview"

    async def list(self) -> results.ZendeskTalkExecuteResult[records.AgentsOverview]:
        """Today's totals and averages over all agents (one record; today in the account's time
        zone).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentsOverview]",
            await self._execute("list"),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentsOverview]:
        """Search the agents_overview records synced into the context store: filter and sort over
        all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentsOverview]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentsOverview]:
        """Count, average, sum, min or max the agents_overview records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentsOverview]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(self) -> AsyncIterator[records.AgentsOverview]:
        """Every record of ``list``, page by page, in constant memory."""
        return cast(
            "AsyncIterator[records.AgentsOverview]",
            self._iter(),
        )


class AsyncAccountOverview(AsyncNamespace):
    """``account_overview`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "account_overview"

    async def list(
        self,
        *,
        phone_number_ids: Sequence[int] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AccountOverview]:
        """Today's account call stats (today in the account's time zone): totals, average call
        duration, queue wait, voicemails (one record). Filter with phone_number_ids.

        Args:
            phone_number_ids: Only these phone number ids (up to 100).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AccountOverview]",
            await self._execute(
                "list",
                phone_number_ids=phone_number_ids,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AccountOverview]:
        """Search the account_overview records synced into the context store: filter and sort over
        all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AccountOverview]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AccountOverview]:
        """Count, average, sum, min or max the account_overview records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AccountOverview]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        phone_number_ids: Sequence[int] | None = None,
    ) -> AsyncIterator[records.AccountOverview]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            phone_number_ids: Only these phone number ids (up to 100).
        """
        return cast(
            "AsyncIterator[records.AccountOverview]",
            self._iter(
                phone_number_ids=phone_number_ids,
            ),
        )


class AsyncCurrentQueueActivity(AsyncNamespace):
    """``current_queue_activity`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "current_queue_activity"

    async def list(
        self,
        *,
        phone_number_ids: Sequence[int] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]:
        """The queue right now: calls and callbacks waiting, agents online, wait times (one record).
        Filter with phone_number_ids.

        Args:
            phone_number_ids: Only these phone number ids (up to 100).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]",
            await self._execute(
                "list",
                phone_number_ids=phone_number_ids,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]:
        """Search the current_queue_activity records synced into the context store: filter and sort
        over all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]:
        """Count, average, sum, min or max the current_queue_activity records synced into the local
        store, grouped by fields or time buckets (day:created_at): one exact row per group over all
        of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        phone_number_ids: Sequence[int] | None = None,
    ) -> AsyncIterator[records.CurrentQueueActivity]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            phone_number_ids: Only these phone number ids (up to 100).
        """
        return cast(
            "AsyncIterator[records.CurrentQueueActivity]",
            self._iter(
                phone_number_ids=phone_number_ids,
            ),
        )


class AsyncCalls(AsyncNamespace):
    """``calls`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "calls"

    async def list(
        self,
        *,
        start_time: int | str | datetime.date,
        limit: int = 1000,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Call]:
        """Calls created or updated since start_time (incremental export, oldest first): direction,
        status, agent, durations, voicemail, IVR.

        Args:
            start_time: Required. Records created or updated at or after this time: epoch seconds or
                ISO 8601 (e.g. '2024-11-29', UTC if no offset).
            limit: Max records to return, 1-100000 (default 1000).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue (takes
                precedence over start_time).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Call]",
            await self._execute(
                "list",
                start_time=start_time,
                limit=limit,
                cursor=cursor,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Call]:
        """Search the calls records synced into the context store: filter and sort over all of them,
        with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Call]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Call]:
        """Count, average, sum, min or max the calls records synced into the local store, grouped by
        fields or time buckets (day:created_at): one exact row per group over all of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Call]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        start_time: int | str | datetime.date,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> AsyncIterator[records.Call]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            start_time: Required. Records created or updated at or after this time: epoch seconds or
                ISO 8601 (e.g. '2024-11-29', UTC if no offset).
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue (takes
                precedence over start_time).
        """
        return cast(
            "AsyncIterator[records.Call]",
            self._iter(
                start_time=start_time,
                limit=limit,
                cursor=cursor,
            ),
        )


class AsyncCallLegs(AsyncNamespace):
    """``call_legs`` of :class:`~.connector.ZendeskTalkConnector`."""

    _entity = "call_legs"

    async def list(
        self,
        *,
        start_time: int | str | datetime.date,
        limit: int = 1000,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CallLeg]:
        """Call legs created or updated since start_time (incremental export, oldest first): one per
        customer/agent part of a call, with agent_id and completion_status such as agent_missed.

        Args:
            start_time: Required. Records created or updated at or after this time: epoch seconds or
                ISO 8601 (e.g. '2024-11-29', UTC if no offset).
            limit: Max records to return, 1-100000 (default 1000).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue (takes
                precedence over start_time).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CallLeg]",
            await self._execute(
                "list",
                start_time=start_time,
                limit=limit,
                cursor=cursor,
            ),
        )

    async def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CallLeg]:
        """Search the call_legs records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CallLeg]",
            await self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    async def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CallLeg]:
        """Count, average, sum, min or max the call_legs records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CallLeg]",
            await self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        start_time: int | str | datetime.date,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> AsyncIterator[records.CallLeg]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            start_time: Required. Records created or updated at or after this time: epoch seconds or
                ISO 8601 (e.g. '2024-11-29', UTC if no offset).
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue (takes
                precedence over start_time).
        """
        return cast(
            "AsyncIterator[records.CallLeg]",
            self._iter(
                start_time=start_time,
                limit=limit,
                cursor=cursor,
            ),
        )


class PhoneNumbers(SyncNamespace):
    """``phone_numbers`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "phone_numbers"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.PhoneNumber]:
        """List the account's Talk phone numbers (number, name, sms_enabled, toll_free,
        voice/outbound flags, groups, greetings, IVR).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.PhoneNumber]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    def get(
        self,
        *,
        phone_number_id: int,
    ) -> records.PhoneNumber:
        """Get one Talk phone number by id.

        Args:
            phone_number_id: Phone number id (integer >= 1).
        """
        return cast(
            "records.PhoneNumber",
            self._execute(
                "get",
                phone_number_id=phone_number_id,
            ),
        )

    def search(
        self,
        *,
        country: str,
        area_code: int | None = None,
        contains: str | None = None,
        toll_free: bool | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AvailablePhoneNumber]:
        """Search numbers available to buy in a country (price, token, address requirements).

        Args:
            country: Required. ISO 3166 country code, e.g. 'US'.
            area_code: Area code (US and CA only), e.g. 415.
            contains: Digits or letters the number must contain.
            toll_free: true for toll-free numbers only.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AvailablePhoneNumber]",
            self._execute(
                "search",
                country=country,
                area_code=area_code,
                contains=contains,
                toll_free=toll_free,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.PhoneNumber]:
        """Search the phone_numbers records synced into the context store: filter and sort over all
        of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.PhoneNumber]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.PhoneNumber]:
        """Count, average, sum, min or max the phone_numbers records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.PhoneNumber]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Iterator[records.PhoneNumber]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "Iterator[records.PhoneNumber]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class Lines(SyncNamespace):
    """``lines`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "lines"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
        minimal_mode: bool | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Line]:
        """List all lines: phone numbers and digital lines together.

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            minimal_mode: true returns only id, nickname, line_type and a few other fields.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Line]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
                minimal_mode=minimal_mode,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Line]:
        """Search the lines records synced into the context store: filter and sort over all of them,
        with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Line]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Line]:
        """Count, average, sum, min or max the lines records synced into the local store, grouped by
        fields or time buckets (day:created_at): one exact row per group over all of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Line]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        minimal_mode: bool | None = None,
    ) -> Iterator[records.Line]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            minimal_mode: true returns only id, nickname, line_type and a few other fields.
        """
        return cast(
            "Iterator[records.Line]",
            self._iter(
                limit=limit,
                cursor=cursor,
                minimal_mode=minimal_mode,
            ),
        )


class DigitalLines(SyncNamespace):
    """``digital_lines`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "digital_lines"

    def get(
        self,
        *,
        digital_line_id: int,
    ) -> records.DigitalLine:
        """Get one digital line by id.

        Args:
            digital_line_id: Digital line id (integer >= 1).
        """
        return cast(
            "records.DigitalLine",
            self._execute(
                "get",
                digital_line_id=digital_line_id,
            ),
        )


class Addresses(SyncNamespace):
    """``addresses`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "addresses"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Address]:
        """List the postal addresses registered for buying numbers.

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Address]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    def get(
        self,
        *,
        address_id: int,
    ) -> records.Address:
        """Get one address by id.

        Args:
            address_id: Address id (integer >= 1).
        """
        return cast(
            "records.Address",
            self._execute(
                "get",
                address_id=address_id,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Address]:
        """Search the addresses records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Address]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Address]:
        """Count, average, sum, min or max the addresses records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Address]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Iterator[records.Address]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "Iterator[records.Address]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class Greetings(SyncNamespace):
    """``greetings`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "greetings"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Greeting]:
        """List greetings (name, category, active, audio, numbers and IVRs using them).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Greeting]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    def get(
        self,
        *,
        greeting_id: str | int,
    ) -> records.Greeting:
        """Get one greeting by id.

        Args:
            greeting_id: Greeting id: an integer, or a system default name such as 'voicemail_en'.
        """
        return cast(
            "records.Greeting",
            self._execute(
                "get",
                greeting_id=greeting_id,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Greeting]:
        """Search the greetings records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Greeting]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Greeting]:
        """Count, average, sum, min or max the greetings records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Greeting]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Iterator[records.Greeting]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "Iterator[records.Greeting]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class GreetingCategories(SyncNamespace):
    """``greeting_categories`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "greeting_categories"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.GreetingCategory]:
        """List greeting categories (voicemail, available...).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.GreetingCategory]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    def get(
        self,
        *,
        greeting_category_id: int,
    ) -> records.GreetingCategory:
        """Get one greeting category by id.

        Args:
            greeting_category_id: Greeting category id (integer >= 1).
        """
        return cast(
            "records.GreetingCategory",
            self._execute(
                "get",
                greeting_category_id=greeting_category_id,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.GreetingCategory]:
        """Search the greeting_categories records synced into the context store: filter and sort
        over all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.GreetingCategory]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.GreetingCategory]:
        """Count, average, sum, min or max the greeting_categories records synced into the local
        store, grouped by fields or time buckets (day:created_at): one exact row per group over all
        of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.GreetingCategory]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Iterator[records.GreetingCategory]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "Iterator[records.GreetingCategory]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class Ivrs(SyncNamespace):
    """``ivrs`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "ivrs"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Ivr]:
        """List IVRs with their menus, routes and phone numbers.

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Ivr]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
            ),
        )

    def get(
        self,
        *,
        ivr_id: int,
    ) -> records.Ivr:
        """Get one IVR by id, with its menus and routes.

        Args:
            ivr_id: IVR id (integer >= 1).
        """
        return cast(
            "records.Ivr",
            self._execute(
                "get",
                ivr_id=ivr_id,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Ivr]:
        """Search the ivrs records synced into the context store: filter and sort over all of them,
        with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Ivr]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Ivr]:
        """Count, average, sum, min or max the ivrs records synced into the local store, grouped by
        fields or time buckets (day:created_at): one exact row per group over all of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Ivr]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Iterator[records.Ivr]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
        """
        return cast(
            "Iterator[records.Ivr]",
            self._iter(
                limit=limit,
                cursor=cursor,
            ),
        )


class IvrMenus(SyncNamespace):
    """``ivr_menus`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "ivr_menus"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
        ivr_id: int,
    ) -> results.ZendeskTalkExecuteResult[records.IvrMenu]:
        """List the menus of one IVR (needs ivr_id).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            ivr_id: IVR id (integer >= 1).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrMenu]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
                ivr_id=ivr_id,
            ),
        )

    def get(
        self,
        *,
        ivr_id: int,
        menu_id: int,
    ) -> records.IvrMenu:
        """Get one IVR menu (needs ivr_id and menu_id).

        Args:
            ivr_id: IVR id (integer >= 1).
            menu_id: Menu id (integer >= 1).
        """
        return cast(
            "records.IvrMenu",
            self._execute(
                "get",
                ivr_id=ivr_id,
                menu_id=menu_id,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.IvrMenu]:
        """Search the ivr_menus records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrMenu]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.IvrMenu]:
        """Count, average, sum, min or max the ivr_menus records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrMenu]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        ivr_id: int,
    ) -> Iterator[records.IvrMenu]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            ivr_id: IVR id (integer >= 1).
        """
        return cast(
            "Iterator[records.IvrMenu]",
            self._iter(
                limit=limit,
                cursor=cursor,
                ivr_id=ivr_id,
            ),
        )


class IvrRoutes(SyncNamespace):
    """``ivr_routes`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "ivr_routes"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
        ivr_id: int,
        menu_id: int,
    ) -> results.ZendeskTalkExecuteResult[records.IvrRoute]:
        """List the keypress routes of one IVR menu (needs ivr_id and menu_id).

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            ivr_id: IVR id (integer >= 1).
            menu_id: Menu id (integer >= 1).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrRoute]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
                ivr_id=ivr_id,
                menu_id=menu_id,
            ),
        )

    def get(
        self,
        *,
        ivr_id: int,
        menu_id: int,
        route_id: int,
    ) -> records.IvrRoute:
        """Get one IVR route (needs ivr_id, menu_id and route_id).

        Args:
            ivr_id: IVR id (integer >= 1).
            menu_id: Menu id (integer >= 1).
            route_id: Route id (integer >= 1).
        """
        return cast(
            "records.IvrRoute",
            self._execute(
                "get",
                ivr_id=ivr_id,
                menu_id=menu_id,
                route_id=route_id,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.IvrRoute]:
        """Search the ivr_routes records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrRoute]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.IvrRoute]:
        """Count, average, sum, min or max the ivr_routes records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.IvrRoute]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        ivr_id: int,
        menu_id: int,
    ) -> Iterator[records.IvrRoute]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            ivr_id: IVR id (integer >= 1).
            menu_id: Menu id (integer >= 1).
        """
        return cast(
            "Iterator[records.IvrRoute]",
            self._iter(
                limit=limit,
                cursor=cursor,
                ivr_id=ivr_id,
                menu_id=menu_id,
            ),
        )


class Availabilities(SyncNamespace):
    """``availabilities`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "availabilities"

    def get(
        self,
        *,
        agent_id: int,
    ) -> records.Availability:
        """Get an agent's Talk availability (agent_state, call_status, via).

        Args:
            agent_id: Agent (user) id (integer >= 1).
        """
        return cast(
            "records.Availability",
            self._execute(
                "get",
                agent_id=agent_id,
            ),
        )

    def update(
        self,
        *,
        agent_id: int,
        agent_state: str | None = None,
        via: str | None = None,
    ) -> records.Availability:
        """Set an agent's Talk availability (agent_state, via). Write action.

        Args:
            agent_id: Agent (user) id (integer >= 1).
            agent_state: One of: online, offline, away, transfers_only.
            via: One of: client, phone.
        """
        return cast(
            "records.Availability",
            self._execute(
                "update",
                agent_id=agent_id,
                agent_state=agent_state,
                via=via,
            ),
        )


class AgentsActivity(SyncNamespace):
    """``agents_activity`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "agents_activity"

    def list(
        self,
        *,
        limit: int = 100,
        cursor: str | None = None,
        group_ids: Sequence[int] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentActivity]:
        """Today's per-agent stats (today in the account's time zone): state, calls
        accepted/denied/missed, talk, hold and wrap-up times. Filter with group_ids.

        Args:
            limit: Max records to return, 1-10000 (default 100).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            group_ids: Only agents in these group ids (up to 100).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentActivity]",
            self._execute(
                "list",
                limit=limit,
                cursor=cursor,
                group_ids=group_ids,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentActivity]:
        """Search the agents_activity records synced into the context store: filter and sort over
        all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentActivity]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentActivity]:
        """Count, average, sum, min or max the agents_activity records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentActivity]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        group_ids: Sequence[int] | None = None,
    ) -> Iterator[records.AgentActivity]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue.
            group_ids: Only agents in these group ids (up to 100).
        """
        return cast(
            "Iterator[records.AgentActivity]",
            self._iter(
                limit=limit,
                cursor=cursor,
                group_ids=group_ids,
            ),
        )


class AgentsOverview(SyncNamespace):
    """``agents_overview`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "agents_overview"

    def list(self) -> results.ZendeskTalkExecuteResult[records.AgentsOverview]:
        """Today's totals and averages over all agents (one record; today in the account's time
        zone).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentsOverview]",
            self._execute("list"),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentsOverview]:
        """Search the agents_overview records synced into the context store: filter and sort over
        all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentsOverview]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AgentsOverview]:
        """Count, average, sum, min or max the agents_overview records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AgentsOverview]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(self) -> Iterator[records.AgentsOverview]:
        """Every record of ``list``, page by page, in constant memory."""
        return cast(
            "Iterator[records.AgentsOverview]",
            self._iter(),
        )


class AccountOverview(SyncNamespace):
    """``account_overview`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "account_overview"

    def list(
        self,
        *,
        phone_number_ids: Sequence[int] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AccountOverview]:
        """Today's account call stats (today in the account's time zone): totals, average call
        duration, queue wait, voicemails (one record). Filter with phone_number_ids.

        Args:
            phone_number_ids: Only these phone number ids (up to 100).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AccountOverview]",
            self._execute(
                "list",
                phone_number_ids=phone_number_ids,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AccountOverview]:
        """Search the account_overview records synced into the context store: filter and sort over
        all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AccountOverview]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.AccountOverview]:
        """Count, average, sum, min or max the account_overview records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.AccountOverview]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        phone_number_ids: Sequence[int] | None = None,
    ) -> Iterator[records.AccountOverview]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            phone_number_ids: Only these phone number ids (up to 100).
        """
        return cast(
            "Iterator[records.AccountOverview]",
            self._iter(
                phone_number_ids=phone_number_ids,
            ),
        )


class CurrentQueueActivity(SyncNamespace):
    """``current_queue_activity`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "current_queue_activity"

    def list(
        self,
        *,
        phone_number_ids: Sequence[int] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]:
        """The queue right now: calls and callbacks waiting, agents online, wait times (one record).
        Filter with phone_number_ids.

        Args:
            phone_number_ids: Only these phone number ids (up to 100).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]",
            self._execute(
                "list",
                phone_number_ids=phone_number_ids,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]:
        """Search the current_queue_activity records synced into the context store: filter and sort
        over all of them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]:
        """Count, average, sum, min or max the current_queue_activity records synced into the local
        store, grouped by fields or time buckets (day:created_at): one exact row per group over all
        of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CurrentQueueActivity]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        phone_number_ids: Sequence[int] | None = None,
    ) -> Iterator[records.CurrentQueueActivity]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            phone_number_ids: Only these phone number ids (up to 100).
        """
        return cast(
            "Iterator[records.CurrentQueueActivity]",
            self._iter(
                phone_number_ids=phone_number_ids,
            ),
        )


class Calls(SyncNamespace):
    """``calls`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "calls"

    def list(
        self,
        *,
        start_time: int | str | datetime.date,
        limit: int = 1000,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Call]:
        """Calls created or updated since start_time (incremental export, oldest first): direction,
        status, agent, durations, voicemail, IVR.

        Args:
            start_time: Required. Records created or updated at or after this time: epoch seconds or
                ISO 8601 (e.g. '2024-11-29', UTC if no offset).
            limit: Max records to return, 1-100000 (default 1000).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue (takes
                precedence over start_time).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Call]",
            self._execute(
                "list",
                start_time=start_time,
                limit=limit,
                cursor=cursor,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Call]:
        """Search the calls records synced into the context store: filter and sort over all of them,
        with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Call]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.Call]:
        """Count, average, sum, min or max the calls records synced into the local store, grouped by
        fields or time buckets (day:created_at): one exact row per group over all of them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.Call]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        start_time: int | str | datetime.date,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Iterator[records.Call]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            start_time: Required. Records created or updated at or after this time: epoch seconds or
                ISO 8601 (e.g. '2024-11-29', UTC if no offset).
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue (takes
                precedence over start_time).
        """
        return cast(
            "Iterator[records.Call]",
            self._iter(
                start_time=start_time,
                limit=limit,
                cursor=cursor,
            ),
        )


class CallLegs(SyncNamespace):
    """``call_legs`` of :class:`~.connector.SyncZendeskTalkConnector`."""

    _entity = "call_legs"

    def list(
        self,
        *,
        start_time: int | str | datetime.date,
        limit: int = 1000,
        cursor: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CallLeg]:
        """Call legs created or updated since start_time (incremental export, oldest first): one per
        customer/agent part of a call, with agent_id and completion_status such as agent_missed.

        Args:
            start_time: Required. Records created or updated at or after this time: epoch seconds or
                ISO 8601 (e.g. '2024-11-29', UTC if no offset).
            limit: Max records to return, 1-100000 (default 1000).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue (takes
                precedence over start_time).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CallLeg]",
            self._execute(
                "list",
                start_time=start_time,
                limit=limit,
                cursor=cursor,
            ),
        )

    def context_store_search(
        self,
        *,
        query: params.ContextStoreQuery | Mapping[str, Any] | None = None,
        limit: int = 1000,
        cursor: str | None = None,
        fields: Sequence[Sequence[str]] | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CallLeg]:
        """Search the call_legs records synced into the context store: filter and sort over all of
        them, with a cursor to page.

        Args:
            query: filter and sort (ContextStoreQuery).
            limit: Max records, 1-10000 (default 1000).
            cursor: meta.next_cursor of a previous search.
            fields: Field paths to return, e.g. [['id'], ['greeting_ids']] or ['id', 'a.b'].
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CallLeg]",
            self._execute(
                "context_store_search",
                query=query,
                limit=limit,
                cursor=cursor,
                fields=fields,
            ),
        )

    def context_store_aggregate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        metrics: Sequence[str] | None = None,
        sort: Sequence[Mapping[str, Literal["asc", "desc"]]] | None = None,
        limit: int = 100,
        timezone: str | None = None,
    ) -> results.ZendeskTalkExecuteResult[records.CallLeg]:
        """Count, average, sum, min or max the call_legs records synced into the local store,
        grouped by fields or time buckets (day:created_at): one exact row per group over all of
        them.

        Args:
            filter: Condition tree as in context_store_search, e.g. {'eq': {'completion_status':
                'agent_missed'}}.
            group_by: Up to 3 fields to group by, or time buckets 'hour:created_at',
                'day:created_at', 'week:created_at' (Monday), 'month:created_at'. Empty: one group.
            metrics: 'count', or 'avg:<field>', 'sum:<field>', 'min:<field>', 'max:<field>' (up to
                10; default ['count']), e.g. ['count', 'avg:duration'].
            sort: Order of the groups by output columns, e.g. [{'count': 'desc'}] or
                [{'avg_duration': 'desc'}]. Default: time buckets ascending, else count descending.
            limit: Max groups, 1-10000 (default 100).
            timezone: IANA time zone for time buckets, e.g. 'Europe/Paris' (default UTC).
        """
        return cast(
            "results.ZendeskTalkExecuteResult[records.CallLeg]",
            self._execute(
                "context_store_aggregate",
                filter=filter,
                group_by=group_by,
                metrics=metrics,
                sort=sort,
                limit=limit,
                timezone=timezone,
            ),
        )

    def iter(
        self,
        *,
        start_time: int | str | datetime.date,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Iterator[records.CallLeg]:
        """Every record of ``list``, page by page, in constant memory.

        Args:
            start_time: Required. Records created or updated at or after this time: epoch seconds or
                ISO 8601 (e.g. '2024-11-29', UTC if no offset).
            limit: Stop after this many records (default: every record).
            cursor: Opaque cursor from a previous result's meta.next_cursor, to continue (takes
                precedence over start_time).
        """
        return cast(
            "Iterator[records.CallLeg]",
            self._iter(
                start_time=start_time,
                limit=limit,
                cursor=cursor,
            ),
        )

"""The base of the typed namespaces: ``connector.phone_numbers.get(phone_number_id=1)``.

The namespace classes themselves are generated from the catalog into :mod:`._namespaces`
(``python -m zendesk_talk_connector._namespaces_gen``); each method only hands its keyword
arguments to the connector's own ``execute`` or ``iter``, which validate and run them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import TYPE_CHECKING, Any, Protocol


class AsyncRunner(Protocol):
    """What an async namespace needs of its connector (``ZendeskTalkConnector``)."""

    def execute(self, entity: str, action: str, params: dict[str, Any], /) -> Awaitable[Any]: ...

    def iter(self, entity: str, action: str, params: dict[str, Any], /) -> AsyncIterator[Any]: ...


class SyncRunner(Protocol):
    """What a sync namespace needs of its connector (``SyncZendeskTalkConnector``)."""

    def execute(self, entity: str, action: str, params: dict[str, Any], /) -> Any: ...

    def iter(self, entity: str, action: str, params: dict[str, Any], /) -> Iterator[Any]: ...


def _given(params: dict[str, Any]) -> dict[str, Any]:
    # None stands for "not given" in every generated signature, so the params model's own
    # default applies (and iter's limit=None means every record, not a limit of None).
    return {name: value for name, value in params.items() if value is not None}


class _Namespace:
    _entity: str
    """The catalog entity; set by each generated class."""

    def __repr__(self) -> str:
        return f"<{self._entity}: {', '.join(self._methods())}>"

    def _methods(self) -> list[str]:
        return [name for name in vars(type(self)) if not name.startswith("_")]

    if not TYPE_CHECKING:  # to type checkers an unknown action stays an error

        def __getattr__(self, name: str) -> Any:
            raise AttributeError(
                f"{self._entity!r} has no action {name!r} (actions: {', '.join(self._methods())})"
            )


class AsyncNamespace(_Namespace):
    """``connector.<entity>`` of the async connector."""

    def __init__(self, connector: AsyncRunner) -> None:
        self._connector = connector

    async def _execute(self, action: str, **params: Any) -> Any:
        return await self._connector.execute(self._entity, action, _given(params))

    def _iter(self, **params: Any) -> AsyncIterator[Any]:
        return self._connector.iter(self._entity, "list", _given(params))


class SyncNamespace(_Namespace):
    """``connector.<entity>`` of the sync connector."""

    def __init__(self, connector: SyncRunner) -> None:
        self._connector = connector

    def _execute(self, action: str, **params: Any) -> Any:
        return self._connector.execute(self._entity, action, _given(params))

    def _iter(self, **params: Any) -> Iterator[Any]:
        return self._connector.iter(self._entity, "list", _given(params))

"""``ZendeskTalkToolkit``: the Zendesk Talk tools for LangChain agents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from langchain_core.tools import BaseTool, BaseToolkit
from pydantic import ConfigDict, PrivateAttr

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkConnector
from zendesk_talk_connector.tools import DEFAULT_MAX_OUTPUT_CHARS, Toolset

from .tools import ZendeskTalkTool


class ZendeskTalkToolkit(BaseToolkit):
    """Zendesk Talk (Voice) tools for LangChain agents.

    ``get_tools()`` gives one :class:`ZendeskTalkTool` per read action
    (``zendesk_talk_phone_numbers_list``, ``zendesk_talk_calls_list``...), or with
    ``single_tool=True`` the one ``zendesk_talk_execute(entity, action, params)`` tool.

    *Security note*: the tools only read, unless the connector was built with
    ``allow_writes=True``; then write actions (such as ``zendesk_talk_availabilities_update``)
    are tools too. Give agents a read-only connector unless they must change data.

    Args:
        connector: a ``ZendeskTalkConnector`` or ``SyncZendeskTalkConnector``. Tools use its
            sync twin for ``invoke`` and its async twin for ``ainvoke`` (twins share
            credentials); a twin the toolkit makes is closed by :meth:`aclose`.
        include: only these entities, tool names or ``entity/action`` (default: all).
        exclude: leave these out (same forms as ``include``).
        single_tool: expose one generic tool instead of one tool per action.
        max_output_chars: the size budget of each tool output (at least 1,000).

    Raises:
        zendesk_talk_connector.InvalidParams: an unknown name in ``include``/``exclude``.
        ValueError: ``max_output_chars`` below 1,000.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    connector: ZendeskTalkConnector | SyncZendeskTalkConnector
    include: list[str] | None = None
    exclude: list[str] | None = None
    single_tool: bool = False
    max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS

    _toolset: Toolset = PrivateAttr()

    def __init__(
        self,
        *,
        connector: ZendeskTalkConnector | SyncZendeskTalkConnector,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        single_tool: bool = False,
        max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS,
        **kwargs: Any,
    ) -> None:
        """Build the toolset now, so bad names fail at construction."""
        include = [include] if isinstance(include, str) else include
        exclude = [exclude] if isinstance(exclude, str) else exclude
        super().__init__(
            connector=connector,
            include=None if include is None else list(include),
            exclude=None if exclude is None else list(exclude),
            single_tool=single_tool,
            max_output_chars=max_output_chars,
            **kwargs,
        )
        self._toolset = Toolset(
            self.connector,
            include=self.include,
            exclude=self.exclude,
            single_tool=self.single_tool,
            max_output_chars=self.max_output_chars,
        )

    @property
    def toolset(self) -> Toolset:
        """The neutral toolset every tool of this toolkit runs through."""
        return self._toolset

    @property
    def runner(self) -> Toolset:
        """The toolset, by its 0.1 name."""
        return self._toolset

    def get_tools(self) -> list[BaseTool]:
        """The tools, in catalog order."""
        return [ZendeskTalkTool(definition=d, runner=self._toolset) for d in self._toolset.tools]

    def close(self) -> None:
        """Close the sync twin the toolkit made for an async connector (if it made one).
        The connector you passed stays yours to close."""
        self._toolset.close()

    async def aclose(self) -> None:
        """Close every twin connector the toolkit made (sync or async)."""
        await self._toolset.aclose()

"""What ``execute`` returns for list actions: typed records plus paging meta."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ._record_base import Record

__all__ = [
    "CheckResult",
    "ListMeta",
    "ZendeskTalkExecuteResult",
]

RecordT = TypeVar("RecordT", bound=Record)


class ListMeta(BaseModel):
    """Where a list result stands and how to continue it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    returned: int = Field(description="Records in this result.")
    has_more: bool = Field(description="True when more records can be fetched with next_cursor.")
    next_cursor: str | None = Field(
        None, description="Pass as `cursor` to continue exactly after the last returned record."
    )
    next_page: str | None = Field(None, description="The API's own next_page URL, verbatim.")
    count: int | None = Field(
        None, description="The API's count: the total for lists, the last page's size for exports."
    )
    end_time: int | None = Field(
        None, description="Exports: epoch seconds of the newest record seen (the resume point)."
    )
    warning: str | None = Field(
        None,
        description="Set when paging stopped or skipped something: records the API could not "
        "page to, a page loop it stopped, or the page cap reached.",
    )
    note: str | None = Field(
        None, description="How to get the rest when has_more is true but there is no cursor."
    )


class ZendeskTalkExecuteResult(BaseModel, Generic[RecordT]):
    """The envelope of a list action: ``data`` (typed records) and ``meta``."""

    model_config = ConfigDict(defer_build=True)

    data: list[RecordT]
    meta: ListMeta

    _resume: Callable[[int], str | None] | None = PrivateAttr(default=None)

    def bind_resume(self, resume: Callable[[int], str | None]) -> None:
        self._resume = resume

    def cursor_at(self, index: int) -> str | None:
        """A cursor resuming exactly at ``data[index]``, for callers that show only part of
        the result (e.g. a tool output cut to a size budget). None when nothing follows."""
        if index >= len(self.data):
            return self.meta.next_cursor if self.meta.has_more else None
        if self._resume is None:
            raise ValueError("this result was not produced by a connector; it has no cursors")
        return self._resume(index)


class CheckResult(BaseModel):
    """Outcome of ``connector.check()``."""

    model_config = ConfigDict(defer_build=True)

    status: Literal["healthy", "unhealthy"]
    error: str | None = Field(None, description="Why the check failed.")
    checked: str = Field(description="The operation used to check.")

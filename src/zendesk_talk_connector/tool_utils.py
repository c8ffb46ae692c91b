"""``ZendeskTalkConnector.tool_utils``: make an ``execute`` function a good agent tool.

The reference connector's decorator, done right::

    @agent.tool_plain
    @ZendeskTalkConnector.tool_utils
    async def zendesk_talk_execute(entity: str, action: str, params: dict | None = None):
        return await connector.execute(entity, action, params or {})

It works bare or with arguments, on sync and async functions, and keeps the signature
(``functools.wraps`` plus ``__signature__``) so Pydantic AI's ``@agent.tool_plain`` and an
MCP server's ``@server.tool()`` build the same argument schema as for the undecorated
function; only the return annotation becomes ``str``. The decorated function:

* has a docstring that ends with a compact description of every read entity, action and
  param, generated from the catalog, plus the hosted-only ``context_store_search`` unless
  ``enable_hosted_mode_features=False`` (about 1,500 characters with it, 1,200 without);
* accepts ``fields=[...]`` and ``where=['field=value']`` inside ``params``: they are taken out
  before the function runs and applied to the output (the docstring advertises them);
* returns a ``str``: compact JSON (nulls dropped) within ``max_output_chars``; a list is a
  table, field names once in ``columns`` and one array per record in ``rows`` (see
  :mod:`.output`). A list that does not fit is cut with an honest ``truncated``/``shown``
  marker and the ``next_cursor`` that resumes at the first record left out. When cutting
  cannot help (one record is larger than the budget) the model is told which fields to
  select instead;
* turns :class:`~.errors.ZendeskTalkError` into something the model can act on, per
  ``errors``:

  ``"auto"`` (default)
      ``"model_retry"`` when Pydantic AI is in use (``pydantic_ai`` already imported in this
      process), else ``"return"``. Importability alone is not used: an MCP server in an
      environment that merely has Pydantic AI installed still gets readable errors.
  ``"model_retry"``
      raise Pydantic AI's ``ModelRetry(str(error))`` for errors the model can fix by changing
      its arguments (invalid params, unknown entity/action, not found, bad cursor, rate
      limited); raise ``ToolFailed`` (no retry) for the others (authentication, permissions,
      configuration, server and network failures), or ``ModelRetry`` on Pydantic AI versions
      without ``ToolFailed``.
  ``"return"``
      return the error as JSON text: ``{"error": "InvalidParams", "message": ..., "hint": ...}``.
  ``"raise"``
      re-raise the :class:`~.errors.ZendeskTalkError` unchanged (e.g. for code that maps
      errors itself).

Anything that is not a :class:`~.errors.ZendeskTalkError` (a bug) propagates untouched.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ._record_base import Record
from .catalog import AGGREGATE_ACTION, OPERATIONS, SEARCH_ACTION, Operation, Source, lookup
from .errors import (
    InvalidParams,
    NotFound,
    OutputTooLarge,
    RateLimited,
    UnknownOperation,
    UnsafeNextPage,
    ZendeskTalkError,
)
from .output import (
    DEFAULT_MAX_OUTPUT_CHARS,
    MIN_OUTPUT_CHARS,
    Condition,
    check_fields,
    cut_text,
    drop_nulls,
    dumps,
    parse_where,
    render,
    string_list,
)
from .results import ZendeskTalkExecuteResult

__all__ = [
    "ErrorMode",
    "tool_description",
    "tool_utils",
]

ErrorMode = Literal["auto", "model_retry", "return", "raise"]
_RETRYABLE: tuple[type[ZendeskTalkError], ...] = (
    InvalidParams,
    UnknownOperation,
    NotFound,
    UnsafeNextPage,
    RateLimited,
)
"""Errors a model can fix by calling again with other arguments (or later)."""


def tool_utils(
    func: Callable[..., Any] | None = None,
    /,
    *,
    update_docstring: bool = True,
    max_output_chars: int | None = DEFAULT_MAX_OUTPUT_CHARS,
    enable_hosted_mode_features: bool = True,
    enable_local_store_features: bool = False,
    errors: ErrorMode = "auto",
) -> Callable[..., Any]:
    """Decorate an ``execute(entity, action, params)`` function to be a good agent tool.

    Usable bare (``@ZendeskTalkConnector.tool_utils``) or with arguments
    (``@ZendeskTalkConnector.tool_utils(max_output_chars=4000)``).

    Args:
        func: the function (when used bare).
        update_docstring: append the catalog description (entities, actions, params) to the
            function's docstring, which agent frameworks send to the model.
        max_output_chars: budget of the returned text (>= 1,000), default 8,000; None for no
            budget (not recommended: one export page is ~1 MB).
        enable_hosted_mode_features: describe the hosted-only ``context_store_search``
            action too (default True, as in the reference connector). Pass False for a
            local connector, which cannot search the context store.
        enable_local_store_features: describe what a connector with a local store
            (``store=``, synced) answers: ``context_store_search`` and
            ``context_store_aggregate`` over the stored entities.
        errors: how a :class:`~.errors.ZendeskTalkError` reaches the model: ``"auto"``,
            ``"model_retry"``, ``"return"`` or ``"raise"`` (see the module docs).
    """
    if max_output_chars is not None and max_output_chars < MIN_OUTPUT_CHARS:
        raise ValueError(f"max_output_chars must be at least {MIN_OUTPUT_CHARS} (or None)")
    if errors not in ("auto", "model_retry", "return", "raise"):
        raise ValueError(
            f"errors must be 'auto', 'model_retry', 'return' or 'raise', not {errors!r}"
        )
    shaper = _Shaper(max_output_chars, errors)

    def decorate(inner: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(inner)
        wrapper: Callable[..., Any]
        if inspect.iscoroutinefunction(inner):

            @functools.wraps(inner)
            async def async_wrapper(*args: Any, **kwargs: Any) -> str:
                try:
                    call = shaper.prepare(signature, args, kwargs)
                    result = await inner(*call.args, **call.kwargs)
                except ZendeskTalkError as error:
                    return shaper.failure(error)
                return shaper.output(call, result)

            wrapper = async_wrapper
        else:

            @functools.wraps(inner)
            def sync_wrapper(*args: Any, **kwargs: Any) -> str:
                try:
                    call = shaper.prepare(signature, args, kwargs)
                    result = inner(*call.args, **call.kwargs)
                except ZendeskTalkError as error:
                    return shaper.failure(error)
                return shaper.output(call, result)

            wrapper = sync_wrapper
        setattr(wrapper, "__signature__", signature.replace(return_annotation=str))  # noqa: B010
        wrapper.__annotations__ = {**getattr(inner, "__annotations__", {}), "return": str}
        if update_docstring:
            wrapper.__doc__ = _docstring(
                inner.__doc__,
                max_output_chars,
                enable_hosted_mode_features,
                enable_local_store_features,
            )
        return wrapper

    return decorate if func is None else decorate(func)


# -- the docstring ----------------------------------------------------------------------


HOSTED_SEARCH_DESCRIPTION = (
    f"Hosted mode only (AirbyteAuthConfig): action {SEARCH_ACTION} on any entity with list "
    "searches the records Airbyte synced; params query={'filter': {'eq': {'field': value}}, "
    "'sort': [{'field': 'desc'}]} (operators eq neq gt gte lt lte in like fuzzy keyword and or "
    "not), limit, cursor, fields=['id', ...]."
)


LOCAL_STORE_DESCRIPTION = (
    f"Local store (synced): {SEARCH_ACTION} as above over all stored records of calls, "
    f"call_legs, phone_numbers, lines, greetings, ivrs, agents_activity, ...; and "
    f"{AGGREGATE_ACTION}: params filter (as query.filter), group_by=['agent_id' | "
    "'day:created_at' | hour/week/month], metrics=['count', 'avg:duration', 'sum:talk_time', "
    "'min:...', 'max:...'], sort=[{'count': 'desc'}], limit, timezone -> one row per group."
)


def tool_description(
    max_output_chars: int | None = DEFAULT_MAX_OUTPUT_CHARS,
    *,
    enable_hosted_mode_features: bool = True,
    enable_local_store_features: bool = False,
) -> str:
    """What :func:`tool_utils` appends to a docstring: every read entity, action and param,
    the hosted-only search (unless disabled), the local store's actions (if enabled), and
    the output budget."""
    from .tools import execute_description  # tools imports the connector, which imports us

    lines = [
        execute_description(op for op in OPERATIONS if not op.write and op.source is Source.API)
    ]
    if enable_hosted_mode_features:
        lines.append(HOSTED_SEARCH_DESCRIPTION)
    if enable_local_store_features:
        lines.append(LOCAL_STORE_DESCRIPTION)
    budget = f"at most {max_output_chars:,} chars" if max_output_chars else "not size-bounded"
    lines.append(
        f"Output: compact JSON, {budget}; a list is columns + rows (null: no value); cut to "
        "fit, it says truncated and gives next_cursor. Errors say which param to change."
    )
    return "\n".join(lines)


def _docstring(
    original: str | None, max_output_chars: int | None, hosted: bool, local_store: bool
) -> str:
    head = inspect.cleandoc(original) if original and original.strip() else ""
    description = tool_description(
        max_output_chars,
        enable_hosted_mode_features=hosted,
        enable_local_store_features=local_store,
    )
    return f"{head}\n\n{description}" if head else description


# -- calls, output and errors -----------------------------------------------------------


@dataclass(frozen=True)
class _Call:
    """The arguments to pass on, and what was taken out of ``params`` for the output."""

    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    operation: Operation | None
    fields: list[str] | None
    where: list[Condition]


class _Shaper:
    """The decorator's behaviour, shared by the sync and async wrappers."""

    def __init__(self, max_output_chars: int | None, errors: ErrorMode) -> None:
        self.max_chars = max_output_chars or sys.maxsize
        self.errors = errors

    def prepare(
        self, signature: inspect.Signature, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> _Call:
        """Find the operation from ``entity``/``action`` and take ``fields``/``where`` out of
        ``params``. Calls that do not bind to the signature pass through untouched (the
        function itself then raises its usual ``TypeError``)."""
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            return _Call(args, kwargs, None, None, [])
        entity, action = bound.arguments.get("entity"), bound.arguments.get("action")
        operation = None
        if isinstance(entity, str) and isinstance(action, str):
            # An action outside the catalog (e.g. hosted-only): the function decides.
            with contextlib.suppress(UnknownOperation):
                operation = lookup(entity, action)
        params = bound.arguments.get("params")
        if operation is None or not isinstance(params, Mapping):
            return _Call(args, kwargs, operation, None, [])
        rest = dict(params)
        fields = string_list(rest.pop("fields", None), "fields", operation)
        where = parse_where(operation, string_list(rest.pop("where", None), "where", operation))
        check_fields(operation, fields)
        if len(rest) == len(params):
            return _Call(args, kwargs, operation, None, [])
        bound.arguments["params"] = rest
        return _Call(bound.args, bound.kwargs, operation, fields, where)

    def output(self, call: _Call, result: Any) -> str:
        """The model-facing text for whatever the function returned."""
        if isinstance(result, str):
            return cut_text(result, self.max_chars)
        operation = call.operation or _operation_of(result)
        if operation is not None and isinstance(result, (ZendeskTalkExecuteResult, Record)):
            try:
                return render(
                    operation,
                    result,
                    fields=call.fields,
                    where=call.where,
                    max_chars=self.max_chars,
                )
            except OutputTooLarge as too_large:
                return self.failure(too_large)
        if isinstance(result, BaseModel):
            result = result.model_dump(mode="json")
        text: str = dumps(drop_nulls(result))
        return cut_text(text, self.max_chars)

    def _mode(self) -> ErrorMode:
        if self.errors == "auto":
            return "model_retry" if "pydantic_ai" in sys.modules else "return"
        return self.errors

    def failure(self, error: ZendeskTalkError) -> str:
        """Map a connector error to the model's convention (raise or return text)."""
        mode = self._mode()
        if mode == "raise":
            raise error
        if mode == "model_retry":
            import pydantic_ai

            if isinstance(error, _RETRYABLE):
                raise pydantic_ai.ModelRetry(str(error)) from error
            failed: type[Exception] = getattr(pydantic_ai, "ToolFailed", pydantic_ai.ModelRetry)
            raise failed(str(error)) from error
        return dumps(error.to_dict())


def _operation_of(result: Any) -> Operation | None:
    """The catalog operation a result came from, judged by its record type (for output
    shaping only: entity name and paging kind)."""
    if isinstance(result, ZendeskTalkExecuteResult):
        record_type = type(result.data[0]) if result.data else None
        wanted_list = True
    elif isinstance(result, Record):
        record_type, wanted_list = type(result), False
    else:
        return None
    candidates = [op for op in OPERATIONS if op.record is record_type]
    for op in candidates:
        if op.is_list == wanted_list:
            return op
    if wanted_list and record_type is None:
        return next(op for op in OPERATIONS if op.is_list)
    return candidates[0] if candidates else None

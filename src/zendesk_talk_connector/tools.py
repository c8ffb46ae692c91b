"""Framework-neutral tool definitions, built from the catalog; adapters only map types.

* :class:`Toolset` is what one connector offers a model: the operations it may call
  (``include``/``exclude``, writes only when the connector allows them, context store
  searches only where there is a store), shown as one :class:`ToolDefinition` per operation
  or as the single ``zendesk_talk_execute`` tool. It validates arguments once (with messages
  naming the bad param and the allowed ones), runs the looked-up operation through the async
  or sync connector, and renders the bounded model-facing text (:func:`~.output.render`: a
  list is a ``columns``/``rows`` table); the typed result stays available as the artifact.
  Every face (LangChain, LlamaIndex, MCP) is built from one.
* :func:`tool_definitions` gives the definitions without a connector (docs, the CLI).
* Errors a model can cause leave as :class:`~.errors.ZendeskTalkError` (``str()`` is the
  model-facing text); each adapter maps it to its framework's convention. Anything else
  (programming errors) propagates untouched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from ._engine import ExecuteResult, describe_validation_error, validate_params
from ._record_base import ACCOUNT_CURRENCY
from .catalog import ENTITIES, OPERATIONS, Operation, Paging, Source
from .connector import SyncZendeskTalkConnector, ZendeskTalkConnector
from .errors import InvalidParams, UnknownOperation
from .output import (
    DEFAULT_MAX_OUTPUT_CHARS,
    MIN_OUTPUT_CHARS,
    Condition,
    check_fields,
    numeric_fields,
    parse_where,
    render,
    string_list,
    units,
)

__all__ = [
    "DEFAULT_MAX_OUTPUT_CHARS",
    "EXECUTE_TOOL_NAME",
    "ExecuteResult",
    "ToolDefinition",
    "ToolResult",
    "ToolRunner",
    "Toolset",
    "execute_tool_definition",
    "portable_schema",
    "tool_definitions",
]

if TYPE_CHECKING:
    from .params import Params

EXECUTE_TOOL_NAME = "zendesk_talk_execute"
OUTPUT_PARAMS = ("fields", "where")
"""Tool-only params that shape the output; everything else goes to the action."""
WHERE_DESCRIPTION = (
    "Optional: keep only records whose fields equal these values, as 'field=value' strings, "
    "e.g. ['sms_enabled=true', 'country_code=US']. Applies to the records fetched (limit)."
)
FIELDS_DESCRIPTION = (
    "Optional: only these record fields, as the output's columns (e.g. ['id','name']). "
    "Numeric fields also get count/sum/min/max/avg over all returned records."
)


WHOLE_LIST_CAP = 10_000
"""Records a filtering or summarising list call reads when the model gives no limit."""


def _answers_about_all(
    operation: Operation, fields: list[str] | None, where: list[Condition]
) -> bool:
    """Whether a call's ``matched`` or ``summary`` would describe the list: then it reads
    every page (up to :data:`WHOLE_LIST_CAP`) instead of the first ``limit`` records."""
    if operation.paging is not Paging.OFFSET:
        return False
    return bool(where) or any(name in numeric_fields(operation) for name in fields or ())


@dataclass(frozen=True)
class ToolResult:
    """``content`` for the model; ``artifact`` (typed records) for the application."""

    content: str
    artifact: ExecuteResult


@dataclass(frozen=True)
class Prepared:
    """A validated tool call: what to execute, and how to shape the output."""

    operation: Operation
    params: Params
    fields: list[str] | None
    where: list[Condition]


@dataclass(frozen=True)
class ToolDefinition:
    """One tool: what a framework needs to expose it, and the operation it runs."""

    name: str
    description: str
    args_model: type[BaseModel]
    operation: Operation | None
    """None for the single ``zendesk_talk_execute`` tool."""
    operations: tuple[Operation, ...] = ()
    """What a call may run: the one operation, or the single tool's allow-list."""

    def json_schema(self) -> dict[str, Any]:
        """The args schema, portable across LLM providers (no $ref/$defs, no titles)."""
        return portable_schema(self.args_model.model_json_schema())

    def invalid_args(self, error: ValidationError) -> InvalidParams:
        """The error for arguments a framework rejected against :attr:`args_model` (as the
        toolset words its own): each bad param, a guess for typos, the allowed ones."""
        return describe_validation_error(self.name, tuple(self.args_model.model_fields), error)


def portable_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Inline ``$defs`` and drop ``title`` keys, which several providers reject."""
    definitions = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            siblings = {k: walk(v) for k, v in node.items() if k not in ("$ref", "title", "$defs")}
            ref = node.get("$ref")
            if isinstance(ref, str):  # keep siblings such as a field's description
                return {**walk(definitions[ref.rsplit("/", 1)[-1]]), **siblings}
            return siblings
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    return walk(schema)  # type: ignore[no-any-return]


@cache
def _args_model(operation: Operation) -> type[BaseModel]:
    """The action's params model plus ``fields`` (output selection)."""
    name = "".join(part.title() for part in operation.name.split("_")) + "Args"
    return create_model(
        name,
        __base__=operation.params,
        __doc__=operation.description,
        fields=(list[str] | None, Field(None, description=FIELDS_DESCRIPTION)),
        where=(list[str] | None, Field(None, description=WHERE_DESCRIPTION)),
    )


def _description(operation: Operation, freshness: str = "") -> str:
    text = operation.description
    if freshness:
        text += " " + freshness
    if operation.paging is Paging.OFFSET:
        text += " Returns up to `limit` records; if has_more, pass next_cursor as `cursor`."
    elif operation.paging is Paging.INCREMENTAL:
        text += (
            " Needs start_time (epoch seconds or ISO 8601). Returns up to `limit` records, "
            "oldest first; if has_more, pass next_cursor as `cursor`."
        )
        if operation.rate_limit_note:
            text += f" Zendesk allows {operation.rate_limit_note}."
    if operation.write:
        text += " Changes data in Zendesk."
    return (text + _units_sentence(operation))[:1024]


def _units_sentence(operation: Operation) -> str:
    """What the numbers and times of a list's records mean (units from the record model)."""
    if not operation.is_list:
        return ""
    parts = [
        f"{', '.join(names)}: "
        + ("a number in the account's billing currency" if unit == ACCOUNT_CURRENCY else unit)
        for unit, names in units(operation, None).items()
    ]
    said = f" Units: {'; '.join(parts)}." if parts else ""
    return said + " Times are ISO 8601 UTC; output gives now (current UTC time)."


def _selected(operation: Operation, names: Iterable[str] | None) -> bool:
    if names is None:
        return False
    keys = {operation.entity, operation.name, f"{operation.entity}/{operation.action}"}
    return any(name in keys for name in names)


def select_operations(
    offered: Callable[[Operation], bool],
    *,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
) -> tuple[Operation, ...]:
    """The catalog operations ``offered`` accepts, narrowed by ``include``/``exclude``
    (entity names, tool names such as ``zendesk_talk_calls_list``, or ``entity/action``;
    unknown names are an error)."""
    include, exclude = _known(include), _known(exclude)
    return tuple(
        op
        for op in OPERATIONS
        if offered(op)
        and (include is None or _selected(op, include))
        and not _selected(op, exclude)
    )


def _definition(operation: Operation, freshness: str = "") -> ToolDefinition:
    description = _description(operation, freshness)
    return ToolDefinition(
        operation.name, description, _args_model(operation), operation, (operation,)
    )


def tool_definitions(
    *,
    allow_writes: bool = False,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
    context_store: bool = False,
) -> list[ToolDefinition]:
    """One tool per catalog action, without a connector (docs, the CLI): read actions of the
    Talk API, writes with ``allow_writes``, searches with ``context_store``."""

    def offered(op: Operation) -> bool:
        return (allow_writes or not op.write) and (context_store or op.source is Source.API)

    return [_definition(op) for op in select_operations(offered, include=include, exclude=exclude)]


def _known(names: Iterable[str] | None) -> list[str] | None:
    if names is None:
        return None
    names = [names] if isinstance(names, str) else list(names)
    valid = {*ENTITIES}
    for op in OPERATIONS:
        valid |= {op.name, f"{op.entity}/{op.action}"}
    unknown = [name for name in names if name not in valid]
    if unknown:
        raise InvalidParams(
            f"Unknown tool or entity name(s): {', '.join(map(repr, unknown))}.",
            hint=f"Use entity names ({', '.join(ENTITIES)}), tool names such as "
            "'zendesk_talk_calls_list', or 'entity/action'.",
        )
    return names


# -- the single-tool mode ---------------------------------------------------------------


def _signature(operation: Operation) -> str:
    names = []
    for name, field in operation.params.model_fields.items():
        if name in ("limit", "cursor"):
            continue
        names.append(f"{name}*" if field.is_required() else name)
    return f"{operation.action}({', '.join(names)})"


def execute_description(operations: Iterable[Operation]) -> str:
    """Compact catalog for the single tool: every entity, action and param (< 2,500 chars)."""
    by_entity: dict[str, list[str]] = {}
    for op in operations:
        by_entity.setdefault(op.entity, []).append(_signature(op))
    lines = [
        "Zendesk Talk (voice): pass entity, action, params (*: required). Paged lists take "
        "limit, cursor (from next_cursor); where=['field=value'] filters, fields=[...] selects.",
    ]
    lines += [f"- {entity}: {' | '.join(sigs)}" for entity, sigs in by_entity.items()]
    lines.append(
        "Stats: today, account time zone. calls/call_legs: since start_time (epoch s or "
        "ISO 8601). Lists give now, units."
    )
    return "\n".join(lines)


def _execute_args_model(operations: list[Operation]) -> type[BaseModel]:
    properties: dict[str, Any] = {}
    for op in operations:
        for name, schema in portable_schema(op.params.model_json_schema())["properties"].items():
            properties.setdefault(name, schema)
    properties["fields"] = {
        "type": "array",
        "items": {"type": "string"},
        "description": FIELDS_DESCRIPTION,
    }
    properties["where"] = {
        "type": "array",
        "items": {"type": "string"},
        "description": WHERE_DESCRIPTION,
    }
    for schema in properties.values():
        # Gemini's converter treats a nested property without a default as required.
        schema.setdefault("default", None)
    entities = tuple(dict.fromkeys(op.entity for op in operations))
    actions = tuple(dict.fromkeys(op.action for op in operations))
    return create_model(
        "ZendeskTalkExecuteArgs",
        __config__=ConfigDict(extra="forbid"),
        entity=(Literal[entities], Field(description="The entity, e.g. 'phone_numbers'.")),  # type: ignore[arg-type]
        action=(Literal[actions], Field(description="The action, e.g. 'list' or 'get'.")),  # type: ignore[arg-type]
        params=(
            dict[str, Any],
            Field(
                default_factory=dict,
                description="Params of the action (see the list above).",
                json_schema_extra={"properties": properties},
            ),
        ),
    )


def execute_definition(operations: tuple[Operation, ...]) -> ToolDefinition:
    """The single ``zendesk_talk_execute(entity, action, params)`` tool over ``operations``,
    which are also all it may run."""
    return ToolDefinition(
        EXECUTE_TOOL_NAME,
        execute_description(operations),
        _execute_args_model(list(operations)),
        None,
        operations,
    )


def execute_tool_definition(
    *, allow_writes: bool = False, include: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None, context_store: bool = False,
) -> ToolDefinition:  # fmt: skip
    """The single tool over the operations :func:`tool_definitions` would give."""
    definitions = tool_definitions(
        allow_writes=allow_writes, include=include, exclude=exclude, context_store=context_store
    )
    return execute_definition(tuple(d.operations[0] for d in definitions))


# -- running tools ----------------------------------------------------------------------


class Toolset:
    """The tools one connector offers a model, and the one path a tool call takes.

    Args:
        connector: async or sync; calls use its async twin for ``acall`` and its sync twin
            for ``call`` (twins share credentials; a twin made here is closed by
            :meth:`close`/:meth:`aclose`, the connector you passed stays yours).
        include: only these entities, tool names or ``entity/action`` (default: all).
        exclude: leave these out (same forms).
        single_tool: one ``zendesk_talk_execute(entity, action, params)`` tool instead of one
            tool per operation; it runs only the operations selected here.
        max_output_chars: the size budget of each tool output (at least 1,000).
        clock: the time a list's output states as ``now`` (epoch seconds).

    Raises:
        InvalidParams: an unknown name in ``include``/``exclude``.
        ValueError: ``max_output_chars`` below 1,000.
    """

    def __init__(
        self,
        connector: ZendeskTalkConnector | SyncZendeskTalkConnector,
        *,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        single_tool: bool = False,
        max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_output_chars < MIN_OUTPUT_CHARS:
            raise ValueError(f"max_output_chars must be at least {MIN_OUTPUT_CHARS}")
        self.connector = connector
        self.max_output_chars = max_output_chars
        self.clock = clock
        """The time a list's output states as ``now`` (epoch seconds)."""
        self.operations = select_operations(connector.offers, include=include, exclude=exclude)
        self.tools: list[ToolDefinition] = (
            [execute_definition(self.operations)]
            if single_tool
            else [_definition(op, connector.freshness(op)) for op in self.operations]
        )

    def close(self) -> None:
        """Close the sync twin this toolset created (the given connector stays yours)."""
        twin = self.__dict__.pop("sync_connector", None)
        if twin is not None and twin is not self.connector:
            twin.close()

    async def aclose(self) -> None:
        """Close both twins this toolset created (the given connector stays yours)."""
        self.close()
        twin = self.__dict__.pop("async_connector", None)
        if twin is not None and twin is not self.connector:
            await twin.close()

    @cached_property
    def async_connector(self) -> ZendeskTalkConnector:
        if isinstance(self.connector, ZendeskTalkConnector):
            return self.connector
        return self.connector.to_async()

    @cached_property
    def sync_connector(self) -> SyncZendeskTalkConnector:
        if isinstance(self.connector, SyncZendeskTalkConnector):
            return self.connector
        return self.connector.to_sync()

    def prepare(self, tool: ToolDefinition, args: Mapping[str, Any]) -> Prepared:
        """Validate the model's arguments once, with messages naming the bad param; only the
        tool's own operations can be reached."""
        if tool.operation is None:
            try:
                call = tool.args_model.model_validate(dict(args))
            except ValidationError as exc:
                raise describe_validation_error(
                    EXECUTE_TOOL_NAME, ("entity", "action", "params"), exc
                ) from None
            operation = _allowed(tool.operations, call.entity, call.action)  # type: ignore[attr-defined]
            params = dict(call.params)  # type: ignore[attr-defined]
        else:
            operation, params = tool.operation, dict(args)
        fields = string_list(params.pop("fields", None), "fields", operation)
        where = parse_where(operation, string_list(params.pop("where", None), "where", operation))
        check_fields(operation, fields)
        if "limit" not in params and _answers_about_all(operation, fields, where):
            params["limit"] = WHOLE_LIST_CAP
        validated = validate_params(
            operation, params, also_allowed=OUTPUT_PARAMS, called=_called(tool, operation)
        )
        return Prepared(operation, validated, fields, where)

    async def acall(self, tool: ToolDefinition, args: Mapping[str, Any]) -> ToolResult:
        call = self.prepare(tool, args)
        return self._result(call, await self.async_connector.run(call.operation, call.params))

    def call(self, tool: ToolDefinition, args: Mapping[str, Any]) -> ToolResult:
        call = self.prepare(tool, args)
        return self._result(call, self.sync_connector.run(call.operation, call.params))

    def _result(self, call: Prepared, result: ExecuteResult) -> ToolResult:
        content = render(
            call.operation,
            result,
            fields=call.fields,
            where=call.where,
            max_chars=self.max_output_chars,
            now=self.clock(),
        )
        return ToolResult(content, result)


class ToolRunner(Toolset):
    """0.1's runner, kept for code written against it: a :class:`Toolset` over every
    operation the connector offers, whose :meth:`definitions` narrows per call."""

    def __init__(
        self,
        connector: ZendeskTalkConnector | SyncZendeskTalkConnector,
        *,
        max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(connector, max_output_chars=max_output_chars, clock=clock)

    def definitions(
        self,
        *,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        single_tool: bool = False,
    ) -> list[ToolDefinition]:
        """The tools of a narrower :class:`Toolset` (each runs only what it lists)."""
        return Toolset(
            self.connector,
            include=include,
            exclude=exclude,
            single_tool=single_tool,
            max_output_chars=self.max_output_chars,
            clock=self.clock,
        ).tools


def _allowed(operations: tuple[Operation, ...], entity: str, action: str) -> Operation:
    """The operation among ``operations`` (a tool's allow-list); an error naming the valid
    choices of that list otherwise, never an operation outside it."""
    actions = [op.action for op in operations if op.entity == entity]
    if action in actions:
        return next(op for op in operations if (op.entity, op.action) == (entity, action))
    if not actions:
        entities = ", ".join(dict.fromkeys(op.entity for op in operations))
        raise UnknownOperation(
            f"Unknown entity {entity!r} for {EXECUTE_TOOL_NAME}. Valid entities: {entities}.",
            hint="Pick one of the valid entities.",
        )
    valid = ", ".join(actions)
    raise UnknownOperation(
        f"Entity {entity!r} has no action {action!r} in {EXECUTE_TOOL_NAME}. "
        f"Valid actions: {valid}.",
        hint=f"Use one of: {valid}.",
    )


def _called(tool: ToolDefinition, operation: Operation) -> str:
    """What the model called, as errors name it in every adapter: the tool's name, or
    ``entity/action`` for the single execute tool (its name alone does not say which)."""
    return tool.name if tool.operation is not None else f"{operation.entity}/{operation.action}"

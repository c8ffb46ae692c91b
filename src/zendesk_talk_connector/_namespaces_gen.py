"""Writes the typed ``connector.<entity>`` classes from the catalog.

:mod:`._namespaces` holds a class per entity and flavour (async, sync); :mod:`._entities` the
connectors' properties returning them. Run ``python -m zendesk_talk_connector._namespaces_gen``
after changing the catalog or a params or record model: ``tests/core/test_namespaces.py``
fails until the committed modules are current.
Each action becomes a method with the params model's fields as keyword-only parameters (their
types, defaults and descriptions) returning the record model, or the list envelope of it;
every entity with a ``list`` also gets ``iter``.
"""

from __future__ import annotations

import json
import keyword
import textwrap
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .catalog import ENTITIES, Paging, operations_of
from .params import Accepts

COMMAND = "python -m zendesk_talk_connector._namespaces_gen"
FOLDER = Path(__file__).parent
WIDTH = 100
INDENT = "    "
ITER_LIMIT = "Stop after this many records (default: every record)."


@dataclass(frozen=True)
class Param:
    """One keyword-only parameter of a generated method."""

    name: str
    annotation: str
    default: str | None
    """Source of the default; None: the parameter is required."""
    description: str

    @property
    def source(self) -> str:
        tail = "" if self.default is None else f" = {self.default}"
        return f"{self.name}: {self.annotation}{tail}"


@dataclass(frozen=True)
class Method:
    """One generated method: a catalog action, or ``iter`` over an entity's list."""

    name: str
    description: str
    params: tuple[Param, ...]
    record: str
    kind: Literal["one", "list", "iter"]


class _Module:
    """The generated module's text, and the imports its annotations need."""

    def __init__(self) -> None:
        self.runtime: dict[str, set[str]] = {"typing": {"TYPE_CHECKING", "cast"}}
        self.typing_only: dict[str, set[str]] = {}
        self.plain: set[str] = set()

    def ref(self, cls: type) -> str:
        """How the module names ``cls`` (importing it for type checkers only)."""
        module, name = cls.__module__, cls.__qualname__
        if module == "builtins":
            return name
        if module in ("typing", "collections.abc"):
            self.typing_only.setdefault(module, set()).add(name)
            return name
        if module.startswith(f"{__package__}."):
            parent, _, leaf = f".{module.removeprefix(f'{__package__}.')}".rpartition(".")
            self.typing_only.setdefault(parent or ".", set()).add(leaf)
            return f"{leaf}.{name}"
        self.plain.add(module)
        return f"{module}.{name}"

    def collection(self, name: str) -> str:
        self.typing_only.setdefault("collections.abc", set()).add(name)
        return name

    def alternatives(self, annotation: Any) -> list[str]:
        """The types a caller may pass for ``annotation``, as source (a union's members)."""
        origin, args = get_origin(annotation), get_args(annotation)
        if origin is Annotated:
            return self._all(_accepted(annotation.__metadata__) or args[:1])
        if origin in (Union, types.UnionType):
            return self._all(args)
        if annotation is type(None):
            return ["None"]
        if annotation is Any:
            return [self._any()]
        if origin is Literal:
            return [f"{self._typing('Literal')}[{', '.join(_literal(arg) for arg in args)}]"]
        if origin in (list, Sequence) and args:
            # Sequence, not list: the method ``list`` would shadow the builtin in the class.
            return [f"{self.collection('Sequence')}[{self.type_of(args[0])}]"]
        if origin is dict and args:
            key, value = (self.type_of(arg) for arg in args)
            return [f"{self.collection('Mapping')}[{key}, {value}]"]
        if isinstance(annotation, type) and origin is None and "<" not in annotation.__qualname__:
            if issubclass(annotation, BaseModel):  # a dict of its fields validates too
                return [self.ref(annotation), f"{self.collection('Mapping')}[str, {self._any()}]"]
            return [self.ref(annotation)]
        return [self._any()]  # a type this generator has no case for: still callable

    def type_of(self, annotation: Any) -> str:
        return " | ".join(self.alternatives(annotation))

    def _all(self, annotations: Iterable[Any]) -> list[str]:
        found: dict[str, None] = {}
        for annotation in annotations:
            found.update(dict.fromkeys(self.alternatives(annotation)))
        return list(found)

    def _typing(self, name: str) -> str:
        self.runtime["typing"].add(name)
        return name

    def _any(self) -> str:
        return self._typing("Any")

    def param(self, name: str, field: FieldInfo) -> Param:
        if keyword.iskeyword(name) or name == "self":
            raise ValueError(f"param {name!r} cannot be a keyword argument of a generated method")
        accepted = _accepted(field.metadata)  # pydantic keeps a field's own Annotated[] here
        kinds = self._all(accepted) if accepted else self.alternatives(field.annotation)
        default: str | None = None
        if not field.is_required():
            literal = field.default_factory is None and _is_literal(field.default)
            default = _literal(field.default) if literal else "None"
            if default == "None" and "None" not in kinds:
                kinds.append("None")  # None: "not given", so the model's default applies
        return Param(name, " | ".join(kinds), default, field.description or "")

    def params_of(self, model: type[BaseModel]) -> tuple[Param, ...]:
        return tuple(self.param(name, field) for name, field in model.model_fields.items())

    def imported_names(self) -> set[str]:
        typing_only = (name for names in self.typing_only.values() for name in names)
        return {*self.runtime["typing"], *typing_only, *(m.split(".")[0] for m in self.plain)}


def _accepted(metadata: Iterable[Any]) -> tuple[Any, ...] | None:
    return next((item.types for item in metadata if isinstance(item, Accepts)), None)


def _is_literal(value: Any) -> bool:
    return value is None or type(value) in (bool, int, float, str)


def _literal(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def _methods(module: _Module, entity: str) -> list[Method]:
    operations = operations_of(entity)
    methods = [
        Method(
            op.action,
            op.description,
            module.params_of(op.params),
            module.ref(op.record),
            "one" if op.paging is Paging.RECORD else "list",
        )
        for op in operations
    ]
    listing = next((op for op in operations if op.action == "list"), None)
    if listing is None:
        return methods
    iter_params = tuple(
        replace(p, annotation=f"{p.annotation} | None", default="None", description=ITER_LIMIT)
        if p.name == "limit" and p.default != "None"
        else p
        for p in module.params_of(listing.params)
    )
    description = "Every record of ``list``, page by page, in constant memory."
    methods.append(Method("iter", description, iter_params, module.ref(listing.record), "iter"))
    return methods


def _docstring(method: Method, indent: str) -> list[str]:
    text = method.description.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    one_line = f'{indent}"""{text}"""'
    if not method.params and len(one_line) <= WIDTH:
        return [one_line]
    lines = textwrap.wrap(text, WIDTH, initial_indent=f'{indent}"""', subsequent_indent=indent)
    if method.params:
        lines += ["", f"{indent}Args:"]
        for param in method.params:
            entry = f"{param.name}: {param.description}".rstrip().replace("\\", "\\\\")
            lines += textwrap.wrap(
                entry, WIDTH, initial_indent=indent + INDENT, subsequent_indent=indent + INDENT * 2
            )
    return [*lines, f'{indent}"""']


def _method(module: _Module, method: Method, flavour: str) -> list[str]:
    one, two, three = INDENT, INDENT * 2, INDENT * 3
    if method.kind == "iter":
        iterator = "AsyncIterator" if flavour == "Async" else "Iterator"
        returns = f"{module.collection(iterator)}[{method.record}]"
        define, call, arguments = "def", "self._iter", []
    else:
        returns = method.record
        if method.kind == "list":
            returns = f"{module.ref(_result_type())}[{method.record}]"
        define = "async def" if flavour == "Async" else "def"
        call = ("await " if flavour == "Async" else "") + "self._execute"
        arguments = [f'"{method.name}"']
    arguments += [f"{param.name}={param.name}" for param in method.params]
    if method.params:
        lines = [f"{one}{define} {method.name}(", f"{two}self,", f"{two}*,"]
        lines += [f"{two}{param.source}," for param in method.params]
        lines.append(f"{one}) -> {returns}:")
    else:
        lines = [f"{one}{define} {method.name}(self) -> {returns}:"]
    lines += _docstring(method, two)
    lines += [f"{two}return cast(", f'{three}"{returns}",']
    if method.params:
        lines += [f"{three}{call}(", *(f"{three}{one}{item}," for item in arguments), f"{three}),"]
    else:
        lines.append(f"{three}{call}({', '.join(arguments)}),")
    return [*lines, f"{two})"]


def _result_type() -> type:
    from .results import ZendeskTalkExecuteResult

    return ZendeskTalkExecuteResult


def _class_name(entity: str, flavour: str) -> str:
    return ("Async" if flavour == "Async" else "") + entity.title().replace("_", "")


def _entity_class(module: _Module, entity: str, flavour: str, methods: list[Method]) -> list[str]:
    connector = "ZendeskTalkConnector" if flavour == "Async" else "SyncZendeskTalkConnector"
    lines = [
        f"class {_class_name(entity, flavour)}({flavour}Namespace):",
        f'{INDENT}"""``{entity}`` of :class:`~.connector.{connector}`."""',
        "",
        f'{INDENT}_entity = "{entity}"',
    ]
    for method in methods:
        lines += ["", *_method(module, method, flavour)]
    return lines


def _entities_class(flavour: str, methods: dict[str, list[Method]]) -> list[str]:
    connector = "ZendeskTalkConnector" if flavour == "Async" else "SyncZendeskTalkConnector"
    lines = [
        f"class {'Async' if flavour == 'Async' else ''}Entities:",
        f'{INDENT}"""The typed namespaces of :class:`~.connector.{connector}`, one per entity."""',
    ]
    for entity, entity_methods in methods.items():
        names = ", ".join(method.name for method in entity_methods)
        cls = _class_name(entity, flavour)
        lines += [
            "",
            f"{INDENT}@property",
            f"{INDENT}def {entity}(self: {flavour}Runner) -> {cls}:",
            *textwrap.wrap(
                f'{entity}: {names}."""',
                WIDTH,
                initial_indent=f'{INDENT * 2}"""',
                subsequent_indent=INDENT * 2,
            ),
            f"{INDENT * 2}from ._namespaces import {cls}",
            "",
            f"{INDENT * 2}return {cls}(self)",
        ]
    return lines


def _isort_key(name: str) -> tuple[int, str]:
    """isort's order within an import: constants, then classes, then functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def _imports(module: _Module) -> list[str]:
    def line(source: str, names: set[str]) -> str:
        return f"from {source} import {', '.join(sorted(names, key=_isort_key))}"

    runtime = [line(source, names) for source, names in sorted(module.runtime.items())]
    stdlib = sorted(f"import {name}" for name in module.plain)
    stdlib += [line(s, n) for s, n in sorted(module.typing_only.items()) if not s.startswith(".")]
    ours = [line(s, n) for s, n in sorted(module.typing_only.items()) if s.startswith(".")]
    typing_only = [*stdlib, *([""] if stdlib and ours else []), *ours]
    return [
        *runtime,
        "",
        "from ._namespace import AsyncNamespace, SyncNamespace",
        "",
        "if TYPE_CHECKING:",
        *(f"{INDENT}{item}" if item else "" for item in typing_only),
    ]


def _header(summary: str, *more: str) -> list[str]:
    return [
        f'"""{summary}',
        "",
        f"Generated from the catalog by ``{COMMAND}``; do not edit.",
        *more,
        '"""',
        "",
        "from __future__ import annotations",
        "",
    ]


def render() -> dict[str, str]:
    """The generated modules (file name -> source) for the catalog as it is now."""
    module = _Module()
    methods = {entity: _methods(module, entity) for entity in ENTITIES}
    names = {param.name for found in methods.values() for m in found for param in m.params}
    shadowed = names & module.imported_names()
    if shadowed:  # the cast() strings in the method bodies would resolve to the param
        raise ValueError(f"params named like an imported name: {', '.join(sorted(shadowed))}")
    namespaces: list[str] = []
    classes: list[str] = []
    entities: list[str] = []
    for flavour in ("Async", "Sync"):
        for entity, entity_methods in methods.items():
            namespaces += ["", "", *_entity_class(module, entity, flavour, entity_methods)]
            classes.append(_class_name(entity, flavour))
        entities += ["", "", *_entities_class(flavour, methods)]
    return {
        "_namespaces.py": "\n".join(
            [
                *_header("Typed namespaces: ``connector.<entity>.<action>(...)``."),
                *_imports(module),
                *namespaces,
            ]
        )
        + "\n",
        "_entities.py": "\n".join(
            [
                *_header(
                    "The typed namespaces as attributes of the connectors: ``connector.calls``.",
                    "Each imports :mod:`._namespaces` on first use, not with the connector.",
                ),
                "from typing import TYPE_CHECKING",
                "",
                "if TYPE_CHECKING:",
                f"{INDENT}from ._namespace import AsyncRunner, SyncRunner",
                f"{INDENT}from ._namespaces import (",
                *(f"{INDENT * 2}{name}," for name in sorted(classes, key=_isort_key)),
                f"{INDENT})",
                *entities,
            ]
        )
        + "\n",
    }


def main() -> None:
    for name, source in render().items():
        path = FOLDER / name
        path.write_text(source, encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()

"""The package surface: every public name resolves, and importing loads only what is used."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

import zendesk_talk_connector
from zendesk_talk_connector._record_base import Record
from zendesk_talk_connector.catalog import OPERATIONS
from zendesk_talk_connector.params import Params


def _modules_after(statement: str) -> set[str]:
    probe = (
        "import json, sys\n"
        "before = set(sys.modules)\n"
        f"{statement}\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(out.stdout))


@pytest.mark.parametrize("name", zendesk_talk_connector.__all__)
def test_every_public_name_resolves(name):
    value = getattr(zendesk_talk_connector, name)
    assert value is not None
    assert name in dir(zendesk_talk_connector)


def test_the_typing_imports_name_exactly_the_lazy_public_names():
    """The public names are listed for the lazy loader; type checkers see them through the
    TYPE_CHECKING imports, each re-exported as itself. The two must agree."""
    tree = ast.parse(Path(zendesk_talk_connector.__file__).read_text())
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
    )
    typed = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname == alias.name
    }
    assert typed == zendesk_talk_connector._MODULE_OF
    assert sorted(zendesk_talk_connector.__all__) == sorted([*typed, "__version__"])


def test_an_unknown_name_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="no attribute 'ZendeskTalkClient'"):
        zendesk_talk_connector.ZendeskTalkClient  # noqa: B018


def test_plain_import_loads_no_submodule_and_no_dependency():
    added = _modules_after("import zendesk_talk_connector")
    ours = {m for m in added if m.startswith("zendesk_talk_connector")}
    assert ours == {"zendesk_talk_connector", "zendesk_talk_connector._version"}
    assert not {m for m in added if m.split(".")[0] in ("httpx", "pydantic", "pydantic_core")}


def test_the_connector_loads_no_entity_model_hosted_mode_tools_or_event_loop():
    added = _modules_after("from zendesk_talk_connector import SyncZendeskTalkConnector")
    assert "zendesk_talk_connector.connector" in added
    unused = {
        "zendesk_talk_connector.records",
        "zendesk_talk_connector.params",
        "zendesk_talk_connector.hosted",
        "zendesk_talk_connector.tool_utils",
        "zendesk_talk_connector.tools",
        "asyncio",
    }
    assert not added & unused, added & unused


def test_every_operation_names_models_that_exist():
    for op in OPERATIONS:
        assert issubclass(op.params, Params), op.params_model
        assert issubclass(op.record, Record), op.record_model


def test_the_adapters_import_only_public_names():
    """The framework adapters use the package root and the tools module, nothing internal."""
    root = Path(__file__).resolve().parents[2] / "integrations"
    public = {"zendesk_talk_connector", "zendesk_talk_connector.tools"}
    sources = [
        path
        for path in root.glob("*/**/*.py")
        if "tests" not in path.parts and "build" not in path.parts
    ]
    _assert_imports_only(sources, public)


def _assert_imports_only(sources: list[Path], public: set[str]) -> None:
    """Every ``from zendesk_talk_connector... import`` in ``sources`` names a module of
    ``public`` and names in its ``__all__``."""
    assert sources
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "zendesk_talk_connector"
            ):
                assert node.module in public, f"{path.name} imports {node.module}"
                exported = vars(import_module(node.module)).get("__all__", [])
                for alias in node.names:
                    assert alias.name in exported, f"{path.name}: {node.module}.{alias.name}"


def _public_modules() -> list[str]:
    """Every module of the package whose dotted name has no ``_``-prefixed part."""
    package = Path(zendesk_talk_connector.__file__).parent
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if not any(part.startswith("_") for part in parts):
            names.append(".".join(parts))
    return names


@pytest.mark.parametrize("module", _public_modules())
def test_every_public_module_lists_names_that_exist(module):
    names = vars(import_module(module)).get("__all__")
    assert names, f"{module} has no __all__: make it internal (_name.py) or list its names"
    assert all(hasattr(import_module(module), name) for name in names)


def test_the_internal_modules_are_the_underscored_ones():
    public = set(_public_modules())
    assert "zendesk_talk_connector.connector" in public
    assert not public & {
        f"zendesk_talk_connector.{name}"
        for name in ("engine", "paging", "bodies", "auth", "retry", "record_base", "bounded")
    }


def test_the_cookbook_imports_only_public_names():
    cookbook = Path(__file__).resolve().parents[2] / "cookbook"
    _assert_imports_only(sorted(cookbook.glob("*.py")), set(_public_modules()))

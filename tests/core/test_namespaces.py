"""Typed namespaces: generated from the catalog, current, typed for mypy, and thin over execute."""

from __future__ import annotations

import inspect
import textwrap
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Literal

import pytest
from pydantic import Field

from zendesk_talk_connector import WriteNotAllowed, _namespaces, _namespaces_gen
from zendesk_talk_connector.catalog import ENTITIES, OPERATIONS, SEARCH_ACTION, operations_of
from zendesk_talk_connector.params import Params

PACKAGE = Path(_namespaces_gen.__file__).parent


@pytest.mark.parametrize("name", ["_namespaces.py", "_entities.py"])
def test_the_committed_modules_are_what_the_catalog_generates(name):
    generated = _namespaces_gen.render()[name]
    committed = (PACKAGE / name).read_text(encoding="utf-8")
    assert committed == generated, f"{name} is stale: run `{_namespaces_gen.COMMAND}`"


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: f"{op.entity}-{op.action}")
def test_every_action_is_a_method_with_the_params_of_its_model(op):
    for namespace in (
        getattr(_namespaces, name)
        for name in dir(_namespaces)
        if getattr(getattr(_namespaces, name), "_entity", None) == op.entity
    ):
        signature = inspect.signature(getattr(namespace, op.action))
        params = {name: p for name, p in signature.parameters.items() if name != "self"}
        assert list(params) == list(op.params.model_fields)
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params.values())
        required = {name for name, p in params.items() if p.default is inspect.Parameter.empty}
        assert required == {n for n, f in op.params.model_fields.items() if f.is_required()}
        assert op.record_model in signature.return_annotation
        assert inspect.getdoc(getattr(namespace, op.action)).startswith(op.description[:40])


@pytest.mark.parametrize("entity", ENTITIES)
def test_every_entity_is_a_typed_attribute_of_both_connectors(entity, connector):
    namespace = getattr(connector, entity)
    assert namespace._entity == entity
    assert entity in dir(connector)
    actions = {op.action for op in operations_of(entity)}
    if "list" in actions:
        actions |= {"iter", SEARCH_ACTION}
    assert actions == {name for name in vars(type(namespace)) if not name.startswith("_")}


def test_an_action_the_generator_does_not_know_still_gets_a_method(monkeypatch):
    class Colour(str, Enum):
        RED = "red"

    class OddParams(Params):
        phone_number_id: int = Field(description="Which number.")
        colour: Colour = Colour.RED
        mode: Literal["a", "b"] = "a"
        on: date | None = None
        tags: frozenset[str] = frozenset()
        nested: dict[str, list[int]] | None = None

    odd = replace(OPERATIONS[1], action="archive", description="Archive a number.", write=True)
    odd.__dict__["params"] = OddParams  # what the cached_property would have found
    monkeypatch.setattr(
        _namespaces_gen,
        "operations_of",
        lambda entity: (*operations_of(entity), *([odd] if entity == "phone_numbers" else [])),
    )
    source = _namespaces_gen.render()["_namespaces.py"]
    compile(source, "_namespaces.py", "exec")
    expected = """\
    async def archive(
        self,
        *,
        phone_number_id: int,
        colour: Any | None = None,
        mode: Literal["a", "b"] = "a",
        on: datetime.date | None = None,
        tags: Any | None = None,
        nested: Mapping[str, Sequence[int]] | None = None,
    ) -> records.PhoneNumber:
        \"\"\"Archive a number.
    """
    assert textwrap.indent(textwrap.dedent(expected), "    ") in source


async def test_the_methods_run_the_catalog_actions(aconnector, connector, sandbox):
    number = sandbox.data.phone_numbers[0]
    assert (await aconnector.phone_numbers.get(phone_number_id=number["id"])).id == number["id"]
    first = connector.phone_numbers.list(limit=2)
    rest = connector.phone_numbers.list(limit=2, cursor=first.meta.next_cursor)
    ids = [n.id for n in (*first.data, *rest.data)]
    assert ids == [n["id"] for n in sandbox.data.phone_numbers[:4]]
    assert [a.id for a in connector.addresses.iter(limit=2)] == [
        a["id"] for a in sandbox.data.addresses[:2]
    ]
    first_calls = connector.execute("calls", "list", {"start_time": 0, "limit": 5})
    streamed = aconnector.calls.iter(start_time=date(1970, 1, 1), limit=5)
    assert [call.id async for call in streamed] == [call.id for call in first_calls.data]


def test_greeting_ids_may_be_ints_as_the_signature_says(connector, sandbox):
    greeting = next(g for g in sandbox.data.greetings if isinstance(g["id"], int))
    assert connector.greetings.get(greeting_id=greeting["id"]).id == greeting["id"]


def test_writes_are_methods_that_need_allow_writes(sandbox, connector):
    agent_id = sandbox.data.agents[1]["id"]
    with pytest.raises(WriteNotAllowed, match="allow_writes=True"):
        connector.availabilities.update(agent_id=agent_id, agent_state="away")
    assert len(sandbox.requests) == 0


def test_unknown_names_say_what_exists(connector):
    with pytest.raises(AttributeError, match=r"entities: phone_numbers, lines"):
        _ = connector.phone_numberz
    with pytest.raises(AttributeError, match=r"actions: list, get, search, .*iter"):
        _ = connector.phone_numbers.delete
    assert repr(connector.availabilities) == "<availabilities: get, update>"
    assert not hasattr(connector.availabilities, "iter")


def test_importing_the_connector_does_not_import_the_namespaces():
    from .test_package import _modules_after

    added = _modules_after("from zendesk_talk_connector import SyncZendeskTalkConnector")
    assert "zendesk_talk_connector._entities" in added
    assert "zendesk_talk_connector._namespaces" not in added


SNIPPET = """\
from datetime import date

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkConnector


async def probe(a: ZendeskTalkConnector, s: SyncZendeskTalkConnector) -> None:
    reveal_type(await a.phone_numbers.get(phone_number_id=1))
    reveal_type(s.phone_numbers.get(phone_number_id=1))
    reveal_type(s.phone_numbers.list(limit=5))
    reveal_type(a.calls.iter(start_time=date(2024, 11, 1)))
    reveal_type(s.call_legs.iter(start_time="2024-11-01"))
    s.phone_numbers.get(phone_number_id="1")
    s.phone_numbers.gett
    s.phone_numberz
"""

# Only the package is checked: pydantic and httpx are skipped (their models become Any to
# mypy), which keeps a first run to seconds; make typecheck checks the package in full.
MYPY_CONFIG = """\
[mypy]
strict = True
[mypy-pydantic.*,pydantic_core.*,httpx.*,httpcore.*,anyio.*]
follow_imports = skip
[mypy-zendesk_talk_connector.*]
ignore_errors = True
"""


def test_mypy_sees_the_parameters_and_return_types(tmp_path, request):
    api = pytest.importorskip("mypy.api")
    (tmp_path / "probe.py").write_text(SNIPPET)
    (tmp_path / "mypy.ini").write_text(MYPY_CONFIG)
    cache = request.config.cache.mkdir("mypy")  # kept between runs: later runs take ~1 s
    out, err, _status = api.run(
        [
            "--config-file",
            str(tmp_path / "mypy.ini"),
            "--cache-dir",
            str(cache),
            str(tmp_path / "probe.py"),
        ]
    )
    lines = [line.split(": ", 1)[1] for line in out.splitlines() if "probe.py:" in line]
    assert lines == [
        'note: Revealed type is "zendesk_talk_connector.records.PhoneNumber"',
        'note: Revealed type is "zendesk_talk_connector.records.PhoneNumber"',
        'note: Revealed type is "zendesk_talk_connector.results.ZendeskTalkExecuteResult'
        '[zendesk_talk_connector.records.PhoneNumber]"',
        'note: Revealed type is "typing.AsyncIterator[zendesk_talk_connector.records.Call]"',
        'note: Revealed type is "typing.Iterator[zendesk_talk_connector.records.CallLeg]"',
        'error: Argument "phone_number_id" to "get" of "PhoneNumbers" has incompatible type '
        '"str"; expected "int"  [arg-type]',
        'error: "PhoneNumbers" has no attribute "gett"; maybe "get"?  [attr-defined]',
        'error: "SyncZendeskTalkConnector" has no attribute "phone_numberz"  [attr-defined]',
    ], out + err

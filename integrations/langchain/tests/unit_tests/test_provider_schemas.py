"""Every tool's schema, as it reaches the model, must be accepted by OpenAI function calling,
Anthropic tool use and Gemini function declarations.

The schema checked is ``convert_to_openai_tool(tool)`` (what ``bind_tools`` sends for OpenAI
and what the other LangChain providers start from); where the provider packages are
installed, their own offline payload builders are checked too (no network, no keys).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from langchain_zendesk_talk import ZendeskTalkToolkit

from zendesk_talk_connector import SyncZendeskTalkConnector, ZendeskTalkApiTokenAuthConfig

AUTH = ZendeskTalkApiTokenAuthConfig(email="agent@example.com", api_token="not-a-real-token")


def all_tools() -> dict[str, BaseTool]:
    """Every tool a toolkit can give, by test id: per action (writes included) and the
    single tool, read-only and with writes (its description lists the write actions)."""
    connector = SyncZendeskTalkConnector(AUTH, base_url="http://127.0.0.1:9")
    writer = SyncZendeskTalkConnector(AUTH, base_url="http://127.0.0.1:9", allow_writes=True)
    tools = {t.name: t for t in ZendeskTalkToolkit(connector=writer).get_tools()}
    (single,) = ZendeskTalkToolkit(connector=connector, single_tool=True).get_tools()
    (single_writer,) = ZendeskTalkToolkit(connector=writer, single_tool=True).get_tools()
    return {**tools, single.name: single, f"{single.name}[writes]": single_writer}


TOOLS = all_tools()
IDS = list(TOOLS)
READ_ONLY = [t for key, t in TOOLS.items() if key != "zendesk_talk_execute[writes]"]

# Violations found in the neutral layer, reported rather than patched here. A test for one
# of these is marked xfail only while the violation is actually observed, so a core fix
# turns it back into a plain pass.
CORE_ISSUES = {
    "long-execute-description": "core: execute_description() with writes enabled is longer "
    "than 1,024 chars (1,055); see the integration's report for the proposed fix",
    "gemini-nested-required": "core: the single tool's nested `params` properties have no "
    "`default`, so langchain-google-genai marks e.g. start_time, ivr_id, fields and where "
    "required for every action; see the integration's report for the proposed fix",
}


def known_issue(issue: str, observed: bool) -> None:
    if observed:
        pytest.xfail(CORE_ISSUES[issue])


@pytest.fixture(params=IDS)
def function(request: pytest.FixtureRequest) -> dict[str, Any]:
    """``{"name", "description", "parameters"}`` as ``bind_tools`` sends it."""
    spec = convert_to_openai_tool(TOOLS[request.param])
    assert spec["type"] == "function"
    return spec["function"]  # type: ignore[no-any-return]


def nodes(schema: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema node (dict) with its JSON path. Values of ``properties`` are schemas;
    ``enum``/``default``/``required`` values are data, never walked."""
    if not isinstance(schema, dict):
        return
    yield path, schema
    for name, sub in schema.get("properties", {}).items():
        yield from nodes(sub, f"{path}.properties.{name}")
    if isinstance(schema.get("items"), dict):
        yield from nodes(schema["items"], f"{path}.items")
    for key in ("anyOf", "oneOf", "allOf"):
        for i, sub in enumerate(schema.get(key, [])):
            yield from nodes(sub, f"{path}.{key}[{i}]")
    if isinstance(schema.get("additionalProperties"), dict):
        yield from nodes(schema["additionalProperties"], f"{path}.additionalProperties")


# -- names ---------------------------------------------------------------------------------


def test_name_is_portable(function: dict[str, Any]) -> None:
    name = function["name"]
    # OpenAI API reference, FunctionDefinition.name: "Must be a-z, A-Z, 0-9, or contain
    # underscores and dashes, with a maximum length of 64."
    # Anthropic tool use docs, tool `name`: "Must match the regex ^[a-zA-Z0-9_-]{1,64}$."
    assert re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", name)
    # Gemini API reference, FunctionDeclaration.name: "Must start with a letter or an
    # underscore ... maximum length of 64." (Our own rule is stricter, see DESIGN.md.)
    assert re.fullmatch(r"[a-z][a-z0-9_]{0,63}", name)


def test_names_are_unique() -> None:
    # OpenAI and Anthropic reject a request with two tools of the same name.
    names = [t.name for t in READ_ONLY]
    assert len(set(names)) == len(names)


# -- descriptions --------------------------------------------------------------------------


def test_description_fits_1024_chars(function: dict[str, Any]) -> None:
    # OpenAI returned 400 `string_above_max_length` for `function.description` > 1024 chars
    # (langchain-ai/open_deep_research#80, getsentry/sentry-mcp#106); LlamaIndex's
    # ToolMetadata.to_openai_tool() enforces the same limit.
    known_issue("long-execute-description", len(function["description"]) > 1024)
    assert 0 < len(function["description"]) <= 1024


def test_every_property_has_a_description(function: dict[str, Any]) -> None:
    # OpenAI function-calling guide ("Best practices": describe every parameter) and
    # Anthropic tool use docs ("Provide extremely detailed descriptions"): the description
    # is the only place Gemini shows bounds, since it drops minimum/maximum.
    for path, node in nodes(function["parameters"]):
        for name, prop in node.get("properties", {}).items():
            assert prop.get("description"), f"{path}.properties.{name} has no description"


# -- schema shape --------------------------------------------------------------------------


def test_top_level_is_a_plain_object(function: dict[str, Any]) -> None:
    params = function["parameters"]
    # OpenAI: "parameters ... described as a JSON Schema object" with type "object"
    # (non-object schemas are rejected: "schema must be a JSON Schema of 'type: "object"'").
    # Anthropic tool use docs: input_schema is a JSON Schema whose type is "object".
    assert params["type"] == "object"
    # Anthropic: "input_schema does not support oneOf, allOf, or anyOf at the top level"
    # (anthropics/claude-code#40075, PostHog/posthog#61359).
    assert not {"anyOf", "oneOf", "allOf", "not", "enum", "const"} & set(params)
    # Gemini: an OBJECT needs non-empty properties ("properties: should be non-empty for
    # OBJECT type"); every tool has at least the output params.
    assert params["properties"]


def test_no_refs_or_defs(function: dict[str, Any]) -> None:
    # Gemini's Schema (an OpenAPI 3.0 subset) has no $ref/$defs: "Unknown name \"$defs\""
    # (langchain-ai/langchainjs#7758, langchain-ai/langchain-google#535).
    for path, node in nodes(function["parameters"]):
        assert not {"$ref", "$defs", "definitions", "$schema", "$id"} & set(node), path


def test_types_are_single_strings(function: dict[str, Any]) -> None:
    # Gemini's Schema.type is one enum value; a JSON type list such as ["string", "null"]
    # fails with "Proto field is not repeating" (langchain-ai/langchainjs#7711).
    for path, node in nodes(function["parameters"]):
        if "type" in node:
            assert isinstance(node["type"], str), path


def test_nested_objects_have_properties(function: dict[str, Any]) -> None:
    # Gemini: "properties: should be non-empty for OBJECT type"; langchain-google-genai turns
    # a property-less object into a STRING.
    for path, node in nodes(function["parameters"]):
        if node.get("type") == "object":
            assert node.get("properties"), f"{path} is an object without properties"


# Keywords every provider accepts: OpenAI's supported JSON Schema subset (Structured Outputs
# guide, "Supported schemas"), Anthropic's JSON Schema input_schema, Gemini's Schema fields
# (type, format, description, nullable, enum, properties, required, items, minItems,
# maxItems, minimum, maximum, minLength, maxLength, pattern, anyOf, default...).
PORTABLE_KEYWORDS = {
    "type", "description", "properties", "required", "items", "enum", "default", "anyOf",
    "additionalProperties", "minimum", "maximum", "minItems", "maxItems", "minLength",
    "maxLength", "pattern", "format",
}  # fmt: skip


def test_only_portable_keywords(function: dict[str, Any]) -> None:
    for path, node in nodes(function["parameters"]):
        unknown = set(node) - PORTABLE_KEYWORDS
        assert not unknown, f"{path} uses {sorted(unknown)}"


def test_formats_are_portable(function: dict[str, Any]) -> None:
    # Gemini Schema.format: "for NUMBER type: float, double; for INTEGER type: int32, int64;
    # for STRING type: enum, date-time". OpenAI strict mode allows date-time, time, date,
    # duration, email, hostname, ipv4, ipv6, uuid. Only the intersection is portable.
    allowed = {"string": {"date-time"}, "integer": {"int32", "int64"}, "number": {"float"}}
    for path, node in nodes(function["parameters"]):
        if "format" in node:
            assert node["format"] in allowed.get(node.get("type", ""), set()), path


def test_required_properties_exist(function: dict[str, Any]) -> None:
    # OpenAI and Anthropic reject `required` names that are not properties.
    for path, node in nodes(function["parameters"]):
        missing = set(node.get("required", [])) - set(node.get("properties", {}))
        assert not missing, f"{path}: required {sorted(missing)} are not properties"


# -- the providers' own payload builders (offline) -----------------------------------------


def test_openai_payload() -> None:
    openai = pytest.importorskip("langchain_openai")
    model = openai.ChatOpenAI(api_key="sk-not-a-real-key", model="gpt-4o-mini")
    payload = model.bind_tools(READ_ONLY).kwargs["tools"]
    assert [t["function"]["name"] for t in payload] == [t.name for t in READ_ONLY]
    assert payload == [convert_to_openai_tool(t) for t in READ_ONLY]


def test_anthropic_payload() -> None:
    anthropic = pytest.importorskip("langchain_anthropic")
    model = anthropic.ChatAnthropic(api_key="not-a-real-key", model="claude-sonnet-4-5")
    payload = model.bind_tools(READ_ONLY).kwargs["tools"]
    assert [t["name"] for t in payload] == [t.name for t in READ_ONLY]
    for tool in payload:
        schema = tool["input_schema"]
        # Anthropic: input_schema.type must be "object"; no top-level oneOf/allOf/anyOf.
        assert schema["type"] == "object"
        assert not {"anyOf", "oneOf", "allOf"} & set(schema)
        assert len(tool["description"]) <= 1024


def gemini_declarations() -> list[dict[str, Any]]:
    pytest.importorskip("langchain_google_genai")
    from langchain_google_genai._function_utils import convert_to_genai_function_declarations

    tools = convert_to_genai_function_declarations(READ_ONLY)
    return [
        fd.model_dump(mode="json", exclude_none=True)
        for tool in tools
        for fd in tool.function_declarations or ()
    ]


def test_gemini_declarations() -> None:
    declarations = {d["name"]: d for d in gemini_declarations()}
    assert list(declarations) == [t.name for t in READ_ONLY]
    for name, declaration in declarations.items():
        params = declaration["parameters"]
        assert params["type"] == "OBJECT"
        assert params["properties"], name
        for path, node in nodes(params):
            assert node.get("type") != "OBJECT" or node.get("properties"), f"{name} {path}"


@pytest.mark.parametrize("tool", READ_ONLY, ids=[t.name for t in READ_ONLY])
def test_gemini_sees_the_same_required_params(tool: BaseTool) -> None:
    """langchain-google-genai rebuilds ``required`` for nested objects from the properties
    that have no ``default`` (it ignores the nested ``required`` list): an optional nested
    param without a default would be forced on Gemini."""
    (declaration,) = [d for d in gemini_declarations() if d["name"] == tool.name]
    schema = convert_to_openai_tool(tool)["function"]["parameters"]
    assert set(declaration["parameters"].get("required", [])) == set(schema.get("required", []))
    for name, prop in declaration["parameters"]["properties"].items():
        nested = prop.get("required", []) if prop.get("type") == "OBJECT" else []
        known_issue("gemini-nested-required", bool(nested) and tool.name == "zendesk_talk_execute")
        assert not nested, f"{tool.name}.{name} forces {nested} on Gemini"

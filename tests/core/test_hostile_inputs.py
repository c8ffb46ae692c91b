"""Odd answers and odd inputs are library errors; credentials never leak into them."""

from __future__ import annotations

import gzip
import json
import math

import pytest

from zendesk_talk_connector import (
    APIStatusError,
    AuthenticationError,
    ConfigurationError,
    InvalidParams,
    RateLimited,
    ServerError,
    SyncZendeskTalkConnector,
    ZendeskTalkApiTokenAuthConfig,
    ZendeskTalkError,
    ZendeskTalkOauth20AuthConfig,
)
from zendesk_talk_connector.catalog import lookup
from zendesk_talk_connector.output import parse_where
from zendesk_talk_connector.records import DigitalLine, PhoneNumber

from .hostile_server import AUTH, HostileServer, Reply, Seen, hostile

OAUTH = {"access_token": "old-token", "refresh_token": "r1", "client_id": "app"}


def refreshing(token_reply: Reply) -> HostileServer:
    """A server whose API says 401 to the old token and whose token endpoint answers oddly."""

    def route(seen: Seen) -> Reply:
        if seen.path == "/oauth/tokens":
            return token_reply
        return Reply(status=401, body=b'{"error":"InvalidToken"}')

    return HostileServer(route)


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=b"<html>login</html>", content_type="text/html"),
        Reply(status=302, body=b'{"access_token": "x"}', headers=[("Location", "javascript:x")]),
        Reply(body=b'{"token_type": "bearer"}'),
        Reply(body=b'{"access_token": 12345}'),
        Reply(body=b'["access_token"]'),
        Reply(body=b'{"access_token": "t\\u00f6ken"}'),
        Reply(body=b'{"access_token": "token\\n"}'),
        Reply(body=b'{"access_token": "' + b"[" * 100_000 + b'"}'),
    ],
    ids=["html", "302", "missing", "number", "array", "non-ascii", "newline", "deep"],
)
def test_odd_token_endpoint_answers_are_authentication_errors(reply):
    with (
        refreshing(reply) as server,
        SyncZendeskTalkConnector(
            ZendeskTalkOauth20AuthConfig(**OAUTH), base_url=server.url
        ) as connector,
    ):
        # A redirect to a URL httpx cannot even parse is the server's fault, not the token's.
        with pytest.raises((AuthenticationError, ServerError)) as caught:
            connector.execute("phone_numbers", "list")
        assert "t\u00f6ken" not in str(caught.value) and "token\n" not in str(caught.value)


@pytest.mark.parametrize("expires_in", ['"soon"', "1e999", "-5", "true", '"nan"'])
def test_a_bad_expires_in_only_makes_the_expiry_unknown(expires_in):
    body = f'{{"access_token": "new-token", "expires_in": {expires_in}}}'.encode()
    calls: list[str] = []

    def route(seen: Seen) -> Reply:
        if seen.path == "/oauth/tokens":
            return Reply(body=body)
        calls.append(seen.headers["authorization"])
        if seen.headers["authorization"] == "Bearer old-token":
            return Reply(status=401)
        return Reply(body=b'{"phone_numbers": []}')

    with (
        HostileServer(route) as server,
        SyncZendeskTalkConnector(
            ZendeskTalkOauth20AuthConfig(**OAUTH), base_url=server.url
        ) as connector,
    ):
        assert connector.execute("phone_numbers", "list").data == []
        assert calls == ["Bearer old-token", "Bearer new-token"]


@pytest.mark.parametrize(
    ("field", "auth"),
    [
        ("api_token", ZendeskTalkApiTokenAuthConfig(email="a@b.co", api_token="secret-abc\n")),
        ("email", ZendeskTalkApiTokenAuthConfig(email="a@b.co\r\n", api_token="secret-abc")),
        ("access_token", ZendeskTalkOauth20AuthConfig(access_token="secret-abc\n")),
        ("access_token", ZendeskTalkOauth20AuthConfig(access_token="secret-\u00e4bc")),
    ],
)
def test_credentials_with_control_characters_are_refused_at_construction(field, auth):
    with pytest.raises(ConfigurationError, match=field) as caught:
        SyncZendeskTalkConnector(auth, base_url="http://127.0.0.1:9")
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    "base_url",
    [
        "http://host\t.example",
        "http://host.example\r\nX: 1",
        "http://host.example:99999",
        "http://host.example:port",
        "http://host.example#",
        "http://host.example?",
    ],
)
def test_odd_base_urls_are_refused_at_construction(base_url):
    with pytest.raises(ConfigurationError):
        SyncZendeskTalkConnector(AUTH, base_url=base_url)


@pytest.mark.parametrize(
    "params",
    [
        {"country": "US", "contains": "5" * 10_000_000},
        {"country": "US", "area_code": "x" * 10_000_000},
    ],
)
def test_huge_params_are_library_errors_with_bounded_text(params):
    with hostile(lambda seen: Reply()) as (server, c):
        with pytest.raises(InvalidParams) as caught:
            c.execute("phone_numbers", "search", params)
        assert len(str(caught.value)) < 2_000
        assert server.requests == []


@pytest.mark.parametrize("start_time", [math.inf, -math.inf, math.nan, 10**30, -1])
def test_times_no_clock_can_hold_are_invalid_params(start_time):
    with hostile(lambda seen: Reply()) as (server, c), pytest.raises(InvalidParams):
        c.execute("calls", "list", {"start_time": start_time})
    assert server.requests == []


def test_an_export_end_time_no_clock_can_hold_is_a_library_error():
    body = json.dumps({"calls": [{"id": 1}] * 1000, "count": 1000, "end_time": 10**30}).encode()
    with hostile(lambda seen: Reply(body=body)) as (_, c), pytest.raises(ZendeskTalkError):
        c.execute("calls", "list", {"start_time": 0})


@pytest.mark.parametrize("dots", [".", ".."])
def test_dot_ids_never_become_dot_segments(dots):
    with hostile(lambda seen: Reply()) as (server, c), pytest.raises(InvalidParams):
        c.execute("ivr_menus", "list", {"ivr_id": dots})
    assert server.requests == []


def test_a_redirect_with_a_json_body_is_not_data():
    reply = Reply(status=302, body=json.dumps({"phone_numbers": [{"id": 1}]}).encode())
    with hostile(lambda seen: reply) as (_, c), pytest.raises(APIStatusError, match="redirect"):
        c.execute("phone_numbers", "list")


def test_a_compressed_error_answer_is_read_decoded():
    body = gzip.compress(b'{"error": "InvalidParams", "description": "per_page is too big"}')
    reply = Reply(status=422, body=body, headers=[("Content-Encoding", "gzip")])
    with hostile(lambda seen: reply) as (_, c), pytest.raises(InvalidParams) as caught:
        c.execute("phone_numbers", "list")
    assert caught.value.description == "per_page is too big"
    assert "InvalidParams - per_page is too big" in str(caught.value)


def test_an_error_answer_that_is_not_utf8_still_reads():
    reply = Reply(status=404, body=b"Not found \xff\xfe here", content_type="text/plain")
    with hostile(lambda seen: reply) as (_, c), pytest.raises(APIStatusError) as caught:
        c.execute("phone_numbers", "get", {"phone_number_id": 1})
    assert caught.value.status == 404
    assert caught.value.description == "Not found \ufffd\ufffd here"


def test_an_infinite_retry_after_is_never_written_as_json():
    error = RateLimited("limited", retry_after=math.inf)
    json.dumps(error.to_dict(), allow_nan=False)
    reply = Reply(status=429, headers=[("Retry-After", "Infinity")])
    with hostile(lambda seen: reply, retry=None) as (_, c), pytest.raises(RateLimited) as caught:
        c.execute("phone_numbers", "list")
    json.dumps(caught.value.to_dict(), allow_nan=False)


def test_a_deep_where_value_is_no_recursion_error():
    operation = lookup("phone_numbers", "list")
    conditions = parse_where(operation, ["nickname=" + "[" * 100_000])
    assert conditions == [("nickname", "[" * 100_000)]
    with pytest.raises(InvalidParams, match="id is an integer") as caught:
        parse_where(operation, ["id=" + "[" * 100_000])
    assert len(str(caught.value)) < 1000  # the value is not echoed back whole


def test_documented_fields_are_typed():
    assert PhoneNumber.model_validate({"token": "abc"}).token == "abc"
    line = DigitalLine.model_validate({"categorised_greetings_with_sub_settings": {"1": {}}})
    assert line.categorised_greetings_with_sub_settings == {"1": {}}

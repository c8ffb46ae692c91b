"""SQL functions the store's queries call: text matching and time buckets in a time zone.

They are Python functions registered on the reader connection, so every SQLite build has
them. Where SQLite has FTS5, a ``keyword`` filter on a text field first narrows the rows
through a word index built on the first such search (not by the sync, which it would slow
for a rare question); the function still decides on the rows it lets through. Every
argument reaches them as a bound value.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta, timezone
from difflib import SequenceMatcher
from functools import lru_cache
from zoneinfo import ZoneInfo

_WORD = re.compile(r"\w+")
FUZZY_RATIO = 0.8
"""How alike two words must be (difflib ratio) for a fuzzy match: one typo in five letters."""


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold()))


def keyword_match(value: object, query: object) -> int:
    """1 when every word of ``query`` is a whole word of ``value`` (case-insensitive)."""
    if value is None or not isinstance(query, str):
        return 0
    wanted = _words(query)
    have = set(_WORD.findall(str(value).casefold()))
    return int(bool(wanted) and all(word in have for word in wanted))


def fuzzy_match(value: object, query: object) -> int:
    """1 when every word of ``query`` is close to (or inside) some word of ``value``."""
    if value is None or not isinstance(query, str):
        return 0
    wanted = _words(query)
    have = _WORD.findall(str(value).casefold())
    return int(bool(wanted) and all(_close_to_any(word, have) for word in wanted))


def _close_to_any(word: str, have: list[str]) -> bool:
    return any(
        word in candidate or SequenceMatcher(None, word, candidate).ratio() >= FUZZY_RATIO
        for candidate in have
    )


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    """The IANA zone (raises ``ZoneInfoNotFoundError``/``ValueError`` for an unknown name)."""
    return ZoneInfo(name)


def time_bucket(unit: object, stamp: object, zone_name: object) -> str | None:
    """The start of the hour/day/week (Monday)/month holding ``stamp``, in ``zone_name``."""
    if not isinstance(stamp, str) or not isinstance(unit, str) or not isinstance(zone_name, str):
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(zone(zone_name))
    if unit == "hour":
        return local.strftime("%Y-%m-%dT%H:00")
    if unit == "week":
        return (local.date() - timedelta(days=local.weekday())).isoformat()
    if unit == "month":
        return local.strftime("%Y-%m")
    return local.date().isoformat()


def register_functions(connection: sqlite3.Connection) -> None:
    connection.create_function("zt_keyword", 2, keyword_match, deterministic=True)
    connection.create_function("zt_fuzzy", 2, fuzzy_match, deterministic=True)
    connection.create_function("zt_bucket", 3, time_bucket, deterministic=True)

"""Seeded, realistic Talk data for the sandbox: numbers, lines, greetings, IVRs, agents, calls.

Everything is a plain ``dict`` (the JSON the API returns) and is a pure function of ``seed``
and ``now``: the same pair always yields the same data, so tests can compute expected answers
from :class:`SandboxData` and compare them with what the API (or a client) reports.

Time rules the stats rely on:

* "today" is the UTC date of ``now``; :attr:`SandboxData.today_start` is its midnight.
* A call's ``created_at``, its legs' ``created_at`` and ``updated_at``, and the call's
  ``updated_at`` all fall on the same UTC date, and never after ``now``. So "today's calls"
  (or legs) is the same set whether filtered on ``created_at`` or ``updated_at``.
* Calls are updated in bursts: several calls (and all their legs) share one ``updated_at``
  second, so incremental-export page boundaries usually split a same-second cluster.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import random
import time
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]

DAY = 86_400
CALL_COUNT = 6_000
MAX_CALL_COUNT = 1_000_000
PHONE_NUMBER_COUNT = 300
DIGITAL_LINE_COUNT = 10
ADDRESS_COUNT = 20
CUSTOM_GREETING_COUNT = 30
IVR_COUNT = 6
AGENT_COUNT = 120

PHONE_NUMBER_ID_START = 10_001
DIGITAL_LINE_ID_START = 19_001
ADDRESS_ID_START = 900_000_076_701
GREETING_ID_START = 30_001
IVR_ID_START = 40_001
IVR_MENU_ID_START = 41_001
IVR_ROUTE_ID_START = 42_001
GROUP_ID_START = 50_001
AGENT_ID_START = 7_000_001
SCHEDULE_IDS = (70_001, 70_002, 70_003)
BRAND_IDS = (1, 2, 3)
TICKET_ID_START = 100_001
CALL_ID_START = 1_000_001
LEG_ID_START = 2_000_001

GREETING_CATEGORIES: tuple[tuple[int, str], ...] = (
    (1, "voicemail"),
    (2, "available"),
    (3, "wait"),
    (4, "hold"),
    (5, "ivr"),
    (6, "callback"),
    (7, "callback_confirmation"),
    (8, "call_recording_opt_in"),
    (9, "call_recording_opt_out"),
)
_CATEGORY_ID = {name: cid for cid, name in GREETING_CATEGORIES}
_LANGUAGES = {"en": "English", "de": "German", "fr": "French", "jp": "Japanese"}

GROUP_NAMES = (
    "Support",
    "Billing",
    "Sales",
    "Technical Support",
    "VIP",
    "Returns",
    "Onboarding",
    "Escalations",
)
_FIRST_NAMES = (
    "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn",
    "Priya", "Chen", "Fatima", "Lars", "Sofia", "Mateo", "Aisha", "Noah", "Emma", "Liam",
    "Olivia", "Yuki", "Hiro", "Ingrid", "Diego", "Amara", "Kofi", "Elena", "Marco", "Nina",
)  # fmt: skip
_LAST_NAMES = (
    "Smith", "Garcia", "Nguyen", "Patel", "Kim", "Mueller", "Rossi", "Dubois", "Silva", "Cohen",
    "Okafor", "Larsen", "Tanaka", "Novak", "Walsh", "Reyes", "Khan", "Berg", "Costa", "Murphy",
)  # fmt: skip
_COMPANY_WORDS = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne")
_NICKNAMES = (
    "Support Line", "Billing Hotline", "Sales", "Technical Support", "VIP Line", "Returns Desk",
    "Main Office", "After Hours", "Onboarding", "Partner Line", "Emergency Line", "Store",
)  # fmt: skip


@dataclass(frozen=True)
class Country:
    """How to mint phone numbers for one country."""

    code: str
    dial: str
    areas: tuple[tuple[str, str], ...]
    """(area code, location) pairs for local numbers."""
    local_digits: int
    toll_free: tuple[str, ...]
    weight: int
    address_requirements: str
    price_local: str
    price_toll_free: str


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country(
            "US", "1",
            (("415", "CA"), ("212", "NY"), ("646", "NY"), ("312", "IL"), ("206", "WA"),
             ("512", "TX"), ("617", "MA"), ("303", "CO"), ("305", "FL"), ("404", "GA")),
            7, ("800", "833", "844", "855", "866", "877", "888"), 50, "none", "1.00", "2.00",
        ),
        Country("CA", "1", (("416", "ON"), ("604", "BC"), ("514", "QC"), ("403", "AB")), 7,
                ("800", "888"), 8, "none", "1.00", "2.00"),
        Country("GB", "44", (("20", "London"), ("161", "Manchester"), ("113", "Leeds"),
                             ("131", "Edinburgh")), 8, ("800",), 10, "any", "1.50", "4.00"),
        Country("IE", "353", (("1", "Dublin"), ("21", "Cork"), ("76", "Athlone")), 7, ("1800",),
                5, "any", "2.00", "8.00"),
        Country("DE", "49", (("30", "Berlin"), ("89", "Munich"), ("40", "Hamburg")), 8, ("800",),
                6, "local", "2.00", "9.00"),
        Country("FR", "33", (("1", "Paris"), ("4", "Lyon")), 8, ("805",), 5, "local", "2.00",
                "9.00"),
        Country("AU", "61", (("2", "Sydney"), ("3", "Melbourne"), ("7", "Brisbane")), 8,
                ("1800",), 6, "local", "3.00", "12.00"),
        Country("NL", "31", (("20", "Amsterdam"), ("10", "Rotterdam")), 7, ("800",), 4, "any",
                "2.00", "8.00"),
        Country("JP", "81", (("3", "Tokyo"), ("6", "Osaka")), 8, ("120",), 3, "local", "4.50",
                "15.00"),
    )
}  # fmt: skip

_KEYPAD_LETTERS = ("", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ")
_KEYPAD = {c: str(d) for d, letters in enumerate(_KEYPAD_LETTERS) for c in letters}


def iso(ts: int) -> str:
    """Epoch seconds -> ``YYYY-MM-DDTHH:MM:SSZ``."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def epoch(text: str) -> int:
    """``YYYY-MM-DDTHH:MM:SSZ`` -> epoch seconds."""
    return calendar.timegm(
        (
            int(text[0:4]),
            int(text[5:7]),
            int(text[8:10]),
            int(text[11:13]),
            int(text[14:16]),
            int(text[17:19]),
            0,
            0,
            0,
        )
    )


def day_start(ts: int) -> int:
    """Midnight (UTC) of the day holding ``ts``."""
    return ts - ts % DAY


def keypad_digits(text: str) -> str:
    """Vanity letters to keypad digits (``"FLOWERS"`` -> ``"3569377"``); digits kept."""
    return "".join(_KEYPAD.get(ch, ch) for ch in text.upper() if ch.isalnum())


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def format_number(country: Country, prefix: str, digits: str) -> tuple[str, str]:
    """(E.164 number, display number) from an area/toll-free prefix and subscriber digits."""
    number = f"+{country.dial}{prefix}{digits}"
    if country.dial == "1":
        return number, f"+1 ({prefix}) {digits[:3]}-{digits[3:]}"
    half = len(digits) // 2
    return number, f"+{country.dial} {prefix} {digits[:half]} {digits[half:]}"


def mint_number(rng: random.Random, country: Country, toll_free: bool, used: set[str]) -> JSON:
    """A new number (not in ``used``, which it joins) with its prefix in ``area_code``."""
    while True:
        if toll_free:
            prefix, location = rng.choice(country.toll_free), None
        else:
            prefix, location = rng.choice(country.areas)
        digits = str(rng.randint(2, 9)) + "".join(
            str(rng.randint(0, 9)) for _ in range(country.local_digits - 1)
        )
        number, display = format_number(country, prefix, digits)
        if number not in used:
            used.add(number)
            return {
                "number": number,
                "display_number": display,
                "toll_free": toll_free,
                "location": location,
                "country_code": country.code,
                "area_code": prefix,
            }


def available_numbers(seed: int, country_code: str, owned: set[str]) -> list[JSON]:
    """Numbers for sale in a country (``/phone_numbers/search``), each with ``area_code``."""
    country = COUNTRIES.get(country_code.upper())
    if country is None:
        return []
    rng = random.Random(f"zendesk-talk-sandbox:{seed}:search:{country.code}")
    used = set(owned)
    out: list[JSON] = []
    for i in range(48):
        toll_free = i % 4 == 3
        item = mint_number(rng, country, toll_free, used)
        item["token"] = _hex(rng, 32)
        item["price"] = country.price_toll_free if toll_free else country.price_local
        item["address_requirements"] = country.address_requirements
        out.append(item)
    return out


@dataclass
class SandboxData:
    """The seeded dataset, as the plain dicts the API serves."""

    seed: int
    now: int
    groups: list[JSON] = field(default_factory=list)
    agents: list[JSON] = field(default_factory=list)
    availabilities: dict[int, JSON] = field(default_factory=dict)
    phone_numbers: list[JSON] = field(default_factory=list)
    digital_lines: list[JSON] = field(default_factory=list)
    lines: list[JSON] = field(default_factory=list)
    addresses: list[JSON] = field(default_factory=list)
    greeting_categories: list[JSON] = field(default_factory=list)
    greetings: list[JSON] = field(default_factory=list)
    ivrs: list[JSON] = field(default_factory=list)
    calls: list[JSON] = field(default_factory=list)
    """Ordered as the export serves them: by (``updated_at``, ``id``)."""
    legs: list[JSON] = field(default_factory=list)
    """Ordered as the export serves them: by (``updated_at``, ``id``)."""

    @property
    def today_start(self) -> int:
        """Epoch of midnight UTC on the date of :attr:`now` (the stats' "today")."""
        return day_start(self.now)

    def calls_today(self) -> list[JSON]:
        """Calls created today (UTC date of ``now``); their ``updated_at`` is today too."""
        start = self.today_start
        return [c for c in self.calls if epoch(c["created_at"]) >= start]

    def legs_today(self) -> list[JSON]:
        """Legs created today (UTC date of ``now``); their ``updated_at`` is today too."""
        start = self.today_start
        return [leg for leg in self.legs if epoch(leg["created_at"]) >= start]


def generate(seed: int = 0, now: int | None = None, *, call_count: int = CALL_COUNT) -> SandboxData:
    """Build the dataset for ``seed`` and ``now`` (epoch seconds; default: the current time).

    ``call_count`` calls (with their legs) are spread over the 7 days up to ``now``.
    """
    if not 1 <= call_count <= MAX_CALL_COUNT:
        raise ValueError(f"call_count must be between 1 and {MAX_CALL_COUNT:,}")
    now = int(time.time()) if now is None else int(now)
    return _Generator(seed, now, call_count).run()


class _Generator:
    def __init__(self, seed: int, now: int, call_count: int = CALL_COUNT) -> None:
        self.seed = seed
        self.now = now
        self.call_count = call_count
        self.rng = random.Random(f"zendesk-talk-sandbox:{seed}")
        self.data = SandboxData(seed=seed, now=now)
        self.used_numbers: set[str] = set()

    def run(self) -> SandboxData:
        self._groups_and_agents()
        self._greeting_categories()
        self._custom_greetings()
        self._phone_numbers()
        self._digital_lines()
        self.data.lines = [*self.data.phone_numbers, *self.data.digital_lines]
        self._ivrs()
        self._greeting_usage()
        self._addresses()
        _CallGenerator(self).run()
        return self.data

    # -- people ---------------------------------------------------------------------------

    def _groups_and_agents(self) -> None:
        rng = self.rng
        self.data.groups = [
            {"id": GROUP_ID_START + i, "name": name} for i, name in enumerate(GROUP_NAMES)
        ]
        names = rng.sample([(f, last) for f in _FIRST_NAMES for last in _LAST_NAMES], AGENT_COUNT)
        for i, (first, last) in enumerate(names):
            agent_id = AGENT_ID_START + i
            group_ids = {GROUP_ID_START + i % len(GROUP_NAMES)}
            if rng.random() < 0.3:
                group_ids.add(GROUP_ID_START + rng.randrange(len(GROUP_NAMES)))
            forwarding = f"+1{rng.choice(('415', '646', '312'))}{rng.randint(2000000, 9999999)}"
            self.data.agents.append(
                {
                    "id": agent_id,
                    "name": f"{first} {last}",
                    "email": f"{first.lower()}.{last.lower()}@sandbox.example.com",
                    "group_ids": sorted(group_ids),
                    "avatar_url": f"https://sandbox.zendesk.example/system/avatars/{agent_id}.png",
                    "forwarding_number": forwarding if rng.random() < 0.4 else None,
                }
            )
            state = rng.choices(
                ("online", "offline", "away", "transfers_only"), weights=(45, 25, 20, 10)
            )[0]
            call_status = (
                rng.choices(("on_call", "wrap_up", None), weights=(25, 10, 65))[0]
                if state == "online"
                else None
            )
            self.data.availabilities[agent_id] = {
                "agent_state": state,
                "call_status": call_status,
                "via": "client" if rng.random() < 0.8 else "phone",
            }

    # -- greetings ------------------------------------------------------------------------

    def _greeting_categories(self) -> None:
        self.data.greeting_categories = [{"id": cid, "name": n} for cid, n in GREETING_CATEGORIES]

    def _custom_greetings(self) -> None:
        rng = self.rng
        greetings = self.data.greetings
        for category in ("voicemail", "available", "wait", "hold"):
            for lang, language in _LANGUAGES.items():
                if category in ("wait", "hold") and lang != "en":
                    continue
                gid = f"{category}_{lang}"
                greetings.append(
                    self._greeting(gid, f"Default {category} ({language})", category, gid, True)
                )
        categories = ("voicemail", "available", "wait", "hold", "ivr", "callback")
        for i in range(CUSTOM_GREETING_COUNT):
            category = "ivr" if i < 8 else rng.choice(categories)
            brand = rng.choice(_COMPANY_WORDS)
            name = f"{brand} {category.replace('_', ' ')} greeting {i + 1}"
            slug = name.lower().replace(" ", "-")
            greeting = self._greeting(GREETING_ID_START + i, name, category, slug, False)
            greeting["upload_id"] = 500 + i
            greeting["audio_url"] = f"/system/voice/uploads/0000/{500 + i:04d}/{slug}.mp3"
            greeting["pending"] = rng.random() < 0.05
            greetings.append(greeting)

    @staticmethod
    def _greeting(gid: int | str, name: str, category: str, audio: str, default: bool) -> JSON:
        return {
            "id": gid,
            "name": name,
            "category_id": _CATEGORY_ID[category],
            "active": False,
            "default": default,
            "default_lang": default,
            "has_sub_settings": False,
            "audio_name": f"{audio}.mp3",
            "audio_url": f"/system/voice/defaults/{audio}.mp3",
            "ivr_ids": [],
            "phone_number_ids": [],
            "pending": False,
            "upload_id": None,
        }

    def _custom_greeting_ids(self, category: str) -> list[int]:
        cid = _CATEGORY_ID[category]
        return [
            g["id"]
            for g in self.data.greetings
            if isinstance(g["id"], int) and g["category_id"] == cid
        ]

    def _greeting_usage(self) -> None:
        by_id = {str(g["id"]): g for g in self.data.greetings}
        for line in self.data.lines:
            for gid in [*line["greeting_ids"], *line["default_greeting_ids"]]:
                by_id[str(gid)]["phone_number_ids"].append(line["id"])
        for ivr in self.data.ivrs:
            for menu in ivr["menus"]:
                if menu["greeting_id"] is not None:
                    ivr_ids = by_id[str(menu["greeting_id"])]["ivr_ids"]
                    if ivr["id"] not in ivr_ids:
                        ivr_ids.append(ivr["id"])
        for greeting in self.data.greetings:
            greeting["active"] = bool(greeting["phone_number_ids"] or greeting["ivr_ids"])

    # -- numbers and lines ----------------------------------------------------------------

    def _phone_numbers(self) -> None:
        rng = self.rng
        countries = list(COUNTRIES.values())
        weights = [c.weight for c in countries]
        voicemail_ids = self._custom_greeting_ids("voicemail")
        available_ids = self._custom_greeting_ids("available")
        created_floor = self.now - 3 * 365 * DAY
        for i in range(PHONE_NUMBER_COUNT):
            country = rng.choices(countries, weights=weights)[0]
            toll_free = rng.random() < 0.12
            minted = mint_number(rng, country, toll_free, self.used_numbers)
            minted.pop("area_code")
            nickname = (
                f"{rng.choice(_COMPANY_WORDS)} {rng.choice(_NICKNAMES)}"
                if rng.random() < 0.8
                else None
            )
            groups = sorted(rng.sample([g["id"] for g in self.data.groups], rng.randint(1, 2)))
            sms = country.code in ("US", "CA", "GB") and not toll_free and rng.random() < 0.35
            lang = {"DE": "de", "FR": "fr", "JP": "jp"}.get(country.code, "en")
            greeting_ids: list[int] = []
            if rng.random() < 0.4 and voicemail_ids:
                greeting_ids.append(rng.choice(voicemail_ids))
            if rng.random() < 0.3 and available_ids:
                greeting_ids.append(rng.choice(available_ids))
            defaults = [f"voicemail_{lang}", f"available_{lang}"]
            categorised = {"1": greeting_ids[0] if greeting_ids else defaults[0], "2": defaults[1]}
            consent = rng.choices(("always", "opt_in", "opt_out", "never"), (60, 15, 15, 10))[0]
            created = rng.randint(created_floor, self.now - 30 * DAY)
            number_id = PHONE_NUMBER_ID_START + i
            self.data.phone_numbers.append(
                {
                    "id": number_id,
                    "number": minted["number"],
                    "display_number": minted["display_number"],
                    "name": nickname or minted["display_number"],
                    "nickname": nickname,
                    "toll_free": toll_free,
                    "location": minted["location"],
                    "country_code": country.code,
                    "created_at": iso(created),
                    "transcription": rng.random() < 0.3,
                    "recorded": rng.random() < 0.7,
                    "group_ids": groups,
                    "default_group_id": groups[0],
                    "greeting_ids": greeting_ids,
                    "default_greeting_ids": defaults,
                    "categorised_greetings": categorised,
                    "categorised_greetings_with_sub_settings": {
                        "1": {"voicemail_on": categorised["1"]},
                        "2": "available",
                    },
                    "sms_group_id": groups[0] if sms else None,
                    "sms_enabled": sms,
                    "voice_enabled": rng.random() < 0.97,
                    "outbound_enabled": rng.random() < 0.75,
                    "external": rng.random() < 0.03,
                    "line_type": "phone",
                    "priority": rng.choice((0, 0, 0, 1, 2)),
                    "ivr_id": None,
                    "schedule_id": rng.choice((None, *SCHEDULE_IDS)),
                    "brand_id": rng.choice(BRAND_IDS),
                    "failover_number": (
                        f"+1{rng.randint(2000000000, 9999999999)}" if rng.random() < 0.1 else None
                    ),
                    "call_recording_consent": consent,
                    "capabilities": {
                        "sms": sms,
                        "mms": sms and rng.random() < 0.5,
                        "voice": True,
                        "emergency_address": country.code in ("US", "CA"),
                    },
                }
            )

    def _digital_lines(self) -> None:
        rng = self.rng
        outbound_pool = [n["number"] for n in self.data.phone_numbers if n["country_code"] == "US"]
        for i in range(DIGITAL_LINE_COUNT):
            groups = sorted(rng.sample([g["id"] for g in self.data.groups], rng.randint(1, 2)))
            brand = rng.choice(BRAND_IDS)
            self.data.digital_lines.append(
                {
                    "id": DIGITAL_LINE_ID_START + i,
                    "line_id": _hex(rng, 32),
                    "line_type": "digital",
                    "nickname": f"{rng.choice(_COMPANY_WORDS)} Web Widget {i + 1}",
                    "country_code": None,
                    "external": False,
                    "brand_id": brand,
                    "call_recording_consent": rng.choice(("always", "never")),
                    "categorised_greetings_with_sub_settings": {"1": "voicemail", "2": "available"},
                    "created_at": iso(rng.randint(self.now - 2 * 365 * DAY, self.now - 30 * DAY)),
                    "default_greeting_ids": ["voicemail_en", "available_en"],
                    "default_group_id": groups[0],
                    "greeting_ids": [],
                    "group_ids": groups,
                    "outbound_number": rng.choice(outbound_pool) if rng.random() < 0.5 else None,
                    "priority": rng.choice((0, 1)),
                    "recorded": rng.random() < 0.5,
                    "schedule_id": rng.choice((None, *SCHEDULE_IDS)),
                    "transcription": False,
                }
            )

    def _addresses(self) -> None:
        rng = self.rng
        places = (
            ("1019 Market Street", "San Francisco", "California", "CA", "94103", "US"),
            ("350 5th Avenue", "New York", "New York", "NY", "10118", "US"),
            ("233 S Wacker Drive", "Chicago", "Illinois", "IL", "60606", "US"),
            ("30 St Mary Axe", "London", "Greater London", None, "EC3A 8BF", "GB"),
            ("1 Grand Canal Square", "Dublin", "Leinster", None, "D02 P820", "IE"),
            ("Unter den Linden 77", "Berlin", "Berlin", None, "10117", "DE"),
            ("8 Rue de Londres", "Paris", "Ile-de-France", None, "75009", "FR"),
            ("1 Martin Place", "Sydney", "New South Wales", None, "2000", "AU"),
            ("Gustav Mahlerplein 2", "Amsterdam", "North Holland", None, "1082 MA", "NL"),
            ("1-1 Marunouchi", "Tokyo", "Tokyo", None, "100-0005", "JP"),
            ("100 King Street West", "Toronto", "Ontario", None, "M5X 1A9", "CA"),
        )
        for i in range(ADDRESS_COUNT):
            street, city, province, state, zip_code, country = places[i % len(places)]
            company = rng.choice(_COMPANY_WORDS)
            self.data.addresses.append(
                {
                    "id": ADDRESS_ID_START + i,
                    "name": f"{company} {city}" + (f" {i // len(places) + 1}" if i >= 11 else ""),
                    "street": street,
                    "city": city,
                    "province": province,
                    "state": state,
                    "zip": zip_code,
                    "country_code": country,
                    "provider_reference": "AD" + _hex(rng, 32),
                }
            )

    # -- IVRs -----------------------------------------------------------------------------

    def _ivrs(self) -> None:
        rng = self.rng
        names = (
            "Main Support IVR",
            "Billing IVR",
            "After-hours IVR",
            "Sales IVR",
            "EMEA Support IVR",
            "VIP Line IVR",
        )
        menu_names = ("Billing menu", "Technical menu", "Language selection", "Account menu")
        ivr_greetings = self._custom_greeting_ids("ivr")
        greeting_name = {g["id"]: g["name"] for g in self.data.greetings}
        group_name = {g["id"]: g["name"] for g in self.data.groups}
        sms_numbers = [n["id"] for n in self.data.phone_numbers if n["sms_enabled"]]
        candidates = [n for n in self.data.phone_numbers if n["voice_enabled"]]
        ivr_numbers = rng.sample(candidates, 36)
        menu_id, route_id = IVR_MENU_ID_START, IVR_ROUTE_ID_START
        keypresses = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#")
        for i, name in enumerate(names[:IVR_COUNT]):
            ivr_id = IVR_ID_START + i
            numbers = ivr_numbers[i::IVR_COUNT]
            for number in numbers:
                number["ivr_id"] = ivr_id
            menus: list[JSON] = []
            n_menus = rng.randint(2, 4)
            ids = list(range(menu_id, menu_id + n_menus))
            menu_id += n_menus
            for m, mid in enumerate(ids):
                routes: list[JSON] = []
                for key in sorted(rng.sample(keypresses, rng.randint(3, 6)), key=keypresses.index):
                    actions = ["group", "voicemail", "phone_number", "textback"]
                    weights = [45, 20, 10, 10]
                    if n_menus > 1:
                        actions.append("menu")
                        weights.append(15)
                    action = rng.choices(actions, weights)[0]
                    group = rng.choice(list(group_name))
                    options: JSON
                    if action == "group":
                        options, text = {"group_ids": [group]}, group_name[group]
                    elif action == "voicemail":
                        options, text = {"group_ids": [group]}, f"Voicemail ({group_name[group]})"
                    elif action == "phone_number":
                        target = f"+1{rng.randint(2000000000, 9999999999)}"
                        options, text = {"phone_number": target}, target
                    elif action == "textback":
                        options = {
                            "sms_text": "Thanks for calling! Reply to this text to reach us.",
                            "textback_phone_number_id": rng.choice(sms_numbers),
                        }
                        text = "Text back"
                    else:
                        target_menu = rng.choice([x for x in ids if x != mid])
                        options = {"menu_id": target_menu}
                        text = "Main menu" if target_menu == ids[0] else menu_names[ids.index(
                            target_menu) - 1]  # fmt: skip
                    if rng.random() < 0.2:
                        options["tags"] = ["ivr", action]
                    greeting = rng.choice(ivr_greetings) if rng.random() < 0.3 else None
                    routes.append(
                        {
                            "id": route_id,
                            "keypress": key,
                            "action": action,
                            "options": options,
                            "option_text": text,
                            "greeting": greeting_name[greeting] if greeting else None,
                            "overflow_options": [],
                        }
                    )
                    route_id += 1
                menus.append(
                    {
                        "id": mid,
                        "name": "Main menu" if m == 0 else menu_names[m - 1],
                        "default": m == 0,
                        "greeting_id": rng.choice(ivr_greetings) if rng.random() < 0.8 else None,
                        "routes": routes,
                    }
                )
            self.data.ivrs.append(
                {
                    "id": ivr_id,
                    "name": name,
                    "menus": menus,
                    "phone_number_ids": [n["id"] for n in numbers],
                    "phone_number_names": [n["name"] for n in numbers],
                }
            )


_HOUR_WEIGHT = [0.12] * 7 + [0.55] * 6 + [1.0] * 9 + [0.35] * 2
_QUALITY_ISSUES = (
    "high_latency",
    "high_jitter",
    "packet_loss",
    "high_pdd",
    "silence",
    "constant_audio_level",
)


class _CallGenerator:
    """Calls over the 7 days up to ``now``, updated in same-second bursts, with their legs."""

    def __init__(self, parent: _Generator) -> None:
        self.data = parent.data
        self.now = parent.now
        self.call_count = parent.call_count
        self.rng = random.Random(f"zendesk-talk-sandbox:{parent.seed}:calls")
        self.group_name = {g["id"]: g["name"] for g in self.data.groups}
        self.agents_by_group: dict[int, list[int]] = {g["id"]: [] for g in self.data.groups}
        for agent in self.data.agents:
            for gid in agent["group_ids"]:
                self.agents_by_group[gid].append(agent["id"])
        self.agent = {a["id"]: a for a in self.data.agents}
        self.lines = [n for n in self.data.phone_numbers if n["voice_enabled"]]
        self.line_weights = [self.rng.paretovariate(1.5) for _ in self.lines]

    def _burst_times(self) -> list[int]:
        rng = self.rng
        start = self.now - 7 * DAY
        sizes: list[int] = []
        while sum(sizes) < self.call_count:
            sizes.append(rng.choices(range(1, 9), weights=(14, 14, 14, 14, 12, 12, 10, 10))[0])
        sizes[-1] -= sum(sizes) - self.call_count
        times: set[int] = set()
        while len(times) < len(sizes):
            t = rng.randint(start, self.now)
            weight = _HOUR_WEIGHT[t % DAY // 3600]
            if time.gmtime(t).tm_wday >= 5:
                weight *= 0.35
            if rng.random() < weight:
                times.add(t)
        ordered = sorted(times)
        rng.shuffle(sizes)
        return [t for t, size in zip(ordered, sizes, strict=True) for _ in range(size)]

    def run(self) -> None:
        rng = self.rng
        generated: list[tuple[JSON, list[JSON]]] = []
        for t in self._burst_times():
            max_span = t - day_start(t)
            for _ in range(5):
                call, legs = self._call(t)
                if call["created_at"] >= day_start(t):
                    break
            else:
                call, legs = self._failed_call(t, min(max_span, rng.randint(1, 20)))
            generated.append((call, legs))
        # Ids follow creation time, like the real thing.
        generated.sort(key=lambda pair: pair[0]["created_at"])
        ticket_id, leg_id = TICKET_ID_START, LEG_ID_START
        calls: list[JSON] = []
        legs_out: list[JSON] = []
        for index, (call, legs) in enumerate(generated):
            call["id"] = CALL_ID_START + index
            if call["ticket_id"] is not None:
                call["ticket_id"] = ticket_id
                ticket_id += 1
            for leg in legs:
                leg["id"] = leg_id
                leg["call_id"] = call["id"]
                leg_id += 1
            calls.append(call)
            legs_out.extend(legs)
        for record in (*calls, *legs_out):
            record["created_at"] = iso(record["created_at"])
            record["updated_at"] = iso(record["updated_at"])
        calls.sort(key=lambda c: (c["updated_at"], c["id"]))
        legs_out.sort(key=lambda leg: (leg["updated_at"], leg["id"]))
        self.data.calls = [_ordered_call(c) for c in calls]
        self.data.legs = [_ordered_leg(leg) for leg in legs_out]

    def _failed_call(self, t: int, span: int) -> tuple[JSON, list[JSON]]:
        line = self.rng.choices(self.lines, weights=self.line_weights)[0]
        call = self._base_call(line, "inbound", self.rng.choice(line["group_ids"]))
        call.update(completion_status="failed", created_at=t - span, updated_at=t)
        return call, [self._customer_leg(call, t - span, t, 0, 0, 0)]

    def _base_call(self, line: JSON, direction: str, group_id: int) -> JSON:
        rng = self.rng
        consent = line["call_recording_consent"]
        action = None
        if consent in ("opt_in", "opt_out"):
            action = "caller_opted_in" if rng.random() < 0.7 else "caller_opted_out"
        return {
            "id": 0,
            "created_at": 0,
            "updated_at": 0,
            "agent_id": None,
            "customer_id": 8_000_000 + rng.randint(1, 250_000),
            "ticket_id": None,
            "phone_number_id": line["id"],
            "phone_number": line["number"],
            "line": line["number"],
            "line_id": line["id"],
            "line_type": "phone",
            "call_channel": "phone",
            "direction": direction,
            "completion_status": "completed",
            "duration": 0,
            "talk_time": 0,
            "hold_time": 0,
            "wait_time": 0,
            "wrap_up_time": 0,
            "time_to_answer": None,
            "consultation_time": 0,
            "minutes_billed": 0,
            "call_charge": "0.000",
            "call_group_id": group_id,
            "default_group": group_id == line["default_group_id"],
            "voicemail": False,
            "customer_requested_voicemail": False,
            "callback": False,
            "callback_source": None,
            "call_recording_consent": consent,
            "call_recording_consent_action": action,
            "call_recording_consent_keypress": "3" if action else None,
            "recording_time": 0,
            "not_recording_time": 0,
            "recording_control_interactions": 0,
            "exceeded_queue_wait_time": False,
            "outside_business_hours": False,
            "overflowed": False,
            "overflowed_to": None,
            "ivr_action": None,
            "ivr_destination_group_name": None,
            "ivr_hops": None,
            "ivr_routed_to": None,
            "ivr_time_spent": None,
            "quality_issues": ["none"],
        }

    def _pick_agents(self, group_id: int, n: int) -> list[int]:
        pool = self.agents_by_group[group_id]
        return self.rng.sample(pool, min(n, len(pool)))

    def _call(self, t: int) -> tuple[JSON, list[JSON]]:
        rng = self.rng
        line = rng.choices(self.lines, weights=self.line_weights)[0]
        outbound = line["outbound_enabled"] and rng.random() < 0.15
        group_id = rng.choice(line["group_ids"])
        call = self._base_call(line, "outbound" if outbound else "inbound", group_id)
        if rng.random() < 0.04 and not outbound:
            digital = rng.choice(self.data.digital_lines)
            call.update(
                phone_number_id=None,
                phone_number=None,
                line=digital["nickname"],
                line_id=digital["id"],
                line_type="digital",
                call_channel="digital",
            )
        ivr = line["ivr_id"] is not None and not outbound and call["line_type"] == "phone"
        if outbound:
            outcome = rng.choices(("completed", "not_answered", "failed"), (80, 15, 5))[0]
        else:
            outcomes = ["answered", "abandoned_in_queue", "voicemail", "abandoned_on_hold",
                        "abandoned_in_voicemail", "failed"]  # fmt: skip
            weights = [72, 10, 8, 3, 2, 1]
            if ivr:
                outcomes.append("abandoned_in_ivr")
                weights.append(6)
            outcome = rng.choices(outcomes, weights)[0]
        ivr_time = rng.randint(5, 60) if ivr else 0
        answered = outcome in ("answered", "abandoned_on_hold", "completed")
        wait = 0
        if not outbound and outcome not in ("abandoned_in_ivr", "failed"):
            wait = min(900, int(rng.expovariate(1 / 45)) + 3)
            if outcome == "abandoned_in_queue":
                wait += rng.randint(10, 240)
        talk = min(3600, int(rng.lognormvariate(5.3, 0.7))) if answered else 0
        hold = rng.randint(10, 300) if answered and rng.random() < 0.3 else 0
        if outcome == "abandoned_on_hold":
            hold = max(hold, rng.randint(30, 400))
        wrap = min(600, int(rng.expovariate(1 / 40))) if answered else 0
        voicemail_len = (
            rng.randint(10, 90) if outcome in ("voicemail", "abandoned_in_voicemail") else 0
        )
        duration = ivr_time + wait + talk + hold + voicemail_len
        delay = rng.randint(2, 90)
        created = t - duration - wrap - delay
        status = {"answered": "completed", "voicemail": "completed"}.get(outcome, outcome)
        minutes = math.ceil(duration / 60)
        rate = 0.05 if outbound else (0.06 if line["toll_free"] else 0.022)
        hour = created % DAY // 3600
        weekend = time.gmtime(max(created, 0)).tm_wday >= 5
        call.update(
            created_at=created,
            updated_at=t,
            completion_status=status,
            duration=duration,
            talk_time=talk,
            hold_time=hold,
            wait_time=wait,
            wrap_up_time=wrap,
            time_to_answer=wait if answered and not outbound else None,
            minutes_billed=minutes,
            call_charge=f"{minutes * rate:.3f}",
            voicemail=outcome == "voicemail",
            customer_requested_voicemail=outcome == "voicemail" and rng.random() < 0.5,
            exceeded_queue_wait_time=wait > 300,
            outside_business_hours=weekend or hour < 7 or hour > 22,
        )
        if answered or outcome == "voicemail":
            call["ticket_id"] = -1 if rng.random() < 0.92 else None
        if not outbound and answered and rng.random() < 0.05:
            call["callback"] = True
            call["callback_source"] = rng.choice(("queue", "web_widget"))
        if wait > 120 and rng.random() < 0.15:
            call["overflowed"] = True
            call["overflowed_to"] = f"+1{rng.randint(2000000000, 9999999999)}"
        if ivr:
            textback = outcome == "abandoned_in_ivr" and rng.random() < 0.3
            call.update(
                ivr_action="textback" if textback else rng.choice(("group", "menu", "voicemail")),
                ivr_destination_group_name=self.group_name[group_id],
                ivr_hops=rng.randint(1, 3),
                ivr_routed_to=self.group_name[group_id],
                ivr_time_spent=ivr_time,
            )
        if talk:
            not_recorded = rng.randint(0, min(20, talk))
            recorded = line["recorded"] and call["call_recording_consent_action"] != (
                "caller_opted_out"
            )
            call["recording_time"] = talk - not_recorded if recorded else 0
            call["not_recording_time"] = not_recorded if recorded else talk
            call["recording_control_interactions"] = rng.randint(0, 3) if recorded else 0
            if rng.random() < 0.1:
                call["consultation_time"] = rng.randint(15, 120)
        if rng.random() < 0.08:
            call["quality_issues"] = rng.sample(_QUALITY_ISSUES, rng.randint(1, 2))
        legs = self._legs(call, outcome, ivr_time, delay)
        return call, legs

    def _customer_leg(
        self, call: JSON, created: int, updated: int, duration: int, talk: int, hold: int
    ) -> JSON:
        minutes = math.ceil(duration / 60)
        return {
            "type": "customer",
            "agent_id": 0,
            "user_id": call["customer_id"],
            "available_via": "phone" if call["line_type"] == "phone" else "browser",
            "completion_status": call["completion_status"],
            "created_at": created,
            "updated_at": updated,
            "duration": duration,
            "talk_time": talk,
            "hold_time": hold,
            "wrap_up_time": None,
            "minutes_billed": minutes,
            "call_charge": f"{minutes * 0.0085:.3f}",
            "quality_issues": list(call["quality_issues"]),
        }

    def _agent_leg(
        self, agent_id: int, status: str, created: int, updated: int, duration: int, **extra: Any
    ) -> JSON:
        via = self.data.availabilities[agent_id]["via"]
        minutes = math.ceil(duration / 60)
        leg: JSON = {
            "type": "agent",
            "agent_id": agent_id,
            "user_id": agent_id,
            "available_via": "browser" if via == "client" else "phone",
            "completion_status": status,
            "created_at": created,
            "updated_at": updated,
            "duration": duration,
            "talk_time": 0,
            "hold_time": 0,
            "wrap_up_time": 0,
            "minutes_billed": minutes,
            "call_charge": f"{minutes * 0.0085:.3f}",
            "forwarded_to": self.agent[agent_id]["forwarding_number"] if via == "phone" else None,
            "quality_issues": ["none"],
        }
        leg.update(extra)
        return leg

    def _legs(self, call: JSON, outcome: str, ivr_time: int, delay: int) -> list[JSON]:
        rng = self.rng
        created, updated = call["created_at"], call["updated_at"]
        customer = self._customer_leg(
            call, created, updated, call["duration"], call["talk_time"], call["hold_time"]
        )
        legs = [customer]
        group_id = call["call_group_id"]
        queue_start = created + ivr_time
        if call["direction"] == "outbound":
            agent_id = self._pick_agents(group_id, 1)[0]
            call["agent_id"] = agent_id
            legs.append(
                self._agent_leg(
                    agent_id, "completed", created, updated, call["duration"],
                    talk_time=call["talk_time"], hold_time=call["hold_time"],
                    wrap_up_time=call["wrap_up_time"],
                )
            )  # fmt: skip
            return legs
        if outcome in ("abandoned_in_ivr", "failed", "abandoned_in_voicemail"):
            return legs
        answered = outcome in ("answered", "abandoned_on_hold")
        if answered:
            n_missed = rng.choices((0, 1, 2), (60, 28, 12))[0]
        elif outcome == "abandoned_in_queue":
            n_missed = rng.choices((0, 1, 2), (40, 40, 20))[0]
        else:  # voicemail after nobody picked up
            n_missed = rng.choice((1, 2))
        transfer = answered and n_missed <= 1 and call["talk_time"] > 60 and rng.random() < 0.1
        agents = self._pick_agents(group_id, n_missed + (1 if answered else 0) + int(transfer))
        wait = call["wait_time"]
        for k in range(min(n_missed, len(agents) - int(answered) - int(transfer))):
            ring_start = queue_start + wait * k // (n_missed + 1)
            ring = min(max(1, wait // (n_missed + 1)), rng.randint(10, 30))
            status = "agent_missed" if rng.random() < 0.72 else "agent_declined"
            legs.append(self._agent_leg(agents[k], status, ring_start, updated, ring))
        if not answered:
            return legs
        answer_at = queue_start + wait
        talk, hold, wrap = call["talk_time"], call["hold_time"], call["wrap_up_time"]
        first = agents[-1 - int(transfer)]
        call["agent_id"] = first
        if not transfer:
            legs.append(
                self._agent_leg(
                    first, "completed", answer_at, updated, talk + hold,
                    talk_time=talk, hold_time=hold, wrap_up_time=wrap,
                )
            )  # fmt: skip
            return legs
        second = agents[-1]
        part = talk // 2
        legs.append(
            self._agent_leg(
                first, "completed", answer_at, updated, part + hold,
                talk_time=part, hold_time=hold, wrap_up_time=0, transferred_to=second,
            )
        )  # fmt: skip
        legs.append(
            self._agent_leg(
                second, "completed", answer_at + part + hold, updated, talk - part,
                talk_time=talk - part, hold_time=0, wrap_up_time=wrap, transferred_from=first,
            )
        )  # fmt: skip
        call["agent_id"] = second
        return legs


_CALL_FIELDS = (
    "id", "created_at", "updated_at", "agent_id", "customer_id", "ticket_id", "phone_number_id",
    "phone_number", "direction", "completion_status", "duration", "talk_time", "hold_time",
    "wait_time", "wrap_up_time", "time_to_answer", "minutes_billed", "call_charge",
    "call_group_id", "default_group", "voicemail", "customer_requested_voicemail", "callback",
    "callback_source", "call_recording_consent", "call_recording_consent_action",
    "call_recording_consent_keypress", "consultation_time", "exceeded_queue_wait_time",
    "ivr_action", "ivr_destination_group_name", "ivr_hops", "ivr_routed_to", "ivr_time_spent",
    "not_recording_time", "recording_time", "recording_control_interactions",
    "outside_business_hours", "overflowed", "overflowed_to", "quality_issues", "line", "line_id",
    "line_type", "call_channel",
)  # fmt: skip
_LEG_FIELDS = (
    "id", "call_id", "type", "agent_id", "user_id", "available_via", "completion_status",
    "created_at", "updated_at", "duration", "talk_time", "hold_time", "wrap_up_time",
    "minutes_billed", "call_charge", "forwarded_to", "transferred_from", "transferred_to",
    "conference_from", "conference_to", "conference_time", "consultation_from", "consultation_to",
    "consultation_time", "quality_issues",
)  # fmt: skip


def _ordered_call(call: JSON) -> JSON:
    return {name: call.get(name) for name in _CALL_FIELDS}


def _ordered_leg(leg: JSON) -> JSON:
    return {name: leg.get(name) for name in _LEG_FIELDS}


def stable_token(seed: int, purpose: str, length: int = 40) -> str:
    """A deterministic hex token for credentials derived from the seed."""
    return hashlib.sha256(f"zendesk-talk-sandbox:{seed}:{purpose}".encode()).hexdigest()[:length]

"""The devolved seats: Senedd, Scottish Parliament and Northern Ireland Assembly.

Health is devolved, so for NHS funding in Wales, Scotland and Northern Ireland the people who
decide answer to these legislatures. What the bundled data can say differs by nation, and
every answer says how sure it is:

- **Wales**: the 16 Senedd constituencies (from 7 May 2026) are each the pair of two
  Westminster seats, so a Westminster seat gives its Senedd constituency exactly. A known
  postcode is also checked against the Senedd's own postcode file; where the two disagree (a
  handful of boundary postcodes) both are offered. Six Members represent each constituency.
- **Scotland**: no open postcode lookup exists for the 2026 constituencies, so the person
  chooses theirs from the list of 73; its region follows. One constituency Member and seven
  regional Members represent each person.
- **Northern Ireland**: the 18 Assembly constituencies (2008 boundaries) do not match the 2024
  Westminster seats. A chosen Westminster seat gives the Assembly constituencies it overlaps,
  most people first, with estimated shares. Five Members each. NI postcodes are not open data,
  so a postcode alone narrows nothing.

No member's name is shipped; ``members`` holds a list a charity imported, if any.
Data is loaded on first use, once per process. Nothing here imports Qt.
"""

from __future__ import annotations

import json
import sys
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sirt_desktop.core.resources import read_bytes, read_text
from sirt_desktop.core.text import fold

SENEDD = "senedd"
SCOTTISH_PARLIAMENT = "scottish_parliament"
NI_ASSEMBLY = "ni_assembly"
LEGISLATURE_IDS = (SENEDD, SCOTTISH_PARLIAMENT, NI_ASSEMBLY)

#: How a list of options is ordered; every message says so in words.
MOST_PEOPLE = "most_people"  # NI: share of the Westminster seat's people
MOST_POSTCODES = "most_postcodes"  # Wales: share of the postcode area's postcodes
ALPHABETICAL = "alphabetical"

DEVOLVED_FILE = "devolved.json"
SENEDD_UNITS_FILE = "senedd_postcodes.u16"


@dataclass(frozen=True, slots=True)
class Legislature:
    """A devolved legislature: its members' title, postal address and where names are published."""

    id: str
    nation: str
    short_name: str  # "Senedd"
    name: str  # "the Senedd (the Welsh Parliament)"
    member_title: str  # "Member of the Senedd"
    member_title_plural: str
    post_nominal: str  # goes after the name on the envelope: "MS", "MSP", "MLA"
    address_lines: tuple[str, ...]  # the legislature's address, post town last
    postcode: str
    constituency_members: int
    regional_members: int
    where_names_are: str  # where a person finds their members' names (said, never linked)
    election: str  # ISO date of the election the current members were chosen at

    @property
    def members(self) -> int:
        """How many members represent one person."""
        return self.constituency_members + self.regional_members

    def address(self) -> str:
        return ", ".join((*self.address_lines, self.postcode))


LEGISLATURES: dict[str, Legislature] = {
    SENEDD: Legislature(
        SENEDD,
        "Wales",
        "Senedd",
        "the Senedd (the Welsh Parliament)",
        "Member of the Senedd",
        "Members of the Senedd",
        "MS",
        ("Senedd Cymru", "Cardiff Bay", "Cardiff"),
        "CF99 1SN",
        6,
        0,
        "The Senedd lists its Members for each constituency on its website, senedd.wales, and its "
        "public information line or your council's electoral services team can tell you on the phone.",
        "2026-05-07",
    ),
    SCOTTISH_PARLIAMENT: Legislature(
        SCOTTISH_PARLIAMENT,
        "Scotland",
        "Scottish Parliament",
        "the Scottish Parliament",
        "Member of the Scottish Parliament",
        "Members of the Scottish Parliament",
        "MSP",
        ("The Scottish Parliament", "Edinburgh"),
        "EH99 1SP",
        1,
        7,
        "The Scottish Parliament lists its Members for each constituency and region on its website, "
        "parliament.scot, and its public information service or your council can tell you on the phone.",
        "2026-05-07",
    ),
    NI_ASSEMBLY: Legislature(
        NI_ASSEMBLY,
        "Northern Ireland",
        "Northern Ireland Assembly",
        "the Northern Ireland Assembly",
        "Member of the Legislative Assembly",
        "Members of the Legislative Assembly",
        "MLA",
        ("Northern Ireland Assembly", "Parliament Buildings", "Ballymiscaw", "Stormont", "Belfast"),
        "BT4 3XX",
        5,
        0,
        "The Northern Ireland Assembly lists its Members for each constituency on its website, "
        "niassembly.gov.uk, and the Electoral Office for Northern Ireland can tell you which "
        "constituency you are in.",
        "2022-05-05",
    ),
}
_BY_NATION = {leg.nation: leg for leg in LEGISLATURES.values()}


def legislature_for_nation(nation: str | None) -> Legislature | None:
    """The devolved legislature of Wales, Scotland or Northern Ireland; None for England."""
    return _BY_NATION.get(nation or "")


@dataclass(frozen=True, slots=True)
class Area:
    """A devolved constituency or region. ``name_en`` equals ``name`` where there is one name
    (every Senedd constituency since 2026 has a Welsh name only)."""

    legislature: str
    code: str
    name: str
    name_en: str
    kind: str  # "constituency" or "region"
    members: int
    region: str = ""  # a Scottish constituency's region code

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "name": self.name}
        if self.name_en != self.name or self.legislature == SENEDD:
            out["name_en"] = self.name_en
        return out


@dataclass(frozen=True, slots=True)
class Option:
    """A devolved constituency the person may be in; ``share`` as the ``order`` of its list says."""

    area: Area
    share: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {**self.area.to_json(), "share": self.share}


#: What an answer rests on (``DevolvedResult.basis``).
BY_POSTCODE = "postcode"  # the postcode's Westminster seat is half of this Senedd constituency
BY_SENEDD_LIST = "senedd_list"  # the postcode is in the Senedd's own list (not in the Westminster one)
ON_BOUNDARY = "boundary"  # the Senedd's list and the Westminster seat disagree
BY_AREA = "area"  # only the start of the postcode is known
BY_SEAT = "seat"  # a chosen Westminster seat
NO_LOOKUP = "no_lookup"  # the person must choose (Scotland; NI before a seat is chosen)
CHOSEN = "chosen"  # the person picked it from the list


@dataclass(slots=True)
class DevolvedResult:
    """The person's devolved constituency (and region), or the ones to choose from.

    ``certain`` is True only when the data gives exactly one constituency for this person.
    ``options`` lists the choices when it is not, ordered as ``order`` says (empty order: no
    order is claimed). ``basis`` is one of the constants above; ``postcode``, ``prefix`` (the
    start of a postcode whose seats were used) and ``seat`` (a Westminster seat's name) are
    what the answer came from, for its message.
    """

    legislature: Legislature
    constituency: Area | None
    region: Area | None
    certain: bool
    options: list[Option] = field(default_factory=list)
    order: str = ""
    basis: str = ""
    postcode: str | None = None
    prefix: str | None = None
    seat: str | None = None

    @property
    def members(self) -> int:
        return self.legislature.members

    def message(self, caller: bool = False) -> str:
        """Plain sentences for the person (or, with ``caller``, for a volunteer about a caller)."""
        return describe(self, caller)

    def to_json(self) -> dict[str, Any]:
        """The ``devolved`` object of ``sirt-desktop lookup --json``."""
        leg = self.legislature
        return {
            "legislature": leg.id,
            "legislature_name": leg.name,
            "nation": leg.nation,
            "constituency": None if self.constituency is None else self.constituency.to_json(),
            "region": None if self.region is None else self.region.to_json(),
            "members": leg.members,
            "constituency_members": leg.constituency_members,
            "regional_members": leg.regional_members,
            "member_title": leg.member_title,
            "certain": self.certain,
            "basis": self.basis,
            # Scotland's 73 and Northern Ireland's 18 are a list to choose from, not candidates.
            "options": [] if self.basis == NO_LOOKUP else [option.to_json() for option in self.options],
            "choose_from": len(self.options) if self.basis == NO_LOOKUP else None,
            "order": self.order or None,
            "message": self.message(),
        }


# --- the data ---------------------------------------------------------------------------------


class SeneddPostcodes:
    """The Senedd's own postcode file, packed as ``inward << 4 | constituency`` by district."""

    def __init__(self, units: array[int], index: dict[str, Any]) -> None:
        self.units = units
        self.codes: list[str] = index["constituency_codes"]
        self.districts: list[str] = index["districts"]
        self._district_index = {d: i for i, d in enumerate(self.districts)}
        self._offsets: list[int] = index["unit_offsets"]
        self._letters = {letter: i for i, letter in enumerate(index["inward_letters"])}
        if len(units) != index["postcode_count"] or self._offsets[-1] != len(units):
            raise ValueError("Senedd postcode files do not match each other")

    def find(self, district: str, inward: str) -> str | None:
        """The Senedd constituency code of a postcode in the Senedd's list, else None."""
        d = self._district_index.get(district)
        letters = self._letters
        if (
            d is None
            or len(inward) != 3
            or not inward[0].isdigit()
            or inward[1] not in letters
            or inward[2] not in letters
        ):
            return None
        key = int(inward[0]) * 400 + letters[inward[1]] * 20 + letters[inward[2]]
        lo, hi = self._offsets[d], self._offsets[d + 1]
        i = bisect_left(self.units, key << 4, lo, hi)
        if i == hi or self.units[i] >> 4 != key:
            return None
        return self.codes[self.units[i] & 15]

    def __len__(self) -> int:
        return len(self.units)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        """Every (postcode, Senedd code) in the file, in store order."""
        letters = list(self._letters)
        for d, district in enumerate(self.districts):
            for value in self.units[self._offsets[d] : self._offsets[d + 1]]:
                digit, rest = divmod(value >> 4, 400)
                yield f"{district} {digit}{letters[rest // 20]}{letters[rest % 20]}", self.codes[value & 15]


@dataclass(frozen=True, slots=True)
class DevolvedData:
    areas: dict[str, Area]  # every constituency and region, by code
    senedd_by_seat: dict[str, str]  # Welsh Westminster seat -> Senedd constituency
    ni_overlaps: dict[str, list[tuple[str, float]]]  # NI Westminster seat -> [(Assembly code, share)]
    senedd_index: dict[str, Any]

    def in_legislature(self, legislature: str, kind: str = "constituency") -> list[Area]:
        """Every constituency (or region) of one legislature, in name order."""
        found = [a for a in self.areas.values() if a.legislature == legislature and a.kind == kind]
        return sorted(found, key=lambda a: (fold(a.name), a.code))


_lock = threading.RLock()
_data: DevolvedData | None = None
_senedd: SeneddPostcodes | None = None


def parse(tables: dict[str, Any]) -> DevolvedData:
    """The tables of ``devolved.json`` as Python objects."""
    areas: dict[str, Area] = {}
    senedd_by_seat: dict[str, str] = {}
    for item in tables["wales"]["constituencies"]:
        areas[item["code"]] = Area(
            SENEDD, item["code"], item["name_cy"], item["name_en"], "constituency", item["members"]
        )
        for seat in item["westminster"]:
            senedd_by_seat[seat] = item["code"]
    scotland = tables["scotland"]
    for item in scotland["regions"]:
        areas[item["code"]] = Area(
            SCOTTISH_PARLIAMENT, item["code"], item["name"], item["name"], "region", item["members"]
        )
    for item in scotland["constituencies"]:
        areas[item["code"]] = Area(
            SCOTTISH_PARLIAMENT,
            item["code"],
            item["name"],
            item["name"],
            "constituency",
            scotland["constituency_members"],
            item["region"],
        )
    ni = tables["northern_ireland"]
    for item in ni["constituencies"]:
        areas[item["code"]] = Area(
            NI_ASSEMBLY, item["code"], item["name"], item["name"], "constituency", item["members"]
        )
    overlaps = {
        seat: [(code, float(share)) for code, share in rows] for seat, rows in ni["westminster_overlaps"].items()
    }
    return DevolvedData(areas, senedd_by_seat, overlaps, tables["senedd_postcodes"])


def data() -> DevolvedData:
    """The devolved tables, loaded once."""
    global _data
    with _lock:
        if _data is None:
            _data = parse(json.loads(read_text("data", DEVOLVED_FILE)))
        return _data


def senedd_postcodes() -> SeneddPostcodes:
    """The Senedd's own postcode list, loaded once (about 280 KB), only when Wales needs it."""
    global _senedd
    with _lock:
        if _senedd is None:
            units: array[int] = array("H")
            units.frombytes(read_bytes("data", SENEDD_UNITS_FILE))
            if sys.byteorder != "little":  # pragma: no cover - every supported desktop is little-endian
                units.byteswap()
            _senedd = SeneddPostcodes(units, data().senedd_index)
        return _senedd


# --- answers ----------------------------------------------------------------------------------


def area(code: str) -> Area | None:
    return data().areas.get(code)


def region_of(constituency: Area) -> Area | None:
    return data().areas.get(constituency.region) if constituency.region else None


def senedd_for_seat(gss_code: str) -> Area | None:
    """The Senedd constituency a Welsh Westminster seat is half of, else None."""
    code = data().senedd_by_seat.get(gss_code)
    return None if code is None else data().areas[code]


def constituencies(legislature: str) -> list[Area]:
    """All constituencies of a legislature, in name order."""
    return data().in_legislature(legislature)


def regions(legislature: str = SCOTTISH_PARLIAMENT) -> list[Area]:
    return data().in_legislature(legislature, "region")


def search(legislature: str, query: str, limit: int | None = None) -> list[Area]:
    """Constituencies of a legislature whose name (or, in Scotland, region) contains ``query``,
    ignoring case and accents; names that start with it first, then the rest, each in name order."""
    if not isinstance(query, str) or len(query) > 200:
        return []
    wanted = fold(query)
    everything = constituencies(legislature)
    if not wanted:
        return everything if limit is None else everything[:limit]
    ranked: list[tuple[int, str, Area]] = []
    for item in everything:
        name = fold(item.name)
        english = fold(item.name_en)
        region = region_of(item)
        if name.startswith(wanted) or english.startswith(wanted):
            rank = 0
        elif wanted in name or wanted in english:
            rank = 1
        elif region is not None and wanted in fold(region.name):
            rank = 2
        else:
            continue
        ranked.append((rank, name, item))
    ranked.sort(key=lambda r: (r[0], r[1]))
    found = [r[2] for r in ranked]
    return found if limit is None else found[:limit]


def chosen(code: str) -> DevolvedResult | None:
    """The result once a person has picked their devolved constituency by name: certain."""
    item = area(code)
    if item is None or item.kind != "constituency":
        return None
    leg = LEGISLATURES[item.legislature]
    return DevolvedResult(leg, item, region_of(item), True, basis=CHOSEN)


def for_westminster_seat(gss_code: str, nation: str, seat_name: str = "") -> DevolvedResult | None:
    """Once a Westminster seat is chosen or found: its devolved constituency, or the ones it
    overlaps. None for England or an unknown seat."""
    leg = legislature_for_nation(nation)
    if leg is None:
        return None
    if leg.id == SENEDD:
        senedd = senedd_for_seat(gss_code)
        if senedd is None:
            return None
        return DevolvedResult(leg, senedd, None, True, basis=BY_SEAT, seat=seat_name or None)
    if leg.id == NI_ASSEMBLY:
        rows = data().ni_overlaps.get(gss_code)
        if not rows:
            return None
        options = [Option(data().areas[code], share) for code, share in rows]
        if len(options) == 1:
            return DevolvedResult(
                leg, options[0].area, None, True, options, MOST_PEOPLE, BY_SEAT, seat=seat_name or None
            )
        return DevolvedResult(leg, None, None, False, options, MOST_PEOPLE, BY_SEAT, seat=seat_name or None)
    return scotland_choice()


def scotland_choice() -> DevolvedResult:
    """Scotland: no postcode lookup exists for the 2026 boundaries; the person picks from the 73."""
    leg = LEGISLATURES[SCOTTISH_PARLIAMENT]
    options = [Option(item) for item in constituencies(SCOTTISH_PARLIAMENT)]
    return DevolvedResult(leg, None, None, False, options, ALPHABETICAL, NO_LOOKUP)


def northern_ireland_choice() -> DevolvedResult:
    """Northern Ireland with no Westminster seat chosen yet: all 18, in alphabetical order."""
    leg = LEGISLATURES[NI_ASSEMBLY]
    options = [Option(item) for item in constituencies(NI_ASSEMBLY)]
    return DevolvedResult(leg, None, None, False, options, ALPHABETICAL, NO_LOOKUP)


def for_postcode(
    postcode: str | None,
    seats: list[tuple[str, str, float | None]],
    real: bool,
    prefix: str | None = None,
) -> DevolvedResult | None:
    """The devolved answer for a postcode lookup.

    ``seats`` is the lookup's candidates as (gss_code, nation, share); ``real`` is True when
    the postcode is known to exist (so it lies in one of those seats); ``prefix`` is the start
    of the postcode whose seats were offered, if that is what they are. None when the
    candidates are in England, or in more than one nation.
    """
    nations = {nation for _gss, nation, _share in seats}
    if len(nations) != 1:
        return None
    leg = legislature_for_nation(nations.pop())
    if leg is None:
        return None
    if leg.id == SCOTTISH_PARLIAMENT:
        result = scotland_choice()
    elif leg.id == NI_ASSEMBLY:
        result = northern_ireland_choice()
    else:
        result = _wales(postcode, seats, real, prefix)
    result.postcode = postcode
    return result


def _wales(
    postcode: str | None, seats: list[tuple[str, str, float | None]], real: bool, prefix: str | None
) -> DevolvedResult:
    leg = LEGISLATURES[SENEDD]
    official = None
    parts = postcode.split(" ") if postcode else []
    if len(parts) == 2:
        official_code = senedd_postcodes().find(parts[0], parts[1])
        official = area(official_code) if official_code else None
    # The Senedd constituencies of the candidate seats, their shares added up.
    shares: dict[str, float | None] = {}
    for gss, _nation, share in seats:
        senedd = senedd_for_seat(gss)
        if senedd is None:
            continue
        if senedd.code not in shares:
            shares[senedd.code] = share
        elif share is not None:
            shares[senedd.code] = round((shares[senedd.code] or 0.0) + share, 4)
    if real and len(shares) == 1:
        derived = data().areas[next(iter(shares))]
        if official is None or official.code == derived.code:
            return DevolvedResult(leg, derived, None, True, basis=BY_POSTCODE)
        # On the boundary: the Senedd's own list and the Westminster seat differ. No order is claimed.
        return DevolvedResult(leg, None, None, False, [Option(official), Option(derived)], "", ON_BOUNDARY)
    if official is not None:  # a postcode the Senedd lists that the Westminster list cannot place
        return DevolvedResult(leg, official, None, True, basis=BY_SENEDD_LIST)
    options = [Option(data().areas[code], share) for code, share in shares.items()]
    options.sort(key=lambda o: (-(o.share or 0.0), fold(o.area.name)))
    if len(options) == 1:
        return DevolvedResult(leg, options[0].area, None, False, options, MOST_POSTCODES, BY_AREA, prefix=prefix)
    return DevolvedResult(leg, None, None, False, options, MOST_POSTCODES, BY_AREA, prefix=prefix)


# --- wording ------------------------------------------------------------------------------------

_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def number_word(n: int) -> str:
    return _NUMBER_WORDS.get(n, str(n))


def percent(share: float | None) -> str:
    """ "about 90%" for an estimate; "under 1%" for a sliver."""
    if share is None:
        return ""
    if share < 0.005:
        return "under 1%"
    return f"{round(share * 100)}%"


def members_sentence(result: DevolvedResult, caller: bool = False) -> str:
    """Who represents this person in the legislature, in one or two sentences."""
    leg = result.legislature
    you = "the caller" if caller else "you"
    they = "they" if caller else "you"
    if leg.id == SCOTTISH_PARLIAMENT:
        if result.constituency is None:
            return (
                f"In Scotland, {you} are represented by one constituency MSP and seven regional MSPs "
                f"(Members of the Scottish Parliament)."
            ).replace("the caller are", "the caller is")
        region = result.region.name if result.region else "the region"
        return (
            f"{_cap(you)} {'has' if caller else 'have'} one constituency MSP for {result.constituency.name} "
            f"and seven regional MSPs for {region}; {they} can write to any of them."
        )
    count = _cap(number_word(leg.constituency_members))
    if result.constituency is None:
        return f"{count} {leg.member_title_plural} represent each constituency."
    return f"{count} {leg.member_title_plural} represent {result.constituency.name}; {they} can write to any of them."


def describe(result: DevolvedResult, caller: bool = False) -> str:
    leg = result.legislature
    whose = "the caller's" if caller else "your"
    yours = "the caller's" if caller else "yours"
    where = result.postcode or ("The caller's postcode" if caller else "Your postcode")
    basis = result.basis
    c = result.constituency
    if basis == NO_LOOKUP and leg.id == SCOTTISH_PARLIAMENT:
        return (
            f"{members_sentence(result, caller)} This app cannot tell a Scottish Parliament constituency "
            "from a postcode: no open postcode list exists yet for the 2026 boundaries. Please choose "
            f"{whose} constituency from the list (in alphabetical order); the region follows from it. "
            f"If {'the caller is' if caller else 'you are'} not sure which it is, the local council can tell "
            f"{'them' if caller else 'you'}."
        )
    if basis == NO_LOOKUP:  # Northern Ireland, no Westminster seat chosen yet
        return (
            "Northern Ireland postcodes cannot be matched to a constituency with open data. Choose "
            f"{whose} Westminster constituency first: the app then shows the Assembly constituencies it "
            "overlaps. Five MLAs (Members of the Legislative Assembly) represent each of the 18 Assembly "
            "constituencies. The Electoral Office for Northern Ireland can say which one is "
            f"{'theirs' if caller else 'yours'}."
        )
    if basis == CHOSEN:
        if leg.id == SCOTTISH_PARLIAMENT:
            return members_sentence(result, caller)
        return f"{_cap(whose)} {leg.short_name} constituency: {_named(result).name}. {members_sentence(result, caller)}"
    if basis in (BY_POSTCODE, BY_SENEDD_LIST):
        source = " (from the Senedd's own postcode list)" if basis == BY_SENEDD_LIST else ""
        return (
            f"{where} is in the {_named(result).name} Senedd constituency{source}. {members_sentence(result, caller)}"
        )
    if basis == ON_BOUNDARY:
        official, derived = result.options[0].area.name, result.options[1].area.name
        return (
            f"{where} is on the boundary of two Senedd constituencies. The Senedd's own postcode list puts "
            f"it in {official}, but its Westminster constituency is part of {derived}. Please choose "
            f"{yours}; the local council's electoral services team can tell {'them' if caller else 'you'}. "
            f"{members_sentence(result, caller)}"
        )
    if basis == BY_AREA:
        start = result.prefix or "this way"
        if c is not None:
            return (
                f"All the postcodes we know starting {start} are in the {c.name} Senedd constituency, so it "
                f"is most likely {whose}. {members_sentence(result, caller)}"
            )
        listing = "; ".join(f"{o.area.name} ({percent(o.share)} of postcodes)" for o in result.options)
        return (
            f"Postcodes starting {start} are in {len(result.options)} Senedd constituencies: {listing}. "
            f"The most likely is first. {members_sentence(result, caller)}"
        )
    # BY_SEAT
    seat = f"The {result.seat} Westminster constituency" if result.seat else "This Westminster constituency"
    if leg.id == SENEDD:
        return f"{seat} is part of the {_named(result).name} Senedd constituency. {members_sentence(result, caller)}"
    if c is not None:
        return f"{seat} lies in the {c.name} Assembly constituency. {members_sentence(result, caller)}"
    first, *rest = result.options
    listing = "; ".join(
        [f"{first.area.name} (about {percent(first.share)} of its people)"]
        + [f"{o.area.name} ({percent(o.share)})" for o in rest]
    )
    return (
        f"{seat} overlaps {number_word(len(result.options))} Assembly constituencies: {listing}. They are "
        f"listed with the most people first; the shares are estimates. Please choose {yours}. "
        f"{members_sentence(result, caller)}"
    )


def _named(result: DevolvedResult) -> Area:
    """The constituency of an answer whose basis always names one (chosen, by postcode, a Senedd seat)."""
    if result.constituency is None:
        raise ValueError(f"a {result.basis!r} answer for the {result.legislature.name} names no constituency")
    return result.constituency


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]

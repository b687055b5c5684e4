"""Postcode -> Westminster constituency -> MP, offline, and search by name.

The one rule above all: never send someone to the wrong MP without telling them. Only a
postcode found in the bundled list gives one seat as certain ("found"). Anything less
certain gives every seat it might be, most likely first, and says so in plain words.

Data is loaded on the first call, once per process (see ``seats``). Nothing imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sirt_desktop.core.representatives import postcodes
from sirt_desktop.core.representatives import seats
from sirt_desktop.core.representatives.store import NO_SEAT, AreaSeat
from sirt_desktop.core.representatives.seats import MP, Constituency

FOUND = "found"
CHOOSE = "choose"
UNKNOWN = "unknown"
NORTHERN_IRELAND = "northern_ireland"
CROWN_DEPENDENCY = "crown_dependency"
NON_GEOGRAPHIC = "non_geographic"
PARTIAL = "partial"
INVALID = "invalid"
STATUSES = (FOUND, CHOOSE, UNKNOWN, NORTHERN_IRELAND, CROWN_DEPENDENCY, NON_GEOGRAPHIC, PARTIAL, INVALID)

_NATION_ADVICE = {
    "Scotland": (
        "In Scotland, the NHS is run by the Scottish Government through local health boards. "
        "Your MSP (Member of the Scottish Parliament) is usually the best person to write to about "
        "NHS funding. You can still write to your MP as well."
    ),
    "Wales": (
        "In Wales, the NHS is run by the Welsh Government, through health boards and the NHS Wales "
        "Joint Commissioning Committee. Your MS (Member of the Senedd) is usually the best person to "
        "write to about NHS funding. You can still write to your MP as well."
    ),
    "Northern Ireland": (
        "In Northern Ireland, health and social care is run by the Department of Health in Northern "
        "Ireland. Your MLA (Member of the Legislative Assembly) is usually the best person to write to "
        "about NHS funding. You can still write to your MP as well."
    ),
}

_HOW_TO_CHECK = "If you are not sure which is yours, your local council's electoral services team can tell you."


@dataclass(slots=True)
class Candidate:
    """A seat the person may live in. ``share`` is the share of the area's postcodes in this
    seat (0-1), or None when it does not apply. ``mp`` is None when the seat is vacant.
    Treat as read-only (not frozen only because frozen dataclasses are slow to create)."""

    gss_code: str
    constituency: str
    nation: str
    share: float | None
    mp: MP | None
    vacant: bool
    name_cy: str = ""
    region: str = ""

    def to_json(self) -> dict[str, Any]:
        mp = None if self.mp is None else {"name": self.mp.name, "party": self.mp.party, "member_id": self.mp.member_id}
        return {
            "gss_code": self.gss_code,
            "constituency": self.constituency,
            "nation": self.nation,
            "share": self.share,
            "mp": mp,
        }


@dataclass(slots=True)
class LookupResult:
    """What a lookup found. ``status`` is one of ``STATUSES``; ``message`` is for the reader.

    ``advice`` is the devolved-nation sentence when every candidate is in Scotland, Wales or
    Northern Ireland. ``area`` is the sector or district whose seats were offered, if any.
    ``mp_list_as_of`` is the date of the MP list the answer used. Treat as read-only.
    """

    input: str
    postcode: str | None
    status: str
    candidates: list[Candidate]
    message: str
    advice: str | None = None
    area: str | None = None
    mp_list_as_of: str = ""

    def to_json(self) -> dict[str, Any]:
        """Exactly the fields of ``sirt-desktop lookup --json``."""
        return {
            "input": self.input,
            "postcode": self.postcode,
            "status": self.status,
            "candidates": [candidate.to_json() for candidate in self.candidates],
            "message": self.message,
        }


# --- public helpers ---------------------------------------------------------------------


def nation_advice(nation: str | None) -> str | None:
    """Who decides NHS funding in a devolved nation, and whom to write to. None for England."""
    return _NATION_ADVICE.get(nation or "")


def mp_list_as_of() -> str:
    """The date the MP list in use is correct to (an imported list's newest ``record_as_of``)."""
    return seats.mp_list().as_of


def mp_list_is_imported() -> bool:
    return seats.mp_list().imported


def reload() -> None:
    """Read the MP list again on the next call (the postcode data never changes)."""
    seats.reload_mps()


def candidate(gss_code: str, share: float | None = None) -> Candidate | None:
    """The seat with this GSS code, with its MP, or None if there is no such seat."""
    data = seats.data()
    seat = data.constituencies.get(gss_code)
    return None if seat is None else _candidate(seat, data.mps.by_seat.get(gss_code), share)


def all_seats() -> list[Candidate]:
    """All 650 seats, in name order."""
    data = seats.data()
    return [_candidate(seat, data.mps.by_seat.get(code), None) for code, seat in data.constituencies.items()]


def seats_in_nation(nation: str) -> list[Candidate]:
    """Every seat of England, Scotland, Wales or Northern Ireland, in name order."""
    wanted = seats.fold(nation or "")
    return [c for c in all_seats() if seats.fold(c.nation) == wanted]


def northern_ireland_seats() -> list[Candidate]:
    """The 18 Northern Ireland seats, in name order."""
    return seats_in_nation("Northern Ireland")


def search(query: str, limit: int | None = 50) -> list[Candidate]:
    """Seats whose name (English or Welsh) or MP's name contains ``query``, ignoring case and
    accents ("ynys" finds Ynys Môn, "glyndwr" finds Montgomeryshire and Glyndŵr).

    Names starting with the query come first, then other name matches, then MP matches.
    """
    if not isinstance(query, str) or len(query) > 200:
        return []
    wanted = seats.fold(query)
    if not wanted:
        return []
    ranked: list[tuple[int, str, Candidate]] = []
    for c in all_seats():
        name = seats.fold(c.constituency)
        if name.startswith(wanted):
            rank = 0
        elif wanted in name:
            rank = 1
        elif c.name_cy and wanted in seats.fold(c.name_cy):
            rank = 2
        elif c.mp is not None and wanted in seats.fold(c.mp.name):
            rank = 3
        else:
            continue
        ranked.append((rank, name, c))
    ranked.sort(key=lambda item: (item[0], item[1]))
    found = [item[2] for item in ranked]
    return found if limit is None else found[:limit]


# --- lookup -------------------------------------------------------------------------------


def lookup(text: str) -> LookupResult:
    """Find the seat(s) and MP(s) for what someone typed. Never raises on any input text."""
    raw = text if isinstance(text, str) else ""
    parsed = postcodes.classify(raw)
    kind = parsed.kind
    if kind == postcodes.FULL:
        return _lookup_full(raw, parsed, seats.data())
    if kind == postcodes.PARTIAL:
        return _lookup_partial(raw, parsed, seats.data())
    if kind == postcodes.NORTHERN_IRELAND:
        return _result(
            raw, parsed.canonical, NORTHERN_IRELAND, northern_ireland_seats(),
            f"{parsed.canonical} is in Northern Ireland. This app cannot tell which constituency a Northern "
            "Ireland postcode is in, so here are all 18 Northern Ireland constituencies. Please choose yours. "
            "If you are not sure which is yours, the Electoral Office for Northern Ireland can tell you.",
        )
    if kind in (postcodes.CROWN_DEPENDENCY, postcodes.OVERSEAS_TERRITORY):
        crown = kind == postcodes.CROWN_DEPENDENCY
        kind_text = "a Crown Dependency" if crown else "a British Overseas Territory"
        return _result(
            raw, parsed.canonical, CROWN_DEPENDENCY, [],
            f"{parsed.canonical} is a postcode for {parsed.place}. {_capital(parsed.place or '')} is {kind_text}: "
            "it has its own government and does not elect an MP to the UK Parliament at Westminster. "
            f"Health care there is run by the {'island' if crown else 'territory'}'s own government, so "
            "please contact your elected representative there.",
        )
    if kind == postcodes.NON_GEOGRAPHIC:
        return _non_geographic(raw, parsed)
    return _invalid(raw)


def _lookup_full(raw: str, parsed: postcodes.ParsedPostcode, data: seats.SeatData) -> LookupResult:
    store = data.store
    district, sector, code = parsed.district or "", parsed.sector or "", parsed.canonical or ""
    if not store.has_district(district):
        return _invalid(raw, f"There are no UK postcodes starting {district}.", data)
    seat = store.find(district, parsed.inward or "")
    if seat >= 0:
        gss = store.seat_codes[seat]
        c = _candidate(data.constituencies[gss], data.mps.by_seat.get(gss), None)
        return _result(
            raw, code, FOUND, [c], f"{code} is in the {c.constituency} constituency. {_mp_sentence(c)}", None, data
        )

    area, area_seats = _area_seats(store, sector, district)
    candidates = _area_candidates(area_seats, data)
    if seat == NO_SEAT:
        if len(candidates) == 1:
            c = candidates[0]
            return _result(
                raw, code, FOUND, candidates,
                f"{code} is in the {c.constituency} constituency: it is the only constituency for postcodes "
                f"starting {area}. {_mp_sentence(c)}",
                area,
                data,
            )
        if candidates:
            return _result(
                raw, code, CHOOSE, candidates,
                f"{code} is a real postcode, but we do not know exactly which constituency it is in. "
                f"Postcodes starting {area} are in {len(candidates)} constituencies: {_listing(candidates)}. "
                f"The most likely is first. {_HOW_TO_CHECK}",
                area,
                data,
            )
        return _result(
            raw, code, UNKNOWN, [],
            f"{code} is a real postcode, but we do not know which constituency it is in. "
            "Please search for your constituency or MP by name. " + _HOW_TO_CHECK,
        )

    message = (
        f"We could not find {code} in our list of postcodes. It may be a new postcode, or there may be "
        "a typing mistake, so please check it. "
    )
    if len(candidates) == 1:
        message += (
            f"All the postcodes we know starting {area} are in {candidates[0].constituency}, so that is "
            "most likely your constituency, but please check before you write. " + _HOW_TO_CHECK
        )
    elif candidates:
        message += (
            f"Postcodes starting {area} are in {len(candidates)} constituencies: {_listing(candidates)}. "
            f"The most likely is first. {_HOW_TO_CHECK}"
        )
    else:
        message += "You can also search for your constituency or MP by name."
    return _result(raw, code, UNKNOWN, candidates, message, area if candidates else None, data)


def _lookup_partial(raw: str, parsed: postcodes.ParsedPostcode, data: seats.SeatData) -> LookupResult:
    store = data.store
    district = parsed.district or ""
    sector = parsed.sector
    if sector is None and not store.has_district(district) and parsed.alternative_sector:
        alt_district = parsed.alternative_sector.split(" ")[0]
        if store.has_district(alt_district):  # "SO5 1" typed as "SO51" where SO51 does not exist
            district, sector = alt_district, parsed.alternative_sector
    if not store.has_district(district):
        return _invalid(raw, f"There are no UK postcodes starting {district}.", data)
    typed = sector or district
    area, area_seats = _area_seats(store, sector or "", district)
    candidates = _area_candidates(area_seats, data)
    message = f"{typed} is only the first part of a postcode. "
    if area != typed and candidates:
        message += f"We do not know any postcodes starting {typed}, so here are the seats for {area}. "
    if len(candidates) == 1:
        message += f"Postcodes starting {area} are all in {candidates[0].constituency}. "
    elif candidates:
        message += (
            f"Postcodes starting {area} are in {len(candidates)} constituencies: {_listing(candidates)}. "
            "The most likely is first. "
        )
    message += "For an exact answer, please type your full postcode, for example SO51 7AA."
    return _result(raw, typed, PARTIAL, candidates, message, area if candidates else None, data)


def _non_geographic(raw: str, parsed: postcodes.ParsedPostcode) -> LookupResult:
    code = parsed.canonical
    if parsed.area == "BFPO" or parsed.area == "BF":
        message = (
            f"{code} is a British Forces (BFPO) address, which is not linked to a constituency. "
            "Please type the postcode of your home address in the UK, or of the address where you "
            "are registered to vote."
        )
    else:
        message = (
            f"{code} is a special postcode for post to a business, PO box or organisation, not a home, "
            "so it is not linked to a constituency. Please type the postcode of your home address."
        )
    return _result(raw, code, NON_GEOGRAPHIC, [], message)


def _invalid(raw: str, reason: str | None = None, data: seats.SeatData | None = None) -> LookupResult:
    shown = postcodes.display_text(raw)
    if not shown:
        message = "Please type a postcode, for example SO51 7AA."
    else:
        message = f"'{shown}' does not look like a UK postcode. "
        if reason:
            message += reason + " "
        message += "A postcode looks like SO51 7AA. Please check it and try again."
        if "0" in shown or "O" in shown.upper():
            message += " The letter O and the number 0 are easy to mix up."
    return _result(raw, None, INVALID, [], message, None, data)


# --- building results -----------------------------------------------------------------------


def _area_seats(store: Any, sector: str, district: str) -> tuple[str, list[AreaSeat]]:
    """The sector's seats if the sector is known, else the district's."""
    if sector:
        found = store.sector_seats(sector)
        if found:
            return sector, found
    return district, store.district_seats(district)


def _area_candidates(area_seats: list[AreaSeat], data: seats.SeatData) -> list[Candidate]:
    codes = data.store.seat_codes
    result = []
    for entry in area_seats:
        gss = codes[entry.seat]
        result.append(_candidate(data.constituencies[gss], data.mps.by_seat.get(gss), entry.share))
    result.sort(key=lambda c: (-(c.share or 0.0), c.constituency))
    return result


def _candidate(seat: Constituency, mp: MP | None, share: float | None) -> Candidate:
    return Candidate(seat.gss_code, seat.name, seat.nation, share, mp, mp is None, seat.name_cy, seat.region)


def _result(
    raw: str,
    postcode: str | None,
    status: str,
    candidates: list[Candidate],
    message: str,
    area: str | None = None,
    data: seats.SeatData | None = None,
) -> LookupResult:
    if len(candidates) == 1:
        advice = _NATION_ADVICE.get(candidates[0].nation)
    else:
        nations = {c.nation for c in candidates}
        advice = nation_advice(nations.pop()) if len(nations) == 1 else None
    as_of = (data or seats.data()).mps.as_of
    return LookupResult(raw, postcode, status, candidates, message, advice, area, as_of)


def _mp_sentence(c: Candidate) -> str:
    if c.mp is None:
        return "This seat has no MP at the moment (the seat is vacant), usually until a by-election is held."
    party = f" ({c.mp.party})" if c.mp.party else ""
    return f"Your MP is {c.mp.name}{party}."


def _percent(share: float | None) -> str:
    if share is None:
        return ""
    if share < 0.005:
        return "under 1%"
    if share > 0.995 and share < 1:
        return "over 99%"
    return f"{round(share * 100)}%"


def _listing(candidates: list[Candidate]) -> str:
    parts = []
    for c in candidates:
        percent = _percent(c.share)
        parts.append(f"{c.constituency} ({percent} of postcodes)" if percent else c.constituency)
    return "; ".join(parts)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

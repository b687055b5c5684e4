"""Postcode -> Westminster constituency -> MP, offline, and search by name.

The one rule above all: never send someone to the wrong MP without telling them. Only a
postcode found in the bundled list gives one seat as certain ("found"). Anything less
certain gives every seat it might be, most likely first, and says so in plain words
(``messages``, for the person or for a volunteer).

Data is loaded on the first call, once per process (see ``seats``). Nothing imports Qt.
"""

from __future__ import annotations

from sirt_desktop.core.nations import Nation
from sirt_desktop.core.representatives import devolved, messages, postcodes, seats
from sirt_desktop.core.representatives.postcodes import Kind
from sirt_desktop.core.representatives.records import (
    MP,
    Candidate,
    Constituency,
    LookupResult,
    Reason,
    Said,
    Status,
)
from sirt_desktop.core.representatives.store import NO_SEAT, AreaSeat, PostcodeStore
from sirt_desktop.core.text import fold

__all__ = [
    "Candidate",
    "LookupResult",
    "Status",
    "all_seats",
    "candidate",
    "lookup",
    "mp_list_as_of",
    "mp_list_is_imported",
    "nation_of_postcode",
    "northern_ireland_seats",
    "reload",
    "search",
    "seats_in_nation",
]


# --- public helpers ---------------------------------------------------------------------


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
    wanted = fold(nation or "")
    return [c for c in all_seats() if fold(c.nation) == wanted]


def northern_ireland_seats() -> list[Candidate]:
    """The 18 Northern Ireland seats, in name order."""
    return seats_in_nation(Nation.NORTHERN_IRELAND)


def search(query: str, limit: int | None = 50) -> list[Candidate]:
    """Seats whose name (English or Welsh) or MP's name contains ``query``, ignoring case and
    accents ("ynys" finds Ynys Môn, "glyndwr" finds Montgomeryshire and Glyndŵr).

    Names starting with the query come first, then other name matches, then MP matches.
    """
    if not isinstance(query, str) or len(query) > 200:
        return []
    wanted = fold(query)
    if not wanted:
        return []
    ranked: list[tuple[int, str, Candidate]] = []
    for c in all_seats():
        name = fold(c.constituency)
        if name.startswith(wanted):
            rank = 0
        elif wanted in name:
            rank = 1
        elif c.name_cy and wanted in fold(c.name_cy):
            rank = 2
        elif c.mp is not None and wanted in fold(c.mp.name):
            rank = 3
        else:
            continue
        ranked.append((rank, name, c))
    ranked.sort(key=lambda item: (item[0], item[1]))
    found = [item[2] for item in ranked]
    return found if limit is None else found[:limit]


# --- lookup -------------------------------------------------------------------------------


def lookup(text: str) -> LookupResult:
    """Find the seat(s) and MP(s) for what someone typed. Never raises on any input text.

    ``message`` speaks to the person; ``messages.message(result, Audience.VOLUNTEER)`` words
    the same result for a helpline volunteer."""
    raw = text if isinstance(text, str) else ""
    parsed = postcodes.classify(raw)
    kind = parsed.kind
    if kind == Kind.FULL:
        return _lookup_full(raw, parsed, seats.data())
    if kind == Kind.PARTIAL:
        return _lookup_partial(raw, parsed, seats.data())
    code = parsed.canonical or ""
    if kind == Kind.NORTHERN_IRELAND:
        return _result(
            raw, code, Status.NORTHERN_IRELAND, northern_ireland_seats(), Said(Reason.NORTHERN_IRELAND, code=code)
        )
    if kind in (Kind.CROWN_DEPENDENCY, Kind.OVERSEAS_TERRITORY):
        reason = Reason.CROWN_DEPENDENCY if kind == Kind.CROWN_DEPENDENCY else Reason.OVERSEAS_TERRITORY
        return _result(raw, code, Status.CROWN_DEPENDENCY, [], Said(reason, code=code, place=parsed.place or ""))
    if kind == Kind.NON_GEOGRAPHIC:
        reason = Reason.BFPO if parsed.area in ("BFPO", "BF") else Reason.NOT_A_HOME
        return _result(raw, code, Status.NON_GEOGRAPHIC, [], Said(reason, code=code))
    return _invalid(raw)


def nation_of_postcode(text: str) -> Nation | None:
    """The UK nation a postcode (or the start of one) is in, when the data is sure: every
    seat it might be in is in one nation. None otherwise (and for Crown Dependencies)."""
    result = lookup(text)
    if result.status == Status.NORTHERN_IRELAND:
        return Nation.NORTHERN_IRELAND
    nations = {c.nation for c in result.candidates}
    if len(nations) != 1:
        return None
    try:
        return Nation(nations.pop())
    except ValueError:
        return None


def _lookup_full(raw: str, parsed: postcodes.ParsedPostcode, data: seats.SeatData) -> LookupResult:
    store = data.store
    district, sector, code = parsed.district or "", parsed.sector or "", parsed.canonical or ""
    if not store.has_district(district):
        return _invalid(raw, messages.no_such_district(district), data)
    seat = store.find(district, parsed.inward or "")
    if seat >= 0:
        gss = store.seat_codes[seat]
        found = [_candidate(data.constituencies[gss], data.mps.by_seat.get(gss), None)]
        return _result(
            raw, code, Status.FOUND, found, Said(Reason.FOUND, code=code, candidates=tuple(found)), None, data
        )

    area, area_seats = _area_seats(store, sector, district)
    candidates = _area_candidates(area_seats, data)
    said = Said(Reason.NOT_IN_LIST, code=code, area=area, candidates=tuple(candidates))
    if seat == NO_SEAT:
        if len(candidates) == 1:
            return _result(raw, code, Status.FOUND, candidates, _with(said, Reason.ONLY_SEAT_IN_AREA), area, data)
        if candidates:
            return _result(raw, code, Status.CHOOSE, candidates, _with(said, Reason.REAL_POSTCODE_IN_SEATS), area, data)
        return _result(raw, code, Status.UNKNOWN, [], _with(said, Reason.REAL_POSTCODE_NO_SEATS))
    return _result(raw, code, Status.UNKNOWN, candidates, said, area if candidates else None, data)


def _with(said: Said, reason: Reason) -> Said:
    return Said(reason, said.code, said.area, said.typed, said.place, said.problem, said.candidates)


def _lookup_partial(raw: str, parsed: postcodes.ParsedPostcode, data: seats.SeatData) -> LookupResult:
    store = data.store
    district = parsed.district or ""
    sector = parsed.sector
    if sector is None and not store.has_district(district) and parsed.alternative_sector:
        alt_district = parsed.alternative_sector.split(" ")[0]
        if store.has_district(alt_district):  # "SO5 1" typed as "SO51" where SO51 does not exist
            district, sector = alt_district, parsed.alternative_sector
    if not store.has_district(district):
        return _invalid(raw, messages.no_such_district(district), data)
    typed = sector or district
    area, area_seats = _area_seats(store, sector or "", district)
    candidates = _area_candidates(area_seats, data)
    said = Said(Reason.PARTIAL, typed=typed, area=area, candidates=tuple(candidates))
    return _result(raw, typed, Status.PARTIAL, candidates, said, area if candidates else None, data)


def _invalid(raw: str, problem: str = "", data: seats.SeatData | None = None) -> LookupResult:
    said = Said(Reason.INVALID, typed=postcodes.display_text(raw), problem=problem)
    return _result(raw, None, Status.INVALID, [], said, None, data)


def not_checked(text: str) -> LookupResult:
    """The answer for a line that could not be looked up at all (an error, logged elsewhere)."""
    said = Said(Reason.NOT_CHECKED)
    return LookupResult(text, None, Status.INVALID, [], messages.word(said), said=said)


# --- building results -----------------------------------------------------------------------


def _area_seats(store: PostcodeStore, sector: str, district: str) -> tuple[str, list[AreaSeat]]:
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
    status: Status,
    candidates: list[Candidate],
    said: Said,
    area: str | None = None,
    data: seats.SeatData | None = None,
) -> LookupResult:
    nations = {c.nation for c in candidates}
    advice = messages.nation_advice(nations.pop()) if len(nations) == 1 else None
    as_of = (data or seats.data()).mps.as_of
    real = status in (Status.FOUND, Status.CHOOSE)  # the postcode exists, so it is in one of these seats
    seats_found = [(c.gss_code, c.nation, c.share) for c in candidates]
    devolved_result = devolved.for_postcode(postcode, seats_found, real, area) if candidates else None
    return LookupResult(
        raw, postcode, status, candidates, messages.word(said), advice, area, as_of, said, devolved_result
    )

"""Every sentence about finding a representative, worded for a person or for a volunteer.

A lookup result carries what it has to say (``Said``: a reason and its details); this module
puts that into words. ``Audience.PERSON`` speaks to the person whose postcode it is ("Your MP
is ..."); ``Audience.VOLUNTEER`` speaks to a helpline volunteer about their caller ("Their MP
is ..."). Each sentence is written out whole for each audience, with named placeholders, so
no wording is made by replacing words in another one (and a translation could follow).

Percentages of an area's postcodes are written by ``format_share`` only, so the message, the
command line and the window all say the same share for the same seat.
"""

from __future__ import annotations

from enum import StrEnum

from sirt_desktop.core.nations import Nation, devolved_member, nation_of
from sirt_desktop.core.representatives.records import Candidate, LookupResult, Reason, Said, Status


class Audience(StrEnum):
    PERSON = "person"  # the person whose postcode it is
    VOLUNTEER = "volunteer"  # a helpline volunteer, about the caller


PERSON = Audience.PERSON
VOLUNTEER = Audience.VOLUNTEER


def format_share(share: float | None) -> str:
    """A seat's share of an area's postcodes: "42%", never "100%" unless it is all of them and
    never "0%": "over 99%" and "under 1%" instead. "" when there is no share."""
    if share is None:
        return ""
    if share < 0.005:
        return "under 1%"
    if 0.995 < share < 1:
        return "over 99%"
    return f"{round(share * 100)}%"


# --- sentences -----------------------------------------------------------------------------
# One entry per sentence; each holds the whole sentence for each audience.

_HOW_TO_CHECK = {
    PERSON: "If you are not sure which is yours, your local council's electoral services team can tell you.",
    VOLUNTEER: "If the caller is not sure which is theirs, their local council's electoral services team "
    "can tell them.",
}
_YOUR_MP = {PERSON: "Your MP is {name}{party}.", VOLUNTEER: "Their MP is {name}{party}."}
_VACANT = {
    PERSON: "This seat has no MP at the moment (the seat is vacant), usually until a by-election is held.",
    VOLUNTEER: "This seat has no MP at the moment (the seat is vacant), usually until a by-election is held.",
}
_FOUND = {
    PERSON: "{code} is in the {constituency} constituency. {mp}",
    VOLUNTEER: "{code} is in the {constituency} constituency. {mp}",
}
_ONLY_SEAT = {
    PERSON: "{code} is in the {constituency} constituency: it is the only constituency for postcodes "
    "starting {area}. {mp}",
    VOLUNTEER: "{code} is in the {constituency} constituency: it is the only constituency for postcodes "
    "starting {area}. {mp}",
}
_SEATS_LISTED = {  # the seats named in the sentence
    PERSON: "Postcodes starting {area} are in {count} constituencies: {listing}. The most likely is first.",
    VOLUNTEER: "Postcodes starting {area} are in {count} constituencies: {listing}. The most likely is first.",
}
_SEATS_BELOW = {  # the seats shown in a list under the sentence (read aloud, not twice)
    PERSON: "Postcodes starting {area} are in {count} constituencies, listed below with the most likely first.",
    VOLUNTEER: "Postcodes starting {area} are in {count} constituencies, listed below with the most likely first.",
}
_REAL_IN_SEATS = {
    PERSON: "{code} is a real postcode, but we do not know exactly which constituency it is in. {seats} {check}",
    VOLUNTEER: "{code} is a real postcode, but we do not know exactly which constituency it is in. {seats} {check}",
}
_REAL_NO_SEATS = {
    PERSON: "{code} is a real postcode, but we do not know which constituency it is in. Please search for "
    "your constituency or MP by name. {check}",
    VOLUNTEER: "{code} is a real postcode, but we do not know which constituency it is in. Please search for "
    "the caller's constituency or MP by name. {check}",
}
_NOT_IN_LIST = {
    PERSON: "We could not find {code} in our list of postcodes. It may be a new postcode, or there may be a "
    "typing mistake, so please check it.",
    VOLUNTEER: "We could not find {code} in our list of postcodes. It may be a new postcode, or there may be "
    "a typing mistake, so please check it with the caller.",
}
_NOT_IN_LIST_ONE_SEAT = {
    PERSON: "All the postcodes we know starting {area} are in {constituency}, so that is most likely your "
    "constituency, but please check before you write. {check}",
    VOLUNTEER: "All the postcodes we know starting {area} are in {constituency}, so that is most likely the "
    "caller's constituency, but please check before writing. {check}",
}
_NOT_IN_LIST_NO_SEATS = {
    PERSON: "You can also search for your constituency or MP by name.",
    VOLUNTEER: "You can also search for the caller's constituency or MP by name.",
}
_PARTIAL = {
    PERSON: "{typed} is only the first part of a postcode.",
    VOLUNTEER: "{typed} is only the first part of a postcode.",
}
_PARTIAL_OTHER_AREA = {
    PERSON: "We do not know any postcodes starting {typed}, so here are the seats for {area}.",
    VOLUNTEER: "We do not know any postcodes starting {typed}, so here are the seats for {area}.",
}
_PARTIAL_ONE_SEAT = {
    PERSON: "Postcodes starting {area} are all in {constituency}.",
    VOLUNTEER: "Postcodes starting {area} are all in {constituency}.",
}
_PARTIAL_FULL_POSTCODE = {
    PERSON: "For an exact answer, please type your full postcode, for example SO51 7AA.",
    VOLUNTEER: "For an exact answer, please type the caller's full postcode, for example SO51 7AA.",
}
_NORTHERN_IRELAND = {
    PERSON: "{code} is in Northern Ireland. This app cannot tell which constituency a Northern Ireland "
    "postcode is in, so here are all 18 Northern Ireland constituencies. Please choose yours. If you are "
    "not sure which is yours, the Electoral Office for Northern Ireland can tell you.",
    VOLUNTEER: "{code} is in Northern Ireland. This app cannot tell which constituency a Northern Ireland "
    "postcode is in, so here are all 18 Northern Ireland constituencies. Please choose the caller's. If "
    "the caller is not sure which is theirs, the Electoral Office for Northern Ireland can tell them.",
}
_CROWN_DEPENDENCY = {
    PERSON: "{code} is a postcode for {place}. {Place} is a Crown Dependency: it has its own government and "
    "does not elect an MP to the UK Parliament at Westminster. Health care there is run by the island's "
    "own government, so please contact your elected representative there.",
    VOLUNTEER: "{code} is a postcode for {place}. {Place} is a Crown Dependency: it has its own government "
    "and does not elect an MP to the UK Parliament at Westminster. Health care there is run by the "
    "island's own government, so the caller should contact their elected representative there.",
}
_OVERSEAS_TERRITORY = {
    PERSON: "{code} is a postcode for {place}. {Place} is a British Overseas Territory: it has its own "
    "government and does not elect an MP to the UK Parliament at Westminster. Health care there is run by "
    "the territory's own government, so please contact your elected representative there.",
    VOLUNTEER: "{code} is a postcode for {place}. {Place} is a British Overseas Territory: it has its own "
    "government and does not elect an MP to the UK Parliament at Westminster. Health care there is run by "
    "the territory's own government, so the caller should contact their elected representative there.",
}
_BFPO = {
    PERSON: "{code} is a British Forces (BFPO) address, which is not linked to a constituency. Please type "
    "the postcode of your home address in the UK, or of the address where you are registered to vote.",
    VOLUNTEER: "{code} is a British Forces (BFPO) address, which is not linked to a constituency. Please "
    "type the postcode of the caller's home address in the UK, or of the address where they are "
    "registered to vote.",
}
_NOT_A_HOME = {
    PERSON: "{code} is a special postcode for post to a business, PO box or organisation, not a home, so it "
    "is not linked to a constituency. Please type the postcode of your home address.",
    VOLUNTEER: "{code} is a special postcode for post to a business, PO box or organisation, not a home, so "
    "it is not linked to a constituency. Please type the postcode of the caller's home address.",
}
_NOTHING_TYPED = {
    PERSON: "Please type a postcode, for example SO51 7AA.",
    VOLUNTEER: "Please type the caller's postcode, for example SO51 7AA.",
}
_NOT_A_POSTCODE = {
    PERSON: "'{shown}' does not look like a UK postcode.",
    VOLUNTEER: "'{shown}' does not look like a UK postcode.",
}
_LOOKS_LIKE = {
    PERSON: "A postcode looks like SO51 7AA. Please check it and try again.",
    VOLUNTEER: "A postcode looks like SO51 7AA. Please check it and try again.",
}
_O_AND_ZERO = {
    PERSON: "The letter O and the number 0 are easy to mix up.",
    VOLUNTEER: "The letter O and the number 0 are easy to mix up.",
}
_NOT_CHECKED = {
    PERSON: "Sorry, this line could not be checked. Please check it and try again.",
    VOLUNTEER: "Sorry, this line could not be checked. Please check it and try again.",
}
_NO_DISTRICT = "There are no UK postcodes starting {district}."

_NATION_ADVICE: dict[Nation, dict[Audience, str]] = {
    Nation.SCOTLAND: {
        PERSON: "In Scotland, the NHS is run by the Scottish Government through local health boards. Your MSPs "
        "(Members of the Scottish Parliament: one for your constituency and seven for your region) are usually "
        "the best people to write to about NHS funding. You can still write to your MP as well.",
        VOLUNTEER: "In Scotland, the NHS is run by the Scottish Government through local health boards. Their "
        "MSPs (Members of the Scottish Parliament: one for their constituency and seven for their region) are "
        "usually the best people to write to about NHS funding. They can still write to their MP as well.",
    },
    Nation.WALES: {
        PERSON: "In Wales, the NHS is run by the Welsh Government, through health boards and the NHS Wales Joint "
        "Commissioning Committee. Your Members of the Senedd (six for each Senedd constituency) are usually the "
        "best people to write to about NHS funding. You can still write to your MP as well.",
        VOLUNTEER: "In Wales, the NHS is run by the Welsh Government, through health boards and the NHS Wales "
        "Joint Commissioning Committee. Their Members of the Senedd (six for each Senedd constituency) are "
        "usually the best people to write to about NHS funding. They can still write to their MP as well.",
    },
    Nation.NORTHERN_IRELAND: {
        PERSON: "In Northern Ireland, health and social care is run by the Department of Health in Northern "
        "Ireland. Your MLAs (Members of the Legislative Assembly, five for each constituency) are usually the "
        "best people to write to about NHS funding. You can still write to your MP as well.",
        VOLUNTEER: "In Northern Ireland, health and social care is run by the Department of Health in Northern "
        "Ireland. Their MLAs (Members of the Legislative Assembly, five for each constituency) are usually the "
        "best people to write to about NHS funding. They can still write to their MP as well.",
    },
}

_CHOOSE_HEADING = {
    PERSON: "Choose your constituency (the most likely is first):",
    VOLUNTEER: "Choose the caller's constituency (the most likely is first):",
}
_CHOOSE_NI_HEADING = {
    PERSON: "Choose your constituency from the 18 in Northern Ireland:",
    VOLUNTEER: "Choose the caller's constituency from the 18 in Northern Ireland:",
}
_WRITE_TO_DEVOLVED = {PERSON: "my {member}", VOLUNTEER: "the caller's {member}"}


# --- wording ---------------------------------------------------------------------------------


def word(said: Said, audience: Audience = PERSON, seats_listed: bool = True) -> str:
    """The message for ``said``, spoken to ``audience``. ``seats_listed=False`` leaves the seats
    out of the sentence because a list under it shows them."""
    a = audience
    r = said.reason
    check = _HOW_TO_CHECK[a]
    if r in (Reason.FOUND, Reason.ONLY_SEAT_IN_AREA):
        c = said.candidates[0]
        template = _FOUND if r == Reason.FOUND else _ONLY_SEAT
        return template[a].format(code=said.code, constituency=c.constituency, area=said.area, mp=mp_sentence(c, a))
    if r == Reason.REAL_POSTCODE_IN_SEATS:
        return _REAL_IN_SEATS[a].format(code=said.code, seats=_seats(said, a, seats_listed), check=check)
    if r == Reason.REAL_POSTCODE_NO_SEATS:
        return _REAL_NO_SEATS[a].format(code=said.code, check=check)
    if r == Reason.NOT_IN_LIST:
        parts = [_NOT_IN_LIST[a].format(code=said.code)]
        if len(said.candidates) == 1:
            parts.append(
                _NOT_IN_LIST_ONE_SEAT[a].format(
                    area=said.area, constituency=said.candidates[0].constituency, check=check
                )
            )
        elif said.candidates:
            parts += [_seats(said, a, seats_listed), check]
        else:
            parts.append(_NOT_IN_LIST_NO_SEATS[a])
        return " ".join(parts)
    if r == Reason.PARTIAL:
        parts = [_PARTIAL[a].format(typed=said.typed)]
        if said.area != said.typed and said.candidates:
            parts.append(_PARTIAL_OTHER_AREA[a].format(typed=said.typed, area=said.area))
        if len(said.candidates) == 1:
            parts.append(_PARTIAL_ONE_SEAT[a].format(area=said.area, constituency=said.candidates[0].constituency))
        elif said.candidates:
            parts.append(_seats(said, a, seats_listed))
        parts.append(_PARTIAL_FULL_POSTCODE[a])
        return " ".join(parts)
    if r == Reason.NORTHERN_IRELAND:
        return _NORTHERN_IRELAND[a].format(code=said.code)
    if r in (Reason.CROWN_DEPENDENCY, Reason.OVERSEAS_TERRITORY):
        template = _CROWN_DEPENDENCY if r == Reason.CROWN_DEPENDENCY else _OVERSEAS_TERRITORY
        return template[a].format(code=said.code, place=said.place, Place=said.place[:1].upper() + said.place[1:])
    if r == Reason.BFPO:
        return _BFPO[a].format(code=said.code)
    if r == Reason.NOT_A_HOME:
        return _NOT_A_HOME[a].format(code=said.code)
    if r == Reason.NOT_CHECKED:
        return _NOT_CHECKED[a]
    return _invalid(said, a)


def _invalid(said: Said, a: Audience) -> str:
    shown = said.typed
    if not shown:
        return _NOTHING_TYPED[a]
    parts = [_NOT_A_POSTCODE[a].format(shown=shown)]
    if said.problem:
        parts.append(said.problem)
    parts.append(_LOOKS_LIKE[a])
    if "0" in shown or "O" in shown.upper():
        parts.append(_O_AND_ZERO[a])
    return " ".join(parts)


def no_such_district(district: str) -> str:
    """Why a postcode cannot be right: its first part does not exist."""
    return _NO_DISTRICT.format(district=district)


def _seats(said: Said, a: Audience, listed: bool) -> str:
    template = _SEATS_LISTED if listed else _SEATS_BELOW
    return template[a].format(area=said.area, count=len(said.candidates), listing=listing(said.candidates))


def listing(candidates: tuple[Candidate, ...] | list[Candidate]) -> str:
    """ "Aberdeen South (98% of postcodes); Aberdeen North (2% of postcodes)" """
    parts = []
    for c in candidates:
        share = format_share(c.share)
        parts.append(f"{c.constituency} ({share} of postcodes)" if share else c.constituency)
    return "; ".join(parts)


def mp_sentence(candidate: Candidate, audience: Audience = PERSON) -> str:
    if candidate.mp is None:
        return _VACANT[audience]
    party = f" ({candidate.mp.party})" if candidate.mp.party else ""
    return _YOUR_MP[audience].format(name=candidate.mp.name, party=party)


def message(result: LookupResult, audience: Audience = PERSON, seats_listed: bool = True) -> str:
    """The result's message for ``audience`` (the stored message if it carries no ``said``)."""
    if result.said is None:
        return result.message
    return word(result.said, audience, seats_listed)


def nation_advice(nation: str | None, audience: Audience = PERSON) -> str | None:
    """Who decides NHS funding in a devolved nation, and whom to write to. None for England."""
    found = nation_of(nation)
    advice = _NATION_ADVICE.get(found) if found is not None else None
    return None if advice is None else advice[audience]


def write_to_devolved(nation: str | None, audience: Audience = PERSON) -> str:
    """ "my MSP", "the caller's MLA"; "" for England."""
    member = devolved_member(nation)
    if member == "MS":  # six Members of the Senedd represent each person since May 2026: there is no one "MS"
        return "a Member of the Senedd" if audience == PERSON else "one of the caller's Members of the Senedd"
    return _WRITE_TO_DEVOLVED[audience].format(member=member) if member else ""


def choose_heading(status: Status, audience: Audience = PERSON) -> str:
    """The heading over a list of seats to choose from."""
    return (_CHOOSE_NI_HEADING if status == Status.NORTHERN_IRELAND else _CHOOSE_HEADING)[audience]


def candidate_line(candidate: Candidate) -> str:
    """One line for a list of seats: seat, share of the area's postcodes, MP, nation."""
    parts = [candidate.constituency]
    share = format_share(candidate.share)
    if share:
        parts.append(f"{share} of postcodes here")
    if candidate.vacant or candidate.mp is None:
        parts.append("no MP at present (vacant seat)")
    else:
        parts.append(f"{candidate.mp.name} ({candidate.mp.party})")
    parts.append(candidate.nation)
    return " — ".join(parts)

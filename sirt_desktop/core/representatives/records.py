"""Plain records of the representatives domain: seats, MPs, by-elections, the MP list, and
what a lookup found.

No loading and no logic here, so every module of the domain can use them without importing
another's data (``mp_csv`` checks a list against ``Constituency`` records it is given).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sirt_desktop.core.representatives.devolved import DevolvedResult


@dataclass(frozen=True, slots=True)
class Constituency:
    """A Westminster seat on the July 2024 boundaries."""

    gss_code: str
    name: str
    name_cy: str
    nation: str
    region: str
    constituency_type: str


@dataclass(frozen=True, slots=True)
class MP:
    """The Member of Parliament for a seat. ``as_of`` is the date the record refers to."""

    name: str
    party: str
    party_abbrev: str
    member_id: int | None
    member_since: str | None
    as_of: str | None
    twfy_person_id: int | None = None


@dataclass(frozen=True, slots=True)
class ByElection:
    """A by-election since the 2024 general election."""

    date: str
    gss_code: str
    constituency: str
    winner_name: str
    winner_party: str
    winner_member_id: int | None
    result: str


@dataclass(frozen=True, slots=True)
class MPList:
    """The MP for every seat (None where the seat is vacant), and where the list came from."""

    by_seat: dict[str, MP | None]
    as_of: str
    imported: bool


class Status(StrEnum):
    """How sure a lookup is. The values are the ``status`` strings of ``lookup --json``."""

    FOUND = "found"  # one seat, certain
    CHOOSE = "choose"  # a real postcode in more than one seat: choose
    UNKNOWN = "unknown"  # not in the list (new, or mistyped): the area's seats, if any
    NORTHERN_IRELAND = "northern_ireland"  # all 18 seats to choose from
    CROWN_DEPENDENCY = "crown_dependency"  # no MP at Westminster
    NON_GEOGRAPHIC = "non_geographic"  # BFPO, PO boxes, businesses
    PARTIAL = "partial"  # only the first part of a postcode
    INVALID = "invalid"  # not a postcode


class Reason(StrEnum):
    """Which sentence a lookup result is worded with (``messages.word``)."""

    FOUND = "found"
    ONLY_SEAT_IN_AREA = "only_seat_in_area"
    REAL_POSTCODE_IN_SEATS = "real_postcode_in_seats"
    REAL_POSTCODE_NO_SEATS = "real_postcode_no_seats"
    NOT_IN_LIST = "not_in_list"
    PARTIAL = "partial"
    NORTHERN_IRELAND = "northern_ireland"
    CROWN_DEPENDENCY = "crown_dependency"
    OVERSEAS_TERRITORY = "overseas_territory"
    BFPO = "bfpo"
    NOT_A_HOME = "not_a_home"
    INVALID = "invalid"
    NOT_CHECKED = "not_checked"


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
    """What a lookup found. ``message`` speaks to the person whose postcode it is; ``said``
    holds what the message is made from, so ``messages.word`` can say it to a volunteer.

    ``advice`` is the devolved-nation sentence when every candidate is in Scotland, Wales or
    Northern Ireland. ``area`` is the sector or district whose seats were offered, if any.
    ``mp_list_as_of`` is the date of the MP list the answer used. ``devolved`` is the person's
    Senedd, Scottish Parliament or Northern Ireland Assembly constituency (or the ones to choose
    from) when every candidate is in one of those nations. Treat as read-only.
    """

    input: str
    postcode: str | None
    status: Status
    candidates: list[Candidate]
    message: str
    advice: str | None = None
    area: str | None = None
    mp_list_as_of: str = ""
    said: Said | None = None
    devolved: DevolvedResult | None = None

    def to_json(self) -> dict[str, Any]:
        """Exactly the fields of ``sirt-desktop lookup --json``."""
        return {
            "input": self.input,
            "postcode": self.postcode,
            "status": self.status,
            "candidates": [candidate.to_json() for candidate in self.candidates],
            "message": self.message,
            "devolved": None if self.devolved is None else self.devolved.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Said:
    """What a lookup has to say, before it is put into words for someone.

    ``code`` is the postcode as shown, ``area`` the sector or district whose seats are
    offered, ``typed`` the part of a postcode typed, ``place`` a Crown Dependency or territory,
    ``problem`` why typed text is not a postcode.
    """

    reason: Reason
    code: str = ""
    area: str = ""
    typed: str = ""
    place: str = ""
    problem: str = ""
    candidates: tuple[Candidate, ...] = field(default=())

"""Plain records of the representatives domain: seats, MPs, by-elections, the MP list.

No loading and no logic here, so every module of the domain can use them without importing
another's data (``mp_csv`` checks a list against ``Constituency`` records it is given).
"""

from __future__ import annotations

from dataclasses import dataclass


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

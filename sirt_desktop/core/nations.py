"""The four UK nations, who represents each, and where Westminster post goes.

Shared by two domains: ``representatives`` (which nation a seat is in, whom to write to)
and ``letters`` (post-nominals on the envelope, the House of Commons address). The
sentences built from these facts live in ``representatives/messages.py``.
"""

from __future__ import annotations

from enum import StrEnum


class Nation(StrEnum):
    """The values are the names in the bundled constituency data."""

    ENGLAND = "England"
    SCOTLAND = "Scotland"
    WALES = "Wales"
    NORTHERN_IRELAND = "Northern Ireland"


#: The member of each devolved parliament or assembly, as written after a name.
DEVOLVED_MEMBER: dict[Nation, str] = {
    Nation.SCOTLAND: "MSP",
    Nation.WALES: "MS",
    Nation.NORTHERN_IRELAND: "MLA",
}

#: Post-nominal letters that follow the name on the same line ("Jane Smith MSP"). "AS" is
#: the Welsh form of MS (Aelod o'r Senedd).
POST_NOMINALS = ("MP", "MSP", "MS", "AS", "MLA")

HOUSE_OF_COMMONS = ("House of Commons", "LONDON")  # the address lines, post town in capitals
HOUSE_OF_COMMONS_POSTCODE = "SW1A 0AA"
HOUSE_OF_COMMONS_ADDRESS = "House of Commons, London SW1A 0AA"  # on one line, for a screen


def nation_of(name: str | None) -> Nation | None:
    """The nation named ``name`` (as in the data), or None."""
    try:
        return Nation(name or "")
    except ValueError:
        return None


def devolved_member(nation: str | None) -> str:
    """ "MSP", "MS" or "MLA"; "" for England or an unknown name."""
    found = nation_of(nation)
    return DEVOLVED_MEMBER.get(found, "") if found is not None else ""

"""Reading what people type into a postcode box: tidy it up and say what kind of thing it is.

This module knows the *shape* of UK postcodes only. It holds no data tables, so it
cannot say whether a postcode exists; ``representatives`` does that with the bundled data.

Accepted: lower case, no space, extra or odd spaces (including non-breaking spaces pasted
from a web page), and a trailing full stop or comma. ``so517aa.`` becomes ``SO51 7AA``.

Nothing here ever raises, whatever the input (empty, 10,000 characters, control
characters, emoji).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

#: Longest input we try to read as a postcode. Anything longer is not a postcode.
MAX_POSTCODE_INPUT = 40


class Kind(StrEnum):
    """What ``classify()`` found. The values are the strings the JSON output has always used."""

    FULL = "full"  # a full GB postcode, e.g. "SO51 7AA"
    PARTIAL = "partial"  # a district ("SO51") or a sector ("SO51 7")
    NORTHERN_IRELAND = "northern_ireland"  # BT...
    CROWN_DEPENDENCY = "crown_dependency"  # Jersey, Guernsey, Isle of Man
    OVERSEAS_TERRITORY = "overseas_territory"  # e.g. Falkland Islands "FIQQ 1ZZ"
    NON_GEOGRAPHIC = "non_geographic"  # BFPO, GIR 0AA, PO-box and business-only districts
    INVALID = "invalid"  # not a postcode at all (including empty input)


CROWN_DEPENDENCIES: dict[str, str] = {"JE": "Jersey", "GY": "Guernsey", "IM": "the Isle of Man"}

#: British Overseas Territories with a UK-style postcode (whole postcode, no space).
OVERSEAS_TERRITORIES: dict[str, str] = {
    "ASCN1ZZ": "Ascension Island",
    "BBND1ZZ": "the British Indian Ocean Territory",
    "BIQQ1ZZ": "the British Antarctic Territory",
    "FIQQ1ZZ": "the Falkland Islands",
    "GX111AA": "Gibraltar",
    "PCRN1ZZ": "the Pitcairn Islands",
    "SIQQ1ZZ": "South Georgia and the South Sandwich Islands",
    "STHL1ZZ": "Saint Helena",
    "TDCU1ZZ": "Tristan da Cunha",
    "TKCA1ZZ": "the Turks and Caicos Islands",
}

#: Postcode areas used only for post to organisations, never for homes.
NON_GEOGRAPHIC_AREAS: dict[str, str] = {
    "BF": "British Forces post (BFPO)",
    "BX": "post to businesses and organisations",
    "XX": "post to businesses and organisations",
    "XM": "special Royal Mail addresses",
}

#: Districts whose postcodes all lack a location: PO boxes and large organisations.
NON_GEOGRAPHIC_DISTRICTS: frozenset[str] = frozenset({"BN91", "EH77", "EN77", "PO24", "S94", "SR43"})

_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the last two places of a postcode
_OUTWARD = r"[A-Z]{1,2}[0-9][0-9A-Z]?"
_FULL_RE = re.compile(r"(([A-Z]{1,2})[0-9][0-9A-Z]?)([0-9][A-Z]{2})")  # district, area, inward
_DISTRICT_RE = re.compile(_OUTWARD)
_SECTOR_RE = re.compile(rf"({_OUTWARD})([0-9])[A-Z]?")  # "SO517" or "SO517A": the sector
_AREA_RE = re.compile(r"[A-Z]{1,2}")
_BFPO_RE = re.compile(r"BFPO[0-9]{0,4}")
_OUTWARD_PARTS_RE = re.compile(r"([A-Z]{1,2})([0-9][0-9A-Z]?)")
_TRAILING = ".,;"


@dataclass(slots=True)
class ParsedPostcode:
    """What some typed text turned out to be.

    ``canonical`` is the tidy form to show ("SO51 7AA", "SO51", "SO51 7", "BFPO 123"),
    or None when the text is not a postcode. ``district`` is the outward code ("SO51"),
    ``sector`` the district, a space and one digit ("SO51 7"). For a district typed with
    no space that could also be a sector ("SW17" = "SW1 7"), ``alternative_sector`` holds
    the other reading. ``place`` names a Crown Dependency or territory.
    """

    text: str
    kind: Kind
    canonical: str | None = None
    district: str | None = None
    sector: str | None = None
    inward: str | None = None
    area: str | None = None
    alternative_sector: str | None = None
    place: str | None = None

    @property
    def is_full(self) -> bool:
        return self.kind == Kind.FULL


def _squash(text: object) -> str | None:
    """Upper-case ASCII letters and digits with all spacing removed, or None if not possible."""
    if not isinstance(text, str) or len(text) > MAX_POSTCODE_INPUT:
        return None
    core = "".join(text.split()).rstrip(_TRAILING)
    if not core.isascii() or not core.isalnum():
        return None
    return core.upper()


def area_of(outward: str) -> str:
    """The letters at the start of an outward code: "SO" for "SO51"."""
    match = _OUTWARD_PARTS_RE.match(outward)
    return match.group(1) if match else outward


def inward_is_possible(inward: str) -> bool:
    """True if the inward code uses only letters Royal Mail allows (no C, I, K, M, O or V)."""
    return len(inward) == 3 and inward[0].isdigit() and inward[1] in _INWARD_LETTERS and inward[2] in _INWARD_LETTERS


def normalise(text: object) -> str | None:
    """The canonical form of a full GB-shaped postcode ("so517aa." -> "SO51 7AA"), else None."""
    squashed = _squash(text)
    if squashed is None:
        return None
    match = _FULL_RE.fullmatch(squashed)
    if match is None:
        return "GIR 0AA" if squashed == "GIR0AA" else None
    return f"{match.group(1)} {match.group(3)}"


def _special(text: str, area: str, district: str | None, canonical: str) -> ParsedPostcode | None:
    """Northern Ireland, Crown Dependencies and non-geographic codes, else None."""
    if area == "BT":
        return ParsedPostcode(text, Kind.NORTHERN_IRELAND, canonical, district=district, area=area)
    if area in CROWN_DEPENDENCIES:
        return ParsedPostcode(
            text, Kind.CROWN_DEPENDENCY, canonical, district=district, area=area, place=CROWN_DEPENDENCIES[area]
        )
    if area in NON_GEOGRAPHIC_AREAS or district in NON_GEOGRAPHIC_DISTRICTS:
        return ParsedPostcode(
            text, Kind.NON_GEOGRAPHIC, canonical, district=district, area=area, place=NON_GEOGRAPHIC_AREAS.get(area)
        )
    return None


def classify(text: object) -> ParsedPostcode:
    """Say what ``text`` is. Never raises; anything unreadable is ``Kind.INVALID``."""
    original = text if isinstance(text, str) else ""
    squashed = _squash(text)
    if not squashed:
        return ParsedPostcode(original, Kind.INVALID)

    full = _FULL_RE.fullmatch(squashed)
    if full is not None:
        district, area, inward = full.groups()
        canonical = f"{district} {inward}"
        sector = f"{district} {inward[0]}"
        special = _special(original, area, district, canonical)
        if special is not None:
            special.sector, special.inward = sector, inward
            return special
        return ParsedPostcode(original, Kind.FULL, canonical, district, sector, inward, area)

    if squashed in OVERSEAS_TERRITORIES:
        canonical = f"{squashed[:-3]} {squashed[-3:]}"
        return ParsedPostcode(original, Kind.OVERSEAS_TERRITORY, canonical, place=OVERSEAS_TERRITORIES[squashed])
    if squashed == "GIR0AA":
        return ParsedPostcode(original, Kind.NON_GEOGRAPHIC, "GIR 0AA", place="Girobank (a business address)")
    if _BFPO_RE.fullmatch(squashed):
        number = squashed[4:]
        canonical = f"BFPO {number}" if number else "BFPO"
        return ParsedPostcode(original, Kind.NON_GEOGRAPHIC, canonical, area="BFPO", place=NON_GEOGRAPHIC_AREAS["BF"])

    return _classify_partial(original, squashed)


def _classify_partial(original: str, squashed: str) -> ParsedPostcode:
    """A district, a sector, or just the letters of an area (only useful for BT, JE, GY, IM)."""
    words = [word.upper() for word in original.split()]
    if words:
        words[-1] = words[-1].rstrip(_TRAILING)
    district: str | None = None
    sector: str | None = None
    alternative: str | None = None
    last = words[-1] if words else ""
    head = "".join(words[:-1])
    if len(words) >= 2 and _DISTRICT_RE.fullmatch(head) and re.fullmatch(r"[0-9][A-Z]?", last):
        district, sector = head, f"{head} {last[0]}"  # "SO51 7" (or "SO51 7A", cut short)
    elif _DISTRICT_RE.fullmatch(squashed):
        district = squashed  # "SO51"; "SW17" could also be the sector "SW1 7"
        if len(words) == 1 and squashed[-1].isdigit() and _DISTRICT_RE.fullmatch(squashed[:-1]):
            alternative = f"{squashed[:-1]} {squashed[-1]}"
    else:
        sector_match = _SECTOR_RE.fullmatch(squashed)
        if sector_match is not None:  # "SO517", "SO517A"
            district, sector = sector_match.group(1), f"{sector_match.group(1)} {sector_match.group(2)}"

    if district is None:
        if _AREA_RE.fullmatch(squashed):
            special = _special(original, squashed, None, squashed)
            if special is not None:
                return ParsedPostcode(original, special.kind, squashed, area=squashed, place=special.place)
        return ParsedPostcode(original, Kind.INVALID)

    area = area_of(district)
    canonical = sector or district
    special = _special(original, area, district, canonical)
    if special is not None:
        return ParsedPostcode(
            original, special.kind, canonical, district=district, sector=sector, area=area, place=special.place
        )
    return ParsedPostcode(
        original, Kind.PARTIAL, canonical, district=district, sector=sector, area=area, alternative_sector=alternative
    )


def display_text(text: object, limit: int = 40) -> str:
    """``text`` made safe to quote back in a message: printable, one line, not too long."""
    if not isinstance(text, str):
        return ""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text[: limit * 4])
    cleaned = " ".join(cleaned.split())
    cleaned = cleaned.encode("utf-8", "replace").decode("utf-8")
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned

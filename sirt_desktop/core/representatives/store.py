"""The bundled list of known GB postcodes and the sector and district tables.

Built by ``scripts/build_data.py`` into ``resources/data/``:

- ``postcode_units.u16``: one little-endian uint16 per postcode, grouped by district and
  sorted within it; ``value = inward << 4 | seat`` where ``inward`` packs "7AA" as
  digit * 400 + letter * 20 + letter (20-letter alphabet) and ``seat`` is a position in
  the district's seat list, or 15 for "a real postcode with no known seat".
- ``postcode_areas.json``: seat codes, districts and their offsets, and the tables (each
  area's seats as one short string, parsed only when that area is asked for).

Loading reads the units straight into an ``array`` (no parsing), so it takes a few
milliseconds and about 3.5 MB.
"""

from __future__ import annotations

import json
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sirt_desktop.core.resources import resource_path

#: ``find`` result for a postcode that is not in the list.
NOT_FOUND = -2
#: ``find`` result for a real postcode whose seat is not known.
NO_SEAT = -1

UNITS_FILE = "postcode_units.u16"
AREAS_FILE = "postcode_areas.json"


@dataclass(slots=True)
class AreaSeat:
    """One seat that a sector or district overlaps. ``seat`` indexes ``PostcodeStore.seat_codes``."""

    seat: int
    share: float
    postcodes: int


def _parse_area(joined: str) -> list[AreaSeat]:
    """ "386:0.9756:200;385:0.0244:5" -> [AreaSeat(386, 0.9756, 200), AreaSeat(385, 0.0244, 5)]."""
    if not joined:
        return []
    result = []
    for entry in joined.split(";"):
        seat, share, count = entry.split(":")
        result.append(AreaSeat(int(seat), float(share), int(count)))
    return result


class PostcodeStore:
    """Answers "is this postcode known, and in which seat?" and "which seats does this area cover?"."""

    def __init__(self, units: array[int], areas: dict[str, Any]) -> None:
        self.units = units
        self.seat_codes: list[str] = areas["seat_codes"]
        self.districts: list[str] = areas["districts"]
        self._district_index = {district: i for i, district in enumerate(self.districts)}
        self._offsets: list[int] = areas["unit_offsets"]
        self._no_seat: int = areas["no_seat"]
        self._letters = {letter: i for i, letter in enumerate(areas["inward_letters"])}
        self._unit_seats: dict[str, list[int]] = areas["district_unit_seats"]
        self._district_seats: dict[str, str] = areas["district_seats"]
        self._sector_seats: dict[str, str] = areas["sector_seats"]
        if len(units) != areas["postcode_count"] or self._offsets[-1] != len(units):
            raise ValueError("postcode data files do not match each other")

    @classmethod
    def from_files(cls, units_path: Path, areas_path: Path) -> PostcodeStore:
        units = array("H")
        units.frombytes(units_path.read_bytes())
        if sys.byteorder != "little":  # pragma: no cover - every supported desktop is little-endian
            units.byteswap()
        areas = json.loads(areas_path.read_text(encoding="utf-8"))
        return cls(units, areas)

    @classmethod
    def load_bundled(cls) -> PostcodeStore:
        return cls.from_files(resource_path("data", UNITS_FILE), resource_path("data", AREAS_FILE))

    def __len__(self) -> int:
        return len(self.units)

    def has_district(self, district: str) -> bool:
        """True if the district has known postcodes or a row in the district table."""
        return district in self._district_index

    def find(self, district: str, inward: str) -> int:
        """The seat index of a postcode, ``NO_SEAT`` if it is real but has no seat, else ``NOT_FOUND``."""
        d = self._district_index.get(district)
        letters = self._letters
        if d is None or len(inward) != 3 or inward[1] not in letters or inward[2] not in letters:
            return NOT_FOUND
        if not inward[0].isdigit():
            return NOT_FOUND
        key = (int(inward[0]) * 400 + letters[inward[1]] * 20 + letters[inward[2]]) << 4
        lo, hi = self._offsets[d], self._offsets[d + 1]
        i = bisect_left(self.units, key, lo, hi)
        if i == hi or self.units[i] >> 4 != key >> 4:
            return NOT_FOUND
        local = self.units[i] & 15
        if local == self._no_seat:
            return NO_SEAT
        seat: int = self._unit_seats[district][local]
        return seat

    def sector_seats(self, sector: str) -> list[AreaSeat]:
        """Seats of a sector such as "SO51 7", most likely first; empty if unknown."""
        return _parse_area(self._sector_seats.get(sector, ""))

    def district_seats(self, district: str) -> list[AreaSeat]:
        """Seats of a district such as "SO51", most likely first; empty if unknown."""
        return _parse_area(self._district_seats.get(district, ""))

    def sectors(self) -> list[str]:
        """Every sector in the sector table, sorted."""
        return list(self._sector_seats)

    def iter_postcodes(self) -> Iterator[tuple[str, int]]:
        """Every known postcode with its seat index (or ``NO_SEAT``), in store order."""
        letters = list(self._letters)
        for d, district in enumerate(self.districts):
            seats = self._unit_seats.get(district, [])
            for value in self.units[self._offsets[d] : self._offsets[d + 1]]:
                code, local = value >> 4, value & 15
                digit, rest = divmod(code, 400)
                inward = f"{digit}{letters[rest // 20]}{letters[rest % 20]}"
                yield f"{district} {inward}", (NO_SEAT if local == self._no_seat else seats[local])

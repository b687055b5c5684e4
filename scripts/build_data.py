"""Rebuild ``resources/data/`` (postcodes, seats, MPs) from the source data folder.

    .venv/bin/python scripts/build_data.py [--source ../shared/data]

The output is deterministic: the same source gives byte-identical files. Files written:

- ``postcode_units.u16``: every known GB postcode, 2 bytes each, raw little-endian
  uint16, grouped by district (the order of ``districts`` in ``postcode_areas.json``) and
  sorted within it. A value is ``inward << 4 | seat``: ``inward`` packs the inward code
  ("7AA") as digit * 400 + letter * 20 + letter over the 20 letters Royal Mail uses there;
  ``seat`` is the position of the postcode's seat in its district's seat list, or 15 for
  "a real postcode with no known seat".
- ``postcode_areas.json``: seat codes, districts with their offsets into the units file,
  and the sector and district tables (seat, share, count, most likely first).
- ``constituencies.csv``, ``mps.csv``, ``by_elections.csv``: copies of the source files.
- ``manifest.json`` and ``ATTRIBUTION.md``: each data set's date, source and licence.

Every one of the 1,734,274 source postcodes is checked to round-trip, both by decoding the
arrays here and by looking it up with the app's own loader.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import itertools
import json
import shutil
import sys
from array import array
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "resources" / "data"
DEFAULT_SOURCE = REPO.parent / "shared" / "data"

INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
NO_SEAT = 15
EXPECTED_POSTCODES = 1_734_274
EXPECTED_NO_SEAT = 868

OPL = "Open Parliament Licence v3.0"
OGL = "Open Government Licence v3.0"
CC_BY = "Creative Commons Attribution 4.0 (CC BY 4.0)"
PARLIAMENT_ATTRIBUTION = "Contains Parliamentary information licensed under the Open Parliament Licence v3.0."
CODEPOINT_ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right 2023. "
    "Contains Royal Mail data © Royal Mail copyright and database right 2023. "
    "Contains National Statistics data © Crown copyright and database right 2023."
)
MYSOCIETY_ATTRIBUTION = (
    "Contains data from mySociety's 2025-constituencies datasets "
    "(https://pages.mysociety.org/2025-constituencies/), CC BY 4.0."
)
ONS_ATTRIBUTION = "Source: Office for National Statistics licensed under the Open Government Licence v3.0."

DATASETS = [
    {
        "id": "mps",
        "title": "MP list",
        "as_of": "2026-08-20",
        "source": "UK Parliament Members API snapshot of 2026-04-03 (via open-innovations/constituencies), "
        "updated with House of Commons Library by-election results to 2026-08-20 (ukparliament/psephology); "
        "TheyWorkForYou person IDs from mySociety",
        "licence": OPL,
        "attribution": PARLIAMENT_ATTRIBUTION + " TheyWorkForYou IDs from mySociety.",
    },
    {
        "id": "constituencies",
        "title": "Westminster constituencies (July 2024 boundaries)",
        "as_of": "2024-09-25",
        "source": "House of Commons Library 2024 general election results (ukparliament/psephology); "
        "Welsh names from the ONS Westminster Parliamentary Constituencies (July 2024) boundaries; "
        "mySociety 2025-constituencies IDs and three-letter codes (Philip Brown and Alasdair Rae)",
        "licence": f"{OPL}; {OGL}; {CC_BY}",
        "attribution": f"{PARLIAMENT_ATTRIBUTION} {ONS_ATTRIBUTION} {MYSOCIETY_ATTRIBUTION}",
    },
    {
        "id": "postcodes",
        "title": "Known GB postcodes (OS Code-Point Open)",
        "as_of": "2023-08-07",
        "source": "OS Code-Point Open (mid-2023 release), each postcode given a seat with mySociety's "
        "2025-constituencies postcode lookup",
        "licence": f"{OGL}; {CC_BY}",
        "attribution": f"{CODEPOINT_ATTRIBUTION} {MYSOCIETY_ATTRIBUTION}",
    },
    {
        "id": "postcode_areas",
        "title": "Postcode sector and district to constituency tables",
        "as_of": "2023-08-07",
        "source": "Derived from OS Code-Point Open (mid-2023) and mySociety's 2025-constituencies lookup: "
        "the share of each sector's and district's unit postcodes in each seat",
        "licence": f"{OGL}; {CC_BY}",
        "attribution": f"{CODEPOINT_ATTRIBUTION} {MYSOCIETY_ATTRIBUTION}",
    },
    {
        "id": "by_elections",
        "title": "By-elections since the 2024 general election",
        "as_of": "2026-08-20",
        "source": "House of Commons Library by-election results (ukparliament/psephology)",
        "licence": OPL,
        "attribution": PARLIAMENT_ATTRIBUTION,
    },
]


def inward_code(inward: str) -> int:
    """Pack "7AA" into 0..3999."""
    return int(inward[0]) * 400 + INWARD_LETTERS.index(inward[1]) * 20 + INWARD_LETTERS.index(inward[2])


def inward_text(code: int) -> str:
    digit, rest = divmod(code, 400)
    return f"{digit}{INWARD_LETTERS[rest // 20]}{INWARD_LETTERS[rest % 20]}"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def area_table(rows: list[dict[str, str]], key: str, seat_index: dict[str, int]) -> dict[str, list[list]]:
    """{"SO51 7": [[seat, share, count], ...]} most likely first, checked against its own totals."""
    table: dict[str, list[list]] = {}
    totals: dict[str, int] = {}
    for row in rows:
        area = row[key]
        entries = table.setdefault(area, [])
        assert int(row["rank"]) == len(entries) + 1, f"{area}: rows out of rank order"
        entries.append([seat_index[row["gss_code"]], float(row["share"]), int(row["postcodes_in_constituency"])])
        totals[area] = int(row[key.replace("postcode_", "postcodes_in_")])
    for area, entries in table.items():
        assert sum(entry[2] for entry in entries) == totals[area], f"{area}: counts do not add up"
        assert all(a[2] >= b[2] for a, b in itertools.pairwise(entries)), f"{area}: not most likely first"
    return dict(sorted(table.items()))


def build(source: Path, out: Path) -> dict[str, int]:
    constituencies = read_csv(source / "constituencies.csv")
    mps = read_csv(source / "mps.csv")
    seat_codes = sorted(row["gss_code"] for row in constituencies)
    assert len(seat_codes) == 650 == len(set(seat_codes))
    assert sorted(row["gss_code"] for row in mps) == seat_codes, "mps.csv does not cover every seat once"
    seat_index = {code: i for i, code in enumerate(seat_codes)}

    sectors = area_table(read_csv(source / "postcode_sector_to_constituency.csv"), "postcode_sector", seat_index)
    district_table = area_table(
        read_csv(source / "postcode_district_to_constituency.csv"), "postcode_district", seat_index
    )
    assert len(sectors) == 10_849 and len(district_table) == 2_866
    assert max(len(v) for v in district_table.values()) < NO_SEAT

    # Every known postcode, grouped by district.
    by_district: dict[str, list[tuple[int, str]]] = {}
    count = 0
    with gzip.open(source / "gb_postcodes_2023.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            outward, inward = row["postcode"].split(" ")
            by_district.setdefault(outward, []).append((inward_code(inward), row["gss_code"]))
            count += 1
    assert count == EXPECTED_POSTCODES, count

    districts = sorted(set(by_district) | set(district_table))
    units = array("H")
    offsets = [0]
    for district in districts:
        local = {seat_codes[entry[0]]: i for i, entry in enumerate(district_table.get(district, []))}
        for code, gss in sorted(by_district.get(district, [])):
            units.append(code << 4 | (local[gss] if gss else NO_SEAT))
        offsets.append(len(units))
    assert len(units) == EXPECTED_POSTCODES

    # Round trip 1: decode the arrays and compare with every source row.
    decoded: list[tuple[str, str]] = []
    for d, district in enumerate(districts):
        seats = district_table.get(district, [])
        for value in units[offsets[d] : offsets[d + 1]]:
            seat = value & 15
            decoded.append(
                (f"{district} {inward_text(value >> 4)}", "" if seat == NO_SEAT else seat_codes[seats[seat][0]])
            )
    decoded.sort()
    with gzip.open(source / "gb_postcodes_2023.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        original = sorted((row["postcode"], row["gss_code"]) for row in csv.DictReader(handle))
    assert decoded == original, "postcode store does not round-trip"
    assert sum(1 for _, gss in original if not gss) == EXPECTED_NO_SEAT

    out.mkdir(parents=True, exist_ok=True)
    units_bytes = units.tobytes() if sys.byteorder == "little" else _swapped(units)
    (out / "postcode_units.u16").write_bytes(units_bytes)
    areas = {
        "format": 1,
        "note": "Seats are indexes into seat_codes. district_seats and sector_seats hold "
        "'seat:share:postcodes' entries joined by ';', most likely first. district_unit_seats "
        "lists each district's seats in the order the 4-bit seat field of postcode_units.u16 uses.",
        "no_seat": NO_SEAT,
        "inward_letters": INWARD_LETTERS,
        "postcode_count": len(units),
        "units_sha256": hashlib.sha256(units_bytes).hexdigest(),
        "seat_codes": seat_codes,
        "districts": districts,
        "unit_offsets": offsets,
        "district_unit_seats": {d: [entry[0] for entry in rows] for d, rows in district_table.items()},
        "district_seats": {d: _joined(rows) for d, rows in district_table.items()},
        "sector_seats": {s: _joined(rows) for s, rows in sectors.items()},
    }
    (out / "postcode_areas.json").write_text(
        json.dumps(areas, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    for name, target in (
        ("constituencies.csv", "constituencies.csv"),
        ("mps.csv", "mps.csv"),
        ("by_elections_since_ge2024.csv", "by_elections.csv"),
    ):
        shutil.copyfile(source / name, out / target)
    (out / "manifest.json").write_text(
        json.dumps({"datasets": DATASETS}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "ATTRIBUTION.md").write_text(attribution_text(), encoding="utf-8")
    return {"postcodes": len(units), "districts": len(districts), "sectors": len(sectors)}


def _joined(entries: list[list]) -> str:
    """[[386, 0.9756, 200], [385, 0.0244, 5]] -> "386:0.9756:200;385:0.0244:5"."""
    return ";".join(f"{seat}:{share}:{count}" for seat, share, count in entries)


def _swapped(units: array) -> bytes:
    copy = array("H", units)
    copy.byteswap()
    return copy.tobytes()


def attribution_text() -> str:
    lines = [
        "# Data sources and licences",
        "",
        "SIRT Desktop finds your constituency and MP with data bundled in the app. "
        "It never goes online to do this. These are the sources, their dates and their licences.",
        "",
    ]
    for item in DATASETS:
        lines += [
            f"## {item['title']}",
            "",
            f"Correct as of: {item['as_of']}",
            "",
            f"Source: {item['source']}.",
            "",
            f"Licence: {item['licence']}.",
            "",
            f"Attribution: {item['attribution']}",
            "",
        ]
    lines += [
        "## Licences",
        "",
        "- Open Parliament Licence v3.0: https://www.parliament.uk/site-information/copyright/open-parliament-licence/",
        "- Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "- Creative Commons Attribution 4.0: https://creativecommons.org/licenses/by/4.0/",
        "",
        "## What this data cannot tell you",
        "",
        "- Postcodes are from mid-2023. A postcode created since then is not in the list; the app then "
        "shows the constituencies that the start of the postcode covers, most likely first.",
        "- Northern Ireland postcodes cannot be matched to a constituency with openly licensed data, "
        "so the app lists all 18 Northern Ireland constituencies to choose from.",
        "- Who holds each seat is correct to 2026-08-20. Party labels are as the UK Parliament "
        "Members API showed them on 2026-04-03, except for seats won at by-elections since then.",
        "",
    ]
    return "\n".join(lines)


def check_with_loader(source: Path, out: Path) -> None:
    """Round trip 2: every source postcode through the app's own store, as the app will load it."""
    sys.path.insert(0, str(REPO))
    from sirt_desktop.core.representatives.store import NOT_FOUND, PostcodeStore

    store = PostcodeStore.from_files(out / "postcode_units.u16", out / "postcode_areas.json")
    with gzip.open(source / "gb_postcodes_2023.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            outward, inward = row["postcode"].split(" ")
            seat = store.find(outward, inward)
            assert seat != NOT_FOUND, row["postcode"]
            assert (store.seat_codes[seat] if seat >= 0 else "") == row["gss_code"], row["postcode"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=None, help=f"source data folder (default {DEFAULT_SOURCE})")
    parser.add_argument("--out", default=str(OUT), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    source = Path(args.source) if args.source else DEFAULT_SOURCE
    out = Path(args.out)
    counts = build(source, out)
    check_with_loader(source, out)
    print(f"Built {out} from {source}")
    print(
        f"  {counts['postcodes']:,} postcodes in {counts['districts']:,} districts, {counts['sectors']:,} sectors: round trip OK"
    )
    total = 0
    for path in sorted(out.iterdir()):
        if path.is_file():
            total += path.stat().st_size
            print(f"  {path.name:<24} {path.stat().st_size:>12,} bytes")
    print(f"  {'total':<24} {total:>12,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

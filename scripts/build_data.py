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
- ``devolved.json``: the Senedd's 16 constituencies (each the pair of two Westminster seats),
  the Scottish Parliament's 73 constituencies and 8 regions, the Northern Ireland Assembly's
  18 constituencies with the share of each 2024 Westminster seat's people in each, and the
  index of the Senedd's own postcode file.
- ``senedd_postcodes.u16``: the Senedd's own postcode -> Senedd constituency file, packed like
  ``postcode_units.u16`` (``inward << 4 | constituency``, the position in
  ``devolved.json``'s ``senedd_postcodes.constituency_codes``).
- ``manifest.json`` and ``ATTRIBUTION.md``: each data set's date, source and licence.

Every one of the 1,734,274 source postcodes is checked to round-trip, both by decoding the
arrays here and by looking it up with the app's own loader; so is every one of the Senedd
file's postcodes, and every devolved table is read back and compared with its source rows.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import itertools
import json
import re
import shutil
import sys
from array import array
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "resources" / "data"
DEFAULT_SOURCE = REPO.parent / "shared" / "data"

INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
NO_SEAT = 15
EXPECTED_POSTCODES = 1_734_274
EXPECTED_NO_SEAT = 868
#: The Senedd's postcode file: rows, and rows in the pre-1980s Newport form ("NPT0AD") left out.
EXPECTED_SENEDD_ROWS = 141_313
EXPECTED_SENEDD_OLD_FORM = 2_417
SENEDD_SHA256 = "af73ebbfeb4532120ac2f8140b82dee6008b660e65d3ba7c46a098e7397cfce2"
SENEDD_CONSTITUENCIES_SHA256 = "f353d6b89e5755037019600158ffae5ec64859d56dbc7596e36491c01c63bbc4"
_UNIT_POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][ABDEFGHJLNPQRSTUWXYZ]{2})")

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
ONSPD_ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right; "
    "Contains Royal Mail data © Royal Mail copyright and database right; "
    "Source: Office for National Statistics licensed under the Open Government Licence v3.0."
)
BOUNDARY_LINE_ATTRIBUTION = "Contains OS data © Crown copyright and database right (OS Boundary-Line)."
DEMOCRACY_CLUB_ATTRIBUTION = "Contains data from Democracy Club (candidates.democracyclub.org.uk), CC BY 4.0."

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
        "id": "senedd",
        "title": "Senedd constituencies (from 7 May 2026)",
        "as_of": "2026-05-20",
        "source": "The Senedd's own petitions site (SeneddCymru/e-petitions, data/constituencies.csv, "
        "commit 77722ceff6c4d36ff8a1b89471c2ffd5abc125f5 'Update map for Senedd 2026 constituency changes'); "
        "the 16 constituencies are by law pairs of the 32 Welsh Westminster seats (Senedd Cymru (Members "
        "and Elections) Act 2024), the pairs as listed in the same repository; 6 Members each; "
        "population figures from the Welsh Government",
        "licence": f"{OGL} (data); MIT (the repository's code)",
        "attribution": f"{BOUNDARY_LINE_ATTRIBUTION} {ONS_ATTRIBUTION} Population figures: Welsh Government, {OGL}.",
    },
    {
        "id": "senedd_postcodes",
        "title": "Welsh postcodes to Senedd constituencies (the Senedd's own list)",
        "as_of": "2026-05-20",
        "source": "SeneddCymru/e-petitions data/postcodes.csv (same commit): ONS Postcode Directory grid "
        "references placed in the OS Boundary-Line 2026 Senedd boundaries by the Senedd. Used to check "
        "the answer found through the Westminster seat. 2,417 rows in the old Newport form (NPT...) are "
        "left out",
        "licence": OGL,
        "attribution": f"{ONSPD_ATTRIBUTION} {BOUNDARY_LINE_ATTRIBUTION}",
    },
    {
        "id": "scottish_parliament",
        "title": "Scottish Parliament constituencies and regions (2026 boundaries)",
        "as_of": "2026-04-23",
        "source": "Democracy Club candidate data for the Scottish Parliament election of 7 May 2026 "
        "(ballots sp.c.2026-05-07 and sp.r.2026-05-07, all checked against the official statements of "
        "persons nominated), as found in FullFact/election-2026-candidate-analysis; only the codes and "
        "names of the 73 constituencies and 8 regions were taken, each constituency's region from the "
        "candidates who stood in both; 1 constituency Member and 7 regional Members each",
        "licence": f"{CC_BY} (Democracy Club's API terms; its candidates site's About page says CC BY-SA)",
        "attribution": DEMOCRACY_CLUB_ATTRIBUTION,
    },
    {
        "id": "ni_assembly",
        "title": "Northern Ireland Assembly constituencies (2008 boundaries, elected 2022)",
        "as_of": "2024-07-02",
        "source": "mySociety 2025-constituencies overlap tables (PARL25_PARL10_combo_overlap), Northern "
        "Ireland rows: the share of each 2024 Westminster seat's people in each Assembly constituency; "
        "constituency names from open-innovations/constituencies; 5 Members each. mySociety had no "
        "Northern Ireland postcode data, so the shares are estimates; slivers with no people are left out",
        "licence": f"{CC_BY}; boundaries {OGL} (OSNI / Boundary Commission for Northern Ireland)",
        "attribution": f"{MYSOCIETY_ATTRIBUTION} Boundaries: OSNI and the Boundary Commission for Northern Ireland.",
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
    devolved_counts = build_devolved(source, out, constituencies)
    (out / "manifest.json").write_text(
        json.dumps({"datasets": DATASETS}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "ATTRIBUTION.md").write_text(attribution_text(), encoding="utf-8")
    return {"postcodes": len(units), "districts": len(districts), "sectors": len(sectors), **devolved_counts}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _share(part: str, whole: str) -> float:
    return round(float(part) / float(whole), 3)


def _scotland_tables(scotland: Path) -> tuple[list[dict], list[dict]]:
    """The 8 regions and the 73 constituencies, each in one region; checked against each other."""
    regions = [
        {
            "code": row["region_code"],
            "name": row["name"],
            "members": int(row["regional_members"]),
            "constituencies": int(row["constituencies"]),
        }
        for row in sorted(read_csv(scotland / "sp_regions_2026.csv"), key=lambda r: r["region_code"])
    ]
    region_names = {item["code"]: item["name"] for item in regions}
    assert len(regions) == 8 and all(item["members"] == 7 for item in regions)
    sp = [
        {"code": row["spc_code"], "name": row["name"], "region": row["region_code"]}
        for row in sorted(read_csv(scotland / "sp_constituencies_2026.csv"), key=lambda r: r["spc_code"])
    ]
    assert len(sp) == 73 == len({item["code"] for item in sp})
    for row in read_csv(scotland / "sp_constituencies_2026.csv"):
        assert region_names[row["region_code"]] == row["region_name"], row
    for item in regions:
        assert sum(1 for c in sp if c["region"] == item["code"]) == item["constituencies"], item
    return regions, sp


def _ni_tables(ni: Path, names: dict[str, str], ni_seats: list[str]) -> tuple[list[dict], dict[str, list[list]]]:
    """The 18 Assembly constituencies and, for each NI Westminster seat, the share of its people in each."""
    nia = [
        {"code": row["nia_code_2008_boundaries"], "name": row["name"], "members": int(row["mlas"])}
        for row in sorted(read_csv(ni / "nia_constituencies.csv"), key=lambda r: r["nia_code_2008_boundaries"])
    ]
    nia_names = {item["code"]: item["name"] for item in nia}
    assert len(nia) == 18 and all(item["members"] == 5 for item in nia)
    overlaps: dict[str, list[list]] = {}
    for row in read_csv(ni / "pcon2024_to_nia2008_overlap.csv"):
        assert (
            names[row["pcon24_code"]] == row["pcon24_name"]
            and nia_names[row["nia_code_2008_boundaries"]] == row["nia_name"]
        )
        if float(row["overlap_pop"]) <= 0:  # a sliver with nobody in it: a boundary artefact
            continue
        overlaps.setdefault(row["pcon24_code"], []).append(
            [row["nia_code_2008_boundaries"], _share(row["overlap_pop"], row["original_pop"])]
        )
    for code, entries in overlaps.items():
        entries.sort(key=lambda entry: (-entry[1], entry[0]))
        assert abs(sum(entry[1] for entry in entries) - 1) < 0.02, (code, entries)
    assert sorted(overlaps) == ni_seats, "every NI Westminster seat has its Assembly constituencies"
    assert {entry[0] for entries in overlaps.values() for entry in entries} == set(nia_names)
    return nia, dict(sorted(overlaps.items()))


def build_devolved(source: Path, out: Path, constituencies: list[dict[str, str]]) -> dict[str, object]:
    """Write ``devolved.json`` and ``senedd_postcodes.u16``; check both against their sources."""
    folder = source / "devolved"
    nations = {row["gss_code"]: row["nation"] for row in constituencies}
    names = {row["gss_code"]: row["name"] for row in constituencies}
    welsh_seats = sorted(code for code, nation in nations.items() if nation == "Wales")
    ni_seats = sorted(code for code, nation in nations.items() if nation == "Northern Ireland")
    assert len(welsh_seats) == 32 and len(ni_seats) == 18

    # --- Wales -------------------------------------------------------------------------
    wales = folder / "wales"
    assert _sha256(wales / "senedd_epetitions_postcodes.csv") == SENEDD_SHA256, "Senedd postcode file changed"
    assert _sha256(wales / "senedd_epetitions_constituencies.csv") == SENEDD_CONSTITUENCIES_SHA256
    senedd_rows = read_csv(wales / "senedd_constituencies_2026.csv")
    official = {
        row["id"]: row
        for row in read_csv(wales / "senedd_epetitions_constituencies.csv")
        if row["start_date"] == "2026-05-07" and not row["end_date"]
    }
    assert len(senedd_rows) == 16 == len(official)
    senedd = []
    paired: dict[str, str] = {}
    for row in sorted(senedd_rows, key=lambda r: r["senedd_code"]):
        code = row["senedd_code"]
        assert official[code]["name_cy"] == row["name"], code
        assert int(row["members"]) == 6, code
        pair = sorted([row["pcon24_code_1"], row["pcon24_code_2"]])
        for seat in pair:
            assert nations[seat] == "Wales" and seat not in paired, seat
            paired[seat] = code
        senedd.append(
            {
                "code": code,
                "name_cy": official[code]["name_cy"],
                "name_en": official[code]["name_en"],
                "members": 6,
                "westminster": pair,
                "example_postcode": row["example_postcode"],
                "start_date": official[code]["start_date"],
            }
        )
    assert sorted(paired) == welsh_seats, "every Welsh Westminster seat is in exactly one Senedd constituency"
    for row in read_csv(wales / "westminster_pcon24_to_senedd_2026.csv"):  # the second listing agrees
        assert paired[row["pcon24_code"]] == row["senedd_code"], row

    senedd_codes = [item["code"] for item in senedd]
    senedd_index = {code: i for i, code in enumerate(senedd_codes)}
    by_district: dict[str, list[tuple[int, int]]] = {}
    old_form = 0
    source_pairs: list[tuple[str, str]] = []
    rows = read_csv(wales / "senedd_epetitions_postcodes.csv")
    assert len(rows) == EXPECTED_SENEDD_ROWS, len(rows)
    for row in rows:
        match = _UNIT_POSTCODE.fullmatch(row["id"])
        if match is None:
            assert row["id"].startswith("NPT"), row["id"]
            old_form += 1
            continue
        outward, inward = match.groups()
        by_district.setdefault(outward, []).append((inward_code(inward), senedd_index[row["constituency_id"]]))
        source_pairs.append((f"{outward} {inward}", row["constituency_id"]))
    assert old_form == EXPECTED_SENEDD_OLD_FORM, old_form
    units = array("H")
    districts = sorted(by_district)
    offsets = [0]
    for district in districts:
        entries = sorted(by_district[district])
        assert all(a[0] < b[0] for a, b in pairwise(entries)), f"{district}: a postcode twice"
        units.extend(code << 4 | seat for code, seat in entries)
        offsets.append(len(units))
    decoded = sorted(
        (f"{district} {inward_text(value >> 4)}", senedd_codes[value & 15])
        for d, district in enumerate(districts)
        for value in units[offsets[d] : offsets[d + 1]]
    )
    assert decoded == sorted(source_pairs), "Senedd postcode file does not round-trip"
    units_bytes = units.tobytes() if sys.byteorder == "little" else _swapped(units)

    # The check the app relies on: Westminster seat -> its Senedd pair, against the Senedd's own file.
    senedd_by_postcode = dict(source_pairs)
    agree = disagree = missing = 0
    with gzip.open(source / "gb_postcodes_2023.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["gss_code"] in paired:
                official_code = senedd_by_postcode.get(row["postcode"])
                if official_code is None:
                    missing += 1
                elif official_code == paired[row["gss_code"]]:
                    agree += 1
                else:
                    disagree += 1

    regions, sp = _scotland_tables(folder / "scotland")
    nia, overlaps = _ni_tables(folder / "northern-ireland", names, ni_seats)

    devolved = {
        "format": 1,
        "note": "Built by scripts/build_data.py. senedd_postcodes indexes senedd_postcodes.u16 "
        "(inward << 4 | position in constituency_codes, grouped by district). northern_ireland."
        "westminster_overlaps gives, for each 2024 Westminster seat, [Assembly constituency, share "
        "of the seat's people] most people first (estimates).",
        "wales": {"legislature": "senedd", "constituencies": senedd},
        "scotland": {
            "legislature": "scottish_parliament",
            "constituency_members": 1,
            "regions": regions,
            "constituencies": sp,
        },
        "northern_ireland": {
            "legislature": "ni_assembly",
            "constituencies": nia,
            "westminster_overlaps": overlaps,
        },
        "senedd_postcodes": {
            "inward_letters": INWARD_LETTERS,
            "constituency_codes": senedd_codes,
            "postcode_count": len(units),
            "units_sha256": hashlib.sha256(units_bytes).hexdigest(),
            "districts": districts,
            "unit_offsets": offsets,
        },
    }
    (out / "senedd_postcodes.u16").write_bytes(units_bytes)
    text = json.dumps(devolved, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (out / "devolved.json").write_text(text, encoding="utf-8")
    assert json.loads((out / "devolved.json").read_text(encoding="utf-8")) == devolved
    return {
        "senedd_postcodes": len(units),
        "senedd_old_form": old_form,
        "welsh_agree": agree,
        "welsh_disagree": disagree,
        "welsh_missing": missing,
    }


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
        "SIRT Desktop finds your constituency, your MP and your Senedd, Scottish Parliament or "
        "Northern Ireland Assembly constituency with data bundled in the app. "
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
        "- The app ships no names of Members of the Senedd, MSPs or MLAs: no official current list "
        "was available to check them against. A charity can import the official lists (File, Update "
        "members list); until then the app says where the names are published and lets you type them.",
        "- There is no open postcode lookup for the Scottish Parliament's 2026 constituencies, so the "
        "app asks you to choose yours from the list of 73; your region follows from it.",
        "- A Northern Ireland Westminster seat overlaps one to three Assembly constituencies. The shares "
        "of people in each are estimates (made without Northern Ireland postcode data).",
        "- A few Welsh postcodes on a boundary are in a different Senedd constituency in the Senedd's "
        "own list than their Westminster seat suggests; the app then shows both.",
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

    from sirt_desktop.core.representatives import devolved

    tables = json.loads((out / "devolved.json").read_text(encoding="utf-8"))
    devolved.parse(tables)  # the app can read every table
    units = array("H")
    units.frombytes((out / "senedd_postcodes.u16").read_bytes())
    if sys.byteorder != "little":
        units.byteswap()
    senedd = devolved.SeneddPostcodes(units, tables["senedd_postcodes"])
    for row in read_csv(source / "devolved" / "wales" / "senedd_epetitions_postcodes.csv"):
        match = _UNIT_POSTCODE.fullmatch(row["id"])
        if match is not None:
            assert senedd.find(*match.groups()) == row["constituency_id"], row["id"]


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
    print(
        f"  {counts['senedd_postcodes']:,} Senedd postcodes ({counts['senedd_old_form']:,} in the old NPT form left out): "
        "round trip OK"
    )
    compared = counts["welsh_agree"] + counts["welsh_disagree"]
    print(
        f"  Welsh postcodes, Senedd constituency through the Westminster seat v the Senedd's own file: "
        f"{counts['welsh_agree']:,} of {compared:,} agree ({100 * counts['welsh_agree'] / compared:.3f}%), "
        f"{counts['welsh_disagree']} differ, {counts['welsh_missing']} not in the Senedd's file"
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

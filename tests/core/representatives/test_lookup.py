"""Postcode -> constituency -> MP with the bundled data, and search by name.

The postcodes used here were picked by reading the data: SO51 7 is a sector in one seat;
AB10 1 is split between Aberdeen South (98%) and Aberdeen North; AB43 1AG is a real
postcode with no known seat in a district covering two seats; TW15 9FQ is a real postcode
with no known seat in a one-seat sector.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sirt_desktop.core.nations import Nation
from sirt_desktop.core.representatives import lookup as reps
from sirt_desktop.core.representatives import messages, seats
from sirt_desktop.core.representatives.mp_list import apply_mp_csv
from sirt_desktop.core.representatives.store import NO_SEAT, NOT_FOUND
from sirt_desktop.core.resources import read_text

ROMSEY = "E14001449"
ABERDEEN_SOUTH = "S14000061"
ABERDEEN_NORTH = "S14000060"


def test_postcode_in_a_one_seat_sector_is_found() -> None:
    result = reps.lookup("so51 7aa")
    assert result.status == reps.Status.FOUND
    assert result.postcode == "SO51 7AA"
    assert [c.gss_code for c in result.candidates] == [ROMSEY]
    c = result.candidates[0]
    assert c.constituency == "Romsey and Southampton North"
    assert c.mp is not None and c.mp.name == "Caroline Nokes" and c.mp.member_id == 4048
    assert "Caroline Nokes" in result.message
    assert result.advice is None  # England


def test_postcode_in_a_split_sector_gets_its_own_seat_not_the_sectors_main_one() -> None:
    minority = reps.lookup("AB10 1PE")
    majority = reps.lookup("AB10 1AB")
    assert minority.status == majority.status == reps.Status.FOUND
    assert [c.gss_code for c in minority.candidates] == [ABERDEEN_NORTH]
    assert [c.gss_code for c in majority.candidates] == [ABERDEEN_SOUTH]
    assert "Scottish Government" in (minority.advice or "")


def test_known_postcode_with_no_seat_offers_the_area_seats_to_choose_from() -> None:
    store = seats.postcode_store()
    assert store.find("AB43", "1AG") == NO_SEAT
    result = reps.lookup("AB43 1AG")
    assert result.status == reps.Status.CHOOSE
    assert len(result.candidates) >= 2
    shares = [c.share for c in result.candidates]
    assert shares == sorted(shares, reverse=True)
    assert "real postcode" in result.message


def test_known_postcode_with_no_seat_in_a_one_seat_sector_is_found() -> None:
    assert seats.postcode_store().find("TW15", "9FQ") == NO_SEAT
    result = reps.lookup("TW15 9FQ")
    assert result.status == reps.Status.FOUND
    assert len(result.candidates) == 1
    assert result.candidates[0].constituency == "Spelthorne"
    assert "only constituency" in result.message


def test_unknown_but_well_formed_postcode_offers_its_sector_seats_most_likely_first() -> None:
    store = seats.postcode_store()
    assert store.find("EH12", "9ZZ") == NOT_FOUND
    result = reps.lookup("EH12 9ZZ")
    assert result.status == reps.Status.UNKNOWN
    assert result.area == "EH12 9"
    sector = store.sector_seats("EH12 9")
    assert [c.gss_code for c in result.candidates] == [store.seat_codes[s.seat] for s in sector]
    assert len(result.candidates) >= 2
    assert result.candidates[0].share >= result.candidates[1].share
    assert "could not find" in result.message
    assert "new postcode" in result.message and "typing mistake" in result.message


def test_unknown_postcode_in_a_one_seat_sector_is_never_certain() -> None:
    assert seats.postcode_store().find("SO51", "7ZZ") == NOT_FOUND
    result = reps.lookup("SO51 7ZZ")
    assert result.status == reps.Status.UNKNOWN
    assert [c.gss_code for c in result.candidates] == [ROMSEY]
    assert "check" in result.message


def test_unknown_postcode_in_an_unknown_sector_falls_back_to_the_district() -> None:
    store = seats.postcode_store()
    assert store.sector_seats("SO51 2") == [] and store.district_seats("SO51")
    result = reps.lookup("SO51 2AA")
    assert result.status == reps.Status.UNKNOWN
    assert result.area == "SO51"
    assert len(result.candidates) == len(store.district_seats("SO51"))


@pytest.mark.parametrize("typed", ["QQ1", "ZZ99 1AA", "qq1 1aa", "hello", "", "😀", "x" * 10_000])
def test_not_a_postcode_is_invalid(typed: str) -> None:
    result = reps.lookup(typed)
    assert result.status == reps.Status.INVALID
    assert result.candidates == []
    assert result.postcode is None
    assert result.message
    assert len(result.message) < 300


def test_northern_ireland_lists_all_18_seats() -> None:
    result = reps.lookup("bt7 1nn")
    assert result.status == reps.Status.NORTHERN_IRELAND
    assert len(result.candidates) == 18
    assert {c.nation for c in result.candidates} == {"Northern Ireland"}
    assert all(c.share is None for c in result.candidates)
    assert "Department of Health" in (result.advice or "")
    assert [c.gss_code for c in reps.northern_ireland_seats()] == [c.gss_code for c in result.candidates]


@pytest.mark.parametrize("typed, place", [("JE2 3AB", "Jersey"), ("GY1 1AA", "Guernsey"), ("IM1 1AA", "Isle of Man")])
def test_crown_dependencies_are_not_represented_at_westminster(typed: str, place: str) -> None:
    result = reps.lookup(typed)
    assert result.status == reps.Status.CROWN_DEPENDENCY
    assert result.candidates == []
    assert place in result.message
    assert "Westminster" in result.message


@pytest.mark.parametrize("typed", ["BFPO 123", "bfpo123", "GIR 0AA", "BX1 1LT", "PO24 1AA", "EN77 1AA"])
def test_non_geographic_postcodes_ask_for_the_home_postcode(typed: str) -> None:
    result = reps.lookup(typed)
    assert result.status == reps.Status.NON_GEOGRAPHIC
    assert result.candidates == []
    assert "home" in result.message


def test_partial_district_lists_the_district_seats() -> None:
    result = reps.lookup("so51")
    assert result.status == reps.Status.PARTIAL
    assert result.postcode == "SO51"
    assert len(result.candidates) >= 2
    assert result.candidates[0].gss_code == ROMSEY
    assert "full postcode" in result.message


def test_partial_sector_lists_the_sector_seats() -> None:
    result = reps.lookup("AB10 1")
    assert result.status == reps.Status.PARTIAL
    assert [c.gss_code for c in result.candidates] == [ABERDEEN_SOUTH, ABERDEEN_NORTH]
    assert result.candidates[0].share > 0.9


def test_partial_that_does_not_exist_is_invalid() -> None:
    assert reps.lookup("QQ1").status == reps.Status.INVALID
    assert reps.lookup("ZZ99 1").status == reps.Status.INVALID


def _import_with_one_vacancy(tmp_path, gss_code: str) -> None:
    rows = list(csv.DictReader(io.StringIO(read_text("data", "mps.csv"))))
    for row in rows:
        if row["gss_code"] == gss_code:
            for column in (
                "mp_name",
                "party",
                "party_abbrev",
                "parliament_member_id",
                "twfy_person_id",
                "gender",
                "member_since",
            ):
                row[column] = ""
            row["record_as_of"] = "2026-09-01"
    target = tmp_path / "vacancy.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = apply_mp_csv(target)
    assert report.ok and report.applied, report.problems


def test_vacant_seat_from_an_imported_list_says_so(tmp_path) -> None:
    assert reps.lookup("SO51 7AA").candidates[0].vacant is False
    _import_with_one_vacancy(tmp_path, ROMSEY)
    result = reps.lookup("SO51 7AA")
    assert result.status == reps.Status.FOUND
    c = result.candidates[0]
    assert c.mp is None and c.vacant is True
    assert "vacant" in result.message
    assert result.to_json()["candidates"][0]["mp"] is None
    assert reps.mp_list_as_of() == "2026-09-01"
    assert reps.mp_list_is_imported()


def test_mp_list_as_of_defaults_to_the_bundled_date() -> None:
    assert reps.mp_list_as_of() == "2026-08-20"
    assert not reps.mp_list_is_imported()


@pytest.mark.parametrize(
    "nation, words",
    [
        ("Scotland", ["Scottish Government", "MSP"]),
        ("Wales", ["Welsh Government", "Members of the Senedd", "six"]),
        ("Northern Ireland", ["Department of Health", "MLA"]),
    ],
)
def test_nation_advice_for_devolved_nations(nation: str, words: list[str]) -> None:
    advice = messages.nation_advice(nation)
    assert advice is not None
    for word in words:
        assert word in advice
    assert "MP" in advice


def test_no_nation_advice_for_england() -> None:
    assert messages.nation_advice("England") is None
    assert messages.nation_advice(None) is None


def test_nation_counts() -> None:
    counts = {nation: len(reps.seats_in_nation(nation)) for nation in Nation}
    assert counts == {"England": 543, "Scotland": 57, "Wales": 32, "Northern Ireland": 18}
    assert len(reps.all_seats()) == 650


@pytest.mark.parametrize(
    "query, expected",
    [
        ("ynys", "Ynys Môn"),
        ("YNYS MON", "Ynys Môn"),
        ("glyndwr", "Montgomeryshire and Glyndŵr"),
        ("romsey", "Romsey and Southampton North"),
    ],
)
def test_search_by_constituency_ignores_case_and_accents(query: str, expected: str) -> None:
    assert expected in [c.constituency for c in reps.search(query)]


def test_search_by_mp_name_and_order() -> None:
    assert [c.constituency for c in reps.search("caroline nokes")] == ["Romsey and Southampton North"]
    names = [c.constituency for c in reps.search("aberdeen")]
    assert names[:2] == ["Aberdeen North", "Aberdeen South"]  # names starting with the query first
    assert reps.search("") == [] and reps.search("   ") == [] and reps.search("qqqqzzz") == []


def test_search_by_welsh_name() -> None:
    assert "Alyn and Deeside" in [c.constituency for c in reps.search("glannau dyfrdwy")]


def test_json_shape() -> None:
    data = reps.lookup("AB10 1PE").to_json()
    assert list(data) == ["input", "postcode", "status", "candidates", "message", "devolved"]
    assert list(data["candidates"][0]) == ["gss_code", "constituency", "nation", "share", "mp"]
    assert list(data["candidates"][0]["mp"]) == ["name", "party", "member_id"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_lookup_never_raises_and_found_means_one_candidate(text: str) -> None:
    result = reps.lookup(text)
    assert result.status in set(reps.Status)
    assert result.message
    if result.status == reps.Status.FOUND:
        assert len(result.candidates) == 1
    shares = [c.share for c in result.candidates if c.share is not None]
    assert shares == sorted(shares, reverse=True)

"""Devolved seats: the Senedd, the Scottish Parliament and the Northern Ireland Assembly."""

from __future__ import annotations

import json

import pytest

from sirt_desktop.core.representatives import devolved, seats
from sirt_desktop.core.representatives.devolved import (
    ALPHABETICAL,
    MOST_PEOPLE,
    NI_ASSEMBLY,
    SCOTTISH_PARLIAMENT,
    SENEDD,
)
from sirt_desktop.core.representatives.lookup import lookup
from sirt_desktop.core.representatives.store import NO_SEAT
from sirt_desktop.core.text import fold


def _welsh_comparison() -> tuple[int, int, int, list[tuple[str, str, str]]]:
    """Every Welsh postcode in the shipped postcode data: its Senedd constituency through its
    Westminster seat, against the Senedd's own postcode file."""
    store = seats.postcode_store()
    official = devolved.senedd_postcodes()
    agree = missing = 0
    differ: list[tuple[str, str, str]] = []
    for postcode, seat in store.iter_postcodes():
        if seat == NO_SEAT:
            continue
        senedd = devolved.senedd_for_seat(store.seat_codes[seat])
        if senedd is None:  # not a Welsh seat
            continue
        outward, inward = postcode.split(" ")
        theirs = official.find(outward, inward)
        if theirs is None:
            missing += 1
        elif theirs == senedd.code:
            agree += 1
        else:
            differ.append((postcode, senedd.code, theirs))
    return agree, len(differ), missing, differ


@pytest.fixture(scope="module")
def welsh_comparison():
    return _welsh_comparison()


def test_welsh_postcodes_agree_with_the_senedds_own_file(welsh_comparison, capsys) -> None:
    agree, differ, missing, _rows = welsh_comparison
    compared = agree + differ
    share = agree / compared
    with capsys.disabled():
        print(
            f"\nWelsh postcodes: Senedd constituency through the Westminster seat agrees with the "
            f"Senedd's own postcode file for {agree:,} of {compared:,} ({share:.3%}); {differ} differ, "
            f"{missing} are not in the Senedd's file."
        )
    assert compared > 90_000  # every Welsh postcode, not a sample
    assert share >= 0.999


def test_a_boundary_postcode_offers_both_and_claims_no_order(welsh_comparison) -> None:
    postcode, derived, official = welsh_comparison[3][0]
    found = lookup(postcode).devolved
    assert found is not None and not found.certain
    assert found.constituency is None
    assert [o.area.code for o in found.options] == [official, derived]
    assert found.order == ""
    message = found.message()
    assert "boundary" in message and "most likely" not in message


def test_welsh_postcode_gives_senedd_constituency_in_welsh_and_english() -> None:
    result = lookup("CF10 1EP")
    found = result.devolved
    assert found is not None and found.certain
    assert found.legislature.id == SENEDD
    assert found.constituency.code == "W09000053"
    assert found.constituency.name == "Caerdydd Penarth" == found.constituency.name_en
    assert found.members == 6
    assert "Six Members of the Senedd" in found.message()
    data = result.to_json()["devolved"]
    assert data["legislature"] == "senedd"
    assert data["constituency"] == {"code": "W09000053", "name": "Caerdydd Penarth", "name_en": "Caerdydd Penarth"}
    assert data["region"] is None
    assert data["members"] == 6
    assert data["certain"] is True
    json.dumps(data)  # serialisable as it stands


def test_every_welsh_seat_is_half_of_one_senedd_constituency() -> None:
    welsh = [c for c in seats.constituencies().values() if c.nation == "Wales"]
    assert len(welsh) == 32
    pairs: dict[str, list[str]] = {}
    for seat in welsh:
        pairs.setdefault(devolved.senedd_for_seat(seat.gss_code).code, []).append(seat.gss_code)
    assert len(pairs) == 16 and all(len(v) == 2 for v in pairs.values())
    assert devolved.senedd_for_seat("E14001449") is None


def test_a_postcode_only_the_senedd_knows_is_still_placed() -> None:
    store = seats.postcode_store()
    only_senedd = [
        (postcode, code)
        for postcode, code in devolved.senedd_postcodes()
        if store.has_district(postcode.split(" ")[0]) and store.find(*postcode.split(" ")) == -2
    ]
    assert only_senedd, "every Senedd postcode is in the Westminster list"
    postcode, code = only_senedd[0]
    result = lookup(postcode)
    assert result.status == "unknown"
    assert result.devolved.certain and result.devolved.constituency.code == code
    assert result.devolved.basis == "senedd_list"


def test_part_of_a_welsh_postcode_gives_likely_senedd_constituencies_with_shares() -> None:
    found = lookup("CF10").devolved
    assert not found.certain
    shares = [o.share for o in found.options]
    assert shares == sorted(shares, reverse=True)
    assert found.options[0].area.name == "Caerdydd Penarth"
    assert "most likely is first" in found.message()


def test_scotland_asks_for_a_choice_and_the_region_follows() -> None:
    result = lookup("EH1 1YZ")
    found = result.devolved
    assert found.legislature.id == SCOTTISH_PARLIAMENT
    assert not found.certain and found.constituency is None
    assert len(found.options) == 73 and found.order == ALPHABETICAL
    names = [o.area.name for o in found.options]
    assert names == sorted(names, key=fold)
    assert found.members == 8
    data = result.to_json()["devolved"]
    assert data["certain"] is False and data["choose_from"] == 73 and data["constituency"] is None

    matches = devolved.search(SCOTTISH_PARLIAMENT, "edinburgh")
    # The seven named Edinburgh first, then the rest of the Edinburgh and Lothians East region.
    assert all("Edinburgh" in a.name for a in matches[:7]) and len(matches) == 9
    assert all(a.region == "S17000022" for a in matches[7:])
    chosen = devolved.chosen(matches[0].code)
    assert chosen.certain
    assert chosen.region.name == "Edinburgh and Lothians East"
    assert chosen.to_json()["region"] == {"code": "S17000022", "name": "Edinburgh and Lothians East"}
    assert "seven regional MSPs for Edinburgh and Lothians East" in chosen.message()


def test_scottish_search_ignores_accents_case_and_finds_by_region() -> None:
    assert [a.name for a in devolved.search(SCOTTISH_PARLIAMENT, "NA H-EILEANAN")] == ["Na h-Eileanan an Iar"]
    by_region = devolved.search(SCOTTISH_PARLIAMENT, "highlands and islands")
    assert len(by_region) == 8
    assert devolved.search(SCOTTISH_PARLIAMENT, "x" * 300) == []


def test_scottish_regions_hold_every_constituency() -> None:
    regions = devolved.regions()
    assert len(regions) == 8 and all(r.members == 7 for r in regions)
    counts = {r.code: 0 for r in regions}
    for c in devolved.constituencies(SCOTTISH_PARLIAMENT):
        counts[c.region] += 1
    assert sum(counts.values()) == 73 and min(counts.values()) >= 8


def test_northern_ireland_postcode_lists_all_18_in_alphabetical_order() -> None:
    found = lookup("BT1 5GS").devolved
    assert found.legislature.id == NI_ASSEMBLY and not found.certain
    names = [o.area.name for o in found.options]
    assert len(names) == 18 and names == sorted(names)
    assert found.order == ALPHABETICAL
    assert "most likely" not in found.message()


def test_a_chosen_ni_seat_gives_its_assembly_constituencies_most_people_first() -> None:
    found = devolved.for_westminster_seat("N05000003", "Northern Ireland", "Belfast South and Mid Down")
    assert not found.certain and found.order == MOST_PEOPLE
    assert [o.area.name for o in found.options] == ["Belfast South", "Strangford", "Lagan Valley"]
    shares = [o.share for o in found.options]
    assert shares == sorted(shares, reverse=True) and abs(sum(shares) - 1) < 0.02
    message = found.message()
    assert "Belfast South (about 90% of its people)" in message and "estimates" in message
    assert found.to_json()["options"][0]["share"] == shares[0]


def test_every_ni_seat_has_its_assembly_constituencies() -> None:
    ni = [c for c in seats.constituencies().values() if c.nation == "Northern Ireland"]
    covered: set[str] = set()
    for seat in ni:
        found = devolved.for_westminster_seat(seat.gss_code, "Northern Ireland", seat.name)
        assert found is not None and found.options
        assert all(o.share > 0 for o in found.options)  # no empty slivers offered
        covered.update(o.area.code for o in found.options)
        assert found.certain == (len(found.options) == 1)
    assert len(covered) == 18


def test_england_has_no_devolved_answer() -> None:
    result = lookup("SO51 7AA")
    assert result.devolved is None
    assert result.to_json()["devolved"] is None
    assert devolved.for_westminster_seat("E14001449", "England") is None


def test_volunteer_wording_speaks_about_the_caller() -> None:
    for found in (
        lookup("CF10 1EP").devolved,
        lookup("EH1 1YZ").devolved,
        devolved.for_westminster_seat("N05000003", "Northern Ireland", "Belfast South and Mid Down"),
        devolved.chosen("S16000182"),
    ):
        text = found.message(caller=True)
        assert "the caller" in text.lower() or "they" in text
        assert " you " not in f" {text} " and "your " not in text.lower(), text


def test_legislature_addresses() -> None:
    assert devolved.LEGISLATURES[SENEDD].address() == "Senedd Cymru, Cardiff Bay, Cardiff, CF99 1SN"
    assert devolved.LEGISLATURES[SCOTTISH_PARLIAMENT].address() == "The Scottish Parliament, Edinburgh, EH99 1SP"
    assert devolved.LEGISLATURES[NI_ASSEMBLY].address() == (
        "Northern Ireland Assembly, Parliament Buildings, Ballymiscaw, Stormont, Belfast, BT4 3XX"
    )

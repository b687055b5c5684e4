"""A postcode that is not real is caught, with a suggestion checked against the real list;
the lookup never claims an order it does not have; `lookup` fails when nothing gave a seat."""

from __future__ import annotations

import json

import pytest

from sirt_desktop.core.representatives import checks
from sirt_desktop.core.representatives import lookup as reps
from sirt_desktop.core.representatives.messages import describe_search
from sirt_desktop.core.representatives.records import Status
from tests.cli.run import cli


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("S051 7AA", "SO51 7AA"),  # zero for the letter O
        ("so5l 7aa", "SO51 7AA"),  # small L for one
        ("SO5I 7AA", "SO51 7AA"),  # capital I for one
        ("SOS1 7AA", "SO51 7AA"),  # S for five
        ("S05I 7AA", "SO51 7AA"),  # two slips at once
        ("5O51 7AA", "SO51 7AA"),  # five for S
    ],
)
def test_common_slips_are_offered_the_real_postcode(typed: str, meant: str) -> None:
    assert meant in checks.suggest_postcodes(typed)
    check = checks.check_postcode(typed)
    assert not check.known
    assert f"Did you mean {meant}?" in check.problem


def test_every_suggestion_is_a_real_postcode() -> None:
    store_find = checks.is_known_postcode
    for typed in ("S051 7AA", "SO5I 7AA", "B1 1BB", "0X1 1AA", "M1 1AE"):
        for suggestion in checks.suggest_postcodes(typed):
            assert store_find(suggestion), suggestion


def test_a_real_postcode_needs_no_suggestion() -> None:
    check = checks.check_postcode("so51 7aa")
    assert check.known and check.problem == "" and check.postcode == "SO51 7AA"
    assert checks.suggest_postcodes("SO51 7AA") == []


def test_well_formed_but_unknown_postcode_is_flagged_plainly() -> None:
    check = checks.check_postcode("AB15 8ZZ")
    assert not check.known
    assert "AB15 8ZZ" in check.problem and "not in the list" in check.problem


def test_first_part_only_is_flagged() -> None:
    check = checks.check_postcode("SO51")
    assert not check.known and "first part" in check.problem


def test_empty_postcode_is_not_a_problem_here() -> None:
    # A missing postcode is reported where it matters (before printing), not as a typo.
    assert checks.check_postcode("").problem == ""


def test_lookup_of_a_slip_says_did_you_mean() -> None:
    result = reps.lookup("S051 7AA")
    assert result.status == Status.INVALID
    assert result.suggestions == ["SO51 7AA"]
    assert "Did you mean SO51 7AA?" in result.message


def test_northern_ireland_never_claims_most_likely_first() -> None:
    result = reps.lookup("BT1 5GS")
    assert not result.ranked
    text = cli("lookup", "BT1 5GS").out
    assert "most likely" not in text.lower()
    assert "alphabetical order" in text
    # Where the list is ranked by share, it still says so.
    assert "most likely first" in cli("lookup", "AB43 1AG").out


def test_lookup_exits_non_zero_when_no_line_gave_a_seat() -> None:
    ran = cli("lookup", "--json", "S051 7AA")
    assert ran.code == 1
    assert json.loads(ran.out)["status"] == "invalid"  # still answered
    assert cli("lookup", "BT1 5GS", "SO51").code == 1
    assert cli("lookup", stdin="QQ1\n\n").code == 1
    # One line with a seat is enough for success.
    assert cli("lookup", "S051 7AA", "SO51 7AA").code == 0
    # No input at all is not a failure.
    assert cli("lookup", stdin="").code == 0


def test_party_names_with_brackets_are_not_nested() -> None:
    result = reps.lookup("CF10 1EP")
    assert result.status == Status.FOUND
    assert "Labour (Co-op)" in result.message
    assert "((" not in result.message and "))" not in result.message
    assert "(Labour (Co-op))" not in result.message
    plain = reps.lookup("SO51 7AA").message
    assert "Caroline Nokes (Conservative)" in plain


def test_mp_names_are_shown_the_same_way() -> None:
    # The Members API gives some MPs "Mr" or "Ms" and not others; honours and "Dr" stay.
    names = {c.mp.name for c in reps.all_seats() if c.mp is not None}
    assert not [n for n in names if n.split()[0] in ("Mr", "Mrs", "Ms", "Miss")]
    assert any(n.startswith("Sir ") for n in names) and any(n.startswith("Dr ") for n in names)
    assert any(c.mp is not None and c.mp.name == "Gregory Campbell" for c in reps.search("Gregory Campbell"))


def test_search_says_what_it_matched() -> None:
    assert describe_search("Nokes", reps.search("Nokes")) == "MPs whose name contains “Nokes”:"
    assert describe_search("Romsey", reps.search("Romsey")) == "Constituencies matching “Romsey”:"
    mixed = reps.search("Hamilton")
    assert describe_search("Hamilton", mixed).startswith("Constituencies and MPs matching")

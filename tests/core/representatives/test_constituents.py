"""The MP a letter is addressed to, against the writer's postcode: one sentence when they do
not match, nothing when they do or when the postcode cannot tell."""

from __future__ import annotations

import pytest

from sirt_desktop.core.representatives.constituents import not_their_mp, not_their_parliament
from sirt_desktop.core.representatives.lookup import lookup
from sirt_desktop.core.representatives.messages import Audience
from sirt_desktop.core.representatives.records import Status


@pytest.mark.parametrize("written", ["Caroline Nokes", "Caroline Nokes MP", "caroline nokes", "Nokes"])
def test_their_own_mp_however_written_is_not_flagged(written):
    assert not_their_mp("SO51 7AA", written) == ""
    assert not_their_mp("so517aa", written) == ""


def test_another_constituencys_mp_is_flagged_with_the_right_one():
    said = not_their_mp("EH1 1YZ", "Stephen Doughty")
    assert said.startswith("Your postcode EH1 1YZ is in Edinburgh East and Musselburgh (MP: Chris Murray)")
    assert "this letter is to Stephen Doughty" in said and said.endswith("their own constituency.")
    assert not_their_mp("EH1 1YZ", "Stephen Doughty", Audience.VOLUNTEER).startswith("The caller's postcode")


def test_a_real_postcode_with_no_seat_of_its_own_accepts_any_of_its_areas_mps():
    """AB43 1AG is a real postcode the list does not place: any of its area's MPs may be theirs."""
    assert lookup("AB43 1AG").status == Status.CHOOSE
    seats = [c for c in lookup("AB43 1AG").candidates if c.mp is not None]
    assert len(seats) >= 2
    for seat in seats:
        assert not_their_mp("AB43 1AG", seat.mp.name) == ""
    said = not_their_mp("AB43 1AG", "Somebody Else")
    assert said.count(" or ") == len(seats) - 1 and all(seat.constituency in said for seat in seats)


@pytest.mark.parametrize("postcode", ["", "SO51", "BT1 1AA", "ZZ99 9ZZ", "not a postcode"])
def test_a_postcode_that_cannot_tell_says_nothing(postcode):
    assert not_their_mp(postcode, "Stephen Doughty") == ""


def test_no_name_says_nothing():
    assert not_their_mp("SO51 7AA", "  ") == ""


@pytest.mark.parametrize(
    ("postcode", "post_nominal", "words"),
    [
        ("EH1 1YZ", "MS", "is in Scotland, but this letter is to a Member of the Senedd"),
        ("CF10 1EP", "MSP", "Write to a Member of the Senedd (MS) instead."),
        ("BT1 1AA", "MSP", "is in Northern Ireland"),
        ("SO51 7AA", "MLA", "In England health is run from Westminster: write to the MP instead."),
    ],
)
def test_a_devolved_member_of_another_nation_is_flagged(postcode, post_nominal, words):
    assert words in not_their_parliament(postcode, post_nominal)


@pytest.mark.parametrize(
    ("postcode", "post_nominal", "parliament_postcode"),
    [
        ("CF10 1EP", "MS", ""),
        ("EH1 1YZ", "MSP", ""),
        ("BT1 1AA", "MLA", ""),
        ("EH1 1YZ", "", "EH99 1SP"),
        ("SO51", "MS", ""),
        ("", "MS", ""),
        ("EH1 1YZ", "Consultant", ""),
    ],
)
def test_their_own_parliament_or_a_postcode_that_cannot_tell_says_nothing(postcode, post_nominal, parliament_postcode):
    assert not_their_parliament(postcode, post_nominal, parliament_postcode) == ""


def test_the_parliaments_postcode_is_enough_and_a_volunteer_hears_of_the_caller():
    said = not_their_parliament("EH1 1YZ", "", "CF99 1SN", Audience.VOLUNTEER)
    assert said.startswith("The caller's postcode EH1 1YZ is in Scotland")

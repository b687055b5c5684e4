"""One wording per audience, and one way to write a share, wherever a result is shown."""

from __future__ import annotations

import re

import pytest

from sirt_desktop.cli.lookup import format_text
from sirt_desktop.core.nations import Nation
from sirt_desktop.core.representatives import lookup as reps
from sirt_desktop.core.representatives import messages
from sirt_desktop.core.representatives.messages import Audience, format_share
from sirt_desktop.core.representatives.records import Reason, Said

# One typed text for every kind of answer the lookup gives.
EVERY_ANSWER = [
    "SO51 7AA",
    "TW15 9FQ",
    "AB43 1AG",
    "SO51 7ZZ",
    "EH12 9ZZ",
    "AB32 6",
    "SO51",
    "BT1 1AA",
    "JE2 3AB",
    "FIQQ 1ZZ",
    "BFPO 1234",
    "GIR 0AA",
    "ZZ9 9ZZ",
    "hello",
    "",
]


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (None, ""),
        (1.0, "100%"),
        (0.9968, "over 99%"),
        (0.996, "over 99%"),
        (0.995, "100%"),
        (0.99, "99%"),
        (0.42, "42%"),
        (0.0092, "1%"),
        (0.0049, "under 1%"),
        (0.0032, "under 1%"),
        (0.0, "under 1%"),
    ],
)
def test_format_share(share, text):
    assert format_share(share) == text


def test_the_same_share_everywhere_for_a_split_sector():
    """AB32 6 is over 99% in one seat and under 1% in another: the message, the command line and
    the window's list all say so (they used to say "100%"/"0%" and "100% ... here")."""
    result = reps.lookup("AB32 6")
    assert [format_share(c.share) for c in result.candidates] == ["over 99%", "under 1%"]
    cli = format_text(result)
    lines = [messages.candidate_line(c) for c in result.candidates]
    for shown in (result.message, cli, "\n".join(lines)):
        assert "over 99%" in shown and "under 1%" in shown, shown
        assert not re.search(r"\b(100|0)%", shown), shown


@pytest.mark.parametrize("typed", EVERY_ANSWER)
def test_a_volunteer_is_never_told_your_or_you_are_registered(typed):
    result = reps.lookup(typed)
    for listed in (True, False):
        text = messages.message(result, Audience.VOLUNTEER, seats_listed=listed)
        assert not re.search(r"\b(your|yours|you are registered)\b", text, re.IGNORECASE), text
    for candidate in result.candidates:
        advice = messages.nation_advice(candidate.nation, Audience.VOLUNTEER) or ""
        assert not re.search(r"\byour\b", advice, re.IGNORECASE), advice


def test_bfpo_asks_where_the_caller_is_registered_to_vote():
    result = reps.lookup("BFPO 1234")
    assert result.message.endswith("or of the address where you are registered to vote.")
    volunteer = messages.message(result, Audience.VOLUNTEER)
    assert volunteer.endswith(
        "of the caller's home address in the UK, or of the address where they are registered to vote."
    )


@pytest.mark.parametrize("typed", EVERY_ANSWER)
def test_the_person_wording_is_the_lookup_message(typed):
    result = reps.lookup(typed)
    assert messages.message(result, Audience.PERSON) == result.message
    assert result.said is not None and result.said.reason in set(Reason)


def test_seats_listed_below_leaves_the_seats_out_of_the_sentence():
    result = reps.lookup("EH12 9ZZ")
    short = messages.message(result, Audience.PERSON, seats_listed=False)
    assert "Edinburgh West" in result.message and "Edinburgh West" not in short
    assert "2 constituencies, listed below with the most likely first." in short


def test_a_seat_name_with_a_full_stop_is_not_cut_short():
    """The window once cut the listing out with a regex up to the first full stop."""
    c = reps.lookup("EH12 9ZZ").candidates[0]
    odd = reps.Candidate("X", "St. Ives", "England", 0.5, c.mp, False)
    said = Said(Reason.NOT_IN_LIST, code="TR26 9ZZ", area="TR26 9", candidates=(odd, odd))
    assert "St. Ives" not in messages.word(said, seats_listed=False)
    assert "St. Ives (50% of postcodes); St. Ives (50% of postcodes)." in messages.word(said)


@pytest.mark.parametrize("nation", [Nation.SCOTLAND, Nation.WALES, Nation.NORTHERN_IRELAND])
def test_devolved_help_and_advice_for_each_audience(nation):
    for audience in Audience:
        assert messages.nation_advice(nation, audience)
    if nation == Nation.WALES:  # six Members of the Senedd each: no single "MS"
        assert messages.write_to_devolved(nation) == "a Member of the Senedd"
        assert messages.write_to_devolved(nation, Audience.VOLUNTEER) == "one of the caller's Members of the Senedd"
    else:
        assert messages.write_to_devolved(nation).startswith("my ")
        assert messages.write_to_devolved(nation, Audience.VOLUNTEER).startswith("the caller's ")
    assert messages.nation_advice(Nation.ENGLAND) is None and messages.write_to_devolved("England") == ""

"""Advice follows the writer's nation: nobody is told about England's NHS bodies as if they were theirs."""

from __future__ import annotations

import pytest

from sirt_desktop.core.letters import nation_advice
from sirt_desktop.core.letters.kinds import KINDS, KindId, get_kind
from sirt_desktop.core.nations import Nation
from sirt_desktop.core.representatives.lookup import nation_of_postcode

DEVOLVED = (Nation.SCOTLAND, Nation.WALES, Nation.NORTHERN_IRELAND)
ENGLAND_WORDS = (
    "NHS England",
    "Health Secretary",
    "Department of Health and Social Care",
    "DHSC",
    "integrated care board",
    "individual funding request (IFR)",
)


def _everything(nation, caller=False) -> list[str]:
    texts = []
    for kind in KINDS:
        texts += nation_advice.tips(kind, nation, caller)
        texts += [s.text for s in nation_advice.starters(kind, nation)]
    texts += [nation_advice.who_decides(nation, caller)]
    return texts


def test_a_welsh_writers_tips_say_nothing_about_nhs_england() -> None:
    nation = nation_of_postcode("CF10 1EP")
    assert nation == Nation.WALES
    for text in _everything(nation) + _everything(nation, caller=True):
        for words in ENGLAND_WORDS:
            assert words.lower() not in text.lower(), (words, text)
    campaign = nation_advice.tips(get_kind(KindId.MP_CAMPAIGN), nation)
    assert any("Welsh Government" in tip and "Joint Commissioning Committee" in tip for tip in campaign)
    gap = next(s for s in nation_advice.starters(get_kind(KindId.MP_CAMPAIGN), nation) if s.label == "The funding gap")
    assert "NHS Wales" in gap.text and "Individual Patient Funding Request" in gap.text


@pytest.mark.parametrize("nation", DEVOLVED)
def test_no_devolved_writer_is_told_englands_bodies_are_theirs(nation) -> None:
    for text in _everything(nation) + _everything(nation, caller=True):
        for words in ENGLAND_WORDS:
            assert words.lower() not in text.lower(), (nation, words, text)


@pytest.mark.parametrize(
    "nation, bodies",
    [
        (Nation.SCOTLAND, ["Scottish Government", "health board"]),
        (Nation.WALES, ["Welsh Government", "health boards", "Joint Commissioning Committee"]),
        (Nation.NORTHERN_IRELAND, ["Department of Health", "Minister of Health"]),
    ],
)
def test_who_decides_names_the_nations_own_bodies(nation, bodies) -> None:
    text = nation_advice.who_decides(nation)
    for body in bodies:
        assert body in text
    summary = nation_advice.funding_summary(nation)
    assert "December 2026" in summary and "not" in summary  # says what was not found, and when


def test_an_english_writer_sees_englands_advice() -> None:
    nation = nation_of_postcode("SO51 7AA")
    assert nation == Nation.ENGLAND
    kind = get_kind(KindId.MP_CAMPAIGN)
    assert nation_advice.tips(kind, nation) == list(kind.tips)
    assert nation_advice.starters(kind, nation) == list(kind.starters)
    assert "NHS England" in nation_advice.who_decides(nation)
    assert "not routinely funded" in nation_advice.funding_summary(nation)


def test_an_unknown_nation_gets_englands_advice_and_is_told_so() -> None:
    kind = get_kind(KindId.MP_CAMPAIGN)
    tips = nation_advice.tips(kind, None)
    assert tips[:-1] == list(kind.tips)
    assert "These tips are for England" in tips[-1] and "postcode" in tips[-1]


def test_volunteer_wording_speaks_about_the_caller() -> None:
    for nation in DEVOLVED:
        person = nation_advice.who_decides(nation)
        volunteer = nation_advice.who_decides(nation, caller=True)
        assert "your" in person.lower() and "your" not in volunteer.lower() and "the caller's" in volunteer.lower()
        for kind in KINDS:
            for tip in nation_advice.tips(kind, nation, caller=True)[
                : len(nation_advice.ADVICE[nation].tips.get(kind.id, ()))
            ]:
                assert "your" not in tip.lower(), tip


def test_starters_replace_by_label_and_keep_the_reply_last() -> None:
    kind = get_kind(KindId.MP_CAMPAIGN)
    labels = [s.label for s in nation_advice.starters(kind, Nation.SCOTLAND)]
    assert labels.count("The funding gap") == 1 and labels.count("My request") == 1
    assert labels[-1] == "Asking for a reply"
    ni = nation_advice.starters(kind, Nation.NORTHERN_IRELAND)
    assert "ministers decide how NICE guidance applies" in next(s.text for s in ni if s.label == "What NICE said")


@pytest.mark.parametrize(
    "text, nation",
    [
        ("EH1 1YZ", Nation.SCOTLAND),
        ("BT1 5GS", Nation.NORTHERN_IRELAND),
        ("CF10", Nation.WALES),
        ("JE2 3AB", None),
        ("nonsense", None),
        ("", None),
    ],
)
def test_nation_of_postcode(text, nation) -> None:
    assert nation_of_postcode(text) == nation


def test_a_devolved_letter_has_one_health_is_devolved_tip() -> None:
    kind = get_kind(KindId.DEVOLVED_REP)
    for nation in DEVOLVED:
        tips = nation_advice.tips(kind, nation)
        assert sum(tip.startswith("Health is devolved") for tip in tips) == 1
        assert not any("MSP, MS or MLA" in tip for tip in tips)

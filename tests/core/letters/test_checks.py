from __future__ import annotations

import pytest

from sirt_desktop.core.letters.checks import SENDER_ADDRESS, SENDER_POSTCODE, missing_for_reply
from sirt_desktop.core.letters.coach import coach
from sirt_desktop.core.letters.kinds import KINDS, KindId, RecipientKind, get_kind
from sirt_desktop.core.letters.model import Letter, Sender


def _letter(kind: str, **sender) -> Letter:
    return Letter(kind=kind, sender=Sender(name="Ann Example", **sender), body="Please fund SIRT.")


@pytest.mark.parametrize("kind", [k.id for k in KINDS])
def test_only_letters_to_elected_members_need_the_postcode_for_a_reply(kind):
    missing = missing_for_reply(_letter(kind))
    if get_kind(kind).recipient_kind in (RecipientKind.MP, RecipientKind.DEVOLVED):
        assert missing == [SENDER_ADDRESS, SENDER_POSTCODE]
    else:
        assert missing == []
    assert missing_for_reply(_letter(kind, address_lines=["1 High Street", "Romsey"], postcode="SO51 7AA")) == []


def test_the_elected_kinds():
    assert {k.id for k in KINDS if k.elected} == {
        KindId.MP_CAMPAIGN,
        KindId.MP_MY_CASE,
        KindId.MP_FOLLOW_UP,
        KindId.DEVOLVED_REP,
    }


@pytest.mark.parametrize("kind", [k.id for k in KINDS])
def test_the_coach_and_the_check_agree_about_the_postcode(kind):
    letter = _letter(kind, address_lines=["1 High Street"])
    coach_says = "sender_postcode" in coach(letter).missing
    check_says = SENDER_POSTCODE in missing_for_reply(letter)
    assert coach_says == check_says


def test_an_unknown_kind_is_left_to_validation():
    assert missing_for_reply(_letter("no_such_kind")) == []

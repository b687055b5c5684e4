"""Where the greeting sits, how addresses are printed, and wording that follows the kind of letter."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader

from sirt_desktop.core.letters.kinds import KINDS, get_kind, sender_note, subject_for_kind
from sirt_desktop.core.letters.model import Recipient
from sirt_desktop.core.letters.render import render_letter_details
from sirt_desktop.core.letters.schema import letter_from_dict

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
PT_PER_MM = 72 / 25.4
PAGE_H_PT = 297 * PT_PER_MM


def _tops(pdf: bytes) -> dict[str, float]:
    """Text run -> its baseline in mm from the top of page 1."""
    found: dict[str, float] = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.setdefault(text.strip(), (PAGE_H_PT - y) / PT_PER_MM)

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def test_greeting_sits_below_the_envelope_window() -> None:
    # A 7-line hospital address: the greeting must not peek into a window that runs to 95 mm.
    letter = letter_from_dict(json.loads((EXAMPLES / "clinician.json").read_text(encoding="utf-8")))
    assert len(letter.recipient.block_lines()) == 7
    for large in (False, True):
        details = render_letter_details(letter, large_print=large)
        # The greeting's line starts at the top of the body (its tallest letters reach up to it)…
        assert details.layout.body_top >= 100.0, large
        tops = _tops(details.pdf)
        greeting = next(baseline for text, baseline in tops.items() if text.startswith("Dear"))
        # …and the greeting is that first line: its baseline lies just below.
        assert details.layout.body_top < greeting < details.layout.body_top + 8, (large, greeting)


def test_a_hospital_name_on_the_last_line_is_not_put_in_capitals() -> None:
    r = Recipient(
        full_name="Dr Priya Patel",
        position="Consultant oncologist",
        address_lines=["Oncology Department", "Southampton General Hospital"],
        postcode="so16 6yd",
        kind="clinician",
    )
    assert r.block_lines()[-2:] == ["Southampton General Hospital", "SO16 6YD"]


def test_a_post_town_on_the_last_line_is_still_in_capitals() -> None:
    r = Recipient(
        full_name="Dr Asha Patel",
        address_lines=["Royal Example Hospital", "Leeds"],
        postcode="LS9 7TF",
        kind="clinician",
    )
    assert r.block_lines()[-2:] == ["LEEDS", "LS9 7TF"]
    two_words = Recipient(full_name="Dr A", address_lines=["1 Road", "Milton Keynes"], kind="clinician")
    assert two_words.block_lines()[-1] == "MILTON KEYNES"


def test_sender_note_follows_the_kind_of_letter() -> None:
    assert "constituency" in sender_note(get_kind("mp_campaign"))
    for kind_id in ("clinician", "ifr_statement"):
        note = sender_note(get_kind(kind_id))
        assert "MP" not in note and "constituency" not in note
    assert "MP" not in sender_note(get_kind("devolved_rep"))


def test_subject_follows_the_kind_until_the_person_writes_their_own() -> None:
    campaign = get_kind("mp_campaign").suggested_subject
    assert subject_for_kind("", "clinician") == get_kind("clinician").suggested_subject
    # The last kind's suggestion is replaced by the new kind's.
    for kind in KINDS:
        assert subject_for_kind(kind.suggested_subject, "ifr_statement") == get_kind("ifr_statement").suggested_subject
    assert subject_for_kind(campaign, "clinician") != campaign
    # The person's own subject is never replaced.
    assert subject_for_kind("About my scan in March", "clinician") == "About my scan in March"


def test_default_subjects_fit_their_kind() -> None:
    clinician = get_kind("clinician").suggested_subject.lower()
    assert "take up my case" not in clinician
    ifr = get_kind("ifr_statement").suggested_subject.lower()
    assert "statement" in ifr


def test_a_sender_postcode_that_is_not_real_is_a_problem_before_printing() -> None:
    from sirt_desktop.core.letters.checks import postcode_problems
    from sirt_desktop.core.letters.model import Letter, Sender
    from sirt_desktop.core.representatives.checks import check_postcode

    def wrong(postcode):
        return check_postcode(postcode).problem

    letter = Letter(
        kind="clinician",
        sender=Sender(name="Ann", address_lines=["1 High St"], postcode="S051 7AA"),
        recipient=Recipient(
            full_name="Dr A", address_lines=["City Hospital", "Leeds"], postcode="LS9 7TF", kind="clinician"
        ),
    )
    (problem,) = postcode_problems(letter, wrong)
    assert problem.field == "sender.postcode" and "Did you mean SO51 7AA?" in problem.text
    letter.sender.postcode = "SO51 7AA"
    assert postcode_problems(letter, wrong) == []
    letter.recipient.postcode = "LS9 7TQQ"
    assert [p.field for p in postcode_problems(letter, wrong)] == ["recipient.postcode"]

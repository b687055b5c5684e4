"""A letter within every limit lays out in time that grows with its length, not its square."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.render import render_letter_details
from sirt_desktop.core.letters.schema import MAX_BODY_LINES, validate_letter


@pytest.fixture
def lines_broken(monkeypatch):
    """How many lines ReportLab wraps in all (a measure of layout work that needs no clock)."""
    from reportlab.platypus import paragraph

    count = [0]
    real = paragraph.Paragraph.breakLines

    def counting(self, *args, **kwargs):
        result = real(self, *args, **kwargs)
        count[0] += len(getattr(result, "lines", []) or [])
        return result

    monkeypatch.setattr(paragraph.Paragraph, "breakLines", counting)
    return count


def _letter(lines: int) -> Letter:
    letter = Letter(kind="clinician", body="\n".join(f"line {i}" for i in range(lines)))
    letter.sender.name = "Ann Jones"
    return letter


@pytest.mark.parametrize("large", [False, True])
def test_one_paragraph_of_many_short_lines_is_wrapped_about_once(lines_broken, large):
    lines = 2000
    result = render_letter_details(_letter(lines), large_print=large)
    # Each line wrapped a few times at most (measuring, splitting at a page), not once per page.
    assert lines_broken[0] <= 4 * lines, lines_broken[0]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(result.pdf)).pages)
    assert "line 0" in text and f"line {lines - 1}" in text
    assert result.page_count > 20


def test_runs_of_lines_print_as_one_paragraph():
    """No gap appears where one run of lines follows another."""
    reader = PdfReader(io.BytesIO(render_letter_details(_letter(45)).pdf))
    text = reader.pages[0].extract_text()
    numbers = [
        int(word)
        for line in text.splitlines()
        if line.startswith("line ")
        for word in line.split()[1:2]
        if word.isdigit()
    ]
    assert numbers[:30] == list(range(30))


def test_the_form_caps_the_number_of_lines_with_a_plain_message():
    problems = validate_letter(_letter(MAX_BODY_LINES + 1))
    assert any(p.startswith("body:") and f"at most {MAX_BODY_LINES:,} lines" in p for p in problems)
    assert not any("lines" in p for p in validate_letter(_letter(MAX_BODY_LINES)) if p.startswith("body:"))


def _page_two_header(pdf: bytes) -> str:
    lines = PdfReader(io.BytesIO(pdf)).pages[1].extract_text().splitlines()
    return next(line for line in lines if line.startswith("Professor"))


@pytest.mark.parametrize("large", [False, True])
def test_a_long_name_in_the_running_header_never_reaches_the_page_number(large):
    letter = _letter(120)
    letter.sender.name = "Professor Dame Elizabeth Anne Montgomery-Smythe of Upper Wallop " * 2
    pdf = render_letter_details(letter, large_print=large).pdf
    header = _page_two_header(pdf)
    assert header.endswith("…") and "Page" not in header  # shortened, drawn apart from "Page 2 of N"


def test_unseen_characters_never_reach_the_page():
    from sirt_desktop.core.letters.render import render_letter

    letter = _letter(3)
    letter.subject = "Hello\u0000World\u0007\ud800 \u202eevil\u202c zero\u200bwidth \U000e0041tag"
    letter.sender.email = "ann\u0007@example.org"
    letter.reply_format = "email"
    letter.recipient.title, letter.recipient.surname = "Dr\u0000", "Pa\u202etel"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render_letter(letter))).pages)
    assert "HelloWorld" in text and "evil" in text and "zerowidth" in text
    assert "ann@example.org" in text
    for unseen in ("\u0000", "\u0007", "\u202e", "\u200b", "\U000e0041", "\ufffd"):
        assert unseen not in text


@pytest.mark.parametrize(
    "written", ["20261122", "2026-W47-7", " 2026-11-22 ", "0001-01-01", "2999-01-01", "2026-02-30"]
)
def test_dates_are_written_yyyy_mm_dd_within_likely_years(written):
    from sirt_desktop.core.letters.schema import LetterDataError, letter_from_dict, letter_to_dict

    data = letter_to_dict(_letter(3))
    data["date"] = written
    with pytest.raises(LetterDataError) as caught:
        letter_from_dict(data)
    assert any(e.startswith("date:") for e in caught.value.errors)


def test_a_date_of_birth_before_1900_gets_the_right_reason():
    import datetime as dt

    letter = _letter(3)
    letter.date_of_birth = dt.date(1899, 12, 31)
    assert "date_of_birth: should be in 1900 or later" in validate_letter(letter)


def test_an_unknown_field_with_a_huge_name_is_not_echoed_whole():
    from sirt_desktop.core.letters.schema import LetterDataError, letter_from_dict, letter_to_dict

    data = letter_to_dict(_letter(3))
    data["x" * 100_000] = 1
    with pytest.raises(LetterDataError) as caught:
        letter_from_dict(data)
    (message,) = [e for e in caught.value.errors if "unknown field" in e]
    assert len(message) < 600 and "100,000 characters" in message


@pytest.mark.parametrize(
    "full_name, greeting",
    [
        ("Lord Ahmad of Wimbledon", "Dear Lord Ahmad"),
        ("Baroness Smith of Basildon", "Dear Baroness Smith"),
        ("Rt Hon Liz Saville Roberts MP", "Dear Liz Saville Roberts"),
        ("Dr Jane Smith MSP", "Dear Dr Smith"),
        ("Mr", "Dear Sir or Madam"),
        ("Sir Keir Starmer KCB KC MP", "Dear Sir Keir"),
        ("Professor Sir John Smith", "Dear Sir John"),
    ],
)
def test_greetings_for_peers_post_nominals_and_bare_titles(full_name, greeting):
    from sirt_desktop.core.letters.model import Recipient

    assert Recipient(full_name=full_name).greeting() == greeting


def test_characters_the_typeface_cannot_draw_are_named_before_printing():
    from sirt_desktop.core.letters.render import unprintable_characters

    letter = _letter(2)
    letter.body = "Diolch yn fawr, Siân Llŵyd. 谢谢 नमस्ते"
    found = unprintable_characters(letter)
    assert "谢" in found and "न" in found
    assert "ŵ" not in found and "â" not in found


def test_the_letter_command_notes_characters_that_print_as_boxes(tmp_path):
    import json
    from pathlib import Path

    from tests.cli.run import cli

    data = json.loads((Path(__file__).resolve().parents[3] / "examples" / "clinician.json").read_text("utf-8"))
    data["body"] = "Thank you. 谢谢"
    path = tmp_path / "l.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ran = cli("letter", "--data", path, "--out", tmp_path / "l.pdf")
    assert ran.code == 0 and "empty boxes: 谢" in ran.err

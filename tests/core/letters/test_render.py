"""Rendered letters read back with pypdf: text, fonts, the envelope window, pages and signatures."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from sirt_desktop.core.letters import layout as L
from sirt_desktop.core.letters.kinds import KIND_IDS
from sirt_desktop.core.letters.model import Letter, Recipient, Sender
from sirt_desktop.core.letters.render import render_letter, render_letter_details, render_letter_to_file
from sirt_desktop.core.letters.schema import letter_from_dict

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
PT_PER_MM = 72 / 25.4
PAGE_H_PT = 297 * PT_PER_MM


def example(kind: str) -> Letter:
    return letter_from_dict(json.loads((EXAMPLES / f"{kind}.json").read_text(encoding="utf-8")))


def make_letter(body: str = "Please write to the Health Secretary.", **kw) -> Letter:
    base = dict(
        kind="mp_campaign",
        sender=Sender(
            name="Łucja Kowalczyk", address_lines=["27 Elm Grove", "Aylestone", "Leicester"], postcode="LE2 8AB"
        ),
        recipient=Recipient(full_name="Dr Caroline Johnson", kind="mp"),
        date=dt.date(2026, 11, 22),
        subject="SIRT funding",
        body=body,
    )
    base.update(kw)
    return Letter(**base)


def pages_text(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def positioned_text(pdf: bytes, page: int = 0) -> list[tuple[float, float, str]]:
    """(x mm from left, baseline mm from top, text) for each run of text on a page."""
    out: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((x / PT_PER_MM, (PAGE_H_PT - y) / PT_PER_MM, text.strip()))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return out


@pytest.mark.parametrize("kind", KIND_IDS)
@pytest.mark.parametrize("large", [False, True])
def test_recipient_block_in_the_window_and_nothing_else_there(kind, large):
    letter = example(kind)
    result = render_letter_details(letter, large_print=large)
    lay = result.layout
    assert L.WINDOW_SAFE.contains(lay.recipient.rect)
    for block in (lay.sender, lay.date):
        assert not L.WINDOW_SAFE.intersects(block.rect)
        assert block.rect.x >= 105 or block.rect.bottom <= 50
    assert lay.body_top >= L.WINDOW_SAFE.bottom
    recipient_lines = letter.recipient.block_lines()
    in_window = []
    for x, baseline, text in positioned_text(result.pdf):
        inside = 25 <= x <= 105 and 50 <= baseline <= 85
        if inside:
            in_window.append(text)
    assert in_window == recipient_lines
    # Every recipient line starts inside the window and fits its width.
    for line, base in zip(lay.recipient.lines, lay.recipient.baselines, strict=True):
        assert 50 < base < 85 and line in recipient_lines
    assert lay.recipient.rect.right <= 105


def test_seven_line_recipient_block_fits_at_normal_size():
    letter = example("clinician")
    assert len(letter.recipient.block_lines()) == 7
    lay = render_letter_details(letter).layout
    assert lay.recipient.size >= 10.5
    assert L.WINDOW_SAFE.contains(lay.recipient.rect)


def test_long_address_lines_shrink_to_stay_in_the_window():
    long_line = "W" * 50
    letter = make_letter(
        recipient=Recipient(
            full_name="Dr A Patel", kind="clinician", address_lines=[long_line, "Leeds"], postcode="LS1 1AA"
        ),
        sender=Sender(name="A", address_lines=["M" * 50, "N" * 50], postcode="LS2 2BB"),
    )
    lay = render_letter_details(letter).layout
    assert L.WINDOW_SAFE.contains(lay.recipient.rect)
    assert lay.sender.rect.x >= L.SENDER_MIN_X - 1e-6


def test_many_sender_lines_push_the_body_down_not_into_the_window():
    sender = Sender(
        name="A",
        address_lines=[f"Line {i}" for i in range(8)],
        postcode="LS2 2BB",
        phone="0113 000 0000",
        email="a@example.org",
    )
    result = render_letter_details(make_letter(sender=sender), large_print=True)
    lay = result.layout
    assert not L.WINDOW_SAFE.intersects(lay.sender.rect) and not L.WINDOW_SAFE.intersects(lay.date.rect)
    assert lay.body_top >= lay.date.rect.bottom
    greeting = next(t for t in positioned_text(result.pdf) if t[2].startswith("Dear"))
    assert greeting[1] > lay.date.rect.bottom


def test_text_is_extractable_in_reading_order():
    text = pages_text(render_letter(example("mp_campaign")))[0]
    order = [
        "27 Elm Grove",
        "LE2 8AB",
        "22 November 2026",
        "Liz Kendall MP",
        "House of Commons",
        "LONDON",
        "SW1A 0AA",
        "Dear Liz Kendall,",
        "NHS funding for SIRT",
        "Please write to the Health Secretary",
        "Yours sincerely,",
        "Łucja Kowalczyk",
    ]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


def test_welsh_and_polish_names_extract_intact():
    welsh = pages_text(render_letter(example("devolved_rep")))[0]
    assert "Bwthyn y Dŵr" in welsh and "Tŷ Croes" in welsh and "\u25a0" not in welsh
    polish = pages_text(render_letter(example("mp_campaign")))[0]
    assert "Łucja Kowalczyk" in polish


def test_only_the_embedded_sirtsans_fonts_are_used():
    reader = PdfReader(io.BytesIO(render_letter(example("clinician"))))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for ref in fonts.values():
            font = ref.get_object()
            assert "DejaVuSans" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_metadata_and_determinism():
    letter = example("mp_campaign")
    first, second = render_letter(letter), render_letter(letter)
    assert first == second
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta.title == letter.subject
    assert meta.author == "Łucja Kowalczyk"


def test_markup_in_user_text_prints_literally():
    body = 'Look: <img src="/etc/passwd"/> & <b>bold?</b> <font size=40>big</font>\n\nPlease help.'
    letter = make_letter(
        body=body,
        subject="<i>Subject</i> & more",
        sender=Sender(name="A <b>B</b>", address_lines=["1 <Road>"], postcode="LS1 1AA"),
    )
    text = pages_text(render_letter(letter))[0]
    assert '<img src="/etc/passwd"/>' in text
    assert "<b>bold?</b>" in text and "<font size=40>big</font>" in text
    assert "<i>Subject</i> & more" in text
    assert "A <b>B</b>" in text and "1 <Road>" in text


def test_line_breaks_inside_a_paragraph_are_kept():
    body = "My questions:\n- when?\n- where?\n\nPlease reply."
    lines = [t for _, _, t in positioned_text(render_letter(make_letter(body=body)))]
    assert "- when?" in lines and "- where?" in lines


def long_body(paragraphs: int, words: int = 60) -> str:
    return "\n\n".join(f"Paragraph {i + 1}. " + " ".join(["waiting"] * words) + " end." for i in range(paragraphs))


def test_multi_page_letters_number_pages_and_repeat_the_name():
    result = render_letter_details(make_letter(body=long_body(14)))
    assert result.page_count >= 2
    texts = pages_text(result.pdf)
    n = len(texts)
    assert n == result.page_count
    for i, text in enumerate(texts, start=1):
        assert f"Page {i} of {n}" in text
    for text in texts[1:]:
        header = [t for _, top, t in positioned_text(result.pdf, texts.index(text)) if top < 22]
        assert "Łucja Kowalczyk" in header


def test_one_page_letters_have_no_page_numbers():
    assert "Page 1" not in pages_text(render_letter(make_letter()))[0]


def _lines_before_close_on_last_page(pdf: bytes) -> int:
    reader = PdfReader(io.BytesIO(pdf))
    last = len(reader.pages) - 1
    runs = positioned_text(pdf, last)
    close_top = next(top for _, top, t in runs if t.startswith("Yours sincerely"))
    header_limit = L.LATER_PAGE_BODY_TOP if last else 0
    return sum(1 for _, top, t in runs if header_limit <= top < close_top)


@pytest.mark.parametrize("words", range(40, 300, 8))
def test_signature_never_sits_alone(words):
    # Bodies of many lengths, so the page break falls at every point near the close
    # (one page up to 120 words here, then two).
    letter = make_letter(body=long_body(2) + "\n\nPlease help. " + " ".join(["truly"] * words))
    result = render_letter_details(letter)
    assert result.page_count == (1 if words <= 120 else 2)
    text = pages_text(result.pdf)[-1]
    assert "Yours sincerely," in text and "Łucja Kowalczyk" in text
    assert _lines_before_close_on_last_page(result.pdf) >= 2


@pytest.mark.parametrize("extra", range(0, 60, 3))
def test_signature_with_large_print(extra):
    letter = make_letter(body=long_body(4, 40) + " " + " ".join(["more"] * extra * 5))
    result = render_letter_details(letter, large_print=True)
    assert _lines_before_close_on_last_page(result.pdf) >= 2


def test_large_print_uses_at_least_16pt():
    result = render_letter_details(make_letter(body=long_body(1)), large_print=True)
    sizes = set()

    def visit(text, cm, tm, font_dict, font_size):
        if "waiting" in text:
            sizes.add(round(font_size * tm[0], 1))

    PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 16
    assert result.large_print


def test_letter_flag_turns_on_large_print():
    assert render_letter_details(replace(make_letter(), large_print=True)).large_print


def test_write_to_file_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "letter.pdf"
    render_letter_to_file(example("clinician"), target)
    assert target.read_bytes().startswith(b"%PDF")
    before = target.read_bytes()

    import sirt_desktop.core.letters.render as render_mod

    def boom(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(render_mod.os, "replace", boom)
    with pytest.raises(OSError):
        render_letter_to_file(example("mp_campaign"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_control_characters_are_dropped():
    text = pages_text(render_letter(make_letter(body="Tab\there\x00 null\x0b vt\u2028 sep. Please help.")))[0]
    assert "Tab here null vt sep. Please help." in text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.text(min_size=1, max_size=3000),
    subject=st.text(max_size=120),
    name=st.text(min_size=1, max_size=40).filter(lambda s: s.strip()),
)
def test_arbitrary_text_never_crashes_rendering(body, subject, name):
    letter = make_letter(body=body, subject=subject, sender=Sender(name=name, address_lines=["1 Road"]))
    pdf = render_letter(letter)
    assert pdf.startswith(b"%PDF") and PdfReader(io.BytesIO(pdf)).pages


@settings(max_examples=15, deadline=None)
@given(
    words=st.lists(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400), min_size=1, max_size=30)
)
def test_arbitrary_paragraph_shapes_keep_the_signature(words):
    letter = make_letter(body="\n\n".join(words))
    if not letter.paragraphs():
        return
    result = render_letter_details(letter)
    text = pages_text(result.pdf)[-1]
    assert re.search(r"Yours sincerely,", text)

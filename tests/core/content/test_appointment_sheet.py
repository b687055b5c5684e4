"""The one-page appointment sheet."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.appointment_sheet import render_appointment_sheet
from sirt_desktop.core.dates import long_date as date_in_words


@pytest.fixture(autouse=True)
def _fresh_content():
    content.reload_content()
    yield
    content.reload_content()


def _text(pdf: bytes) -> tuple[int, str, PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split()), reader


def _fonts(reader: PdfReader) -> list[dict]:
    fonts = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        for descendant in font.get("/DescendantFonts", []) or [font]:
            fonts.append(descendant.get_object())
    return fonts


def test_all_questions_ticked_and_long_notes_still_fit_on_one_page(tmp_path):
    questions = content.checklist_questions()
    out = tmp_path / "sheet.pdf"
    pdf = render_appointment_sheet(
        [q.id for q in questions], name="Siân Llŵyd", notes="Ask about scans. " * 400, out=out, when=date(2026, 11, 22)
    )
    assert out.read_bytes() == pdf
    pages, text, reader = _text(pdf)
    assert pages == 1
    for q in questions:
        assert " ".join(q.text.split()[:6]) in text
    assert "Siân Llŵyd" in text and "22 November 2026" in text
    assert "This is information, not medical advice." in text
    assert f"Information dated {date_in_words(content.content_date())}" in text
    for option in content.treatment_grid().options:
        assert option.name in text
    fonts = _fonts(reader)
    assert fonts and all("DejaVuSans" in str(f["/BaseFont"]) for f in fonts)  # no Helvetica
    assert all("/FontFile2" in f["/FontDescriptor"] for f in fonts), "fonts must be embedded"


def test_only_ticked_questions_print_and_unknown_ids_are_skipped():
    questions = content.checklist_questions()
    pdf = render_appointment_sheet([questions[0].id, "retired-question", questions[3].id])
    pages, text, _ = _text(pdf)
    assert pages == 1
    assert questions[0].text.split(",")[0] in text and questions[3].text.split(",")[0] in text
    assert questions[1].text.split(",")[0] not in text


def test_user_text_is_escaped_not_read_as_markup():
    pdf = render_appointment_sheet([], name="<b>Bold</b> & <i>co</i>", notes="<font size=99>big</font> & small")
    pages, text, _ = _text(pdf)
    assert pages == 1
    assert "<b>Bold</b> & <i>co</i>" in text
    assert "<font size=99>big</font> & small" in text
    assert "No questions ticked" in text


def test_same_input_gives_the_same_pdf():
    args = (["mdt-review"],)
    assert render_appointment_sheet(*args, when=date(2026, 11, 22)) == render_appointment_sheet(
        *args, when=date(2026, 11, 22)
    )

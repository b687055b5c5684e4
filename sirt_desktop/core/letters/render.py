"""Letters to PDF with ReportLab: UK block layout on A4, ready for a DL window envelope.

Page 1: the sender's address and the date at the top right, the recipient in the envelope
window (see ``layout.py``), then greeting, subject, body, close, signature space and name.
Later pages carry the writer's name and "Page 2 of 2"; the close and signature always stay
with at least the last two lines of the final paragraph.

Only the embedded SirtSans TTF (DejaVu Sans) is used, so every name prints as typed and the
text stays searchable. ReportLab is imported inside the functions: it is slow to import.
"""

from __future__ import annotations

import io
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.files import write_atomically
from sirt_desktop.core.letters import layout as L
from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.pdf_fonts import BOLD, REGULAR, register_fonts
from sirt_desktop.core.text import clean_text

_CREATOR = "SIRT Desktop"


@dataclass
class RenderedLetter:
    pdf: bytes
    page_count: int
    layout: L.FirstPageLayout  # where page 1's blocks went, in mm from the top-left
    large_print: bool


def render_letter(letter: Letter, large_print: bool = False) -> bytes:
    """The letter as PDF bytes (large print if asked here or in the letter)."""
    return render_letter_details(letter, large_print=large_print).pdf


def render_letter_to_file(
    letter: Letter, path: str | os.PathLike[str], large_print: bool = False, durable: bool = True
) -> RenderedLetter:
    """Render and write atomically: the file is either the whole new PDF or untouched.
    ``durable`` also flushes it to disk before it appears (a batch skips that for speed)."""
    result = render_letter_details(letter, large_print=large_print)
    write_atomically(path, result.pdf, durable=durable)
    return result


def unprintable_characters(letter: Letter, limit: int = 12) -> list[str]:
    """Characters of the letter the embedded font has no shape for (Chinese, Devanagari,
    Thai...): they would print as empty boxes and copy out as nothing. At most ``limit``,
    in the order they first appear."""
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415 (start-up: ReportLab)

    register_fonts()
    known = pdfmetrics.getFont(REGULAR).face.charToGlyph
    texts = [
        *letter.sender.block_lines(),
        *letter.recipient.block_lines(),
        letter.greeting_text(),
        letter.subject,
        *(line for paragraph in letter.paragraphs() for line in paragraph),
        *letter.generated_paragraphs(),
        letter.signature_name(),
    ]
    found: list[str] = []
    for text in texts:
        for ch in clean_text(text):
            if not ch.isspace() and ord(ch) not in known and ch not in found:
                found.append(ch)
                if len(found) >= limit:
                    return found
    return found


def warm_up() -> None:
    """Import ReportLab and load the fonts now (about 0.3 s) so the first render is quick."""
    _font_metrics()
    _styles(False)
    _styles(True)


def paragraph_markup(lines: list[str]) -> str:
    """The writer's lines as ReportLab markup: escaped (so ``<img ...>`` prints as typed), with
    their line breaks kept."""
    return "<br/>".join(escape(line) for line in lines)


@lru_cache(maxsize=1)
def _font_metrics() -> tuple[float, float]:
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415 (start-up: ReportLab)

    register_fonts()
    ascent, descent = pdfmetrics.getAscentDescent(REGULAR, 1000)
    return ascent / 1000.0, -descent / 1000.0


@lru_cache(maxsize=2)
def _styles(large_print: bool):
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415 (start-up: ReportLab)

    register_fonts()
    sizes = L.TypeSizes.for_print(large_print)
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=sizes.body,
        leading=sizes.leading,
        spaceAfter=sizes.leading * 0.6,
        allowOrphans=0,
        allowWidows=0,
        splitLongWords=1,
        embeddedHyphenation=0,
    )
    bold = ParagraphStyle("bold", parent=body, fontName=BOLD)
    tight = ParagraphStyle("tight", parent=body, spaceAfter=0, allowOrphans=1, allowWidows=1)
    run = ParagraphStyle("run", parent=body, spaceAfter=0)  # a paragraph's lines that go on below
    return sizes, body, bold, tight, run


def _tail_class():
    """A flowable holding the last paragraph and the close, split so the signature never sits alone."""
    from reportlab.platypus import Flowable  # noqa: PLC0415 (start-up: ReportLab)

    class Tail(Flowable):
        KEEP_LINES = 2

        def __init__(self, para: Any, closing: list[Any], gap: float) -> None:
            super().__init__()
            self.para, self.closing, self.gap = para, closing, gap

        def _closing_height(self, aw: float, ah: float) -> float:
            return float(sum(f.wrap(aw, ah)[1] for f in self.closing))

        def wrap(self, aw, ah):
            self._ph = self.para.wrap(aw, ah)[1] if self.para is not None else 0.0
            self._ch = self._closing_height(aw, ah)
            self.width, self.height = aw, self._ph + (self.gap if self.para is not None else 0.0) + self._ch
            return self.width, self.height

        def draw(self):
            y = self.height
            if self.para is not None:
                y -= self._ph
                self.para.drawOn(self.canv, 0, y)
                y -= self.gap
            for f in self.closing:
                _, h = f.wrap(self.width, self.height)
                y -= h
                f.drawOn(self.canv, 0, y)

        def split(self, aw, ah):
            if self.para is None:
                return []
            self.wrap(aw, ah)
            lines = len(self.para.blPara.lines)
            leading = self.para.style.leading
            fit = int((ah + 1e-6) // leading)
            first = min(fit, lines - self.KEEP_LINES)
            if first < 2:  # not worth splitting here: move it all to the next page
                return []
            parts = self.para.split(aw, first * leading + 1e-3)
            if len(parts) != 2:
                return []
            return [parts[0], Tail(parts[1], self.closing, self.gap)]

    return Tail


# A paragraph is laid out in runs of at most this many of the writer's lines. ReportLab wraps a
# paragraph's whole remaining text again at every page break, so one paragraph of thousands of
# lines cost time as the square of its length (minutes for 10,000 short lines); runs keep the
# cost in step with the length. The printed result is the same: runs follow on with no space.
RUN_LINES = 20


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with "…" to fit ``width`` points (the running header on later pages,
    which must never run under the page number or off the page)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415 (start-up: ReportLab)

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text.rstrip() + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _runs(lines: list[str]) -> list[list[str]]:
    return [lines[i : i + RUN_LINES] for i in range(0, len(lines), RUN_LINES)] or [lines]


def _story(letter: Letter, large_print: bool) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer  # noqa: PLC0415 (start-up: ReportLab)

    sizes, body, bold, tight, run = _styles(large_print)
    story: list[Any] = [Paragraph(escape(letter.greeting_text()) + ",", body)]
    subject = " ".join(clean_text(letter.subject).split())
    if subject:
        story.append(Paragraph(escape(subject), bold))
    extra = []
    if letter.earlier_letter:
        extra.append(letter.earlier_letter.describe() + ".")
    extra.extend(letter.identification_lines())
    if extra:
        story.append(Paragraph("<br/>".join(escape(x) for x in extra), body))
    flowables = []
    for lines in letter.paragraphs():
        runs = _runs(lines)
        for index, part in enumerate(runs):
            flowables.append(Paragraph(paragraph_markup(part), body if index == len(runs) - 1 else run))
    flowables += [Paragraph(escape(p), body) for p in letter.generated_paragraphs()]
    closing = [
        Paragraph(escape(letter.close_text()) + ",", tight),
        Spacer(1, sizes.signature_space * L.MM),
        Paragraph(escape(letter.signature_name()), tight),
    ]
    last = flowables.pop() if flowables else None
    story.extend(flowables)
    story.append(_tail_class()(last, closing, body.spaceAfter))
    return story


_ONE_AT_A_TIME = threading.Lock()  # ReportLab keeps some state in modules: one layout at a time


def render_letter_details(letter: Letter, large_print: bool = False) -> RenderedLetter:
    """Render and also return page 1's layout (tests check it against the envelope window).
    Safe to call from any thread (layouts run one at a time)."""
    with _ONE_AT_A_TIME:
        return _render_letter_details(letter, large_print)


def _render_letter_details(letter: Letter, large_print: bool) -> RenderedLetter:
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate  # noqa: PLC0415 (start-up: ReportLab)

    register_fonts()
    large = large_print or letter.large_print
    sizes = L.TypeSizes.for_print(large)
    ascent, descent = _font_metrics()

    def measure(text: str, size: float) -> float:
        return float(stringWidth(text, REGULAR, size)) / L.MM

    page1 = L.first_page_layout(
        letter.sender.block_lines(),
        long_date(letter.date),
        letter.recipient.block_lines(),
        measure,
        ascent,
        descent,
        sizes,
    )
    _page_w, page_h = A4
    mm = L.MM

    def y_pt(top_mm: float) -> float:
        return float(page_h - top_mm * mm)

    def draw_block(canvas, block: L.TextBlock) -> None:
        canvas.setFont(REGULAR, block.size)
        for line, base in zip(block.lines, block.baselines, strict=True):
            if block.align == "right":
                canvas.drawRightString(block.rect.right * mm, y_pt(base), line)
            else:
                canvas.drawString(block.rect.x * mm, y_pt(base), line)

    def first_page(canvas, doc) -> None:
        canvas.saveState()
        draw_block(canvas, page1.sender)
        draw_block(canvas, page1.date)
        draw_block(canvas, page1.recipient)
        # Fold marks in the left margin, for folding in three.
        canvas.setLineWidth(0.3)
        canvas.setStrokeGray(0.6)
        for fold in L.FOLDS:
            canvas.line(4 * mm, y_pt(fold), 9 * mm, y_pt(fold))
        canvas.restoreState()

    name = letter.signature_name()
    frame_w = (L.CONTENT_RIGHT - L.MARGIN_LEFT) * mm
    bottom = L.MARGIN_BOTTOM * mm

    def body_frame(top_pt: float, frame_id: str) -> Frame:
        """The text area from the bottom margin up to ``top_pt``, no padding."""
        return Frame(
            L.MARGIN_LEFT * mm,
            bottom,
            frame_w,
            top_pt - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=frame_id,
        )

    first_frame = body_frame(y_pt(page1.body_top), "first")
    later_frame = body_frame(y_pt(L.LATER_PAGE_BODY_TOP), "later")

    def page_numbers(canvas, page: int, total: int) -> None:
        if total < 2:
            return
        canvas.setFont(REGULAR, sizes.small)
        label = f"Page {page} of {total}"
        if page == 1:
            canvas.drawRightString(L.CONTENT_RIGHT * mm, L.FOOTER_BASELINE * mm, label)
        else:
            top = y_pt(L.MARGIN_TOP + sizes.small * ascent / mm)
            canvas.setFont(BOLD, sizes.small)
            room = (L.CONTENT_RIGHT - L.MARGIN_LEFT - 5) * mm - stringWidth(label, REGULAR, sizes.small)
            canvas.drawString(L.MARGIN_LEFT * mm, top, _fit(name, BOLD, sizes.small, room))
            canvas.setFont(REGULAR, sizes.small)
            canvas.drawRightString(L.CONTENT_RIGHT * mm, top, label)

    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415 (start-up: ReportLab)

    class NumberedCanvas(Canvas):
        """Holds pages back until the end so each can say 'Page n of N'."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            # The PDF's creation date is the letter's date, so the same letter gives the same bytes.
            self.setDateFormatter(lambda *_: f"D:{letter.date:%Y%m%d}120000+00'00'")

        def showPage(self):  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                page_numbers(self, number, total)
                super().showPage()
            super().save()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=letter.title(),
        author=name,
        subject=letter.title(),
        creator=_CREATOR,
        producer=_CREATOR,
        invariant=1,
        initialFontName=REGULAR,
        leftMargin=L.MARGIN_LEFT * mm,
        rightMargin=L.MARGIN_RIGHT * mm,
        topMargin=L.MARGIN_TOP * mm,
        bottomMargin=L.MARGIN_BOTTOM * mm,
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[first_frame], onPage=first_page),
            PageTemplate(id="later", frames=[later_frame]),
        ]
    )
    story = [NextPageTemplate("later"), *_story(letter, large)]
    doc.build(story, canvasmaker=NumberedCanvas)
    return RenderedLetter(pdf=buffer.getvalue(), page_count=doc.page, layout=page1, large_print=large)

"""A one-page A4 sheet to take to a NET team appointment.

It holds a title, the person's name (optional) and the date, the treatment grid in small
print, the checklist questions the person ticked, ruled space for notes, and a footer saying
this is information, not medical advice, with the date of the content. Everything is drawn
on a single page: if the content would not fit, the print is made smaller step by step, and
long notes are shrunk to fit their box. ReportLab is imported only inside the render call.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from sirt_desktop.core.content import store as content
from sirt_desktop.core.dates import long_date
from sirt_desktop.core.pdf_fonts import BOLD, ITALIC, REGULAR, register_fonts

TITLE = "My questions about SIRT"
FOOTER = "This is information, not medical advice. Talk to your NET team about your own care."
MAX_NOTES_CHARS = 3000
MIN_NOTES_MM = 40


def render_appointment_sheet(
    ticked_ids: Iterable[str],
    name: str | None = None,
    notes: str = "",
    out: str | Path | None = None,
    when: date | None = None,
) -> bytes:
    """Render the sheet; returns the PDF bytes and also writes them to ``out`` if given.

    Unknown question ids are skipped (a newer content pack may have retired one).
    """
    from reportlab.lib import colors  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.lib.units import mm  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.platypus import KeepInFrame, Paragraph, Table, TableStyle  # noqa: PLC0415 (start-up: ReportLab)

    register_fonts()
    wanted = list(dict.fromkeys(ticked_ids))
    by_id = {q.id: q for q in content.checklist_questions()}
    questions = [by_id[qid] for qid in wanted if qid in by_id]
    grid = content.treatment_grid()
    when = when or date.today()
    notes = (notes or "").strip()
    if len(notes) > MAX_NOTES_CHARS:
        notes = notes[:MAX_NOTES_CHARS].rstrip() + "…"

    page_w, page_h = A4
    margin = 12 * mm
    width = page_w - 2 * margin
    footer_h = 12 * mm

    def build(scale: float):
        def style(size: float, font: str = REGULAR, lead: float = 1.2, **kw) -> ParagraphStyle:
            return ParagraphStyle(
                f"s{size}{font}", fontName=font, fontSize=size * scale, leading=size * scale * lead, **kw
            )

        head = [
            Paragraph(escape(TITLE), style(18, BOLD)),
            Paragraph(
                f"<b>Name:</b> {escape(name.strip()) if name and name.strip() else '_' * 34}"
                f"&nbsp;&nbsp;&nbsp;&nbsp;<b>Date:</b> {escape(long_date(when))}",
                style(10.5, spaceBefore=3 * mm * scale),
            ),
        ]
        grid_title = Paragraph("Treatments side by side", style(11, BOLD, spaceBefore=4 * mm * scale))
        cell = style(8, lead=1.15)
        cell_bold = style(8, BOLD, lead=1.15)
        rows = [[Paragraph("", cell)] + [Paragraph(escape(o.name), cell_bold) for o in grid.options]]
        for q in grid.questions:
            rows.append(
                [Paragraph(escape(q.label), cell_bold)] + [Paragraph(escape(o.cells[q.id]), cell) for o in grid.options]
            )
        first = 22 * mm
        other = (width - first) / len(grid.options)
        table = Table(rows, colWidths=[first] + [other] * len(grid.options))
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9a9a9a")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
                    ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#f3f3f3")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5 * scale),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * scale),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2 * scale),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2 * scale),
                ]
            )
        )
        key = Paragraph(escape(grid.key), style(8, ITALIC, spaceBefore=1 * mm))
        q_title = Paragraph("My questions", style(11, BOLD, spaceBefore=3 * mm * scale))
        q_style = style(11, lead=1.25, leftIndent=5 * mm, firstLineIndent=-5 * mm, spaceBefore=0.8 * mm * scale)
        q_paras = [Paragraph("\u2610&nbsp;&nbsp;" + escape(q.text), q_style) for q in questions]
        if not q_paras:
            q_paras = [Paragraph("No questions ticked. Write your own below.", style(9.5, ITALIC))]
        notes_title = Paragraph("Notes", style(11, BOLD, spaceBefore=3 * mm * scale))
        return [*head, grid_title, table, key, q_title, *q_paras, notes_title]

    for scale in (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6):
        flowables = build(scale)
        heights = [f.wrap(width, page_h)[1] + f.getSpaceBefore() for f in flowables]
        if sum(heights) + MIN_NOTES_MM * mm <= page_h - 2 * margin - footer_h:
            break

    pdf_target = Path(out) if out is not None else None
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1, initialFontName=REGULAR, initialFontSize=10)
    canvas.setTitle(TITLE)
    canvas.setAuthor("SIRT Desktop")
    canvas.setSubject("Questions for my NET team")
    y = page_h - margin
    for flowable, height in zip(flowables, heights, strict=True):
        flowable.wrap(width, page_h)
        y -= height
        flowable.drawOn(canvas, margin, y)

    # Notes: the person's own text (shrunk if needed), then ruled lines to the footer.
    bottom = margin + footer_h
    y -= 2 * mm
    if notes:
        note_style = ParagraphStyle("notes", fontName=REGULAR, fontSize=10, leading=13)
        paragraphs = [Paragraph(escape(part).replace("\n", "<br/>"), note_style) for part in notes.split("\n\n")]
        box = KeepInFrame(width, max(y - bottom - 10 * mm, 10 * mm), paragraphs, mode="shrink")
        _, box_h = box.wrapOn(canvas, width, y - bottom)
        box.drawOn(canvas, margin, y - box_h)
        y -= box_h + 2 * mm
    canvas.setStrokeColor(colors.HexColor("#b0b0b0"))
    canvas.setLineWidth(0.5)
    line_y = y - 8 * mm
    while line_y >= bottom:
        canvas.line(margin, line_y, page_w - margin, line_y)
        line_y -= 8 * mm

    canvas.setFont(ITALIC, 8)
    canvas.setFillColor(colors.HexColor("#333333"))
    canvas.drawString(margin, margin + 4 * mm, FOOTER)
    canvas.drawString(
        margin,
        margin,
        f"Information dated {long_date(content.content_date())} (content version {content.content_version()}). "
        "Made with SIRT Desktop.",
    )
    canvas.showPage()
    canvas.save()
    data = buffer.getvalue()
    if pdf_target is not None:
        pdf_target.parent.mkdir(parents=True, exist_ok=True)
        pdf_target.write_bytes(data)
    return data

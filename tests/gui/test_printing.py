"""The print path: the exact PDF, rasterised at the printer's resolution when it must be."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from sirt_desktop.core.letters.model import Letter, Recipient, Sender
from sirt_desktop.core.letters.render import render_letter
from sirt_desktop.gui.printing import load_pdf, new_printer, raster_print, render_page, send_to_printer


def _letter_pdf() -> bytes:
    letter = Letter(
        kind="mp_campaign",
        sender=Sender(name="Ann Jones", address_lines=["1 High Street", "Romsey"], postcode="SO51 7AA"),
        recipient=Recipient(full_name="Caroline Nokes", position="MP", kind="mp"),
        body="Please ask NHS England to fund SIRT for NETs.",
    )
    return render_letter(letter)


def _dark_fraction(image, left_mm, top_mm, right_mm, bottom_mm) -> float:
    per_mm = image.width() / 210
    dark = total = 0
    for x in range(int(left_mm * per_mm), int(right_mm * per_mm), 3):
        for y in range(int(top_mm * per_mm), int(bottom_mm * per_mm), 3):
            total += 1
            if image.pixelColor(x, y).lightness() < 128:
                dark += 1
    return dark / total


def test_print_to_file_writes_the_exact_pdf(qapp, tmp_path):
    pdf = _letter_pdf()
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    outcome = send_to_printer(pdf, printer)
    assert outcome.method == "file"
    assert (tmp_path / "out.pdf").read_bytes() == pdf


def test_raster_print_through_qprinter_keeps_the_address_in_the_window(qapp, tmp_path):
    pdf = _letter_pdf()
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    printer.setResolution(150)
    assert raster_print(pdf, printer) == 1
    printed = (tmp_path / "raster.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(printed))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4, full page
    document, _buffer = load_pdf(printed)
    image = render_page(document, 0, 100)
    # The recipient block (window: 25–105 mm from the left, 50–85 mm from the top) has ink…
    assert _dark_fraction(image, 25, 50, 105, 85) > 0.005
    # …and the margin to the left of the window has none.
    assert _dark_fraction(image, 0, 50, 20, 85) == 0

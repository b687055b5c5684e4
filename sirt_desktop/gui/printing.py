"""Printing the exact PDF the person previewed — never a screen grab.

How a PDF reaches paper (see docs/ARCHITECTURE.md, "Printing"):

1. The person picks a printer, copies and pages in the system print dialog (QPrintDialog).
2. If they chose "print to file", the PDF's own bytes are written there: the file *is* the letter.
3. Where the platform prints through CUPS (Linux, macOS) and ``lp`` exists, the PDF file itself
   is sent to the chosen queue with scaling off. Text stays vector and searchable, and the
   address stays exactly where the window envelope expects it.
4. Otherwise (Windows, or no ``lp``) each page is rasterised by QtPdf at the printer's own
   resolution and painted full-page onto the printer: correct on paper, but no text layer.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from sirt_desktop.core import paths
from sirt_desktop.core.files import write_atomically

log = logging.getLogger(__name__)


#: What each printed document is called in the print queue: its kind, never its contents
#: (a shared printer's queue is seen by others, and a letter's subject can be private).
LETTER_JOB = "SIRT Desktop letter"
REPRINT_JOB = "SIRT Desktop letter (printed again)"
SHEET_JOB = "SIRT Desktop appointment sheet"


@dataclass
class PrintOutcome:
    method: str  # "file", "cups", "raster"
    detail: str  # where it went: the file, or the printer's name
    job: str = ""  # what the print system said (a job id), for the log only


def outcome_message(outcome: PrintOutcome) -> str:
    """What happened, in plain words: "Sent to the printer PDF." (the job id goes to the log)."""
    if outcome.job:
        log.info("printed on %s: %s", outcome.detail, outcome.job)
    if outcome.method == "file":
        return f"Saved as a PDF file: {outcome.detail}"
    return f"Sent to the printer {outcome.detail}." if outcome.detail else "Sent to the printer."


class PrintError(Exception):
    """Printing failed; the message is fit to show to the person."""


def load_pdf(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes. Keep the returned buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintError("The letter could not be prepared for printing.")
    return document, buffer


def render_page(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """One page at ``dpi``, on white (QtPdf renders onto a transparent background)."""
    points = document.pagePointSize(page)
    size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
    rendered = document.render(page, size)
    page_image = QImage(size, QImage.Format.Format_RGB32)
    page_image.fill(QColor("white"))
    painter = QPainter(page_image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page_image


def new_printer(title: str = LETTER_JOB) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setDocName(title)
    return printer


def raster_print(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page, rasterised at the printer's resolution, full page. Returns pages printed."""
    document, _buffer = load_pdf(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("The printer could not be started. Please check it is switched on and try again.")
    try:
        dpi = printer.resolution()
        pages = document.pageCount()
        for page in range(pages):
            if page:
                printer.newPage()
            image = render_page(document, page, dpi)
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            painter.drawImage(target, image)
    finally:
        painter.end()
    return pages


def cups_print(pdf: bytes, queue: str, copies: int = 1, title: str = LETTER_JOB) -> str:
    """Send the PDF file itself to a CUPS queue with ``lp``. Returns the job id line."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError("The system print command (lp) is not available.")
    # In the app's own (owner-only) cache folder, not the shared temp folder: it holds the letter.
    with tempfile.NamedTemporaryFile(prefix="print-", suffix=".pdf", delete=False, dir=paths.cache_dir()) as handle:
        handle.write(pdf)
        path = Path(handle.name)
    path.chmod(0o600)
    try:
        result = subprocess.run(
            [
                lp,
                "-d",
                queue,
                "-n",
                str(max(1, copies)),
                "-o",
                "media=A4",
                "-o",
                "print-scaling=none",
                "-o",
                "fit-to-page=false",
                "-t",
                title,
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired as exc:
        raise PrintError(f"The printer {queue} did not answer. Please check it is switched on.") from exc
    except OSError as exc:
        raise PrintError(f"The system print command could not be run: {exc.strerror}") from exc
    finally:
        # lp copies the file into the spool before it returns.
        path.unlink(missing_ok=True)
    if result.returncode != 0:
        raise PrintError(f"The printer {queue} did not accept the letter: {result.stderr.strip() or 'no reason given'}")
    return result.stdout.strip()


def send_to_printer(pdf: bytes, printer: QPrinter) -> PrintOutcome:
    """Print ``pdf`` on the printer the dialog set up, by the best route available."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        target = Path(printer.outputFileName())
        try:
            write_atomically(target, pdf)  # owner-only, like "Save as PDF": a letter is private
        except OSError as exc:
            raise PrintError(f"The file could not be written to {target}: {exc.strerror}") from exc
        return PrintOutcome("file", str(target))
    queue = printer.printerName()
    if queue and shutil.which("lp"):
        job = cups_print(pdf, queue, printer.copyCount(), printer.docName() or LETTER_JOB)
        return PrintOutcome("cups", queue, job)
    pages = raster_print(pdf, printer)
    return PrintOutcome("raster", printer.printerName(), f"{pages} page{'s' if pages != 1 else ''}")


def print_with_dialog(pdf: bytes, parent: QWidget | None = None, title: str = LETTER_JOB) -> PrintOutcome | None:
    """Show the system print dialog, then print as a job called ``title``. None if the person
    cancelled."""
    printer = new_printer(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return send_to_printer(pdf, printer)

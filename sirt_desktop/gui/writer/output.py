"""The last step of the letter writer: the exact PDF, and what the person can do with it —
print it, save it, copy its text, or start an email with it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sirt_desktop.core.files import write_atomically
from sirt_desktop.core.db.records import PdfPurpose
from sirt_desktop.core.letters.checks import missing_for_reply
from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import validate_letter

log = logging.getLogger(__name__)
PRINT_STEP = 4

# Where each part of a letter is filled in, for problems shown in plain words.
_STEP_OF_FIELD = (
    ("sender.", "step 2, From"),
    ("recipient.", "step 3, To"),
    ("kind", "step 1, Kind of letter"),
)


def plain_problem(problem: str) -> str:
    """``sender.name: your name is needed…`` → ``Your name is needed… (step 2, From)``."""
    path, _sep, message = problem.partition(": ")
    if not message:
        return problem
    step = next((label for prefix, label in _STEP_OF_FIELD if path.startswith(prefix)), "step 4, Write")
    return f"{message[:1].upper()}{message[1:]} ({step})"


class LetterOutput(QObject):
    """``current_letter()`` reads the form; ``keep_pdf(pdf, purpose)`` stores what went out."""

    printed = Signal()

    def __init__(self, view, current_letter: Callable[[], Letter], keep_pdf: Callable[[bytes, str], None]) -> None:
        super().__init__(view)
        self.view = view
        self.current_letter = current_letter
        self.keep_pdf = keep_pdf
        self.pdf = b""
        self.problems: list[str] = []
        step = view.print_step
        view.tabs.currentChanged.connect(self._step_changed)
        step.large_print.toggled.connect(lambda _on: self.refresh_preview())
        step.print_button.clicked.connect(self.print_letter)
        step.save_button.clicked.connect(lambda: self.save_pdf())
        step.copy_button.clicked.connect(self.copy_text)
        step.email_button.clicked.connect(self.email_draft)

    def _step_changed(self, index: int) -> None:
        if index == PRINT_STEP:
            self.refresh_preview()

    def refresh_preview(self) -> bytes:
        from sirt_desktop.core.letters.render import render_letter

        letter = self.current_letter()
        self.problems = [plain_problem(p) for p in validate_letter(letter)] + [
            f"{m.text} (step 2, From)" for m in missing_for_reply(letter)
        ]
        step = self.view.print_step
        step.problems.setText(
            "Please check before printing:\n" + "\n".join(f"• {p}" for p in self.problems)
            if self.problems
            else "Everything a letter needs is there. Check the preview, then print or save it."
        )
        step.problems.setVisible(True)
        try:
            self.pdf = render_letter(letter, large_print=letter.large_print)
        except Exception as exc:
            log.exception("letter could not be rendered")
            self.pdf = b""
            step.problems.setText(f"The letter could not be laid out: {exc}")
            step.problems.setVisible(True)
        step.preview.show_pdf(self.pdf)
        for button in (step.print_button, step.save_button):
            button.setEnabled(bool(self.pdf))
        return self.pdf

    def _go_ahead(self, action: str) -> bool:
        """An unfinished letter (no name, no address, no text) is only printed if the person says so."""
        if not self.problems:
            return True
        box = QMessageBox(self.view)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(f"{action} this letter anyway?")
        box.setText("This letter is not finished:\n\n" + "\n".join(f"• {p}" for p in self.problems))
        go = box.addButton(f"{action} anyway", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go back and finish it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is go

    def print_letter(self) -> None:
        from sirt_desktop.gui.printing import PrintError, print_with_dialog

        pdf = self.refresh_preview()
        if not pdf or not self._go_ahead("Print"):
            return
        try:
            outcome = print_with_dialog(pdf, self.view)
        except PrintError as exc:
            QMessageBox.warning(self.view, "Printing did not work", str(exc))
            return
        if outcome is None:
            return
        self.keep_pdf(self.pdf, PdfPurpose.PRINTED)
        if outcome.method == "file":
            self.view.print_step.status.setText(f"Saved as a PDF file: {outcome.detail}")
        else:
            self.view.print_step.status.setText(
                f"Sent to {outcome.detail}. Fold it in three to fit a DL window envelope."
            )
        self.printed.emit()

    def save_pdf(self, path: str | None = None) -> str | None:

        pdf = self.refresh_preview()
        if not pdf:
            return None
        if path is None:
            if not self._go_ahead("Save"):
                return None
            suggested = f"{self.current_letter().title()[:60]}.pdf".replace("/", "-")
            path, _f = QFileDialog.getSaveFileName(self.view, "Save the letter as a PDF", suggested, "PDF (*.pdf)")
            if not path:
                return None
        try:
            write_atomically(Path(path), pdf)
        except OSError as exc:
            QMessageBox.warning(self.view, "The PDF was not saved", f"It could not be written to {path}:\n{exc.strerror}")
            return None
        self.keep_pdf(self.pdf, PdfPurpose.SAVED)
        self.view.print_step.status.setText(f"Saved to {path}")
        return path

    def copy_text(self) -> str:
        text = self.current_letter().plain_text()
        QGuiApplication.clipboard().setText(text)
        self.view.print_step.status.setText("The letter's text is copied. Paste it into an email with Ctrl+V.")
        return text

    def email_url(self) -> QUrl:
        letter = self.current_letter()
        body = letter.plain_text()
        return QUrl(f"mailto:?subject={quote(letter.title())}&body={quote(body)}")

    def email_draft(self) -> None:
        QDesktopServices.openUrl(self.email_url())
        self.view.print_step.status.setText(
            "Your email program should open with the letter. Add your MP's email address: it is on the "
            "UK Parliament website, or ask their office. MPs usually want your postal address in an email too."
        )

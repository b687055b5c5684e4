"""The last step of the letter writer: the exact PDF, and what the person can do with it —
print it, save it, copy its text, or start an email with it.

Opening the step (or ticking Large print) lays the letter out on a background thread, so a long
letter never freezes the window; a layout that is overtaken by a newer one is dropped.
Printing and saving use the PDF on screen when it shows the letter as it is, and lay it out
again only if something changed. A letter over the length limits is not laid out at all: the
problem says why."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication

from sirt_desktop.core.db.records import PdfPurpose
from sirt_desktop.core.files import write_atomically
from sirt_desktop.core.letters.checks import missing_for_reply, postcode_problems
from sirt_desktop.core.letters.kinds import RecipientKind
from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.render import render_letter, unprintable_characters
from sirt_desktop.core.letters.schema import MAX_BODY_CHARS, MAX_BODY_LINES, letter_to_dict, validate_letter
from sirt_desktop.core.representatives.checks import check_postcode
from sirt_desktop.core.representatives.constituents import not_their_mp, not_their_parliament
from sirt_desktop.core.representatives.messages import PERSON, Audience
from sirt_desktop.gui.common.focus import give_focus_back
from sirt_desktop.gui.prompts import Prompts
from sirt_desktop.gui.tasks import run_in_background
from sirt_desktop.gui.writer.view import LetterWriterView

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
    preview_ready = Signal()  # a background layout has reached the screen

    def __init__(
        self,
        view: LetterWriterView,
        current_letter: Callable[[], Letter],
        keep_pdf: Callable[[bytes, str], None],
        prompts: Prompts,
        audience: Callable[[], Audience] = lambda: PERSON,
    ) -> None:
        super().__init__(view)
        self.audience = audience  # a volunteer's letter with a caller is worded about the caller
        self.view = view
        self.prompts = prompts
        self.current_letter = current_letter
        self.keep_pdf = keep_pdf
        self.pdf = b""
        self.problems: list[str] = []
        self._generation = 0  # goes up with every layout asked for; older answers are dropped
        self._pdf_shows: dict | None = None  # the letter (as data) that self.pdf shows
        step = view.print_step
        view.tabs.currentChanged.connect(self._step_changed)
        step.large_print.toggled.connect(lambda _on: self.refresh_preview_in_background())
        step.print_button.clicked.connect(self.print_letter)
        step.save_button.clicked.connect(lambda: self.save_pdf())
        step.copy_button.clicked.connect(self.copy_text)
        step.email_button.clicked.connect(self.email_draft)

    def _step_changed(self, index: int) -> None:
        if index == PRINT_STEP:
            self.refresh_preview_in_background()

    def _check(self, letter: Letter) -> None:
        self.problems = (
            [plain_problem(p) for p in validate_letter(letter)]
            + [f"{m.text} (step 2, From)" for m in missing_for_reply(letter)]
            + [
                f"{m.text} ({'step 2, From' if m.field.startswith('sender.') else 'step 3, To'})"
                for m in postcode_problems(letter, lambda postcode: check_postcode(postcode).problem)
            ]
        )
        if letter.recipient.kind == RecipientKind.MP:
            elsewhere = not_their_mp(letter.sender.postcode, letter.recipient.display_name(), self.audience())
            if elsewhere:
                self.problems.append(f"{elsewhere} Find their MP again in step 3, To.")
        elif letter.recipient.kind == RecipientKind.DEVOLVED:
            elsewhere = not_their_parliament(
                letter.sender.postcode, letter.recipient.position, letter.recipient.postcode, self.audience()
            )
            if elsewhere:
                self.problems.append(f"{elsewhere} (step 3, To)")
        boxes = unprintable_characters(letter)
        if boxes:
            self.problems.append(
                "Some characters cannot be printed in the letter's typeface and would show as empty boxes: "
                + " ".join(boxes)
            )
        step = self.view.print_step
        step.problems.setText(
            "Please check before printing:\n" + "\n".join(f"• {p}" for p in self.problems)
            if self.problems
            else "Everything a letter needs is there. Check the preview, then print or save it."
        )
        step.problems.setVisible(True)

    @staticmethod
    def _slow_to_lay_out(letter: Letter) -> bool:
        """More than about three pages of text: long enough for its layout to be felt."""
        return len(letter.body) > 8_000 or letter.body.count("\n") > 150

    @staticmethod
    def _too_long(letter: Letter) -> bool:
        return len(letter.body) > MAX_BODY_CHARS or letter.body.count("\n") + 1 > MAX_BODY_LINES

    def _show(self, pdf: bytes, shows: dict | None, error: BaseException | None = None) -> None:
        step = self.view.print_step
        self.pdf = pdf
        self._pdf_shows = shows if pdf else None
        if error is not None:
            log.error("letter could not be rendered: %s", error, exc_info=error)
            step.problems.setText(f"The letter could not be laid out: {error}")
            step.problems.setVisible(True)
        step.preview.show_pdf(self.pdf)
        for button in (step.print_button, step.save_button):
            button.setEnabled(bool(self.pdf))

    def _start(self, letter: Letter) -> tuple[int, dict] | None:
        """Check the letter; None if it is too long to lay out (the problems say why)."""
        self._check(letter)
        self._generation += 1
        if self._too_long(letter):
            self._show(b"", None)
            self.view.print_step.preview.pages.setText("No preview: the letter is too long (see above)")
            return None
        return self._generation, letter_to_dict(letter)

    def refresh_preview_in_background(self) -> None:
        """Lay the letter out on a background thread; the preview shows it when it is ready."""
        letter = self.current_letter()
        started = self._start(letter)
        if started is None:
            return
        generation, shows = started
        if self.pdf and shows == self._pdf_shows:
            self.preview_ready.emit()
            return
        step = self.view.print_step
        if self._slow_to_lay_out(letter):
            # Print and Save wait for a long letter's layout (laying it out again on the GUI
            # thread would freeze the window). A usual letter takes milliseconds: they stay
            # ready, and if pressed first they lay the letter out themselves, so a key press
            # is never lost.
            for button in (step.print_button, step.save_button):
                button.setEnabled(False)
        step.preview.pages.setText("Laying out the letter…")

        run_in_background(
            lambda: render_letter(letter, large_print=letter.large_print),
            on_done=lambda pdf: self._background_done(generation, pdf, shows, None),
            on_error=lambda exc: self._background_done(generation, b"", shows, exc),
            name="letter-layout",
        )

    def _background_done(self, generation: int, pdf: bytes, shows: dict, error: BaseException | None) -> None:
        if generation != self._generation:
            return  # the letter changed while it was laid out; a newer layout is on its way
        self._show(pdf, shows, error)
        self.preview_ready.emit()

    def refresh_preview(self) -> bytes:
        """The PDF of the letter as it is now, laid out here and now unless the preview already
        shows exactly this letter (printing, saving)."""
        letter = self.current_letter()
        started = self._start(letter)
        if started is None:
            return b""
        _generation, shows = started
        if self.pdf and shows == self._pdf_shows:
            return self.pdf
        try:
            pdf, error = render_letter(letter, large_print=letter.large_print), None
        except Exception as exc:  # noqa: BLE001 - shown in plain words; the words stay on screen
            pdf, error = b"", exc
        self._show(pdf, shows, error)
        return self.pdf

    def clear_status(self) -> None:
        """Another letter is on screen: what was said about the last one ("Sent to …") goes."""
        self.view.print_step.status.setText("")

    def _go_ahead(self, action: str) -> bool:
        """An unfinished letter (no name, no address, no text) is only printed if the person says so."""
        if not self.problems:
            return True
        return self.prompts.confirm(
            f"{action} this letter anyway?",
            "This letter is not finished:\n\n" + "\n".join(f"• {p}" for p in self.problems),
            yes=f"{action} anyway",
            no="Go back and finish it",
        )

    def print_letter(self) -> None:
        from sirt_desktop.gui import printing  # noqa: PLC0415 (start-up: QtPrintSupport)

        pdf = self.refresh_preview()
        if not pdf or not self._go_ahead("Print"):
            return
        try:
            outcome = printing.print_with_dialog(pdf, self.view, title=printing.LETTER_JOB)
        except printing.PrintError as exc:
            self.prompts.problem(str(exc), "Printing did not work")
            return
        finally:
            # Back on Print… once the print dialog has gone (the focus was left nowhere).
            give_focus_back(self.view.print_step.print_button)
        if outcome is None:
            return
        self.keep_pdf(self.pdf, PdfPurpose.PRINTED)
        message = printing.outcome_message(outcome)
        if outcome.method != "file":
            message += " Fold it in three to fit a DL window envelope."
        self.view.print_step.status.setText(message)
        self.printed.emit()

    def save_pdf(self, path: str | None = None) -> str | None:

        pdf = self.refresh_preview()
        if not pdf:
            return None
        if path is None:
            if not self._go_ahead("Save"):
                return None
            name = f"{self.current_letter().title()[:60]}.pdf".replace("/", "-").replace("\\", "-")
            path = self.prompts.save_path("Save the letter as a PDF", name, "PDF (*.pdf)")
            if not path:
                return None
        try:
            write_atomically(Path(path), pdf)
        except OSError as exc:
            self.prompts.problem(f"It could not be written to {path}:\n{exc.strerror}", "The PDF was not saved")
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
        if not QDesktopServices.openUrl(self.email_url()):
            self.view.print_step.status.setText(
                "No email program was found on this computer, so no email was started. Use Copy text "
                "instead, then paste the letter into an email."
            )
            return
        self.view.print_step.status.setText(
            "Your email program should open with the letter. Add your MP's email address: it is on the "
            "UK Parliament website, or ask their office. MPs usually want your postal address in an email too."
        )

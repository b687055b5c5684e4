"""Connects the "My letters" page to the letters repository.

The shell connects three signals: ``open_letter_requested(letter_id)`` and
``follow_up_created(letter_id)`` to the letter editor, and ``reprint_requested(letter_id,
pdf_bytes)`` to the print path (the bytes are the PDF exactly as it was printed before).
Questions to the person go through ``HistoryPrompts`` (tests give their own answers).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.letters_repo import LetterNotFoundError, LettersRepository
from sirt_desktop.core.db.records import REPLY_STATUSES, LetterFilters, LetterSummary, PdfPurpose, ReplyStatus
from sirt_desktop.gui.history.dialogs import ReplyDialog, SentDialog, describe
from sirt_desktop.gui.history.model import LettersTableModel
from sirt_desktop.gui.history.view import HistoryView
from sirt_desktop.gui.prompts import Prompts, QtPrompts

log = logging.getLogger(__name__)


#: After this long with no reply, "No reply yet" is followed by an offer to write a follow-up.
FOLLOW_UP_AFTER_WEEKS = 4


#: The delete question's buttons, each with its own Alt key.
DELETE_YES, DELETE_NO = "&Delete the letter", "&Keep it"


def delete_question(letter: LetterSummary) -> str:
    """What deleting ``letter`` loses; the copies kept for printing again only when there are some."""
    kept = "Deleting it also deletes the copy kept for printing it again. " if letter.has_pdf else ""
    return f"{describe(letter)}\n\n{kept}This cannot be undone."


class HistoryPrompts:
    """The page's questions: the app's ``prompts``, and the page's own two dialogs (when it was
    sent, what reply came) over ``parent``."""

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        self.prompts = prompts
        self.parent = parent

    def tell(self, title: str, text: str) -> None:
        self.prompts.tell(title, text)

    def problem(self, text: str, title: str = "That did not work") -> None:
        self.prompts.problem(text, title)

    def confirm_delete(self, letter: LetterSummary) -> bool:
        return self.prompts.confirm(
            "Delete this letter?", delete_question(letter), yes=DELETE_YES, no=DELETE_NO, destructive=True
        )

    def ask_sent(self, letter: LetterSummary) -> tuple[str, dt.date] | None:
        dialog = SentDialog(letter, self.parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def offer_follow_up(self, letter: LetterSummary, weeks: int) -> bool:
        return self.prompts.confirm(
            "Write a follow-up?",
            f"{describe(letter)} You sent it about {weeks} weeks ago and no reply has come yet. A short, polite "
            "follow-up often gets an answer. Would you like to write one now?",
            yes="Start a follow-up",
            no="Not now",
        )

    def ask_reply(self, letter: LetterSummary) -> str | None:
        dialog = ReplyDialog(letter, self.parent)
        return dialog.answers.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class HistoryController(QObject):
    open_letter_requested = Signal(int)
    reprint_requested = Signal(int, bytes)
    follow_up_created = Signal(int)
    new_letter_requested = Signal()
    letter_deleted = Signal(int)  # so the writer drops it if it is the letter on screen

    def __init__(
        self,
        view: HistoryView,
        repository: LettersRepository,
        prompts: HistoryPrompts | None = None,
        parent: QObject | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.repository = repository
        self.today = today
        self.prompts = prompts or HistoryPrompts(QtPrompts(view), view)
        self.model = LettersTableModel(repository, parent=self)
        self.model.load_failed.connect(self.prompts.problem)
        view.set_model(self.model)
        view.filters_changed.connect(self.apply_filters)
        view.action_requested.connect(self.act)
        view.new_letter_requested.connect(self.new_letter_requested)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self.update_count)
        self.apply_filters(view.filters())

    # --- the list -------------------------------------------------------------------------
    def apply_filters(self, filters: LetterFilters) -> None:
        """Fetch the first page now; count the matches just after it is on screen."""
        self.model.set_filters(filters)
        if self.model.complete:
            self.view.show_count(self.model.rowCount())
        else:
            self.view.show_count(None)
            self._count_timer.start(0)
        if self.model.rowCount():
            self.view.table.selectRow(0)

    def update_count(self) -> None:
        try:
            self.view.show_count(self.repository.count(self.model.filters))
        except DatabaseError as exc:
            log.error("letters not counted: %s", exc)

    def refresh(self, select: int | None = None, row: int | None = None) -> bool:
        """Reload after a change elsewhere (e.g. the editor saved), keeping the place: the
        letter ``select`` (or the one chosen now), else the letter now at ``row`` (the one after
        a deleted letter), else the first. True if the letter asked for is in the list."""
        current = select if select is not None or row is not None else self.view.selected_letter_id()
        self.model.reload(keep_rows=True)
        self.update_count()
        found = current is not None and self.view.select_letter(current)
        while current is not None and not found and self.model.canFetchMore() and self.model.rowCount() < 2000:
            self.model.fetchMore()
            found = self.view.select_letter(current)
        if not found and self.model.rowCount():
            self.view.table.selectRow(min(max(row or 0, 0), self.model.rowCount() - 1))
        return bool(found)

    def _done(self, note: str) -> None:
        """After an action on the list: say what was done, and put the keyboard back on the
        list, on the letter chosen (reloading the list takes the chosen letter away for a
        moment, which greyed the focused button and sent the focus to a filter, or nowhere)."""
        self.view.show_note(note)
        self.view.focus_list()

    # --- actions --------------------------------------------------------------------------
    def act(self, action: str, letter_id: int) -> None:
        row = self.model.row_of(letter_id)
        letter = self.model.summary(row)
        if letter is None:
            return
        try:
            getattr(self, f"_{action}")(letter)
        except LetterNotFoundError:
            self.prompts.problem("That letter is no longer there. The list has been brought up to date.")
            self.refresh()
        except DatabaseError as exc:
            self.prompts.problem(str(exc))

    def _open(self, letter: LetterSummary) -> None:
        self.open_letter_requested.emit(letter.id)

    def _reprint(self, letter: LetterSummary) -> None:
        pdf = self.repository.latest_pdf(letter.id, purpose=PdfPurpose.PRINTED)
        if pdf is None:
            pdf = self.repository.latest_pdf(letter.id, purpose=None)
        if pdf is None:
            self.prompts.tell(
                "Not printed yet",
                "This letter has not been printed or saved yet, so there is "
                "no copy to print again. Open it, then print it from there.",
            )
            return
        self.reprint_requested.emit(letter.id, pdf)

    def _sent(self, letter: LetterSummary) -> None:
        answer = self.prompts.ask_sent(letter)
        if answer is not None:
            self.repository.mark_sent(letter.id, *answer)
            self.refresh(letter.id)
            self._done(f"Marked {title(letter)} as sent.")
        else:
            self.view.focus_list()

    def _reply(self, letter: LetterSummary) -> None:
        status = self.prompts.ask_reply(letter)
        if status is None:
            self.view.focus_list()
            return
        self.repository.record_reply(letter.id, status)
        self.refresh(letter.id)
        self._done(f"Noted for {title(letter)}: {REPLY_STATUSES.get(status, status)}.")
        weeks = (self.today() - letter.sent_at).days // 7 if letter.sent_at else 0
        waited = status == ReplyStatus.NO_REPLY_YET and weeks >= FOLLOW_UP_AFTER_WEEKS
        if waited and self.prompts.offer_follow_up(letter, weeks):
            self._follow_up(letter)

    def _follow_up(self, letter: LetterSummary) -> None:
        follow = self.repository.start_follow_up(letter.id)
        self.refresh(follow.id)
        # The list is left on the new follow-up, for when the person comes back to it; the
        # letter editor opens it and takes the focus.
        self._done(f"Started a follow-up to {title(letter)}. It is a draft in this list.")
        self.follow_up_created.emit(follow.id)

    def _duplicate(self, letter: LetterSummary) -> None:
        copy = self.repository.duplicate(letter.id)
        if self.refresh(copy.id):
            self._done(f"Copy made of {title(letter)}. The copy is a draft, chosen in the list.")
        else:
            self._done(
                f"Copy made of {title(letter)}. The copy is a draft; choose “All” in “Letters to show” to see it."
            )

    def _delete(self, letter: LetterSummary) -> None:
        if not self.prompts.confirm_delete(letter):
            self.view.focus_list()
            return
        row = self.model.row_of(letter.id)
        self.repository.delete(letter.id)
        self.letter_deleted.emit(letter.id)
        self.refresh(row=row)
        self._done(f"Deleted {title(letter)}.")


def title(letter: LetterSummary) -> str:
    """The letter in a few words, for the note after an action: "your letter to Jo Bloggs"."""
    to = letter.recipient_name or "someone not named yet"
    subject = f" about “{letter.subject}”" if letter.subject else ""
    return f"your letter to {to}{subject}"

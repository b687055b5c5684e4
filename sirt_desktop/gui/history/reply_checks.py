"""At start-up: for each sent letter due its 2- or 4-week check, ask whether a reply came.

Each check is asked once. "Ask me later" skips this letter for this check (the answer can
still be given at any time from My letters, with Reply…). The shell calls ``ReplyChecks.run``
once the main window is showing.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtWidgets import QWidget

from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.gui.history.reply_check_dialog import ReplyCheckDialog

log = logging.getLogger(__name__)


class ReplyChecks:
    """Asks about replies due, and records each answer (and each skip, so a check is asked once)."""

    def __init__(self, repository: LettersRepository) -> None:
        self.repository = repository

    def connect(self, dialog: ReplyCheckDialog) -> None:
        # Lambdas, not bound methods: Qt keeps these alive as long as the dialog, whoever else
        # keeps this object.
        dialog.answered.connect(lambda letter_id, status, weeks: self.answered(letter_id, status, weeks))
        dialog.skipped.connect(lambda letter_id, weeks: self.skipped(letter_id, weeks))

    def answered(self, letter_id: int, status: str, weeks: int) -> None:
        try:
            self.repository.record_reply(letter_id, status, check_weeks=weeks)
        except (DatabaseError, LookupError) as exc:
            log.error("reply not recorded: %s", exc)

    def skipped(self, letter_id: int, weeks: int) -> None:
        try:
            self.repository.mark_reply_check_asked(letter_id, weeks)
        except (DatabaseError, LookupError) as exc:
            log.error("reply check not recorded: %s", exc)

    def run(self, parent: QWidget | None = None, today: dt.date | None = None) -> int:
        """Ask about every letter due a check today (modal). Returns how many were due."""
        try:
            checks = self.repository.due_reply_checks(today or dt.date.today())
        except DatabaseError as exc:
            log.error("reply checks not read: %s", exc)
            return 0
        if checks:
            dialog = ReplyCheckDialog(checks, parent)
            self.connect(dialog)
            dialog.exec()
        return len(checks)

"""The reply-check dialog: one sent letter at a time, "has a reply come?" (a view: it takes
values and emits answers; ``reply_checks.ReplyChecks`` records them)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from sirt_desktop.core.dates import short_date
from sirt_desktop.core.db.records import ReplyCheck, ReplyStatus
from sirt_desktop.gui.common.widgets import Heading, Paragraph
from sirt_desktop.gui.history.dialogs import ReplyAnswers, describe


class ReplyCheckDialog(QDialog):
    """Shows one check at a time; emits ``answered`` or ``skipped`` for each."""

    answered = Signal(int, str, int)  # letter id, reply status, weeks
    skipped = Signal(int, int)  # letter id, weeks

    def __init__(self, checks: list[ReplyCheck], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Any replies to your letters?")
        self.checks = list(checks)
        self.position = 0
        layout = QVBoxLayout(self)
        self.heading = Heading("", level=2)
        self.question = Paragraph("")
        layout.addWidget(self.heading)
        layout.addWidget(self.question)
        self.answers = ReplyAnswers()
        layout.addWidget(self.answers)
        buttons = QDialogButtonBox()
        self.save = QPushButton("&Save answer")
        self.save.setAccessibleName("Save answer")
        self.later = QPushButton("Ask me &later")
        self.later.setAccessibleName("Skip this letter for now")
        self.later.setToolTip("You can still note a reply at any time from My letters.")
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later, QDialogButtonBox.ButtonRole.RejectRole)
        self.save.clicked.connect(self._save)
        self.later.clicked.connect(self._skip)
        self.answers.group.buttonToggled.connect(lambda *_: self.save.setEnabled(self.answers.chosen() is not None))
        layout.addWidget(buttons)
        self._show_current()

    def current(self) -> ReplyCheck | None:
        return self.checks[self.position] if self.position < len(self.checks) else None

    def _show_current(self) -> None:
        check = self.current()
        if check is None:
            self.accept()
            return
        letter = check.letter
        self.heading.setText(f"Letter {self.position + 1} of {len(self.checks)}")
        self.heading.setAccessibleName(self.heading.text())
        sent = short_date(letter.sent_at) if letter.sent_at else "a while ago"
        self.question.setText(
            f"{describe(letter)} You sent it on {sent}, about {check.weeks} weeks ago. Has a reply come?"
        )
        self.answers.group.setExclusive(False)
        for radio in self.answers.radios.values():
            radio.setChecked(False)
        self.answers.group.setExclusive(True)
        self.save.setEnabled(False)
        self.answers.radios[ReplyStatus.REPLIED_HELPED].setFocus()

    def _save(self) -> None:
        check, status = self.current(), self.answers.chosen()
        if check is None or status is None:
            return
        self.answered.emit(check.letter.id, status, check.weeks)
        self.position += 1
        self._show_current()

    def _skip(self) -> None:
        check = self.current()
        if check is not None:
            self.skipped.emit(check.letter.id, check.weeks)
        self.position += 1
        self._show_current()

    def reject(self) -> None:  # Escape / closing the window: skip the rest for now
        while self.current() is not None:
            self._skip()
        super().reject()

"""Small questions about one letter: how and when it was sent, and whether a reply came."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.core.db.records import REPLY_STATUSES, SENT_METHODS, LetterSummary
from sirt_desktop.gui.common.date_field import DateField
from sirt_desktop.gui.common.dialogs import grow_to_fit
from sirt_desktop.gui.common.widgets import Paragraph, tab_to_checked


def describe(letter: LetterSummary) -> str:
    to = letter.recipient_name or "someone not named yet"
    subject = f" about “{letter.subject}”" if letter.subject else ""
    return f"Your letter to {to}{subject}."


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ReplyAnswers(QWidget):
    """The five answers to "Has a reply come?" as option buttons."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for key, label in REPLY_STATUSES.items():
            radio = QRadioButton(label)
            radio.setAccessibleName(label)
            self.group.addButton(radio)
            self.radios[key] = radio
            layout.addWidget(radio)
        if current in self.radios:
            self.radios[current].setChecked(True)
        tab_to_checked(self.group)

    def chosen(self) -> str | None:
        return next((key for key, radio in self.radios.items() if radio.isChecked()), None)


class SentDialog(QDialog):
    def __init__(
        self, letter: LetterSummary, parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark as sent")
        layout = QVBoxLayout(self)
        layout.addWidget(Paragraph(describe(letter) + " How and when did you send it?"))
        form = QFormLayout()
        self.method_group = QButtonGroup(self)
        self.methods: dict[str, QRadioButton] = {}
        methods = QVBoxLayout()
        for key, label in SENT_METHODS.items():
            radio = QRadioButton(label)
            radio.setAccessibleName(f"Sent: {label}")
            self.method_group.addButton(radio)
            self.methods[key] = radio
            methods.addWidget(radio)
        self.methods[letter.sent_method if letter.sent_method in SENT_METHODS else "posted"].setChecked(True)
        tab_to_checked(self.method_group)
        form.addRow("How:", methods)
        self.date = DateField("Date you sent it", earliest=dt.date(2000, 1, 1), today=today)
        self.date.set_value(letter.sent_at or today())
        date_label = QLabel("&Date:")
        date_label.setBuddy(self.date)
        form.addRow(date_label, self.date)
        layout.addLayout(form)
        layout.addWidget(Paragraph("We will ask you two and four weeks later whether a reply has come."))
        self.buttons = _buttons(self, "Save")
        layout.addWidget(self.buttons)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.date.value_changed.connect(lambda: save.setEnabled(self.date.value() is not None))
        # "Read as 1 December 2026" under the date: the dialog grows, the options keep their room.
        grow_to_fit(self)

    def answer(self) -> tuple[str, dt.date]:
        method = next(key for key, radio in self.methods.items() if radio.isChecked())
        day = self.date.value()
        if day is None:  # Save is disabled until the date can be read
            raise ValueError(self.date.reading().problem)
        return method, day


class ReplyDialog(QDialog):
    def __init__(self, letter: LetterSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Did a reply come?")
        layout = QVBoxLayout(self)
        layout.addWidget(Paragraph(describe(letter) + " Did a reply come?"))
        self.answers = ReplyAnswers(letter.reply_status)
        layout.addWidget(self.answers)
        self.buttons = _buttons(self, "Save")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.answers.chosen() is not None)
        self.answers.group.buttonToggled.connect(lambda *_: ok.setEnabled(self.answers.chosen() is not None))
        layout.addWidget(self.buttons)

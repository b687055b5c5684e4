"""The questions the letter writer asks, as dialogs (tests give their own answers).

Each question has a safe answer that Enter or Escape gives when the person is unsure: stay
with the words on screen, go back and finish the letter.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.gui.common.widgets import Heading, Paragraph


class SenderChoiceDialog(QDialog):
    """ "Who is this letter from?": one option per person, then "Someone new"."""

    def __init__(self, choices: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Who is this letter from?")
        layout = QVBoxLayout(self)
        layout.addWidget(Heading("Who is this letter from?", level=2))
        layout.addWidget(Paragraph("Choose the person whose name and address go on the new letter."))
        self.group = QButtonGroup(self)
        self.radios: list[QRadioButton] = []
        for index, label in enumerate(choices):
            radio = QRadioButton(label)
            radio.setAccessibleName(label)
            self.group.addButton(radio, index)
            self.radios.append(radio)
            layout.addWidget(radio)
        if self.radios:
            self.radios[0].setChecked(True)
            self.radios[0].setFocus()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Start the letter")
        ok.setAccessibleName("Start the letter")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Stay with this letter")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Stay with this letter")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> int | None:
        index = self.group.checkedId()
        return index if index >= 0 else None


class WriterPrompts:
    """The writer's questions over ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def go_on_anyway(self, title: str, text: str) -> bool:
        """Before words are lost; the safe answer (No) is the default."""
        answer = QMessageBox.question(
            self.parent, title, f"{text}\n\nGo on anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def who_is_it_from(self, choices: list[str]) -> int | None:
        """The index of the chosen person, or None to stay with the letter on screen."""
        dialog = SenderChoiceDialog(choices, self.parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def send_unfinished(self, action: str, problems: list[str]) -> bool:
        """Print (or save) a letter that is not finished? Only if the person says so."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(f"{action} this letter anyway?")
        box.setText("This letter is not finished:\n\n" + "\n".join(f"• {p}" for p in problems))
        go = box.addButton(f"{action} anyway", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go back and finish it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is go

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

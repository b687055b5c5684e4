"""One question with a few answers as option buttons ("Who is this letter from?")."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QRadioButton, QVBoxLayout, QWidget

from sirt_desktop.gui.common.widgets import Heading, Paragraph, tab_to_checked


class ChoiceDialog(QDialog):
    """The first option starts chosen; ``yes`` goes on with the chosen one, ``no`` (also
    Escape) chooses none."""

    def __init__(
        self, title: str, text: str, options: list[str], yes: str, no: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(Heading(title, level=2))
        if text:
            layout.addWidget(Paragraph(text))
        self.group = QButtonGroup(self)
        self.radios: list[QRadioButton] = []
        for index, label in enumerate(options):
            radio = QRadioButton(label)
            radio.setAccessibleName(label)
            self.group.addButton(radio, index)
            self.radios.append(radio)
            layout.addWidget(radio)
        if self.radios:
            self.radios[0].setChecked(True)
            self.radios[0].setFocus()
        tab_to_checked(self.group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for which, words in ((QDialogButtonBox.StandardButton.Ok, yes), (QDialogButtonBox.StandardButton.Cancel, no)):
            button = buttons.button(which)
            button.setText(words)
            button.setAccessibleName(words)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> int | None:
        index = self.group.checkedId()
        return index if index >= 0 else None

"""Helpline (volunteers): find a caller's MP quickly, with a reminder about callers' privacy."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from sirt_desktop.gui.common.widgets import Heading, Paragraph
from sirt_desktop.gui.find_mp.view import FindMpView

PRIVACY_NOTE = (
    "For volunteers helping a caller. A caller's health and political views are private: "
    "keep a letter only if they ask you to, and print or save it for them rather than keeping copies."
)


class HelplineView(QWidget):
    write_letter_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Helpline")
        layout = QVBoxLayout(self)
        layout.addWidget(Heading("Helpline: find a caller's MP"))
        layout.addWidget(Paragraph(PRIVACY_NOTE))
        self.find_mp = FindMpView(show_heading=False)
        layout.addWidget(self.find_mp, 1)
        self.write_button = QPushButton("Write a letter with the caller")
        self.write_button.setAccessibleName("Write a letter with the caller")
        self.write_button.clicked.connect(self.write_letter_requested)
        layout.addWidget(self.write_button)

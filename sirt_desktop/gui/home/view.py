"""The first screen: what the app is for, and a large button for each main task."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from sirt_desktop.gui.common.widgets import Heading, Paragraph

INTRO = (
    "This app helps you understand SIRT, a treatment for neuroendocrine tumours (NETs) "
    "that have spread to the liver. It shows where NHS funding for it stands, and helps you "
    "write letters to your MP or your doctor in your own words.\n\n"
    "Everything stays on this computer. Nothing is sent anywhere unless you print, save "
    "or export it yourself.\n\n"
    "This is information, not medical advice. Please talk to your NET team about your care."
)


class HomeView(QWidget):
    """Built with the shortcuts to show: (section id, button text, what it does)."""

    def __init__(self, shortcuts: list[tuple[str, str, str]], go_to: Callable[[str], None]) -> None:
        super().__init__()
        self.setAccessibleName("Home")
        outer = QVBoxLayout(self)
        column = QWidget()
        self.column = column
        self.refresh_fonts()
        outer.addWidget(column)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(Heading("Welcome to SIRT Desktop"))
        layout.addWidget(Paragraph(INTRO))
        self.buttons: dict[str, QPushButton] = {}
        for section_id, text, description in shortcuts:
            button = QPushButton(f"{text}\n{description}")
            button.setAccessibleName(text)
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            button.setMinimumHeight(round(button.sizeHint().height() * 1.4))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, sid=section_id: go_to(sid))
            layout.addWidget(button)
            self.buttons[section_id] = button
        layout.addStretch(1)

    def refresh_fonts(self) -> None:
        """Lines of about 80 characters are easier to read than lines across a wide screen."""
        self.column.setMaximumWidth(QFontMetrics(QApplication.font()).averageCharWidth() * 90)

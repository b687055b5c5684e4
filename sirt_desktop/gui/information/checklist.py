"""'Questions to take to my appointment': tick boxes, a name, notes, and the printable sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from sirt_desktop.gui.common.widgets import LinesBox, Paragraph, wrap_rows


class ChecklistPanel(QGroupBox):
    sheet_requested = Signal(list, str, str)  # ticked ids, name, notes

    def __init__(self, questions: list[tuple[str, str]]) -> None:
        super().__init__("Questions to take to my appointment")
        layout = QVBoxLayout(self)
        layout.addWidget(
            Paragraph(
                "Tick the questions you want to ask. Then print them on one page, with the "
                "treatments side by side and space for notes."
            )
        )
        # A list of tick-able rows wraps long questions at any text size (tick boxes do not).
        self.questions = QListWidget()
        self.questions.setAccessibleName("Questions to ask")
        self.questions.setAccessibleDescription("Press Space to tick or untick a question")
        wrap_rows(self.questions, padding_em=0.3)
        self.items: dict[str, QListWidgetItem] = {}
        for question_id, text in questions:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.questions.addItem(item)
            self.items[question_id] = item
        layout.addWidget(self.questions, 1)
        self.refresh_fonts()
        name_label = QLabel("&Name on the sheet (optional):")
        self.name = QLineEdit()
        self.name.setAccessibleName("Name on the sheet (optional)")
        name_label.setBuddy(self.name)
        notes_label = QLabel("N&otes (optional):")
        self.notes = LinesBox(4)
        self.notes.setAccessibleName("Notes for the sheet (optional)")
        notes_label.setBuddy(self.notes)
        for widget in (name_label, self.name, notes_label, self.notes):
            layout.addWidget(widget)
        self.print_button = QPushButton("&Print my appointment sheet…")
        self.print_button.setAccessibleName("Preview and print my appointment sheet")
        layout.addWidget(self.print_button)
        self.print_button.clicked.connect(
            lambda: self.sheet_requested.emit(self.ticked(), self.name.text().strip(), self.notes.toPlainText())
        )

    def refresh_fonts(self) -> None:
        """New text size: the list shows at least six questions before it scrolls."""
        self.questions.setMinimumHeight(QFontMetrics(QApplication.font()).lineSpacing() * 2 * 6)

    def ticked(self) -> list[str]:
        return [qid for qid, item in self.items.items() if item.checkState() == Qt.CheckState.Checked]

    def set_ticked(self, question_id: str, ticked: bool = True) -> None:
        self.items[question_id].setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

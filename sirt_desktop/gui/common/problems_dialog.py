"""A dialog that lists every problem found in a file the person chose, so none is hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QVBoxLayout, QWidget

from sirt_desktop.gui.common.widgets import Paragraph


class ProblemsDialog(QDialog):
    def __init__(self, title: str, intro: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(Paragraph(intro))
        self.list = QListWidget()
        self.list.setAccessibleName("Problems found")
        self.list.setWordWrap(True)
        self.list.addItems(problems or ["No details were given."])
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 20)

"""A preview of a PDF with Print and Save: the same path every printed page in the app takes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from sirt_desktop.gui.common.pdf_preview import PdfPreview
from sirt_desktop.gui.common.widgets import Paragraph
from sirt_desktop.gui.printing import PrintError, print_with_dialog


class PdfDialog(QDialog):
    def __init__(self, title: str, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf = pdf
        self.suggested_name = suggested_name
        layout = QVBoxLayout(self)
        self.preview = PdfPreview()
        self.preview.show_pdf(pdf)
        layout.addWidget(self.preview, 1)
        self.status = Paragraph("")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.print_button = QPushButton("&Print…")
        self.print_button.setAccessibleName("Print")
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.setAccessibleName("Save as a PDF file")
        close = QPushButton("Close")
        close.setAccessibleName("Close")
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(lambda: self.save())
        close.clicked.connect(self.accept)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 40)

    def print_pdf(self) -> None:
        try:
            outcome = print_with_dialog(self.pdf, self)
        except PrintError as exc:
            QMessageBox.warning(self, "Printing did not work", str(exc))
            return
        if outcome is not None:
            self.status.setText(f"Sent to {outcome.detail}.")

    def save(self, path: str | None = None) -> str | None:
        if path is None:
            path, _f = QFileDialog.getSaveFileName(self, "Save as PDF", self.suggested_name, "PDF (*.pdf)")
            if not path:
                return None
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as exc:
            QMessageBox.warning(self, "Not saved", f"The file could not be written:\n{exc.strerror}")
            return None
        self.status.setText(f"Saved to {path}")
        return path

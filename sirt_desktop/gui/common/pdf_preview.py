"""Shows the exact PDF that will be printed, page by page, at a readable size (QtPdf)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class PdfPreview(QWidget):
    zoom_changed = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.pdf_bytes = b""

        self.view = QPdfView(self)
        self.view.setAccessibleName("Preview of the letter as it will print")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.pages = QLabel("")
        self.pages.setAccessibleName("Number of pages")
        self.zoom_out = QPushButton("S&maller")
        self.zoom_out.setAccessibleName("Make the preview smaller")
        self.zoom_fit = QPushButton("F&it width")
        self.zoom_fit.setAccessibleName("Fit the preview to the width")
        self.zoom_in = QPushButton("&Larger")
        self.zoom_in.setAccessibleName("Make the preview larger")
        controls = QHBoxLayout()
        controls.addWidget(self.pages)
        controls.addStretch(1)
        for button in (self.zoom_out, self.zoom_fit, self.zoom_in):
            controls.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)

        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.zoom_fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(5.0, self.view.zoomFactor() * factor)))
        self.zoom_changed.emit(self.view.zoomFactor())

    def show_pdf(self, pdf: bytes) -> int:
        """Load new PDF bytes; returns the page count (0 if the bytes are not a PDF)."""
        self.pdf_bytes = pdf
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        count = self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0
        self.pages.setText(f"{count} page" + ("" if count == 1 else "s") if count else "No preview")
        return count

"""Small dialogs reached from the Help menu: the log viewer and About."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop import APP_NAME
from sirt_desktop.gui.common.widgets import Paragraph


def _tail(text: str, max_chars: int = 200_000) -> str:
    return text if len(text) <= max_chars else "…\n" + text[-max_chars:]


class LogDialog(QDialog):
    """Shows the current log file, newest at the bottom, with a button to open its folder."""

    def __init__(self, log_text: str, log_path: str, open_folder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}: log")
        layout = QVBoxLayout(self)
        layout.addWidget(Paragraph(f"The app's log is kept at:\n{log_path}"))
        self.text = QPlainTextEdit(_tail(log_text) or "The log is empty.")
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Log contents")
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        folder = QPushButton("Open log folder")
        folder.setAccessibleName("Open the folder with the log files")
        folder.clicked.connect(open_folder)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 30)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)


class AboutDialog(QDialog):
    """Versions, data dates, and every source's licence and attribution."""

    def __init__(self, versions: str, attributions_markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        layout = QVBoxLayout(self)
        browser = QTextBrowser()
        browser.setAccessibleName("About this app")
        browser.setOpenExternalLinks(False)
        browser.setMarkdown(
            f"# {APP_NAME}\n\nInformation and letters for people with neuroendocrine tumours "
            "in the liver, their carers and helpline volunteers. It works offline and keeps "
            "everything on this computer.\n\n## Versions\n\n```\n" + versions + "\n```\n\n" + attributions_markdown
        )
        layout.addWidget(browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 32)

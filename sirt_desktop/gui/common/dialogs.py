"""Dialogs reached from the Help menu: Getting started (with the keys), the log, and About.

Each is sized from the text but never larger than the screen it opens on, so at 200% text its
buttons stay on the screen (the text inside scrolls instead).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop import APP_NAME
from sirt_desktop.core.dates import long_date
from sirt_desktop.gui.common.widgets import Paragraph, ReadingBrowser

# Room left for the window's title bar and borders, which the dialog's own size leaves out.
_FRAME_ALLOWANCE = (24, 64)


def fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    """Resize ``dialog`` to ``width`` x ``height``, or to what its screen has room for."""
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or dialog.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    width = min(width, available.width() - _FRAME_ALLOWANCE[0])
    height = min(height, available.height() - _FRAME_ALLOWANCE[1])
    dialog.resize(max(200, width), max(150, height))
    centre = parent.frameGeometry().center() if parent is not None else available.center()
    x = min(max(available.left(), centre.x() - dialog.width() // 2), available.right() - dialog.width())
    y = min(max(available.top(), centre.y() - dialog.height() // 2), available.bottom() - dialog.height() - 40)
    dialog.move(max(available.left(), x), max(available.top(), y))


class GrowsToFit(QObject):
    """Makes a dialog taller when what is in it grows (a line "Read as 1 December 2026" under a
    date), so nothing in it is squashed or cut. Qt raises the dialog's minimum size but leaves
    its size, and wrapped text (whose height depends on its width) is left out of that minimum:
    the options above were squeezed to half their height. Never beyond the screen."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        dialog.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.dialog and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit)  # once the layout has taken the new sizes
        return False

    def needed_height(self) -> int:
        layout = self.dialog.layout()
        if layout is None:
            return self.dialog.height()
        layout.activate()
        width = self.dialog.width()
        if layout.hasHeightForWidth():
            return max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
        return layout.totalSizeHint().height()

    def fit(self) -> None:
        needed = self.needed_height()
        if needed <= self.dialog.height():
            return
        screen = self.dialog.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - _FRAME_ALLOWANCE[1] if screen is not None else needed
        self.dialog.resize(self.dialog.width(), max(self.dialog.height(), min(needed, room)))


def grow_to_fit(dialog: QDialog) -> GrowsToFit:
    """``dialog`` grows taller whenever its contents need more room (see GrowsToFit)."""
    return GrowsToFit(dialog)


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
    return buttons


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
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 30)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)


def _plain(text: str) -> str:
    """Text shown as it is inside Markdown (no character starts emphasis or a link)."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def about_markdown(versions: str, data_dates: list[tuple[str, str]], attributions_markdown: str) -> str:
    """About, written for the person using the app first; versions and licences further down."""
    dates = "\n".join(f"- {title}: as of {long_date(as_of)}" for title, as_of in data_dates)
    return (
        f"# {APP_NAME}\n\n"
        "This app is for people with neuroendocrine tumours (NETs) that have spread to the liver, "
        "their carers, and helpline volunteers. It explains SIRT, shows where NHS funding for it "
        "stands in each UK nation, and helps you write letters to your MP or your doctor in your "
        "own words.\n\n"
        "It works without the internet. What you type stays on this computer unless you print, "
        "save or export it yourself.\n\n"
        "This is information, not medical advice. Please talk to your NET team about your care.\n\n"
        "## How up to date it is\n\n"
        "Every information page says when it was last reviewed. The lists the app looks things "
        "up in are dated too:\n\n" + (dates or "- No lists are installed.") + "\n\n## Help\n\n"
        "Help → Getting started shows how the app works and which keys do what. If something goes "
        "wrong, Help → View log shows what the app noted, for whoever helps you fix it.\n\n"
        "## For whoever looks after this computer\n\n"
        + "\n".join(
            ("  - " if line.startswith(" ") else "- ") + _plain(line.strip())
            for line in versions.splitlines()
            if line.strip()
        )
        + "\n\n"
        + attributions_markdown
    )


class AboutDialog(QDialog):
    """What the app is for, how up to date it is, then versions and every source's licence."""

    def __init__(
        self,
        versions: str,
        attributions_markdown: str,
        parent: QWidget | None = None,
        data_dates: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        layout = QVBoxLayout(self)
        self.browser = ReadingBrowser()
        self.browser.setAccessibleName("About this app")
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(about_markdown(versions, data_dates or [], attributions_markdown))
        layout.addWidget(self.browser, 1)
        layout.addWidget(_close_buttons(self))
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 32)


@dataclass(frozen=True)
class Key:
    keys: str  # as shown to people
    does: str
    shortcuts: tuple[str, ...] = ()  # the app's key sequences this line describes (portable text)


KEYS: tuple[Key, ...] = (
    Key(
        "Tab, and Shift+Tab",
        "Move to the next control, or back to the one before. A thick yellow and black outline shows where you are.",
    ),
    Key("Up and Down arrows", "Move within a list, such as the list of sections on the left."),
    Key("Enter or Space", "Press the outlined button. In My letters, Enter opens the chosen letter."),
    Key("Alt and an underlined letter", "Go straight to that control or menu: Alt+F opens the File menu."),
    Key(
        "Ctrl+1 to Ctrl+8",
        "Go to each section, in the order of the list on the left.",
        tuple(f"Ctrl+{n}" for n in range(1, 10)),
    ),
    Key("Ctrl and + (plus)", "Make the text bigger, up to twice the normal size.", ("Ctrl++", "Ctrl+=")),
    Key("Ctrl and − (minus)", "Make the text smaller.", ("Ctrl+-",)),
    Key("Ctrl+0", "Text back to its normal size.", ("Ctrl+0",)),
    Key(
        "Ctrl+F",
        "Find words on an information page. Enter finds the next one; Escape closes the find bar.",
        ("Ctrl+F", "Esc"),
    ),
    Key(
        "Alt+Right and Alt+Left",
        "Next and previous step when writing a letter (Alt+N and Alt+B do the same).",
        ("Alt+Right", "Alt+Left"),
    ),
    Key("F1", "Open this page.", ("F1",)),
    Key("Ctrl+Q", "Quit. Your letter is saved first.", ("Ctrl+Q",)),
)


def getting_started_markdown(sections: list[tuple[str, str]]) -> str:
    """``sections``: (title, what it is for) in the order of the list on the left."""
    parts = "\n".join(
        f"{n}. **{title}**" + (f" (Ctrl+{n})" if n <= 9 else "") + f": {about}."
        for n, (title, about) in enumerate(sections, start=1)
    )
    keys = "\n".join(f"| {key.keys} | {key.does} |" for key in KEYS)
    return (
        "# Getting started\n\n"
        f"{APP_NAME} has {len(sections)} parts. Choose one from the list on the left, with the "
        "mouse or with the Up and Down arrow keys.\n\n"
        + parts
        + "\n\nOn an information page, choose a word in a link to see what it means, just under "
        "the page.\n\n"
        "A letter is written in five steps: the kind of letter, who it is from, who it is to, "
        "your own words, then check and print. It is saved as you type, so you can stop and come "
        "back to it in My letters.\n\n"
        "To make the text bigger, press Ctrl and + (plus), or go to Settings. Settings also "
        "changes the colours.\n\n"
        "## Keys\n\n| Keys | What they do |\n|---|---|\n" + keys + "\n"
    )


class GettingStartedDialog(QDialog):
    """A short page on how the app works, and the keys (Help → Getting started, or F1)."""

    def __init__(self, sections: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Getting started with {APP_NAME}")
        layout = QVBoxLayout(self)
        self.browser = ReadingBrowser()
        self.browser.setAccessibleName("Getting started")
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(getting_started_markdown(sections))
        layout.addWidget(self.browser, 1)
        layout.addWidget(_close_buttons(self))
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 34)

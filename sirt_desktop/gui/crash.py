"""Unexpected errors: logged in full, then shown in a dialog instead of the app vanishing."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from sirt_desktop import APP_NAME, __version__
from sirt_desktop.core import paths

log = logging.getLogger("sirt_desktop.crash")


def open_log_folder() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))


def crash_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"{APP_NAME} {__version__}\n\n{text}"


class CrashHandler:
    """Installed as sys.excepthook. With ``show_dialog=False`` (CI) it logs and exits 1."""

    def __init__(self, show_dialog: bool = True) -> None:
        self.show_dialog = show_dialog
        self._showing = False
        self.last_details: str | None = None

    def install(self) -> None:
        sys.excepthook = self

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = crash_details(exc_type, exc, tb)
        self.last_details = details
        log.error("unexpected error\n%s", details)
        if not self.show_dialog:
            print(details, file=sys.stderr)
            app = QApplication.instance()
            if app is not None:
                app.exit(1)
            else:  # pragma: no cover
                sys.exit(1)
            return
        if self._showing:  # an error inside the dialog itself: log only
            return
        self._showing = True
        try:
            self._dialog(details)
        finally:
            self._showing = False

    def _dialog(self, details: str) -> None:
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(f"{APP_NAME}: something went wrong")
        box.setText(
            "Something went wrong inside the app. Your saved letters are safe.\n\n"
            "If it keeps happening, please copy the details and send them to whoever "
            "looks after the app for you. Read them first: they are meant to hold no "
            "personal details, but the choice to share them is yours."
        )
        box.setDetailedText(details)
        copy_button = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
        folder_button = box.addButton("Open log folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Carry on", QMessageBox.ButtonRole.AcceptRole)
        copy_button.setAccessibleName("Copy the error details")
        folder_button.setAccessibleName("Open the folder with the log files")
        while True:
            box.exec()
            clicked = box.clickedButton()
            if clicked is copy_button:
                QGuiApplication.clipboard().setText(details)
                continue
            if clicked is folder_button:
                open_log_folder()
                continue
            break


def unexpected_end_text(draft_kept: bool, log_folder: str) -> str:
    kept = (
        "The letter you were writing was kept: it is in Write a letter, where you left it."
        if draft_kept
        else "No unsaved letter was lost: your saved letters are in My letters."
    )
    return (
        f"{APP_NAME} closed unexpectedly last time. You do not need to do anything.\n\n{kept}\n\n"
        f"What happened is noted in the log, in {log_folder} (Help → View log shows it). "
        "If it keeps happening, the log helps whoever looks after the app for you."
    )


def tell_unexpected_end(parent, draft_kept: bool, log_folder: str, go_to) -> None:
    """The calm notice shown once, on the first start after the app closed unexpectedly."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(f"{APP_NAME} closed unexpectedly")
    box.setText(unexpected_end_text(draft_kept, log_folder))
    letter_button = box.addButton("Go to my letter", QMessageBox.ButtonRole.ActionRole) if draft_kept else None
    ok = box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.exec()
    if letter_button is not None and box.clickedButton() is letter_button:
        go_to("write")

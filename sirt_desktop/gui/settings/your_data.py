"""Connects the "Your data" group to export, delete-everything and the auto-delete setting.

``database`` is a callable returning the open ``Database`` (the shell's provider), so the
database is opened only when one of these actions needs it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QWidget

from sirt_desktop.core import paths
from sirt_desktop.core.dates import long_date
from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.export import ExportSummary, export_everything, summary_lines
from sirt_desktop.core.db.privacy import auto_delete_finished, delete_everything, stored_counts
from sirt_desktop.core.db.records import StoredCounts
from sirt_desktop.core.db.recovery import SetAsideInfo, list_set_aside, restore_set_aside
from sirt_desktop.core.settings import AUTO_DELETE_MONTHS, Settings
from sirt_desktop.gui.prompts import Prompts, QtPrompts
from sirt_desktop.gui.settings.your_data_view import DeleteEverythingDialog, SetAsideDialog, YourDataView
from sirt_desktop.gui.tasks import Task, run_in_background

log = logging.getLogger(__name__)


class YourDataPrompts:
    """The group's questions: the app's ``prompts``, where to export, and the delete-everything
    check over ``parent``."""

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        self.prompts = prompts
        self.parent = parent

    def tell(self, title: str, text: str) -> None:
        self.prompts.tell(title, text)

    def problem(self, text: str, title: str = "That did not work") -> None:
        self.prompts.problem(text, title)

    def export_path(self) -> str | None:
        default = str(paths.documents_dir() / f"sirt-desktop-export-{dt.date.today().isoformat()}.zip")
        path = self.prompts.save_path("Export everything", default, "ZIP files (*.zip)")
        if path and not path.lower().endswith(".zip"):
            path += ".zip"
        return path

    def confirm_delete_everything(self, counts: StoredCounts) -> bool:
        return DeleteEverythingDialog(counts, self.parent).exec() == QDialog.DialogCode.Accepted

    def choose_set_aside(self, copies: list[SetAsideInfo]) -> SetAsideInfo | None:
        """Which set-aside copy to put back (None: none)."""
        dialog = SetAsideDialog([(describe_copy(c), c.restorable) for c in copies], self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() < 0:
            return None
        return copies[dialog.chosen()]


_NOT_RESTORABLE = {
    "newer": "saved by a newer version of SIRT Desktop",
    "foreign": "not a SIRT Desktop file",
    "damaged": "damaged",
    "empty": "empty",
}


def describe_copy(copy: SetAsideInfo) -> str:
    """``Set aside 3 December 2026 at 14:05: 12 letters`` (or why it cannot be put back)."""
    when = f"Set aside {long_date(copy.set_aside_at.date())} at {copy.set_aside_at:%H:%M}"
    if not copy.restorable:
        return f"{when}: cannot be put back ({_NOT_RESTORABLE.get(copy.state, 'damaged')})"
    letters = copy.letters or 0
    return f"{when}: {letters:,} letter" + ("" if letters == 1 else "s")


class YourDataController(QObject):
    everything_deleted = Signal()  # the shell refreshes My letters and the editor

    def __init__(
        self,
        view: YourDataView,
        database: Callable[[], Database],
        settings: Settings,
        prompts: YourDataPrompts | None = None,
        parent: QObject | None = None,
        replace_database: Callable[[Callable[[], object]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.database = database
        # Runs a change to the database file with the database closed, then opens it again
        # (the shell's; it also points the writer and My letters at the file now in use).
        self.replace_database = replace_database
        self.settings = settings
        self.prompts = prompts or YourDataPrompts(QtPrompts(view), view)
        view.show_months(settings.get(AUTO_DELETE_MONTHS))
        view.open_folder_requested.connect(self.open_folder)
        view.export_requested.connect(self.export)
        view.delete_everything_requested.connect(self.delete_everything)
        view.restore_copy_requested.connect(self.restore_copy)
        view.restore_copy.setVisible(replace_database is not None)
        view.auto_delete_months_chosen.connect(self.set_auto_delete_months)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir())))

    def export(self) -> Task[object] | None:
        """Ask where, then write the ZIP in the background; the window keeps answering."""
        path = self.prompts.export_path()
        if not path:
            return None
        try:
            db = self.database()
        except DatabaseError as exc:
            self.prompts.problem(f"Nothing was exported. {exc}")
            return None

        def done(summary: object) -> None:
            self.view.set_busy(None)
            assert isinstance(summary, ExportSummary)
            self.prompts.tell("Exported", "\n\n".join(summary_lines(summary)))

        def failed(exc: BaseException) -> None:
            self.view.set_busy(None)
            if isinstance(exc, DatabaseError):
                self.prompts.problem(f"Nothing was exported. {exc}")
            elif isinstance(exc, OSError):
                self.prompts.problem(
                    f"Nothing was exported: {path} could not be written ({exc.strerror or exc}). Choose another folder."
                )
            else:
                log.error("export failed", exc_info=exc)
                self.prompts.problem(
                    "Nothing was exported: something went wrong inside the app. Your letters are safe."
                )

        self.view.set_busy("Exporting your letters… You can go on using the app while this runs.")
        return run_in_background(lambda: export_everything(db, path), done, failed, name="export")

    def delete_everything(self) -> Task[object] | None:
        """Say what will go, ask, then delete in the background (the window keeps answering)."""
        try:
            db = self.database()
            counts = stored_counts(db)
        except DatabaseError as exc:
            self.prompts.problem(str(exc))
            return None
        if not self.prompts.confirm_delete_everything(counts):
            return None

        def done(_result: object) -> None:
            self.view.set_busy(None)
            self.everything_deleted.emit()
            self.prompts.tell("Deleted", "Everything has been deleted from this computer.")

        def failed(exc: BaseException) -> None:
            self.view.set_busy(None)
            if not isinstance(exc, DatabaseError):
                log.error("delete everything failed", exc_info=exc)
            # Part may be gone: the pages show what is left, and the person can try again.
            self.everything_deleted.emit()
            reason = f"{exc} " if isinstance(exc, DatabaseError) else ""
            self.prompts.problem(f"Not everything could be deleted. {reason}Please try Delete everything again.")

        self.view.set_busy("Deleting everything… Please wait.")
        return run_in_background(lambda: delete_everything(db), done, failed, name="delete-everything")

    def restore_copy(self) -> None:
        """Put a set-aside copy of the letters back in use; the current one is set aside first."""
        if self.replace_database is None:
            return
        try:
            copies = list_set_aside()
        except DatabaseError as exc:
            self.prompts.problem(str(exc))
            return
        if not copies:
            self.prompts.tell(
                "No set-aside copies", "There are no set-aside copies of your letters: nothing was ever put aside."
            )
            return
        chosen = self.prompts.choose_set_aside(copies)
        if chosen is None:
            return
        replace = self.replace_database
        try:
            replace(lambda: restore_set_aside(chosen.path))
        except DatabaseError as exc:
            self.prompts.problem(str(exc))
            return
        self.prompts.tell(
            "Copy put back",
            f"Your letters are now the copy {describe_copy(chosen)[0].lower()}{describe_copy(chosen)[1:]}. "
            "The letters you had until now are kept as a set-aside copy, so you can put them back the same way.",
        )

    def set_auto_delete_months(self, months: int) -> None:
        self.settings.update(AUTO_DELETE_MONTHS, months)


def auto_delete_on_start(db: Database, settings: Settings, today: dt.date | None = None) -> int:
    """Run once at start-up, after the database opened: apply the auto-delete setting."""
    try:
        return auto_delete_finished(db, settings.get(AUTO_DELETE_MONTHS), today or dt.date.today())
    except DatabaseError as exc:
        log.error("auto-delete skipped: %s", exc)
        return 0

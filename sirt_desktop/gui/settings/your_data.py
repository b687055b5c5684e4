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
from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.export import ExportSummary, export_everything, summary_lines
from sirt_desktop.core.db.privacy import auto_delete_finished, delete_everything, stored_counts
from sirt_desktop.core.db.records import StoredCounts
from sirt_desktop.core.settings import AUTO_DELETE_MONTHS, Settings
from sirt_desktop.gui.prompts import Prompts, QtPrompts
from sirt_desktop.gui.settings.your_data_view import DeleteEverythingDialog, YourDataView
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


class YourDataController(QObject):
    everything_deleted = Signal()  # the shell refreshes My letters and the editor

    def __init__(
        self,
        view: YourDataView,
        database: Callable[[], Database],
        settings: Settings,
        prompts: YourDataPrompts | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.database = database
        self.settings = settings
        self.prompts = prompts or YourDataPrompts(QtPrompts(view), view)
        view.show_months(settings.get(AUTO_DELETE_MONTHS))
        view.open_folder_requested.connect(self.open_folder)
        view.export_requested.connect(self.export)
        view.delete_everything_requested.connect(self.delete_everything)
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

    def set_auto_delete_months(self, months: int) -> None:
        self.settings.update(AUTO_DELETE_MONTHS, months)


def auto_delete_on_start(db: Database, settings: Settings, today: dt.date | None = None) -> int:
    """Run once at start-up, after the database opened: apply the auto-delete setting."""
    try:
        return auto_delete_finished(db, settings.get(AUTO_DELETE_MONTHS), today or dt.date.today())
    except DatabaseError as exc:
        log.error("auto-delete skipped: %s", exc)
        return 0

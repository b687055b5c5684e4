"""File → Update MP list…: check a CSV as a whole, then apply all of it or none of it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sirt_desktop.core.representatives import mp_list as mp_import
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.dates import long_date
from sirt_desktop.gui.common.file_update import FileUpdateController
from sirt_desktop.gui.common.problems_dialog import ProblemsDialog


class UpdateMpsController(FileUpdateController):
    title = "Choose the new MP list"
    file_filter = "MP list (*.csv);;All files (*)"

    def apply(self, path: str) -> bool:
        report = mp_import.validate_mp_csv(path)
        if not report.ok:
            ProblemsDialog(
                "The MP list was not changed",
                "This file cannot be used, so nothing has been changed. These are the problems found:",
                report.problem_lines(),
                self.parent,
            ).exec()
            return False
        summary = report.summary_lines(most_names=10)
        answer = QMessageBox.question(
            self.parent,
            "Use this MP list?",
            "\n\n".join(summary) + "\n\nUse this list from now on?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        applied = mp_import.apply_mp_csv(path)
        if not applied.ok:
            ProblemsDialog("The MP list was not changed", "Nothing has been changed:", applied.problem_lines(), self.parent).exec()
            return False
        representatives.reload()
        QMessageBox.information(
            self.parent,
            "MP list updated",
            f"The app now uses the new MP list, correct as of {long_date(representatives.mp_list_as_of())}.",
        )
        return True

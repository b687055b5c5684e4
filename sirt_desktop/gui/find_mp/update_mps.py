"""File → Update MP list…: check a CSV as a whole, then apply all of it or none of it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sirt_desktop.core.representatives import mp_list as mp_import
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.dates import long_date
from sirt_desktop.gui.common.file_update import FileUpdateController
from sirt_desktop.gui.common.problems_dialog import ProblemsDialog


def problem_lines(report: mp_import.ValidationReport) -> list[str]:
    return [f"Line {p.line}: {p.message}" if p.line else p.message for p in report.problems]


class UpdateMpsController(FileUpdateController):
    title = "Choose the new MP list"
    file_filter = "MP list (*.csv);;All files (*)"

    def apply(self, path: str) -> bool:
        report = mp_import.validate_mp_csv(path)
        if not report.ok:
            ProblemsDialog(
                "The MP list was not changed",
                "This file cannot be used, so nothing has been changed. These are the problems found:",
                problem_lines(report),
                self.parent,
            ).exec()
            return False
        summary = [f"The file lists all {report.seat_count} seats, correct as of {long_date(report.as_of)}."]
        if report.changed:
            shown = ", ".join(report.changed[:10]) + (" and others" if len(report.changed) > 10 else "")
            summary.append(f"{len(report.changed)} seats have a different MP from the list in use: {shown}.")
        else:
            summary.append("No seat has a different MP from the list in use.")
        if report.vacant:
            summary.append(f"Vacant seats: {', '.join(report.vacant)}.")
        answer = QMessageBox.question(
            self.parent,
            "Use this MP list?",
            "\n\n".join(summary) + "\n\nUse this list from now on?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        applied = mp_import.apply_mp_csv(path)
        if not applied.ok:
            ProblemsDialog("The MP list was not changed", "Nothing has been changed:", problem_lines(applied), self.parent).exec()
            return False
        representatives.reload()
        QMessageBox.information(
            self.parent,
            "MP list updated",
            f"The app now uses the new MP list, correct as of {long_date(representatives.mp_list_as_of())}.",
        )
        return True

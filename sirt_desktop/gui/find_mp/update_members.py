"""File → Update members list…: check a devolved members CSV as a whole, then apply all or none."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.representatives import members
from sirt_desktop.core.representatives.devolved import LEGISLATURES
from sirt_desktop.gui.common.file_update import FileUpdateController
from sirt_desktop.gui.common.problems_dialog import ProblemsDialog


def problem_lines(report: members.MembersReport) -> list[str]:
    return [str(problem) for problem in report.problems]


class UpdateMembersController(FileUpdateController):
    title = "Choose the members list (Senedd, Scottish Parliament or Northern Ireland Assembly)"
    file_filter = "Members list (*.csv);;All files (*)"

    def apply(self, path: str) -> bool:
        report = members.validate_members_csv(path)
        if not report.ok:
            ProblemsDialog(
                "The members list was not changed",
                "This file cannot be used, so nothing has been changed. These are the problems found "
                "(docs/members.md explains the columns):",
                problem_lines(report),
                self.parent,
            ).exec()
            return False
        summary = []
        for leg_id in report.legislatures:
            leg = LEGISLATURES[leg_id]
            summary.append(
                f"{leg.member_title_plural}: {report.named[leg_id]} of {report.seats[leg_id]} seats named, "
                f"from the list of {long_date(report.dates[leg_id])}."
            )
        if report.vacant:
            summary.append("Vacant seats: " + ", ".join(report.vacant) + ".")
        others = [LEGISLATURES[i].short_name for i in LEGISLATURES if i not in report.legislatures
                  and members.list_date(i)]
        if others:
            summary.append("The names already imported for the " + " and ".join(others) + " stay as they are.")
        answer = QMessageBox.question(
            self.parent, "Use this members list?", "\n\n".join(summary) + "\n\nUse these names from now on?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        applied = members.apply_members_csv(path)
        if not applied.ok:
            ProblemsDialog("The members list was not changed", "Nothing has been changed:", problem_lines(applied),
                           self.parent).exec()
            return False
        QMessageBox.information(self.parent, "Members list updated",
                                "The app now offers these names when you write to a devolved Member.")
        return True

"""File → Update members list…: check a devolved members CSV as a whole, then apply all or none."""

from __future__ import annotations

from sirt_desktop.core.representatives import members
from sirt_desktop.core.representatives.devolved import LEGISLATURES
from sirt_desktop.core.representatives.members_csv import SHOWN_PROBLEMS
from sirt_desktop.gui.file_update import FileUpdateController

NOT_CHANGED = "The members list was not changed"


class UpdateMembersController(FileUpdateController):
    title = "Choose the members list (Senedd, Scottish Parliament or Northern Ireland Assembly)"
    file_filter = "Members list (*.csv);;All files (*)"

    not_changed = NOT_CHANGED

    def start(self, path: str) -> None:
        self.in_background(
            lambda: members.validate_members_csv(path),
            lambda report: self._checked(path, report),
            "Checking the members list…",
        )

    def _checked(self, path: str, report) -> None:
        if not report.ok:
            self.prompts.problems(
                NOT_CHANGED,
                "This file cannot be used, so nothing has been changed. These are the problems found "
                "(docs/members.md explains the columns):",
                report.problem_lines(SHOWN_PROBLEMS * 4),
            )
            self.finish(False)
            return
        summary = report.summary_lines()
        others = [
            LEGISLATURES[i].short_name for i in LEGISLATURES if i not in report.legislatures and members.list_date(i)
        ]
        if others:
            summary.append("The names already imported for the " + " and ".join(others) + " stay as they are.")
        if not self.prompts.confirm(
            "Use this members list?", "\n\n".join(summary) + "\n\nUse these names from now on?", yes="Yes", no="No"
        ):
            self.finish(False)
            return
        self.in_background(lambda: members.apply_members_csv(path), self._applied, "Changing to the new members list…")

    def _applied(self, applied) -> None:
        if not applied.ok:
            self.prompts.problems(NOT_CHANGED, "Nothing has been changed:", applied.problem_lines())
            self.finish(False)
            return
        self.finish(True)
        self.prompts.tell("Members list updated", "The app now offers these names when you write to a devolved Member.")

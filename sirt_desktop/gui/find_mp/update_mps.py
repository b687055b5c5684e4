"""File → Update MP list…: check a CSV as a whole, then apply all of it or none of it.

Both the check and the change run in the background; the question in between is asked on
the GUI thread.
"""

from __future__ import annotations

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.representatives import mp_list
from sirt_desktop.core.representatives.mp_csv import ValidationReport
from sirt_desktop.gui.file_update import FileUpdateController

NOT_CHANGED = "The MP list was not changed"


class UpdateMpsController(FileUpdateController):
    title = "Choose the new MP list"
    file_filter = "MP list (*.csv);;All files (*)"
    not_changed = NOT_CHANGED

    def start(self, path: str) -> None:
        self.in_background(
            lambda: mp_list.validate_mp_csv(path), lambda report: self._checked(path, report), "Checking the MP list…"
        )

    def _checked(self, path: str, report: ValidationReport) -> None:
        if not report.ok:
            self.prompts.problems(
                NOT_CHANGED,
                "This file cannot be used, so nothing has been changed. These are the problems found:",
                report.problem_lines(),
            )
            self.finish(False)
            return
        summary = report.summary_lines(most_names=10)
        if not self.prompts.confirm(
            "Use this MP list?", "\n\n".join(summary) + "\n\nUse this list from now on?", yes="Yes", no="No"
        ):
            self.finish(False)
            return

        def apply_and_load() -> ValidationReport:
            applied = mp_list.apply_mp_csv(path, allow_older=True)  # the summary said so, and they said yes
            if applied.ok:
                representatives.reload()
                representatives.mp_list_as_of()  # loads the new list here, not on the GUI thread
            return applied

        self.in_background(apply_and_load, self._applied, "Changing to the new MP list…")

    def _applied(self, applied: ValidationReport) -> None:
        if not applied.ok:
            self.prompts.problems(NOT_CHANGED, "Nothing has been changed:", applied.problem_lines())
            self.finish(False)
            return
        self.finish(True)
        self.prompts.tell(
            "MP list updated",
            f"The app now uses the new MP list, correct as of {long_date(representatives.mp_list_as_of())}.",
        )

"""File → Update MP list…: check a CSV as a whole, then apply all of it or none of it."""

from __future__ import annotations

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.representatives import mp_list
from sirt_desktop.gui.file_update import FileUpdateController

NOT_CHANGED = "The MP list was not changed"


class UpdateMpsController(FileUpdateController):
    title = "Choose the new MP list"
    file_filter = "MP list (*.csv);;All files (*)"

    def apply(self, path: str) -> bool:
        report = mp_list.validate_mp_csv(path)
        if not report.ok:
            self.prompts.problems(
                NOT_CHANGED,
                "This file cannot be used, so nothing has been changed. These are the problems found:",
                report.problem_lines(),
            )
            return False
        summary = report.summary_lines(most_names=10)
        if not self.prompts.confirm(
            "Use this MP list?", "\n\n".join(summary) + "\n\nUse this list from now on?", yes="Yes", no="No"
        ):
            return False
        applied = mp_list.apply_mp_csv(path, allow_older=True)  # the summary said so, and they said yes
        if not applied.ok:
            self.prompts.problems(NOT_CHANGED, "Nothing has been changed:", applied.problem_lines())
            return False
        representatives.reload()
        self.prompts.tell(
            "MP list updated",
            f"The app now uses the new MP list, correct as of {long_date(representatives.mp_list_as_of())}.",
        )
        return True

"""File → Update information…: install a newer content pack, or explain why not."""

from __future__ import annotations

from sirt_desktop.core.content import packs
from sirt_desktop.core.content import store as content
from sirt_desktop.gui.file_update import FileUpdateController


class UpdateContentController(FileUpdateController):
    title = "Choose the information update"
    file_filter = "Information update (*.zip);;All files (*)"

    def apply(self, path: str) -> bool:
        result = packs.install_pack(path)
        if not result.installed:
            problems = [str(problem) for problem in result.report.problems]
            if problems:
                self.prompts.problems("The information was not updated", result.message, problems)
            else:
                self.prompts.tell("The information was not updated", result.message)
            return False
        content.reload_content()
        self.prompts.tell("Information updated", result.message)
        return True

"""File → Update information…: install a newer content pack (in the background), or explain why not."""

from __future__ import annotations

from sirt_desktop.core.content import packs
from sirt_desktop.core.content import store as content
from sirt_desktop.gui.file_update import FileUpdateController


class UpdateContentController(FileUpdateController):
    title = "Choose the information update"
    file_filter = "Information update (*.zip);;All files (*)"
    not_changed = "The information was not updated"

    def start(self, path: str) -> None:
        def install() -> packs.InstallResult:
            result = packs.install_pack(path)
            if result.installed:
                content.reload_content()
                content.active_content()  # parse the new pages here, not on the GUI thread
            return result

        self.in_background(install, self._installed, "Installing the information update…")

    def _installed(self, result: packs.InstallResult) -> None:
        if not result.installed:
            problems = [str(problem) for problem in result.report.problems]
            if problems:
                self.prompts.problems(self.not_changed, result.message, problems)
            else:
                self.prompts.tell(self.not_changed, result.message)
            self.finish(False)
            return
        self.finish(True)
        self.prompts.tell("Information updated", result.message)

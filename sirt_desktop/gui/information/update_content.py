"""File → Update information…: install a newer content pack, or explain why not."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sirt_desktop.core.content import store as content
from sirt_desktop.core.content import packs as content_pack
from sirt_desktop.gui.common.file_update import FileUpdateController
from sirt_desktop.gui.common.problems_dialog import ProblemsDialog


class UpdateContentController(FileUpdateController):
    title = "Choose the information update"
    file_filter = "Information update (*.zip);;All files (*)"

    def apply(self, path: str) -> bool:
        result = content_pack.install_pack(path)
        if not result.installed:
            problems = list(result.report.problems)
            if problems:
                ProblemsDialog("The information was not updated", result.message, problems, self.parent).exec()
            else:
                QMessageBox.information(self.parent, "The information was not updated", result.message)
            return False
        content.reload_content()
        QMessageBox.information(self.parent, "Information updated", result.message)
        return True

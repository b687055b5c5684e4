"""File → Update information…: install a newer content pack, or explain why not."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sirt_desktop.core import content, content_pack
from sirt_desktop.gui.views.problems_dialog import ProblemsDialog


class UpdateContentController:
    def __init__(self, parent: QWidget, on_updated: Callable[[], None] | None = None) -> None:
        self.parent = parent
        self.on_updated = on_updated

    def run(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self.parent, "Choose the information update", "", "Information update (*.zip);;All files (*)"
            )
            if not path:
                return False
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
        if self.on_updated:
            self.on_updated()
        return True

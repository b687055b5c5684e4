"""Every question and message box the app shows, behind one object that can be replaced.

Controllers never call ``QMessageBox`` or ``QFileDialog`` themselves: they are given a
``Prompts`` (the shell hands the same ``QtPrompts`` to each) and ask it. Tests give a fake
that answers from a list and fails on any question nobody expected, so a test can never hang
on a modal box.

The safe answer is always the default button: "No", "Keep it", "Go back".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompts(Protocol):
    def go_on_anyway(self, title: str, text: str) -> bool:
        """Words would be lost: "Go on anyway?" Yes or No (the default)."""
        ...

    def confirm(self, title: str, text: str, yes: str, no: str, destructive: bool = False) -> bool:
        """A choice with two named buttons; ``no`` is the default. True for ``yes``."""
        ...

    def tell(self, title: str, text: str) -> None:
        """Something happened (information)."""
        ...

    def problem(self, text: str, title: str = "That did not work") -> None:
        """Something did not work, in plain words."""
        ...

    def problems(self, title: str, text: str, items: Sequence[str]) -> None:
        """A list of problems (a file that was refused, line by line)."""
        ...

    def open_path(self, title: str, file_filter: str) -> str | None:
        """A file to read, or None if the person cancelled."""
        ...

    def save_path(self, title: str, suggested: str, file_filter: str) -> str | None:
        """Where to write a file, or None if the person cancelled."""
        ...


class QtPrompts:
    """``Prompts`` as Qt dialogs over ``parent``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def go_on_anyway(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            title,
            f"{text}\n\nGo on anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm(self, title: str, text: str, yes: str, no: str, destructive: bool = False) -> bool:
        icon = QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question
        box = QMessageBox(icon, title, text, parent=self.parent)
        role = QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
        yes_button = box.addButton(yes, role)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def tell(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def problem(self, text: str, title: str = "That did not work") -> None:
        QMessageBox.warning(self.parent, title, text)

    def problems(self, title: str, text: str, items: Sequence[str]) -> None:
        from sirt_desktop.gui.common.problems_dialog import ProblemsDialog  # noqa: PLC0415 (start-up: a dialog class)

        ProblemsDialog(title, text, list(items), self.parent).exec()

    def open_path(self, title: str, file_filter: str) -> str | None:
        path, _chosen_filter = QFileDialog.getOpenFileName(self.parent, title, "", file_filter)
        return path or None

    def save_path(self, title: str, suggested: str, file_filter: str) -> str | None:
        path, _chosen_filter = QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)
        return path or None

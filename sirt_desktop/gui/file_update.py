"""The shape both File → Update… commands share: choose a file, then check and apply it."""

from __future__ import annotations

from collections.abc import Callable

from sirt_desktop.gui.prompts import Prompts


class FileUpdateController:
    """Subclasses set ``title`` and ``file_filter`` and implement ``apply(path) -> bool``."""

    title = "Choose a file"
    file_filter = "All files (*)"

    def __init__(self, prompts: Prompts, on_updated: Callable[[], None] | None = None) -> None:
        self.prompts = prompts
        self.on_updated = on_updated

    def run(self, path: str | None = None) -> bool:
        """Ask for the file (unless given), apply it, and tell the caller if anything changed."""
        if path is None:
            path = self.prompts.open_path(self.title, self.file_filter)
            if not path:
                return False
        changed = self.apply(path)
        if changed and self.on_updated:
            self.on_updated()
        return changed

    def apply(self, path: str) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError

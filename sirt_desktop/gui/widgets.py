"""Small shared widgets: headings and paragraphs that follow the app's text size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from sirt_desktop.gui.theme import scaled_font


class FollowsAppFont:
    """Mixin for widgets sized from the app font: ``refresh_fonts()`` runs whenever the text
    size changes. Qt tells only top-level windows (ApplicationFontChange), and widgets with a
    font of their own (headings) hear nothing, so the window passes it on to its children."""

    def event(self, event) -> bool:  # noqa: D102 - Qt's name
        if event.type() == QEvent.Type.ApplicationFontChange:
            for widget in (self, *self.findChildren(QWidget)):
                refresh = getattr(widget, "refresh_fonts", None)
                if callable(refresh):
                    refresh()
        return super().event(event)

    def refresh_fonts(self) -> None:  # pragma: no cover - overridden
        pass


class Heading(FollowsAppFont, QLabel):
    """A heading sized relative to the app font (level 1 largest)."""

    _FACTORS = {1: 1.6, 2: 1.3, 3: 1.1}

    def __init__(self, text: str, level: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.level = level
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(text)
        self.refresh_fonts()

    def refresh_fonts(self) -> None:
        self.setFont(scaled_font(QApplication.font(), self._FACTORS.get(self.level, 1.0), bold=True))


class Paragraph(QLabel):
    """Wrapped body text; plain text unless ``rich`` is set."""

    def __init__(self, text: str, rich: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if rich:
            self.setOpenExternalLinks(False)

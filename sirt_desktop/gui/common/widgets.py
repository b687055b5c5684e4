"""Small shared widgets: headings and paragraphs that follow the app's text size."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from sirt_desktop.gui.theme import scaled_font


class EnterPressesButtons(QObject):
    """Return or Enter on a focused button presses it, as Space does. Many people expect it,
    and outside dialogs Qt does not do it by itself. Installed on each page's buttons (an
    application-wide filter would send every event of the app through Python)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and isinstance(watched, QPushButton)
            and watched.isEnabled()
        ):
            watched.animateClick()
            return True
        return False

    def watch(self, root: QWidget) -> None:
        for button in root.findChildren(QPushButton):
            button.installEventFilter(self)


class FollowsAppFont:
    """Mixin for top-level windows: when the text size changes (Qt tells only top-level
    windows, with ApplicationFontChange), call ``refresh_fonts()`` on the window and on every
    child that has one. Children just define ``refresh_fonts()``; they do not use this mixin,
    which would send all their events through Python."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            window: QWidget = self  # type: ignore[assignment]  # mixed into a QWidget subclass
            for widget in (window, *window.findChildren(QWidget)):
                refresh = getattr(widget, "refresh_fonts", None)
                if callable(refresh):
                    refresh()
        handled: bool = super().event(event)  # type: ignore[misc]  # QWidget.event, next in the MRO
        return handled

    def refresh_fonts(self) -> None:  # pragma: no cover - overridden
        pass


class Heading(QLabel):
    """A heading sized relative to the app font (level 1 largest)."""

    _FACTORS: ClassVar[dict[int, float]] = {1: 1.6, 2: 1.3, 3: 1.1}

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

"""Text size and colours, applied to the whole application.

Text size scales the system's own default font (never a fixed point size), so the app
follows what the person chose for their desktop and then makes it larger if they ask.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}


# Colours chosen for contrast: body text on its background is above WCAG AAA (7:1) in both.
_LIGHT = {
    QPalette.ColorRole.Window: "#f4f4f2",
    QPalette.ColorRole.WindowText: "#1a1a1a",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#eeeeea",
    QPalette.ColorRole.Text: "#1a1a1a",
    QPalette.ColorRole.Button: "#e6e6e2",
    QPalette.ColorRole.ButtonText: "#1a1a1a",
    QPalette.ColorRole.Highlight: "#1d5c8c",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#0b4f8a",
    QPalette.ColorRole.LinkVisited: "#5b2a86",
    QPalette.ColorRole.ToolTipBase: "#ffffe8",
    QPalette.ColorRole.ToolTipText: "#1a1a1a",
    QPalette.ColorRole.PlaceholderText: "#5f6368",
}
_DARK = {
    QPalette.ColorRole.Window: "#1e1f22",
    QPalette.ColorRole.WindowText: "#ececec",
    QPalette.ColorRole.Base: "#26282b",
    QPalette.ColorRole.AlternateBase: "#2e3034",
    QPalette.ColorRole.Text: "#ececec",
    QPalette.ColorRole.Button: "#34363a",
    QPalette.ColorRole.ButtonText: "#ececec",
    QPalette.ColorRole.Highlight: "#8ab4f8",
    QPalette.ColorRole.HighlightedText: "#111111",
    QPalette.ColorRole.Link: "#9cc3ff",
    QPalette.ColorRole.LinkVisited: "#d0a8ff",
    QPalette.ColorRole.ToolTipBase: "#34363a",
    QPalette.ColorRole.ToolTipText: "#ececec",
    QPalette.ColorRole.PlaceholderText: "#a0a4a8",
}


def _palette(colours: dict) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(colours[QPalette.ColorRole.PlaceholderText])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


class Theme:
    """Remembers the system font and palette at start-up; every change is computed from them."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.base_font = QFont(app.font())
        self.system_palette = QPalette(app.palette())
        self.scheme = "system"

    def apply(self, text_scale: int, scheme: str) -> None:
        font = QFont(self.base_font)
        if self.base_font.pointSizeF() > 0:
            font.setPointSizeF(self.base_font.pointSizeF() * text_scale / 100)
        else:  # some platforms give the default font in pixels
            font.setPixelSize(max(1, round(self.base_font.pixelSize() * text_scale / 100)))
        self.app.setFont(font)
        # Ask the platform too (it repaints native parts where it can), but do not rely on
        # it: many Linux desktops ignore it, so light and dark set an explicit palette.
        QGuiApplication.styleHints().setColorScheme(_SCHEMES.get(scheme, Qt.ColorScheme.Unknown))
        if scheme == "light":
            self._use_fusion()
            self.app.setPalette(_palette(_LIGHT))
        elif scheme == "dark":
            self._use_fusion()
            self.app.setPalette(_palette(_DARK))
        else:
            self.app.setPalette(self.system_palette)
        self.scheme = scheme
        # Widgets that cached a font (e.g. headings made larger) rebuild from the new one.
        for widget in self.app.allWidgets():
            refresh = getattr(widget, "refresh_fonts", None)
            if callable(refresh):
                refresh()

    def _use_fusion(self) -> None:
        # Fusion draws every control from the palette, so light and dark look complete.
        if self.app.style().name().lower() != "fusion":
            self.app.setStyle(QStyleFactory.create("Fusion"))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    """A font relative to ``base`` (for headings), never an absolute size."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    else:
        font.setPixelSize(max(1, round(base.pixelSize() * factor)))
    font.setBold(bold)
    return font

"""Text size and colours, applied to the whole application.

Text size scales the system's own default font (never a fixed point size), so the app
follows what the person chose for their desktop and then makes it larger if they ask.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
)

_SCHEMES = {"system": "Unknown", "light": "Light", "dark": "Dark"}

# The focus ring (gui/common/focus.py), as GOV.UK's: yellow outside black. Yellow reads on a
# dark background (about 14:1 on #1e1f22), black on a light one (about 19:1 on #f4f4f2).
FOCUS_OUTER = "#ffdd00"
FOCUS_INNER = "#0b0c0c"
# Found words (search results, Find on this page): black on yellow, like a highlighter pen.
MARK_BACKGROUND = FOCUS_OUTER
MARK_TEXT = FOCUS_INNER


# Colours chosen for contrast: body text on its background is above WCAG AAA (7:1) in both.
_LIGHT = {
    "Window": "#f4f4f2",
    "WindowText": "#1a1a1a",
    "Base": "#ffffff",
    "AlternateBase": "#eeeeea",
    "Text": "#1a1a1a",
    "Button": "#e6e6e2",
    "ButtonText": "#1a1a1a",
    "Highlight": "#1d5c8c",
    "HighlightedText": "#ffffff",
    "Link": "#0b4f8a",
    "LinkVisited": "#5b2a86",
    "ToolTipBase": "#ffffe8",
    "ToolTipText": "#1a1a1a",
    "PlaceholderText": "#5f6368",
    "Light": "#ffffff",
    "Midlight": "#e0e0dc",
    "Mid": "#8c8c88",
    "Dark": "#5f5f5b",
    "Shadow": "#303030",
}
_DARK = {
    "Window": "#1e1f22",
    "WindowText": "#ececec",
    "Base": "#26282b",
    "AlternateBase": "#2e3034",
    "Text": "#ececec",
    "Button": "#34363a",
    "ButtonText": "#ececec",
    "Highlight": "#8ab4f8",
    "HighlightedText": "#111111",
    "Link": "#9cc3ff",
    "LinkVisited": "#d0a8ff",
    "ToolTipBase": "#34363a",
    "ToolTipText": "#ececec",
    "PlaceholderText": "#a0a4a8",
    # Fusion draws outlines and radio/check indicators from these.
    "Light": "#6b6f75",
    "Midlight": "#4a4d52",
    "Mid": "#8a8e94",
    "Dark": "#9a9ea4",
    "Shadow": "#000000",
}


def _palette(colours: dict[str, str]) -> QPalette:
    # Roles are looked up by name here, not at import: PySide6 builds enums lazily, and
    # touching them all at import would slow start-up for people who never change colours.
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    disabled = QColor(colours["PlaceholderText"])
    for disabled_role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, disabled_role, disabled)
    return palette


def readable_style():
    """Fusion, with tick boxes and round option buttons as tall as the text beside them, so
    they grow with the text size instead of staying a fixed 13 pixels. (Defined on first use:
    creating a QStyle subclass costs start-up time.)"""
    outlined = {
        QStyle.PrimitiveElement.PE_PanelButtonCommand,
        QStyle.PrimitiveElement.PE_PanelLineEdit,
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    }

    class ReadableStyle(QProxyStyle):
        _INDICATORS = (
            "PM_IndicatorWidth",
            "PM_IndicatorHeight",
            "PM_ExclusiveIndicatorWidth",
            "PM_ExclusiveIndicatorHeight",
        )

        def __init__(self) -> None:
            super().__init__(QStyleFactory.create("Fusion"))
            self._indicator_metrics = {getattr(QStyle.PixelMetric, name) for name in self._INDICATORS}

        def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 (Qt's name)
            """Fusion draws field borders and tick boxes barely darker than the window (about
            1.1:1 in dark colours); draw a clear outline over them (at least 3:1)."""
            if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
                # The focus ring (gui/common/focus.py) marks the control; inside a list a
                # 2-pixel ring in the highlight colour marks the current row.
                if not isinstance(widget, QAbstractItemView):
                    return
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 2, 2)
                painter.restore()
                return
            super().drawPrimitive(element, option, painter, widget)
            framed_field = element == QStyle.PrimitiveElement.PE_Frame and isinstance(widget, QAbstractScrollArea)
            if (element not in outlined and not framed_field) or option.rect.width() < 4:
                return
            palette = option.palette
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(outline_colour(palette), 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            rect = QRectF(option.rect).adjusted(0.6, 0.6, -0.6, -0.6)
            if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
                side = min(rect.width(), rect.height())
                painter.drawEllipse(QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side))
            else:
                painter.drawRoundedRect(rect, 2, 2)
            painter.restore()

        def styleHint(self, hint, option=None, widget=None, return_data=None):  # noqa: N802 (Qt's name)
            # No icons on dialog buttons: Fusion's are dark on dark (the × of Close nearly
            # vanished in dark colours) and the words say it all.
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 0
            return super().styleHint(hint, option, widget, return_data)

        def pixelMetric(self, metric, option=None, widget=None):  # noqa: N802 (Qt's name)
            base = super().pixelMetric(metric, option, widget)
            if metric in self._indicator_metrics:
                height = QFontMetrics(QApplication.font()).height()
                return max(base, round(height * 0.95))
            return base

    return ReadableStyle()


class Theme:
    """Remembers the system font and palette at start-up; every change is computed from them."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.base_font = QFont(app.font())
        self.style_installed = False
        self.system_palette = QPalette(app.palette())
        # Many desktops draw example text in empty fields at about 2.3:1; make it readable.
        self.system_palette.setColor(
            QPalette.ColorRole.PlaceholderText,
            mix(
                self.system_palette.color(QPalette.ColorRole.Text),
                self.system_palette.color(QPalette.ColorRole.Base),
                0.6,
            ),
        )
        self.system_palette = readable_palette(self.system_palette)
        self.scheme = "system"

    def install_style(self) -> None:
        """Install the readable style. Called just after the first screen appears (which has
        no tick boxes): building the style costs start-up time the first screen does not need."""
        if not self.style_installed:
            self.app.setStyle(readable_style())
            self.style_installed = True

    def apply(self, text_scale: int, scheme: str) -> None:
        font = QFont(self.base_font)
        if self.base_font.pointSizeF() > 0:
            font.setPointSizeF(self.base_font.pointSizeF() * text_scale / 100)
        else:  # some platforms give the default font in pixels
            font.setPixelSize(max(1, round(self.base_font.pixelSize() * text_scale / 100)))
        self.app.setFont(font)
        # Ask the platform too (it repaints native parts where it can), but do not rely on
        # it: many Linux desktops ignore it, so light and dark set an explicit palette.
        if scheme != "system" or self.scheme != "system":
            QGuiApplication.styleHints().setColorScheme(getattr(Qt.ColorScheme, _SCHEMES.get(scheme, "Unknown")))
        if scheme in ("light", "dark"):
            self.install_style()  # Fusion draws every control from the palette
        if scheme == "light":
            self.app.setPalette(_palette(_LIGHT))
        elif scheme == "dark":
            self.app.setPalette(_palette(_DARK))
        else:
            self.app.setPalette(self.system_palette)
        self.scheme = scheme
        # Widgets sized from the font (headings, the navigation) follow Qt's own
        # ApplicationFontChange event: see widgets.FollowsAppFont.


def recolour_links(document, colour: QColor) -> None:
    """Give every link in a rendered document ``colour``. Rendering (Markdown or HTML) fixes
    each link's colour from the palette of that moment; after a change of colours the page
    would keep the old one (pure blue on a dark background)."""
    ranges = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref() and fmt.foreground().color() != colour:
                ranges.append((fragment.position(), fragment.length()))
            iterator += 1
        block = block.next()
    if not ranges:
        return
    recolour = QTextCharFormat()
    recolour.setForeground(colour)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position, length in ranges:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(recolour)
    cursor.endEditBlock()


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance (0 black to 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio between two colours, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def with_contrast(colour: QColor, backgrounds: list[QColor], minimum: float = 4.5) -> QColor:
    """``colour`` if it already reaches ``minimum`` against every background; otherwise the
    nearest colour of the same hue, lighter or darker (whichever gets there), that does, with
    a little to spare (0.1) so that rounding in another tool never puts it under."""
    if all(contrast(colour, bg) >= minimum for bg in backgrounds):
        return QColor(colour)
    aim = minimum + 0.1
    target = QColor("#000000") if luminance(max(backgrounds, key=luminance)) > 0.18 else QColor("#ffffff")
    for step in range(1, 101):  # the least change towards black (or white) that is enough
        candidate = mix(target, colour, step / 100)
        if all(contrast(candidate, bg) >= aim for bg in backgrounds):
            return candidate
    return target


def readable_palette(palette: QPalette, minimum: float = 4.5) -> QPalette:
    """The palette with links, selected text and example text lifted to ``minimum`` contrast
    wherever they fall short (WCAG AA for text); colours that already reach it are kept."""
    result = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        base = palette.color(group, QPalette.ColorRole.Base)
        window = palette.color(group, QPalette.ColorRole.Window)
        for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
            result.setColor(group, role, with_contrast(palette.color(group, role), [base, window], minimum))
        result.setColor(
            group,
            QPalette.ColorRole.PlaceholderText,
            with_contrast(palette.color(group, QPalette.ColorRole.PlaceholderText), [base], minimum),
        )
        # The selection: move the highlight away from its text colour until the text reads.
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        result.setColor(
            group,
            QPalette.ColorRole.Highlight,
            with_contrast(palette.color(group, QPalette.ColorRole.Highlight), [text], minimum),
        )
    return result


def mix(a: QColor, b: QColor, amount_a: float) -> QColor:
    return QColor(
        round(a.red() * amount_a + b.red() * (1 - amount_a)),
        round(a.green() * amount_a + b.green() * (1 - amount_a)),
        round(a.blue() * amount_a + b.blue() * (1 - amount_a)),
    )


def outline_colour(palette: QPalette) -> QColor:
    """Between the text and background colours: at least 3:1 against either background."""
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.55)


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

"""Small shared widgets: headings and paragraphs that follow the app's text size, list rows
that wrap without being cut off, and a text browser whose links follow the colours."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFontMetrics, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QLabel,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QWidget,
)

from sirt_desktop.gui.theme import recolour_links, scaled_font

# An item's text as simple HTML (for example a search match in <b>), drawn instead of its
# plain DisplayRole text; screen readers still read the plain text.
RICH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 40


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


class ReadingBrowser(QTextBrowser):
    """A read-only page of text whose links take the new link colour when the colours change
    (a rendered page otherwise keeps the colour of the moment it was rendered)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document().setUndoRedoEnabled(False)

    def setDocument(self, document) -> None:  # noqa: N802 (Qt's name)
        super().setDocument(document)
        document.setUndoRedoEnabled(False)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.document().setUndoRedoEnabled(False)
            recolour_links(self.document(), self.palette().color(QPalette.ColorRole.Link))


class WrappedItemDelegate(QStyledItemDelegate):
    """List rows that wrap their text at the list's width and are always tall enough for all of
    it, with room around the text measured in em, so nothing is cut off at any text size.

    The style draws the row itself (background, selection, tick box, focus); the text is laid
    out by a QTextDocument at the width the style gives it, and the row's height is measured
    the same way. (A style sheet's padding made rows measure narrower text than they drew, so
    the last line of a highlighted row was clipped, and it froze the list's colours.)"""

    def __init__(self, view: QAbstractItemView, padding_em: float = 0.35, side_em: float | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.padding_em = padding_em
        self.side_em = padding_em if side_em is None else side_em

    def _padding(self, option: QStyleOptionViewItem) -> tuple[int, int]:
        height = option.fontMetrics.height()
        return round(height * self.padding_em), round(height * self.side_em)

    def _document(self, option: QStyleOptionViewItem, index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        rich = index.data(RICH_TEXT_ROLE)
        if rich:
            document.setHtml(rich)
        else:
            document.setPlainText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        document.setTextWidth(max(10, width))
        return document

    def _text_rect(self, option: QStyleOptionViewItem, widget: QWidget) -> QRect:
        vertical, side = self._padding(option)
        rect = widget.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        return rect.adjusted(side, vertical, -side, -vertical)

    def _row_width(self) -> int:
        spacing = self.view.spacing() if isinstance(self.view, QListView) else 0
        return max(50, self.view.viewport().width() - 2 * spacing)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt's name)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._row_width()
        opt.rect = QRect(0, 0, width, 10_000)
        text_rect = self._text_rect(opt, self.view)
        document = self._document(opt, index, text_rect.width())
        vertical, _side = self._padding(opt)
        indicator = 0
        if opt.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator:
            indicator = self.view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, opt, self.view)
        height = max(round(document.size().height()), indicator) + 2 * vertical + 2
        return QSize(width, height)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget or self.view
        text_rect = self._text_rect(opt, widget)
        opt.text = ""
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        document = self._document(opt, index, text_rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        )
        if not opt.state & QStyle.StateFlag.State_Enabled:
            group = QPalette.ColorGroup.Disabled
        context = QAbstractTextDocumentLayout.PaintContext()
        colour = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        top = text_rect.top() + max(0, (text_rect.height() - round(document.size().height())) // 2)
        painter.save()
        painter.translate(text_rect.left(), top)
        painter.setClipRect(QRect(0, 0, text_rect.width(), text_rect.height() + text_rect.top() - top))
        document.documentLayout().draw(painter, context)
        painter.restore()


def wrap_rows(view: QListView, padding_em: float = 0.35, side_em: float | None = None) -> WrappedItemDelegate:
    """Give ``view`` rows that wrap and grow with their text (see WrappedItemDelegate)."""
    delegate = WrappedItemDelegate(view, padding_em, side_em)
    view.setItemDelegate(delegate)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return delegate


class LinesBox(QPlainTextEdit):
    """A box for a few lines (an address, notes) that is always tall enough to show them all:
    at least ``rows`` lines of the current text size, and one more line than it holds, so
    every line shows at 200% text too (a fixed height showed two lines of a four-line address)."""

    def __init__(self, rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def _fit(self) -> None:
        lines = max(self.rows, round(self.document().size().height()) + 1)
        frame = 2 * self.frameWidth() + round(2 * self.document().documentMargin()) + 4
        height = QFontMetrics(self.font()).lineSpacing() * lines + frame
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()


class WholeList(QListWidget):
    """A short list shown whole, inside a panel that scrolls: as tall as all its rows at the
    width it has, so no row hides below its edge at any text size.

    With ``most_rows``, a longer list is as tall as its first ``most_rows`` rows (each whole)
    and scrolls up and down for the rest; it never scrolls sideways."""

    def __init__(self, parent: QWidget | None = None, most_rows: int | None = None) -> None:
        super().__init__(parent)
        wrap_rows(self)
        self.most_rows = most_rows
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if most_rows is None else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self._width = -1
        model = self.model()
        model.rowsInserted.connect(lambda *_: self.fit_height())
        model.rowsRemoved.connect(lambda *_: self.fit_height())
        model.modelReset.connect(self.fit_height)

    def fit_height(self) -> None:
        shown = self.count() if self.most_rows is None else min(self.count(), self.most_rows)
        rows = sum(self.sizeHintForRow(row) + 2 * self.spacing() for row in range(shown))
        if not self.count():
            rows = QFontMetrics(self.font()).lineSpacing() * 2
        self.setFixedHeight(rows + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.width() != self._width:
            self._width = self.width()
            self.fit_height()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_height()


class Choices(QComboBox):
    """A drop-down list that is as wide as its row lets it be, not as wide as its longest
    choice: a long choice ("To my MSP, MS or MLA", a long kind of letter) at 200% text made
    the whole page wider than the window, so the page scrolled sideways and its words were cut
    at the right. The list that opens still shows every choice in full (up to the screen's
    width)."""

    def __init__(self, parent: QWidget | None = None, min_chars: int = 10) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min_chars)

    def showPopup(self) -> None:  # noqa: N802 (Qt's name)
        view = self.view()
        wanted = view.sizeHintForColumn(0) + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        screen = self.screen()
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().width())
        view.setMinimumWidth(max(self.width(), wanted))
        super().showPopup()


_ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


class ArrowsChoose(QObject):
    """The arrow keys choose in a set of option buttons even when none is chosen yet.

    Qt's option buttons click the next one on an arrow key only when the focused one is
    ticked; with nothing chosen yet (a "Did a reply come?" question) the arrows moved the
    focus alone, Save stayed greyed and only Space chose. Here an arrow on an unticked option
    moves as Qt does, then chooses the option it moved to (or the focused one, at either end).
    Enter then presses the dialog's default button, as QDialog does for any control once that
    button is enabled."""

    def __init__(self, group: QButtonGroup) -> None:
        super().__init__(group)
        self.group = group

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QAbstractButton):
            return False
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if not plain or watched not in self.group.buttons():
            return False
        if event.key() in _ARROWS and not watched.isChecked():
            watched.keyPressEvent(event)  # Qt's own move to the next option in that direction
            moved = QApplication.focusWidget()
            target = moved if isinstance(moved, QAbstractButton) and moved in self.group.buttons() else watched
            if target.isEnabled() and not target.isChecked():
                target.click()
            return True
        return False


def tab_to_checked(group: QButtonGroup) -> None:
    """A set of option buttons is one Tab stop, on the chosen one (as on the web): Tab lands on
    the ticked option and the arrow keys move the choice. Qt's own order puts every option in
    the Tab chain, so Tab could land on an unchosen one, where the arrows only moved the focus.

    The arrow keys choose even before anything is chosen (``ArrowsChoose``)."""

    def update(*_args) -> None:
        buttons = group.buttons()
        chosen = group.checkedButton()
        for button in buttons:
            takes_tab = chosen is None or button is chosen
            wanted = Qt.FocusPolicy.StrongFocus if takes_tab else Qt.FocusPolicy.ClickFocus
            if button.focusPolicy() != wanted:
                button.setFocusPolicy(wanted)

    # The group's signal, not each button's: it still comes when a view sets a value with the
    # button's own signals blocked.
    group.buttonToggled.connect(update)
    update()
    arrows = ArrowsChoose(group)
    for button in group.buttons():
        button.installEventFilter(arrows)

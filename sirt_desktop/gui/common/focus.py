"""A thick, high-contrast ring around whatever has the keyboard focus, in every window.

Modelled on GOV.UK's focus style: a yellow band outside a black one. Yellow stands out on a
dark background and black on a light one, so the ring is clear in every colour scheme, on
every kind of control (the style's own focus marks were nearly invisible on buttons and lists).

One ring per window follows the focus (``QApplication.focusChanged``). It watches only the
focused widget and the widgets it sits in, so it moves when the page scrolls or the layout
changes, and it never takes the mouse or the keyboard.

The newly focused widget is also scrolled into view in every scroll area it sits in, inner
first: Qt does this only for the scroll area the Tab key passed through, so a field inside
a scrolled step of a scrolled page could take the focus out of sight at large text sizes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QScrollArea, QTabBar, QWidget
from shiboken6 import isValid

from sirt_desktop.gui.theme import FOCUS_INNER, FOCUS_OUTER

OUTER = 3  # pixels of yellow
INNER = 2  # pixels of black, between the yellow and the control
MARGIN = OUTER + INNER


class FocusRing(QWidget):
    """Drawn around ``target`` (outside its edges), as a child of the target's window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("FocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        rect = self.rect()
        outer, inner = QColor(FOCUS_OUTER), QColor(FOCUS_INNER)
        for band, colour, inset in ((OUTER, outer, 0), (INNER, inner, OUTER)):
            r = rect.adjusted(inset, inset, -inset, -inset)
            painter.fillRect(QRect(r.left(), r.top(), r.width(), band), colour)
            painter.fillRect(QRect(r.left(), r.bottom() - band + 1, r.width(), band), colour)
            painter.fillRect(QRect(r.left(), r.top(), band, r.height()), colour)
            painter.fillRect(QRect(r.right() - band + 1, r.top(), band, r.height()), colour)
        painter.end()

    def place(self) -> None:
        target = self.target
        if target is None or not target.isVisible():
            self.hide()
            return
        visible = focus_area(target)
        window = self.parentWidget()
        if window is None:
            return
        top_left = target.mapTo(window, visible.topLeft())
        rect = QRect(top_left, visible.size()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.setGeometry(rect.intersected(window.rect()))
        self.raise_()
        self.show()
        self.update()


def focus_area(widget: QWidget) -> QRect:
    """The part of ``widget`` the ring goes round: what shows of it, and for a row of tabs
    just the chosen tab (the row spans the page, so a ring round it would say little; the
    ring moves with the chosen tab)."""
    visible = widget.visibleRegion().boundingRect()
    if visible.isEmpty():
        visible = widget.rect()
    if isinstance(widget, QTabBar) and widget.currentIndex() >= 0:
        tab = widget.tabRect(widget.currentIndex()).intersected(visible)
        if not tab.isEmpty():
            return tab
    return visible


class FocusRings(QObject):
    """Moves a window's ring to the widget that has the focus."""

    _WATCHED = (
        QEvent.Type.Move,
        QEvent.Type.Resize,
        QEvent.Type.Show,
        QEvent.Type.Hide,
        QEvent.Type.ParentChange,
        QEvent.Type.LayoutRequest,
    )

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._rings: dict[int, FocusRing] = {}
        self._watched: list[QWidget] = []
        self._ring: FocusRing | None = None
        self._tabs: QTabBar | None = None
        app.focusChanged.connect(self._focus_changed)

    def ring_for(self, window: QWidget) -> FocusRing:
        ring = self._rings.get(id(window))
        if ring is None or not _alive(ring):
            ring = FocusRing(window)
            self._rings[id(window)] = ring
            key = id(window)
            ring.destroyed.connect(lambda *_args: self._rings.pop(key, None))
        return ring

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._unwatch()
        if self._ring is not None and _alive(self._ring):
            self._ring.target = None
            self._ring.hide()
        self._ring = None
        if new is None or new.isWindow() or new.window().windowType() == Qt.WindowType.Popup:
            return
        show_in_scroll_areas(new)
        # Once more after pending layouts (a step that has just grown has not yet told its
        # scroll area how far it can scroll).
        QTimer.singleShot(0, lambda: self._show_later(new))
        ring = self.ring_for(new.window())
        ring.target = new
        self._ring = ring
        widget: QWidget | None = new
        while widget is not None and not widget.isWindow():
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        if isinstance(new, QTabBar):
            new.currentChanged.connect(self._tab_changed)
            self._tabs = new
        ring.place()

    def _show_later(self, widget: QWidget) -> None:
        if _alive(widget) and QApplication.focusWidget() is widget:
            show_in_scroll_areas(widget)

    def _tab_changed(self, _index: int) -> None:
        if self._ring is not None and _alive(self._ring):
            self._ring.place()

    def _unwatch(self) -> None:
        for widget in self._watched:
            if _alive(widget):
                widget.removeEventFilter(self)
        self._watched = []
        if self._tabs is not None and _alive(self._tabs):
            self._tabs.currentChanged.disconnect(self._tab_changed)
        self._tabs = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in self._WATCHED and self._ring is not None and _alive(self._ring):
            if self._ring.target is None or not _alive(self._ring.target):
                self._ring.hide()
            else:
                self._ring.place()
        return False


def show_in_scroll_areas(widget: QWidget) -> None:
    """Scroll ``widget`` into view in each scroll area around it, from the inside out."""
    margin = max(8, widget.fontMetrics().height() // 2)
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and parent is area.viewport() and area.widget() is not None:
            _ensure_visible(area, widget, margin)
        parent = area if isinstance(area, QScrollArea) and parent is area.viewport() else parent.parentWidget()


def _ensure_visible(area: QScrollArea, widget: QWidget, margin: int) -> None:
    """The whole widget when it fits the view (Qt would show only a list's current row, or a
    field's cursor); otherwise Qt's own choice of the part that matters."""
    content = area.widget()
    if content is None:
        return
    rect = QRect(widget.mapTo(content, QPoint(0, 0)), widget.size()).adjusted(-margin, -margin, margin, margin)
    view = area.viewport().size()
    if rect.height() > view.height() or rect.width() > view.width():
        area.ensureWidgetVisible(widget, margin, margin)
        return
    for bar, start, end, size in (
        (area.verticalScrollBar(), rect.top(), rect.bottom(), view.height()),
        (area.horizontalScrollBar(), rect.left(), rect.right(), view.width()),
    ):
        if start < bar.value():
            bar.setValue(start)
        elif end > bar.value() + size:
            bar.setValue(end - size + 1)


def _alive(obj: QObject) -> bool:
    return isValid(obj)


_installed: list[FocusRings] = []


def install_focus_rings(app: QApplication) -> FocusRings:
    """Once per application (later calls return the same follower)."""
    if not _installed or not _alive(_installed[0]):
        _installed[:] = [FocusRings(app)]
    return _installed[0]


def give_focus_back(widget: QWidget) -> None:
    """Put the keyboard on ``widget`` after a dialog over its window has closed.

    When nothing takes the keyboard back once a dialog closes (a desktop with no window
    manager), no window of the app is active: the focus was nowhere and no ring showed, after
    printing, or saving a reply. The window is made active again, only when no window of the
    app is, and once more after the closing dialog's last events."""

    def give() -> None:
        if not _alive(widget) or not widget.isVisible():
            return
        window = widget.window()
        if QApplication.activeWindow() is None and QApplication.activeModalWidget() is None:
            window.activateWindow()
        if QApplication.activeModalWidget() is None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    give()
    QTimer.singleShot(0, give)

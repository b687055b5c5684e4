"""Keyboard focus: every Tab stop is a visible, named control, and wherever the focus is, a
thick yellow-and-black ring is painted around it, in light and dark colours.

The test walks the real Tab chain of every screen (each section, each letter step, the
checklist, My letters with letters in it) with key presses, and checks the painted window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from sirt_desktop.gui.common.focus import focus_area
from sirt_desktop.gui.theme import FOCUS_INNER, FOCUS_OUTER, contrast
from tests.gui.accessibility import accessible_name

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QAbstractItemView,
    QComboBox,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
    QAbstractSlider,
    QPdfView,
)


def _screens(shell):
    """(name, how to show it) for every screen a person can Tab around."""
    window = shell.window
    screens = []
    for section_id in window.section_ids():
        if section_id == "write":
            for kind in ("mp_campaign", "clinician"):
                for step in range(5):

                    def show(step=step, kind=kind):
                        window.show_section("write")
                        page = window.page("write")
                        page.kind_step.set_kind(kind)
                        page.go(step)

                    screens.append((f"write {kind} step {step + 1}", show))
        else:
            screens.append((section_id, lambda sid=section_id: window.show_section(sid)))

    def checklist():
        window.show_section("for_me")
        window.page("for_me").show_extra()

    screens.append(("for_me checklist", checklist))
    return screens


def _walk(window, at_each_stop, limit=400) -> list[QWidget]:
    """Press Tab from the section list until the focus comes back to it, calling
    ``at_each_stop(widget)`` while each new stop has the focus."""
    from PySide6.QtTest import QTest

    window.nav.setFocus()
    QApplication.processEvents()
    stops: list[QWidget] = []
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        QApplication.processEvents()
        widget = QApplication.focusWidget()
        if widget is window.nav:
            return stops
        if not stops or stops[-1] is not widget:  # links inside one page count as one stop
            stops.append(widget)
            at_each_stop(widget)
    raise AssertionError(f"Tab never came back to the section list: {[type(w).__name__ for w in stops[-5:]]}")


def _ring_pixels(window, widget) -> tuple[int, int, int]:
    """(yellow, black, perimeter) painted in a 5-pixel band just outside the widget's visible part."""
    visible = focus_area(widget)  # for a row of tabs, the chosen tab
    inner = QRect(widget.mapTo(window, visible.topLeft()), visible.size())
    band = inner.adjusted(-5, -5, 5, 5).intersected(window.rect())
    image = window.grab(band).toImage()
    ratio = image.devicePixelRatio()
    inner = inner.translated(-band.left(), -band.top())
    band = band.translated(-band.left(), -band.top())
    outer_colour, inner_colour = QColor(FOCUS_OUTER), QColor(FOCUS_INNER)
    yellow = black = 0

    def count(x: int, y: int) -> None:
        nonlocal yellow, black
        colour = image.pixelColor(int(x * ratio), int(y * ratio))
        yellow += colour == outer_colour
        black += colour == inner_colour

    for x in range(band.left(), band.right() + 1):
        for y in (*range(band.top(), inner.top()), *range(inner.bottom() + 1, band.bottom() + 1)):
            count(x, y)
    for y in range(inner.top(), inner.bottom() + 1):
        for x in (*range(band.left(), inner.left()), *range(inner.right() + 1, band.right() + 1)):
            count(x, y)
    return yellow, black, 2 * (inner.width() + inner.height())


@pytest.mark.parametrize(("scheme", "scale"), [("light", 100), ("dark", 200)])
def test_every_tab_stop_is_a_visible_named_control_with_a_clear_ring(shell, qtbot, scheme, scale):
    window = shell.window
    window.resize(1280, 800)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    shell.theme.apply(scale, scheme)
    letters, _profiles = shell.repositories()
    for n in range(3):
        letters.create_draft("mp_campaign", {}, recipient_name="Caroline Nokes MP", subject="SIRT", body=f"Letter {n}")
    problems = []
    for name, show in _screens(shell):
        show()
        QApplication.processEvents()

        def check(widget, name=name):
            label = f"{name}: {type(widget).__name__} {accessible_name(widget)!r}"
            if not isinstance(widget, CONTROLS):
                problems.append(f"{label} is not a control (an invisible Tab stop)")
                return
            if not accessible_name(widget).strip():
                problems.append(f"{label} has no name")
            if not widget.isVisible() or widget.visibleRegion().isEmpty():
                problems.append(f"{label} is not visible")
                return
            yellow, black, perimeter = _ring_pixels(window, widget)
            # The ring is 3 px of yellow and 2 px of black all round; allow for a side cut
            # off by the window's edge.
            if yellow < perimeter or black < perimeter * 0.6:
                problems.append(
                    f"{label}: focus ring not painted (yellow {yellow}, black {black}, perimeter {perimeter})"
                )

        _walk(window, check)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark", "system"])
def test_the_ring_stands_out_from_every_background(shell, scheme):
    shell.theme.apply(100, scheme)
    palette = QApplication.palette()
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.Highlight,
    ):
        background = palette.color(role)
        best = max(contrast(QColor(FOCUS_OUTER), background), contrast(QColor(FOCUS_INNER), background))
        assert best >= 3.0, f"{scheme} {role.name}: ring {best:.1f}:1"


def test_on_a_row_of_tabs_the_ring_goes_round_the_chosen_tab(shell, qtbot):
    from PySide6.QtWidgets import QTabBar

    from sirt_desktop.gui.common.focus import FocusRing

    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.show_section("write")
    page = window.page("write")
    page.go(2)
    bar = page.tabs.findChild(QTabBar)
    bar.setFocus()
    QApplication.processEvents()
    ring = next(r for r in window.findChildren(FocusRing) if r.isVisible())
    tab = bar.tabRect(bar.currentIndex())
    placed = QRect(bar.mapTo(window, tab.topLeft()), tab.size())
    assert ring.geometry().contains(placed)
    assert ring.geometry().width() < placed.width() + 20  # round the tab, not the whole row


def test_tab_lands_on_the_chosen_option_and_the_arrows_change_it(shell, qtbot):
    """Options are one Tab stop, on the chosen one: from 'Dark' the Up key chooses 'Light'
    (Tab used to land on the first option, where the arrows only moved the focus)."""
    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.show_section("settings")
    view = window.page("settings")
    view.theme_radios["dark"].click()
    view.text_scale.setFocus()
    qtbot.keyClick(view.text_scale, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.theme_radios["dark"]
    qtbot.keyClick(view.theme_radios["dark"], Qt.Key.Key_Up)
    assert view.theme_radios["light"].isChecked()
    assert QApplication.focusWidget() is view.theme_radios["light"]
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 128  # light now
    qtbot.keyClick(view.theme_radios["light"], Qt.Key.Key_Tab)  # on, out of the options
    assert not isinstance(QApplication.focusWidget(), type(view.theme_radios["light"]))

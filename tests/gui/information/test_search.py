"""Search all pages and Find on this page: readable snippets with the found word in bold, a
result opens at its match, and Ctrl+F says "1 of 3" and keeps the match in clear view."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sirt_desktop.gui.common.widgets import RICH_TEXT_ROLE
from sirt_desktop.gui.information.controller import ContentController
from sirt_desktop.gui.information.view import ContentView

SECTIONS = ("learn", "for_me", "funding", "support")


def make(qtbot):
    view = ContentView("Learn about SIRT")
    controller = ContentController(view, SECTIONS, lambda _t: None, today=lambda: dt.date(2026, 11, 22))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view, controller


def _in_upper_part(view) -> bool:
    """The selected match is on the page, and not on its bottom lines."""
    rect = view.browser.cursorRect()
    height = view.browser.viewport().height()
    return rect.top() >= 0 and rect.bottom() <= height * 2 // 3


def test_results_show_readable_snippets_with_the_word_in_bold(qtbot):
    view, _controller = make(qtbot)
    qtbot.keyClicks(view.search, "funding")
    rows = view.page_list.count()
    assert rows > 1
    for row in range(rows):
        item = view.page_list.item(row)
        assert "……" not in item.text() and ": …" not in item.text()[:3]
        shown = item.data(RICH_TEXT_ROLE)
        assert re.search(r'<b style="background-color:#ffdd00; color:#0b0c0c">funding</b>', shown, re.IGNORECASE), shown


def test_opening_a_result_jumps_to_the_match(qtbot):
    view, _controller = make(qtbot)
    qtbot.keyClicks(view.search, "breastfeeding")
    assert view.page_list.count() >= 1
    view.page_list.setFocus()
    qtbot.keyClick(view.page_list, Qt.Key.Key_Down)
    if view.page_list.currentRow() != 0:
        view.page_list.setCurrentRow(0)
    QApplication.processEvents()
    cursor = view.browser.textCursor()
    assert cursor.selectedText().lower() == "breastfeeding"
    assert view.browser.verticalScrollBar().value() > 0  # it is further down the page
    assert _in_upper_part(view)
    assert view.browser.extraSelections()  # every match on the page is highlighted


def test_find_on_this_page_counts_and_keeps_the_match_in_view(qtbot):
    view, controller = make(qtbot)
    controller.show("what-is-sirt")
    total = view.browser.toPlainText().lower().count("sirt")
    assert total >= 3
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=3000)
    view.browser.setFocus()
    qtbot.keyClick(view.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_bar.isVisible()
    qtbot.keyClicks(view.find_text, "SIRT")
    qtbot.keyClick(view.find_text, Qt.Key.Key_Return)
    assert view.find_status.text() == f"1 of {total}"
    for n in range(2, 5):
        qtbot.keyClick(view.find_text, Qt.Key.Key_Return)
        assert view.find_status.text() == f"{n} of {total}"
        assert view.browser.textCursor().selectedText().lower() == "sirt"
        assert _in_upper_part(view)
    view.find_previous.click()
    assert view.find_status.text() == f"3 of {total}"
    for _ in range(total - 2):  # on past the last one, round to the first
        view.find_next.click()
    assert view.find_status.text() == f"1 of {total}"
    view.find_text.setText("xylophone")
    view.find_next.click()
    assert view.find_status.text() == "Not found on this page"


def test_choosing_the_nothing_found_line_is_harmless(qtbot):
    view, controller = make(qtbot)
    shown = controller.current_id
    qtbot.keyClicks(view.search, "xylophone")
    assert view.page_list.count() == 1
    view.page_list.setFocus()
    view.page_list.setCurrentRow(0)
    qtbot.keyClick(view.page_list, Qt.Key.Key_Return)
    assert controller.current_id == shown

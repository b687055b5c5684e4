"""At 200% text in a 1280 × 800 window nothing a person needs is cut off: My letters, the
Help dialogs, the From address, Learn's reading pane, and the highlighted rows of lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QListView,
    QStyle,
    QStyleOptionViewItem,
)

from sirt_desktop.gui.common.widgets import RICH_TEXT_ROLE

SCREEN = QRect(0, 0, 1280, 800)


@pytest.fixture
def large(shell, qtbot):
    shell.theme.apply(200, "light")
    shell.window.resize(1280, 770)
    QApplication.processEvents()
    yield shell
    shell.theme.apply(100, "system")


def _row_is_whole(view: QListView, row: int) -> tuple[bool, str]:
    """Whether row ``row`` is drawn tall and wide enough for all its text, as the style lays
    it out (its text rectangle, at the row's real width)."""
    model = view.model()
    index = model.index(row, view.modelColumn())
    rect = view.visualRect(index)
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, index)
    option.rect = rect
    option.font = view.font()
    option.fontMetrics = QFontMetrics(view.font())
    text_rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(view.font())
    rich = index.data(RICH_TEXT_ROLE)
    if rich:
        document.setHtml(rich)
    else:
        document.setPlainText(index.data(Qt.ItemDataRole.DisplayRole) or "")
    document.setTextWidth(text_rect.width())
    needed = document.size().height()
    fits = needed <= text_rect.height() + 0.5 and rect.right() <= view.viewport().width()
    return fits, f"row {row} needs {needed:.0f} px, has {text_rect.height()} (row {rect.height()} px)"


def _painted_margins(view: QListView, row: int) -> tuple[int, int]:
    """Pixels between the painted text of a highlighted row and the row's top and bottom edge
    (0 means the text touches or is cut by the edge). Read from the painted list."""
    from sirt_desktop.gui.theme import contrast

    index = view.model().index(row, view.modelColumn())
    rect = view.visualRect(index)
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, index)
    option.rect = rect
    text_rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    image = view.viewport().grab(rect).toImage()
    background = image.pixelColor(image.width() - 3, image.height() // 2)
    left = max(3, text_rect.left() - rect.left())
    right = min(image.width() - 3, text_rect.right() - rect.left())
    inked = [
        y
        for y in range(image.height())
        if any(contrast(image.pixelColor(x, y), background) > 1.6 for x in range(left, right))
    ]
    assert inked, f"row {row}: no text painted"
    return inked[0], image.height() - 1 - inked[-1]


def test_my_letters_at_200_percent_shows_every_letter_whole_and_tells_them_apart(large, qtbot):
    letters, _profiles = large.repositories()
    people = ("Caroline Nokes MP", "Dr Priya Patel", "Professor Sam Hill", "Ms Jo Brown", "Caroline Nokes MP")
    ids = []
    for n, person in enumerate(people):
        ids.append(
            letters.create_draft(
                "mp_campaign" if "MP" in person else "clinician",
                {},
                recipient_name=person,
                subject="NHS funding for SIRT for NETs",
                body=f"x{n}",
            ).id
        )
    import datetime as dt

    letters.mark_sent(ids[4], "posted", dt.date(2026, 11, 1))
    window = large.window
    window.show_section("history")
    view = window.page("history")
    large.history.refresh()
    QApplication.processEvents()
    cards = view.table
    assert isinstance(cards, QListView)
    assert cards.model().rowCount() == 5
    shown = []
    for row in range(5):
        fits, detail = _row_is_whole(cards, row)
        assert fits, detail
        text = cards.model().index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
        shown.append(text)
    assert len(set(shown)) == 5, shown  # five letters with one subject can be told apart
    assert any("Sent 1 Nov 2026" in s for s in shown)
    assert all("NHS funding for SIRT for NETs" in s for s in shown)


@pytest.mark.parametrize("which", ["about", "log"])
def test_help_dialogs_fit_the_screen_with_their_buttons_reachable(large, qtbot, which):
    from sirt_desktop.gui.common.dialogs import AboutDialog, LogDialog

    opener = large.show_about if which == "about" else large.show_log
    seen = {}

    def inspect():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, (AboutDialog, LogDialog))
        available = dialog.screen().availableGeometry().intersected(SCREEN)
        frame = dialog.frameGeometry()
        seen["fits"] = frame.width() <= available.width() and frame.height() <= available.height()
        seen["size"] = (frame.width(), frame.height(), available.width(), available.height())
        buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        seen["buttons"] = bool(buttons) and all(
            QRect(b.mapTo(dialog, b.rect().topLeft()), b.size()).bottom() <= dialog.rect().bottom() for b in buttons
        )
        dialog.reject()

    QTimer.singleShot(200, inspect)
    opener()
    assert seen.get("fits"), seen.get("size")
    assert seen.get("buttons")


def test_the_from_address_box_shows_every_line(large, qtbot):
    window = large.window
    window.show_section("write")
    page = window.page("write")
    page.go(1)
    box = page.sender_step.address
    box.setPlainText("Flat 2\n22 Elm Close\nAbbotswood\nRomsey\nHampshire")
    QApplication.processEvents()
    document_height = box.document().size().height() * QFontMetrics(box.font()).lineSpacing()
    assert box.document().lineCount() >= 5
    assert document_height <= box.viewport().height(), (document_height, box.viewport().height())
    assert not box.verticalScrollBar().isVisible()


def test_learns_reading_pane_gets_most_of_the_width(large, qtbot):
    window = large.window
    window.show_section("learn")
    page = window.page("learn")
    QApplication.processEvents()
    assert page.browser.width() >= 0.55 * window.width(), (page.browser.width(), window.width())
    for row in range(page.page_list.count()):
        fits, detail = _row_is_whole(page.page_list, row)
        assert fits, f"{page.page_list.item(row).text()}: {detail}"


@pytest.mark.parametrize("scale", [100, 200])
def test_highlighted_rows_are_never_clipped(shell, qtbot, scale):
    """The checklist and 'Ideas to start from' (and every list of wrapped rows)."""
    shell.theme.apply(scale, "light")
    window = shell.window
    window.resize(1280, 770)
    window.show_section("for_me")
    for_me = window.page("for_me")
    for_me.show_extra()
    QApplication.processEvents()
    questions = shell.for_me.checklist.questions
    questions.setFocus()
    for row in range(questions.count()):
        questions.setCurrentRow(row)
        questions.scrollToItem(questions.item(row))
        QApplication.processEvents()
        top, bottom = _painted_margins(questions, row)
        assert top >= 2 and bottom >= 2, (
            f"{questions.item(row).text()}: text {top} px from the top, {bottom} from the bottom"
        )
    window.show_section("write")
    page = window.page("write")
    page.go(3)
    QApplication.processEvents()
    starters = page.write_step.starters
    assert starters.count() > 0
    starters.setFocus()
    for row in range(starters.count()):
        starters.setCurrentRow(row)
        QApplication.processEvents()
        top, bottom = _painted_margins(starters, row)
        assert top >= 2 and bottom >= 2, (
            f"{starters.item(row).text()}: text {top} px from the top, {bottom} from the bottom"
        )
    # The list is tall enough for all its ideas: none hides below its bottom edge.
    last = starters.visualRect(starters.model().index(starters.count() - 1, 0))
    starters.scrollToTop()
    assert last.bottom() <= starters.viewport().height()
    shell.theme.apply(100, "system")


def test_dialog_size_is_clamped_to_a_small_screen(qapp):
    from sirt_desktop.gui.common.dialogs import fit_to_screen

    dialog = QDialog()
    dialog.resize(3000, 3000)
    fit_to_screen(dialog, 1500, 1200)
    available = (dialog.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert dialog.width() <= available.width() and dialog.height() <= available.height()


def _settle(*widgets, rounds: int = 50) -> None:
    """Let pending layouts finish: until the widgets stop moving (a layout that grows the step
    takes a few turns of the event loop)."""
    last = None
    for _ in range(rounds):
        QApplication.processEvents()
        now = [w.geometry().getRect() for w in widgets]
        if now == last:
            return
        last = now


def test_at_200_percent_the_ideas_show_whole_when_reached(large, qtbot):
    """The ideas and tips sit under the letter and the whole step scrolls: no inner panel
    a few lines high that scrolls by itself."""
    window = large.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.show_section("write")
    page = window.page("write")
    page.go(3)
    large.writer.run_coach()  # the coach's notes are in place above the ideas
    starters = page.write_step.starters
    _settle(page.write_step, starters)  # as when a person has read the step before tabbing on
    starters.setFocus()
    _settle(page.write_step, starters)
    assert QApplication.focusWidget() is starters
    shown = starters.visibleRegion().boundingRect()
    assert shown.height() == starters.height() and shown.width() == starters.width()
    coach = page.write_step.coach
    assert coach.visibleRegion().boundingRect().height() == coach.height()


def _sideways(window) -> list[str]:
    """Every scroll area showing in the window that needs to scroll sideways: its page is
    wider than the room it has, so words are cut at the right edge."""
    from PySide6.QtWidgets import QScrollArea

    wide = []
    for area in window.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and area.widget() is not None and bar.maximum() > 0:
            wide.append(
                f"{area.objectName() or type(area.widget()).__name__}: needs "
                f"{area.widget().width()} px (at least {area.widget().minimumSizeHint().width()}), "
                f"has {area.viewport().width()}"
            )
    return wide


@pytest.mark.parametrize(
    ("scale", "size"),
    [(100, (720, 560)), (200, (1152, 720))],
    ids=["100% in a window made small", "200% in the first window of a 1280x800 laptop"],
)
def test_no_page_or_letter_step_scrolls_sideways(shell, qtbot, scale, size):
    """At 100% in a window a person made small (720 × 560), and at 200% in the window's first
    size on a 1280 × 800 laptop (place_first_start): no page, and no step of a letter, is wider
    than the window. A long choice in a drop-down list
    or a long option label once made My letters and the letter's first step scroll sideways,
    cutting every paragraph at the right."""
    shell.theme.apply(scale, "light")
    shell.window.resize(*size)
    letters, _profiles = shell.repositories()
    letters.create_draft("mp_campaign", {}, recipient_name="Caroline Nokes MP", subject="SIRT", body="x")
    problems = []
    for section in shell.window.section_ids():
        if section == "history":  # with a letter, so its buttons show
            shell.window.page("history")
            shell.history.refresh()
        shell.window.show_section(section)
        QApplication.processEvents()
        problems += [f"{section}: {p}" for p in _sideways(shell.window)]
        if section == "history":
            view = shell.window.page("history")
            assert view.button_area.isVisible()
            holder = view.parentWidget().parentWidget()  # the page's scroll area (its viewport, then it)
            for key, button in view.buttons.items():
                bottom = button.mapTo(holder, button.rect().bottomLeft()).y()
                if bottom > holder.height():
                    problems.append(f"history: the {key} button is below the window ({bottom} > {holder.height()})")
    writer = shell.writer.view
    shell.window.show_section("write")
    assert shell.window.current_section() == "write"
    for step in range(writer.tabs.count()):
        writer.tabs.setCurrentIndex(step)
        qtbot.wait(100)
        problems += [f"writer step {step + 1}: {p}" for p in _sideways(shell.window)]
    assert not problems, "\n".join(problems)

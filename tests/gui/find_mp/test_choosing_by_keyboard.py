"""The finder by keyboard: moving through a list chooses nothing, search results show whole
below the search box, and accepting a suggested postcode leaves the focus on what was found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sirt_desktop.gui.find_mp.controller import FindMpController
from sirt_desktop.gui.find_mp.view import FindMpView


def make(qtbot, for_caller=False):
    view = FindMpView()
    controller = FindMpController(view, for_caller=for_caller)
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=3000)
    return view, controller


def tab_into(qtbot, before, widget) -> None:
    """Tab from ``before`` to ``widget``, as a person moving through the page does."""
    before.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(10):
        if QApplication.focusWidget() is widget:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget


def test_tabbing_into_the_scottish_list_chooses_no_constituency(qtbot):
    view, controller = make(qtbot)
    shown = []
    controller.devolved_shown.connect(shown.append)
    controller.find("EH1 1YZ")
    panel = view.devolved
    assert panel.options.count() == 73 and controller.devolved_current is None
    message = panel.message.text()
    shown.clear()
    tab_into(qtbot, panel.search, panel.options)
    assert controller.devolved_current is None and shown == []
    assert panel.message.text() == message and "Aberdeen Central" not in message
    assert not panel.members_label.isVisibleTo(panel)
    # Space on the entry the focus is on chooses it.
    qtbot.keyClick(panel.options, Qt.Key.Key_Space)
    assert controller.devolved_current is not None
    assert controller.devolved_current.constituency.name == "Aberdeen Central"


def test_arrow_key_in_the_scottish_list_chooses_the_entry_moved_to(qtbot):
    view, controller = make(qtbot)
    controller.find("EH1 1YZ")
    panel = view.devolved
    tab_into(qtbot, panel.search, panel.options)
    qtbot.keyClick(panel.options, Qt.Key.Key_Down)
    assert controller.devolved_current.constituency.name == panel.options.item(1).text().split(" — ")[0]


def test_tabbing_into_the_northern_ireland_seats_shows_no_mp(qtbot):
    view, controller = make(qtbot, for_caller=True)
    shown = []
    controller.shown.connect(lambda candidate, certain: shown.append((candidate, certain)))
    controller.find("BT1 1AA")
    assert view.candidates.count() == 18 and not view.card.isVisible()
    shown.clear()
    tab_into(qtbot, view.postcode, view.candidates)
    assert not view.card.isVisible() and controller.current is None and shown == []
    assert view.devolved.options.count() == 18  # still all of them: no seat chose its two or three


def test_enter_on_the_entry_the_focus_is_on_chooses_that_seat(qtbot):
    view, controller = make(qtbot)
    chosen = []
    controller.chosen.connect(chosen.append)
    controller.find("BT1 1AA")
    tab_into(qtbot, view.postcode, view.candidates)
    qtbot.keyClick(view.candidates, Qt.Key.Key_Return)
    assert [c.constituency for c in chosen] == [controller.candidates[0].constituency]
    assert view.card.isVisible() and not view.card.title.text().startswith("Most likely")


def test_tabbing_into_an_unknown_postcodes_seats_keeps_the_most_likely_as_such(qtbot):
    view, controller = make(qtbot)
    controller.find("AB15 8ZZ")
    assert view.card.title.text().startswith("Most likely:")
    tab_into(qtbot, view.postcode, view.candidates)
    assert view.card.title.text().startswith("Most likely:")  # not picked by the person
    assert controller.certain_choice() is None


def test_search_results_show_whole_below_the_search_box(qtbot):
    view, _controller = make(qtbot)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)  # 200% text
    view.setFont(font)
    view.resize(420, 900)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "Nokes")
    qtbot.waitUntil(lambda: view.search_results.count() == 1, timeout=2000)
    results = view.search_results
    assert results.geometry().top() > view.search.geometry().bottom()  # after the box it answers
    assert not view.candidates.isVisible()
    assert results.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not results.horizontalScrollBar().isVisible()
    row = results.visualItemRect(results.item(0))
    line = results.fontMetrics().lineSpacing()
    assert row.height() >= 2 * line  # "Romsey and Southampton North — Caroline Nokes … — England" wraps
    assert row.top() >= 0 and row.bottom() <= results.viewport().height()  # shown whole
    assert "Caroline Nokes" in results.item(0).text()


def test_a_search_that_finds_nothing_says_so_below_the_box(qtbot):
    view, controller = make(qtbot)
    controller.find("SO51 7AA")
    view.search.setText("zzqx")
    controller._run_search()
    assert "No constituency or MP name contains" in view.search_message.text()
    assert view.search_message.isVisible() and not view.message.isVisible()
    assert view.search_message.geometry().top() > view.search.geometry().bottom()


def test_the_suggestion_follows_the_message_that_explains_it(qtbot):
    view, _controller = make(qtbot)
    view.postcode.setFocus()
    qtbot.keyClicks(view.postcode, "S051 7AA")
    qtbot.keyClick(view.postcode, Qt.Key.Key_Return)
    assert view.suggestion.isVisible() and view.suggestion.text() == "Look up SO51 7AA instead"
    # The message explaining the suggestion comes first, then its button (also for Tab and
    # screen readers, which follow the order of the widgets).
    assert view.message.isVisible() and view.message.geometry().bottom() <= view.suggestion.geometry().top()
    children = view.children()
    assert children.index(view.message) < children.index(view.suggestion)


def test_accepting_the_suggested_postcode_focuses_the_mp_found(qtbot):
    view, _controller = make(qtbot)
    view.postcode.setFocus()
    qtbot.keyClicks(view.postcode, "S051 7AA")
    qtbot.keyClick(view.postcode, Qt.Key.Key_Return)
    tab_into(qtbot, view.postcode, view.suggestion)
    qtbot.keyClick(view.suggestion, Qt.Key.Key_Space)
    assert view.card.title.text() == "Caroline Nokes MP"
    assert QApplication.focusWidget() is view.card.use_button


def test_the_intro_speaks_of_the_caller_for_a_volunteer(qtbot):
    view, controller = make(qtbot)
    assert view.intro.text().startswith("Type your home postcode")
    controller.set_for_caller(True)
    assert view.intro.text().startswith("Type the caller's home postcode")
    assert "The caller's home postcode" in view.postcode.accessibleDescription()
    controller.find("SO51 7AA")
    assert "Their MP is Caroline Nokes" in view.message.text()
    controller.set_for_caller(False)
    assert view.intro.text().startswith("Type your home postcode")


def test_a_callers_letter_asks_for_the_callers_postcode_in_step_3(qtbot):
    from sirt_desktop.gui.writer.controller import LetterWriterController
    from sirt_desktop.gui.writer.view import LetterWriterView

    view = LetterWriterView()
    controller = LetterWriterController(view)
    qtbot.addWidget(view)
    finder = view.recipient_step.find_mp
    assert finder.intro.text().startswith("Type your home postcode")
    controller.start_new(for_caller=True)
    assert finder.intro.text().startswith("Type the caller's home postcode")
    controller.finder.find("SO51 7AA")
    assert "Their MP is Caroline Nokes" in finder.message.text()


def test_the_mp_chosen_from_a_search_shows_under_the_results_and_is_next_by_tab(qtbot):
    """A card above the search box was out of sight at 200% while the volunteer chose from the
    search results; it now follows them, and Tab goes from the list to "Write to this MP". A
    postcode's MP goes back under the postcode."""
    view, _controller = make(qtbot)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "Nokes")
    qtbot.waitUntil(lambda: view.search_results.count() == 1, timeout=2000)
    tab_into(qtbot, view.search, view.search_results)
    qtbot.keyClick(view.search_results, Qt.Key.Key_Space)
    card = view.card
    assert card.isVisible() and card.title.text() == "Caroline Nokes MP"
    assert card.geometry().top() > view.search_results.geometry().bottom()
    qtbot.keyClick(view.search_results, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is card.use_button

    view.postcode.setText("CF10 1EP")
    qtbot.keyClick(view.postcode, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: card.title.text() == "Stephen Doughty MP", timeout=2000)
    assert card.geometry().bottom() < view.search.geometry().top()
    tab_into(qtbot, view.postcode, card.use_button)  # reached from the postcode again, before the search


def test_an_arrow_on_the_only_search_result_chooses_it(qtbot):
    """Down on a one-row list did nothing (there is no row to move to), so the MP never showed."""
    view, _controller = make(qtbot)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "Romsey")
    qtbot.waitUntil(lambda: view.search_results.count() == 1, timeout=2000)
    tab_into(qtbot, view.search, view.search_results)
    assert not view.card.isVisible()
    qtbot.keyClick(view.search_results, Qt.Key.Key_Down)
    assert view.card.isVisible() and view.card.title.text() == "Caroline Nokes MP"

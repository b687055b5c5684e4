from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt

from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.resources import read_text
from sirt_desktop.gui.find_mp.controller import FindMpController
from sirt_desktop.gui.find_mp.view import FindMpView
from tests.gui.accessibility import unnamed_controls


def _split_sector_postcode():
    """A real postcode whose sector is split between seats, found from the shipped data."""
    for text in ("SO51 5AA", "SO51 6AA", "SO53 1AA"):
        result = representatives.lookup(text)
        if result.status == "found":
            return text
    raise AssertionError("no test postcode found")


def make(qtbot):
    view = FindMpView()
    controller = FindMpController(view)
    qtbot.addWidget(view)
    view.show()
    return view, controller


def test_typing_a_full_postcode_shows_the_mp(qtbot):
    view, _controller = make(qtbot)
    qtbot.keyClicks(view.postcode, "so51 7aa")
    assert view.card.isVisible()
    assert view.card.title.text() == "Caroline Nokes MP"
    assert "Romsey and Southampton North" in view.card.details.text()
    assert "England" in view.card.details.text()
    assert "House of Commons, London SW1A 0AA" in view.card.address.text()
    assert "as of 20 August 2026" in view.card.as_of.text()
    assert not view.candidates.isVisible()
    assert unnamed_controls(view) == []


def test_unknown_postcode_offers_candidates_never_one_seat_as_certain(qtbot):
    view, controller = make(qtbot)
    # AB15 8 is a sector split between three seats; AB15 8ZZ is not a known postcode.
    qtbot.keyClicks(view.postcode, "AB15 8ZZ")
    result = controller.last_result
    assert result.status == "unknown"
    assert view.candidates.count() == len(result.candidates) == 3
    assert "could not" in view.message.text().lower() or "not find" in view.message.text().lower()
    # The seats are in the list, not repeated in the message.
    assert "listed below" in view.message.text() and "Aberdeen North" not in view.message.text()
    assert view.card.title.text().startswith("Most likely:")
    view.candidates.setCurrentRow(1)  # the person picks their seat: now it is theirs
    assert not view.card.title.text().startswith("Most likely:")
    assert "Aberdeen North" in view.card.details.text()


def test_partial_postcode_lists_the_seats_it_overlaps(qtbot):
    view, controller = make(qtbot)
    qtbot.keyClicks(view.postcode, "SO51")
    assert "first part" in view.hint.text()
    qtbot.keyClick(view.postcode, Qt.Key.Key_Return)
    assert controller.last_result.status == "partial"
    assert view.candidates.count() >= 2
    first = view.candidates.item(0).text()
    assert "%" in first


def test_northern_ireland_offers_the_18_seats_and_devolved_advice(qtbot):
    view, controller = make(qtbot)
    chosen = []
    controller.devolved_chosen.connect(chosen.append)
    qtbot.keyClicks(view.postcode, "BT1 1AA")
    qtbot.keyClick(view.postcode, Qt.Key.Key_Return)
    assert controller.last_result.status == "northern_ireland"
    assert view.candidates.count() == 18
    view.candidates.setCurrentRow(0)
    assert "MLA" in view.card.advice.text()
    assert not view.card.devolved_button.isVisible()  # the devolved section below has the button
    assert view.devolved.isVisible()
    assert view.devolved.options.count() == 2  # Belfast East overlaps two Assembly constituencies
    view.devolved.options.setCurrentRow(0)
    view.devolved.write_button.click()
    assert [choice.nation for choice in chosen] == ["Northern Ireland"]
    assert chosen[0].result.constituency.name == "Belfast East" and chosen[0].result.certain


def test_crown_dependency_and_non_geographic_explain(qtbot):
    view, controller = make(qtbot)
    controller.find("JE2 3AB")
    assert controller.last_result.status == "crown_dependency"
    assert view.candidates.count() == 0 and not view.card.isVisible()
    controller.find("BFPO 105")
    assert controller.last_result.status == "non_geographic"
    assert "home address" in view.message.text().lower()


def test_search_by_name_and_choose_with_keyboard(qtbot):
    view, controller = make(qtbot)
    chosen = []
    controller.chosen.connect(chosen.append)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "glyndwr")
    qtbot.waitUntil(lambda: view.search_results.count() >= 1, timeout=2000)
    assert "Glyndŵr" in view.search_results.item(0).text()
    view.search_results.setFocus()
    qtbot.keyClick(view.search_results, Qt.Key.Key_Down)
    view.search_results.setCurrentRow(0)
    assert "Senedd" in view.card.advice.text() or "MS" in view.card.advice.text()
    qtbot.keyClick(view.search_results, Qt.Key.Key_Return)
    assert chosen and chosen[0].constituency == "Montgomeryshire and Glyndŵr"


def test_vacant_seat_cannot_be_written_to(qtbot, tmp_path):
    rows = list(csv.DictReader(io.StringIO(read_text("data", "mps.csv"))))
    for row in rows:
        if row["constituency"] == "Romsey and Southampton North":
            row["mp_name"] = ""
            row["party"] = ""
            row["party_abbrev"] = ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "mps.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    from sirt_desktop.core.representatives import mp_list

    assert mp_list.apply_mp_csv(path).ok
    representatives.reload()
    try:
        view, controller = make(qtbot)
        controller.find("SO51 7AA")
        assert "no MP at present" in view.card.title.text()
        assert not view.card.use_button.isEnabled()
    finally:
        mp_list.remove_imported_mp_list()
        representatives.reload()


def test_update_mp_list_rejects_a_bad_file_and_changes_nothing(shell, qtbot, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("gss_code,constituency\nE14001449,Romsey\n", encoding="utf-8")
    before = representatives.mp_list_as_of()
    assert shell.update_mp_list(str(bad)).wait() is False
    [(kind, title, text)] = shell.prompts.told
    assert (kind, title) == ("problems", "The MP list was not changed")
    assert len(text.splitlines()) >= 3  # the explanation and at least two problems
    assert representatives.mp_list_as_of() == before


def test_helpline_section_finds_an_mp(shell, qtbot):
    shell.window.show_section("helpline")
    page = shell.window.page("helpline")
    qtbot.keyClicks(page.find_mp.postcode, "SO51 7AA")
    assert page.find_mp.card.title.text() == "Caroline Nokes MP"


def test_helpline_messages_speak_of_the_caller(shell, qtbot):
    shell.window.show_section("helpline")
    finder = shell.window.page("helpline").find_mp
    controller = shell.helpline
    controller.find("BT1 1AA")
    assert "choose the caller's" in finder.message.text()
    controller.find("SO51 7AA")
    assert "Their MP is Caroline Nokes" in finder.message.text()
    controller.find("AB15 8ZZ")
    finder.candidates.setCurrentRow(0)
    assert "Their MSP" in finder.card.advice.text() and "Your" not in finder.card.advice.text()
    controller.find("BFPO 1234")
    assert "where they are registered to vote" in finder.message.text()
    assert "you are registered" not in finder.message.text()
    controller.find("AB32 6")
    assert [finder.candidates.item(i).text().split(" — ")[1] for i in range(2)] == [
        "over 99% of postcodes here",
        "under 1% of postcodes here",
    ]

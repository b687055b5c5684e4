"""Devolved Members in the finder and the writer, and advice that follows the writer's nation."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from sirt_desktop.core.letters.kinds import KindId
from sirt_desktop.core.representatives import devolved, members
from sirt_desktop.gui.writer.controller import LetterWriterController
from sirt_desktop.gui.writer.view import LetterWriterView
from tests.core.representatives.test_members import as_csv, full_rows
from tests.gui.accessibility import unnamed_controls

TODAY = dt.date(2026, 12, 2)


def make(qtbot, for_caller=False):
    view = LetterWriterView()
    controller = LetterWriterController(view, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    if for_caller:
        controller.start_new(for_caller=True)
    return view, controller


def sender(view, postcode: str, name="Mrs Siân Llŵyd", lines="12 Heol y Bont\nCaerdydd"):
    s = view.sender_step
    s.name.setText(name)
    s.address.setPlainText(lines)
    s.postcode.setText(postcode)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_welsh_postcode_finds_the_senedd_constituency_and_writes_to_a_member(qtbot):
    view, controller = make(qtbot)
    sender(view, "CF10 1EP")
    finder = view.recipient_step.find_mp
    controller.finder.find("CF10 1EP")
    panel = finder.devolved
    assert panel.isVisibleTo(finder)
    assert panel.title.text() == "Your Senedd constituency"
    assert "Caerdydd Penarth" in panel.message.text() and "Six Members of the Senedd" in panel.message.text()
    assert "senedd.wales" in panel.names_help.text()  # no list imported: where the names are
    assert panel.write_button.text() == "Write to a Member of the Senedd"
    assert not finder.card.devolved_button.isVisibleTo(finder)  # one button for it, in the devolved section
    panel.write_button.click()
    assert controller.kind_id == KindId.DEVOLVED_REP
    step = view.recipient_step
    assert step.full_name.text() == ""  # never a guessed name
    assert step.address.toPlainText().splitlines() == ["Senedd Cymru", "Cardiff Bay", "Cardiff"]
    assert step.postcode.text() == "CF99 1SN" and step.position.text() == "MS"
    assert "Caerdydd Penarth" in step.manual_help.text()
    assert not finder.card.isVisibleTo(finder)  # writing to a Member: the MP card stays out of the way
    assert unnamed_controls(view) == []


def test_a_welsh_writers_tips_and_note_are_about_wales(qtbot):
    view, controller = make(qtbot)
    sender(view, "CF10 1EP")
    w = view.write_step
    assert "NHS England" not in w.tips.text()
    assert "Welsh Government" in w.tips.text()
    assert "Who decides in Wales" in w.nation_note.text() and "Joint Commissioning Committee" in w.nation_note.text()
    labels = [w.starters.item(i).text() for i in range(w.starters.count())]
    gap = w.starters.item(labels.index("The funding gap")).toolTip()
    assert "NHS Wales" in gap and "NHS England" not in gap
    w.starters.setCurrentRow(labels.index("The funding gap"))
    controller.add_starter(labels.index("The funding gap"))
    assert "NHS Wales" in w.body.toPlainText()
    # The same writer moves to England: England's advice.
    view.sender_step.postcode.setText("SO51 7AA")
    assert "NHS England" in w.tips.text() and "Who decides in England" in w.nation_note.text()


def test_a_callers_advice_speaks_to_the_volunteer(qtbot):
    view, _controller = make(qtbot, for_caller=True)
    view.sender_step.postcode.setText("EH1 1YZ")
    note = view.write_step.nation_note.text()
    assert "Who decides in Scotland" in note and "the caller's health board" in note
    assert "your health board" not in note


def test_scotland_choose_from_a_searchable_list_and_the_region_follows(qtbot):
    view, controller = make(qtbot)
    controller.finder.find("EH1 1YZ")
    panel = view.recipient_step.find_mp.devolved
    assert panel.search.isVisibleTo(panel) and panel.options.count() == 73
    assert "alphabetical" in panel.options_label.text()
    assert panel.write_button.isVisibleTo(panel)  # a name can be typed even before choosing
    panel.search.setText("edinburgh c")
    panel.search.textEdited.emit("edinburgh c")
    assert panel.options.count() == 1
    panel.options.setCurrentRow(0)
    assert "seven regional MSPs for Edinburgh and Lothians East" in panel.message.text()
    panel.write_button.click()
    step = view.recipient_step
    assert step.position.text() == "MSP" and step.postcode.text() == "EH99 1SP"
    assert "Edinburgh Central, in the Edinburgh and Lothians East region" in step.manual_help.text()


def test_ni_seat_chosen_gives_assembly_constituencies_most_people_first(qtbot):
    view, controller = make(qtbot)
    finder = view.recipient_step.find_mp
    controller.finder.find("BT1 5GS")
    panel = finder.devolved
    assert panel.options.count() == 18 and "alphabetical" in panel.options_label.text()
    seats = [finder.candidates.item(i).text() for i in range(finder.candidates.count())]
    finder.candidates.setCurrentRow(next(i for i, s in enumerate(seats) if s.startswith("Belfast South and Mid Down")))
    options = [panel.options.item(i).text() for i in range(panel.options.count())]
    assert options[0].startswith("Belfast South — about 90%") and len(options) == 3
    assert "most people first" in panel.options_label.text()
    panel.options.setCurrentRow(0)
    panel.write_button.click()
    step = view.recipient_step
    step.full_name.setText("A Member")
    letter = controller.letter()
    assert letter.recipient.block_lines() == [
        "A Member MLA",
        "Northern Ireland Assembly",
        "Parliament Buildings",
        "Ballymiscaw",
        "Stormont",
        "BELFAST",
        "BT4 3XX",
    ]


def test_imported_names_are_offered_with_their_list_date(qtbot, tmp_path):
    rows = full_rows("senedd")
    path = tmp_path / "senedd.csv"
    path.write_text(as_csv(rows), encoding="utf-8")
    assert members.apply_members_csv(path).ok
    view, controller = make(qtbot)
    sender(view, "CF10 1EP")
    controller.finder.find("CF10 1EP")
    panel = view.recipient_step.find_mp.devolved
    assert panel.members.count() == 6
    assert "from the official list of 20 November 2026" in panel.members_label.text()
    panel.members.setCurrentRow(2)
    chosen = panel.members.currentItem().text().split(" — ")[0]
    panel.write_button.click()
    assert view.recipient_step.full_name.text() == chosen
    assert "20 November 2026" in view.recipient_step.manual_help.text()
    assert view.tabs.currentIndex() == 3  # on to Write
    letter = controller.letter()
    assert letter.greeting_text() == f"Dear {chosen}"
    assert letter.recipient.block_lines()[0] == f"{chosen} MS"


def test_update_members_list_from_the_file_menu(shell, qtbot, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("legislature,code\nsenedd,W09000053\n", encoding="utf-8")
    assert shell.update_members_list(str(bad)).wait() is False
    [(kind, title, text)] = shell.prompts.told
    assert (kind, title) == ("problems", "The members list was not changed")
    assert "Line 1: The column 'name' is missing from the first line." in text
    assert members.list_date("senedd") is None
    good = tmp_path / "good.csv"
    good.write_text(as_csv(full_rows("ni_assembly", "2026-10-01")), encoding="utf-8")
    shell.prompts.expect(True)  # "Use this members list?"
    assert shell.update_members_list(str(good)).wait() is True
    assert "Members of the Legislative Assembly: 90 of 90 seats named" in shell.prompts.asked[-1][2]
    assert members.list_date("ni_assembly") == "2026-10-01"
    foyle = devolved.for_westminster_seat("N05000008", "Northern Ireland", "Foyle")
    assert len(members.members_for(foyle)) == 5


def test_devolved_letter_prints_to_the_legislature(qtbot):
    view, controller = make(qtbot)
    sender(view, "EH1 1YZ", lines="3 Royal Mile\nEdinburgh")
    controller.finder.find("EH1 1YZ")
    panel = view.recipient_step.find_mp.devolved
    panel.search.setText("Edinburgh Central")
    panel.search.textEdited.emit("Edinburgh Central")
    panel.options.setCurrentRow(0)
    panel.write_button.click()
    view.recipient_step.full_name.setText("Jo Bloggs")
    view.write_step.body.setPlainText("Please ask about SIRT.")
    text = pdf_text(controller.refresh_preview())
    assert "Jo Bloggs MSP The Scottish Parliament EDINBURGH EH99 1SP" in text
    assert "Dear Jo Bloggs," in text


def test_choosing_the_devolved_kind_first_fills_in_the_parliament_from_the_postcode(qtbot):
    view, controller = make(qtbot)
    view.kind_step.set_kind(KindId.DEVOLVED_REP)
    sender(view, "BT1 5GS")
    view.tabs.setCurrentIndex(2)  # To: the finder looks up the postcode typed under From
    step = view.recipient_step
    assert step.address.toPlainText().splitlines()[0] == "Northern Ireland Assembly"
    assert step.position.text() == "MLA" and step.full_name.text() == ""
    step.full_name.setText("A Name")
    controller.finder.find("CF10 1EP")  # another nation: the name typed for the Assembly goes
    assert step.address.toPlainText().splitlines()[0] == "Senedd Cymru"
    assert step.full_name.text() == "" and "Caerdydd Penarth" in step.manual_help.text()


def test_a_postcode_moved_to_another_nation_readdresses_the_letter_and_step_5_says_so(qtbot):
    """A letter to a Member of the Senedd from a Cardiff postcode; the writer corrects it to an
    Edinburgh one: going back to step 3 addresses it to the Scottish Parliament, and a letter
    that still goes to the Senedd is flagged before printing."""
    from sirt_desktop.gui import tasks

    view, controller = make(qtbot)
    sender(view, "CF10 1EP")
    controller.finder.find("CF10 1EP")
    view.recipient_step.find_mp.devolved.write_button.click()
    step = view.recipient_step
    assert step.position.text() == "MS"
    step.full_name.setText("Test Member")
    # A Welsh letter with a Scottish postcode is flagged in step 5.
    sender(view, "EH1 1YZ", lines="1 High Street\nEdinburgh")
    view.go(4)
    assert tasks.wait_for_all(30_000)
    problems = view.print_step.problems.text()
    assert "Your postcode EH1 1YZ is in Scotland, but this letter is to a Member of the Senedd" in problems
    assert "Write to a Member of the Scottish Parliament (MSP) instead." in problems
    # Back in step 3, the new postcode is looked up and the letter goes to the Scottish Parliament.
    view.go(2)
    assert step.position.text() == "MSP"
    assert step.postcode.text() == "EH99 1SP"
    assert step.full_name.text() == ""  # a name typed for another parliament does not carry over
    view.go(4)
    assert tasks.wait_for_all(30_000)
    assert "Member of the Senedd" not in view.print_step.problems.text()

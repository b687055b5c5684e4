"""The letter flow must not go wrong quietly: driven as a person drives it, with keys and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sirt_desktop.gui import tasks
from tests.gui.prompts import FakePrompts
from tests.gui.writer.test_letter_writer import MemoryDrafts, make, pdf_text

# These walk the steps as a person would and read the preview at once: the layout, which runs
# in the background in the app, runs here as each step opens.
pytestmark = pytest.mark.usefixtures("inline_tasks")


def _activate(qtbot, view):
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window(), timeout=3000)


def _next(qtbot, view):
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)


def _type(qtbot, text):
    """Type into whatever has the keyboard focus, as a person does."""
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _tab(qtbot):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def _from_step(qtbot, view, name="Ann Jones", address="1 High Street\nRomsey", postcode="SO51 7AA"):
    view.go(1)
    assert QApplication.focusWidget() is view.sender_step.name
    _type(qtbot, name)
    _tab(qtbot)
    for i, line in enumerate(address.split("\n")):
        if i:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        _type(qtbot, line)
    _tab(qtbot)
    assert QApplication.focusWidget() is view.sender_step.postcode
    _type(qtbot, postcode)


# Finding 2 ------------------------------------------------------------------------------------
def test_one_mp_found_is_the_recipient_when_next_is_pressed(qtbot):
    view, controller = make(qtbot)
    _activate(qtbot, view)
    _from_step(qtbot, view)
    _next(qtbot, view)  # to step 3: the postcode is looked up, one MP found
    assert view.tabs.currentIndex() == 2
    assert view.recipient_step.find_mp.card.title.text() == "Caroline Nokes MP"
    _next(qtbot, view)  # Next, without pressing "Write to this MP"
    assert view.tabs.currentIndex() == 3
    _type(qtbot, "Please ask NHS England to fund SIRT for neuroendocrine tumours.")
    _next(qtbot, view)
    assert view.tabs.currentIndex() == 4
    assert tasks.wait_for_all(30_000)  # the preview is laid out in the background
    text = pdf_text(controller.output.pdf)
    assert "Caroline Nokes MP" in text and "Dear Caroline Nokes" in text
    assert "Sir or Madam" not in text
    assert view.print_step.problems.text().startswith("Everything a letter needs")


def test_a_seat_that_is_only_likely_is_not_chosen_by_next(qtbot):
    view, controller = make(qtbot)
    _activate(qtbot, view)
    _from_step(qtbot, view, postcode="AB15 8ZZ")  # not a known postcode: three possible seats
    _next(qtbot, view)
    assert view.recipient_step.find_mp.card.title.text().startswith("Most likely:")
    _next(qtbot, view)
    assert controller.letter().recipient.display_name() == ""  # never a guess
    _next(qtbot, view)
    assert "The name (or position) of the person you are writing to is needed" in view.print_step.problems.text()


# Finding 3 ------------------------------------------------------------------------------------
def test_typing_into_a_pre_filled_field_replaces_it(qtbot):
    view, _controller = make(qtbot)
    _activate(qtbot, view)
    s = view.sender_step
    s.name.setText("Mrs Ann Carer")
    s.address.setPlainText("22 Elm Close\nRomsey")
    view.go(2)
    view.go(1)
    assert QApplication.focusWidget() is s.name
    _type(qtbot, "Mr Bob Patient")
    assert s.name.text() == "Mr Bob Patient"
    _tab(qtbot)
    assert QApplication.focusWidget() is s.address
    _type(qtbot, "1 Oak Road")
    assert s.address.toPlainText() == "1 Oak Road"


# Finding 4 ------------------------------------------------------------------------------------
def test_a_sender_postcode_slip_is_caught_in_step_2_with_the_fix(qtbot):
    view, _controller = make(qtbot)
    _activate(qtbot, view)
    _from_step(qtbot, view, postcode="S051 7AA")
    _tab(qtbot)  # leaving the postcode box checks it
    s = view.sender_step
    assert "Did you mean SO51 7AA?" in s.postcode_check.text()
    assert s.postcode_check.isVisibleTo(view)
    assert s.use_suggestion.isVisibleTo(view) and "SO51 7AA" in s.use_suggestion.text()
    qtbot.mouseClick(s.use_suggestion, Qt.MouseButton.LeftButton)
    assert s.postcode.text() == "SO51 7AA"
    assert s.postcode_check.text() == "" and not s.use_suggestion.isVisibleTo(view)


def test_a_correction_made_in_step_3_reaches_the_sender(qtbot):
    view, controller = make(qtbot)
    _activate(qtbot, view)
    _from_step(qtbot, view, postcode="S051 7AA")
    _next(qtbot, view)
    finder = view.recipient_step.find_mp
    assert finder.postcode.text() == "S051 7AA"
    assert "Did you mean SO51 7AA?" in finder.message.text()
    # One message at a time, not "keep typing" and "not a postcode" together.
    assert finder.hint.text() == ""
    assert QApplication.focusWidget() is finder.postcode
    _type(qtbot, "SO51 7AA")  # the box's text is selected: typing replaces it
    assert finder.postcode.text() == "SO51 7AA"
    assert view.sender_step.postcode.text() == "SO51 7AA"
    assert controller.letter().sender.postcode == "SO51 7AA"
    assert "step 2" in finder.message.text() or "step 2" in view.saved.text()


def test_step_5_flags_a_sender_postcode_that_is_not_real(qtbot):
    view, _controller = make(qtbot)
    _activate(qtbot, view)
    view.kind_step.set_kind("clinician")
    _from_step(qtbot, view, postcode="S051 7AA")
    r = view.recipient_step
    r.full_name.setText("Dr Priya Patel")
    r.address.setPlainText("Oncology Department\nSouthampton General Hospital\nSouthampton")
    r.postcode.setText("SO16 6YD")
    view.write_step.body.setPlainText("Please could my case be discussed at the MDT meeting?")
    view.go(4)
    problems = view.print_step.problems.text()
    assert "S051 7AA" in problems and "Did you mean SO51 7AA?" in problems and "step 2, From" in problems
    assert "Everything a letter needs" not in problems


# Finding 9 and 14 -----------------------------------------------------------------------------
def test_a_print_message_belongs_to_the_letter_it_describes(qtbot, monkeypatch):
    from sirt_desktop.gui import printing

    drafts = MemoryDrafts()
    view, controller = make(qtbot, drafts, prompts=FakePrompts("Someone new"))
    _activate(qtbot, view)
    _from_step(qtbot, view)
    controller.finder.find("SO51 7AA")
    view.write_step.body.setPlainText("Please ask NHS England to fund SIRT.")
    view.go(4)
    monkeypatch.setattr(
        printing,
        "print_with_dialog",
        lambda pdf, parent=None, title="": printing.PrintOutcome("cups", "PDF", "request id is PDF-2 (1 file(s))"),
    )
    assert tasks.wait_for_all(30_000)  # the preview is laid out in the background; Print waits for it
    qtbot.mouseClick(view.print_step.print_button, Qt.MouseButton.LeftButton)
    status = view.print_step.status.text()
    assert status.startswith("Sent to the printer PDF.")
    assert "request id" not in status and "file(s)" not in status
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.print_step.status.text() == ""
    view.go(4)
    assert "Sent to" not in view.print_step.status.text()


def test_a_failed_email_launch_says_so(qtbot, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    view, _controller = make(qtbot, prompts=FakePrompts("Someone new"))
    _activate(qtbot, view)
    _from_step(qtbot, view)
    view.write_step.body.setPlainText("Please help.")
    view.go(4)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    qtbot.mouseClick(view.print_step.email_button, Qt.MouseButton.LeftButton)
    status = view.print_step.status.text()
    assert "No email program" in status and "Copy text" in status
    assert "should open" not in status
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    qtbot.mouseClick(view.print_step.email_button, Qt.MouseButton.LeftButton)
    assert "should open" in view.print_step.status.text()
    view.go(0)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.print_step.status.text() == ""


def test_printing_a_letter_with_no_recipient_name_asks_first(qtbot, monkeypatch):
    from sirt_desktop.gui import printing

    prompts = FakePrompts(False, False)  # "Go back and finish it", twice
    view, _controller = make(qtbot, prompts=prompts)
    _activate(qtbot, view)
    view.kind_step.set_kind("clinician")
    _from_step(qtbot, view)
    view.recipient_step.address.setPlainText("Oncology Department\nCity Hospital\nSouthampton")
    view.write_step.body.setPlainText("Please could my case be discussed at the MDT?")
    view.go(4)
    printed = []
    monkeypatch.setattr(printing, "print_with_dialog", lambda *a, **k: printed.append(a))
    assert tasks.wait_for_all(30_000)  # the preview is laid out in the background; Print waits for it
    qtbot.mouseClick(view.print_step.print_button, Qt.MouseButton.LeftButton)
    assert prompts.asked and prompts.asked[0][0] == "confirm"
    assert "name (or position) of the person you are writing to" in prompts.asked[0][2]
    assert printed == []  # "Go back and finish it"
    qtbot.mouseClick(view.print_step.save_button, Qt.MouseButton.LeftButton)  # saving asks too
    assert [kind for kind, _title, _text in prompts.asked] == ["confirm", "confirm"]
    prompts.assert_all_answered()


# Finding 3: whose letter, and saved details ---------------------------------------------------
def _shell_writer(shell, qtbot):
    shell.go_to("write")
    page = shell.window.page("write")
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell.window, timeout=3000)
    return page


def test_a_new_letter_asks_who_it_is_from_and_never_mixes_two_people(shell, qtbot, prompts):
    page = _shell_writer(shell, qtbot)
    _letters, profiles = shell.repositories()
    s = page.sender_step
    _from_step(qtbot, page, name="Mrs Ann Carer", address="22 Elm Close\nRomsey", postcode="SO51 7AA")
    assert s.remember.text() == "Remember these details for next time" and not s.remember.isChecked()
    qtbot.mouseClick(s.remember, Qt.MouseButton.LeftButton, pos=s.remember.rect().center())
    _next(qtbot, page)  # leaving 'From' saves the details, as ticked
    assert [p.name for p in profiles.list()] == ["Mrs Ann Carer"]
    page.write_step.body.setPlainText("Ann's letter.")
    prompts.expect("Mrs Ann Carer")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert prompts.asked[-1] == ("choose", "Who is this letter from?", "Mrs Ann Carer (saved details)\nSomeone new")
    # Ann's details are filled in; typing replaces them instead of running on.
    page.go(1)
    assert s.name.text() == "Mrs Ann Carer"
    _type(qtbot, "Mr Bob Patient")
    _tab(qtbot)
    _type(qtbot, "1 Oak Road")
    assert s.name.text() == "Mr Bob Patient" and s.address.toPlainText() == "1 Oak Road"
    # Someone else's name: Ann's saved details are no longer the ones in use.
    assert s.profiles.currentIndex() == 0 and s.remember.text() == "Remember these details for next time"
    assert not s.remember.isChecked()
    _next(qtbot, page)
    page.write_step.body.setPlainText("Bob's letter.")
    shell.writer.save_now()
    (ann,) = profiles.list()
    assert (ann.name, ann.address_lines()) == ("Mrs Ann Carer", ["22 Elm Close", "Romsey"])
    assert shell.writer.letter().sender.name == "Mr Bob Patient"


def test_saved_details_change_only_when_the_person_says_so(shell, qtbot, prompts):
    page = _shell_writer(shell, qtbot)
    _letters, profiles = shell.repositories()
    s = page.sender_step
    ann = profiles.create("Mrs Ann Carer", address="22 Elm Close\nRomsey", postcode="SO51 7AA")
    shell.writer.sender_profiles.refresh()
    page.write_step.body.setPlainText("A first letter.")
    prompts.expect("Mrs Ann Carer")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.go(1)
    assert s.remember.isHidden()  # the saved details as they are: nothing to save
    qtbot.mouseClick(s.address, Qt.MouseButton.LeftButton)
    s.address.moveCursor(s.address.textCursor().MoveOperation.End)
    qtbot.keyClicks(s.address, " Hampshire")  # a small change to the address, same person
    assert s.remember.text() == "Also change the saved details of Mrs Ann Carer to these"
    assert not s.remember.isChecked()
    _next(qtbot, page)
    page.write_step.body.setPlainText("Words.")
    shell.writer.save_now()
    assert profiles.get(ann.id).address_lines() == ["22 Elm Close", "Romsey"]  # not said: not changed
    page.go(1)
    qtbot.mouseClick(s.remember, Qt.MouseButton.LeftButton, pos=s.remember.rect().center())
    _next(qtbot, page)  # said so: changed
    assert profiles.get(ann.id).address_lines() == ["22 Elm Close", "Romsey Hampshire"]
    assert len(profiles.list()) == 1


def test_the_helpline_hands_over_only_a_certain_mp(shell, qtbot):
    shell.go_to("helpline")
    helpline = shell.window.page("helpline")
    qtbot.keyClicks(helpline.find_mp.postcode, "AB15 8ZZ")  # three possible seats
    assert helpline.find_mp.card.title.text().startswith("Most likely:")
    qtbot.mouseClick(helpline.write_button, Qt.MouseButton.LeftButton)
    assert shell.writer.letter().recipient.display_name() == ""


# Finding 21 --------------------------------------------------------------------------------
def test_start_a_new_letter_leaves_no_empty_draft_behind(shell, qtbot, prompts):
    page = _shell_writer(shell, qtbot)
    letters, _profiles = shell.repositories()
    _from_step(qtbot, page, name="Ann Jones")
    _next(qtbot, page)  # one MP found: the recipient
    shell.writer.save_now()
    assert letters.count() == 1  # typed details are kept at once (after a crash they are there)
    prompts.expect("Someone new")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert letters.count() == 0  # no words of its own: not left in My letters
    page.write_step.body.setPlainText("A real letter.")
    shell.writer.save_now()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # nobody to choose from: no question
    assert letters.count() == 1  # a letter with words stays


def test_the_same_person_is_offered_once(shell, qtbot, prompts):
    """Saved details whose postcode was corrected since are still one person in the question."""
    page = _shell_writer(shell, qtbot)
    _letters, profiles = shell.repositories()
    profiles.create("Mrs Ann Carer", address="22 Elm Close\nRomsey", postcode="S051 7AA")
    shell.writer.sender_profiles.refresh()
    shell.writer.sender_profiles.use(profiles.list()[0].id)
    page.sender_step.postcode.setText("SO51 7AA")  # corrected in step 3, not in the saved details
    page.write_step.body.setPlainText("Words.")
    prompts.expect("Someone new")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert prompts.asked[-1][2] == "Mrs Ann Carer (saved details)\nSomeone new"


# A postcode corrected after the MP was found ------------------------------------------------------
def test_a_postcode_corrected_after_the_mp_was_found_finds_the_new_mp(qtbot):
    """A caller first gives a Cardiff postcode, the MP is found, then they correct their
    address to Edinburgh: the letter must go to the Edinburgh MP, not quietly to the one found
    before (a hands-on test printed "Dear Stephen Doughty" for an Edinburgh address)."""
    view, controller = make(qtbot)
    _activate(qtbot, view)
    _from_step(qtbot, view, address="1 Bute Street\nCardiff", postcode="CF10 1EP")
    _next(qtbot, view)  # step 3: one MP found, and Next accepts them
    assert view.recipient_step.find_mp.card.title.text() == "Stephen Doughty MP"
    _next(qtbot, view)
    assert controller.letter().recipient.display_name() == "Stephen Doughty"

    view.go(1)  # back to 'From': the caller corrects the address
    view.sender_step.address.setPlainText("1 High Street\nEdinburgh")
    view.sender_step.postcode.setFocus()
    view.sender_step.postcode.selectAll()
    _type(qtbot, "EH1 1YZ")
    view.go(2)  # 'To' again: the new postcode is looked up
    assert view.recipient_step.find_mp.card.title.text() == "Chris Murray MP"
    assert controller.letter().recipient.display_name() == "Chris Murray"
    assert "Chris Murray MP" in view.recipient_step.chosen.text()
    view.go(4)
    assert tasks.wait_for_all(30_000)
    text = pdf_text(controller.output.pdf)
    assert "Dear Chris Murray" in text and "Stephen Doughty" not in text


def test_an_mp_for_another_constituency_is_flagged_before_printing(qtbot):
    """A letter opened with an MP set (from My letters, or a copy of someone else's) whose
    writer's postcode is in another MP's seat: step 5 says so before anything is printed."""
    from sirt_desktop.core.letters.kinds import RecipientKind
    from sirt_desktop.core.letters.model import Letter, Recipient, Sender

    view, controller = make(qtbot)
    letter = Letter(
        kind="mp_campaign",
        sender=Sender(name="Ann Jones", address_lines=["1 High Street", "Edinburgh"], postcode="EH1 1YZ"),
        recipient=Recipient(full_name="Caroline Nokes", position="MP", kind=RecipientKind.MP),
        body="Please ask NHS England to fund SIRT for neuroendocrine tumours.",
    )
    controller.load(letter, None)
    view.go(4)
    assert tasks.wait_for_all(30_000)
    problems = view.print_step.problems.text()
    assert "Your postcode EH1 1YZ is in Edinburgh East and Musselburgh (MP: Chris Murray)" in problems
    assert "this letter is to Caroline Nokes" in problems and "step 3" in problems

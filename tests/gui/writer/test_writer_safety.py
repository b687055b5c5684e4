"""Regression tests: nothing typed is lost, and nobody's details end up in someone else's letter."""

from __future__ import annotations

import pytest

from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import letter_from_dict, letter_to_dict
from tests.gui.writer.test_letter_writer import MemoryDrafts, fill_sender, make


class FailingDrafts(MemoryDrafts):
    fail = False

    def save(self, letter_id, letter):
        if self.fail:
            raise OSError("disk full")
        return super().save(letter_id, letter)


class DeletingDrafts(MemoryDrafts):
    def delete(self, letter_id):
        self.saved.pop(letter_id, None)


def test_next_letter_after_a_callers_letter_starts_blank(qtbot, monkeypatch):
    drafts = DeletingDrafts()
    view, controller = make(qtbot, drafts)
    controller.start_new(for_caller=True, caller_postcode="SO51 7AA")
    assert view.sender_step.remember.isHidden()  # a caller never becomes saved details
    view.sender_step.name.setText("A Caller")
    view.sender_step.address.setPlainText("1 Caller Street")
    view.write_step.body.setPlainText("The caller's words.")
    controller.prompts.expect(False, True)
    assert controller.start_new() is False  # not kept, not printed: the volunteer is asked first
    assert view.write_step.body.toPlainText() == "The caller's words."
    assert controller.start_new() is True  # …and says yes, go on
    assert [title for _kind, title, _text in controller.prompts.asked] == ["This letter is not kept"] * 2
    assert view.sender_step.name.text() == "" and view.sender_step.address.toPlainText() == ""
    view.write_step.body.setPlainText("My own letter.")
    controller.save_now()
    assert all(letter.sender.name != "A Caller" for letter in drafts.saved.values())


def test_choosing_the_devolved_member_keeps_the_letter(qtbot):
    view, controller = make(qtbot)
    fill_sender(view)
    view.write_step.body.setPlainText("Words I do not want to lose.")
    controller.finder.find("AB15 8ZZ")
    controller.finder.select(0)
    view.recipient_step.find_mp.devolved.write_button.click()
    assert controller.kind_id == "devolved_rep"
    assert view.write_step.body.toPlainText() == "Words I do not want to lose."
    assert view.sender_step.name.text() == "Mrs Siân Llŵyd"


def test_a_failed_save_is_never_silently_thrown_away(qtbot, monkeypatch):
    drafts = FailingDrafts()
    view, controller = make(qtbot, drafts)
    fill_sender(view)
    drafts.fail = True
    view.write_step.body.setPlainText("Precious words.")
    controller.save_now()
    assert "Could not save" in view.saved.text()
    controller.prompts.expect(False)
    assert controller.start_new() is False
    assert view.write_step.body.toPlainText() == "Precious words."
    drafts.fail = False  # the disk has room again: leaving now saves first
    assert controller.start_new() is True
    assert any(letter.body == "Precious words." for letter in drafts.saved.values())


def test_unticking_keep_a_copy_deletes_the_kept_copy(qtbot):
    drafts = DeletingDrafts()
    view, controller = make(qtbot, drafts)
    controller.start_new(for_caller=True)
    view.sender_step.name.setText("A Caller")
    view.write_step.body.setPlainText("Please keep this.")
    view.keep_copy.setChecked(True)
    assert len(drafts.saved) == 1
    view.keep_copy.setChecked(False)
    assert drafts.saved == {}
    assert controller.letter_id is None


def test_letter_deleted_in_my_letters_leaves_the_writer(qtbot):
    drafts = MemoryDrafts()
    view, controller = make(qtbot, drafts)
    fill_sender(view)
    view.write_step.body.setPlainText("Soon deleted.")
    letter_id = controller.save_now()
    controller.letter_deleted(letter_id)
    assert controller.letter_id is None
    assert view.write_step.body.toPlainText() == ""


def test_opening_someone_elses_letter_does_not_change_my_saved_details(shell, qtbot):
    letters, profiles = shell.repositories()
    shell.go_to("write")
    page = shell.window.page("write")
    c = shell.writer
    page.sender_step.remember.setChecked(True)
    page.sender_step.name.setText("Ann Jones")
    page.write_step.body.setPlainText("My letter.")
    c.save_now()
    assert [p.name for p in profiles.list()] == ["Ann Jones"]
    other = Letter(kind="mp_campaign", body="Mum's letter.")
    other.sender.name = "Mum Smith"
    other_id = letters.create_draft("mp_campaign", letter_to_dict(other), body="Mum's letter.").id
    shell.open_letter(other_id)
    page.write_step.body.setPlainText("Mum's letter, edited.")
    c.save_now()
    assert [p.name for p in profiles.list()] == ["Ann Jones"]


def test_after_delete_everything_nothing_old_is_offered_or_saved(shell, qtbot):
    from sirt_desktop.core.db.privacy import delete_everything

    letters, _profiles = shell.repositories()
    shell.go_to("write")
    page = shell.window.page("write")
    page.sender_step.remember.setChecked(True)
    page.sender_step.name.setText("Ann Jones")
    page.write_step.body.setPlainText("Old words.")
    shell.writer.save_now()
    delete_everything(shell.database.get())
    shell._after_delete_everything()
    assert page.sender_step.name.text() == ""
    assert page.sender_step.profiles.count() == 1  # only "New details"
    page.sender_step.name.setText("New Person")
    page.write_step.body.setPlainText("New words.")
    assert shell.writer.save_now() is not None
    assert letters.count() == 1


def test_draft_with_a_very_long_reply_format_still_opens():

    data = letter_to_dict(Letter(kind="clinician", body="x", reply_format="large print " * 40))
    assert letter_from_dict(data, strict=False).reply_format.startswith("large print")


def test_database_errors_never_carry_letter_text():
    from sqlalchemy import text

    from sirt_desktop.core.db.engine import Database
    from sirt_desktop.core.db.errors import DatabaseError
    from sirt_desktop.core.db.failures import plain_database_errors

    db = Database.open()
    with pytest.raises(DatabaseError) as caught, plain_database_errors(), db.session() as s:
        s.execute(text("INSERT INTO no_such_table VALUES (:secret)"), {"secret": "NHS 943 476 5919"})
    assert "943 476 5919" not in str(caught.value)
    db.close()


def test_a_reopened_letter_does_not_pass_its_sender_on(shell, qtbot):
    letters, profiles = shell.repositories()
    caller = Letter(kind="mp_campaign", body="A kept caller letter.")
    caller.sender.name = "Caller Cara"
    caller.sender.address_lines = ["2 Private Road"]
    caller_id = letters.create_draft("mp_campaign", letter_to_dict(caller), body=caller.body).id
    shell.open_letter(caller_id)
    page = shell.window.page("write")
    assert page.sender_step.name.text() == "Caller Cara"
    shell.writer.start_new()
    assert page.sender_step.name.text() == ""  # not one of the saved details: not carried over
    assert profiles.list() == []


def test_helpline_hands_over_to_a_blank_callers_letter_and_forgets_the_caller(shell, qtbot):
    shell.go_to("helpline")
    finder = shell.window.page("helpline").find_mp
    qtbot.keyClicks(finder.postcode, "AB15 8ZZ")
    finder.candidates.setCurrentRow(0)
    assert finder.devolved.title.text() == "The caller's Scottish Parliament constituency"
    finder.card.use_button.click()
    writer = shell.window.page("write")
    assert shell.window.current_section() == "write"
    assert writer.sender_step.name.text() == ""
    assert "The caller's name" in writer.sender_step.intro.text()
    assert finder.postcode.text() == "" and not finder.card.isVisibleTo(finder)

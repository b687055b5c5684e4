"""My letters by keyboard: where the focus goes after each action, what the page says it did,
option buttons that choose on the arrow keys, and dialogs that grow with what they show."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.core.db.records import ReplyCheck, ReplyStatus
from sirt_desktop.gui.history.controller import (
    DELETE_NO,
    DELETE_YES,
    HistoryController,
    HistoryPrompts,
    delete_question,
)
from sirt_desktop.gui.history.dialogs import ReplyDialog, SentDialog
from sirt_desktop.gui.history.reply_check_dialog import ReplyCheckDialog
from sirt_desktop.gui.history.view import HistoryView
from tests.gui.history.test_history_view import Answers
from tests.gui.prompts import FakePrompts


def _mnemonic(text: str) -> str | None:
    cleaned = text.replace("&&", "")
    index = cleaned.find("&")
    return cleaned[index + 1].lower() if 0 <= index < len(cleaned) - 1 else None


@pytest.fixture
def letters(db, qtbot):
    """Five letters (the last sent), in a shown My letters page whose questions are answered
    by ``Answers``."""
    repo = LettersRepository(db)
    made = [
        repo.create_draft("mp_campaign", {}, recipient_name=f"Jo Bloggs {i}", subject=f"Letter {i}", body="Words.")
        for i in range(5)
    ]
    repo.mark_sent(made[-1].id, "posted", dt.date(2026, 1, 5))
    view = HistoryView()
    answers = Answers()
    controller = HistoryController(view, repo, prompts=answers)
    qtbot.addWidget(view)
    view.resize(900, 700)
    _show(qtbot, view)
    return view, controller, repo, answers


def _show(qtbot, widget) -> None:
    """Shown, and the active window (so the keyboard goes to it, as on a desktop)."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _press(qtbot, view, action):
    """Tab stop on the action's button, then Space (as a keyboard user does)."""
    button = view.buttons[action]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is button
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_make_a_copy_says_so_chooses_the_copy_and_keeps_the_keyboard_on_the_list(letters, qtbot):
    view, controller, repo, _answers = letters
    original = view.selected_letter_id()
    _press(qtbot, view, "duplicate")
    assert "Copy made" in view.note.text() and view.note.isVisibleTo(view)
    copy_id = view.selected_letter_id()
    assert copy_id != original and repo.get(copy_id).subject == repo.get(original).subject
    assert QApplication.focusWidget() is view.table
    # The next ↓ moves in the list: it no longer changes the "Kind" filter and empties the list.
    kind_before = view.kind.currentIndex()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.kind.currentIndex() == kind_before
    assert view.stack.currentIndex() == 0 and controller.model.rowCount() == 6
    assert view.selected_letter_id() == original


def test_delete_leaves_the_keyboard_on_the_next_letter(letters, qtbot):
    view, controller, _repo, _answers = letters
    view.table.selectRow(1)
    gone, following = controller.model.summary(1).id, controller.model.summary(2).id
    _press(qtbot, view, "delete")
    assert controller.model.row_of(gone) == -1
    assert view.selected_letter_id() == following
    assert QApplication.focusWidget() is view.table
    assert view.note.text().startswith("Deleted your letter to")


def test_kept_delete_and_cancelled_delete_keep_the_keyboard_on_the_list(letters, qtbot):
    view, _controller, _repo, answers = letters
    answers.delete = False
    chosen = view.selected_letter_id()
    _press(qtbot, view, "delete")
    assert view.selected_letter_id() == chosen
    assert QApplication.focusWidget() is view.table


def test_mark_as_sent_reply_and_follow_up_leave_the_keyboard_on_the_letter(letters, qtbot):
    view, controller, _repo, answers = letters
    sent = view.selected_letter_id()
    _press(qtbot, view, "sent")
    assert view.selected_letter_id() == sent and QApplication.focusWidget() is view.table
    assert "as sent" in view.note.text()
    answers.reply = ReplyStatus.NOT_EXPECTING
    _press(qtbot, view, "reply")
    assert view.selected_letter_id() == sent and QApplication.focusWidget() is view.table
    assert "Not expecting a reply" in view.note.text()
    opened = []
    controller.follow_up_created.connect(opened.append)
    _press(qtbot, view, "follow_up")
    assert opened == [view.selected_letter_id()] and opened[0] != sent
    assert QApplication.focusWidget() is view.table
    assert "follow-up" in view.note.text()


def test_the_focus_comes_back_to_the_list_after_the_real_reply_dialog(db, qtbot):
    """The real dialog: the list has the focus after it closes (it was left on the Reply
    button, which the reloading list greyed for a moment while the window was not active, and
    the focus went nowhere)."""
    repo = LettersRepository(db)
    letter = repo.create_draft("mp_campaign", {}, recipient_name="Jo Bloggs", subject="SIRT", body="Words.")
    repo.mark_sent(letter.id, "posted", dt.date(2026, 1, 5))
    view = HistoryView()
    controller = HistoryController(view, repo, prompts=HistoryPrompts(FakePrompts(), view))
    view.controller_kept = controller  # the page keeps its controller, as the shell does
    qtbot.addWidget(view)
    _show(qtbot, view)
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, ReplyDialog) and w.isVisible()), None)
        if dialog is None:  # not open yet: look again once the dialog's own loop runs
            QTimer.singleShot(10, answer)
            return
        try:
            dialog.answers.radios[ReplyStatus.REPLIED_NOT_ANSWERED].setChecked(True)
            seen["chosen"] = dialog.answers.chosen()
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never leave the test waiting on a modal dialog

    QTimer.singleShot(0, answer)
    view.buttons["reply"].setFocus()
    view.buttons["reply"].click()
    assert seen["chosen"] == ReplyStatus.REPLIED_NOT_ANSWERED
    assert repo.get(letter.id).reply_status == ReplyStatus.REPLIED_NOT_ANSWERED
    assert view.window().focusWidget() is view.table  # given back when the window is active again


# --- option buttons -------------------------------------------------------------------------


def _summary(db, **sent):
    repo = LettersRepository(db)
    letter = repo.create_draft("mp_campaign", {}, recipient_name="Jo Bloggs", subject="SIRT", body="Words.")
    if sent:
        repo.mark_sent(letter.id, "posted", dt.date(2026, 1, 5))
    return repo, repo.list_page()[0]


def test_arrow_keys_choose_an_answer_when_none_is_chosen_yet(db, qtbot):
    _repo, summary = _summary(db, sent=True)
    dialog = ReplyDialog(summary)
    qtbot.addWidget(dialog)
    _show(qtbot, dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    radios = list(dialog.answers.radios.values())
    assert dialog.answers.chosen() is None and not save.isEnabled()
    radios[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(radios[0], Qt.Key.Key_Down)
    assert radios[1].isChecked() and QApplication.focusWidget() is radios[1] and save.isEnabled()
    qtbot.keyClick(radios[1], Qt.Key.Key_Down)  # once chosen, Qt's own arrows go on choosing
    assert radios[2].isChecked()
    qtbot.keyClick(radios[2], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.answers.chosen() == ReplyStatus.ACKNOWLEDGEMENT_ONLY


def test_an_arrow_at_the_end_of_the_options_chooses_the_focused_one(db, qtbot):
    checks = [ReplyCheck(letter=_summary(db, sent=True)[1], weeks=2)]
    dialog = ReplyCheckDialog(checks)
    qtbot.addWidget(dialog)
    _show(qtbot, dialog)
    first = dialog.answers.radios[ReplyStatus.REPLIED_HELPED]
    assert QApplication.focusWidget() is first and not first.isChecked() and not dialog.save.isEnabled()
    qtbot.keyClick(first, Qt.Key.Key_Up)
    assert first.isChecked() and dialog.save.isEnabled()


def test_enter_on_an_option_does_nothing_while_save_is_greyed(db, qtbot):
    _repo, summary = _summary(db, sent=True)
    dialog = ReplyDialog(summary)
    qtbot.addWidget(dialog)
    _show(qtbot, dialog)
    first = next(iter(dialog.answers.radios.values()))
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


# --- Mark as sent ---------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [100, 200])
def test_mark_as_sent_grows_when_it_says_how_the_date_was_read(db, qapp, qtbot, scale):
    from sirt_desktop.gui.theme import Theme

    theme = Theme(qapp)
    theme.apply(scale, "dark")
    try:
        _repo, summary = _summary(db)
        dialog = SentDialog(summary, today=lambda: dt.date(2027, 1, 1))
        qtbot.addWidget(dialog)
        _show(qtbot, dialog)
        dialog.date.edit.setFocus()
        dialog.date.edit.selectAll()
        qtbot.keyClicks(dialog.date.edit, "1/12/26")
        assert dialog.date.echo.text() == "Read as 1 December 2026."
        layout = dialog.layout()
        qtbot.waitUntil(lambda: dialog.height() >= layout.totalHeightForWidth(dialog.width()))
        for radio in dialog.methods.values():
            assert radio.height() >= radio.sizeHint().height(), radio.text()
        echo = dialog.date.echo
        assert echo.height() >= echo.heightForWidth(echo.width())
    finally:
        theme.apply(100, "system")


# --- Delete ---------------------------------------------------------------------------------


def test_delete_mentions_kept_copies_only_when_there_is_one(db):
    repo = LettersRepository(db)
    draft = repo.create_draft("mp_campaign", {}, subject="Never printed", body="Words.")
    printed = repo.create_draft("mp_campaign", {}, subject="Printed", body="Words.")
    repo.store_pdf(printed.id, b"%PDF-1.4 kept", "printed", finish=True)
    by_id = {s.id: s for s in repo.list_page()}
    assert "copy kept" not in delete_question(by_id[draft.id])
    assert "cannot be undone" in delete_question(by_id[draft.id])
    assert "copy kept for printing it again" in delete_question(by_id[printed.id])


def test_the_delete_question_has_an_alt_key_on_each_button():
    keys = [_mnemonic(DELETE_YES), _mnemonic(DELETE_NO)]
    assert keys == ["d", "k"]

"""Settings → Delete everything…: typing the word and pressing Enter deletes; nothing ever
cancels without a word. Driven with real key presses in the real, modal dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import letter_to_dict
from sirt_desktop.gui.settings.your_data_view import DeleteEverythingDialog


def _keep_a_letter(shell):
    letters, _profiles = shell.repositories()
    letters.create_draft("mp_campaign", letter_to_dict(Letter(body="Private words.")), body="Private words.")
    return letters


def _when_dialog_opens(qtbot, act):
    """Run ``act(dialog)`` once the Delete everything dialog is showing (it runs modally)."""
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DeleteEverythingDialog) or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(20, look)  # until it is open and has the keyboard
            return
        seen["dialog"] = dialog
        try:
            act(dialog)
        except Exception as exc:
            seen["error"] = exc
        finally:
            if dialog.isVisible():  # never leave a modal dialog open: the test would hang
                dialog.reject()

    QTimer.singleShot(0, look)
    return seen


def test_enter_after_typing_delete_deletes_everything(shell, qtbot, prompts, inline_tasks):
    letters = _keep_a_letter(shell)
    shell.go_to("settings")
    shell.window.page("settings")

    def type_and_enter(dialog):
        assert QApplication.focusWidget() is dialog.confirm  # typing goes straight into the box
        qtbot.keyClicks(dialog.confirm, "DELETE")
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)

    seen = _when_dialog_opens(qtbot, type_and_enter)
    qtbot.mouseClick(shell.settings_page.your_data.view.delete_all, Qt.MouseButton.LeftButton)
    assert "dialog" in seen and "error" not in seen, seen.get("error")
    assert letters.count() == 0
    assert [title for _kind, title, _text in prompts.told] == ["Deleted"]


def test_enter_before_the_word_is_typed_explains_and_stays(shell, qtbot, prompts):
    letters = _keep_a_letter(shell)
    shell.go_to("settings")
    shell.window.page("settings")
    still_open = {}

    def wrong_word_then_escape(dialog):
        qtbot.keyClicks(dialog.confirm, "DELET")
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
        still_open["open"] = dialog.isVisible()
        still_open["hint"] = dialog.hint.text()
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Escape)  # cancelling is a choice the person makes

    seen = _when_dialog_opens(qtbot, wrong_word_then_escape)
    qtbot.mouseClick(shell.settings_page.your_data.view.delete_all, Qt.MouseButton.LeftButton)
    assert "error" not in seen, seen.get("error")
    assert still_open["open"] is True
    assert "DELETE" in still_open["hint"] and "Nothing has been deleted" in still_open["hint"]
    assert letters.count() == 1


def test_enter_with_the_word_in_small_letters_says_what_is_needed(qtbot):
    from sirt_desktop.core.db.records import StoredCounts

    dialog = DeleteEverythingDialog(StoredCounts(letters=1, profiles=0, pdfs=0, backup_files=0, other_files=0))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.confirm, "delete")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Enter)
    assert dialog.isVisible() and "capital" in dialog.hint.text()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "DELETE ")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Enter)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_export_says_plain_counts_and_starts_in_documents(shell, qtbot, prompts, tmp_path, inline_tasks):
    from pathlib import Path

    from sirt_desktop.core import paths

    letters = _keep_a_letter(shell)
    (letter,) = letters.list_page()
    letters.store_pdf(letter.id, b"%PDF-1.4 test", "printed")
    prompts.expect(str(tmp_path / "export.zip"))
    shell.go_to("settings")
    shell.window.page("settings")
    qtbot.mouseClick(shell.settings_page.your_data.view.export, Qt.MouseButton.LeftButton)
    (asked,) = prompts.asked
    assert asked[0] == "save_path" and Path(asked[2]).parent == paths.documents_dir()
    told = [text for _kind, _title, text in prompts.told]
    assert told and told[0].startswith("Saved 1 letter, no saved details and 1 printed copy to:")

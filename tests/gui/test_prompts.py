"""gui/prompts.py: the Qt boxes default to the safe answer; the fake refuses surprises."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from sirt_desktop.gui.prompts import QtPrompts
from tests.gui.prompts import FakePrompts


def _press_enter_on_the_box(seen: dict) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(50, lambda: _press_enter_on_the_box(seen))
        return
    seen["default"] = box.defaultButton().text()
    seen["buttons"] = sorted(b.text() for b in box.buttons())
    QTest.keyClick(box, Qt.Key.Key_Return)


@pytest.mark.parametrize("destructive", [False, True])
def test_confirm_defaults_to_the_safe_button(qapp, destructive):
    seen: dict = {}
    QTimer.singleShot(50, lambda: _press_enter_on_the_box(seen))
    answer = QtPrompts().confirm(
        "Delete this letter?", "It cannot be undone.", yes="Delete the letter", no="Keep it", destructive=destructive
    )
    assert answer is False
    assert seen == {"default": "Keep it", "buttons": ["Delete the letter", "Keep it"]}


def test_go_on_anyway_defaults_to_no(qapp):
    seen: dict = {}
    QTimer.singleShot(50, lambda: _press_enter_on_the_box(seen))
    assert QtPrompts().go_on_anyway("Your letter is not saved", "The last changes could not be saved.") is False
    assert seen["default"].replace("&", "") == "No"


def test_the_fake_answers_in_order_and_fails_on_a_surprise():
    prompts = FakePrompts(True, "/tmp/letter.pdf")
    assert prompts.confirm("A?", "", yes="Yes", no="No") is True
    assert prompts.save_path("Save", "letter.pdf", "PDF (*.pdf)") == "/tmp/letter.pdf"
    prompts.tell("Saved", "Saved to /tmp/letter.pdf")
    assert prompts.told == [("tell", "Saved", "Saved to /tmp/letter.pdf")]
    with pytest.raises(AssertionError, match="unexpected question"):
        prompts.go_on_anyway("Your letter is not saved", "…")
    prompts.expect(False)
    with pytest.raises(AssertionError, match="never asked"):
        prompts.assert_all_answered()


def test_the_shell_asks_through_its_prompts(shell, prompts, tmp_path):
    """File → Update MP list asks for the file through the prompts: cancelling changes nothing."""
    prompts.expect(None)
    assert shell.update_mp_list().wait() is False
    assert prompts.asked[0][:2] == ("open_path", "Choose the new MP list")

"""Dates typed with the keyboard the way people type them reach the letter and My letters
unchanged (a spin-box date field turned "12 March 1952" into "2 March 1952")."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox


def _type_over(qtbot, field, text: str) -> None:
    """What a person does: go to the field, select what is there, type, and Tab away."""
    field.setFocus()
    widget = field.focusProxy() or field
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


@pytest.mark.parametrize("typed", ["12 March 1952", "12/03/1952", "12 3 1952", "12th March 1952", "12.03.52"])
def test_date_of_birth_typed_as_people_type_it(shell, qtbot, typed):
    window = shell.window
    window.show_section("write")
    page = window.page("write")
    page.kind_step.set_kind("clinician")
    page.go(3)
    field = page.write_step.date_of_birth
    assert field.isVisible()
    _type_over(qtbot, field, "1 January 1960")
    _type_over(qtbot, field, typed)  # typed over an earlier date, as in the report
    assert shell.writer.letter().date_of_birth == dt.date(1952, 3, 12)
    assert field.text() == "12 March 1952"  # said back in words on leaving the field


def test_a_date_of_birth_that_cannot_be_read_says_why_and_is_not_guessed(shell, qtbot):
    window = shell.window
    window.show_section("write")
    page = window.page("write")
    page.kind_step.set_kind("clinician")
    page.go(3)
    field = page.write_step.date_of_birth
    _type_over(qtbot, field, "31/02/1952")
    assert shell.writer.letter().date_of_birth is None
    assert field.echo.isVisible() and "February 1952 has 29 days" in field.echo.text()
    assert field.text() == "31/02/1952"  # what was typed stays, to be corrected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("12/11/2026", dt.date(2026, 11, 12)), ("1 Nov 2026", dt.date(2026, 11, 1)), ("yesterday", dt.date(2026, 12, 2))],
)
def test_the_sent_date_in_mark_as_sent(qtbot, db, typed, expected):
    from sirt_desktop.core.db.letters_repo import LettersRepository
    from sirt_desktop.gui.history.dialogs import SentDialog

    letters = LettersRepository(db)
    letters.create_draft("mp_campaign", {}, recipient_name="Caroline Nokes", subject="SIRT", body="x")
    summary = letters.list_page()[0]
    dialog = SentDialog(summary, today=lambda: dt.date(2026, 12, 3))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.date.value() == dt.date(2026, 12, 3)  # today, to start with
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    _type_over(qtbot, dialog.date, "Nov")
    assert not save.isEnabled() and "Please add the day and the year" in dialog.date.echo.text()
    _type_over(qtbot, dialog.date, typed)
    assert save.isEnabled()
    assert dialog.answer()[1] == expected
    _type_over(qtbot, dialog.date, "4 December 2026")
    assert not save.isEnabled() and "in the future" in dialog.date.echo.text()

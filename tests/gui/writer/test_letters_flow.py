"""Letters across sections: write, print, find it in My letters, re-print the same bytes."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sirt_desktop.core import paths


def _write_and_keep(shell, qtbot, body="Please fund SIRT."):
    shell.go_to("write")
    page = shell.window.page("write")
    c = shell.writer
    page.sender_step.name.setText("Ann Jones")
    page.sender_step.address.setPlainText("1 High Street\nRomsey")
    page.sender_step.postcode.setText("SO51 7AA")
    c.finder.find("SO51 7AA")
    c.finder.use_current()
    page.write_step.body.setPlainText(body)
    c.save_now()
    pdf = c.refresh_preview()
    c._keep_pdf(pdf, "printed")
    return page, pdf


def test_printed_letter_appears_in_my_letters_and_reprints_identically(shell, qtbot):
    _page, pdf = _write_and_keep(shell, qtbot)
    letter_id = shell.writer.letter_id
    shell.go_to("history")
    shell.window.page("history")
    shell.history.refresh()
    qtbot.waitUntil(lambda: shell.history.model.rowCount() == 1, timeout=3000)
    letters, _profiles = shell.repositories()
    assert letters.latest_pdf(letter_id) == pdf
    dialog = shell.reprint(letter_id, letters.latest_pdf(letter_id))
    try:
        assert dialog.pdf == pdf
    finally:
        dialog.close()


def test_open_a_saved_letter_from_my_letters(shell, qtbot):
    page, _pdf = _write_and_keep(shell, qtbot, body="Words I wrote on Tuesday.")
    letter_id = shell.writer.letter_id
    shell.writer.start_new()
    assert page.write_step.body.toPlainText() == ""
    shell.open_letter(letter_id)
    assert shell.window.current_section() == "write"
    assert page.write_step.body.toPlainText() == "Words I wrote on Tuesday."


def test_remembered_sender_details_fill_the_next_letter(shell, qtbot):
    shell.go_to("write")
    page = shell.window.page("write")
    page.sender_step.remember.setChecked(True)
    page.sender_step.name.setText("Łucja Kowalczyk")
    page.sender_step.postcode.setText("SA15 1AA")
    page.write_step.body.setPlainText("A draft.")
    shell.writer.save_now()
    _letters, profiles = shell.repositories()
    assert [p.name for p in profiles.list()] == ["Łucja Kowalczyk"]
    page.sender_step.name.setText("")
    index = page.sender_step.profiles.findText("Łucja Kowalczyk")
    shell.writer.sender_profiles.use(page.sender_step.profiles.itemData(index))
    assert page.sender_step.name.text() == "Łucja Kowalczyk"


def test_corrupt_database_start_fresh_keeps_the_old_file(shell, qtbot):
    shell.database.close()
    db_file = paths.database_path()
    db_file.parent.mkdir(parents=True, exist_ok=True)
    db_file.write_bytes(b"not a database" * 50)

    def choose_fresh():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, choose_fresh)
            return
        button = next(b for b in box.buttons() if b.text().startswith("Start fresh"))
        button.click()

    QTimer.singleShot(50, choose_fresh)
    shell.after_first_show()  # the open runs in the background; the question follows it
    qtbot.waitUntil(lambda: shell.database.is_open, timeout=15_000)
    assert shell.database.error is None
    set_aside = list((paths.data_dir() / "set-aside").iterdir())
    assert any(p.read_bytes().startswith(b"not a database") for p in set_aside)

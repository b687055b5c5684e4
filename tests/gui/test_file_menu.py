"""File → Update MP list… and Update information…: chosen from the menu, as a person does."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.resources import read_text

ROMSEY = "E14001449"


def _menu_action(shell, text):
    return next(a for a in shell.file_menu.actions() if a.text().replace("&", "") == text)


def _new_mp_list(tmp_path: Path) -> Path:
    reader = csv.DictReader(io.StringIO(read_text("data", "mps.csv")))
    rows = list(reader)
    for row in rows:
        if row["gss_code"] == ROMSEY:
            row["mp_name"], row["party"], row["record_as_of"] = "Test Person", "Independent", "2026-09-15"
    path = tmp_path / "new-mps.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=reader.fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_update_mp_list_opens_a_file_chooser_and_applies_the_list(shell, qtbot, monkeypatch, tmp_path):
    new_list = _new_mp_list(tmp_path)
    chooser = []

    def choose(parent, title, folder, file_filter):
        chooser.append((title, folder))
        return str(new_list), file_filter

    told = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(title))
    _menu_action(shell, "Update MP list…").trigger()
    assert chooser and chooser[0][0] == "Choose the new MP list"
    assert chooser[0][1] and Path(chooser[0][1]).is_dir()  # starts in Documents or the home folder
    assert told == ["MP list updated"]
    assert representatives.lookup("SO51 7AA").candidates[0].mp.name == "Test Person"


def test_update_information_opens_a_file_chooser(shell, qtbot, monkeypatch, tmp_path):
    not_a_pack = tmp_path / "update.zip"
    not_a_pack.write_bytes(b"not a zip file")
    chooser = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, folder, file_filter: chooser.append(title) or (str(not_a_pack), ""))
    shown = []
    from sirt_desktop.gui.common import problems_dialog

    monkeypatch.setattr(problems_dialog.ProblemsDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(title))
    _menu_action(shell, "Update information…").trigger()
    assert chooser == ["Choose the information update"]
    assert shown == ["The information was not updated"]


def test_cancelling_the_file_chooser_changes_nothing(shell, qtbot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: ("", ""))
    _menu_action(shell, "Update MP list…").trigger()
    assert representatives.lookup("SO51 7AA").candidates[0].mp.name == "Caroline Nokes"

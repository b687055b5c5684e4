"""File → Update MP list… and Update information…: chosen from the menu, as a person does."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from sirt_desktop.core import paths
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.resources import read_text
from sirt_desktop.gui.prompts import QtPrompts

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


def test_update_mp_list_opens_a_file_chooser_and_applies_the_list(shell, qtbot, prompts, tmp_path, inline_tasks):
    prompts.expect(str(_new_mp_list(tmp_path)), True)  # the file chosen; "Use this MP list?" yes
    _menu_action(shell, "Update MP list…").trigger()
    assert [kind for kind, _title, _text in prompts.asked] == ["open_path", "confirm"]
    assert prompts.asked[0][1] == "Choose the new MP list"
    assert [title for _kind, title, _text in prompts.told] == ["MP list updated"]
    assert representatives.lookup("SO51 7AA").candidates[0].mp.name == "Test Person"


def test_update_information_opens_a_file_chooser(shell, qtbot, prompts, tmp_path, inline_tasks):
    not_a_pack = tmp_path / "update.zip"
    not_a_pack.write_bytes(b"not a zip file")
    prompts.expect(str(not_a_pack))
    _menu_action(shell, "Update information…").trigger()
    assert [(kind, title) for kind, title, _text in prompts.asked] == [("open_path", "Choose the information update")]
    assert [title for _kind, title, _text in prompts.told] == ["The information was not updated"]


def test_cancelling_the_file_chooser_changes_nothing(shell, qtbot, prompts):
    prompts.expect(None)
    _menu_action(shell, "Update MP list…").trigger()
    assert representatives.lookup("SO51 7AA").candidates[0].mp.name == "Caroline Nokes"


def test_file_choosers_start_in_documents_never_the_apps_folder(qtbot, monkeypatch):
    seen = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda parent, title, folder, flt: seen.append(folder) or ("", "")
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda parent, title, offer, flt: seen.append(offer) or ("", "")
    )
    prompts = QtPrompts(None)
    assert prompts.open_path("Choose", "All files (*)") is None
    assert prompts.save_path("Save", "letter.pdf", "PDF (*.pdf)") is None
    assert Path(seen[0]) == paths.documents_dir() and Path(seen[0]).is_dir()
    assert Path(seen[1]) == paths.documents_dir() / "letter.pdf"

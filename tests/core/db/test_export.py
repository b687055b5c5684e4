from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from dataclasses import asdict

import pytest

from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.db.export import (
    JSON_NAME,
    ExportFormatError,
    export_everything,
    read_export,
)
from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.core.db.profiles_repo import ProfilesRepository
from tests.cli.run import cli

PDF_A = b"%PDF-1.4\n" + bytes(range(256)) + b"\n%%EOF\n"
PDF_B = b"%PDF-1.4\nsecond \xe2\x9c\x93\n%%EOF\n"


@pytest.fixture
def filled():
    db = Database.open()
    profiles, letters = ProfilesRepository(db), LettersRepository(db)
    me = profiles.create("Siân Llŵyd", label="Me", address="1 Stryd Fawr\nLlanelli", postcode="SA15 1AA")
    profiles.create("Zoë O’Brien", label="Carer", email="zoe@example.org")
    first = letters.create_draft(
        "mp_campaign",
        {"sender": me.sender_snapshot(), "body": "“SIRT” ✓"},
        "Jane Smith MP",
        "Fund SIRT — please",
        "“SIRT” ✓",
        me.id,
    )
    letters.mark_sent(first.id, "posted", dt.date(2027, 3, 1))
    letters.record_reply(first.id, "no_reply_yet", check_weeks=2)
    letters.store_pdf(first.id, PDF_A, "printed")
    letters.store_pdf(first.id, PDF_B, "saved")
    letters.start_follow_up(first.id)
    letters.create_draft("clinician", {}, "Dr Ómar Ali", "", "")
    yield db
    db.close()


def test_export_round_trips_every_field(filled, tmp_path):
    target = tmp_path / "export.zip"
    summary = export_everything(filled, target)
    assert (summary.profiles, summary.letters, summary.pdfs) == (2, 3, 2)
    contents = read_export(target)
    assert contents.profiles == ProfilesRepository(filled).list()
    repo = LettersRepository(filled)
    originals = [repo.get(s.id) for s in reversed(repo.list_page())]
    assert sorted(contents.letters, key=lambda r: r.id) == sorted(originals, key=lambda r: r.id)
    for read, original in zip(
        sorted(contents.letters, key=lambda r: r.id), sorted(originals, key=lambda r: r.id), strict=True
    ):
        assert asdict(read) == asdict(original)
    first = originals[0]
    assert [p.data for p in contents.pdfs[first.id]] == [PDF_A, PDF_B]
    assert [p.purpose for p in contents.pdfs[first.id]] == ["printed", "saved"]
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == sorted([JSON_NAME, f"pdfs/{first.id}-1.pdf", f"pdfs/{first.id}-2.pdf"])
        assert archive.read(f"pdfs/{first.id}-1.pdf") == PDF_A


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_export_is_owner_only_and_leaves_no_temporary_file(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.zip"
    export_everything(filled, target)
    assert target.stat().st_mode & 0o077 == 0
    assert [p.name for p in folder.iterdir()] == ["export.zip"]


def _rewrite_json(source, target, change):
    with zipfile.ZipFile(source) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(files[JSON_NAME])
    change(document)
    files[JSON_NAME] = json.dumps(document).encode()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(format="something-else"), "not a SIRT Desktop export"),
        (lambda d: d.update(format_version=99), "newer version"),
        (lambda d: d["letters"][0].pop("body"), "'body' is missing"),
        (lambda d: d["letters"][0].update(sent_at="yesterday"), "not a valid date"),
        (lambda d: d["letters"][0].update(reply_asked_2w="yes"), "wrong type"),
        (lambda d: d["letters"][0].update(reply_status="lost"), "unknown reply status"),
        (lambda d: d["letters"][0]["pdfs"][0].update(sha256="0" * 64), "damaged"),
        (lambda d: d["profiles"][0].update(id="one"), "wrong type"),
    ],
)
def test_read_export_refuses_anything_wrong(filled, tmp_path, change, message):
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    export_everything(filled, good)
    _rewrite_json(good, bad, change)
    with pytest.raises(ExportFormatError, match=message):
        read_export(bad)


def test_read_export_refuses_a_file_that_is_not_a_zip(tmp_path):
    path = tmp_path / "x.zip"
    path.write_text("hello")
    with pytest.raises(ExportFormatError):
        read_export(path)


def test_run_export_writes_the_file_and_says_so(filled, tmp_path):
    target = tmp_path / "mine.zip"
    ran = cli("data", "export", target)
    assert ran.code == 0
    assert "Saved 3 letters" in ran.out and ran.err == ""
    assert len(read_export(target).letters) == 3


def test_run_export_explains_a_missing_folder_or_a_folder_target(tmp_path):
    ran = cli("data", "export", tmp_path / "nowhere" / "x.zip")
    assert ran.code == 1
    assert "does not exist" in ran.err and "Traceback" not in ran.err
    ran = cli("data", "export", tmp_path)
    assert ran.code == 1
    assert "is a folder" in ran.err


def test_run_export_explains_an_unwritable_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        ran = cli("data", "export", folder / "x.zip")
        assert ran.code == 1
        assert "permission" in ran.err
    finally:
        folder.chmod(0o700)


def test_run_export_writes_nothing_half_done_when_writing_fails(filled, tmp_path, monkeypatch):
    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sirt_desktop.core.db.export._write_zip", broken)
    ran = cli("data", "export", tmp_path / "x.zip")
    assert ran.code == 1
    assert "disk is full" in ran.err
    assert list(tmp_path.glob("*.zip*")) == []


# --- one damaged letter never stops the export (M6) -------------------------------------------
def _damage(db, sql: str) -> None:
    from sqlalchemy import text

    with db.engine.begin() as connection:
        connection.execute(text(sql))


def test_one_damaged_letter_is_left_out_and_named_and_the_rest_are_exported(filled, tmp_path):
    _damage(filled, "UPDATE letters SET data_json = '{not json' WHERE id = 1")
    target = tmp_path / "export.zip"
    summary = export_everything(filled, target)
    assert summary.letters == 2
    assert [d.id for d in summary.damaged] == [1]
    assert summary.damaged[0].subject == "Fund SIRT — please"
    assert summary.pdfs == 2  # the damaged letter's printed copies are kept too
    contents = read_export(target)
    assert sorted(r.id for r in contents.letters) == [2, 3]
    with zipfile.ZipFile(target) as archive:
        damaged = json.loads(archive.read("damaged-letters.json"))["damaged_letters"]
    assert damaged[0]["id"] == 1 and damaged[0]["data_json"] == "{not json"
    assert damaged[0]["body"] == "“SIRT” ✓" and len(damaged[0]["pdfs"]) == 2


def test_a_stored_value_that_will_not_convert_is_left_out_too(filled, tmp_path):
    _damage(filled, "UPDATE letters SET created_at = 'not a date at all' WHERE id = 3")
    summary = export_everything(filled, tmp_path / "export.zip")
    assert summary.letters == 2 and [d.id for d in summary.damaged] == [3]
    assert "could not be read" in summary.damaged[0].reason


def test_the_command_line_names_the_damaged_letter_and_succeeds(tmp_path):
    db = Database.open()
    letters = LettersRepository(db)
    for i in range(3):
        letters.create_draft("mp_campaign", {}, "MP", f"Letter {i}", "words")
    _damage(db, "UPDATE letters SET data_json = '{not json' WHERE id = 1")
    db.close()
    out = tmp_path / "e.zip"
    done = cli("data", "export", str(out))
    assert done.code == 0, done.err
    assert "Saved 2 letters" in done.out
    assert "letter 1 “Letter 0”" in done.out and "damaged-letters.json" in done.out


def test_a_printed_copy_of_a_letter_written_during_the_export_does_not_stop_it(filled, tmp_path, monkeypatch):
    """The letters are read first and the PDFs after: a letter (with a PDF) that arrives in
    between is simply not in this export."""
    from sirt_desktop.core.db import export as module

    real = module._readable_letters

    def without_the_first(s):
        good, damaged = real(s)
        return [r for r in good if r.id != 1], damaged

    monkeypatch.setattr(module, "_readable_letters", without_the_first)
    summary = export_everything(filled, tmp_path / "export.zip")
    assert summary.letters == 2 and summary.pdfs == 0

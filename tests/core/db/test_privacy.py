from __future__ import annotations

import datetime as dt
import os

import pytest

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import Database, backup_sqlite
from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.core.db.privacy import auto_delete_finished, delete_everything, stored_counts
from sirt_desktop.core.db.profiles_repo import ProfilesRepository

MARKER = "zq-UNIQUE-marker-7731-Llŵyd"


def _all_bytes_under(folder):
    for path in folder.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes()


def test_delete_everything_leaves_no_letter_text_anywhere_in_the_data_folder():
    db = Database.open()
    profiles, letters = ProfilesRepository(db), LettersRepository(db)
    profile = profiles.create(f"Name {MARKER}")
    for i in range(60):  # enough to spread over many pages, the WAL and free pages
        letter = letters.create_draft(
            "mp_campaign",
            {"body": f"{MARKER} {i}" * 20},
            f"MP {MARKER}",
            f"Subject {MARKER}",
            f"{MARKER} body {i} " * 50,
            profile.id,
        )
        letters.save_draft(letter.id, "mp_campaign", "MP", "s", f"edited {MARKER} " * 40, {"b": MARKER})
    letters.store_pdf(letter.id, f"%PDF {MARKER}".encode(), "printed")
    backup_sqlite(paths.database_path(), "test")
    (paths.pdf_dir() / "letter.pdf").write_bytes(f"%PDF {MARKER}".encode())
    encoded = [MARKER.encode("utf-8"), MARKER.encode("utf-16-le")]
    assert any(m in data for _p, data in _all_bytes_under(paths.data_dir()) for m in encoded)

    counts = stored_counts(db)
    assert (counts.letters, counts.profiles, counts.pdfs, counts.backup_files, counts.other_files) == (60, 1, 1, 1, 1)
    delete_everything(db)

    found = [str(p) for p, data in _all_bytes_under(paths.data_dir()) if any(m in data for m in encoded)]
    assert found == []
    # The database still works afterwards.
    assert letters.count() == 0
    letters.create_draft("clinician", {}, "Dr A", "new", "new")
    assert letters.count() == 1
    db.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_database_stays_owner_only_after_delete_everything():
    db = Database.open()
    delete_everything(db)
    db.close()
    assert paths.database_path().stat().st_mode & 0o077 == 0


def test_auto_delete_removes_only_finished_letters_older_than_the_months():
    db = Database.open()
    repo = LettersRepository(db)
    old_finished = repo.create_draft("mp_campaign", {}, subject="old finished")
    repo.finish(old_finished.id, when=dt.datetime(2026, 1, 10))
    old_sent = repo.create_draft("mp_campaign", {}, subject="old sent")
    repo.finish(old_sent.id, when=dt.datetime(2026, 1, 30))
    repo.mark_sent(old_sent.id, "posted", dt.date(2026, 2, 1))
    recent = repo.create_draft("mp_campaign", {}, subject="recent")
    repo.finish(recent.id, when=dt.datetime(2026, 6, 15))
    draft = repo.create_draft("mp_campaign", {}, subject="old draft")
    repo.store_pdf(old_finished.id, b"%PDF old", "printed")

    assert auto_delete_finished(db, 0, dt.date(2027, 1, 1)) == 0
    assert auto_delete_finished(db, 6, dt.date(2026, 7, 31)) == 2  # before 31 Jan 2026
    assert {s.subject for s in repo.list_page()} == {"recent", "old draft"}
    assert repo.pdf_versions(old_finished.id) == []
    assert auto_delete_finished(db, 120, dt.date(2040, 1, 1)) == 1
    assert [s.id for s in repo.list_page()] == [draft.id]
    db.close()


def test_a_deleted_letter_does_not_linger_in_the_journal_while_the_app_is_open():
    """The write-ahead journal keeps older copies of pages until it is emptied: a letter
    deleted in My letters must not stay readable there until the app closes."""
    db = Database.open()
    letters = LettersRepository(db)
    keep = letters.create_draft("mp_campaign", {}, "MP", "kept", "ordinary words")
    gone = letters.create_draft("mp_campaign", {"b": MARKER}, "MP", f"Subject {MARKER}", f"{MARKER} " * 200)
    for _ in range(5):
        letters.save_draft(gone.id, "mp_campaign", "MP", "s", f"edited {MARKER} " * 100, {"b": MARKER})
    wal = paths.database_path().with_name(paths.database_path().name + "-wal")
    assert MARKER.encode() in wal.read_bytes()
    letters.delete(gone.id)
    leftovers = [p.name for p, data in _all_bytes_under(paths.data_dir()) if MARKER.encode() in data]
    assert leftovers == []
    assert letters.get(keep.id).body == "ordinary words"
    db.close()

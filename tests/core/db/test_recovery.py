from __future__ import annotations

import hashlib
import os

import pytest
from sqlalchemy import text

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import Database, backup_sqlite
from sirt_desktop.core.db.errors import CorruptDatabaseError, DatabaseError, NewerDatabaseError
from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.core.db.recovery import (
    list_backups,
    open_database,
    restore_last_backup,
    start_fresh,
)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _db_with(subject):
    db = Database.open()
    LettersRepository(db).create_draft("mp_campaign", {}, subject=subject)
    return db


def test_start_fresh_sets_a_corrupt_database_aside_and_creates_a_new_one():
    path = paths.database_path()
    path.write_bytes(b"not a database" * 100)
    before = _digest(path)
    with pytest.raises(CorruptDatabaseError):
        Database.open()
    result = start_fresh()
    assert result.set_aside is not None and result.set_aside.parent == paths.set_aside_dir()
    assert _digest(result.set_aside) == before  # kept, untouched
    db = open_database()
    assert LettersRepository(db).count() == 0
    db.close()


def _make_newer(db):
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    db.close()


def test_start_fresh_twice_never_overwrites_what_was_set_aside():
    for subject in ("first", "second"):
        _make_newer(_db_with(subject))
        start_fresh()
    aside = sorted(p for p in paths.set_aside_dir().iterdir() if p.suffix == ".sqlite3")
    assert len(aside) == 2


def test_restore_last_backup_keeps_the_current_file_aside():
    db = _db_with("kept in backup")
    db.close()
    backup = backup_sqlite(paths.database_path(), "manual")
    db = Database.open()
    LettersRepository(db).create_draft("mp_campaign", {}, subject="after backup")
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    db.close()
    with pytest.raises(NewerDatabaseError):
        Database.open()

    assert [b.path for b in list_backups()] == [backup]
    result = restore_last_backup()
    assert result.restored_from == backup and result.set_aside is not None
    db = open_database()
    assert [s.subject for s in LettersRepository(db).list_page()] == ["kept in backup"]
    db.close()
    assert result.set_aside.exists()  # the newer database is kept, not deleted


def test_restore_without_a_usable_backup_is_a_plain_error():
    _db_with("only copy").close()
    before = _digest(paths.database_path())
    (paths.backups_dir() / "broken.sqlite3").write_bytes(b"junk" * 100)
    with pytest.raises(DatabaseError, match="no backup"):
        restore_last_backup()
    assert _digest(paths.database_path()) == before


def _read_only(folder):
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):
        folder.chmod(0o700)
        pytest.skip("running as a user who can write anywhere (root): chmod has no effect")


def test_read_only_data_folder_is_a_plain_error_and_nothing_is_lost():
    _db_with("precious").close()
    folder = paths.data_dir()
    before = _digest(paths.database_path())
    _read_only(folder)
    try:
        with pytest.raises(DatabaseError, match="cannot be written"):
            open_database()
        with pytest.raises(DatabaseError, match="cannot be written"):
            start_fresh()
        with pytest.raises(DatabaseError):
            restore_last_backup()
    finally:
        folder.chmod(0o700)
    assert _digest(paths.database_path()) == before


def test_a_data_folder_that_cannot_be_created_is_a_plain_error(tmp_path, monkeypatch):
    parent = tmp_path / "locked"
    parent.mkdir()
    monkeypatch.setenv("SIRT_DESKTOP_HOME", str(parent / "home"))
    _read_only(parent)
    try:
        with pytest.raises(DatabaseError):
            open_database()
    finally:
        parent.chmod(0o700)


def test_open_database_turns_os_errors_into_plain_errors(monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sirt_desktop.core.db.engine.Database.open", full)
    with pytest.raises(DatabaseError, match="no space left"):
        open_database()


def test_a_folder_reported_read_only_is_a_plain_error_even_as_root(monkeypatch):
    """Runs everywhere (chmod does not stop root): the folder check itself is exercised."""
    _db_with("precious").close()
    before = _digest(paths.database_path())
    folder = paths.data_dir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if os.fspath(p) == os.fspath(folder) else real_access(p, mode)
    )
    with pytest.raises(DatabaseError, match="cannot be written"):
        open_database()
    with pytest.raises(DatabaseError, match="cannot be written"):
        start_fresh()
    assert _digest(paths.database_path()) == before


# --- set-aside copies can come back -------------------------------------------------------------
def test_set_aside_copies_are_listed_with_their_letters_and_can_be_put_back():
    from sirt_desktop.core.db.recovery import list_set_aside, restore_set_aside

    db = _db_with("the old letter")
    LettersRepository(db).create_draft("mp_campaign", {}, subject="and another")
    _make_newer(db)  # newer: the only kind of sound file start_fresh may set aside
    start_fresh()
    db = open_database()
    LettersRepository(db).create_draft("mp_campaign", {}, subject="written after starting fresh")
    db.close()

    copies = list_set_aside()
    assert len(copies) == 1 and copies[0].letters == 2 and copies[0].state == "newer"
    assert not copies[0].restorable  # saved by a newer version: this one cannot be put back
    with pytest.raises(DatabaseError, match="newer version"):
        restore_set_aside(copies[0].path)


def test_putting_a_copy_back_sets_the_current_letters_aside_first():
    from sirt_desktop.core.db.recovery import list_set_aside, restore_set_aside

    _db_with("kept aside").close()
    aside = paths.set_aside_dir() / "sirt-desktop-set-aside-20261201-120000.sqlite3"
    backup_sqlite(paths.database_path(), "manual").rename(aside)
    aside.chmod(0o644)
    db = open_database()
    LettersRepository(db).create_draft("mp_campaign", {}, subject="current")
    db.close()

    (copy,) = list_set_aside()
    assert copy.restorable and copy.letters == 1
    result = restore_set_aside(copy.path)
    db = open_database()
    assert [s.subject for s in LettersRepository(db).list_page()] == ["kept aside"]
    db.close()
    assert result.set_aside is not None and result.set_aside.exists()
    assert aside.exists()  # the copy stays where it was, as it was
    assert paths.database_path().stat().st_mode & 0o077 == 0  # a restored file is owner-only
    states = sorted((c.letters, c.state) for c in list_set_aside())
    assert states == [(1, "ours"), (2, "ours")]  # the letters from before are a copy now


def test_only_set_aside_copies_can_be_put_back(tmp_path):
    from sirt_desktop.core.db.recovery import restore_set_aside

    _db_with("current").close()
    elsewhere = tmp_path / "somewhere.sqlite3"
    backup_sqlite(paths.database_path(), "manual").rename(elsewhere)
    with pytest.raises(DatabaseError, match="not one of the set-aside copies"):
        restore_set_aside(elsewhere)


def test_delete_everything_counts_the_set_aside_copies():
    from sirt_desktop.core.db.privacy import delete_everything, stored_counts

    _make_newer(_db_with("old"))
    start_fresh()
    db = open_database()
    counts = stored_counts(db)
    assert counts.set_aside == 1
    delete_everything(db)
    db.close()
    assert not any(paths.set_aside_dir(create=False).glob("*.sqlite3"))

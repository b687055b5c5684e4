"""Storage faults told apart: a full disk, a read-only folder, a missing or busy file, a file
damaged inside, a foreign file or journal. Each gets its own kind of error and message, and
none of them ever hides or changes a person's letters."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DiskFullError,
    ForeignDatabaseError,
    LockedError,
    MissingStorageError,
    ReadOnlyError,
    StorageError,
)
from sirt_desktop.core.db.failures import classify
from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.core.db.recovery import (
    MissingDatabaseError,
    open_database,
    start_fresh,
)

ROOT = Path(__file__).resolve().parents[3]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _letters(count: int, words: str = "MARK") -> None:
    db = Database.open()
    repo = LettersRepository(db)
    for i in range(count):
        repo.create_draft("mp_campaign", {"body": f"{words} {i}"}, subject=f"Letter {i}", body=f"{words} {i} " * 50)
    db.close()


def _count(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM letters").fetchone()[0]
    finally:
        con.close()


def _cli(*args: str, env: dict | None = None, preexec=None, user: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "sirt_desktop", *args]
    environment = dict(os.environ, **(env or {}))
    if user is not None:
        command = [
            "runuser",
            "-u",
            user,
            "--",
            "env",
            f"SIRT_DESKTOP_HOME={environment['SIRT_DESKTOP_HOME']}",
            f"PYTHONPATH={ROOT}",
            *command,
        ]
    return subprocess.run(
        command, capture_output=True, text=True, env=environment, preexec_fn=preexec, timeout=120, cwd=ROOT
    )


# --- a full disk ---------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs (root only): the real thing, not a simulation."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    return filler


def test_a_full_disk_is_called_a_full_disk_and_start_fresh_never_hides_the_letters(small_disk, monkeypatch):
    home = small_disk / "home"
    monkeypatch.setenv("SIRT_DESKTOP_HOME", str(home))
    _letters(3)
    db_file = paths.database_path()
    before = _digest(db_file)
    filler = _fill(small_disk)

    with pytest.raises(DiskFullError, match="no space left") as caught:
        open_database()
    assert not isinstance(caught.value, CorruptDatabaseError)
    with pytest.raises(DatabaseError, match="not set aside"):
        start_fresh()  # even if asked: a sound file is never moved aside because the disk is full
    assert db_file.exists() and _digest(db_file) == before
    assert not any(paths.set_aside_dir(create=False).glob("*.sqlite3"))

    filler.unlink()
    db = open_database()
    assert LettersRepository(db).count() == 3
    db.close()


def test_a_file_size_limit_is_a_full_disk_at_the_command_line(tmp_path):
    import resource

    _letters(3)
    db_file = paths.database_path()
    before = _digest(db_file)

    def limit():  # like `ulimit -f 20`: files may not grow past 20 kB
        resource.setrlimit(resource.RLIMIT_FSIZE, (20 * 1024, 20 * 1024))

    done = _cli("data", "export", str(tmp_path / "out.zip"), preexec=limit)
    assert done.returncode == 1
    assert "no space left" in done.stderr and "Traceback" not in done.stderr
    assert "could not be read" not in done.stderr and "damaged" not in done.stderr
    assert _digest(db_file) == before and _count(db_file) == 3


# --- a read-only folder, as a user who is not root -------------------------------------------
@pytest.fixture
def unprivileged():
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs root to run a check as another user")
    return "nobody"


@pytest.fixture
def open_base():
    """A folder another user can reach (pytest's own temporary folder is root's only)."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="sirt-ro-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def test_a_read_only_folder_is_a_read_only_folder_for_a_normal_user(open_base, unprivileged, monkeypatch):
    home = open_base / "ro-home"
    monkeypatch.setenv("SIRT_DESKTOP_HOME", str(home))
    _letters(2)
    out = open_base / "out"
    out.mkdir()
    subprocess.run(["chown", "-R", unprivileged, str(home), str(out)], check=True)
    data = paths.data_dir(create=False)
    for side in data.glob("*.sqlite3-*"):
        side.unlink()
    data.chmod(0o500)
    before = _digest(paths.database_path())

    done = _cli("data", "export", str(out / "letters.zip"), user=unprivileged)
    assert done.returncode == 1, done.stdout
    assert "cannot be written to" in done.stderr and "Traceback" not in done.stderr
    assert "damaged" not in done.stderr and "no space" not in done.stderr
    assert (data.stat().st_mode & 0o777) == 0o500  # the app never makes the folder writable again
    assert _digest(paths.database_path()) == before


def test_the_app_never_loosens_a_folder_the_person_made_read_only(tmp_path, monkeypatch):
    data = paths.data_dir()
    data.chmod(0o500)
    try:
        paths.data_dir()
        paths.backups_dir(create=False)
        assert (data.stat().st_mode & 0o777) == 0o500
    finally:
        data.chmod(0o700)
    data.chmod(0o755)
    paths.data_dir()
    assert (data.stat().st_mode & 0o777) == 0o700  # but group and others are always taken off


# --- damage inside a file that opens (M4) -----------------------------------------------------
def _smash_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8192] = os.urandom(8192)
    path.write_bytes(bytes(data))


def test_damage_inside_an_openable_file_is_found_and_nothing_is_written_into_it():
    _letters(400, words="precious words of a letter")
    db_file = paths.database_path()
    _smash_middle(db_file)
    before = _digest(db_file)

    db = Database.open()  # it opens: only the check finds the damage
    try:
        problem = db.check_result()
        assert isinstance(problem, CorruptDatabaseError)
        assert "damaged" in str(problem)
        with pytest.raises(CorruptDatabaseError):
            LettersRepository(db).create_draft("mp_campaign", {}, body="a new draft")
    finally:
        db.close()
    assert _digest(db_file) == before
    # Damage is a reason to offer starting fresh: the file is moved aside, never deleted.
    result = start_fresh()
    assert result.set_aside is not None and _digest(result.set_aside) == before


# --- foreign files and journals (M5) -----------------------------------------------------------
def _foreign_wal(folder: Path) -> Path:
    """A -wal written by some other WAL-mode database, left behind with content."""
    other = folder / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE notes(text)")
    con.executemany("INSERT INTO notes VALUES (?)", [("someone else's",)] * 50)
    con.commit()
    wal = Path(f"{other}-wal")
    copy = folder / "foreign.wal"
    shutil.copyfile(wal, copy)
    con.close()
    return copy


def test_a_foreign_journal_never_makes_the_app_start_empty(tmp_path):
    _letters(5)
    db_file = paths.database_path()
    before = _digest(db_file)
    shutil.copyfile(_foreign_wal(tmp_path), f"{db_file}-wal")

    db = open_database()
    try:
        assert LettersRepository(db).count() == 5
        assert any("did not belong" in notice for notice in db.notices)
    finally:
        db.close()
    copies = list(paths.backups_dir().glob("unclean-*"))
    assert len(copies) == 1  # the file and the journal, exactly as found
    assert _digest(copies[0] / db_file.name) == before
    assert (copies[0] / f"{db_file.name}-wal").exists()
    assert list(paths.set_aside_dir().glob("*-wal"))  # the journal itself is kept, not discarded


def test_a_foreign_journal_gives_a_full_export_at_the_command_line(tmp_path):
    _letters(5)
    db_file = paths.database_path()
    shutil.copyfile(_foreign_wal(tmp_path), f"{db_file}-wal")
    done = _cli("data", "export", str(tmp_path / "e.zip"))
    assert done.returncode == 0, done.stderr
    assert "Saved 5 letters" in done.stdout
    assert "did not belong" in done.stderr


def test_a_foreign_database_file_is_refused_and_left_byte_for_byte():
    db_file = paths.database_path()
    con = sqlite3.connect(db_file)
    con.execute("CREATE TABLE recipes(name, steps)")
    con.execute("INSERT INTO recipes VALUES ('bara brith', 'soak the fruit')")
    con.commit()
    con.close()
    before = _digest(db_file)
    with pytest.raises(ForeignDatabaseError, match="not one SIRT Desktop made"):
        open_database()
    assert _digest(db_file) == before
    assert not Path(f"{db_file}-wal").exists()


def test_a_journal_without_its_file_is_kept_not_discarded(tmp_path):
    db_file = paths.database_path()
    shutil.copyfile(_foreign_wal(tmp_path), f"{db_file}-wal")
    db = open_database()
    try:
        assert any("without the file" in notice for notice in db.notices)
    finally:
        db.close()
    assert list(paths.set_aside_dir().glob("*journal-without-file*-wal"))


def test_a_kill_9_journal_of_our_own_is_replayed_with_a_copy_kept_first(tmp_path):
    """The ordinary case: the app was killed, its own journal holds the last saves."""
    db = Database.open()
    repo = LettersRepository(db)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    db.close()
    script = (
        "import os\n"
        "from sirt_desktop.core.db.engine import Database\n"
        "from sirt_desktop.core.db.letters_repo import LettersRepository\n"
        "db = Database.open()\n"
        "repo = LettersRepository(db)\n"
        "[repo.create_draft('mp_campaign', {}, body='after %d' % i) for i in range(8)]\n"
        "os._exit(0)\n"  # no clean close: the journal stays
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, env=dict(os.environ))
    assert Path(f"{paths.database_path()}-wal").stat().st_size > 0
    db = open_database()
    try:
        assert LettersRepository(db).count() == 8 and db.notices == []
    finally:
        db.close()
    assert len(list(paths.backups_dir().glob("unclean-*"))) == 1
    del repo


# --- missing and busy files ------------------------------------------------------------------------
def test_a_missing_file_in_a_folder_that_held_letters_is_not_quietly_replaced():
    _letters(2)
    from sirt_desktop.core.db.engine import backup_sqlite

    backup_sqlite(paths.database_path(), "manual")
    paths.database_path().unlink()
    with pytest.raises(MissingDatabaseError, match="not where it should be"):
        open_database()
    assert not paths.database_path().exists()
    open_database(create=True).close()  # when the person chooses to start with none


def test_a_busy_file_is_called_busy():
    _letters(1)
    holder = sqlite3.connect(paths.database_path(), timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE letters SET subject = subject")
    try:
        with pytest.raises(LockedError, match="busy"):
            open_database()
    finally:
        holder.rollback()
        holder.close()


# --- one message per kind ---------------------------------------------------------------------
def _sqlite_error(name: str, message: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorname = name
    return error


@pytest.mark.parametrize(
    "name, message, kind, words",
    [
        ("SQLITE_FULL", "database or disk is full", DiskFullError, "no space left"),
        ("SQLITE_READONLY", "attempt to write a readonly database", ReadOnlyError, "cannot be written"),
        ("SQLITE_READONLY_DBMOVED", "attempt to write a readonly database", MissingStorageError, "moved or deleted"),
        ("SQLITE_BUSY", "database is locked", LockedError, "busy"),
        ("SQLITE_CORRUPT", "database disk image is malformed", CorruptDatabaseError, "damaged"),
        ("SQLITE_NOTADB", "file is not a database", CorruptDatabaseError, "damaged"),
        ("SQLITE_IOERR_READ", "disk I/O error", StorageError, "not working properly"),
    ],
)
def test_each_kind_of_fault_has_its_own_plain_message(name, message, kind, words, monkeypatch):
    monkeypatch.setattr("sirt_desktop.core.db.failures.disk_is_full", lambda folder=None: False)
    error = classify(_sqlite_error(name, message))
    assert type(error) is kind
    assert words in str(error)
    assert "sqlalche.me" not in str(error) and "[SQL" not in str(error)


def test_a_disk_io_error_on_a_full_disk_is_a_full_disk(monkeypatch):
    monkeypatch.setattr("sirt_desktop.core.db.failures.disk_is_full", lambda folder=None: True)
    assert isinstance(classify(_sqlite_error("SQLITE_IOERR_SHMSIZE", "disk I/O error")), DiskFullError)


def test_a_missing_folder_is_called_missing(tmp_path):
    error = classify(_sqlite_error("SQLITE_CANTOPEN", "unable to open database file"), tmp_path / "unplugged")
    assert isinstance(error, MissingStorageError) and "plug it in" in str(error)


def test_the_messages_are_all_different():
    kinds = [DiskFullError, ReadOnlyError, MissingStorageError, LockedError, CorruptDatabaseError]
    messages = {
        type(classify(_sqlite_error(n, m))): str(classify(_sqlite_error(n, m)))
        for n, m in (
            ("SQLITE_FULL", "full"),
            ("SQLITE_READONLY", "ro"),
            ("SQLITE_READONLY_DBMOVED", "moved"),
            ("SQLITE_BUSY", "locked"),
            ("SQLITE_CORRUPT", "malformed"),
        )
    }
    assert set(messages) == set(kinds) and len(set(messages.values())) == len(kinds)

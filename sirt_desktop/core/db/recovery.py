"""Getting back to work when the database cannot be opened (damaged, not ours, missing, or
saved by a newer version of the app), and opening it with plain messages when its folder is
read-only or full.

Nothing here deletes or overwrites a database: the file in the way is renamed into
``set-aside/`` (with a timestamp) before anything takes its place, and ``start_fresh``
refuses to set aside a file that is sound and ours (a full disk or a read-only folder is not
a reason to hide someone's letters). Set-aside files can be listed and put back
(``list_set_aside``, ``restore_set_aside``). Close the ``Database`` (if one is open) before
calling ``start_fresh``, ``restore_last_backup`` or ``restore_set_aside``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import MIGRATIONS_DIR, Database
from sirt_desktop.core.db.errors import DatabaseError, StorageError
from sirt_desktop.core.db.failures import check_writable, classify, explain
from sirt_desktop.core.db.health import inspect_file, quick_check
from sirt_desktop.core.files import atomic_writer

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # local time the file was written
    size: int


@dataclass(frozen=True)
class RecoveryResult:
    set_aside: Path | None  # where the old database went (None if there was none)
    restored_from: Path | None = None


@dataclass(frozen=True)
class SetAsideInfo:
    """A database in ``set-aside/``, for the list a person can restore from."""

    path: Path
    set_aside_at: dt.datetime  # local time it was moved there
    size: int
    state: str  # "ours", "newer", "foreign", "damaged", "empty" (see health.FileReport)
    letters: int | None  # how many letters it holds, if it can be read

    @property
    def restorable(self) -> bool:
        return self.state == "ours"


class MissingDatabaseError(DatabaseError):
    """The file holding the letters is gone, though this data folder has held letters before
    (there are backups or set-aside copies). Nothing is created in its place unasked."""


MISSING_FILE = (
    "The file holding your letters is not where it should be: {path}. It may have been moved or "
    "deleted outside the app. Nothing has been changed. You can put back the last backup, or "
    "start with no letters."
)
HEALTHY = "Your letters file is sound, so it was not set aside. {reason}"


def _has_held_letters() -> bool:
    """Backups or set-aside databases here: this folder has held letters before."""
    for folder in (paths.backups_dir(create=False), paths.set_aside_dir(create=False)):
        if folder.is_dir() and any(p.suffix == ".sqlite3" for p in folder.rglob("*.sqlite3")):
            return True
    return False


def open_database(url: str | None = None, create: bool = False) -> Database:
    """``Database.open()``, with storage failures (read-only, full or missing folder, a file
    that cannot be created) raised as the matching ``DatabaseError`` in plain words.

    If the file is missing but the folder has held letters before, ``MissingDatabaseError``
    is raised instead of quietly starting with none; ``create=True`` starts a new one."""
    try:
        if url is None and not os.environ.get(paths.DATABASE_URL_ENV, "").strip():
            folder = paths.data_dir(create=False)
            if folder.exists():
                check_writable(folder)
            else:
                paths.data_dir()
            db_file = paths.database_path()
            if not create and not db_file.exists() and _has_held_letters():
                raise MissingDatabaseError(MISSING_FILE.format(path=db_file))
        return Database.open(url)
    except DatabaseError as exc:
        log.error("database could not be opened: %s (%s)", type(exc).__name__, exc)
        raise
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        log.error("database could not be opened: %s", exc)
        raise classify(exc) from exc


def list_backups() -> list[BackupInfo]:
    """Backups in ``paths.backups_dir()``, newest first."""
    folder = paths.backups_dir(create=False)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.is_file() and path.suffix == ".sqlite3":
            stat = path.stat()
            found.append(BackupInfo(path, dt.datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def _unique(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists() or any(Path(f"{candidate}{s}").exists() for s in _SIDE_FILES):
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _set_aside(db_file: Path, reason: str) -> Path | None:
    """Rename the database (and its -wal/-shm) into set-aside/. Undone if any part fails."""
    if not db_file.exists():
        return None
    check_writable(db_file.parent)
    try:
        folder = paths.set_aside_dir()
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = _unique(folder / f"{db_file.stem}-{reason}-{stamp}{db_file.suffix}")
        moved: list[tuple[Path, Path]] = []
        try:
            for suffix in ("", *_SIDE_FILES):
                source = Path(f"{db_file}{suffix}")
                if source.exists():
                    destination = Path(f"{target}{suffix}")
                    os.rename(source, destination)
                    moved.append((source, destination))
        except OSError:
            for source, destination in reversed(moved):
                os.rename(destination, source)
            raise
    except OSError as exc:
        raise DatabaseError(f"{explain(exc)} Nothing has been changed.") from exc
    log.warning("database %s set aside as %s (%s)", db_file, target, reason)
    return target


def _refuse_if_sound(db_file: Path) -> None:
    """Raise if ``db_file`` is a sound database of ours (or cannot be looked at because of
    the disk or folder): only a damaged, foreign or newer file may be set aside to start fresh."""
    if not db_file.exists() or db_file.stat().st_size == 0:
        return
    try:
        report = inspect_file(db_file)
        if report.state == "ours" and not quick_check(db_file):
            raise DatabaseError(
                HEALTHY.format(
                    reason="If the app could not open it, the disk may be "
                    "full or the folder read-only: see the message before."
                )
            )
    except StorageError as exc:
        raise DatabaseError(HEALTHY.format(reason=str(exc))) from exc


def start_fresh() -> RecoveryResult:
    """Move the current database aside (never delete it) and create a new, empty one.
    Refused (``DatabaseError``) when the file is sound and ours."""
    db_file = paths.database_path()
    check_writable(db_file.parent)
    _refuse_if_sound(db_file)
    aside = _set_aside(db_file, "set-aside")
    open_database(create=True).close()
    return RecoveryResult(aside)


def list_set_aside() -> list[SetAsideInfo]:
    """Databases in ``set-aside/``, newest first, with how many letters each holds."""
    folder = paths.set_aside_dir(create=False)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if not (path.is_file() and path.suffix == ".sqlite3"):
            continue
        try:
            report = inspect_file(path)
            state, letters = report.state, report.letters
        except DatabaseError:
            state, letters = "damaged", None
        stat = path.stat()
        found.append(SetAsideInfo(path, dt.datetime.fromtimestamp(stat.st_mtime), stat.st_size, state, letters))
    return sorted(found, key=lambda i: (i.set_aside_at, i.path.name), reverse=True)


def count_set_aside() -> int:
    """How many databases ``set-aside/`` holds (Delete everything removes them too)."""
    folder = paths.set_aside_dir(create=False)
    return sum(1 for p in folder.iterdir() if p.is_file() and p.suffix == ".sqlite3") if folder.is_dir() else 0


def _put_in_place(source: Path, db_file: Path) -> None:
    """Copy ``source`` to ``db_file`` as one consistent file (whatever journal the source has
    beside it), owner-only, and never over a database that appeared meanwhile."""
    with tempfile.TemporaryDirectory(prefix="sirt-restore-", dir=paths.cache_dir()) as tmp:
        single = Path(tmp) / db_file.name
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(single)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        with atomic_writer(db_file, overwrite=False) as handle, open(single, "rb") as copy:
            shutil.copyfileobj(copy, handle)


def restore_set_aside(source: Path) -> RecoveryResult:
    """Put a set-aside database back in use. The current one is set aside first (so it can be
    put back in turn); the chosen file stays where it is, as it was."""
    source = Path(source)
    if source.parent.resolve() != paths.set_aside_dir(create=False).resolve() or not source.is_file():
        raise DatabaseError("That file is not one of the set-aside copies of your letters.")
    try:
        report = inspect_file(source)
        problems = quick_check(source) if report.state == "ours" else []
    except DatabaseError as exc:
        raise DatabaseError(f"That copy could not be read, so nothing was changed: {exc}") from exc
    if report.state != "ours" or problems:
        why = {
            "newer": "it was saved by a newer version of SIRT Desktop",
            "foreign": "it is not a SIRT Desktop database",
            "empty": "it holds nothing",
        }.get(report.state, "it is damaged")
        raise DatabaseError(f"That copy cannot be put back because {why}. Nothing was changed.")
    return _restore_from(source, "The copy could not be put back", "set-aside copy ")


def _usable(backup: Path) -> bool:
    """The backup opens, passes SQLite's quick check and has a schema this version knows."""
    try:
        con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return False
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    if revision is None:
        return True
    return any(MIGRATIONS_DIR.joinpath("versions").glob(f"{revision[0]}_*.py"))


def restore_last_backup() -> RecoveryResult:
    """Put the newest usable backup in place; the current database is set aside first."""
    candidates = [b.path for b in list_backups() if _usable(b.path)]
    if not candidates:
        raise DatabaseError("There is no backup that can be restored.")
    return _restore_from(candidates[0], "The backup could not be restored")


def _restore_from(source: Path, failed: str, what: str = "") -> RecoveryResult:
    """Put ``source`` in place of the database, which is set aside first; an older copy is
    brought up to date by opening it (and backed up before its migration). ``failed`` begins
    the message if it cannot be put in place."""
    db_file = paths.database_path()
    aside = _set_aside(db_file, "before-restore")
    try:
        _put_in_place(source, db_file)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"{failed}: {explain(exc)}") from exc
    log.warning("database restored from %s%s", what, source)
    open_database(create=True).close()
    return RecoveryResult(aside, source)

"""Getting back to work when the database cannot be opened (damaged, or saved by a newer
version of the app), and opening it with plain messages when its folder is read-only or full.

Nothing here deletes or overwrites a database: the file in the way is renamed into
``set-aside/`` (with a timestamp) before anything takes its place. Close the ``Database`` (if
one is open) before calling ``start_fresh`` or ``restore_last_backup``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import MIGRATIONS_DIR, Database
from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.failures import check_writable, explain
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


def open_database(url: str | None = None) -> Database:
    """``Database.open()``, with storage failures (read-only or full folder, a file that
    cannot be created) raised as ``DatabaseError`` in plain words."""
    try:
        if url is None and not os.environ.get(paths.DATABASE_URL_ENV, "").strip():
            folder = paths.data_dir(create=False)
            if folder.exists():
                check_writable(folder)
            else:
                paths.data_dir()
        return Database.open(url)
    except DatabaseError:
        raise
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        log.error("database could not be opened: %s", exc)
        raise DatabaseError(explain(exc)) from exc


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


def start_fresh() -> RecoveryResult:
    """Move the current database aside (never delete it) and create a new, empty one."""
    aside = _set_aside(paths.database_path(), "set-aside")
    open_database().close()
    return RecoveryResult(aside)


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
    backup = candidates[0]
    db_file = paths.database_path()
    aside = _set_aside(db_file, "before-restore")
    try:
        # never overwrite: if a database appeared meanwhile, it stays
        with atomic_writer(db_file, overwrite=False) as handle, open(backup, "rb") as source:
            shutil.copyfileobj(source, handle)
    except OSError as exc:
        raise DatabaseError(f"The backup could not be restored: {explain(exc)}") from exc
    log.warning("database restored from %s", backup)
    open_database().close()  # brings an older backup up to date (backing it up first)
    return RecoveryResult(aside, backup)

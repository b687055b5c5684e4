"""Looking at a database file before the app writes to it, and checking it after it opens.

``preflight`` runs before the engine first connects. It reads the file through a read-only
connection (which never writes to the file and never folds a journal into it), so:

- a file that is not one of ours (no ``alembic_version``, or no ``letters`` table) is refused
  before a migration could add our tables to someone else's file (``ForeignDatabaseError``);
- when a ``-wal`` journal with content sits beside the file (the app was killed, or a journal
  was left from another file), the file and its journal are first copied byte for byte into
  ``backups/unclean-<time>/``; if the file only looks foreign or damaged *with* that journal,
  but is ours without it, the journal is moved into ``set-aside/`` and the letters open as
  they were last fully saved — with a notice saying so;
- a journal whose main file is gone is moved into ``set-aside/`` rather than discarded.

``quick_check`` is SQLite's own check of the file's structure (``PRAGMA quick_check``): the
engine runs it in a background thread after opening, and no write is let through to a file
that fails it (``Database.require_healthy``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sirt_desktop.core import paths
from sirt_desktop.core.db.errors import CorruptDatabaseError, ForeignDatabaseError
from sirt_desktop.core.db.failures import DAMAGED, classify

log = logging.getLogger(__name__)

JOURNALS = ("-wal", "-shm")
KEEP_UNCLEAN_COPIES = 3
OUR_TABLES = {"alembic_version", "sender_profiles", "letters", "letter_pdfs"}
MIGRATIONS_DIR = Path(__file__).with_name("migrations")

FOREIGN = (
    "The file where your letters should be is a database, but not one SIRT Desktop made, so the "
    "app has not used or changed it. The file is: {path}"
)
STALE_JOURNAL = (
    "A leftover journal file beside your letters did not belong to them (it may have been left "
    "by a crash, or copied in with another file). It was put aside, and your letters are open as "
    "they were last fully saved; the last few changes before that may be missing. Copies of "
    "both files, exactly as they were found, are in {copy}."
)
ORPHAN_JOURNAL = (
    "A journal file was found without the file holding your letters, so a new, empty set of "
    "letters was started. The journal was kept in {folder}."
)


@dataclass(frozen=True)
class FileReport:
    """What a read-only look at a database file found."""

    state: str  # "empty" | "ours" | "newer" | "foreign" | "damaged"
    revision: str | None = None
    letters: int | None = None
    detail: str = ""


@dataclass
class Preflight:
    notices: list[str] = field(default_factory=list)  # to tell the person once
    unclean_copy: Path | None = None  # where the file and its journal were copied first


def known_revisions() -> set[str]:
    return {p.name.split("_", 1)[0] for p in MIGRATIONS_DIR.joinpath("versions").glob("[0-9]*_*.py")}


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def inspect_file(path: Path) -> FileReport:
    """Read-only: is this file ours, newer, foreign, damaged or empty? Storage failures (the
    disk, the folder) are raised as the matching ``DatabaseError``; they say nothing about the
    file itself."""
    try:
        con = _read_only(path)
        try:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            tables = {t for t in tables if not t.startswith("sqlite_")}
            if not tables:
                return FileReport("empty")
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            letters = None
            if "letters" in tables:
                letters = int(con.execute("SELECT count(*) FROM letters").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error as exc:
        error = classify(exc, path.parent)
        if isinstance(error, CorruptDatabaseError):
            return FileReport("damaged", detail=str(exc))
        raise error from exc
    if revision is None or "letters" not in tables:
        return FileReport("foreign", revision, letters)
    if revision not in known_revisions():
        return FileReport("newer", revision, letters)
    return FileReport("ours", revision, letters)


def quick_check(path: Path, limit: int = 5, opened: Callable[[sqlite3.Connection], object] | None = None) -> list[str]:
    """SQLite's structural check, read-only. [] when the file is sound, else the first few
    problems it names. Storage failures are raised (they are not damage). ``opened`` is called
    with the connection, so another thread can ``interrupt()`` it."""
    try:
        con = _read_only(path)
        if opened is not None:
            opened(con)
        try:
            rows = [row[0] for row in con.execute(f"PRAGMA quick_check({int(limit)})")]
        finally:
            con.close()
    except sqlite3.Error as exc:
        error = classify(exc, path.parent)
        if isinstance(error, CorruptDatabaseError):
            return [str(exc)]
        raise error from exc
    return [] if rows == ["ok"] else rows


def damaged_error(problems: list[str]) -> CorruptDatabaseError:
    return CorruptDatabaseError(DAMAGED.format(detail="; ".join(problems[:2])))


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _copy_unclean(db_file: Path) -> Path:
    """Copy the file and its journals, byte for byte, before SQLite replays the journal."""
    folder = paths.backups_dir() / f"unclean-{_stamp()}"
    folder.mkdir(mode=0o700)
    for suffix in ("", *JOURNALS):
        source = Path(f"{db_file}{suffix}")
        if source.exists():
            target = folder / f"{db_file.name}{suffix}"
            shutil.copyfile(source, target)
            if os.name == "posix":
                target.chmod(0o600)
    older = sorted(p for p in paths.backups_dir().glob("unclean-*") if p.is_dir())
    for stale in older[:-KEEP_UNCLEAN_COPIES]:
        shutil.rmtree(stale, ignore_errors=True)
    log.info("database and its journal copied to %s before opening", folder)
    return folder


def _set_journals_aside(db_file: Path, reason: str) -> Path:

    folder = paths.set_aside_dir()
    stamp = _stamp()
    for suffix in JOURNALS:
        source = Path(f"{db_file}{suffix}")
        if source.exists():
            os.rename(source, folder / f"{db_file.stem}-{reason}-{stamp}{db_file.suffix}{suffix}")
    log.warning("journal of %s set aside (%s)", db_file, reason)
    return folder


def _alone(db_file: Path) -> FileReport:
    """The file as it is without its journal (a copy on its own in a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="sirt-check-", dir=paths.cache_dir()) as tmp:
        copy = Path(tmp) / db_file.name
        shutil.copyfile(db_file, copy)
        return inspect_file(copy)


def preflight(db_file: Path) -> Preflight:
    """Look at ``db_file`` before the app opens it read-write (see the module's notes)."""
    result = Preflight()
    journals = [Path(f"{db_file}{s}") for s in JOURNALS]
    if not db_file.exists():
        if any(j.exists() and j.stat().st_size > 0 for j in journals):
            folder = _set_journals_aside(db_file, "journal-without-file")
            result.notices.append(ORPHAN_JOURNAL.format(folder=folder))
        else:
            for journal in journals:
                journal.unlink(missing_ok=True)
        return result
    if db_file.stat().st_size == 0:
        return result
    wal = journals[0]
    if wal.exists() and wal.stat().st_size > 0:
        result.unclean_copy = _copy_unclean(db_file)
    report = inspect_file(db_file)
    if report.state in ("ours", "newer", "empty"):
        return result
    if result.unclean_copy is not None and _alone(db_file).state in ("ours", "newer"):
        _set_journals_aside(db_file, "journal-not-ours")
        result.notices.append(STALE_JOURNAL.format(copy=result.unclean_copy))
        return result
    if report.state == "damaged":
        raise CorruptDatabaseError(DAMAGED.format(detail=report.detail))
    raise ForeignDatabaseError(FOREIGN.format(path=db_file))

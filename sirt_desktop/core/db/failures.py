"""Turns low-level storage failures into a ``DatabaseError`` of the right kind, with a message
a person can act on: a full disk, a read-only folder, a missing folder, a busy file, a failing
disk, or a damaged file are told apart (``errors.py``). Nothing here hides a failure: the caller
still learns that the work was not saved, and the person's words stay on screen.

SQLite's extended result codes (``sqlite_errorname``) say most of it. "disk I/O error" is the
one that needs a second look: on a full disk, or under a limit on file size (``ulimit -f``),
SQLite reports it while creating its shared-memory file, so the free space is checked too.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from sirt_desktop.core import paths
from sirt_desktop.core.db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DiskFullError,
    LockedError,
    MissingStorageError,
    ReadOnlyError,
    StorageError,
)

DISK_FULL = (
    "There is no space left on this computer's disk, so your letters could not be opened or the "
    "change could not be saved. Your letters are safe and nothing has been changed. Free some "
    "space (for example empty the rubbish bin), then try again."
)
READ_ONLY = (
    "The folder where your letters are kept cannot be written to, so the change could not be "
    "saved. Nothing has been changed. The folder is: {folder}"
)
MISSING = (
    "The folder where your letters are kept is not there: {folder}. If it is on a USB stick or "
    "another drive, plug it in, then try again. Nothing has been changed."
)
MOVED = (
    "The file holding your letters was moved or deleted while the app had it open, so the "
    "change could not be saved. Your words are still on screen. Close the app and open it again."
)
LOCKED = "Your letters are busy in another copy of SIRT Desktop. Close the other copy, then try again."
IO_ERROR = (
    "The disk where your letters are kept is not working properly (SQLite says: {detail}). Your "
    "letters have not been changed. If they are on a USB stick or a network drive, check it is "
    "connected, then try again."
)
DAMAGED = "The file holding your letters is damaged, so it cannot be used safely (SQLite says: {detail})."
OTHER = "Your letters could not be saved or read: {detail}"

# At less than this much free space, "disk I/O error" is taken to mean a full disk.
LOW_SPACE_BYTES = 1 << 20


def _data_folder() -> Path:
    return paths.data_dir(create=False)


def _driver_error(exc: BaseException) -> BaseException:
    """The sqlite3 or OS error under SQLAlchemy's wrapper (or the error itself)."""
    seen = exc
    for _ in range(5):
        inner = getattr(seen, "orig", None) or seen.__cause__
        if inner is None or inner is seen:
            break
        if isinstance(inner, (sqlite3.Error, OSError)):
            return inner
        seen = inner
    return getattr(exc, "orig", None) or exc


def _detail(error: BaseException) -> str:
    """The driver's own words only: SQLAlchemy's wrapper adds the SQL statement and a link."""
    text = str(error).split("\n")[0].strip()
    if text.startswith("(") and ")" in text:  # "(sqlite3.OperationalError) disk I/O error"
        text = text.split(")", 1)[1].strip()
    return text or type(error).__name__


def disk_is_full(folder: Path | None = None) -> bool:
    """Almost no free space where the letters are kept, or a file-size limit (``ulimit -f``)
    too small for the database to grow."""
    folder = folder or _data_folder()
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        stats = os.statvfs(probe)
        if stats.f_bavail * stats.f_frsize < LOW_SPACE_BYTES:
            return True
    except (OSError, AttributeError):
        pass
    try:
        import resource  # noqa: PLC0415 (POSIX only: not on Windows)

        soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        if soft != resource.RLIM_INFINITY:
            biggest = max((p.stat().st_size for p in folder.glob("*.sqlite3*") if p.is_file()), default=0)
            if soft < biggest + LOW_SPACE_BYTES:
                return True
    except (ImportError, OSError, ValueError):
        pass
    return False


def classify(exc: BaseException, folder: Path | None = None) -> DatabaseError:
    """The ``DatabaseError`` (of the right kind, in plain words) for a storage failure."""
    if isinstance(exc, DatabaseError):
        return exc
    folder = folder or _data_folder()
    error = _driver_error(exc)
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    detail = _detail(error)

    if isinstance(error, OSError) and error.errno is not None:
        if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return DiskFullError(DISK_FULL)
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyError(READ_ONLY.format(folder=folder))
        if error.errno == errno.ENOENT:
            return MissingStorageError(MISSING.format(folder=folder))
        if error.errno == errno.EIO:
            return DiskFullError(DISK_FULL) if disk_is_full(folder) else StorageError(IO_ERROR.format(detail=detail))
    if name == "SQLITE_FULL" or "disk is full" in text or "no space" in text:
        return DiskFullError(DISK_FULL)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        if disk_is_full(folder):
            return DiskFullError(DISK_FULL)
        return StorageError(IO_ERROR.format(detail=detail))
    if name == "SQLITE_READONLY_DBMOVED":
        return MissingStorageError(MOVED)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in text:
        if not folder.exists():
            return MissingStorageError(MISSING.format(folder=folder))
        return ReadOnlyError(READ_ONLY.format(folder=folder))
    if (
        name.startswith("SQLITE_READONLY")
        or name == "SQLITE_PERM"
        or isinstance(error, PermissionError)
        or "readonly" in text
        or "read-only" in text
    ):
        return ReadOnlyError(READ_ONLY.format(folder=folder))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return LockedError(LOCKED)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text or "not a database" in text:
        return CorruptDatabaseError(DAMAGED.format(detail=detail))
    return DatabaseError(OTHER.format(detail=detail))


def explain(exc: BaseException) -> str:
    """A plain sentence for a storage failure (sqlite3, SQLAlchemy or OS error)."""
    return str(classify(exc))


@contextmanager
def plain_database_errors() -> Iterator[None]:
    """Re-raise storage failures as ``DatabaseError`` (of their kind) with a plain message."""
    try:
        yield
    except DatabaseError:
        raise
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        raise classify(exc) from exc


def check_writable(folder: Path) -> None:
    """Raise ``ReadOnlyError`` if ``folder`` exists and cannot be written to."""
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyError(READ_ONLY.format(folder=folder))

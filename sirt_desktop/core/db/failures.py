"""Turns low-level storage failures (disk full, read-only folder, locked file) into a
``DatabaseError`` whose message a person can act on. Nothing here hides a failure: the caller
still learns that the work was not saved, and the person's words stay on screen."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from sirt_desktop.core import paths
from sirt_desktop.core.db.errors import DatabaseError

DISK_FULL = (
    "There is no space left on this computer's disk, so the change could not be saved. "
    "Free some space (for example empty the rubbish bin), then try again."
)
READ_ONLY = (
    "The folder where your letters are kept cannot be written to, so the change could not be "
    "saved. The folder is: {folder}"
)
LOCKED = "Your letters are busy in another copy of SIRT Desktop. Close the other copy, then try again."


def _data_folder() -> str:
    return str(paths.data_dir(create=False))


def explain(exc: BaseException) -> str:
    """A plain sentence for a storage failure (sqlite3, SQLAlchemy or OS error)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in text or "no space" in text:
        return DISK_FULL
    if (
        isinstance(exc, PermissionError)
        or (isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM))
        or "readonly" in text
        or "read-only" in text
        or "unable to open database file" in text
    ):
        return READ_ONLY.format(folder=_data_folder())
    if "locked" in text or "busy" in text:
        return LOCKED
    # Only the driver's own message: SQLAlchemy's wrapper would add the SQL statement.
    return f"Your letters could not be saved or read: {getattr(exc, 'orig', None) or exc}"


@contextmanager
def plain_database_errors() -> Iterator[None]:
    """Re-raise storage failures as ``DatabaseError`` with a plain message."""
    try:
        yield
    except DatabaseError:
        raise
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        raise DatabaseError(explain(exc)) from exc


def check_writable(folder: Path) -> None:
    """Raise ``DatabaseError`` if ``folder`` exists and cannot be written to."""
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError(READ_ONLY.format(folder=folder))

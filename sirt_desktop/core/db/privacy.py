"""Deleting: everything at once (rows, the full-text index, backups, saved PDFs, set-aside
databases, with the database compacted so no deleted text stays in the file or its WAL), and
finished letters after a chosen number of months (their index entries purged too)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from sirt_desktop.core import paths
from sirt_desktop.core.dates import add_months
from sirt_desktop.core.db.engine import Database, affected_rows, sqlite_file
from sirt_desktop.core.db.failures import plain_database_errors
from sirt_desktop.core.db.letter_search import clear_index, purge_deleted
from sirt_desktop.core.db.models import Letter, LetterPdf, SenderProfile
from sirt_desktop.core.db.records import LetterStatus, StoredCounts
from sirt_desktop.core.db.recovery import count_set_aside

log = logging.getLogger(__name__)


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []


def _extra_folders() -> list[Path]:
    # The cache holds only copies of letters on their way to the printer (if printing was cut off).
    return [
        paths.backups_dir(create=False),
        paths.pdf_dir(create=False),
        paths.set_aside_dir(create=False),
        paths.cache_dir(create=False),
    ]


def stored_counts(db: Database) -> StoredCounts:
    with plain_database_errors(), db.session() as s:
        letters = s.execute(select(func.count()).select_from(Letter)).scalar_one()
        profiles = s.execute(select(func.count()).select_from(SenderProfile)).scalar_one()
        pdfs = s.execute(select(func.count()).select_from(LetterPdf)).scalar_one()
    backups, pdf_files, _aside, print_copies = (len(_files_under(f)) for f in _extra_folders())
    return StoredCounts(letters, profiles, pdfs, backups, pdf_files + print_copies, count_set_aside())


def _secure(session: Session) -> None:
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))  # deleted rows are overwritten with zeros


def compact(db: Database) -> None:
    """VACUUM and empty the WAL, so deleted text is gone from the file and its journal."""
    if db.engine.dialect.name != "sqlite":
        return
    db.engine.dispose()  # no pooled connection may hold an old snapshot
    with plain_database_errors():
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("PRAGMA secure_delete=ON")
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.engine.dispose()


def delete_everything(db: Database) -> StoredCounts:
    """Delete every letter, profile and stored PDF, every backup, saved PDF and set-aside
    database in the data folder, then compact. Returns what was removed."""
    removed = stored_counts(db)
    with plain_database_errors(), db.session() as s:
        _secure(s)
        s.execute(delete(LetterPdf))
        s.execute(delete(Letter))
        s.execute(delete(SenderProfile))
        clear_index(s)  # the full-text index holds the letters' words too
    compact(db)
    live = sqlite_file(db.engine)
    keep = {live, Path(f"{live}-wal"), Path(f"{live}-shm")} if live else set()
    with plain_database_errors():
        for folder in _extra_folders():
            if folder.is_dir():
                shutil.rmtree(folder)
        # Stray copies of the database beside it (e.g. an interrupted restore).
        for path in paths.data_dir().glob("*sqlite3*"):
            if path.is_file() and path not in keep:
                path.unlink()
    log.info("everything deleted: %s", removed)
    return removed


def auto_delete_finished(db: Database, months: int, today: dt.date) -> int:
    """Delete finished letters (and their PDFs) finished more than ``months`` calendar months
    before ``today``. Drafts are never deleted. ``months`` 0 means never. Returns how many."""
    if months <= 0:
        return 0
    cutoff = dt.datetime.combine(add_months(today, -months), dt.time())
    finished = func.coalesce(Letter.finished_at, Letter.updated_at)
    with plain_database_errors(), db.session() as s:
        _secure(s)
        count = affected_rows(
            s.execute(delete(Letter).where(Letter.status == LetterStatus.FINISHED, finished < cutoff))
        )
        if count:
            purge_deleted(s)  # drop the deleted letters' words from the full-text index as well
    if count:
        db.empty_journal()
        log.info("auto-deleted %d finished letters older than %d months", count, months)
    return int(count or 0)


def make_owner_only(path: Path) -> None:
    """chmod 600 on POSIX (the database and exports hold health data)."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)

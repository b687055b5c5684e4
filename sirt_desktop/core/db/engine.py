"""One engine from a URL, SQLite pragmas, and Alembic migrations run at start-up.

Before the engine first connects to an SQLite file, ``health.preflight`` looks at it
read-only: a file that is not ours is refused untouched, and a leftover journal is copied
first and put aside if it does not belong. Migrations run one process at a time (a lock file
beside the database). Before a pending migration touches an existing file, the file is
checked (``PRAGMA quick_check``) and copied to a timestamped backup in
``paths.backups_dir()``. A database written by a newer version of the app (a revision this
version does not know) is never touched: ``NewerDatabaseError``.

Once open, the file is checked in a background thread; until the check has passed, and never
after it failed, nothing is written to it (``Database.require_healthy``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Result, create_engine, event
from sqlalchemy import inspect as schema_of
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from sirt_desktop.core import paths
from sirt_desktop.core.db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
)
from sirt_desktop.core.db.failures import classify
from sirt_desktop.core.db.health import damaged_error, preflight, quick_check

__all__ = [
    "CorruptDatabaseError",
    "Database",
    "DatabaseError",
    "ForeignDatabaseError",
    "NewerDatabaseError",
    "make_engine",
]

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Deleted letters are overwritten with zeros, not left in free pages of the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine_url(url: str | None = None) -> URL:
    """The parsed URL ``make_engine`` would use (no engine, no connection)."""
    return make_url(url or paths.database_url())


def make_engine(url: str | None = None) -> Engine:
    url = url or paths.database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            db_path = Path(database)
            db_path.parent.mkdir(parents=True, exist_ok=True)
            if not db_path.exists() and os.name == "posix":
                # Created owner-only before SQLite opens it: letters are special-category data.
                fd = os.open(db_path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            elif os.name == "posix":
                owner_only(db_path)
        # hide_parameters: an error message never carries letter text into a log or a dialog.
        engine = create_engine(url, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def owner_only(path: Path) -> None:
    """Take group and other permissions off a file (one copied in or restored by hand may be
    readable by everyone); the owner's own bits are left as they are."""
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def _alembic_config(engine: Engine) -> Any:  # alembic.config.Config, imported on use
    from alembic.config import Config  # noqa: PLC0415 (start-up: Alembic)

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def sqlite_file(engine: Engine | URL) -> Path | None:
    """The SQLite file behind an engine (or a URL); None for other databases or in memory."""
    url = engine.url if isinstance(engine, Engine) else engine
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def backup_sqlite(source: Path, reason: str = "pre-migration") -> Path:
    """Copy a live SQLite file (WAL included) to a timestamped, owner-only backup."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = paths.backups_dir() / f"{source.stem}-{reason}-{stamp}{source.suffix}"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if os.name == "posix":
        target.chmod(0o600)
    log.info("database backed up to %s before %s", target, reason)
    return target


def migration_status(engine: Engine) -> tuple[str | None, str]:
    """(current revision in the database, newest revision this app knows)."""
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415 (start-up: Alembic)
    from alembic.script import ScriptDirectory  # noqa: PLC0415 (start-up: Alembic)

    script = ScriptDirectory.from_config(_alembic_config(engine))
    head = script.get_current_head()
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            tables = set(schema_of(connection).get_table_names())
    except Exception as exc:  # damaged, or the disk, folder or file is at fault: told apart
        raise classify(exc) from exc
    if current is None and tables - {"alembic_version"}:
        # Someone else's tables: never add ours to their file.
        raise ForeignDatabaseError("The database is not one SIRT Desktop made, so the app has not used or changed it.")
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            if "letters" not in tables:
                raise ForeignDatabaseError(
                    "The database is not one SIRT Desktop made, so the app has not used or changed it."
                ) from exc
            raise NewerDatabaseError(
                f"This database was saved by a newer version of SIRT Desktop (schema {current})."
            ) from exc
    return current, head or ""


def upgrade_database(engine: Engine) -> Path | None:
    """Bring the schema up to date. Returns the backup made first, if any."""
    from alembic import command  # noqa: PLC0415 (start-up: Alembic)

    current, head = migration_status(engine)
    if current == head:
        return None
    backup = None
    db_file = sqlite_file(engine)
    if current is not None and db_file is not None and db_file.exists() and db_file.stat().st_size > 0:
        problems = quick_check(db_file)
        if problems:  # never migrate (write into) a damaged file
            raise damaged_error(problems)
        backup = backup_sqlite(db_file)
    config = _alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("database upgraded from %s to %s", current, head)
    return backup


@contextmanager
def migration_lock(db_file: Path | None) -> Iterator[None]:
    """One process at a time migrates a given SQLite file (two first starts at once would
    otherwise both create the tables)."""
    if db_file is None or os.name != "posix":
        yield
        return
    import fcntl  # noqa: PLC0415 (POSIX only: not on Windows)

    lock_path = db_file.with_name(f".{db_file.name}.migrate-lock")
    fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


class Database:
    """The engine and a session factory. Use ``with db.session() as s:`` per unit of work.

    ``notices``: things the person should be told once (for example that a leftover journal
    was put aside). Writes wait for the background check of the file and are refused if it
    failed (``require_healthy``)."""

    CHECK_WAIT_SECONDS = 120.0

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self.notices: list[str] = []
        self._check: threading.Thread | None = None
        self._check_connection: sqlite3.Connection | None = None
        self._problem: CorruptDatabaseError | None = None
        event.listen(self._factory, "do_orm_execute", self._before_statement)
        event.listen(self._factory, "before_flush", lambda *_a: self.require_healthy())

    @classmethod
    def open(cls, url: str | None = None, migrate: bool = True, check: bool = True) -> Database:
        db_file = sqlite_file(make_engine_url(url))
        if db_file is not None:
            db_file.parent.mkdir(parents=True, exist_ok=True)
        engine = None
        try:
            with migration_lock(db_file if migrate else None):
                found = preflight(db_file) if db_file is not None else None
                engine = make_engine(url)
                if migrate:
                    upgrade_database(engine)
        except BaseException:
            if engine is not None:
                engine.dispose()
            raise
        db = cls(engine)
        if found is not None:
            db.notices.extend(found.notices)
        if check and db_file is not None:
            db.start_check()
        return db

    # The background check -------------------------------------------------------------
    def start_check(self) -> None:
        """Run ``PRAGMA quick_check`` on the file in a background thread."""
        db_file = sqlite_file(self.engine)
        if db_file is None or self._check is not None:
            return

        def run() -> None:
            try:
                problems = quick_check(db_file, opened=lambda con: setattr(self, "_check_connection", con))
            except DatabaseError as exc:  # the disk, not the file (or closed): writes say so themselves
                log.warning("database check could not run: %s", exc)
                return
            finally:
                self._check_connection = None
            if problems:
                log.error("database check failed: %s", problems[:2])
                self._problem = damaged_error(problems)

        self._check = threading.Thread(target=run, name="database-check", daemon=True)
        self._check.start()

    def check_result(self, timeout: float | None = None) -> CorruptDatabaseError | None:
        """Wait for the check (if running) and return its failure, or None if it passed (or
        could not run). Call from a background thread: it may wait."""
        if self._check is not None:
            self._check.join(self.CHECK_WAIT_SECONDS if timeout is None else timeout)
        return self._problem

    @property
    def damaged(self) -> CorruptDatabaseError | None:
        """The check's failure if it has already failed (never waits)."""
        return self._problem

    def require_healthy(self) -> None:
        """Raise ``CorruptDatabaseError`` if the file failed its check; waits for a check still
        running (normally long finished by the first save)."""
        problem = self.check_result()
        if problem is not None:
            raise problem

    def _before_statement(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            self.require_healthy()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on error, always closed."""
        session = self._factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def empty_journal(self) -> None:
        """Fold the write-ahead journal into the file and empty it (``wal_checkpoint(TRUNCATE)``),
        so words just deleted do not linger in the journal's older copies of pages. Best effort:
        a reader in another process can keep part of it until the next time."""
        if self.engine.dialect.name != "sqlite":
            return
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception as exc:  # noqa: BLE001 - the letter is deleted; only the tidy-up failed
            log.warning("journal not emptied after a delete: %s", exc)

    def close(self) -> None:
        """Stop the check if it is still running, then close every connection (the last one
        folds the journal into the file)."""
        check, connection = self._check, self._check_connection
        if check is not None and check.is_alive():
            if connection is not None:
                with contextlib.suppress(sqlite3.Error):
                    connection.interrupt()
            check.join(10)
        self.engine.dispose()


def affected_rows(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE changed. (``Session.execute`` is typed as returning a ``Result``;
    for these statements it is a ``CursorResult``, which counts them.)"""
    return cast("CursorResult[Any]", result).rowcount


def inserted_key(result: Result[Any]) -> Any:
    """The primary key an INSERT created."""
    key = cast("CursorResult[Any]", result).inserted_primary_key
    if key is None:
        raise DatabaseError("The new row was not given a key.")
    return key[0]

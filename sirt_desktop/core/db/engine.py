"""One engine from a URL, SQLite pragmas, and Alembic migrations run at start-up.

Before a pending migration touches an existing SQLite file, the file is copied to a
timestamped backup in ``paths.backups_dir()``. A database written by a newer version of the
app (a revision this version does not know) is never touched: ``NewerDatabaseError``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Result, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from sirt_desktop.core import paths
from sirt_desktop.core.db.errors import CorruptDatabaseError, DatabaseError, NewerDatabaseError

__all__ = ["CorruptDatabaseError", "Database", "DatabaseError", "NewerDatabaseError", "make_engine"]

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
        # hide_parameters: an error message never carries letter text into a log or a dialog.
        engine = create_engine(url, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _alembic_config(engine: Engine) -> Any:  # alembic.config.Config, imported on use
    from alembic.config import Config  # noqa: PLC0415 (start-up: Alembic)

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def sqlite_file(engine: Engine) -> Path | None:
    if engine.url.get_backend_name() != "sqlite":
        return None
    database = engine.url.database
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
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database, etc.
        raise CorruptDatabaseError(f"The database file could not be read: {exc}") from exc
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
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
        backup = backup_sqlite(db_file)
    config = _alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("database upgraded from %s to %s", current, head)
    return backup


class Database:
    """The engine and a session factory. Use ``with db.session() as s:`` per unit of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, migrate: bool = True) -> Database:
        engine = make_engine(url)
        if migrate:
            upgrade_database(engine)
        return cls(engine)

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

    def close(self) -> None:
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

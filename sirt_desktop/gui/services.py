"""The services the shell hands to pages: the database, opened on first use, and its repositories."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sirt_desktop.core.db.errors import DatabaseError

if TYPE_CHECKING:  # SQLAlchemy loads only when the database first opens
    from sirt_desktop.core.db.engine import Database
    from sirt_desktop.core.db.letters_repo import LettersRepository
    from sirt_desktop.core.db.profiles_repo import ProfilesRepository


class Repositories(NamedTuple):
    letters: LettersRepository
    profiles: ProfilesRepository


class DatabaseProvider:
    """Opens (and migrates) the database the first time something needs it."""

    def __init__(self) -> None:
        self._db: Database | None = None
        self.error: DatabaseError | None = None

    def get(self) -> Database:
        """The open ``Database``; raises ``DatabaseError`` in plain words if it cannot be opened."""
        if self._db is None:
            from sirt_desktop.core.db.recovery import open_database  # noqa: PLC0415 (start-up: SQLAlchemy, Alembic)

            self._db = open_database()
            self.error = None
        return self._db

    def current(self) -> Database | None:
        """The database if it is open now (never opens it)."""
        return self._db

    def repositories(self) -> Repositories | None:
        """Both repositories over the open database, or None (``error`` says why)."""
        try:
            db = self.get()
        except DatabaseError as exc:
            self.error = exc
            return None
        from sirt_desktop.core.db.letters_repo import LettersRepository  # noqa: PLC0415 (start-up: SQLAlchemy)
        from sirt_desktop.core.db.profiles_repo import ProfilesRepository  # noqa: PLC0415 (start-up: SQLAlchemy)

        return Repositories(LettersRepository(db), ProfilesRepository(db))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

"""The services the shell hands to pages: the database, opened on first use, and its repositories."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.gui.tasks import run_in_background

if TYPE_CHECKING:  # SQLAlchemy loads only when the database first opens
    from sirt_desktop.core.db.engine import Database
    from sirt_desktop.core.db.letters_repo import LettersRepository
    from sirt_desktop.core.db.profiles_repo import ProfilesRepository


class Repositories(NamedTuple):
    letters: LettersRepository
    profiles: ProfilesRepository


class DatabaseProvider:
    """Opens (and migrates) the database the first time something needs it.

    At start-up the shell calls ``open_in_background`` so that the open, the migration and its
    backup never freeze the first screen. A page that needs the database before that open has
    finished waits for it in ``get`` (only the rest of the open, never a second one).
    """

    def __init__(self) -> None:
        self._db: Database | None = None
        self.error: DatabaseError | None = None
        self._opening: threading.Event | None = None
        self._opened: Database | None = None
        self._open_error: BaseException | None = None

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def get(self) -> Database:
        """The open ``Database``; raises ``DatabaseError`` in plain words if it cannot be opened."""
        if self._db is None and self._opening is not None:
            self._opening.wait()
            self._take_background_result()
        if self._db is None:
            from sirt_desktop.core.db.recovery import open_database  # noqa: PLC0415 (start-up: SQLAlchemy, Alembic)

            self._db = open_database()
            self.error = None
        return self._db

    def current(self) -> Database | None:
        """The database if it is open now (never opens it)."""
        return self._db

    def open_in_background(
        self,
        on_ready: Callable[[Database], None],
        on_error: Callable[[DatabaseError], None],
        then: Callable[[Database], object] | None = None,
    ) -> None:
        """Open the database on a worker thread; ``then(db)`` also runs there (tidying that
        needs the database). ``on_ready(db)`` or ``on_error(error)`` follow on the GUI thread."""
        if self._db is not None or self._opening is not None:
            on_ready(self.get())
            return
        opening = threading.Event()
        self._opening = opening

        def work() -> None:
            from sirt_desktop.core.db.recovery import open_database  # noqa: PLC0415 (start-up: SQLAlchemy, Alembic)

            try:
                db = open_database()
                if then is not None:
                    then(db)
                self._opened = db
            except BaseException as exc:
                self._open_error = exc
                raise
            finally:
                opening.set()

        def done(_result: object) -> None:
            self._take_background_result()
            if self._db is not None:
                on_ready(self._db)

        def failed(exc: BaseException) -> None:
            with contextlib.suppress(DatabaseError):  # the same error as ``exc``; ``error`` now holds it
                self._take_background_result()
            if isinstance(exc, DatabaseError):
                on_error(exc)
            else:
                raise exc

        run_in_background(work, done, failed, name="open-database")

    def _take_background_result(self) -> None:
        """Adopt what the background open produced (once), on the GUI thread."""
        if self._opening is None or not self._opening.is_set():
            return
        self._opening = None
        if self._opened is not None:
            self._db, self._opened = self._opened, None
            self.error = None
        elif isinstance(self._open_error, DatabaseError):
            self.error = self._open_error
            error, self._open_error = self._open_error, None
            raise error
        self._open_error = None

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

"""Database problems to explain in plain words. Kept apart from the engine so that code
which only needs to catch them does not import SQLAlchemy (start-up stays fast)."""


class DatabaseError(Exception):
    """A database problem to explain to the person in plain words."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of SIRT Desktop."""


class CorruptDatabaseError(DatabaseError):
    """The database file is not a readable SQLite database."""


class StaleLetterError(DatabaseError):
    """The letter was saved from somewhere else (another window, another computer on a shared
    database) since this copy of it was read: the save was refused, nothing was written."""

    def __init__(self, letter_id: int, expected: int, found: int) -> None:
        super().__init__(
            "This letter was changed somewhere else (another window or another computer) after it "
            "was opened here, so these words were not saved over those changes."
        )
        self.letter_id, self.expected, self.found = letter_id, expected, found

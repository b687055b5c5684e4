"""Database problems to explain in plain words. Kept apart from the engine so that code
which only needs to catch them does not import SQLAlchemy (start-up stays fast).

Each kind of storage fault has its own class, because each asks for something different of
the person: a full disk needs space freed, a read-only folder needs permission, a missing
folder needs its drive plugged back in, a busy file needs the other program closed. Only a
file that is really damaged (or is not one of ours) may be set aside to start fresh.
"""


class DatabaseError(Exception):
    """A database problem to explain to the person in plain words."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of SIRT Desktop."""


class CorruptDatabaseError(DatabaseError):
    """The database file is damaged: SQLite cannot read it, or its own check finds faults."""


class ForeignDatabaseError(DatabaseError):
    """The file at the database's place is a database, but not one SIRT Desktop wrote."""


class StorageError(DatabaseError):
    """The letters could not be read or saved because of where they are kept, not because the
    file is damaged. The file has not been changed; trying again later may work."""


class DiskFullError(StorageError):
    """No space left on the disk (or a limit on how large files may grow)."""


class ReadOnlyError(StorageError):
    """The folder or file cannot be written to."""


class MissingStorageError(StorageError):
    """The folder (or the file, while the app had it open) is not there."""


class LockedError(StorageError):
    """Another program holds the file."""


class StaleLetterError(DatabaseError):
    """The letter was saved from somewhere else (another window, another computer on a shared
    database) since this copy of it was read: the save was refused, nothing was written."""

    def __init__(self, letter_id: int, expected: int, found: int) -> None:
        super().__init__(
            "This letter was changed somewhere else (another window or another computer) after it "
            "was opened here, so these words were not saved over those changes."
        )
        self.letter_id, self.expected, self.found = letter_id, expected, found

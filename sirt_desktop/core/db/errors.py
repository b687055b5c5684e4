"""Database problems to explain in plain words. Kept apart from the engine so that code
which only needs to catch them does not import SQLAlchemy (start-up stays fast)."""


class DatabaseError(Exception):
    """A database problem to explain to the person in plain words."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of SIRT Desktop."""


class CorruptDatabaseError(DatabaseError):
    """The database file is not a readable SQLite database."""

"""Fast text filtering of "My letters" with SQLite's full-text index (FTS5, trigram tokenizer).

The meaning of a text filter never changes: every word must appear, as a substring and
case-insensitively (SQLite's LIKE: ASCII letters fold, other characters match exactly), in
the subject, body or recipient. That is always checked with LIKE. The index only *narrows*
the rows LIKE has to look at: schema 0003 keeps ``letters_fts`` (an external-content FTS5
table over those three columns) in step with ``letters`` through triggers, and a trigram
query for a word matches every row whose text holds that word (it folds case more widely
than LIKE, never less), so narrowing can drop only rows LIKE would drop too.

The index is used only where it helps:

- only on SQLite, only when the table and its triggers exist and can be read (checked once
  per ``Database``); a PostgreSQL helpline database, or an SQLite without FTS5 trigram,
  keeps the plain LIKE scan;
- only words of 3 characters or more (a trigram index cannot look up shorter ones; LIKE
  still checks them) and without a NUL character (the FTS5 query text cannot hold one);
- only when the words are rare: a quick probe counts at most ``NARROW_LIMIT`` + 1 matching
  rows. A common word is found on the first page of a newest-first scan within a few
  thousand rows, faster than sorting every match; a rare word, or one in no letter, would
  make that scan read the whole table, and the index answers it at once.

User text never reaches FTS5 as syntax: each word is a string literal in double quotes,
inner double quotes doubled, joined with AND.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select, table, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.db.models import Letter

log = logging.getLogger(__name__)

FTS_TABLE = "letters_fts"
# What FTS5 creates beside an external-content table (no _content: the text stays in letters).
FTS_SHADOW_TABLES = tuple(f"{FTS_TABLE}_{suffix}" for suffix in ("data", "idx", "docsize", "config"))
FTS_TRIGGERS = tuple(f"{FTS_TABLE}_{event}" for event in ("insert", "delete", "update"))
MIN_WORD = 3  # trigram
MAX_PHRASES = 16  # the longest words narrow enough; LIKE checks every word anyway
NARROW_LIMIT = 5000

_available: weakref.WeakKeyDictionary[Database, bool] = weakref.WeakKeyDictionary()


def is_fts_table(name: str | None) -> bool:
    """The FTS table or one of its shadow tables (not models: schema comparisons skip them)."""
    return name == FTS_TABLE or name in FTS_SHADOW_TABLES


def fts_phrase(word: str) -> str:
    """``word`` as an FTS5 string literal: matched as a substring, never parsed as syntax."""
    return '"' + word.replace('"', '""') + '"'


def fts_query(words: list[str]) -> str | None:
    """The MATCH expression that narrows to rows holding every indexable word, or None."""
    usable = sorted({w for w in words if len(w) >= MIN_WORD and "\x00" not in w}, key=lambda w: (-len(w), w))
    if not usable:
        return None
    return " AND ".join(fts_phrase(w) for w in usable[:MAX_PHRASES])


def fts_available(db: Database) -> bool:
    """Whether ``db`` has the index, its triggers, and an SQLite that can read it (cached)."""
    known = _available.get(db)
    if known is None:
        known = _probe_available(db)
        _available[db] = known
    return known


def _probe_available(db: Database) -> bool:
    if db.engine.dialect.name != "sqlite":
        return False
    names = (FTS_TABLE, *FTS_TRIGGERS)
    marks = ", ".join(f":n{i}" for i in range(len(names)))
    try:
        with db.engine.connect() as connection:
            found = connection.execute(
                text(f"SELECT count(*) FROM sqlite_master WHERE name IN ({marks})"),
                {f"n{i}": name for i, name in enumerate(names)},
            ).scalar_one()
            if found != len(names):
                return False
            connection.execute(
                text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q LIMIT 1"), {"q": fts_phrase("probe")}
            ).all()
    except DBAPIError as exc:  # e.g. "no such module: fts5" on an older SQLite
        log.warning("letter text search index not usable, searching without it: %s", exc)
        return False
    return True


def matching_ids(query: str) -> Select[tuple[Any]]:
    """``SELECT rowid FROM letters_fts WHERE letters_fts MATCH :query``."""
    fts = table(FTS_TABLE, literal_column("rowid"))
    return select(literal_column("rowid")).select_from(fts).where(literal_column(FTS_TABLE).op("MATCH")(query))


def narrowing(db: Database, session: Session, words: list[str]) -> ColumnElement[bool] | None:
    """A condition limiting letters to the index's candidates for ``words``, when that helps."""
    query = fts_query(words)
    if query is None or not fts_available(db):
        return None
    probe = select(func.count()).select_from(matching_ids(query).limit(NARROW_LIMIT + 1).subquery())
    try:
        candidates = session.execute(probe).scalar_one()
    except DBAPIError as exc:
        log.warning("letter text search index not used for this search: %s", exc)
        return None
    if candidates > NARROW_LIMIT:
        return None
    return Letter.id.in_(matching_ids(query))


# --- privacy: the index holds every indexed word with its position -----------------------
def _has_index(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": FTS_TABLE}
    ).scalar_one()
    return bool(found)


def clear_index(session: Session) -> None:
    """Empty the index (after every letter was deleted): old segments keep deleted words
    until merged, so they are dropped outright rather than marked deleted."""
    if _has_index(session):
        session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')"))


def purge_deleted(session: Session) -> None:
    """Rewrite the index without the entries of deleted or changed letters (costs seconds
    with tens of thousands of letters, so only after deleting letters in bulk)."""
    if _has_index(session):
        session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))

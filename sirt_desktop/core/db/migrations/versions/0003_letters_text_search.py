"""A full-text index of letters (subject, body, recipient) for a quick "My letters" filter.

On SQLite only (3.34 or newer, with FTS5): ``letters_fts``, an external-content FTS5 table
with the trigram tokenizer (substring, case-insensitive matching), so it holds an index but
no copy of the text; three triggers keep it in step with ``letters``; existing letters are
indexed here. Other databases (PostgreSQL for a shared helpline), or an SQLite without FTS5
trigram, get nothing: the app then filters with LIKE alone (``core/db/letter_search.py``).

A later migration that rebuilds ``letters`` (batch "move and copy") drops these triggers
with the old table: it must create them again (the app stops using the index without them).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import logging
from typing import Any

from alembic import context, op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

_COLUMNS = "subject, body, recipient_name"
_NEW = "new.id, new.subject, new.body, new.recipient_name"
_OLD = "'delete', old.id, old.subject, old.body, old.recipient_name"
_STATEMENTS = (
    f"CREATE VIRTUAL TABLE letters_fts USING fts5({_COLUMNS}, content='letters', content_rowid='id', "
    "tokenize='trigram')",
    f"CREATE TRIGGER letters_fts_insert AFTER INSERT ON letters BEGIN "
    f"INSERT INTO letters_fts(rowid, {_COLUMNS}) VALUES ({_NEW}); END",
    f"CREATE TRIGGER letters_fts_delete AFTER DELETE ON letters BEGIN "
    f"INSERT INTO letters_fts(letters_fts, rowid, {_COLUMNS}) VALUES ({_OLD}); END",
    # Only when the indexed words change: autosaves of the same words and reply tracking skip it.
    f"CREATE TRIGGER letters_fts_update AFTER UPDATE OF id, {_COLUMNS} ON letters "
    "WHEN old.id IS NOT new.id OR old.subject IS NOT new.subject OR old.body IS NOT new.body "
    "OR old.recipient_name IS NOT new.recipient_name BEGIN "
    f"INSERT INTO letters_fts(letters_fts, rowid, {_COLUMNS}) VALUES ({_OLD}); "
    f"INSERT INTO letters_fts(rowid, {_COLUMNS}) VALUES ({_NEW}); END",
    "INSERT INTO letters_fts(letters_fts) VALUES ('rebuild')",
)


def _sqlite_can_index(bind: Any) -> bool:
    version = bind.exec_driver_sql("SELECT sqlite_version()").scalar()
    numbers = tuple(int(part) for part in str(version).split(".")[:3])
    fts5 = bind.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar()
    return numbers >= (3, 34, 0) and bool(fts5)


def upgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    if not context.is_offline_mode() and not _sqlite_can_index(op.get_bind()):
        log.warning("this SQLite has no FTS5 trigram tokenizer: letters are filtered without an index")
        return
    for statement in _STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    for trigger in ("letters_fts_update", "letters_fts_delete", "letters_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS letters_fts")

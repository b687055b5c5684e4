"""Every letter carries a version, so a stale save is refused instead of applied.

``letters.version`` starts at 1 and goes up by one each time the letter's words are saved
(``LettersRepository.save_draft``). A save names the version it started from; if the letter
has moved on meanwhile (another window, another computer on a shared database), nothing is
written and the caller is told (``StaleLetterError``).

The column is added in place (``ALTER TABLE ... ADD COLUMN``), not by rebuilding the table,
so the full-text triggers of 0003 stay as they are.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("letters", sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("ALTER TABLE letters DROP COLUMN version")  # SQLite 3.35+, keeps the triggers
    else:
        op.drop_column("letters", "version")

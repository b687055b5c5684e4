"""Reply tracking on letters (finished, sent, reply status, follow-ups) and the PDFs kept
exactly as printed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("letters") as batch:
        batch.add_column(sa.Column("finished_at", sa.DateTime, nullable=True))
        batch.add_column(sa.Column("sent_at", sa.Date, nullable=True))
        batch.add_column(sa.Column("sent_method", sa.String(20), nullable=False, server_default=""))
        batch.add_column(sa.Column("reply_status", sa.String(30), nullable=False, server_default="none"))
        batch.add_column(sa.Column("reply_asked_2w", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("reply_asked_4w", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("follow_up_of_id", sa.Integer, nullable=True))
        batch.create_foreign_key("fk_letters_follow_up_of", "letters", ["follow_up_of_id"], ["id"], ondelete="SET NULL")
    # Letters finished before this version: their last change is the best date there is.
    op.execute("UPDATE letters SET finished_at = updated_at WHERE status = 'finished'")
    op.drop_index("ix_letters_kind", table_name="letters")
    op.create_index("ix_letters_kind_updated", "letters", ["kind", "updated_at"])
    op.create_index("ix_letters_sent_at", "letters", ["sent_at"])
    op.create_index("ix_letters_follow_up_of_id", "letters", ["follow_up_of_id"])
    op.create_table(
        "letter_pdfs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "letter_id",
            sa.Integer,
            sa.ForeignKey("letters.id", ondelete="CASCADE", name="fk_letter_pdfs_letter"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("pdf", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_letter_pdfs_letter", "letter_pdfs", ["letter_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_letter_pdfs_letter", table_name="letter_pdfs")
    op.drop_table("letter_pdfs")
    op.drop_index("ix_letters_follow_up_of_id", table_name="letters")
    op.drop_index("ix_letters_sent_at", table_name="letters")
    op.drop_index("ix_letters_kind_updated", table_name="letters")
    op.create_index("ix_letters_kind", "letters", ["kind"])
    with op.batch_alter_table("letters") as batch:
        batch.drop_constraint("fk_letters_follow_up_of", type_="foreignkey")
        for column in (
            "follow_up_of_id",
            "reply_asked_4w",
            "reply_asked_2w",
            "reply_status",
            "sent_method",
            "sent_at",
            "finished_at",
        ):
            batch.drop_column(column)

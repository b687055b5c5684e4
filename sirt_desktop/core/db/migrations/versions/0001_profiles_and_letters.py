"""Sender profiles and letters (with drafts).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sender_profiles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.String(80), nullable=False, server_default=""),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
        sa.Column("postcode", sa.String(16), nullable=False, server_default=""),
        sa.Column("email", sa.String(200), nullable=False, server_default=""),
        sa.Column("phone", sa.String(40), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "letters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="draft"),
        sa.Column(
            "sender_profile_id",
            sa.Integer,
            sa.ForeignKey("sender_profiles.id", ondelete="SET NULL", name="fk_letters_sender_profile"),
            nullable=True,
        ),
        sa.Column("recipient_name", sa.String(300), nullable=False, server_default=""),
        sa.Column("subject", sa.String(300), nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.Column("data_json", sa.Text, nullable=False, server_default="{}"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_letters_kind", "letters", ["kind"])
    op.create_index("ix_letters_updated_at", "letters", ["updated_at"])
    op.create_index("ix_letters_status_updated", "letters", ["status", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_letters_status_updated", table_name="letters")
    op.drop_index("ix_letters_updated_at", table_name="letters")
    op.drop_index("ix_letters_kind", table_name="letters")
    op.drop_table("letters")
    op.drop_table("sender_profiles")

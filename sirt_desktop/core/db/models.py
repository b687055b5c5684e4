"""SQLAlchemy 2 typed models. Change the schema only through a new Alembic migration."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class SenderProfile(Base):
    """A person letters are written from (a patient, a carer...)."""

    __tablename__ = "sender_profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(80), default="")
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")  # one line per line, no postcode
    postcode: Mapped[str] = mapped_column(String(16), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    letters: Mapped[list[Letter]] = relationship(back_populates="sender_profile")


class Letter(Base):
    """A letter, from first draft to finished, sent and answered. ``data_json`` holds the whole
    letter as the letters model serialises it (sender snapshot included, so editing a profile
    never changes a letter); the plain columns beside it exist for listing, filtering and
    reply tracking."""

    __tablename__ = "letters"
    __table_args__ = (
        Index("ix_letters_status_updated", "status", "updated_at"),
        Index("ix_letters_kind_updated", "kind", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | finished
    sender_profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("sender_profiles.id", ondelete="SET NULL", name="fk_letters_sender_profile"), nullable=True
    )
    recipient_name: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    data_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, index=True)
    # Reply tracking (schema 0002).
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    sent_at: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    sent_method: Mapped[str] = mapped_column(String(20), default="", server_default="")  # printed | posted | emailed
    reply_status: Mapped[str] = mapped_column(String(30), default="none", server_default="none")
    reply_asked_2w: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    reply_asked_4w: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    follow_up_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("letters.id", ondelete="SET NULL", name="fk_letters_follow_up_of"), nullable=True, index=True
    )
    # Goes up by one at each save of the words (schema 0004): a stale save is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    sender_profile: Mapped[SenderProfile | None] = relationship(back_populates="letters")


class LetterPdf(Base):
    """A PDF exactly as it was printed or saved, so that a re-print is byte-for-byte the same."""

    __tablename__ = "letter_pdfs"
    __table_args__ = (Index("ix_letter_pdfs_letter", "letter_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE", name="fk_letter_pdfs_letter"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    purpose: Mapped[str] = mapped_column(String(20))  # printed | saved
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)

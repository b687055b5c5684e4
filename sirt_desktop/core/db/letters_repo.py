"""The letters a person has written: drafts (autosaved), finished, sent and answered.

Every method is one unit of work and returns plain values from ``records`` (never ORM
objects). Storage failures arrive as ``DatabaseError`` with a plain message; the caller keeps
the person's words on screen and says the change was not saved.

The list is newest first (by last change) and paged; its filters use indexes where they can.
A text search for common words stops as soon as a page is full; for rare words (or words in
no letter) the full-text index narrows the rows first (``letter_search``), so the first
screen stays quick with tens of thousands of letters. Recording a reply does not move a
letter up the list.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from dataclasses import fields
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, exists, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from sirt_desktop.core.dates import local_date
from sirt_desktop.core.db.engine import Database, affected_rows, inserted_key
from sirt_desktop.core.db.errors import DatabaseError, StaleLetterError
from sirt_desktop.core.db.failures import plain_database_errors
from sirt_desktop.core.db.letter_search import narrowing, purge_deleted
from sirt_desktop.core.db.models import Letter, LetterPdf, utcnow
from sirt_desktop.core.db.records import (
    ANSWERED,
    PDF_PURPOSES,
    REPLY_STATUSES,
    SENT_METHODS,
    WAITING,
    LetterFilters,
    LetterRecord,
    LetterStatus,
    LetterSummary,
    PdfPurpose,
    PdfVersion,
    ReplyCheck,
    StatusFilter,
)

FOLLOW_UP_KIND = "mp_follow_up"  # letters.kinds.KindId.MP_FOLLOW_UP (db does not import letters)
PAGE_SIZE = 200

_SUMMARY_COLUMNS = (
    Letter.id,
    Letter.kind,
    Letter.status,
    Letter.recipient_name,
    Letter.subject,
    Letter.created_at,
    Letter.updated_at,
    Letter.finished_at,
    Letter.sent_at,
    Letter.sent_method,
    Letter.reply_status,
    Letter.follow_up_of_id,
    # Whether a printed or saved copy is kept (so "Print again" is offered only when it can work).
    exists().where(LetterPdf.letter_id == Letter.id).label("has_pdf"),
)
RECORD_COLUMNS = (
    *_SUMMARY_COLUMNS,
    Letter.body,
    Letter.data_json,
    Letter.sender_profile_id,
    Letter.reply_asked_2w,
    Letter.reply_asked_4w,
    Letter.version,
)
_NEWEST_FIRST = (Letter.updated_at.desc(), Letter.id.desc())


class LetterNotFoundError(LookupError):
    """No letter has this id (it may have been deleted)."""


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_conditions(filters: LetterFilters, narrow: ColumnElement[bool] | None = None) -> list[ColumnElement[bool]]:
    """The WHERE conditions for ``filters`` (shared by the list and the count). ``narrow``, from
    ``letter_search.narrowing``, only lets the database skip rows these conditions reject."""
    conditions: list[ColumnElement[bool]] = [] if narrow is None else [narrow]
    if filters.kind:
        conditions.append(Letter.kind == filters.kind)
    status = filters.status
    if status == StatusFilter.DRAFT:
        conditions.append(Letter.status == LetterStatus.DRAFT)
    elif status == StatusFilter.FINISHED:
        conditions.append(and_(Letter.status == LetterStatus.FINISHED, Letter.sent_at.is_(None)))
    elif status == StatusFilter.SENT:
        conditions.append(Letter.sent_at.is_not(None))
    elif status == StatusFilter.WAITING:
        conditions.append(and_(Letter.sent_at.is_not(None), Letter.reply_status.in_(WAITING)))
    elif status == StatusFilter.ANSWERED:
        conditions.append(Letter.reply_status.in_(ANSWERED))
    elif status:
        raise ValueError(f"unknown status filter: {status!r}")
    if filters.recipient.strip():
        conditions.append(Letter.recipient_name.like(_like(filters.recipient.strip()), escape="\\"))
    for word in filters.words():
        pattern = _like(word)
        conditions.append(
            or_(
                Letter.subject.like(pattern, escape="\\"),
                Letter.recipient_name.like(pattern, escape="\\"),
                Letter.body.like(pattern, escape="\\"),
            )
        )
    return conditions


_SUMMARY_FIELDS = [f.name for f in fields(LetterSummary)]


def _summary_values(row: Any) -> list[Any]:
    values = list(row[: len(_SUMMARY_COLUMNS)])
    values[-1] = bool(values[-1])  # has_pdf: SQLite answers EXISTS with 0 or 1
    return values


def _summary(row: Any) -> LetterSummary:
    return LetterSummary(*_summary_values(row))


def record_from_row(row: Any) -> LetterRecord:
    """A ``LetterRecord`` from a row of ``select(*RECORD_COLUMNS)`` (the export reads the same)."""
    values = list(row)
    base = _summary_values(values)
    body, data_json, profile_id, asked_2w, asked_4w, version = values[len(_SUMMARY_COLUMNS) :]
    try:
        data = json.loads(data_json or "{}")
    except ValueError as exc:
        raise DatabaseError(f"Letter {base[0]} is damaged and could not be read.") from exc
    return LetterRecord(
        **dict(zip(_SUMMARY_FIELDS, base, strict=True)),
        body=body,
        data=data if isinstance(data, dict) else {},
        sender_profile_id=profile_id,
        reply_asked_2w=bool(asked_2w),
        reply_asked_4w=bool(asked_4w),
        version=int(version or 1),
    )


def _dump(data: dict[str, Any]) -> str:
    if not isinstance(data, dict):
        raise TypeError(f"letter data should be a dict, not {type(data).__name__}")
    return json.dumps(data, ensure_ascii=False)


def quoted_letter_date(letter: LetterRecord) -> dt.date:
    """The date a follow-up quotes: when it was sent, else finished, else the letter's own date."""
    if letter.sent_at:
        return letter.sent_at
    if letter.finished_at:
        return local_date(letter.finished_at)
    try:
        return dt.date.fromisoformat(str(letter.data.get("date", "")))
    except ValueError:
        return local_date(letter.created_at)


class LettersRepository:
    """Letters in one database. Give a view this object, not the database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- writing ------------------------------------------------------------------------
    def create_draft(
        self,
        kind: str,
        data: dict[str, Any] | None = None,
        recipient_name: str = "",
        subject: str = "",
        body: str = "",
        sender_profile_id: int | None = None,
        follow_up_of_id: int | None = None,
    ) -> LetterRecord:
        with plain_database_errors(), self.db.session() as s:
            letter = Letter(
                kind=kind,
                status=LetterStatus.DRAFT.value,
                recipient_name=recipient_name,
                subject=subject,
                body=body,
                data_json=_dump(data or {}),
                sender_profile_id=sender_profile_id,
                follow_up_of_id=follow_up_of_id,
            )
            s.add(letter)
            s.flush()
            letter_id = letter.id
        return self.get(letter_id)

    def save_draft(
        self,
        letter_id: int,
        kind: str,
        recipient_name: str,
        subject: str,
        body: str,
        data: dict[str, Any],
        expected_version: int | None = None,
        expected_created_at: dt.datetime | None = None,
    ) -> int:
        """Autosave: one UPDATE in one transaction; returns the letter's new version.

        With ``expected_version`` (the version this copy of the letter was read or last saved
        at) the UPDATE applies only if the letter is still at that version; otherwise nothing is
        written and ``StaleLetterError`` says so. ``expected_created_at`` also makes sure the id
        still names the same letter (SQLite may give a deleted letter's id to a new one).
        ``None`` saves whatever the version is (for tools that never read the letter first)."""
        values = dict(
            kind=kind,
            recipient_name=recipient_name,
            subject=subject,
            body=body,
            data_json=_dump(data),
            updated_at=utcnow(),
            version=Letter.version + 1,
        )
        with plain_database_errors(), self.db.session() as s:
            query = update(Letter).where(Letter.id == letter_id)
            if expected_version is not None:
                query = query.where(Letter.version == expected_version)
            if expected_created_at is not None:
                query = query.where(Letter.created_at == expected_created_at)
            if affected_rows(s.execute(query.values(**values))) == 1:
                return int(s.execute(select(Letter.version).where(Letter.id == letter_id)).scalar_one())
            found = s.execute(select(Letter.version).where(Letter.id == letter_id)).scalar()
        if found is None:
            raise LetterNotFoundError(letter_id)
        raise StaleLetterError(letter_id, int(expected_version or 0), int(found))

    def version(self, letter_id: int) -> int:
        """The letter's current version (see ``save_draft``)."""
        with plain_database_errors(), self.db.session() as s:
            found = s.execute(select(Letter.version).where(Letter.id == letter_id)).scalar()
        if found is None:
            raise LetterNotFoundError(letter_id)
        return int(found)

    def set_sender_profile(self, letter_id: int, profile_id: int | None) -> None:
        self._update(letter_id, sender_profile_id=profile_id, updated_at=utcnow())

    def duplicate(self, letter_id: int) -> LetterRecord:
        """A new draft with the same kind and words; nothing about sending or replies."""
        old = self.get(letter_id)
        return self.create_draft(
            old.kind,
            copy.deepcopy(old.data),
            old.recipient_name,
            old.subject,
            old.body,
            old.sender_profile_id,
            old.follow_up_of_id,
        )

    def delete(self, letter_id: int) -> None:
        """Deletes the letter and its stored PDFs; follow-ups of it stay, unlinked."""
        with plain_database_errors(), self.db.session() as s:
            if s.get_bind().dialect.name == "sqlite":
                s.execute(text("PRAGMA secure_delete=ON"))  # the deleted words are overwritten
            if affected_rows(s.execute(delete(Letter).where(Letter.id == letter_id))) == 0:
                raise LetterNotFoundError(letter_id)
            # The search index keeps a deleted letter's words until it is compacted: compact
            # now, so "delete" means deleted. (Fast for one person's letters; a shared helpline
            # uses PostgreSQL, which has no such index.)
            purge_deleted(s)
        self.db.empty_journal()  # nor in the journal's older copies of its pages

    def finish(self, letter_id: int, when: dt.datetime | None = None) -> None:
        self._update(letter_id, status=LetterStatus.FINISHED.value, finished_at=when or utcnow(), updated_at=utcnow())

    def reopen(self, letter_id: int) -> None:
        """Back to a draft (e.g. to change a finished letter before sending it)."""
        self._update(letter_id, status=LetterStatus.DRAFT.value, finished_at=None, updated_at=utcnow())

    def mark_sent(self, letter_id: int, method: str, sent_on: dt.date) -> None:
        """Sent by ``method`` on ``sent_on``; finishes the letter; reply checks start again."""
        if method not in SENT_METHODS:
            raise ValueError(f"unknown way of sending: {method!r}")
        self._update(
            letter_id,
            status=LetterStatus.FINISHED.value,
            finished_at=func.coalesce(Letter.finished_at, utcnow()),
            sent_at=sent_on,
            sent_method=method,
            reply_asked_2w=False,
            reply_asked_4w=False,
            updated_at=utcnow(),
        )

    def record_reply(self, letter_id: int, reply_status: str, check_weeks: int | None = None) -> None:
        """What came back. ``check_weeks`` (2 or 4) marks that reply check as asked."""
        if reply_status not in REPLY_STATUSES:
            raise ValueError(f"unknown reply status: {reply_status!r}")
        values: dict[str, Any] = {"reply_status": reply_status}
        values.update(self._asked(check_weeks))
        self._update(letter_id, **values)

    def mark_reply_check_asked(self, letter_id: int, weeks: int) -> None:
        """The person was asked (and chose not to answer): never ask this check again."""
        self._update(letter_id, **self._asked(weeks))

    @staticmethod
    def _asked(weeks: int | None) -> dict[str, Any]:
        if weeks is None:
            return {}
        if weeks == 2:
            return {"reply_asked_2w": True}
        if weeks == 4:
            return {"reply_asked_2w": True, "reply_asked_4w": True}
        raise ValueError(f"reply checks are at 2 or 4 weeks, not {weeks}")

    def _update(self, letter_id: int, **values: Any) -> None:
        values.setdefault("updated_at", Letter.updated_at)  # tracking alone keeps the list order
        with plain_database_errors(), self.db.session() as s:
            result = s.execute(update(Letter).where(Letter.id == letter_id).values(**values))
            if affected_rows(result) == 0:
                raise LetterNotFoundError(letter_id)

    # --- reading ------------------------------------------------------------------------
    def get(self, letter_id: int) -> LetterRecord:
        with plain_database_errors(), self.db.session() as s:
            row = s.execute(select(*RECORD_COLUMNS).where(Letter.id == letter_id)).first()
        if row is None:
            raise LetterNotFoundError(letter_id)
        return record_from_row(row)

    def list_page(
        self, filters: LetterFilters = LetterFilters(), offset: int = 0, limit: int = PAGE_SIZE
    ) -> list[LetterSummary]:
        with plain_database_errors(), self.db.session() as s:
            query = (
                select(*_SUMMARY_COLUMNS)
                .where(*self._conditions(s, filters))
                .order_by(*_NEWEST_FIRST)
                .offset(offset)
                .limit(limit)
            )
            return [_summary(row) for row in s.execute(query)]

    def count(self, filters: LetterFilters = LetterFilters()) -> int:
        with plain_database_errors(), self.db.session() as s:
            query = select(func.count()).select_from(Letter).where(*self._conditions(s, filters))
            return int(s.execute(query).scalar_one())

    def _conditions(self, session: Session, filters: LetterFilters) -> list[ColumnElement[bool]]:
        words = filters.words()
        return filter_conditions(filters, narrowing(self.db, session, words) if words else None)

    def due_reply_checks(self, today: dt.date) -> list[ReplyCheck]:
        """Sent letters with no answer yet whose 2- or 4-week check is due and not yet asked.
        A letter past both is asked once, as its 4-week check. Oldest first."""
        two, four = today - dt.timedelta(weeks=2), today - dt.timedelta(weeks=4)
        query = (
            select(*_SUMMARY_COLUMNS, Letter.reply_asked_4w)
            .where(
                Letter.sent_at.is_not(None),
                Letter.reply_status.in_(WAITING),
                or_(
                    and_(Letter.reply_asked_4w.is_(False), Letter.sent_at <= four),
                    and_(Letter.reply_asked_2w.is_(False), Letter.sent_at <= two),
                ),
            )
            .order_by(Letter.sent_at, Letter.id)
        )
        with plain_database_errors(), self.db.session() as s:
            rows = s.execute(query).all()
        checks = []
        for row in rows:
            summary = _summary(row)
            due_four = not row[-1] and summary.sent_at is not None and summary.sent_at <= four
            checks.append(ReplyCheck(summary, 4 if due_four else 2))
        return checks

    # --- PDFs kept exactly as printed -----------------------------------------------------
    def store_pdf(
        self, letter_id: int, pdf_bytes: bytes, purpose: str = PdfPurpose.PRINTED, finish: bool = False
    ) -> PdfVersion:
        """Keep the exact PDF; with ``finish`` the letter is marked finished in the same
        transaction, so it is never finished without its PDF or the other way round."""
        if purpose not in PDF_PURPOSES:
            raise ValueError(f"unknown PDF purpose: {purpose!r}")
        data = bytes(pdf_bytes)
        digest = hashlib.sha256(data).hexdigest()
        created = utcnow()
        with plain_database_errors(), self.db.session() as s:
            if s.get(Letter, letter_id) is None:
                raise LetterNotFoundError(letter_id)
            new_id = inserted_key(
                s.execute(
                    insert(LetterPdf).values(
                        letter_id=letter_id,
                        created_at=created,
                        purpose=purpose,
                        sha256=digest,
                        size=len(data),
                        pdf=data,
                    )
                )
            )
            if finish:
                s.execute(
                    update(Letter)
                    .where(Letter.id == letter_id)
                    .values(status=LetterStatus.FINISHED.value, finished_at=created, updated_at=created)
                )
        return PdfVersion(int(new_id), letter_id, created, purpose, digest, len(data))

    def pdf_versions(self, letter_id: int) -> list[PdfVersion]:
        """Every stored PDF of a letter, oldest first (without the bytes)."""
        query = (
            select(
                LetterPdf.id,
                LetterPdf.letter_id,
                LetterPdf.created_at,
                LetterPdf.purpose,
                LetterPdf.sha256,
                LetterPdf.size,
            )
            .where(LetterPdf.letter_id == letter_id)
            .order_by(LetterPdf.id)
        )
        with plain_database_errors(), self.db.session() as s:
            return [PdfVersion(*row) for row in s.execute(query)]

    def pdf_bytes(self, pdf_id: int) -> bytes:
        with plain_database_errors(), self.db.session() as s:
            row = s.execute(select(LetterPdf.pdf, LetterPdf.sha256).where(LetterPdf.id == pdf_id)).first()
        if row is None:
            raise LookupError(pdf_id)
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != row[1]:
            raise DatabaseError("The stored PDF is damaged (it no longer matches what was printed).")
        return data

    def latest_pdf(self, letter_id: int, purpose: str | None = PdfPurpose.PRINTED) -> bytes | None:
        """The newest stored PDF (of ``purpose``, or any if None), byte-for-byte; None if none."""
        query = select(LetterPdf.id).where(LetterPdf.letter_id == letter_id)
        if purpose is not None:
            query = query.where(LetterPdf.purpose == purpose)
        with plain_database_errors(), self.db.session() as s:
            pdf_id = s.execute(query.order_by(LetterPdf.id.desc()).limit(1)).scalar()
        return None if pdf_id is None else self.pdf_bytes(pdf_id)

    # --- follow-ups -----------------------------------------------------------------------
    def start_follow_up(self, letter_id: int) -> LetterRecord:
        """A new ``mp_follow_up`` draft to the same person from the same sender, quoting the
        earlier letter's date and subject (the letters model's ``earlier_letter`` field, which
        the printed letter turns into "Following my letter of …") and linked to it."""
        earlier = self.get(letter_id)
        data: dict[str, Any] = {"kind": FOLLOW_UP_KIND}
        for key in ("sender", "recipient", "greeting", "reply_format", "large_print"):
            if key in earlier.data:
                data[key] = copy.deepcopy(earlier.data[key])
        data["earlier_letter"] = {"date": quoted_letter_date(earlier).isoformat(), "subject": earlier.subject}
        return self.create_draft(
            FOLLOW_UP_KIND, data, earlier.recipient_name, "", "", earlier.sender_profile_id, follow_up_of_id=earlier.id
        )

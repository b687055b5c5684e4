"""Plain values the letters repository hands out (never ORM objects), the allowed words for
sending and replies, and the filters of the "My letters" list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sirt_desktop.core.dates import short_date


class LetterStatus(StrEnum):
    """``letters.status`` in the database (a sent letter is a finished one with ``sent_at``)."""

    DRAFT = "draft"
    FINISHED = "finished"


class SentMethod(StrEnum):
    PRINTED = "printed"
    POSTED = "posted"
    EMAILED = "emailed"


# How it went, in words that do not overlap ("printed" is kept as the stored value for a
# letter handed in, so letters already marked keep their meaning).
SENT_METHODS: dict[str, str] = {
    SentMethod.POSTED: "Posted",
    SentMethod.PRINTED: "Handed in (to them or their office)",
    SentMethod.EMAILED: "Emailed",
}


class ReplyStatus(StrEnum):
    """``letters.reply_status`` in the database."""

    NONE = "none"  # never asked
    REPLIED_HELPED = "replied_helped"
    REPLIED_NOT_ANSWERED = "replied_not_answered"
    ACKNOWLEDGEMENT_ONLY = "acknowledgement_only"
    NO_REPLY_YET = "no_reply_yet"
    NOT_EXPECTING = "not_expecting"


# reply_status values, with the words the reply question and the list use.
REPLY_NONE = ReplyStatus.NONE
REPLY_STATUSES: dict[str, str] = {
    ReplyStatus.REPLIED_HELPED: "Replied and it helped",
    ReplyStatus.REPLIED_NOT_ANSWERED: "Replied but did not answer my question",
    ReplyStatus.ACKNOWLEDGEMENT_ONLY: "Only an acknowledgement",
    ReplyStatus.NO_REPLY_YET: "No reply yet",
    ReplyStatus.NOT_EXPECTING: "Not expecting a reply",
}
ANSWERED = (ReplyStatus.REPLIED_HELPED, ReplyStatus.REPLIED_NOT_ANSWERED, ReplyStatus.ACKNOWLEDGEMENT_ONLY)
WAITING = (ReplyStatus.NONE, ReplyStatus.NO_REPLY_YET)
REPLY_CHECK_WEEKS = (2, 4)


class StatusFilter(StrEnum):
    """The status filter of the My letters list. ``ALL`` ("") shows every letter."""

    ALL = ""
    DRAFT = "draft"
    FINISHED = "finished"
    SENT = "sent"
    WAITING = "waiting"
    ANSWERED = "answered"


# Status filter of the list: id -> label.
STATUS_FILTERS: dict[str, str] = {
    StatusFilter.ALL: "All letters",
    StatusFilter.DRAFT: "Drafts",
    StatusFilter.FINISHED: "Finished, not sent yet",
    StatusFilter.SENT: "Sent",
    StatusFilter.WAITING: "Sent, waiting for a reply",
    StatusFilter.ANSWERED: "Replied",
}


class PdfPurpose(StrEnum):
    """Why a PDF was kept with a letter."""

    PRINTED = "printed"
    SAVED = "saved"


PDF_PURPOSES = tuple(PdfPurpose)


@dataclass(frozen=True)
class LetterFilters:
    """What the list shows. Empty values do not filter."""

    text: str = ""  # every word must appear in the subject, body or recipient
    kind: str = ""
    recipient: str = ""
    status: str = ""  # a key of STATUS_FILTERS

    def words(self) -> list[str]:
        return [w for w in self.text.split() if w]


@dataclass(frozen=True)
class LetterSummary:
    """One row of the list: no body, so a page of 200 is small."""

    id: int
    kind: str
    status: str
    recipient_name: str
    subject: str
    created_at: dt.datetime
    updated_at: dt.datetime
    finished_at: dt.datetime | None
    sent_at: dt.date | None
    sent_method: str
    reply_status: str
    follow_up_of_id: int | None
    has_pdf: bool = False  # a printed or saved copy is kept, exactly as it went out

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None

    def status_text(self) -> str:
        """Plain words for the list's Status column."""
        if self.sent_at is None:
            return "Draft" if self.status == LetterStatus.DRAFT else "Finished, not sent"
        sent = f"Sent {short_date(self.sent_at)}"
        if self.reply_status in REPLY_STATUSES and self.reply_status != ReplyStatus.NO_REPLY_YET:
            return f"{sent}. {REPLY_STATUSES[self.reply_status]}"
        return f"{sent}, no reply yet"


@dataclass(frozen=True)
class LetterRecord(LetterSummary):
    """A whole letter."""

    body: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    sender_profile_id: int | None = None
    reply_asked_2w: bool = False
    reply_asked_4w: bool = False
    version: int = 1  # goes up at each save of the words; a save from an older version is refused

    @property
    def quoted_letter_date(self) -> str:
        """For a follow-up: the ISO date of the earlier letter it quotes ("" if none)."""
        earlier = self.data.get("earlier_letter")
        return str(earlier.get("date", "")) if isinstance(earlier, dict) else ""

    @property
    def quoted_letter_subject(self) -> str:
        earlier = self.data.get("earlier_letter")
        return str(earlier.get("subject", "")) if isinstance(earlier, dict) else ""


@dataclass(frozen=True)
class ReplyCheck:
    """A sent letter to ask about: has a reply come, ``weeks`` after it was sent?"""

    letter: LetterSummary
    weeks: int


@dataclass(frozen=True)
class PdfVersion:
    id: int
    letter_id: int
    created_at: dt.datetime
    purpose: str
    sha256: str
    size: int


@dataclass(frozen=True)
class StoredCounts:
    """What "Delete everything" would remove, to name it in the confirmation."""

    letters: int
    profiles: int
    pdfs: int
    backup_files: int
    other_files: int  # saved PDFs (and any print copies left in the cache)
    set_aside: int = 0  # databases set aside by "start fresh" or a restore: letters too

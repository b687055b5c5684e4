"""Plain values the letters repository hands out (never ORM objects), the allowed words for
sending and replies, and the filters of the "My letters" list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

SENT_METHODS: dict[str, str] = {
    "printed": "Printed (to post or hand in)",
    "posted": "Posted",
    "emailed": "Emailed",
}

# reply_status values, with the words the reply question and the list use.
REPLY_NONE = "none"
REPLY_STATUSES: dict[str, str] = {
    "replied_helped": "Replied and it helped",
    "replied_not_answered": "Replied but did not answer my question",
    "acknowledgement_only": "Only an acknowledgement",
    "no_reply_yet": "No reply yet",
    "not_expecting": "Not expecting a reply",
}
ANSWERED = ("replied_helped", "replied_not_answered", "acknowledgement_only")
WAITING = (REPLY_NONE, "no_reply_yet")
REPLY_CHECK_WEEKS = (2, 4)

# Status filter of the list: id -> label. "" means every letter.
STATUS_FILTERS: dict[str, str] = {
    "": "All letters",
    "draft": "Drafts",
    "finished": "Finished, not sent yet",
    "sent": "Sent",
    "waiting": "Sent, waiting for a reply",
    "answered": "Replied",
}
PDF_PURPOSES = ("printed", "saved")


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

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None

    def status_text(self) -> str:
        """Plain words for the list's Status column."""
        if self.sent_at is None:
            return "Draft" if self.status == "draft" else "Finished, not sent"
        sent = f"Sent {format_short_date(self.sent_at)}"
        if self.reply_status in REPLY_STATUSES and self.reply_status != "no_reply_yet":
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


def format_short_date(day: dt.date) -> str:
    """``3 Mar 2027``: unambiguous for UK readers, short enough for a list column."""
    return f"{day.day} {day.strftime('%b')} {day.year}"


def local_date(moment: dt.datetime) -> dt.date:
    """A stored (naive UTC) time as the date on this computer's calendar."""
    return moment.replace(tzinfo=dt.timezone.utc).astimezone().date()


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (negative goes back), clamped to month end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)

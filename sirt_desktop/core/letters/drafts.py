"""Keeps the letter being written in the database: what the letter writer's autosave calls.

A draft is saved as the letters model serialises it (``schema.letter_to_dict``), so everything the
person typed — sender snapshot included — comes back exactly, even if a profile changes later.

The store remembers the version of each letter it created, loaded or saved, and every save
names it: a letter saved from somewhere else meanwhile (another window, another computer on
a shared database) is not written over — ``StaleLetterError``, and nothing is written.
Saves may come from a background thread, one at a time.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any, Protocol

from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import letter_from_dict, letter_to_dict


class StoredLetter(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def data(self) -> dict[str, Any]: ...

    @property
    def version(self) -> int: ...

    @property
    def created_at(self) -> dt.datetime: ...


class LetterRows(Protocol):
    """What drafts need from storage: ``core.db.letters_repo.LettersRepository`` is one. The
    letters domain names only this, so it never imports the database layer."""

    def create_draft(
        self, kind: str, data: dict[str, Any], recipient_name: str = ..., subject: str = ..., body: str = ...
    ) -> StoredLetter: ...

    def save_draft(
        self,
        letter_id: int,
        kind: str,
        recipient_name: str,
        subject: str,
        body: str,
        data: dict[str, Any],
        expected_version: int | None = ...,
        expected_created_at: dt.datetime | None = ...,
    ) -> int: ...

    def get(self, letter_id: int) -> StoredLetter: ...

    def store_pdf(self, letter_id: int, pdf_bytes: bytes, purpose: str = ..., finish: bool = ...) -> Any: ...

    def delete(self, letter_id: int) -> Any: ...


class Drafts(Protocol):
    """What the letter writer needs from storage; ``DraftStore`` is the real one, tests use
    one in memory."""

    def save(self, letter_id: int | None, letter: Letter) -> int: ...

    def load(self, letter_id: int) -> Letter: ...

    def store_pdf(self, letter_id: int, pdf: bytes, purpose: str) -> None: ...

    def delete(self, letter_id: int) -> None: ...


class DraftStore:
    """``Drafts`` over the letters repository."""

    def __init__(self, letters: LetterRows) -> None:
        self.letters = letters
        self._seen_at: dict[int, tuple[int, dt.datetime]] = {}  # id -> (version, created_at)
        self._lock = threading.Lock()

    def _known(self, letter_id: int) -> tuple[int, dt.datetime]:
        with self._lock:
            known = self._seen_at.get(letter_id)
        if known is None:  # never read through this store: start from what is there now
            record = self.letters.get(letter_id)
            known = (record.version, record.created_at)
            with self._lock:
                self._seen_at.setdefault(letter_id, known)
        return known

    def _seen(self, letter_id: int, version: int, created_at: dt.datetime) -> None:
        with self._lock:
            self._seen_at[letter_id] = (version, created_at)

    def save(self, letter_id: int | None, letter: Letter) -> int:
        """Create the draft on first save, then update it; returns its id. One transaction each.
        Raises ``StaleLetterError`` (writing nothing) if the letter moved on since it was read,
        and ``LetterNotFoundError`` if it is gone."""
        data = letter_to_dict(letter)
        recipient = letter.recipient.display_name()
        if letter_id is None:
            record = self.letters.create_draft(
                letter.kind, data, recipient_name=recipient, subject=letter.subject, body=letter.body
            )
            self._seen(record.id, record.version, record.created_at)
            return record.id
        version, created_at = self._known(letter_id)
        new_version = self.letters.save_draft(
            letter_id,
            letter.kind,
            recipient,
            letter.subject,
            letter.body,
            data,
            expected_version=version,
            expected_created_at=created_at,
        )
        self._seen(letter_id, new_version, created_at)
        return letter_id

    def load(self, letter_id: int) -> Letter:
        """The saved letter, even an unfinished one (a draft need not be printable yet)."""
        record = self.letters.get(letter_id)
        self._seen(letter_id, record.version, record.created_at)
        return letter_from_dict(record.data, strict=False)

    def store_pdf(self, letter_id: int, pdf: bytes, purpose: str) -> None:
        """Keep the exact PDF printed or saved, and mark the letter finished (one transaction)."""
        self.letters.store_pdf(letter_id, pdf, purpose, finish=True)

    def delete(self, letter_id: int) -> None:
        """Remove a kept letter (e.g. a caller's copy they no longer want kept)."""
        self.letters.delete(letter_id)

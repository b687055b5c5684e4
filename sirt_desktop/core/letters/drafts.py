"""Keeps the letter being written in the database: what the letter writer's autosave calls.

A draft is saved as the letters model serialises it (``schema.letter_to_dict``), so everything the
person typed — sender snapshot included — comes back exactly, even if a profile changes later.
"""

from __future__ import annotations

from typing import Any, Protocol

from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import letter_from_dict, letter_to_dict


class StoredLetter(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def data(self) -> dict[str, Any]: ...


class LetterRows(Protocol):
    """What drafts need from storage: ``core.db.letters_repo.LettersRepository`` is one. The
    letters domain names only this, so it never imports the database layer."""

    def create_draft(
        self, kind: str, data: dict[str, Any], recipient_name: str = ..., subject: str = ..., body: str = ...
    ) -> StoredLetter: ...

    def save_draft(
        self, letter_id: int, kind: str, recipient_name: str, subject: str, body: str, data: dict[str, Any]
    ) -> None: ...

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

    def save(self, letter_id: int | None, letter: Letter) -> int:
        """Create the draft on first save, then update it; returns its id. One transaction each."""
        data = letter_to_dict(letter)
        recipient = letter.recipient.display_name()
        if letter_id is None:
            return self.letters.create_draft(
                letter.kind, data, recipient_name=recipient, subject=letter.subject, body=letter.body
            ).id
        self.letters.save_draft(letter_id, letter.kind, recipient, letter.subject, letter.body, data)
        return letter_id

    def load(self, letter_id: int) -> Letter:
        """The saved letter, even an unfinished one (a draft need not be printable yet)."""
        return letter_from_dict(self.letters.get(letter_id).data, strict=False)

    def store_pdf(self, letter_id: int, pdf: bytes, purpose: str) -> None:
        """Keep the exact PDF printed or saved, and mark the letter finished (one transaction)."""
        self.letters.store_pdf(letter_id, pdf, purpose, finish=True)

    def delete(self, letter_id: int) -> None:
        """Remove a kept letter (e.g. a caller's copy they no longer want kept)."""
        self.letters.delete(letter_id)

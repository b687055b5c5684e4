"""Keeps the letter being written in the database: what the letter writer's autosave calls.

A draft is saved as the letters model serialises it (``schema.letter_to_dict``), so everything the
person typed — sender snapshot included — comes back exactly, even if a profile changes later.
"""

from __future__ import annotations

from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import letter_from_dict, letter_to_dict


class DraftStore:
    def __init__(self, letters: LettersRepository) -> None:
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

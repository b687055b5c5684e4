"""Builds the letter writer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sirt_desktop.gui.prompts import Prompts
from sirt_desktop.gui.sections import Page
from sirt_desktop.gui.writer.controller import LetterWriterController
from sirt_desktop.gui.writer.view import LetterWriterView

if TYPE_CHECKING:  # the repositories bring SQLAlchemy, which loads when the database opens
    from sirt_desktop.core.db.letters_repo import LettersRepository
    from sirt_desktop.core.db.profiles_repo import ProfilesRepository
    from sirt_desktop.core.letters.drafts import DraftStore


def build(
    drafts: DraftStore | None, profiles: ProfilesRepository | None, letters: LettersRepository | None, prompts: Prompts
) -> Page[LetterWriterController]:
    """``drafts``, ``profiles`` and ``letters`` are None when the database cannot be opened: the
    writer still works, it just cannot keep anything."""
    view = LetterWriterView()
    controller = LetterWriterController(view, drafts=drafts, profiles=profiles, prompts=prompts)
    controller.resume_latest_draft(letters)
    return Page(view, controller)

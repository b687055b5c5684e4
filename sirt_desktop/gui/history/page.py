"""Builds My letters."""

from __future__ import annotations

from collections.abc import Callable

from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.gui.history.controller import HistoryController, HistoryPrompts
from sirt_desktop.gui.history.view import HistoryView
from sirt_desktop.gui.prompts import Prompts
from sirt_desktop.gui.sections import Page


def build(
    letters: LettersRepository,
    open_letter: Callable[[int], None],
    reprint: Callable[[int, bytes], object],
    new_letter: Callable[[], object],
    deleted: Callable[[int], None],
    prompts: Prompts,
) -> Page[HistoryController]:
    view = HistoryView()
    controller = HistoryController(view, letters, prompts=HistoryPrompts(prompts, view))
    controller.open_letter_requested.connect(open_letter)
    controller.follow_up_created.connect(open_letter)
    controller.reprint_requested.connect(reprint)
    controller.new_letter_requested.connect(new_letter)
    controller.letter_deleted.connect(deleted)
    return Page(view, controller)

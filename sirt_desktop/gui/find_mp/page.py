"""Builds the Helpline page: Find my MP, worded for a volunteer, starting a caller's letter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sirt_desktop.core.representatives.records import Status
from sirt_desktop.gui.find_mp.controller import FindMpController
from sirt_desktop.gui.find_mp.helpline_view import HelplineView
from sirt_desktop.gui.sections import Page


def build_helpline(start_letter: Callable[..., bool]) -> Page[FindMpController]:
    view = HelplineView()
    controller = FindMpController(view.find_mp, for_caller=True)

    def caller_postcode() -> str:
        result = controller.last_result
        return (result.postcode or "") if result is not None and result.status == Status.FOUND else ""

    # A caller's letter starts blank (never the last caller's details) and is not kept unless
    # asked; once it is started, this page forgets the caller's postcode and result.
    def start(**kwargs: Any) -> None:
        if start_letter(for_caller=True, caller_postcode=caller_postcode(), **kwargs):
            controller.reset()

    controller.chosen.connect(lambda candidate: start(recipient=candidate))
    controller.devolved_chosen.connect(lambda choice: start(devolved_nation=choice.nation, devolved=choice))
    view.write_letter_requested.connect(lambda: start(recipient=controller.current))
    return Page(view, controller)

"""Builds the information pages: Learn, Funding, and "Is SIRT for me?" with its checklist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from sirt_desktop.core.content import store as content
from sirt_desktop.core.settings import Settings
from sirt_desktop.gui.information.checklist import ChecklistPanel
from sirt_desktop.gui.information.controller import ContentController
from sirt_desktop.gui.information.view import ContentView
from sirt_desktop.gui.sections import Page


def build(
    title: str,
    sections: tuple[str, ...],
    app_link: Callable[[str], None],
    extra: QWidget | None = None,
    extra_title: str = "",
    open_page: Callable[[str], None] | None = None,
    settings: Settings | None = None,
) -> Page[ContentController]:
    """``open_page(page_id)`` shows a page that lives in another section, in that section."""
    view = ContentView(title, extra, extra_title)
    return Page(view, ContentController(view, sections, app_link, open_page=open_page, settings=settings))


@dataclass(frozen=True)
class ForMe:
    """The "Is SIRT for me?" page: its information and the checklist of questions to take."""

    content: ContentController
    checklist: ChecklistPanel

    def open_checklist(self, print_now: bool = False) -> None:
        """Show the checklist with its print button focused, and print the sheet if asked."""
        self.content.view.show_extra()
        self.checklist.print_button.setFocus()
        if print_now:
            self.checklist.print_button.click()


def build_for_me(
    app_link: Callable[[str], None],
    show_sheet: Callable[[list[str], str, str], object],
    open_page: Callable[[str], None] | None = None,
    settings: Settings | None = None,
) -> Page[ForMe]:
    panel = ChecklistPanel([(q.id, q.text) for q in content.checklist_questions()])
    panel.sheet_requested.connect(show_sheet)
    page = build(
        "Is SIRT for me?",
        ("for_me",),
        app_link,
        extra=panel,
        extra_title="My questions to take (tick and print)",
        open_page=open_page,
        settings=settings,
    )
    return Page(page.widget, ForMe(page.controller, panel))

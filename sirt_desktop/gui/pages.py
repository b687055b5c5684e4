"""Builders for each section's page. Each takes exactly the services its page needs.

Imports are inside the builders, so a page's code loads only when the page is first shown.
Each returned view keeps its controller as ``view.controller`` (alive as long as the view).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def build_home(shortcuts: list[tuple[str, str, str]], go_to: Callable[[str], None]) -> QWidget:
    from sirt_desktop.gui.home.view import HomeView

    return HomeView(shortcuts, go_to)


def build_content(title: str, content_sections: tuple[str, ...], app_link: Callable[[str], None],
                  extra: QWidget | None = None, extra_title: str = "") -> QWidget:
    from sirt_desktop.gui.information.controller import ContentController
    from sirt_desktop.gui.information.view import ContentView

    view = ContentView(title, extra, extra_title)
    view.controller = ContentController(view, content_sections, app_link)
    return view


def build_for_me(app_link: Callable[[str], None], show_sheet: Callable[[list, str, str], object]) -> QWidget:
    from sirt_desktop.core.content import store as content
    from sirt_desktop.gui.information.checklist import ChecklistPanel

    panel = ChecklistPanel([(q.id, q.text) for q in content.checklist_questions()])
    panel.sheet_requested.connect(show_sheet)
    view = build_content("Is SIRT for me?", ("for_me",), app_link, extra=panel,
                         extra_title="My questions to take (tick and print)")
    view.checklist = panel
    return view


def build_writer(drafts, profiles, letters) -> QWidget:
    """``drafts`` (DraftStore), ``profiles`` and ``letters`` repositories may be None when the
    database cannot be opened: the writer still works, it just cannot keep anything."""
    from sirt_desktop.gui.writer.controller import LetterWriterController
    from sirt_desktop.gui.writer.view import LetterWriterView

    view = LetterWriterView()
    view.controller = LetterWriterController(view, drafts=drafts, profiles=profiles)
    view.controller.resume_latest_draft(letters)
    return view


def build_helpline(start_letter: Callable[..., None]) -> QWidget:
    from sirt_desktop.gui.find_mp.controller import FindMpController
    from sirt_desktop.gui.find_mp.helpline_view import HelplineView

    view = HelplineView()
    controller = FindMpController(view.find_mp, for_caller=True)

    def caller_postcode() -> str:
        result = controller.last_result
        return (result.postcode or "") if result is not None and result.status == "found" else ""

    # A caller's letter starts blank (never the last caller's details) and is not kept unless
    # asked; once it is started, this page forgets the caller's postcode and result.
    def start(**kwargs) -> None:
        if start_letter(for_caller=True, caller_postcode=caller_postcode(), **kwargs):
            controller.reset()

    controller.chosen.connect(lambda candidate: start(recipient=candidate))
    controller.devolved_chosen.connect(lambda nation: start(devolved_nation=nation))
    view.write_letter_requested.connect(lambda: start(recipient=controller.current))
    view.controller = controller
    return view


def build_history(letters, open_letter: Callable[[int], None], reprint: Callable[[int, bytes], None],
                  new_letter: Callable[[], None], deleted: Callable[[int], None]) -> QWidget:
    from sirt_desktop.gui.history.controller import HistoryController
    from sirt_desktop.gui.history.view import HistoryView

    view = HistoryView()
    controller = HistoryController(view, letters)
    controller.open_letter_requested.connect(open_letter)
    controller.follow_up_created.connect(open_letter)
    controller.reprint_requested.connect(reprint)
    controller.new_letter_requested.connect(new_letter)
    controller.letter_deleted.connect(deleted)
    view.controller = controller
    return view


def build_settings(settings, theme, database: Callable[[], object] | None,
                   on_everything_deleted: Callable[[], None]) -> QWidget:
    """``database`` opens the database for the 'Your data' group (None: no such group)."""
    from sirt_desktop.core import paths
    from sirt_desktop.gui.settings.controller import SettingsController
    from sirt_desktop.gui.settings.view import SettingsView

    view = SettingsView()
    view.controller = SettingsController(view, settings, theme)
    if database is not None:
        from sirt_desktop.gui.settings.your_data import YourDataController
        from sirt_desktop.gui.settings.your_data_view import YourDataView

        group = YourDataView(str(paths.data_dir()))
        view.add_group(group)
        view.your_data = YourDataController(group, database, settings, parent=view)
        view.your_data.everything_deleted.connect(on_everything_deleted)
    return view

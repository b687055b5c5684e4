"""Assembles the main window: which sections exist, the menus, and the services they get.

Each section's page is built on first show, with only the services it needs. Services that
cost time (the database) are opened lazily, or just after the first screen appears.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from sirt_desktop.core import paths
from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.settings import LAST_PAGE, Settings
from sirt_desktop.gui.main_window import MainWindow
from sirt_desktop.gui.sections import Section
from sirt_desktop.gui.theme import Theme

log = logging.getLogger(__name__)


class DatabaseProvider:
    """Opens (and migrates) the database the first time something needs it."""

    def __init__(self) -> None:
        self._db = None
        self.error: DatabaseError | None = None

    def get(self):
        """The open ``Database`` (SQLAlchemy is imported on first use, not at start-up)."""
        if self._db is None:
            from sirt_desktop.core.db.engine import Database

            self._db = Database.open()
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class Shell:
    """Owns the main window and the services; nothing else holds them all."""

    def __init__(self, settings: Settings, theme: Theme) -> None:
        self.settings = settings
        self.theme = theme
        self.database = DatabaseProvider()
        self.controllers: list[object] = []  # kept alive for the window's lifetime
        self.sections = self._sections()
        self.window = MainWindow(self.sections)
        self._build_menus()
        self.window.section_changed.connect(self._remember_section)
        self.window.closing.connect(self._save_window_state)

    # Sections ---------------------------------------------------------------------
    def _sections(self) -> list[Section]:
        sections = [
            Section("home", "Home", "What this app is for, and where to start", self._build_home),
        ]
        sections.append(
            Section("learn", "Learn about SIRT", "What SIRT is, what happens, risks, support and words explained",
                    lambda: self._build_content("learn", "Learn about SIRT", ("learn", "support")))
        )
        sections.append(
            Section("for_me", "Is SIRT for me?", "Questions to take to your NET team, and other treatments",
                    self._build_for_me)
        )
        sections.append(
            Section("funding", "Funding", "Where NHS funding for SIRT stands in each UK nation",
                    lambda: self._build_content("funding", "Funding", ("funding",)))
        )
        sections.append(
            Section("write", "Write a letter", "To your MP or your doctor, in your own words", self._build_writer)
        )
        sections.append(
            Section("helpline", "Helpline (volunteers)", "Find a caller's MP from their postcode", self._build_helpline)
        )
        sections.append(Section("settings", "Settings", "Text size and colours", self._build_settings))
        return sections

    def _build_content(self, section_id: str, title: str, content_sections: tuple[str, ...], extra=None):
        from sirt_desktop.gui.controllers.content_controller import ContentController
        from sirt_desktop.gui.views.content_view import ContentView

        view = ContentView(title, extra)
        view.controller = ContentController(view, content_sections, self.app_link)
        return view

    def _build_for_me(self) -> QWidget:
        from sirt_desktop.core import content
        from sirt_desktop.gui.views.checklist_view import ChecklistPanel

        panel = ChecklistPanel([(q.id, q.text) for q in content.checklist_questions()])
        panel.sheet_requested.connect(self.show_appointment_sheet)
        view = self._build_content("for_me", "Is SIRT for me?", ("for_me",), extra=panel)
        view.checklist = panel
        return view

    def show_appointment_sheet(self, ticked: list, name: str, notes: str):
        from sirt_desktop.core.appointment_sheet import render_appointment_sheet
        from sirt_desktop.gui.views.pdf_dialog import PdfDialog

        pdf = render_appointment_sheet(ticked, name=name or None, notes=notes)
        dialog = PdfDialog("My appointment sheet", pdf, "appointment-sheet.pdf", self.window)
        dialog.open()
        return dialog

    def app_link(self, target: str) -> None:
        """Links from information pages into the app."""
        if target == "write-letter":
            self.start_letter()
        elif target in ("checklist", "appointment-sheet"):
            self.go_to("for_me")
            page = self.window.page("for_me")
            page.checklist.print_button.setFocus()
            if target == "appointment-sheet":
                page.checklist.print_button.click()

    def _build_writer(self) -> QWidget:
        from sirt_desktop.gui.controllers.letter_writer_controller import LetterWriterController
        from sirt_desktop.gui.views.letter_writer_view import LetterWriterView

        view = LetterWriterView()
        repos = self.repositories()
        view.controller = LetterWriterController(
            view, drafts=self.draft_store(), profiles=repos[1] if repos else None
        )
        view.controller.resume_latest_draft(repos[0] if repos else None)
        self.window.closing.connect(view.controller.flush)
        return view

    def draft_store(self):
        """Where the writer autosaves; None when the database could not be opened."""
        repos = self.repositories()
        if repos is None:
            return None
        from sirt_desktop.core.draft_store import DraftStore

        return DraftStore(repos[0])

    def repositories(self):
        """(letters, profiles) repositories over the open database, or None if it cannot be opened."""
        try:
            db = self.database.get()
        except DatabaseError as exc:
            self.database.error = exc
            return None
        from sirt_desktop.core.db.letters_repo import LettersRepository
        from sirt_desktop.core.db.profiles_repo import ProfilesRepository

        return LettersRepository(db), ProfilesRepository(db)

    def _build_helpline(self) -> QWidget:
        from sirt_desktop.gui.controllers.find_mp_controller import FindMpController
        from sirt_desktop.gui.views.helpline_view import HelplineView

        view = HelplineView()
        controller = FindMpController(view.find_mp)
        controller.chosen.connect(lambda candidate: self.start_letter(recipient=candidate))
        controller.devolved_chosen.connect(lambda nation: self.start_letter(devolved_nation=nation))
        view.write_letter_requested.connect(lambda: self.start_letter(recipient=controller.current))
        self.controllers.append(controller)
        view.find_mp_controller = controller
        return view

    def start_letter(self, recipient=None, devolved_nation: str | None = None) -> None:
        """Open the letter writer, addressed to a chosen MP or set for a devolved member."""
        if "write" not in {s.id for s in self.sections}:
            return
        self.go_to("write")
        writer = self.window.page("write")
        writer.controller.start_new(recipient=recipient, devolved_nation=devolved_nation)

    def _build_home(self) -> QWidget:
        from sirt_desktop.gui.views.home_view import HomeView

        shortcuts = [
            (sid, text, desc)
            for sid, text, desc in (
                ("learn", "Learn about SIRT", "What SIRT is, what happens, and its risks"),
                ("funding", "Where NHS funding stands", "England, Scotland, Wales and Northern Ireland"),
                ("for_me", "Is SIRT for me? Questions to ask", "Questions to take to your NET team"),
                ("write", "Write a letter", "To your MP or your doctor, in your own words"),
                ("settings", "Make the text bigger", "Text size and colours"),
            )
            if sid in {s.id for s in self.sections}
        ]
        return HomeView(shortcuts, self.go_to)

    def _build_settings(self) -> QWidget:
        from sirt_desktop.gui.controllers.settings_controller import SettingsController
        from sirt_desktop.gui.views.settings_view import SettingsView

        view = SettingsView()
        self.controllers.append(SettingsController(view, self.settings, self.theme))
        return view

    def go_to(self, section_id: str) -> None:
        self.window.show_section(section_id)

    # Menus ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        menu_bar = self.window.menuBar()
        file_menu = menu_bar.addMenu("&File")
        self.file_menu = file_menu
        update_mps = QAction("Update &MP list…", self.window)
        update_mps.setStatusTip("Replace the list of MPs with a newer one from a CSV file")
        update_mps.triggered.connect(self.update_mp_list)
        file_menu.addAction(update_mps)
        update_info = QAction("Update &information…", self.window)
        update_info.setStatusTip("Install newer patient information from an update file")
        update_info.triggered.connect(self.update_information)
        file_menu.addAction(update_info)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self.window)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.window.close)
        file_menu.addAction(quit_action)

        help_menu = menu_bar.addMenu("&Help")
        view_log = QAction("View &log", self.window)
        view_log.triggered.connect(self.show_log)
        help_menu.addAction(view_log)
        about = QAction("&About SIRT Desktop", self.window)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def update_mp_list(self, path: str | None = None) -> bool:
        from sirt_desktop.gui.controllers.update_mps_controller import UpdateMpsController

        return UpdateMpsController(self.window).run(path)

    def update_information(self, path: str | None = None) -> bool:
        from sirt_desktop.gui.controllers.update_content_controller import UpdateContentController

        return UpdateContentController(self.window, self._refresh_content_pages).run(path)

    def _refresh_content_pages(self) -> None:
        """Show the new information at once in any information page already built."""
        for section_id in ("learn", "for_me", "funding"):
            page = self.window._pages.get(section_id)
            controller = getattr(page, "controller", None)
            if controller is not None:
                controller.reload()

    def add_file_action(self, action: QAction) -> None:
        """Features add their own File-menu entries above Quit."""
        self.file_menu.insertAction(self.file_menu.actions()[-1], action)

    def show_log(self) -> None:
        from sirt_desktop.gui.crash import open_log_folder
        from sirt_desktop.gui.views.dialogs import LogDialog

        try:
            text = paths.log_file().read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        LogDialog(text, str(paths.log_file()), open_log_folder, self.window).exec()

    def show_about(self) -> None:
        from sirt_desktop.cli import version_report
        from sirt_desktop.core.resources import resource
        from sirt_desktop.gui.views.dialogs import AboutDialog

        parts = []
        for node in (resource("data", "ATTRIBUTION.md"), resource("fonts", "ATTRIBUTION.md")):
            if node.is_file():
                parts.append(node.read_text(encoding="utf-8"))
        AboutDialog(version_report(), "\n\n".join(parts), self.window).exec()

    # Start-up and shut-down --------------------------------------------------------
    def after_first_show(self) -> None:
        """Runs on the first event-loop turn: open the database (migrating it if needed), and
        warm up the writing coach in the background so the first letter's notes come quickly."""
        import threading

        from sirt_desktop.core.letters.coach import warm_up

        threading.Thread(target=warm_up, name="coach-warm-up", daemon=True).start()
        try:
            self.database.get()
        except DatabaseError as exc:
            log.error("database problem at start-up: %s", exc)
            self.database.error = exc
            QMessageBox.warning(
                self.window,
                "Your saved letters could not be opened",
                f"{exc}\n\nNothing has been changed or deleted. The file is at:\n{paths.database_path()}",
            )

    def _remember_section(self, section_id: str) -> None:
        self.settings.set(LAST_PAGE, section_id)

    def _save_window_state(self) -> None:
        self.settings.set_window_state(*self.window.saved_state())
        try:
            self.settings.save()
        except OSError as exc:
            log.warning("settings not saved: %s", exc)

    def shutdown(self) -> None:
        self.database.close()

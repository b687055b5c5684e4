"""Assembles the main window: which sections exist, the menus, and the services they get.

Each section's page is built on first show (``gui/pages.py``), with only the services it
needs. The database is opened just after the first screen appears, or when a page needs it.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from sirt_desktop.core import paths
from sirt_desktop.core.db.errors import CorruptDatabaseError, DatabaseError, NewerDatabaseError
from sirt_desktop.core.settings import LAST_PAGE, Settings
from sirt_desktop.gui import pages
from sirt_desktop.gui.main_window import MainWindow
from sirt_desktop.gui.sections import Section
from sirt_desktop.gui.theme import Theme

log = logging.getLogger(__name__)

HOME_SHORTCUTS = (
    ("learn", "Learn about SIRT", "What SIRT is, what happens, and its risks"),
    ("for_me", "Is SIRT for me? Questions to ask", "Questions to take to your NET team"),
    ("funding", "Where NHS funding stands", "England, Scotland, Wales and Northern Ireland"),
    ("write", "Write a letter", "To your MP or your doctor, in your own words"),
    ("history", "My letters", "Drafts, letters you have sent, and replies"),
    ("settings", "Make the text bigger", "Text size and colours"),
)


class DatabaseProvider:
    """Opens (and migrates) the database the first time something needs it."""

    def __init__(self) -> None:
        self._db = None
        self.error: DatabaseError | None = None

    def get(self):
        """The open ``Database``; raises ``DatabaseError`` in plain words if it cannot be opened.
        (SQLAlchemy is imported here, on first use, not at start-up.)"""
        if self._db is None:
            from sirt_desktop.core.db.recovery import open_database

            self._db = open_database()
            self.error = None
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
        self.sections = self._sections()
        self.window = MainWindow(self.sections)
        self._build_menus()
        self.window.section_changed.connect(self._remember_section)
        self.window.closing.connect(self._on_closing)
        self.window.close_guard = self._can_close

    # Sections ---------------------------------------------------------------------
    def _sections(self) -> list[Section]:
        ids = {sid for sid, _t, _d in HOME_SHORTCUTS}
        return [
            Section("home", "Home", "What this app is for, and where to start",
                    lambda: pages.build_home([s for s in HOME_SHORTCUTS if s[0] in ids], self.go_to)),
            Section("learn", "Learn about SIRT", "What SIRT is, what happens, risks, support and words explained",
                    lambda: pages.build_content("Learn about SIRT", ("learn", "support"), self.app_link)),
            Section("for_me", "Is SIRT for me?", "Questions to take to your NET team, and other treatments",
                    lambda: pages.build_for_me(self.app_link, self.show_appointment_sheet)),
            Section("funding", "Funding", "Where NHS funding for SIRT stands in each UK nation",
                    lambda: pages.build_content("Funding", ("funding",), self.app_link)),
            Section("write", "Write a letter", "To your MP or your doctor, in your own words", self._build_writer),
            Section("history", "My letters", "Drafts, letters you have sent, and replies", self._build_history),
            Section("helpline", "Helpline (volunteers)", "Find a caller's MP from their postcode",
                    lambda: pages.build_helpline(self.start_letter)),
            Section("settings", "Settings", "Text size, colours and your data", self._build_settings),
        ]

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

    def _build_writer(self) -> QWidget:
        repos = self.repositories()
        drafts = None
        if repos is not None:
            from sirt_desktop.core.letters.drafts import DraftStore

            drafts = DraftStore(repos[0])
        view = pages.build_writer(drafts, repos[1] if repos else None, repos[0] if repos else None)
        view.controller.letter_saved.connect(lambda _id: self._refresh_history())
        return view

    def _build_history(self) -> QWidget:
        repos = self.repositories()
        if repos is None:
            from sirt_desktop.gui.common.widgets import Paragraph

            return Paragraph(f"Your letters cannot be shown: {self.database.error}")
        return pages.build_history(repos[0], self.open_letter, self.reprint, self.start_letter,
                                   self._letter_deleted)

    def _build_settings(self) -> QWidget:
        return pages.build_settings(self.settings, self.theme, self.database.get, self._after_delete_everything)

    def go_to(self, section_id: str) -> None:
        self.window.show_section(section_id)

    def _built(self, section_id: str):
        return self.window.built_page(section_id)

    def start_letter(self, recipient=None, devolved_nation: str | None = None, for_caller: bool = False,
                     caller_postcode: str = "") -> bool:
        """Open the letter writer, addressed to a chosen MP or set for a devolved member.
        False if the person chose to stay with an unsaved letter."""
        self.go_to("write")
        return self.window.page("write").controller.start_new(
            recipient=recipient, devolved_nation=devolved_nation, for_caller=for_caller,
            caller_postcode=caller_postcode,
        )

    def open_letter(self, letter_id: int) -> None:
        self.go_to("write")
        self.window.page("write").controller.open_letter(letter_id)

    def reprint(self, letter_id: int, pdf: bytes):
        """Show and print the very PDF that was printed before — never a new rendering."""
        from sirt_desktop.gui.common.pdf_dialog import PdfDialog

        dialog = PdfDialog("Print again, exactly as before", pdf, f"letter-{letter_id}.pdf", self.window)
        dialog.open()
        return dialog

    def _refresh_history(self) -> None:
        history = self._built("history")
        if history is not None and hasattr(history, "controller"):
            history.controller.refresh()

    def _letter_deleted(self, letter_id: int) -> None:
        writer = self._built("write")
        if writer is not None:
            writer.controller.letter_deleted(letter_id)

    def _after_delete_everything(self) -> None:
        writer = self._built("write")
        if writer is not None:
            writer.controller.everything_deleted()
        self._refresh_history()

    def _can_close(self) -> bool:
        """Closing the window saves the letter; if that fails, the person may stay."""
        writer = self._built("write")
        return writer is None or writer.controller.ready_to_leave()

    def _reconnect_writer(self) -> None:
        """After the database comes back (start fresh, restore), the writer saves again."""
        writer = self._built("write")
        repos = self.repositories()
        if writer is None or repos is None:
            return
        from sirt_desktop.core.letters.drafts import DraftStore

        controller = writer.controller
        controller.drafts = DraftStore(repos[0])
        controller.sender_profiles.profiles = repos[1]
        controller.sender_profiles.refresh()

    def show_appointment_sheet(self, ticked: list, name: str, notes: str):
        from sirt_desktop.core.content.appointment_sheet import render_appointment_sheet
        from sirt_desktop.gui.common.pdf_dialog import PdfDialog

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
            page.show_extra()
            page.checklist.print_button.setFocus()
            if target == "appointment-sheet":
                page.checklist.print_button.click()

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

        view_menu = menu_bar.addMenu("&View")
        for label, keys, step in (("&Larger text", ("Ctrl++", "Ctrl+="), 1), ("&Smaller text", ("Ctrl+-",), -1),
                                  ("&Normal text size", ("Ctrl+0",), 0)):
            action = QAction(label, self.window)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _=False, st=step: self.step_text_size(st))
            view_menu.addAction(action)
            self.window.addAction(action)  # works even with the menu bar hidden

        help_menu = menu_bar.addMenu("&Help")
        view_log = QAction("View &log", self.window)
        view_log.triggered.connect(self.show_log)
        help_menu.addAction(view_log)
        about = QAction("&About SIRT Desktop", self.window)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def step_text_size(self, step: int) -> int:
        """One step larger (+1) or smaller (-1) through 100–200%, or back to normal (0)."""
        from sirt_desktop.core.settings import TEXT_SCALE, TEXT_SCALES, THEME

        current = self.settings.get(TEXT_SCALE)
        if step == 0:
            scale = TEXT_SCALES[0]
        else:
            index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - current))
            scale = TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index + step))]
        self.settings.set(TEXT_SCALE, scale)
        try:
            self.settings.save()
        except OSError as exc:
            log.warning("settings not saved: %s", exc)
        self.theme.apply(scale, self.settings.get(THEME))
        settings_page = self._built("settings")
        if settings_page is not None:
            settings_page.show_values(scale, self.settings.get(THEME))
        return scale

    def update_mp_list(self, path: str | None = None) -> bool:
        from sirt_desktop.gui.find_mp.update_mps import UpdateMpsController

        return UpdateMpsController(self.window).run(path)

    def update_information(self, path: str | None = None) -> bool:
        from sirt_desktop.gui.information.update_content import UpdateContentController

        return UpdateContentController(self.window, self._refresh_content_pages).run(path)

    def _refresh_content_pages(self) -> None:
        """Show the new information at once in any information page already built."""
        for section_id in ("learn", "for_me", "funding"):
            page = self._built(section_id)
            controller = getattr(page, "controller", None)
            if controller is not None:
                controller.reload()

    def add_file_action(self, action: QAction) -> None:
        """Features add their own File-menu entries above Quit."""
        self.file_menu.insertAction(self.file_menu.actions()[-1], action)

    def show_log(self) -> None:
        from sirt_desktop.gui.crash import open_log_folder
        from sirt_desktop.gui.common.dialogs import LogDialog

        try:
            text = paths.log_file().read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        LogDialog(text, str(paths.log_file()), open_log_folder, self.window).exec()

    def show_about(self) -> None:
        from sirt_desktop.about import version_report
        from sirt_desktop.core.resources import resource
        from sirt_desktop.gui.common.dialogs import AboutDialog

        parts = []
        for node in (resource("data", "ATTRIBUTION.md"), resource("fonts", "ATTRIBUTION.md")):
            if node.is_file():
                parts.append(node.read_text(encoding="utf-8"))
        AboutDialog(version_report(), "\n\n".join(parts), self.window).exec()

    # Start-up and shut-down --------------------------------------------------------
    def after_first_show(self) -> None:
        """Runs on the first event-loop turn: warm up the writing coach in the background, open
        the database (migrating it if needed), tidy old letters, and ask about replies due."""
        import threading

        from sirt_desktop.core.letters.coach import warm_up

        self.theme.install_style()
        threading.Thread(target=warm_up, name="coach-warm-up", daemon=True).start()
        try:
            db = self.database.get()
        except DatabaseError as exc:
            log.error("database problem at start-up: %s", exc)
            self.database.error = exc
            self.recover(exc)
            return
        from sirt_desktop.gui.settings.your_data import auto_delete_on_start
        from sirt_desktop.gui.history.reply_checks import run_reply_checks

        auto_delete_on_start(db, self.settings)
        letters, _profiles = self.repositories()
        run_reply_checks(letters, self.window)

    def recover(self, error: DatabaseError) -> None:
        """A damaged or newer database: explain, then start fresh or restore, never overwrite."""
        from PySide6.QtWidgets import QMessageBox

        from sirt_desktop.core.db import recovery
        from sirt_desktop.gui.common.recovery_dialog import RESTORE, START_FRESH, ask_recovery

        if not isinstance(error, (CorruptDatabaseError, NewerDatabaseError)):
            QMessageBox.warning(self.window, "Your letters cannot be saved", str(error))
            return
        backups = recovery.list_backups()
        newest = f"{backups[0].created:%d %B %Y at %H:%M}" if backups else None
        choice = ask_recovery(self.window, str(error), str(paths.database_path()), newest)
        self.database.close()
        try:
            if choice == START_FRESH:
                recovery.start_fresh()
            elif choice == RESTORE:
                recovery.restore_last_backup()
            else:
                return
            self.database.get()
            self._reconnect_writer()
        except DatabaseError as exc:
            QMessageBox.warning(self.window, "That did not work", str(exc))

    def _remember_section(self, section_id: str) -> None:
        self.settings.set(LAST_PAGE, section_id)

    def _on_closing(self) -> None:
        self.settings.set_window_state(*self.window.saved_state())
        try:
            self.settings.save()
        except OSError as exc:
            log.warning("settings not saved: %s", exc)

    def shutdown(self) -> None:
        self.database.close()

"""Assembles the main window: which sections exist, the menus, and the services they get.

The section registry (``_sections``) is the GUI's lazy seam: each section's ``page.py`` is
imported when the section is first shown, and so are the dialogs behind the menus, so
start-up loads only the first screen. Each builder hands its page only the services it needs
and keeps the page's controller, typed (``self.writer``, ``self.history`` ...); nothing reaches
into a page's widgets. The database opens just after the first screen appears (or when a page
needs it first).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from sirt_desktop.core import paths
from sirt_desktop.core.db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    StorageError,
)
from sirt_desktop.core.settings import LAST_PAGE, Settings
from sirt_desktop.gui.main_window import MainWindow
from sirt_desktop.gui.prompts import Prompts, QtPrompts
from sirt_desktop.gui.sections import Section
from sirt_desktop.gui.services import DatabaseProvider, Repositories
from sirt_desktop.gui.theme import Theme

if TYPE_CHECKING:
    from sirt_desktop.gui.common.pdf_dialog import PdfDialog
    from sirt_desktop.gui.file_update import (
        UpdateOutcome,  # the feature modules load with their section, not at start-up
    )
    from sirt_desktop.gui.find_mp.controller import FindMpController
    from sirt_desktop.gui.history.controller import HistoryController
    from sirt_desktop.gui.information.controller import ContentController
    from sirt_desktop.gui.information.page import ForMe
    from sirt_desktop.gui.settings.controller import SettingsController
    from sirt_desktop.gui.writer.controller import LetterWriterController

log = logging.getLogger(__name__)
T = TypeVar("T")

# Which information section shows the pages of each content section (one home per page).
CONTENT_SECTIONS = {"learn": ("learn", "support"), "for_me": ("for_me",), "funding": ("funding",)}

HOME_SHORTCUTS = (
    ("learn", "Learn about SIRT", "What SIRT is, what happens, and its risks"),
    ("page:get-help", "When to get help", "Who to call if you feel unwell after SIRT. In an emergency, call 999"),
    ("for_me", "Is SIRT for me? Questions to ask", "Questions to take to your NET team"),
    ("funding", "Where NHS funding stands", "England, Scotland, Wales and Northern Ireland"),
    ("write", "Write a letter", "To your MP or your doctor, in your own words"),
    ("history", "My letters", "Drafts, letters you have sent, and replies"),
    ("settings", "Make the text bigger", "Text size and colours"),
)


class Shell:
    """Owns the main window, the services and the pages' controllers; nothing else holds them all."""

    def __init__(self, settings: Settings, theme: Theme, prompts: Prompts | None = None) -> None:
        self.settings = settings
        self.theme = theme
        self.database = DatabaseProvider()
        # The pages' controllers, once their page has been built.
        self.information: dict[str, ContentController] = {}
        self.for_me: ForMe | None = None
        self.writer: LetterWriterController | None = None
        self.history: HistoryController | None = None
        self.helpline: FindMpController | None = None
        self.settings_page: SettingsController | None = None
        self.last_end: Any = None  # set by app.run when the last run did not close properly
        self.sections = self._sections()
        self.window = MainWindow(self.sections, close_guard=self._can_close)
        self.prompts: Prompts = prompts if prompts is not None else QtPrompts(self.window)
        self._build_menus()
        self.window.section_changed.connect(self._remember_section)
        self.window.closing.connect(self._on_closing)

    # Sections: the registry ------------------------------------------------------------
    def _sections(self) -> list[Section]:
        return [
            Section("home", "Home", "What this app is for, and where to start", self._build_home),
            Section(
                "learn",
                "Learn about SIRT",
                "What SIRT is, what happens, risks, support and words explained",
                lambda: self._build_information("learn", "Learn about SIRT", CONTENT_SECTIONS["learn"]),
            ),
            Section(
                "for_me",
                "Is SIRT for me?",
                "Questions to take to your NET team, and other treatments",
                self._build_for_me,
            ),
            Section(
                "funding",
                "Funding",
                "Where NHS funding for SIRT stands in each UK nation",
                lambda: self._build_information("funding", "Funding", CONTENT_SECTIONS["funding"]),
            ),
            Section("write", "Write a letter", "To your MP or your doctor, in your own words", self._build_writer),
            Section("history", "My letters", "Drafts, letters you have sent, and replies", self._build_history),
            Section(
                "helpline", "Helpline (volunteers)", "Find a caller's MP from their postcode", self._build_helpline
            ),
            Section("settings", "Settings", "Text size, colours and your data", self._build_settings),
        ]

    def _build_home(self) -> QWidget:
        from sirt_desktop.gui.home import page  # noqa: PLC0415 (section registry)

        return page.build(list(HOME_SHORTCUTS), self.go_to).widget

    def _build_information(self, section_id: str, title: str, content_sections: tuple[str, ...]) -> QWidget:
        from sirt_desktop.gui.information import page  # noqa: PLC0415 (section registry)

        built = page.build(title, content_sections, self.app_link, open_page=self.open_page, settings=self.settings)
        self.information[section_id] = built.controller
        return built.widget

    def _build_for_me(self) -> QWidget:
        from sirt_desktop.gui.information import page  # noqa: PLC0415 (section registry)

        built = page.build_for_me(
            self.app_link, self.show_appointment_sheet, open_page=self.open_page, settings=self.settings
        )
        self.for_me = built.controller
        self.information["for_me"] = built.controller.content
        return built.widget

    def repositories(self) -> Repositories | None:
        """The letters and profiles repositories, or None if the database cannot be opened."""
        return self.database.repositories()

    def _build_writer(self) -> QWidget:
        from sirt_desktop.core.letters.drafts import DraftStore  # noqa: PLC0415 (section registry)
        from sirt_desktop.gui.writer import page  # noqa: PLC0415 (section registry)

        repos = self.repositories()
        drafts = DraftStore(repos.letters) if repos is not None else None
        built = page.build(drafts, repos.profiles if repos else None, repos.letters if repos else None, self.prompts)
        self.writer = built.controller
        built.controller.letter_saved.connect(lambda _id: self._refresh_history())
        return built.widget

    def _build_history(self) -> QWidget:
        from sirt_desktop.gui.common.widgets import Paragraph  # noqa: PLC0415 (section registry)
        from sirt_desktop.gui.history import page  # noqa: PLC0415 (section registry)

        repos = self.repositories()
        if repos is None:
            return Paragraph(f"Your letters cannot be shown: {self.database.error}")
        built = page.build(
            repos.letters, self.open_letter, self.reprint, self.start_letter, self._letter_deleted, self.prompts
        )
        self.history = built.controller
        return built.widget

    def _build_helpline(self) -> QWidget:
        from sirt_desktop.gui.find_mp import page  # noqa: PLC0415 (section registry)

        built = page.build_helpline(self.start_letter)
        self.helpline = built.controller
        return built.widget

    def _build_settings(self) -> QWidget:
        from sirt_desktop.gui.settings import page  # noqa: PLC0415 (section registry)

        built = page.build(
            self.settings,
            self.theme,
            self.database.get,
            self._after_delete_everything,
            self.prompts,
            replace_database=self.replace_database,
        )
        self.settings_page = built.controller
        return built.widget

    # Between pages -------------------------------------------------------------------
    def go_to(self, section_id: str) -> None:
        """Show a section, or ``page:<id>`` to show one information page in its section."""
        if section_id.startswith("page:"):
            self.open_page(section_id.partition(":")[2])
            return
        self.window.show_section(section_id)

    def open_page(self, page_id: str) -> None:
        """Show an information page in the section that holds it (one home per page)."""
        from sirt_desktop.core.content import store as content  # noqa: PLC0415 (section registry)

        try:
            section = content.get_page(page_id).section
        except KeyError:
            log.warning("no information page %s", page_id)
            return
        target = next(sid for sid, held in CONTENT_SECTIONS.items() if section in held)
        self.window.show_section(target)
        self.window.page(target)  # built if it is not yet
        self.information[target].show(page_id)

    def _writer(self) -> LetterWriterController:
        """The letter writer, built if it is not yet."""
        self.window.page("write")
        assert self.writer is not None
        return self.writer

    def start_letter(
        self,
        recipient: Any = None,
        devolved_nation: str | None = None,
        for_caller: bool = False,
        caller_postcode: str = "",
        devolved: Any = None,
    ) -> bool:
        """Open the letter writer, addressed to a chosen MP or set for a devolved member.
        False if the person chose to stay with an unsaved letter."""
        self.go_to("write")
        return self._writer().start_new(
            recipient=recipient,
            devolved_nation=devolved_nation,
            for_caller=for_caller,
            caller_postcode=caller_postcode,
            devolved=devolved,
        )

    def open_letter(self, letter_id: int) -> None:
        self.go_to("write")
        self._writer().open_letter(letter_id)

    def reprint(self, letter_id: int, pdf: bytes) -> PdfDialog:
        """Show and print the very PDF that was printed before — never a new rendering."""
        from sirt_desktop.gui.common.pdf_dialog import PdfDialog  # noqa: PLC0415 (section registry: menu action)
        from sirt_desktop.gui.printing import REPRINT_JOB  # noqa: PLC0415 (start-up: QtPrintSupport)

        dialog = PdfDialog(
            "Print again, exactly as before", pdf, f"letter-{letter_id}.pdf", self.window, job_name=REPRINT_JOB
        )
        dialog.open()
        return dialog

    def _refresh_history(self) -> None:
        if self.history is not None:
            self.history.refresh()

    def _letter_deleted(self, letter_id: int) -> None:
        if self.writer is not None:
            self.writer.letter_deleted(letter_id)

    def _after_delete_everything(self) -> None:
        if self.writer is not None:
            self.writer.everything_deleted()
        self._refresh_history()

    def replace_database(self, change: Callable[[], T]) -> T:
        """Run ``change`` (which swaps the database file) with the database closed, then open
        it again and point the writer and My letters at it. The writer's words are saved first."""
        if self.writer is not None:
            self.writer.flush()
        self.database.close()
        try:
            result = change()
        finally:
            try:
                db = self.database.get()
            except DatabaseError as exc:
                self.database.error = exc
                self.recover(exc)
            else:
                self._reconnect_writer()
                self._refresh_history()
                self._opened(db)
        return result

    def _can_close(self) -> bool:
        """Closing the window saves the letter; if that fails, the person may stay."""
        return self.writer is None or self.writer.ready_to_leave()

    def _reconnect_writer(self) -> None:
        """After the database comes back (start fresh, restore), the writer saves again."""
        repos = self.repositories()
        if self.writer is None or repos is None:
            return
        from sirt_desktop.core.letters.drafts import DraftStore  # noqa: PLC0415 (section registry)

        self.writer.reconnect(DraftStore(repos.letters), repos.profiles)

    def show_appointment_sheet(self, ticked: list[str], name: str, notes: str) -> PdfDialog:
        from sirt_desktop.core.content.appointment_sheet import render_appointment_sheet  # noqa: PLC0415 (start-up: ReportLab)
        from sirt_desktop.gui.common.pdf_dialog import PdfDialog  # noqa: PLC0415 (section registry: menu action)
        from sirt_desktop.gui.printing import SHEET_JOB  # noqa: PLC0415 (start-up: QtPrintSupport)

        pdf = render_appointment_sheet(ticked, name=name or None, notes=notes)

        dialog = PdfDialog("My appointment sheet", pdf, "appointment-sheet.pdf", self.window, job_name=SHEET_JOB)
        dialog.open()
        return dialog

    def app_link(self, target: str) -> None:
        """Links from information pages into the app."""
        if target == "write-letter":
            self.start_letter()
        elif target in ("checklist", "appointment-sheet"):
            self.go_to("for_me")
            if self.for_me is not None:
                self.for_me.open_checklist(print_now=target == "appointment-sheet")

    # Menus ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        menu_bar = self.window.menuBar()
        file_menu = menu_bar.addMenu("&File")
        self.file_menu = file_menu
        update_mps = QAction("Update &MP list…", self.window)
        update_mps.setStatusTip("Replace the list of MPs with a newer one from a CSV file")
        update_mps.triggered.connect(lambda: self.update_mp_list())
        file_menu.addAction(update_mps)
        update_members = QAction("Update m&embers list…", self.window)
        update_members.setStatusTip(
            "Import the names of Members of the Senedd, MSPs or MLAs from the official lists (a CSV file)"
        )
        update_members.triggered.connect(lambda: self.update_members_list())
        file_menu.addAction(update_members)
        self.update_actions = [update_mps, update_members]
        update_info = QAction("Update &information…", self.window)
        update_info.setStatusTip("Install newer patient information from an update file")
        update_info.triggered.connect(lambda: self.update_information())
        file_menu.addAction(update_info)
        self.update_actions.append(update_info)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self.window)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # on every desktop (the standard key is empty on some)
        quit_action.triggered.connect(self.window.close)
        file_menu.addAction(quit_action)

        view_menu = menu_bar.addMenu("&View")
        for label, keys, step in (
            ("&Larger text", ("Ctrl++", "Ctrl+="), 1),
            ("&Smaller text", ("Ctrl+-",), -1),
            ("&Normal text size", ("Ctrl+0",), 0),
        ):
            action = QAction(label, self.window)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _=False, st=step: self.step_text_size(st))
            view_menu.addAction(action)
            self.window.addAction(action)  # works even with the menu bar hidden

        help_menu = menu_bar.addMenu("&Help")
        getting_started = QAction("&Getting started and keys", self.window)
        getting_started.setShortcut(QKeySequence("F1"))
        getting_started.triggered.connect(self.show_getting_started)
        help_menu.addAction(getting_started)
        self.window.addAction(getting_started)  # F1 works even with the menu bar hidden
        view_log = QAction("View &log", self.window)
        view_log.triggered.connect(self.show_log)
        help_menu.addAction(view_log)
        about = QAction("&About SIRT Desktop", self.window)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def step_text_size(self, step: int) -> int:
        """One step larger (+1) or smaller (-1) through 100–200%, or back to normal (0)."""
        from sirt_desktop.gui.settings.controller import step_text_size  # noqa: PLC0415 (section registry: menu action)

        scale = step_text_size(self.settings, self.theme, step)
        if self.settings_page is not None:
            self.settings_page.show_current()
        return scale

    def update_mp_list(self, path: str | None = None) -> UpdateOutcome:
        from sirt_desktop.gui.find_mp.update_mps import UpdateMpsController  # noqa: PLC0415 (section registry: menu action)

        return UpdateMpsController(self.prompts, busy=self._file_update_busy).run(path)

    def update_members_list(self, path: str | None = None) -> UpdateOutcome:
        from sirt_desktop.gui.find_mp.update_members import UpdateMembersController  # noqa: PLC0415 (section registry: menu action)

        return UpdateMembersController(self.prompts, self.members_updated, busy=self._file_update_busy).run(path)

    def members_updated(self) -> None:
        """Show the new names at once wherever a devolved result is on screen."""
        if self.helpline is not None:
            self.helpline.refresh_members()
        if self.writer is not None:
            self.writer.refresh_members()

    def update_information(self, path: str | None = None) -> UpdateOutcome:
        from sirt_desktop.gui.information.update_content import UpdateContentController  # noqa: PLC0415 (section registry: menu action)

        return UpdateContentController(self.prompts, self._refresh_content_pages, busy=self._file_update_busy).run(path)

    def _file_update_busy(self, message: str | None) -> None:
        """While a file update runs in the background: say so, and offer no second one."""
        for action in self.update_actions:
            action.setEnabled(message is None)
        if message is None:
            self.window.statusBar().clearMessage()
        else:
            self.window.statusBar().showMessage(message)

    def _refresh_content_pages(self) -> None:
        """Show the new information at once in any information page already built."""
        for controller in self.information.values():
            controller.reload()

    def add_file_action(self, action: QAction) -> None:
        """Features add their own File-menu entries above Quit."""
        self.file_menu.insertAction(self.file_menu.actions()[-1], action)

    def show_log(self) -> None:
        from sirt_desktop.gui.common.dialogs import LogDialog  # noqa: PLC0415 (section registry: menu action)
        from sirt_desktop.gui.crash import open_log_folder  # noqa: PLC0415 (section registry: menu action)

        try:
            text = paths.log_file().read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        LogDialog(text, str(paths.log_file()), open_log_folder, self.window).exec()

    def show_about(self) -> None:
        from sirt_desktop.about import attributions, version_report  # noqa: PLC0415 (start-up: importlib.metadata)
        from sirt_desktop.core.resources import data_manifest  # noqa: PLC0415 (menu and dialog seam)
        from sirt_desktop.gui.common.dialogs import AboutDialog  # noqa: PLC0415 (section registry: menu action)

        dates = [(item["title"], item["as_of"]) for item in data_manifest().get("datasets", [])]
        AboutDialog(version_report(), attributions(), self.window, data_dates=dates).exec()

    def show_getting_started(self) -> None:
        from sirt_desktop.gui.common.dialogs import GettingStartedDialog  # noqa: PLC0415 (menu and dialog seam)

        GettingStartedDialog([(s.title, s.description) for s in self.sections], self.window).exec()

    # Start-up and shut-down --------------------------------------------------------
    def after_first_show(self) -> None:
        """Runs on the first event-loop turn: the app's own style, then (on the next turn, so no
        one turn is long) the slow start-up work in the background: warming up the writing coach
        and ReportLab, opening the database (migrating it if needed) and tidying old letters.
        Replies due are asked about once the database is open."""
        self.theme.install_style()
        QTimer.singleShot(0, self._start_background_work)

    def _start_background_work(self) -> None:
        from sirt_desktop.gui import tasks  # noqa: PLC0415 (start-up: defines a QObject class)

        tasks.run_in_background(_warm_up_letters, name="warm-up")
        settings = self.settings

        def tidy(db: Any) -> None:
            # On the worker thread, so SQLAlchemy, Alembic and the reply-check dialog's modules
            # load there too, not on the GUI thread.
            from sirt_desktop.gui.history import reply_checks  # noqa: F401, PLC0415 (start-up: SQLAlchemy)
            from sirt_desktop.gui.settings.your_data import auto_delete_on_start  # noqa: PLC0415 (start-up: SQLAlchemy)

            auto_delete_on_start(db, settings)

        self.database.open_in_background(self._database_ready, self._database_failed, then=tidy)

    def _database_ready(self, db: Any) -> None:
        from sirt_desktop.gui.history.reply_checks import ReplyChecks  # noqa: PLC0415 (start-up: SQLAlchemy)

        self._opened(db)

        repos = self.repositories()
        if repos is not None:
            if self.last_end is not None:
                self.tell_unexpected_end(repos.letters)
            ReplyChecks(repos.letters).run(self.window)

    def _opened(self, db: Any) -> None:
        """The database is open: say anything the person should know about it (a journal put
        aside), and wait in the background for its check; a file that fails it is reported."""
        if db.notices:
            notices, db.notices = list(db.notices), []
            self.prompts.tell("About your letters", "\n\n".join(notices))
        from sirt_desktop.gui import tasks  # noqa: PLC0415 (start-up: defines a QObject class)

        tasks.run_in_background(
            db.check_result, on_done=lambda problem: self._checked(db, problem), name="database-check"
        )

    def _checked(self, db: Any, problem: CorruptDatabaseError | None) -> None:
        if problem is None or self.database.current() is not db:
            return
        log.error("the database failed its check: %s", problem)
        self.database.error = problem
        self.recover(problem)

    def _database_failed(self, exc: DatabaseError) -> None:
        log.error("database problem at start-up: %s", exc)
        self.database.error = exc
        self.recover(exc)

    def tell_unexpected_end(self, letters) -> None:
        """The last run did not close properly: say so calmly, and whether the draft was kept."""
        from sirt_desktop.core.db.records import LetterFilters  # noqa: PLC0415 (start-up: SQLAlchemy)
        from sirt_desktop.gui.crash import tell_unexpected_end  # noqa: PLC0415 (section registry: menu action)

        last, self.last_end = self.last_end, None
        try:
            newest = letters.list_page(LetterFilters(status="draft"), 0, 1)
        except DatabaseError:
            newest = []
        draft_kept = bool(newest) and newest[0].updated_at >= last.started
        log.info("told the person the app closed unexpectedly (draft kept: %s)", "yes" if draft_kept else "no")
        tell_unexpected_end(self.window, draft_kept, str(paths.log_dir()), self.go_to)

    def recover(self, error: DatabaseError) -> None:
        """Explain a database problem and offer what fits it, never overwriting anything:
        damaged, foreign or newer files may be set aside to start fresh (or a backup restored);
        a missing file may be restored or started anew; a full disk, a read-only or missing
        folder or a busy file may only be tried again."""
        from sirt_desktop.core.dates import long_date  # noqa: PLC0415 (start-up: datetime)
        from sirt_desktop.core.db import recovery  # noqa: PLC0415 (start-up: SQLAlchemy)
        from sirt_desktop.gui.common import recovery_dialog as dialogs  # noqa: PLC0415 (section registry: menu action)

        backups = recovery.list_backups()
        newest = f"{long_date(backups[0].created.date())} at {backups[0].created:%H:%M}" if backups else None
        if isinstance(error, StorageError):
            choice = dialogs.ask_storage_problem(self.window, type(error).__name__, str(error))
        elif isinstance(error, recovery.MissingDatabaseError):
            choice = dialogs.ask_missing_file(self.window, str(error), newest)
        elif isinstance(error, (CorruptDatabaseError, ForeignDatabaseError, NewerDatabaseError)):
            choice = dialogs.ask_recovery(self.window, str(error), str(paths.database_path()), newest)
        else:
            self.prompts.problem(str(error), "Your letters cannot be saved")
            return
        if choice == dialogs.CARRY_ON:
            return
        self.database.close()
        try:
            if choice == dialogs.START_FRESH:
                recovery.start_fresh()
            elif choice == dialogs.RESTORE:
                recovery.restore_last_backup()
            elif choice == dialogs.START_EMPTY:
                recovery.open_database(create=True).close()
            db = self.database.get()
        except DatabaseError as exc:
            log.error("database still not available: %s", exc)
            self.database.error = exc
            self.recover(exc)  # said again, with the offers that fit what is wrong now
            return
        self._reconnect_writer()
        self._refresh_history()
        self._opened(db)

    def _remember_section(self, section_id: str) -> None:
        self.settings.set(LAST_PAGE, section_id)

    def _on_closing(self) -> None:
        self.settings.set_window_state(*self.window.saved_state())
        self.settings.try_save()

    def shutdown(self) -> None:
        """Let background work that was started finish (an export, a save), then close."""
        from sirt_desktop.gui import tasks  # noqa: PLC0415 (start-up: defines a QObject class)

        if not tasks.wait_for_all(10_000):
            log.warning("%d background tasks still running at shut-down", tasks.running())
        self.database.close()


def _warm_up_letters() -> None:
    """Off the GUI thread: load textstat for the coach and ReportLab and its fonts for the
    first preview (together about 0.5 s on the GUI thread otherwise)."""
    from sirt_desktop.core.letters import coach, render  # noqa: PLC0415 (start-up: textstat, ReportLab)

    coach.warm_up()
    render.warm_up()

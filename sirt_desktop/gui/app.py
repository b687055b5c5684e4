"""Start the application: QApplication, locale, theme, crash handler, then the shell.

``run`` creates the application-wide pieces (settings, theme, crash handler); the shell
(``shell.py``) creates the window, the database provider and the prompts, and hands each
page only the services that page needs.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time

from PySide6.QtCore import QLocale, QPoint, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from sirt_desktop import APP_ID, APP_NAME, __version__
from sirt_desktop.core import paths
from sirt_desktop.core.logs import setup_logging
from sirt_desktop.core.resources import resource_path
from sirt_desktop.core.session import SessionGuard
from sirt_desktop.core.settings import LAST_PAGE, TEXT_SCALE, THEME, Settings
from sirt_desktop.gui.common.focus import install_focus_rings
from sirt_desktop.gui.crash import CrashHandler
from sirt_desktop.gui.prompts import Prompts
from sirt_desktop.gui.shell import Shell
from sirt_desktop.gui.single_instance import (
    ALREADY_OPEN,
    ALREADY_OPEN_UNREACHABLE,
    SingleInstance,
    bring_forward,
)
from sirt_desktop.gui.theme import Theme

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SIRT Desktop")
    app.setDesktopFileName(APP_ID)
    keep_qt_settings_inside_the_app_folders()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    install_focus_rings(app)
    with contextlib.suppress(FileNotFoundError):
        # A PNG loads without Qt's SVG plugin, which would cost start-up time.
        app.setWindowIcon(QIcon(str(resource_path("icons", "sirt-desktop-128.png"))))
    return app


def keep_qt_settings_inside_the_app_folders() -> None:
    """Qt's own settings (the file dialogs remember the last folder in ``QtProject.conf``) go in
    the app's config folder, not the person's ``~/.config``: everything the app writes stays in
    its own folders (and under ``SIRT_DESKTOP_HOME`` when that is set)."""
    folder = paths.config_dir() / "qt"
    folder.mkdir(mode=0o700, exist_ok=True)
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))


def place_first_start(window) -> None:
    """First start: four fifths of the screen, so the text has room on a small laptop, but
    between 120 and 160 characters wide and 40 to 56 lines high (a large monitor does not get
    a window a person has to shrink), never more than nine tenths of the screen (large text on
    a small laptop), centred on the screen."""
    metrics = window.fontMetrics()
    chars, lines = metrics.averageCharWidth(), metrics.height()
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(QSize(chars * 120, lines * 40))
        return
    area = screen.availableGeometry()
    size = QSize(
        min(max(area.width() * 4 // 5, chars * 120), chars * 160),
        min(max(area.height() * 4 // 5, lines * 40), lines * 56),
    )
    size = size.boundedTo(QSize(area.width() * 9 // 10, area.height() * 9 // 10))
    window.resize(size)
    window.move(area.center() - QPoint(size.width() // 2, size.height() // 2))


def build_window(settings: Settings, theme: Theme, prompts: Prompts | None = None) -> Shell:
    """The main window with every section this build has, restored to where the person left it.
    ``prompts`` replaces the Qt message boxes (tests)."""
    shell = Shell(settings, theme, prompts)
    window = shell.window
    saved = settings.window_state()
    if saved is None or not window.restore_saved_state(*saved):
        place_first_start(window)
    window.show_section(settings.get(LAST_PAGE) or window.section_ids()[0])
    return shell


def run(crash_dialog: bool = True, quit_after_ms: int | None = None, startup_probe: bool = False) -> int:
    setup_logging()
    log.info("%s %s starting", APP_NAME, __version__)
    app = create_application()
    # Before anything else touches the data folder: a second start only brings the first forward.
    single = _one_copy_only()
    if single is None:
        return 0
    guard = SessionGuard()
    last_end = guard.begin()
    if last_end is not None:
        log.warning(
            "the last run (started %s UTC, process %s) did not close properly%s",
            f"{last_end.started:%Y-%m-%d %H:%M:%S}",
            last_end.pid,
            f"; it wrote this to {last_end.fault_file}:\n{last_end.fault}"
            if last_end.fault
            else " and left no error report (it was stopped from outside, or the computer went off)",
        )
    handler = CrashHandler(show_dialog=crash_dialog)
    handler.install()
    settings = Settings()
    theme = Theme(app)
    theme.apply(settings.get(TEXT_SCALE), settings.get(THEME))
    shell = build_window(settings, theme)
    shell.window.show()
    single.show_requested.connect(lambda: bring_forward(shell.window))
    if startup_probe:
        # For bench/startup.py: report the first turn of the event loop after show, then quit.
        def probe() -> None:
            print(f"ready {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, probe)
    else:
        shell.last_end = last_end
        QTimer.singleShot(0, shell.after_first_show)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, app.quit)
    code = app.exec()
    shell.shutdown()
    if code == 0:
        guard.end()
        log.info("%s closed", APP_NAME)
    single.release()
    return code


def _one_copy_only():
    """The single-instance guard for the data folder, or None if another copy has it (that
    copy was asked to come forward, or the person was told it is already open)."""
    folder = paths.data_dir(create=False)
    try:
        paths.data_dir()
    except OSError as exc:  # the window says why later; the lock is then not claimed
        log.warning("data folder not available for the single-instance lock: %s", exc)
    guard = SingleInstance(folder)
    if guard.claim():
        return guard
    if guard.ask_first_to_show():
        log.info("already open: the open window was brought forward")
        print(ALREADY_OPEN, file=sys.stderr)
        return None
    log.warning("already open, and the open copy did not answer")
    print(ALREADY_OPEN_UNREACHABLE, file=sys.stderr)
    if QApplication.platformName() not in ("offscreen", "minimal"):
        QMessageBox.information(None, "SIRT Desktop is already open", ALREADY_OPEN_UNREACHABLE)
    return None

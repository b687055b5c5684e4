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

from PySide6.QtCore import QLocale, QPoint, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from sirt_desktop import APP_ID, APP_NAME, __version__
from sirt_desktop.core.logs import setup_logging
from sirt_desktop.core.resources import resource_path
from sirt_desktop.core.session import SessionGuard
from sirt_desktop.core.settings import LAST_PAGE, TEXT_SCALE, THEME, Settings
from sirt_desktop.gui.common.focus import install_focus_rings
from sirt_desktop.gui.crash import CrashHandler
from sirt_desktop.gui.prompts import Prompts
from sirt_desktop.gui.shell import Shell
from sirt_desktop.gui.theme import Theme

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SIRT Desktop")
    app.setDesktopFileName(APP_ID)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    install_focus_rings(app)
    with contextlib.suppress(FileNotFoundError):
        # A PNG loads without Qt's SVG plugin, which would cost start-up time.
        app.setWindowIcon(QIcon(str(resource_path("icons", "sirt-desktop-128.png"))))
    return app


def place_first_start(window) -> None:
    """First start: room for about 120 characters by 40 lines of text, but never more than
    nine tenths of the screen (a small laptop, large text), centred on the screen."""
    metrics = window.fontMetrics()
    size = QSize(metrics.averageCharWidth() * 120, metrics.height() * 40)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(size)
        return
    area = screen.availableGeometry()
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
    app = create_application()
    handler = CrashHandler(show_dialog=crash_dialog)
    handler.install()
    settings = Settings()
    theme = Theme(app)
    theme.apply(settings.get(TEXT_SCALE), settings.get(THEME))
    shell = build_window(settings, theme)
    shell.window.show()
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
    return code

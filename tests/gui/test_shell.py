from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sirt_desktop.core import paths
from sirt_desktop.core.settings import LAST_PAGE, TEXT_SCALE, THEME, Settings
from sirt_desktop.gui.theme import is_dark
from tests.gui.accessibility import unnamed_controls


def test_every_section_opens_and_every_control_is_named(shell, qtbot):
    window = shell.window
    ids = window.section_ids()
    assert ids[0] == "home" and "settings" in ids
    for section_id in ids:
        window.show_section(section_id)
        assert window.current_section() == section_id
        assert window.stack.currentWidget().widget() is window.page(section_id)
    problems = unnamed_controls(window)
    assert problems == [], "controls without an accessible name:\n" + "\n".join(problems)


def test_no_coming_soon_pages(shell):
    from PySide6.QtWidgets import QLabel

    for section_id in shell.window.section_ids():
        page = shell.window.page(section_id)
        for label in page.findChildren(QLabel):
            assert "coming soon" not in label.text().lower()


def test_keyboard_moves_between_sections(shell, qtbot):
    window = shell.window
    window.show_section("home")
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_End)
    assert window.current_section() == window.section_ids()[-1]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "home"


def test_home_buttons_go_to_their_section(shell, qtbot):
    home = shell.window.page("home")
    assert "settings" in home.buttons
    qtbot.mouseClick(home.buttons["settings"], Qt.MouseButton.LeftButton)
    assert shell.window.current_section() == "settings"


def test_settings_page_changes_text_size_and_theme(shell, qtbot, qapp):
    base = shell.theme.base_font.pointSizeF()
    shell.window.show_section("settings")
    view = shell.window.page("settings")
    from sirt_desktop.gui.common.widgets import Heading

    heading = view.findChild(Heading)
    view.text_scale.setCurrentIndex(view.text_scale.findData(200))
    assert abs(qapp.font().pointSizeF() - base * 2) < 0.01
    qtbot.waitUntil(lambda: abs(heading.font().pointSizeF() - base * 2 * 1.6) < 0.1, timeout=2000)
    view.theme_radios["dark"].click()
    assert is_dark(qapp.palette())
    qtbot.waitUntil(lambda: is_dark(view.palette()), timeout=2000)
    saved = Settings()
    assert saved.get(TEXT_SCALE) == 200 and saved.get(THEME) == "dark"
    view.theme_radios["light"].click()
    assert not is_dark(qapp.palette())


def test_last_section_and_window_state_are_remembered(shell, qapp):
    shell.window.show_section("settings")
    shell.window.close()
    saved = Settings()
    assert saved.get(LAST_PAGE) == "settings"
    assert saved.window_state() is not None

    from sirt_desktop.gui.app import build_window
    from sirt_desktop.gui.theme import Theme

    again = build_window(saved, Theme(qapp))
    assert again.window.current_section() == "settings"
    again.window.close()
    again.shutdown()


def test_crash_handler_logs_and_shows_details(qapp, qtbot):
    from sirt_desktop.core.logs import setup_logging
    from sirt_desktop.gui.crash import CrashHandler

    setup_logging()
    handler = CrashHandler(show_dialog=True)
    seen = {}

    def close_dialog():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        seen["details"] = box.detailedText()
        box.button(QMessageBox.StandardButton.NoButton) if False else None
        carry_on = next(b for b in box.buttons() if b.text() == "Carry on")
        carry_on.click()

    QTimer.singleShot(200, close_dialog)
    try:
        raise ValueError("a test failure")
    except ValueError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert "Your saved letters are safe" in seen["text"]
    assert "ValueError: a test failure" in seen["details"]
    for h in logging.getLogger("sirt_desktop").handlers:
        h.flush()
    assert "ValueError: a test failure" in paths.log_file().read_text(encoding="utf-8")


def test_log_dialog_and_about_open(shell, qtbot):
    from sirt_desktop.gui.common.dialogs import AboutDialog, LogDialog

    for dialog_class, opener in ((LogDialog, shell.show_log), (AboutDialog, shell.show_about)):
        found = {}

        def close(found=found, dialog_class=dialog_class):
            dialog = QApplication.activeModalWidget()
            found["ok"] = isinstance(dialog, dialog_class)
            dialog.reject()

        QTimer.singleShot(200, close)
        opener()
        assert found.get("ok"), dialog_class.__name__


def test_tick_boxes_grow_with_the_text(qapp):
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    from sirt_desktop.gui.theme import Theme

    theme = Theme(qapp)
    theme.install_style()
    try:
        theme.apply(100, "system")
        small = qapp.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        theme.apply(200, "system")
        large = qapp.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        assert large > small
        assert large >= 0.9 * QFontMetrics(qapp.font()).height()
    finally:
        theme.apply(100, "system")


def test_text_size_keys_step_through_the_sizes(shell, qtbot, qapp):
    base = shell.theme.base_font.pointSizeF()
    assert shell.step_text_size(+1) == 125
    assert shell.step_text_size(+1) == 150
    assert abs(qapp.font().pointSizeF() - base * 1.5) < 0.01
    for _ in range(5):
        shell.step_text_size(+1)
    assert Settings().get(TEXT_SCALE) == 200
    assert shell.step_text_size(-1) == 175
    assert shell.step_text_size(0) == 100


def test_lists_with_their_own_style_follow_the_text_size(shell, qapp, qtbot):
    nav = shell.window.nav
    shell.step_text_size(+2)
    qtbot.waitUntil(lambda: nav.font().pointSizeF() == qapp.font().pointSizeF(), timeout=2000)
    big = nav.font().pointSizeF()
    shell.step_text_size(0)
    qtbot.waitUntil(lambda: nav.font().pointSizeF() == qapp.font().pointSizeF(), timeout=2000)
    assert nav.font().pointSizeF() < big


def test_file_menu_update_commands_open_a_file_chooser(shell, prompts):
    """File → Update MP list… and Update information… once passed the menu's checked flag
    (False) as the file name: TypeError, "Something went wrong" (found by the soak)."""
    prompts.expect(None, None)  # the person cancels each file chooser
    actions = {a.text(): a for a in shell.file_menu.actions()}
    actions["Update &MP list…"].trigger()
    actions["Update &information…"].trigger()
    assert [asked[:2] for asked in prompts.asked] == [
        ("open_path", "Choose the new MP list"),
        ("open_path", "Choose the information update"),
    ]

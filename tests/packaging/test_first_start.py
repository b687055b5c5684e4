"""First start of an installed app: a sensible size, on the screen, centred."""

from __future__ import annotations

import pytest


@pytest.fixture
def window(qapp, qtbot):
    from PySide6.QtWidgets import QMainWindow

    win = QMainWindow()
    qtbot.addWidget(win)
    return win


def test_first_start_fits_and_is_centred(window):
    from sirt_desktop.gui.app import place_first_start

    place_first_start(window)
    area = window.screen().availableGeometry()
    size = window.size()
    assert size.width() <= area.width() * 0.9 + 1 and size.height() <= area.height() * 0.9 + 1
    centre = window.geometry().center()
    assert abs(centre.x() - area.center().x()) <= 1 and abs(centre.y() - area.center().y()) <= 1
    metrics = window.fontMetrics()
    # Never smaller than needed when the screen has room: 120 characters or nine tenths.
    assert size.width() == min(metrics.averageCharWidth() * 120, area.width() * 9 // 10)


def test_large_text_on_a_small_screen_stays_on_the_screen(window):
    from PySide6.QtGui import QFont

    from sirt_desktop.gui.app import place_first_start

    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    window.setFont(font)
    place_first_start(window)
    area = window.screen().availableGeometry()
    assert area.contains(window.geometry())


def test_a_saved_window_is_restored_not_recentred(qapp, qtbot):
    from sirt_desktop.core.settings import Settings
    from sirt_desktop.gui.app import build_window
    from sirt_desktop.gui.theme import Theme

    settings = Settings()
    theme = Theme(qapp)
    first = build_window(settings, theme)
    qtbot.addWidget(first.window)
    first.window.resize(500, 400)
    first.window.move(10, 20)
    settings.set_window_state(*first.window.saved_state())
    settings.save()
    first.shutdown()

    again = build_window(Settings(), theme)
    qtbot.addWidget(again.window)
    assert again.window.size().width() == 500 and again.window.size().height() == 400
    again.shutdown()

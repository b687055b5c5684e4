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
    chars = metrics.averageCharWidth()
    # Four fifths of the screen, kept between 120 and 160 characters, never past nine tenths.
    assert size.width() == min(min(max(area.width() * 4 // 5, chars * 120), chars * 160), area.width() * 9 // 10)
    assert size.width() >= min(chars * 120, area.width() * 9 // 10)


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1920, 1080), (3840, 2160)])
def test_first_window_on_a_laptop_and_on_large_monitors(window, width, height):
    """A small laptop gets most of its screen; a large monitor a window of a readable width
    (at most 160 characters), not one the person has to shrink."""
    from unittest import mock

    from PySide6.QtCore import QRect

    from sirt_desktop.gui import app as app_module

    screen = mock.Mock()
    screen.availableGeometry.return_value = QRect(0, 0, width, height)
    with mock.patch.object(window, "screen", return_value=screen):
        app_module.place_first_start(window)
    chars, lines = window.fontMetrics().averageCharWidth(), window.fontMetrics().height()
    size = window.size()
    assert chars * 120 <= size.width() <= min(chars * 160, width * 9 // 10)
    assert size.height() <= min(lines * 56, height * 9 // 10)
    if width == 1280:
        assert size.width() >= width * 3 // 4, "a small laptop should get most of its width"
    assert QRect(0, 0, width, height).contains(window.geometry())


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

"""Reading aloud has a speed control; the speed is used when reading and remembered."""

from __future__ import annotations

import datetime as dt

import pytest

from sirt_desktop.core.settings import READ_ALOUD_SPEED, Settings
from sirt_desktop.gui.information.controller import SPEECH_RATES, ContentController
from sirt_desktop.gui.information.view import ContentView


def make(qtbot, settings):
    view = ContentView("Learn about SIRT")
    controller = ContentController(
        view, ("learn",), lambda _t: None, today=lambda: dt.date(2026, 11, 22), settings=settings
    )
    qtbot.addWidget(view)
    view.show()
    return view, controller


def test_the_speed_is_used_and_remembered(qtbot):
    view, controller = make(qtbot, Settings())
    if not view.read_aloud.isVisibleTo(view):
        pytest.skip("no speech engine on this machine (the mock engine needs QtTextToSpeech)")
    assert view.speed.isVisibleTo(view) and view.speed.accessibleName() == "Reading speed"
    assert view.speed.currentData() == "normal"
    view.speed.setCurrentIndex(view.speed.findData("slower"))
    view.read_aloud.click()
    speech = controller.speech
    assert speech.rate == pytest.approx(SPEECH_RATES["slower"])
    # The engine lives on its own thread: the speed reaches it there.
    qtbot.waitUntil(lambda: speech._engine.rate == pytest.approx(SPEECH_RATES["slower"]), timeout=5000)
    view.speed.setCurrentIndex(view.speed.findData("faster"))  # while reading: at once
    qtbot.waitUntil(lambda: speech._engine.rate == pytest.approx(SPEECH_RATES["faster"]), timeout=5000)
    view.read_aloud.click()  # stop
    assert Settings().get(READ_ALOUD_SPEED) == "faster"
    again, _controller = make(qtbot, Settings())
    assert again.speed.currentData() == "faster"


def test_every_speed_has_a_rate_within_the_engines_range():
    from sirt_desktop.core.settings import READ_ALOUD_SPEEDS

    assert set(SPEECH_RATES) == set(READ_ALOUD_SPEEDS)
    assert all(-1.0 <= rate <= 1.0 for rate in SPEECH_RATES.values())
    assert sorted(SPEECH_RATES, key=SPEECH_RATES.get) == list(READ_ALOUD_SPEEDS)

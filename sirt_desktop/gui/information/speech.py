"""Reading a page aloud without ever holding up the window.

Qt's speech engines can block for a long time: with speech-dispatcher installed but no sound
service, creating the engine or asking for its voices waits 30 s or more. So the engine lives
on its own thread, and the window only sends it text and hears back what happened. When no
voice answers (no speech service at all, or one that never starts speaking), the person is
told so, and how to get one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

NO_VOICE = (
    "There is no voice for reading aloud on this computer. To get one on Debian or Ubuntu, "
    "install the speech-dispatcher and espeak-ng packages (for example: sudo apt install "
    "speech-dispatcher espeak-ng), then open the app again."
)
NO_ANSWER_MS = 15_000  # no speaking by then: say there is no voice


class _Engine(QObject):
    """Lives on the speech thread; owns the QTextToSpeech object."""

    speaking = Signal(bool)
    failed = Signal(str)

    def __init__(self, engine_name: str | None) -> None:
        super().__init__()
        self.engine_name = engine_name
        self.tts: QTextToSpeech | None = None
        self.rate = 0.0

    @Slot(float)
    def set_rate(self, rate: float) -> None:
        """The reading speed, from -1 (slowest) to 1 (fastest); used at once if reading."""
        self.rate = rate
        if self.tts is not None:
            self.tts.setRate(rate)

    @Slot(str)
    def say(self, text: str) -> None:
        # Looked up when used (not at import), on the speech thread; tests stand a fake in its place.
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 (start-up: QtTextToSpeech)

        if self.tts is None:
            try:
                self.tts = QTextToSpeech(self.engine_name, self) if self.engine_name else QTextToSpeech(self)
            except Exception as exc:  # noqa: BLE001 - a broken plugin is the same as no voice
                log.warning("speech engine could not start: %s", exc)
                self.failed.emit(str(exc))
                return
            self.tts.stateChanged.connect(self._state)
        if self.tts.state() == QTextToSpeech.State.Error or not self.tts.availableVoices():
            reason = self.tts.errorString() or "no voices"
            log.warning("no voice for reading aloud (%s engine): %s", self.tts.engine() or "default", reason)
            self.failed.emit(reason)
            return
        self.tts.setRate(self.rate)
        self.tts.say(text)

    @Slot()
    def stop(self) -> None:
        if self.tts is not None:
            self.tts.stop()

    def _state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 (start-up: QtTextToSpeech)

        if state == QTextToSpeech.State.Error:
            reason = self.tts.errorString() if self.tts is not None else ""
            self.failed.emit(reason or "the voice stopped with an error")
        self.speaking.emit(state == QTextToSpeech.State.Speaking)


class ReadAloud(QObject):
    """The window's side: ``toggle(text)`` starts or stops reading. ``speaking_changed(bool)``
    and ``problem(str)`` report back; neither waits for the engine."""

    speaking_changed = Signal(bool)
    problem = Signal(str)
    _say = Signal(str)
    _stop = Signal()
    _rate = Signal(float)

    def __init__(self, engine_name: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine_name = engine_name
        self.rate = 0.0
        self.speaking = False
        self.waiting = False
        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._engine = _Engine(engine_name)
        self._engine.moveToThread(self._thread)
        self._say.connect(self._engine.say)
        self._stop.connect(self._engine.stop)
        self._rate.connect(self._engine.set_rate)
        self._engine.speaking.connect(self._on_speaking)
        self._engine.failed.connect(self._on_failed)
        self._no_answer = QTimer(self)
        self._no_answer.setSingleShot(True)
        self._no_answer.setInterval(NO_ANSWER_MS)
        self._no_answer.timeout.connect(lambda: self._on_failed("no answer from the speech service"))
        self._shut = False
        self._thread.start()

    def set_rate(self, rate: float) -> None:
        """The reading speed (-1 slowest to 1 fastest), passed to the engine's thread."""
        self.rate = rate
        self._rate.emit(rate)

    def toggle(self, text: str) -> None:
        if self.speaking or self.waiting:
            self.waiting = False
            self._no_answer.stop()
            self._stop.emit()
            self._on_speaking(False)
            return
        self.waiting = True
        self._no_answer.start()
        self.speaking_changed.emit(True)  # the button offers Stop at once
        self._say.emit(text)

    def _on_speaking(self, speaking: bool) -> None:
        if speaking:
            self.waiting = False
            self._no_answer.stop()
        elif self.waiting:
            return  # the engine's "ready" before it starts speaking
        self.speaking = speaking
        self.speaking_changed.emit(speaking)

    def _on_failed(self, reason: str) -> None:
        log.info("read aloud: %s", reason)
        self.waiting = False
        self.speaking = False
        self._no_answer.stop()
        self.speaking_changed.emit(False)
        self.problem.emit(NO_VOICE)

    def shutdown(self) -> None:
        """Stop the speech thread (at exit); an engine stuck in a long wait is not waited for long.
        Called at quit and again when the page goes: the second call does nothing."""
        if self._shut:
            return
        self._shut = True
        try:
            running = self._thread.isRunning()
        except RuntimeError:  # Qt has already deleted the thread at exit
            return
        if not running:
            return
        self._stop.emit()
        self._thread.quit()
        if not self._thread.wait(3000):
            log.warning("the speech engine did not stop; ending its thread")
            self._thread.terminate()
            self._thread.wait(2000)

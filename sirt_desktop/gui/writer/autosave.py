"""When the letter writer saves, and where: the timing rule and the background lane.

The rule: a draft is saved one second after the person pauses, and never later than two
seconds after the first change that is not saved yet — so steady typing with no pause is
saved every two seconds, and a crash loses at most about two seconds of it.

The write itself (JSON, SQL, commit) runs on one background thread, one save at a time, so a
slow disk, a busy file or a database check still running never makes typing stutter. Only
reading the form (a snapshot of the letter) happens on the GUI thread. Outcomes come back to
the GUI thread in order; ``wait`` lets the writer finish a save in flight before it saves
synchronously (closing the window, a new letter, printing).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

PAUSE_MS = 1000  # after the last change
LONGEST_WAIT_MS = 2000  # after the first unsaved change, however steadily the person types


@dataclass
class Outcome:
    """What one background save came to; ``token`` is whatever the caller handed in."""

    token: Any
    result: Any = None
    error: BaseException | None = None


class AutosaveTimers(QObject):
    """The two timers of the rule. ``due`` fires when a save should start."""

    due = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pause = self._single_shot(PAUSE_MS)
        self.longest = self._single_shot(LONGEST_WAIT_MS)

    def _single_shot(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self._fire)
        return timer

    def changed(self) -> None:
        """A change not saved yet: the pause timer starts again, the longest wait does not."""
        self.pause.start()
        if not self.longest.isActive():
            self.longest.start()

    def stop(self) -> None:
        self.pause.stop()
        self.longest.stop()

    def pending(self) -> bool:
        return self.pause.isActive() or self.longest.isActive()

    def _fire(self) -> None:
        self.stop()
        self.due.emit()


class SaveLane(QObject):
    """Runs jobs one at a time on a background thread; outcomes are handed to ``on_outcome``
    on the GUI thread, in order."""

    _ready = Signal()

    def __init__(self, on_outcome: Callable[[Outcome], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_outcome = on_outcome
        self._outcomes: deque[Outcome] = deque()
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self._ready.connect(self.drain)

    @property
    def busy(self) -> bool:
        return not self._idle.is_set()

    def submit(self, job: Callable[[], Any], token: Any) -> bool:
        """Start ``job`` unless one is still running (then False: try again when it is done)."""
        with self._lock:
            if not self._idle.is_set():
                return False
            self._idle.clear()
        threading.Thread(target=self._run, args=(job, token), name="autosave", daemon=True).start()
        return True

    def _run(self, job: Callable[[], Any], token: Any) -> None:
        try:
            outcome = Outcome(token, result=job())
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which keeps the words on screen
            outcome = Outcome(token, error=exc)
        with self._lock:
            self._outcomes.append(outcome)
            self._idle.set()
        with contextlib.suppress(RuntimeError):  # the window is gone (app closing)
            self._ready.emit()

    def wait(self, timeout: float = 30.0) -> bool:
        """Let a save in flight finish and hand over its outcome now (GUI thread)."""
        finished = self._idle.wait(timeout)
        self.drain()
        return finished

    def drain(self) -> None:
        while True:
            with self._lock:
                if not self._outcomes:
                    return
                outcome = self._outcomes.popleft()
            self._on_outcome(outcome)

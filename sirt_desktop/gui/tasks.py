"""Slow work off the GUI thread, with the answer delivered back on it.

    task = run_in_background(lambda: export_everything(db, path), on_done=show_summary,
                             on_error=show_problem)

``work`` runs on a thread of ``QThreadPool.globalInstance()``. Its result (or the exception it
raised) travels back through a ``QObject`` relay that lives on the GUI thread: the relay's signal
is queued, so ``on_done(result)`` or ``on_error(exc)`` always runs on the GUI thread, in the
event loop, after ``run_in_background`` has returned. This is the shape of Picard's
``run_task``/``to_main``, with a Qt signal instead of a posted callable.

Rules for ``work``: no widgets (Qt widgets belong to the GUI thread), and no SQLAlchemy
``Session`` shared with another thread (``Database.session()`` opens one per call, so a
repository call inside ``work`` is fine). Callbacks may touch widgets.

Tests switch every task to run at once, on the calling thread, with ``run_inline()``
(``tests/gui/conftest.py`` has an ``inline_tasks`` fixture); callbacks are then called before
``run_in_background`` returns. ``wait_for_all`` lets shut-down finish what was started.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")

_inline = False
_running: set[Task[Any]] = set()  # keeps each task (and its relay) alive until it has answered
_lock = threading.Lock()


class _Relay(QObject):
    """Lives on the GUI thread; ``finished`` is emitted from the worker and queued to ``_deliver``."""

    finished = Signal(object, object)  # (result, exception or None)

    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self._task = task
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        self._task._deliver(result, error if isinstance(error, BaseException) else None)


class Task(Generic[T]):
    """One piece of background work. ``running`` is True until its callback has run."""

    def __init__(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        name: str,
    ) -> None:
        self.work = work
        self.on_done = on_done
        self.on_error = on_error
        self.name = name
        self.running = True
        self.result: T | None = None
        self.error: BaseException | None = None
        self._relay: _Relay | None = None

    def _run(self) -> None:
        """On the worker thread."""
        result: object = None
        error: BaseException | None = None
        try:
            result = self.work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back, or the task would never answer
            error = exc
        relay = self._relay
        if relay is not None:
            relay.finished.emit(result, error)

    def _deliver(self, result: object, error: BaseException | None) -> None:
        """On the GUI thread."""
        self.running = False
        with _lock:
            _running.discard(self)
        self._relay = None
        if error is not None:
            self.error = error
            if self.on_error is not None:
                self.on_error(error)
            else:
                log.error("background task %s failed", self.name, exc_info=error)
            return
        self.result = result  # type: ignore[assignment]  # what work() returned
        if self.on_done is not None:
            self.on_done(result)  # type: ignore[arg-type]


def run_in_background(
    work: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    name: str = "",
) -> Task[T]:
    """Run ``work()`` on a worker thread; then ``on_done(result)`` or ``on_error(exception)`` on
    the GUI thread. Call from the GUI thread. An error with no ``on_error`` is logged."""
    task: Task[T] = Task(work, on_done, on_error, name or getattr(work, "__name__", "task"))
    if _inline:
        result: object = None
        error: BaseException | None = None
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - same contract as the threaded path
            error = exc
        task._deliver(result, error)
        return task
    task._relay = _Relay(task)
    with _lock:
        _running.add(task)
    QThreadPool.globalInstance().start(task._run)
    return task


def running() -> int:
    """How many tasks have not answered yet."""
    with _lock:
        return len(_running)


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Wait (processing events, so answers are delivered) until every task has answered, or the
    time is up. True when none is left. For shut-down and tests."""
    deadline = QDeadlineTimer(timeout_ms)
    while running():
        if deadline.hasExpired():
            return False
        QThreadPool.globalInstance().waitForDone(20)
        QCoreApplication.processEvents()
    return True


@contextmanager
def run_inline(enabled: bool = True) -> Iterator[None]:
    """Within the block, tasks run at once on the calling thread (tests)."""
    global _inline
    before = _inline
    _inline = enabled
    try:
        yield
    finally:
        _inline = before

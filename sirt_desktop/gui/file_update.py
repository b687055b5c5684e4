"""The shape every File → Update… command shares: choose a file, check it, then apply it.

Checking and applying a file (a 650-row MP list, a content pack) is slow work, so it runs in
the background (``gui.tasks``) while the window keeps answering; ``busy`` shows that it is
under way and keeps a second update from starting meanwhile. Questions and answers come back
to the GUI thread.

A subclass either implements ``apply(path) -> bool`` (quick work, on the GUI thread), or
calls ``self.in_background(work, then, message)`` from ``start(path)`` for each slow step and
``self.finish(changed)`` at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sirt_desktop.gui import tasks
from sirt_desktop.gui.prompts import Prompts

log = logging.getLogger(__name__)

Busy = Callable[[str | None], None]


class UpdateOutcome:
    """What an update came to: ``changed`` is None while it is still running."""

    def __init__(self) -> None:
        self.changed: bool | None = None

    def wait(self, timeout_ms: int = 15_000) -> bool | None:
        """Let the background steps finish (processing events), then say what happened (tests)."""
        tasks.wait_for_all(timeout_ms)
        return self.changed


class FileUpdateController:
    title = "Choose a file"
    file_filter = "All files (*)"
    not_changed = "Nothing was changed"

    def __init__(
        self, prompts: Prompts, on_updated: Callable[[], None] | None = None, busy: Busy | None = None
    ) -> None:
        self.prompts = prompts
        self.on_updated = on_updated
        self.busy = busy or (lambda _message: None)
        self.outcome = UpdateOutcome()

    def run(self, path: str | None = None) -> UpdateOutcome:
        """Ask for the file (unless given), then check and apply it."""
        self.outcome = UpdateOutcome()
        if path is None:
            path = self.prompts.open_path(self.title, self.file_filter)
            if not path:
                self.outcome.changed = False
                return self.outcome
        self.start(path)
        return self.outcome

    def start(self, path: str) -> None:
        self.finish(self.apply(path))

    def apply(self, path: str) -> bool:  # pragma: no cover - for subclasses that do quick work
        raise NotImplementedError

    def finish(self, changed: bool) -> None:
        self.busy(None)
        self.outcome.changed = changed
        if changed and self.on_updated:
            self.on_updated()

    def in_background(self, work: Callable[[], Any], then: Callable[[Any], None], message: str) -> None:
        """``work()`` off the GUI thread with ``message`` showing; ``then(result)`` back on it."""
        self.busy(message)

        def failed(exc: BaseException) -> None:
            log.error("%s failed", type(self).__name__, exc_info=exc)
            reason = (
                exc.strerror if isinstance(exc, OSError) and exc.strerror else "something went wrong inside the app"
            )
            self.finish(False)
            self.prompts.problem(f"{self.not_changed}: {reason}.")

        def done(result: Any) -> None:
            self.busy(None)
            then(result)

        tasks.run_in_background(work, done, failed, name=type(self).__name__)

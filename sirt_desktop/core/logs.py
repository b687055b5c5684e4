"""Logging to a file in the log folder. Letter text is never logged.

Logging never stops the app. If the log folder or file cannot be written (for example after
the app was once run with ``sudo``, so the file belongs to root, or on a full disk), warnings
and errors go to standard error instead, and one line says so; ``log_problem()`` gives the
same sentence for the window's "View log". The log file is owner-only (0600), like everything
else the app keeps, and the person's home folder is written as ``~`` in it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sirt_desktop.core import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 3

UNWRITABLE = (
    "SIRT Desktop: the log file {path} cannot be written ({reason}); warnings go to the screen "
    "(standard error) instead. Everything else works as usual."
)


def rotate(path: str, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> bool:
    """Keep the log small: when it has grown past ``max_bytes``, shift it to ``.1`` (``.1`` to
    ``.2``…) before this run writes. Done once at start rather than per message, which keeps
    ``logging.handlers`` (and its imports) out of start-up; one run never writes megabytes.
    A log that cannot be moved is left where it is."""
    try:
        if os.path.getsize(path) < max_bytes:
            return False
        for index in range(backups - 1, 0, -1):
            older = f"{path}.{index}"
            if os.path.exists(older):
                os.replace(older, f"{path}.{index + 1}")
        os.replace(path, f"{path}.1")
    except OSError:
        return False
    return True


class _HomeAsTilde(logging.Formatter):
    """Writes the person's home folder (which holds their user name) as ``~``."""

    def __init__(self) -> None:
        super().__init__(_FORMAT)
        home = str(Path.home())
        self._home = home if len(home) > 1 else ""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text.replace(self._home, "~") if self._home else text


class _FileHandler(logging.FileHandler):
    """A file handler that, the first time a message cannot be written (a full disk, say),
    hands over to standard error instead of printing "--- Logging error ---" every time."""

    def __init__(
        self, filename: str, fallback: Callable[[logging.Handler, BaseException | None, logging.LogRecord], None]
    ) -> None:
        super().__init__(filename, encoding="utf-8")
        self._fallback = fallback

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        reason = sys.exc_info()[1]
        self._fallback(self, reason, record)


_configured_for: str | None = None
_problem: str | None = None


def log_problem() -> str | None:
    """Why the log is not being written to its file, in one sentence (None if it is)."""
    return _problem


def _owner_only_file(target: str) -> None:
    """Create the log owner-only, or take group and other permissions off an existing one."""
    if os.name != "posix":
        return
    try:
        fd = os.open(target, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError:
        return  # the handler's own open will say why
    try:
        mode = os.stat(target).st_mode & 0o777
        if mode & 0o077:
            os.chmod(target, mode & 0o700)
    except OSError:
        pass


def _stderr_handler(level: int) -> logging.Handler:
    stream = logging.StreamHandler(sys.stderr)
    stream.setFormatter(_HomeAsTilde())
    stream.setLevel(level)
    stream._sirt_desktop = True  # type: ignore[attr-defined]
    return stream


def _give_up_on_file(root: logging.Logger, path: str, reason: BaseException | str | None) -> None:
    """Say once that the log cannot be written, then send warnings to standard error."""
    global _problem
    text = getattr(reason, "strerror", None) or str(reason or "unknown reason")
    _problem = UNWRITABLE.format(path=path, reason=text)
    with contextlib.suppress(OSError, ValueError):
        print(_problem, file=sys.stderr)
    if not any(
        isinstance(h, logging.StreamHandler)
        and not isinstance(h, logging.FileHandler)
        and getattr(h, "stream", None) is sys.stderr
        for h in root.handlers
    ):
        root.addHandler(_stderr_handler(logging.WARNING))


def setup_logging(console: bool = False, level: int = logging.INFO) -> logging.Logger:
    """Send the app's log to ``log_dir()/sirt-desktop.log`` (rotated at 1 MB, 3 old files kept),
    or to standard error if that cannot be written. Safe to call twice; never raises."""
    global _configured_for, _problem
    root = logging.getLogger("sirt_desktop")
    try:
        target = str(paths.log_file())
    except OSError as exc:  # the log folder cannot be created
        target = str(paths.log_dir(create=False) / "sirt-desktop.log")
        failure: BaseException | None = exc
    else:
        failure = None
    if _configured_for == target:
        return root
    for handler in list(root.handlers):
        if getattr(handler, "_sirt_desktop", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    _problem = None
    _configured_for = target

    def fall_back(handler: logging.Handler, reason: BaseException | None, record: logging.LogRecord | None) -> None:
        if handler in root.handlers:
            root.removeHandler(handler)
            handler.close()
        _give_up_on_file(root, target, reason)
        if record is not None and record.levelno >= logging.WARNING:
            for other in root.handlers:
                if other.level <= record.levelno:
                    other.handle(record)

    if failure is None:
        rotate(target)
        _owner_only_file(target)
        try:
            file_handler = _FileHandler(target, fall_back)
        except OSError as exc:
            failure = exc
        else:
            file_handler.setFormatter(_HomeAsTilde())
            file_handler._sirt_desktop = True  # type: ignore[attr-defined]
            root.addHandler(file_handler)
    if console:
        root.addHandler(_stderr_handler(level))
    if failure is not None:
        _give_up_on_file(root, target, failure)
    return root

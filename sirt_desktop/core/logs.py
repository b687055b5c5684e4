"""Logging to a rotating file in the log folder. Letter text is never logged."""

from __future__ import annotations

import logging
import os

from sirt_desktop.core import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 3


def rotate(path: str, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> bool:
    """Keep the log small: when it has grown past ``max_bytes``, shift it to ``.1`` (``.1`` to
    ``.2``…) before this run writes. Done once at start rather than per message, which keeps
    ``logging.handlers`` (and its imports) out of start-up; one run never writes megabytes."""
    try:
        if os.path.getsize(path) < max_bytes:
            return False
    except OSError:
        return False
    for index in range(backups - 1, 0, -1):
        older = f"{path}.{index}"
        if os.path.exists(older):
            os.replace(older, f"{path}.{index + 1}")
    os.replace(path, f"{path}.1")
    return True


_configured_for: str | None = None


def setup_logging(console: bool = False, level: int = logging.INFO) -> logging.Logger:
    """Send the app's log to ``log_dir()/sirt-desktop.log`` (rotated at 1 MB, 3 old files kept).
    Safe to call twice."""
    global _configured_for
    target = str(paths.log_file())
    root = logging.getLogger("sirt_desktop")
    if _configured_for == target:
        return root
    for handler in list(root.handlers):
        if getattr(handler, "_sirt_desktop", False):
            root.removeHandler(handler)
            handler.close()
    rotate(target)
    file_handler = logging.FileHandler(target, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._sirt_desktop = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(_FORMAT))
        stream._sirt_desktop = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    root.setLevel(level)
    _configured_for = target
    return root

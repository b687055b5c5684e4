"""Logging to a rotating file in the log folder. Letter text is never logged."""

from __future__ import annotations

import logging
import logging.handlers

from sirt_desktop.core import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_configured_for: str | None = None


def setup_logging(console: bool = False, level: int = logging.INFO) -> logging.Logger:
    """Send the app's log to ``log_dir()/sirt-desktop.log`` (1 MB × 3 files). Safe to call twice."""
    global _configured_for
    target = str(paths.log_file())
    root = logging.getLogger("sirt_desktop")
    if _configured_for == target:
        return root
    for handler in list(root.handlers):
        if getattr(handler, "_sirt_desktop", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
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

"""The app and its CLI as real processes, the way a person or CI starts them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _env(**extra):
    env = dict(os.environ)
    env.update(extra)
    return env


def test_version_needs_no_display():
    env = _env()
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    result = subprocess.run(
        [sys.executable, "-m", "sirt_desktop", "--version"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for word in ("SIRT Desktop 0.", "Python 3.", "Qt 6.", "PySide6 6.", "SQLAlchemy 2.", "ReportLab "):
        assert word in out, word
    assert "Traceback" not in result.stderr


def test_app_opens_and_closes_cleanly(tmp_path):
    env = _env(QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "sirt_desktop", "--no-crash-dialog", "--quit-after-ms", "1500"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    home = os.environ["SIRT_DESKTOP_HOME"]
    log_text = Path(home, "logs", "sirt-desktop.log").read_text(encoding="utf-8")
    assert "starting" in log_text
    # The database was created and migrated just after the first screen appeared.
    assert os.path.exists(os.path.join(home, "data", "sirt-desktop.sqlite3"))
    assert "Traceback" not in result.stderr


def test_unexpected_error_without_dialog_exits_non_zero():
    """--no-crash-dialog: an uncaught exception is logged and the app exits 1 (for CI)."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from sirt_desktop.gui import app as gui_app\n"
        "orig = gui_app.build_window\n"
        "def boom(*a, **k):\n"
        "    shell = orig(*a, **k)\n"
        "    QTimer.singleShot(50, lambda: 1 / 0)\n"
        "    return shell\n"
        "gui_app.build_window = boom\n"
        "sys.exit(gui_app.run(crash_dialog=False, quit_after_ms=5000))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(QT_QPA_PLATFORM="offscreen"), timeout=60
    )
    assert result.returncode == 1
    assert "ZeroDivisionError" in result.stderr
    home = os.environ["SIRT_DESKTOP_HOME"]
    assert "ZeroDivisionError" in Path(home, "logs", "sirt-desktop.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv", [["--help"], ["lookup", "--help"], ["letter", "--help"], ["data", "--help"]])
def test_cli_help_works_headless(argv):
    result = subprocess.run([sys.executable, "-m", "sirt_desktop", *argv], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "usage" in result.stdout.lower()

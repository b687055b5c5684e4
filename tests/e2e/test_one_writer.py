"""One writer at a time: one window per data folder, and a stale save never applied.

Real processes on one data folder: a second start brings the first window forward and exits;
a copy killed with ``kill -9`` does not block the next start; and while one window has a
letter open, a second program saving the same letter (another computer on a shared database,
a script) never has its words overwritten, nor loses the window's.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="POSIX processes")]

ROOT = Path(__file__).resolve().parents[2]

# Runs inside the real app: open letter 1 in the writer, say READY, then (when the flag file
# appears) type with real key events, wait for the autosave and say DONE.
DRIVER = r"""
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from sirt_desktop.gui import app as gui_app

flag = Path(sys.argv[1])
original = gui_app.build_window

def build(*args, **kwargs):
    shell = original(*args, **kwargs)

    def act():
        shell.open_letter(1)
        page = shell.window.page("write")
        body = page.write_step.body
        body.setFocus()
        cursor = body.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        body.setTextCursor(cursor)
        print("READY", flush=True)
        poll = QTimer(shell.window)

        def check():
            if flag.exists():
                poll.stop()
                QTest.keyClicks(body, " BRAVOWORDS")
                QTimer.singleShot(3000, lambda: (print("DONE " + page.saved.text(), flush=True)))
        poll.timeout.connect(check)
        poll.start(100)
    QTimer.singleShot(300, act)
    return shell

gui_app.build_window = build
sys.exit(gui_app.run(crash_dialog=False))
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SIRT_DESKTOP_HOME=str(home))
    env.pop("SIRT_DESKTOP_DATABASE_URL", None)
    return env


def _wait_for(proc: subprocess.Popen, word: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith(word):
            return line
        if not line and proc.poll() is not None:
            raise AssertionError(f"app exited before {word}: {proc.stderr.read()}")
    raise AssertionError(f"timed out waiting for {word}")


def _app(home: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sirt_desktop", "--no-crash-dialog", *args],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _log(home: Path) -> str:
    path = home / "logs" / "sirt-desktop.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_second_start_brings_the_first_window_forward_and_exits(tmp_path):
    home = tmp_path / "home"
    first = _app(home, "--quit-after-ms", "60000")
    try:
        deadline = time.monotonic() + 60
        while "starting" not in _log(home) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.0)  # let the first window listen
        second = subprocess.run(
            [sys.executable, "-m", "sirt_desktop", "--no-crash-dialog", "--quit-after-ms", "60000"],
            cwd=ROOT,
            env=_env(home),
            capture_output=True,
            text=True,
            timeout=90,
        )
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stderr
        assert "Traceback" not in second.stderr
        deadline = time.monotonic() + 20
        while "brought this window forward" not in _log(home) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "brought this window forward" in _log(home)
        assert first.poll() is None  # the first copy carries on
    finally:
        first.kill()
        first.wait(timeout=30)


def test_a_copy_killed_with_kill_9_does_not_block_the_next_start(tmp_path):
    home = tmp_path / "home"
    first = _app(home, "--quit-after-ms", "60000")
    deadline = time.monotonic() + 60
    while "starting" not in _log(home) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    again = subprocess.run(
        [sys.executable, "-m", "sirt_desktop", "--no-crash-dialog", "--quit-after-ms", "2500"],
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert again.returncode == 0, again.stderr
    assert "already open" not in again.stderr


def test_two_programs_on_one_letter_never_overwrite_each_other(tmp_path):
    home = tmp_path / "home"
    seed = (
        "from sirt_desktop.core.db.engine import Database\n"
        "from sirt_desktop.core.db.letters_repo import LettersRepository\n"
        "from sirt_desktop.core.letters.model import Letter\n"
        "from sirt_desktop.core.letters.schema import letter_to_dict\n"
        "db = Database.open(); letter = Letter(kind='mp_campaign', body='Typed here.')\n"
        "letter.sender.name = 'Ann Jones'\n"
        "LettersRepository(db).create_draft('mp_campaign', letter_to_dict(letter), body=letter.body); db.close()\n"
    )
    subprocess.run([sys.executable, "-c", seed], cwd=ROOT, env=_env(home), check=True)
    flag = tmp_path / "go"
    window = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(flag)],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(window, "READY")
        other = (
            "from sirt_desktop.core.db.engine import Database\n"
            "from sirt_desktop.core.db.letters_repo import LettersRepository\n"
            "from sirt_desktop.core.letters.drafts import DraftStore\n"
            "db = Database.open(); store = DraftStore(LettersRepository(db))\n"
            "letter = store.load(1); letter.body += ' ALPHAWORDS'; store.save(1, letter); db.close()\n"
        )
        subprocess.run([sys.executable, "-c", other], cwd=ROOT, env=_env(home), check=True)
        flag.touch()
        done = _wait_for(window, "DONE")
        assert "changed somewhere else" in done
    finally:
        window.kill()
        window.wait(timeout=30)
    con = sqlite3.connect(home / "data" / "sirt-desktop.sqlite3")
    try:
        bodies = sorted(row[0] for row in con.execute("SELECT body FROM letters"))
    finally:
        con.close()
    assert bodies == ["Typed here. ALPHAWORDS", "Typed here. BRAVOWORDS"]

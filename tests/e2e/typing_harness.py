"""Real typing into the real app under Xvfb, then ``kill -9``: what was saved?

Shared by ``tests/e2e/test_autosave_kill.py`` (a few trials; asserts the saved text is an exact
prefix of what was typed and the database is intact) and ``bench/autosave_kill.py`` (many
trials; prints how many characters each kill lost).

The app runs as a whole process on an X server (``DISPLAY``, ``QT_QPA_PLATFORM=xcb``). Key
presses come from ``xdotool``, as from a keyboard. The app reports, on stdout, the length of the
letter after every change it received (``LEN n``), each autosave write's duration (``SAVE ms``, on
the background lane) and any turn of the event loop that came late (``LAG ms`` with where the GUI
thread was meanwhile, sampled every 5 ms), so the harness knows exactly how much the app
had been given when it was killed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

DISPLAY_NUMBER = 37
TEXT = (
    "my husband was told in march that the tumours in his liver had grown and that sirt "
    "might help him but our hospital says it is not funded here and we would have to travel "
    "a long way to be seen please ask the health secretary why patients in one nation can have "
    "this treatment and we cannot and please write back to tell me what you will do "
) * 4

# Runs inside the real app: open "Write a letter" at step 4, focus the letter, report changes.
DRIVER = r"""
import collections, sys, threading, time
from PySide6.QtCore import QTimer
from sirt_desktop.gui import app as gui_app

original = gui_app.build_window

def build(*args, **kwargs):
    shell = original(*args, **kwargs)

    def act():
        shell.window.show_section("write")
        page = shell.window.page("write")
        controller = shell.writer
        body = page.write_step.body
        if sys.argv[1] == "report":
            print("BODY:" + body.toPlainText().replace("\n", "\\n"), flush=True)
            shell.window.close()
            return
        page.sender_step.name.setText("Ann Jones")
        page.go(3)
        if sys.argv[1] == "type-without-saving":  # the control: the same typing, no autosave at all
            controller.keeping = False
        body.textChanged.connect(lambda: print(f"LEN {len(body.toPlainText())}", flush=True))
        drafts = controller.drafts
        if drafts is not None:
            inner = drafts.save

            def timed_save(*a, **k):
                start = time.perf_counter()
                try:
                    return inner(*a, **k)
                finally:
                    print(f"SAVE {(time.perf_counter() - start) * 1000:.2f}", flush=True)

            drafts.save = timed_save
        last = [time.perf_counter()]
        main = threading.main_thread().ident
        seen = collections.deque(maxlen=400)  # (time, where the GUI thread was), every 5 ms

        def sample():
            while True:
                frame = sys._current_frames().get(main)
                where = "event loop"
                while frame is not None:
                    code = frame.f_code
                    if "sirt_desktop" in code.co_filename or "reportlab" in code.co_filename:
                        where = f"{code.co_filename.rsplit('/', 2)[-1]}:{code.co_name}"
                        break
                    frame = frame.f_back
                seen.append((time.perf_counter(), where))
                time.sleep(0.005)

        threading.Thread(target=sample, daemon=True).start()

        def tick():
            now = time.perf_counter()
            late = (now - last[0]) * 1000 - 10
            if late > 30:
                during = collections.Counter(w for t, w in list(seen) if last[0] <= t <= now)
                top = ",".join(f"{w}={n}" for w, n in during.most_common(2))
                print(f"LAG {late:.1f} {top}", flush=True)
            last[0] = now

        ticker = QTimer(shell.window)
        ticker.setInterval(10)
        ticker.timeout.connect(tick)
        ticker.start()
        shell.window.raise_()
        shell.window.activateWindow()
        body.setFocus()

        def ready():
            print(f"READY {int(shell.window.winId())}", flush=True)

        QTimer.singleShot(300, ready)

    QTimer.singleShot(200, act)
    return shell

gui_app.build_window = build
sys.exit(gui_app.run(crash_dialog=False))
"""


class HarnessUnavailableError(RuntimeError):
    """Xvfb or xdotool is missing (the test skips; the bench says so)."""


def _answers(number: int) -> bool:
    env = dict(os.environ, DISPLAY=f":{number}")
    return subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode == 0


def ensure_display(number: int = DISPLAY_NUMBER) -> subprocess.Popen | None:
    """Start Xvfb on ``:number`` unless a server already answers there. Returns the process
    started (to stop later), or None if one was already running."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            raise HarnessUnavailableError(f"{tool} is not installed (scripts/install-system-deps.sh --test)")
    if Path(f"/tmp/.X11-unix/X{number}").exists() and _answers(number):
        return None
    proc = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if _answers(number):
            return proc
        time.sleep(0.05)
    proc.kill()
    raise HarnessUnavailableError(f"Xvfb did not start on :{number}")


@dataclass
class Trial:
    pattern: str
    kill_after: float  # seconds of typing before the kill
    received: int = 0  # characters the app had received when it was killed
    saved: str = ""
    integrity: str = ""
    saves_ms: list[float] = field(default_factory=list)
    lags_ms: list[float] = field(default_factory=list)
    lag_places: list[str] = field(default_factory=list)  # where the GUI thread was during each
    keys_per_second: float = 0.0
    typed_for: float = 0.0  # seconds of typing before the kill
    seconds_lost: float = 0.0  # from the first unsaved character reaching the app to the kill

    @property
    def lost(self) -> int:
        return self.received - len(self.saved)

    @property
    def is_prefix(self) -> bool:
        return TEXT[: self.received].startswith(self.saved)


class _Reader(threading.Thread):
    def __init__(self, proc: subprocess.Popen) -> None:
        super().__init__(daemon=True)
        self.proc = proc
        self.lines: list[tuple[float, str]] = []
        self.ready = threading.Event()
        self.window = ""

    def run(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            line = line.strip()
            self.lines.append((time.monotonic(), line))
            if line.startswith("READY"):
                self.window = line.split()[1]
                self.ready.set()


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, DISPLAY=f":{DISPLAY_NUMBER}", QT_QPA_PLATFORM="xcb", SIRT_DESKTOP_HOME=str(home))
    env.pop("SIRT_DESKTOP_DATABASE_URL", None)
    return env


def _type(text: str, delay_ms: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        ["xdotool", "type", "--delay", str(delay_ms), "--", text],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def saved_state(home: Path) -> tuple[str, str]:
    """(the newest letter's body, ``PRAGMA integrity_check``) read straight from the file."""
    db = home / "data" / "sirt-desktop.sqlite3"
    if not db.exists():
        return "", "no file"
    con = sqlite3.connect(db)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        try:
            row = con.execute("SELECT body FROM letters ORDER BY updated_at DESC, id DESC LIMIT 1").fetchone()
        except sqlite3.OperationalError:  # the schema was never created
            row = None
    finally:
        con.close()
    return (row[0] if row else ""), integrity


def run_trial(
    pattern: str,
    kill_after: float,
    home: Path,
    python: str = sys.executable,
    start_timeout: float = 90.0,
    saving: bool = True,
) -> Trial:
    """One trial: start the app, type with ``pattern`` ("steady": a key every 150 ms; "pauses":
    a key every 200 ms with a 1.5 s pause every 30 keys), ``kill -9`` it ``kill_after`` seconds
    into the typing, then read what the database holds. ``saving=False`` is the control: the
    same typing with autosave switched off, to compare the window's responsiveness."""
    home.mkdir(parents=True, exist_ok=True)
    env = _env(home)
    trial = Trial(pattern, kill_after)
    errors = home / "app-stderr.txt"
    with open(errors, "w") as err:
        app = subprocess.Popen(
            [python, "-c", DRIVER, "type" if saving else "type-without-saving"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    reader = _Reader(app)
    reader.start()
    typist: subprocess.Popen | None = None
    try:
        deadline = time.monotonic() + start_timeout
        while not reader.ready.wait(0.2):
            if app.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "the app did not open the letter writer: " + errors.read_text(errors="replace")[-2000:]
                )
        subprocess.run(["xdotool", "windowfocus", "--sync", reader.window], env=env, capture_output=True, timeout=10)
        start = time.monotonic()
        deadline = start + kill_after
        if pattern == "steady":
            typist = _type(TEXT, 300, env)  # xdotool waits half the delay after each press and release
            time.sleep(max(0.0, deadline - time.monotonic()))
        elif pattern == "pauses":
            offset = 0
            while time.monotonic() < deadline and offset < len(TEXT):
                chunk = TEXT[offset : offset + 30]
                offset += len(chunk)
                typist = _type(chunk, 400, env)
                while typist.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.01)
                if time.monotonic() < deadline:
                    time.sleep(min(1.5, max(0.0, deadline - time.monotonic())))
        else:
            raise ValueError(pattern)
        killed_at = time.monotonic()
        typed_for = killed_at - start
        os.kill(app.pid, signal.SIGKILL)
    finally:
        if typist is not None and typist.poll() is None:
            typist.kill()
        if app.poll() is None:
            app.kill()
        app.wait(timeout=30)
        if typist is not None:
            typist.wait(timeout=10)
    reader.join(timeout=5)
    arrivals: list[tuple[float, int]] = []
    for when, line in reader.lines:
        kind, _, value = line.partition(" ")
        if kind == "LEN":
            trial.received = int(value)
            arrivals.append((when, trial.received))
        elif kind == "SAVE":
            trial.saves_ms.append(float(value))
        elif kind == "LAG":
            late, _, where = value.partition(" ")
            trial.lags_ms.append(float(late))
            trial.lag_places.append(where)
    trial.typed_for = typed_for
    trial.keys_per_second = trial.received / typed_for if typed_for > 0 else 0.0
    trial.saved, trial.integrity = saved_state(home)
    first_unsaved = next((when for when, n in arrivals if n > len(trial.saved)), None)
    trial.seconds_lost = max(0.0, killed_at - first_unsaved) if first_unsaved is not None else 0.0
    return trial


def random_kill_times(count: int, seed: int, low: float = 1.0, high: float = 12.0) -> list[float]:
    rng = random.Random(seed)
    return [round(rng.uniform(low, high), 2) for _ in range(count)]

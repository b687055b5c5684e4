"""Drive the real app process from outside: an X server (Xvfb), the xcb platform, real key
presses (xdotool), and checks on what a person would see or get (windows, printed files, the
database, the log).

    with XServer.start() as x:
        app = App(x, home, artifacts).start()
        app.key("ctrl+5")
        app.type("Mrs Ann Jones")
        app.wait_window("Print")
        app.quit()

There is no window manager, so nothing gives a window the keyboard when a dialog closes.
Before each key press the harness gives it to the newest window of the app that is showing
(a dialog above the main window), as a person would by clicking on it.

Waits poll a condition until a generous deadline (CI machines are slow and shared); a wait
that runs out fails with what it was waiting for, never a fixed sleep standing in for a check.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.journeys.xserver import DEADLINE, JourneyError, Pinger, XServer, missing_tools, wait_for

__all__ = ["App", "JourneyError", "Window", "XServer", "missing_tools", "pdf_lines", "pdf_text", "wait_for"]


@dataclass
class Window:
    id: int
    name: str
    width: int
    height: int
    popup: bool  # override-redirect: a menu, a drop-down list or a tooltip


# The app --------------------------------------------------------------------------------------
class App:
    """One run of the real app (``python -m sirt_desktop``) on the X server."""

    def __init__(
        self,
        x: XServer,
        home: Path,
        artifacts: Path,
        python: str | None = None,
        env: dict[str, str] | None = None,
        crash_dialog: bool = False,
    ) -> None:
        self.x = x
        self.home = home
        self.artifacts = artifacts
        self.python = python or sys.executable
        self.extra_env = env or {}
        self.crash_dialog = crash_dialog
        self.process: subprocess.Popen | None = None
        self.main_id: int | None = None
        self.keys_sent = 0
        self.stdout_path = artifacts / "app-stdout.txt"
        self.stderr_path = artifacts / "app-stderr.txt"
        self.shots = 0
        self.pinger: Pinger | None = None

    # Starting and stopping --------------------------------------------------------------------
    def start(self, wait: bool = True) -> App:
        self.home.mkdir(parents=True, exist_ok=True)
        self.artifacts.mkdir(parents=True, exist_ok=True)
        env = self.x.env()
        env.update(
            {
                "QT_QPA_PLATFORM": "xcb",
                "SIRT_DESKTOP_HOME": str(self.home),
                "LANG": "en_GB.UTF-8",
                "PYTHONFAULTHANDLER": "1",
            }
        )
        env.pop("SIRT_DESKTOP_DATABASE_URL", None)
        env.update(self.extra_env)
        args = [self.python, "-m", "sirt_desktop"]
        if not self.crash_dialog:
            args.append("--no-crash-dialog")
        # Appended to across restarts of the same home, so a restart keeps the first run's output.
        self._out = open(self.stdout_path, "a", encoding="utf-8")  # noqa: SIM115
        self._err = open(self.stderr_path, "a", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(args, env=env, stdout=self._out, stderr=self._err, stdin=subprocess.DEVNULL)
        self.main_id = None
        if wait:
            self.main_id = wait_for(self._find_main, "the SIRT Desktop window to appear", check=self.check_running).id
            self.wait_focus_ready()
        return self

    def _find_main(self) -> Window | None:
        for window in self.windows():
            if window.name == "SIRT Desktop" and not window.popup:
                return window
        return None

    def wait_focus_ready(self) -> None:
        """The first screen is up when the window answers and can take the keyboard."""
        self.settle()
        self.focus_top()

    def settle(self, timeout: float = DEADLINE) -> float:
        """Wait until the app has handled every key sent so far, and what a button pressed by
        its underlined letter does (Qt presses it 100 ms later, as if animated). Returns how
        long the app took to answer."""
        if self.pinger is None:
            self.pinger = Pinger(self.x.display)
        target = self.main_id or self._find_main().id
        answered = self.pinger.ping(target, timeout)
        if answered is None:
            self.check_running()
            raise JourneyError(f"the app did not answer for {timeout:.0f} s (frozen?)")
        time.sleep(0.15)
        again = self.pinger.ping(target, timeout)
        if again is None:
            self.check_running()
            raise JourneyError(f"the app did not answer for {timeout:.0f} s (frozen?)")
        return answered + again

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def check_running(self) -> None:
        if self.process is not None and self.process.poll() is not None:
            raise JourneyError(f"the app exited with status {self.process.returncode}:\n{self.stderr()[-4000:]}")

    def wait_exit(self, timeout: float = DEADLINE) -> int:
        assert self.process is not None
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise JourneyError(f"the app did not exit within {timeout:.0f} s") from exc

    def quit(self, leave_unkept: bool = False) -> int:
        """Ctrl+Q, as a person quits; returns the exit status. With ``leave_unkept``, the
        question whether to go on without a caller's letter that is not kept ("This letter is
        not kept") is answered Yes, as a volunteer who means to quit would; any other question
        is left showing, so the wait fails and names it."""
        self.key("ctrl+q", settle=False)
        if not leave_unkept:
            return self.wait_exit()
        deadline = time.monotonic() + DEADLINE
        while True:
            try:
                return self.wait_exit(timeout=3)
            except JourneyError:
                if time.monotonic() > deadline:
                    names = [w.name for w in self.dialogs()]
                    raise JourneyError(f"the app did not exit within {DEADLINE:.0f} s; showing: {names}") from None
            if self.window_named(r"^This letter is not kept$") is not None:
                self.focus_top()
                self.key("alt+y", settle=False)

    def kill(self, sig: int = signal.SIGKILL) -> int:
        assert self.process is not None
        os.kill(self.process.pid, sig)
        return self.wait_exit()

    def stop(self) -> None:
        """Make sure the process is gone (used after a test, pass or fail)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        if self.pinger is not None:
            self.pinger.close()
            self.pinger = None
        for handle in (getattr(self, "_out", None), getattr(self, "_err", None)):
            if handle is not None:
                handle.close()

    def stderr(self) -> str:
        with contextlib.suppress(AttributeError, ValueError):
            self._err.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace") if self.stderr_path.exists() else ""

    # Windows -----------------------------------------------------------------------------------
    def windows(self) -> list[Window]:
        """The app's windows that are showing, oldest first (X gives each new window a higher id)."""
        if not self.running():
            return []
        found = self.x.run(
            ["xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.pid), "--name", ""], check=False
        )
        result = []
        for line in found.stdout.split():
            window = self._describe(int(line))
            if window is not None and window.width > 1 and window.height > 1:
                result.append(window)
        return sorted(result, key=lambda w: w.id)

    def _describe(self, wid: int) -> Window | None:
        info = self.x.run(["xwininfo", "-id", str(wid)], check=False)
        if info.returncode != 0 or "IsViewable" not in info.stdout:
            return None
        name = re.search(r'xwininfo: Window id: \S+ (?:"(.*)"|\(has no name\))', info.stdout)
        width = re.search(r"Width: (\d+)", info.stdout)
        height = re.search(r"Height: (\d+)", info.stdout)
        popup = re.search(r"Override Redirect State: (\w+)", info.stdout)
        return Window(
            wid,
            (name.group(1) or "") if name else "",
            int(width.group(1)) if width else 0,
            int(height.group(1)) if height else 0,
            bool(popup and popup.group(1) == "yes"),
        )

    def dialogs(self) -> list[Window]:
        return [w for w in self.windows() if not w.popup and w.id != self.main_id]

    def window_named(self, pattern: str) -> Window | None:
        rx = re.compile(pattern)
        return next((w for w in self.windows() if not w.popup and w.id != self.main_id and rx.search(w.name)), None)

    def wait_window(self, pattern: str, timeout: float = DEADLINE, grace: float = 3.0) -> Window:
        """A dialog whose title matches ``pattern`` is showing; it then has the keyboard. Another
        dialog showing instead for ``grace`` seconds fails at once, naming it."""
        rx = re.compile(pattern)
        other_since: dict[int, float] = {}

        def seen() -> Window | None:
            now = time.monotonic()
            for window in self.dialogs():
                if rx.search(window.name):
                    return window
                first = other_since.setdefault(window.id, now)
                if now - first > grace:
                    self.screenshot(f"unexpected-{window.name}")
                    raise JourneyError(f"expected a window titled /{pattern}/, but {window.name!r} is showing")
            return None

        window = wait_for(seen, f"a window titled /{pattern}/", timeout, check=self.check_running)
        self.settle()
        self.focus_top()
        return window

    def wait_no_window(self, pattern: str, timeout: float = DEADLINE) -> None:
        wait_for(
            lambda: self.window_named(pattern) is None,
            f"the window /{pattern}/ to close",
            timeout,
            check=self.check_running,
        )

    def wait_no_dialogs(self, timeout: float = DEADLINE) -> None:
        wait_for(lambda: not self.dialogs(), "every dialog to close", timeout, check=self.check_running)

    def focused(self) -> int | None:
        result = self.x.run(["xdotool", "getwindowfocus", "-f"], check=False)
        try:
            return int(result.stdout.strip())
        except ValueError:
            return None

    def focus_top(self) -> Window | None:
        """Give the keyboard to the newest showing window (a dialog above the main window), as a
        person clicks a window to type in it. An open menu or list keeps the keyboard (it has
        grabbed it)."""
        windows = self.windows()
        if any(w.popup for w in windows):
            return None
        candidates = [w for w in windows if not w.popup]
        if not candidates:
            return None
        top = candidates[-1]
        if self.focused() != top.id:
            self.x.run(["xdotool", "windowfocus", "--sync", str(top.id)], check=False)
        return top

    # Keys -------------------------------------------------------------------------------------
    def key(self, *keys: str, delay_ms: int = 40, settle: bool = True) -> None:
        """Press keys as xdotool names them: ``"Tab"``, ``"alt+n"``, ``"ctrl+plus"``, ``"Return"``,
        then wait until the app has handled them (``settle=False`` to go on at once)."""
        self.check_running()
        self.focus_top()
        self.x.run(["xdotool", "key", "--delay", str(delay_ms), *keys])
        self.keys_sent += len(keys)
        if settle:
            self.settle()

    def type(self, text: str, delay_ms: int = 12, settle: bool = True) -> None:
        """Type text key by key (a newline is the Return key), then wait for the app to take it."""
        self.check_running()
        self.focus_top()
        for part in re.split(r"(\n)", text):
            if part == "\n":
                self.x.run(["xdotool", "key", "Return"])
                self.keys_sent += 1
            elif part:
                self.x.run(["xdotool", "type", "--delay", str(delay_ms), "--", part], timeout=120)
                self.keys_sent += len(part)
        if settle:
            self.settle()

    def screenshot(self, label: str) -> Path | None:
        self.shots += 1
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", label)[:60]
        windows = [w.id for w in self.windows()]
        return self.x.screenshot(self.artifacts / f"{self.shots:02d}-{safe}.png", windows)

    # What the app left behind -------------------------------------------------------------------
    @property
    def log_path(self) -> Path:
        return self.home / "logs" / "sirt-desktop.log"

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    @property
    def database_path(self) -> Path:
        return self.home / "data" / "sirt-desktop.sqlite3"

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Read the app's database (read-only) as it stands now."""
        if not self.database_path.exists():
            return []
        with sqlite3.connect(f"file:{self.database_path}?mode=ro", uri=True, timeout=10) as conn:
            return conn.execute(sql, params).fetchall()


def pdf_text(path: Path) -> str:
    """The printed file's text with whitespace made single spaces (pdftotext, else pypdf)."""
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60, check=False
        )
        if out.returncode == 0:
            return " ".join(out.stdout.split())
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages).split())


def pdf_lines(path: Path) -> list[str]:
    """The printed file's lines, each with its spaces tidied (pdftotext keeps the layout)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60, check=False
    )
    return [" ".join(line.split()) for line in out.stdout.splitlines() if line.strip()]

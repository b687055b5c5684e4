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
import ctypes
import ctypes.util
import os
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Self, TypeVar

T = TypeVar("T")

# Everything is slow on a loaded 2-core machine: a window can take 20 s to appear.
DEADLINE = float(os.environ.get("SIRT_DESKTOP_JOURNEY_DEADLINE", "60"))
SCREEN = (1280, 800)
# Set to a display number (e.g. 34) to use that one; otherwise Xvfb picks a free one itself.
DISPLAY_ENV = "SIRT_DESKTOP_TEST_DISPLAY"
TOOLS = ("Xvfb", "xdotool", "xwininfo", "xwd", "pdftotext")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class JourneyError(AssertionError):
    """A wait ran out or the app misbehaved; the message says what was expected."""


def wait_for(
    condition: Callable[[], T],
    what: str,
    timeout: float = DEADLINE,
    interval: float = 0.1,
    check: Callable[[], None] | None = None,
) -> T:
    """Poll ``condition`` until it returns something truthy, and return that. ``check`` runs
    on every round (e.g. "the app is still running") and may raise to stop early."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while True:
        if check is not None:
            check()
        try:
            value = condition()
        except (OSError, sqlite3.Error, ValueError) as exc:  # e.g. a file being written
            value, last_error = None, exc
        if value:
            return value
        if time.monotonic() > deadline:
            extra = f" (last error: {last_error})" if last_error else ""
            raise JourneyError(f"timed out after {timeout:.0f} s waiting for {what}{extra}")
        time.sleep(interval)


# The X server ---------------------------------------------------------------------------------
class XServer:
    """An Xvfb screen of 1280 × 800, like a small laptop."""

    def __init__(self, process: subprocess.Popen, number: int) -> None:
        self.process = process
        self.number = number
        self.display = f":{number}"

    @classmethod
    def start(cls) -> XServer:
        width, height = SCREEN
        args = ["-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"]
        chosen = os.environ.get(DISPLAY_ENV, "").strip()
        if chosen:
            if Path(f"/tmp/.X11-unix/X{chosen}").exists() or Path(f"/tmp/.X{chosen}-lock").exists():
                raise JourneyError(f"display :{chosen} ({DISPLAY_ENV}) is already in use")
            process = subprocess.Popen(["Xvfb", f":{chosen}", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            server = cls(process, int(chosen))
        else:
            read_end, write_end = os.pipe()
            process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_end), *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                pass_fds=(write_end,),
            )
            os.close(write_end)
            with os.fdopen(read_end) as reader:
                number = reader.readline().strip()
            if not number.isdigit():
                process.kill()
                raise JourneyError(f"Xvfb did not start: {process.stderr.read().decode(errors='replace')}")
            server = cls(process, int(number))

        def ready() -> bool:
            if process.poll() is not None:
                raise JourneyError(f"Xvfb exited: {process.stderr.read().decode(errors='replace')}")
            return server.run(["xdotool", "getdisplaygeometry"], check=False).returncode == 0

        wait_for(ready, f"the X server on {server.display}", timeout=30)
        return server

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def env(self) -> dict[str, str]:
        env = dict(os.environ, DISPLAY=self.display)
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def run(self, args: list[str], check: bool = True, timeout: float = 30) -> subprocess.CompletedProcess:
        result = subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=timeout, check=False)
        if check and result.returncode != 0:
            raise JourneyError(f"{' '.join(args)} failed: {result.stderr.strip()}")
        return result

    def screenshot(self, path: Path, windows: list[int] = ()) -> Path | None:
        """The screen as PNG: a black screen with each of ``windows`` grabbed on its own and laid
        on it, oldest first. (Under Xvfb a grab of the whole screen shows some dialogs as black
        boxes, and shows the app's window squeezed to three quarters of its width, as if its
        pixels were three bytes wide: a stale, misleading copy beside the real one.) None if it
        could not be taken."""
        path.parent.mkdir(parents=True, exist_ok=True)
        from PySide6.QtGui import QColor, QImage, QPainter

        root = QImage(SCREEN[0], SCREEN[1], QImage.Format.Format_RGB32)
        root.fill(QColor("black"))
        painter = QPainter(root)
        for wid in windows:
            image = self._grab(["-id", str(wid)])
            where = self.run(["xwininfo", "-id", str(wid)], check=False).stdout
            x = re.search(r"Absolute upper-left X:\s+(-?\d+)", where)
            y = re.search(r"Absolute upper-left Y:\s+(-?\d+)", where)
            if image is not None and x and y:
                painter.drawImage(int(x.group(1)), int(y.group(1)), image)
        painter.end()
        return path if root.save(str(path), "PNG") else None

    def _grab(self, what: list[str]):
        """One X window (or the root) as a QImage, read from xwd's output."""
        try:
            grab = subprocess.run(
                ["xwd", "-silent", *what], env=self.env(), capture_output=True, timeout=30, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return xwd_image(grab.stdout) if grab.returncode == 0 else None


def xwd_image(data: bytes):
    """A QImage from an X window dump (ZPixmap, 24/32 bits per pixel, as Xvfb gives)."""
    import struct

    from PySide6.QtGui import QImage

    if len(data) < 100:
        return None
    fields = struct.unpack(">25I", data[:100])
    header_size, _version, pixmap_format, _depth, width, height = fields[:6]
    byte_order, bits_per_pixel, bytes_per_line, ncolors = fields[7], fields[11], fields[12], fields[19]
    # Xvfb's 24-bit screens are dumped at 4 bytes a pixel (bits_per_pixel may still say 24).
    if pixmap_format != 2 or bits_per_pixel not in (24, 32) or bytes_per_line < width * 4:
        return None
    start = header_size + ncolors * 12
    pixels = data[start : start + bytes_per_line * height]
    if len(pixels) < bytes_per_line * height:
        return None
    if byte_order == 1:  # MSBFirst: XRGB in memory; QImage's RGB32 is BGRX on little-endian
        pixels = b"".join(pixels[i : i + 4][::-1] for i in range(0, len(pixels), 4))
    return QImage(pixels, width, height, bytes_per_line, QImage.Format.Format_RGB32).copy()


# A round trip through the app's event loop -------------------------------------------------------
class _XClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("l", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xclient", _XClientMessage), ("pad", ctypes.c_long * 24)]


_CLIENT_MESSAGE = 33
_X_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_STRUCTURE_NOTIFY_MASK = 1 << 17


class Pinger:
    """Sends the window manager's "are you alive?" message (_NET_WM_PING) to one of the app's
    windows and waits for the answer. Qt answers it on the GUI thread, in turn with the key
    presses before it, so an answer means the app has taken every key sent so far; a busy or
    frozen GUI thread answers late or not at all."""

    def __init__(self, display: str) -> None:
        self.lib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
        lib = self.lib
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
        lib.XFlush.argtypes = [ctypes.c_void_p]
        lib.XPending.argtypes = [ctypes.c_void_p]
        lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        lib.XSetErrorHandler.argtypes = [_X_ERROR_HANDLER]
        lib.XSetErrorHandler.restype = ctypes.c_void_p
        # Xlib's own error handler ends the process (e.g. a ping to a window that has just
        # closed): count errors instead.
        self.errors = 0

        def on_error(_dpy, _event) -> int:
            self.errors += 1
            return 0

        self._handler = _X_ERROR_HANDLER(on_error)  # kept alive as long as the connection
        lib.XSetErrorHandler(self._handler)
        self.dpy = lib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise JourneyError(f"cannot open the X display {display}")
        self.root = lib.XDefaultRootWindow(self.dpy)
        lib.XSelectInput(self.dpy, self.root, _STRUCTURE_NOTIFY_MASK)  # Qt sends the answer to the root
        self.protocols = lib.XInternAtom(self.dpy, b"WM_PROTOCOLS", 0)
        self.ping_atom = lib.XInternAtom(self.dpy, b"_NET_WM_PING", 0)
        self.token = 0

    def ping(self, window: int, timeout: float) -> float | None:
        """Seconds the app took to answer, or None if it did not answer within ``timeout``."""
        lib = self.lib
        self.token += 1
        event = _XEvent()
        event.xclient.type = _CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = self.protocols
        event.xclient.format = 32
        event.xclient.l[0] = self.ping_atom
        event.xclient.l[1] = self.token
        event.xclient.l[2] = window
        started = time.monotonic()
        lib.XSendEvent(self.dpy, window, 0, 0, ctypes.byref(event))
        lib.XFlush(self.dpy)
        fd = lib.XConnectionNumber(self.dpy)
        while time.monotonic() - started < timeout:
            while lib.XPending(self.dpy):
                reply = _XEvent()
                lib.XNextEvent(self.dpy, ctypes.byref(reply))
                if (
                    reply.type == _CLIENT_MESSAGE
                    and reply.xclient.l[0] == self.ping_atom
                    and reply.xclient.l[1] == self.token
                ):
                    return time.monotonic() - started
            select.select([fd], [], [], 0.05)
        return None

    def close(self) -> None:
        if self.dpy:
            self.lib.XCloseDisplay(self.dpy)
            self.dpy = None


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

"""The X side of the journeys: an Xvfb screen, waiting for a condition, grabbing windows as
images (xwd), and a _NET_WM_PING round trip that tells when the app has handled every key sent.
``harness.App`` drives the app on it."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import select
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable
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

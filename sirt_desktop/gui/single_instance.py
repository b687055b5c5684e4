"""One running copy of the window per data folder.

Two windows on the same letters would each save over the other's words. The first copy holds
a lock file in the data folder (``QLockFile``; a lock left by a copy that was killed is seen to
be stale and taken over) and listens on a local socket named after the folder. A second start
asks the first, through that socket, to bring its window forward, then exits; if the first
cannot be reached, the second says plainly that the app is already open.

The socket is a Unix socket (a named pipe on Windows) that only this user can open.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = b"show\n"
ALREADY_OPEN = (
    "SIRT Desktop is already open on this computer. Its window has been brought to the front: "
    "look for it on your screen or in the taskbar."
)
ALREADY_OPEN_UNREACHABLE = (
    "SIRT Desktop is already open on this computer (perhaps still starting). Only one copy can "
    "use your letters at a time, so this one will close. Look for the open window on your "
    "screen or in the taskbar."
)


def server_name(folder: Path) -> str:
    """A short socket name for this data folder and this user."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{folder.resolve()}"
    return "sirt-desktop-" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:20]


class SingleInstance(QObject):
    """``claim()`` once at start. In the first copy, ``show_requested`` fires when another
    start asks for the window."""

    show_requested = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.name = server_name(folder)
        self._lock = QLockFile(str(folder / ".sirt-desktop.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its owner is no longer running
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True if this is the only copy on the folder (it then listens for later starts)."""
        if not self._lock.tryLock(0):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                # The folder cannot hold a lock (read-only, full): let the app open and explain.
                log.warning("single-instance lock not available: %s", self._lock.error())
                return True
            return False
        QLocalServer.removeServer(self.name)  # a socket left by a copy that was killed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen for a second start: %s", server.errorString())
            return True
        server.newConnection.connect(self._connected)
        self._server = server
        return True

    def ask_first_to_show(self, timeout_ms: int = 3000) -> bool:
        """In a second copy: ask the first to bring its window forward. False if it could not
        be reached."""
        for _attempt in range(3):
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(timeout_ms):
                socket.write(SHOW)
                sent = socket.waitForBytesWritten(timeout_ms)
                socket.waitForReadyRead(timeout_ms)  # the first copy answers once it has shown the window
                answered = bytes(socket.readAll().data()).startswith(b"shown")
                socket.disconnectFromServer()
                if sent and answered:
                    return True
            socket.abort()
        return False

    def _connected(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            log.info("another start of the app brought this window forward")
            self.show_requested.emit()
            socket.write(b"shown\n")
            socket.flush()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def bring_forward(window) -> None:
    """Show ``window`` in front, restored if it was minimised."""
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()

"""Did the last run of the app end properly? A small file in the log folder says.

At start the app calls ``SessionGuard.begin()``: it reads what the last run left, writes
"running" for this one, and turns on ``faulthandler`` so that a hard crash (an abort, a
segmentation fault) writes its stack to ``faults.log`` in the log folder. A clean exit calls
``end()``, which writes "closed". A run that is still "running" when the next one starts
ended without closing: killed, aborted, or the computer went off. ``begin()`` then returns
an ``UnexpectedEnd`` with what is known, for the app to tell the person calmly and log.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sirt_desktop.core import paths
from sirt_desktop.core.files import write_atomically

SESSION_FILE = "session.json"
FAULT_FILE = "faults.log"
MAX_FAULT_BYTES = 1_000_000
RUNNING, CLOSED = "running", "closed"


def _utcnow() -> dt.datetime:
    """UTC without a zone, like the database's timestamps."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class UnexpectedEnd:
    """The last run did not close properly."""

    started: dt.datetime  # UTC, no zone
    pid: int
    fault: str  # what faulthandler wrote during that run ('' after kill -9 or a power cut)
    fault_file: Path

    def first_fault_line(self) -> str:
        return next((line for line in self.fault.splitlines() if line.strip()), "")


def _alive(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


log = logging.getLogger(__name__)


class SessionGuard:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._fault_handle: IO[str] | None = None

    @property
    def session_file(self) -> Path:
        return (self.folder or paths.log_dir()) / SESSION_FILE

    @property
    def fault_file(self) -> Path:
        return (self.folder or paths.log_dir()) / FAULT_FILE

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.session_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, Any]) -> None:
        # Like the log itself, the marker never stops the app: a log folder that cannot be
        # written (left by a run with sudo, or a full disk) only means no marker this time.
        try:
            write_atomically(self.session_file, json.dumps(data), durable=False)
        except OSError as exc:
            log.warning("session marker not written: %s", exc)

    def last_run(self) -> UnexpectedEnd | None:
        """What the last run left, if it did not close properly (and is not still running)."""
        data = self._read()
        if data.get("state") != RUNNING:
            return None
        pid = int(data.get("pid") or 0)
        if _alive(pid):  # another window of the app is open right now
            return None
        try:
            started = dt.datetime.fromisoformat(str(data.get("started")))
        except ValueError:
            started = _utcnow()
        fault = ""
        offset = int(data.get("fault_offset") or 0)
        try:
            with open(self.fault_file, encoding="utf-8", errors="replace") as handle:
                handle.seek(offset)
                fault = handle.read(20_000).strip()
        except OSError:
            pass
        return UnexpectedEnd(started, pid, fault, self.fault_file)

    def begin(self) -> UnexpectedEnd | None:
        """Start this run: returns how the last one ended if it ended unexpectedly."""
        last = self.last_run()
        fault_file = self.fault_file
        try:
            if fault_file.exists() and fault_file.stat().st_size > MAX_FAULT_BYTES:
                os.replace(fault_file, fault_file.with_name(FAULT_FILE + ".1"))
            self._fault_handle = open(fault_file, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
            offset = self._fault_handle.tell()
            faulthandler.enable(file=self._fault_handle, all_threads=True)
        except OSError:
            offset = 0
        self._write({"state": RUNNING, "pid": os.getpid(), "started": _utcnow().isoformat(), "fault_offset": offset})
        return last

    def end(self) -> None:
        """A clean exit: leave the "closed" marker and stop writing faults."""
        self._write({"state": CLOSED, "pid": os.getpid(), "ended": _utcnow().isoformat()})
        if self._fault_handle is not None:
            faulthandler.disable()
            self._fault_handle.close()
            self._fault_handle = None

"""Logging never stops the app: an unwritable log means warnings on standard error, said once."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sirt_desktop.core import logs, paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_logging():
    logs._configured_for = None
    yield
    root = logging.getLogger("sirt_desktop")
    for handler in list(root.handlers):
        if getattr(handler, "_sirt_desktop", False):
            root.removeHandler(handler)
            handler.close()
    logs._configured_for = None
    logs._problem = None


@pytest.fixture
def root_owned_log():
    """A home whose log file belongs to root (as after one run with sudo), usable by nobody."""
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs root to run the app as another user")
    base = Path(tempfile.mkdtemp(prefix="sirt-log-"))
    base.chmod(0o755)
    home = base / "home"
    for folder in ("logs", "data", "config", "cache"):
        (home / folder).mkdir(parents=True)
    log_file = home / "logs" / "sirt-desktop.log"
    log_file.write_text("written by root\n")
    log_file.chmod(0o644)
    subprocess.run(["chown", "-R", "nobody", str(home)], check=True)
    subprocess.run(["chown", "root", str(log_file), str(home / "logs")], check=True)
    (home / "logs").chmod(0o755)
    yield home
    shutil.rmtree(base, ignore_errors=True)


def _as_nobody(home: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    command = [
        "runuser",
        "-u",
        "nobody",
        "--",
        "env",
        f"SIRT_DESKTOP_HOME={home}",
        f"PYTHONPATH={ROOT}",
        "QT_QPA_PLATFORM=offscreen",
        f"HOME={home}",
        sys.executable,
        "-m",
        "sirt_desktop",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT, **kwargs)


def test_every_command_works_when_the_log_file_belongs_to_root(root_owned_log, tmp_path):
    done = _as_nobody(root_owned_log, "lookup", "SO51 7AA")
    assert done.returncode == 0, done.stderr
    assert "Romsey and Southampton North" in done.stdout
    assert "Traceback" not in done.stderr
    assert done.stderr.count("cannot be written") == 1  # said once

    export = root_owned_log.parent / "out"
    export.mkdir()
    subprocess.run(["chown", "nobody", str(export)], check=True)
    done = _as_nobody(root_owned_log, "data", "export", str(export / "all.zip"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (root_owned_log / "logs" / "sirt-desktop.log").read_text() == "written by root\n"


def test_the_window_opens_when_the_log_file_belongs_to_root(root_owned_log):
    done = _as_nobody(root_owned_log, "--quit-after-ms", "1500", "--no-crash-dialog")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "cannot be written" in done.stderr


def test_a_log_folder_that_cannot_be_created_is_not_fatal(tmp_path, monkeypatch, capsys):
    def refuse(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(paths, "log_file", refuse)
    root = logs.setup_logging()
    logging.getLogger("sirt_desktop.test").warning("still heard")
    err = capsys.readouterr().err
    assert "cannot be written" in err and "still heard" in err
    assert logs.log_problem() is not None
    assert root is logging.getLogger("sirt_desktop")


class _FullDisk:
    def write(self, _text):
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self):
        pass

    def close(self):
        pass


def test_a_full_disk_under_the_log_says_so_once_without_logging_errors(capsys):
    logs.setup_logging()
    root = logging.getLogger("sirt_desktop")
    handler = next(h for h in root.handlers if isinstance(h, logging.FileHandler))
    handler.stream = _FullDisk()
    for i in range(5):
        logging.getLogger("sirt_desktop.test").warning("warning %d", i)
    err = capsys.readouterr().err
    assert "--- Logging error ---" not in err and "Traceback" not in err
    assert err.count("cannot be written") == 1
    assert "No space left" in err
    assert "warning 0" in err and "warning 4" in err


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_log_is_owner_only_even_if_it_was_not(tmp_path):
    log_file = paths.log_file()
    log_file.write_text("old\n")
    log_file.chmod(0o644)
    logs.setup_logging()
    logging.getLogger("sirt_desktop.test").info("hello")
    assert log_file.stat().st_mode & 0o077 == 0


def test_the_home_folder_is_written_as_a_tilde():
    logs.setup_logging()
    logging.getLogger("sirt_desktop.test").warning("opened %s", Path.home() / "letters")
    for handler in logging.getLogger("sirt_desktop").handlers:
        handler.flush()
    text = paths.log_file().read_text()
    assert "opened ~/letters" in text

"""The one way the app writes a file that matters: atomically and owner-only.

The data goes to a temporary file beside the target; only when it is complete (and, when
``durable``, flushed to the disk) does ``os.replace`` put it in place, in one step. A crash,
a full disk or an error halfway leaves the old file as it was and no temporary file behind.
Letters, settings, exports, the MP list and a restored database all hold personal or health
data, so the new file is readable by its owner only (``mode``, POSIX).

A rename never replaces what is not a regular file: a device (``/dev/null`` run as root), a
pipe or a folder at the path is refused (``NotAFileError``). ``output_problem`` is the fuller
check for a path a person names on the command line: it also refuses a symlink and the input
file itself.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from sirt_desktop.core.paths import HOME_ENV

OWNER_ONLY = 0o600


class NotAFileError(OSError):
    """The path holds something other than a regular file (a device, a pipe, a folder): it is
    never replaced."""


def _refuse_non_regular(target: Path) -> None:
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode) and not stat.S_ISLNK(st.st_mode):
        raise NotAFileError(errno.EEXIST, "it is not a regular file, so it was not replaced", str(target))


def output_problem(target: Path, *inputs: Path) -> str | None:
    """Why ``target`` may not be written by a command, in plain words; None when it may. A new
    file in an existing folder, or a regular file that is not one of ``inputs``, is fine."""
    if not target.parent.is_dir():
        return f"the folder {target.parent} does not exist"
    if target.is_symlink():
        return f"{target} is a symbolic link; give the real file's name"
    if not target.exists():
        return None
    if target.is_dir():
        return f"{target} is a folder; give a file name"
    if not target.is_file():
        return f"{target} is not a regular file (a device or a pipe), so it is not replaced"
    for source in inputs:
        try:
            if source.exists() and os.path.samefile(source, target):
                return f"{target} is the input file; give another name for what is written"
        except OSError:
            continue
    return None


@contextmanager
def atomic_writer(
    path: str | os.PathLike[str], *, mode: int = OWNER_ONLY, durable: bool = True, overwrite: bool = True
) -> Iterator[BinaryIO]:
    """A binary file to write; it replaces ``path`` when the ``with`` block ends without error.

    ``durable`` flushes the data to the disk before the replace (a batch of PDFs can skip it).
    ``overwrite=False`` raises ``FileExistsError`` rather than replace a file that appeared
    meanwhile (a restored database must never overwrite one).
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(tmp, mode)
        if not overwrite and target.exists():
            raise FileExistsError(target)
        _refuse_non_regular(target)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    mode: int = OWNER_ONLY,
    durable: bool = True,
    encoding: str = "utf-8",
) -> None:
    """Write ``data`` (text is encoded as ``encoding``, line endings as given) to ``path``."""
    payload = data.encode(encoding) if isinstance(data, str) else data
    with atomic_writer(path, mode=mode, durable=durable) as handle:
        handle.write(payload)


FileSignature = tuple[int, int, int] | None


def file_signature(path: Path) -> FileSignature:
    """What changes when a file is replaced or rewritten (its inode, size and modification
    time), or None when there is no file: a list loaded once can tell it is out of date, for
    example after another process (``data import-mps``) replaced it with ``write_atomically``."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


class FileWatch:
    """Where a list that is loaded once came from: the home folder and its file's signature.
    ``key()`` looks at the file again at most once every ``every`` seconds (a stat and the path
    cost more than a postcode lookup), and at once when the home folder changes."""

    def __init__(self, path: Callable[[], Path], every: float = 1.0) -> None:
        self.path = path
        self.every = every
        self._key: tuple[str | None, FileSignature] | None = None
        self._at = 0.0

    def key(self) -> tuple[str | None, FileSignature]:
        home = os.environ.get(HOME_ENV)
        now = time.monotonic()
        key = self._key
        if key is not None and key[0] == home and now - self._at < self.every:
            return key
        key = (home, file_signature(self.path()))
        self._key, self._at = key, now
        return key

    def forget(self) -> None:
        """Look at the file again on the next ``key()`` (after this process replaced it)."""
        self._key = None

"""The one way the app writes a file that matters: atomically and owner-only.

The data goes to a temporary file beside the target; only when it is complete (and, when
``durable``, flushed to the disk) does ``os.replace`` put it in place, in one step. A crash,
a full disk or an error halfway leaves the old file as it was and no temporary file behind.
Letters, settings, exports, the MP list and a restored database all hold personal or health
data, so the new file is readable by its owner only (``mode``, POSIX).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

OWNER_ONLY = 0o600


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

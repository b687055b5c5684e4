"""The first checks on a list a person saved from a spreadsheet (an MP list, a members list):
there is a file, it is not too large, it is CSV UTF-8 text. ``mp_csv`` and ``members_csv``
check the rows; what they find wrong is a ``Problem``, with its line when there is one."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file. ``line`` is the line number in the file, if there is one."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


def read_file(path: str | os.PathLike[str], max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes (one more than ``max_bytes`` at most, so a larger file is seen to be
    too large), or None and why it could not be read."""
    target = Path(path)
    try:
        if target.is_dir():
            return None, [Problem(None, f"{target} is a folder, not a CSV file.")]
        with target.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return None, [Problem(None, f"There is no file at {target}.")]
    except OSError as exc:
        return None, [Problem(None, f"The file {target} could not be opened ({exc.strerror or exc}).")]
    return data, []


def decode(data: bytes, max_bytes: int, what: str, names_hint: str = "") -> tuple[str | None, list[Problem]]:
    """The text of a CSV UTF-8 file (a spreadsheet's byte-order mark dropped), or None and why
    not: empty, larger than ``max_bytes``, UTF-16, binary, or not UTF-8. ``what`` names the list
    ("an MP list"); ``names_hint`` says which names need UTF-8 ("names such as Glyndŵr")."""
    if not data.strip():
        return None, [Problem(None, "The file is empty.")]
    if len(data) > max_bytes:
        return None, [Problem(None, f"The file is too large for {what} ({len(data):,} bytes).")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Problem(1, "This file is saved as 'Unicode text' (UTF-16). Save it as 'CSV UTF-8' and try again.")
        ]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(line, "This is not a text CSV file: it contains binary data.")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        needs = f" ({names_hint} need it)" if names_hint else ""
        return None, [Problem(line, f"This line is not UTF-8 text{needs}. Save the file as 'CSV UTF-8' and try again.")]


def parse_iso_date(value: str) -> date | None:
    """A date written YYYY-MM-DD, or None (any other form, or no such day)."""
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None

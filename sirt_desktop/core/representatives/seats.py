"""The bundled constituencies and MPs, loaded once per process on first use.

Nothing is read at import time. ``data()`` loads everything the first time it is called
(a few milliseconds); ``reload_mps()`` makes the next call read the MP list again, which
``mp_list`` does after a new list has been applied.

The MP list in use is the imported one (``paths.imported_mps_file()``) if it exists
and still passes every check, else the one shipped with the app.
"""

from __future__ import annotations

import csv
import io
import logging
import threading
from dataclasses import dataclass

from sirt_desktop.core import paths
from sirt_desktop.core.files import FileSignature, FileWatch
from sirt_desktop.core.representatives.mp_csv import validate_mp_bytes
from sirt_desktop.core.representatives.records import MP, ByElection, Constituency, MPList
from sirt_desktop.core.representatives.store import PostcodeStore
from sirt_desktop.core.resources import data_manifest, read_text

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SeatData:
    """Everything a lookup needs, loaded together."""

    constituencies: dict[str, Constituency]  # by gss_code, sorted by name
    mps: MPList
    store: PostcodeStore


_lock = threading.RLock()
_constituencies: dict[str, Constituency] | None = None
_store: PostcodeStore | None = None
_mps: MPList | None = None
_data: SeatData | None = None
_mps_from: tuple[str | None, FileSignature] | None = None  # where the MP list in use was read from (_imported_watch)


def _int_or_none(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def read_csv_text(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def constituencies() -> dict[str, Constituency]:
    """All 650 seats by GSS code, in name order. Loaded once."""
    global _constituencies
    with _lock:
        if _constituencies is None:
            rows = read_csv_text(read_text("data", "constituencies.csv"))
            seats = [
                Constituency(
                    row["gss_code"], row["name"], row["name_cy"], row["nation"], row["region"], row["constituency_type"]
                )
                for row in rows
            ]
            seats.sort(key=lambda seat: (seat.name.casefold(), seat.gss_code))
            _constituencies = {seat.gss_code: seat for seat in seats}
        return _constituencies


def postcode_store() -> PostcodeStore:
    """The known-postcode list and area tables. Loaded once."""
    global _store
    with _lock:
        if _store is None:
            _store = PostcodeStore.load_bundled()
        return _store


def bundled_mp_list_as_of() -> str:
    """The date the shipped MP list is correct to, from the data manifest."""
    for item in data_manifest().get("datasets", []):
        if item.get("id") == "mps":
            return str(item.get("as_of", ""))
    return ""


# The Members API shows some MPs with "Mr" or "Ms" and most without; shown the same way, all
# without. Honours and "Dr" stay: they are part of how an MP is addressed ("Dear Sir Keir").
_SOCIAL_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx")


def display_name(name: str) -> str:
    """An MP's name as the app shows it: one space between words, no "Mr", "Mrs", "Ms" or "Miss"."""
    words = name.split()
    if len(words) >= 3 and words[0].rstrip(".") in _SOCIAL_TITLES:
        words = words[1:]
    return " ".join(words)


def mps_from_rows(rows: list[dict[str, str]]) -> dict[str, MP | None]:
    """MP records by seat code from rows with the columns of ``mps.csv``; blank name = vacant."""
    by_seat: dict[str, MP | None] = {}
    for row in rows:
        name = display_name(row.get("mp_name") or "")
        by_seat[row["gss_code"].strip()] = (
            MP(
                name=name,
                party=(row.get("party") or "").strip(),
                party_abbrev=(row.get("party_abbrev") or "").strip(),
                member_id=_int_or_none(row.get("parliament_member_id")),
                member_since=(row.get("member_since") or "").strip() or None,
                as_of=(row.get("record_as_of") or "").strip() or None,
                twfy_person_id=_int_or_none(row.get("twfy_person_id")),
            )
            if name
            else None
        )
    return by_seat


def _load_mps() -> MPList:
    imported = paths.imported_mps_file(create=False)
    if imported.is_file():
        try:
            report = validate_mp_bytes(imported.read_bytes(), constituencies())
        except OSError as exc:
            log.warning("could not read the imported MP list %s: %s", imported, exc)
        else:
            if report.ok and report.as_of:
                return MPList(mps_from_rows(report.rows), report.as_of, imported=True)
            log.warning("imported MP list %s failed its checks; using the bundled list", imported)
    rows = read_csv_text(read_text("data", "mps.csv"))
    return MPList(mps_from_rows(rows), bundled_mp_list_as_of(), imported=False)


# Where the MP list in use came from: the home folder, and the imported list's file as it is
# now. An import by another process (the ``data import-mps`` command while the window is open)
# changes it, so a lookup a second later uses the new list rather than the one read before.
_imported_watch = FileWatch(lambda: paths.imported_mps_file(create=False))


def mp_list() -> MPList:
    """The MP list in use. Loaded once, again after ``reload_mps()``, if the home folder moved,
    or if the imported list's file changed (an import by another process, seen within a second)."""
    global _mps, _mps_from, _data
    with _lock:
        key = _imported_watch.key()
        if _mps is None or _mps_from != key:
            _mps_from = key
            _mps = _load_mps()
            _data = None
        return _mps


def data() -> SeatData:
    """Constituencies, MPs and postcodes, loading whatever is not loaded yet."""
    global _data
    current = _data
    if current is not None and _mps_from == _imported_watch.key():
        return current
    with _lock:
        mps = mp_list()
        if _data is None or _data.mps is not mps:
            _data = SeatData(constituencies(), mps, postcode_store())
        return _data


def reload_mps() -> None:
    """Forget the MP list so the next lookup reads it again (after an import)."""
    global _mps, _data
    with _lock:
        _imported_watch.forget()
        _mps = None
        _data = None


def by_elections() -> list[ByElection]:
    """By-elections since the 2024 general election, oldest first."""
    rows = read_csv_text(read_text("data", "by_elections.csv"))
    return [
        ByElection(
            row["by_election_date"],
            row["gss_code"],
            row["constituency"],
            row["winner_name"],
            row["winner_party"],
            _int_or_none(row["winner_member_id"]),
            row["result"],
        )
        for row in rows
    ]

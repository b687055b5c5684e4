"""The devolved members list in use: names a charity imported from the official lists.

No names ship with the app: no official current list was available to check them against.
Until a list is imported the app never shows a name; it says where the names are published
and lets the person type one. An imported list is checked whole (``members_csv``) and applied
all at once or not at all: its legislatures replace those of any list imported before, the
others stay. It is kept in ``paths.data_dir()/members-imported.csv``, checked again each time
it is read; a file that no longer passes is not used (and the log says so).
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from sirt_desktop.core import paths
from sirt_desktop.core.dates import long_date
from sirt_desktop.core.files import FileSignature, FileWatch, write_atomically
from sirt_desktop.core.representatives import devolved
from sirt_desktop.core.representatives.csv_files import Problem, read_file
from sirt_desktop.core.representatives.devolved import LEGISLATURES, DevolvedResult
from sirt_desktop.core.representatives.members_csv import (
    MAX_FILE_BYTES,
    Member,
    MembersReport,
    rows_text,
    template_rows,
    validate_members_bytes,
)

log = logging.getLogger(__name__)

IMPORTED_MEMBERS_FILE = "members-imported.csv"


@dataclass(frozen=True, slots=True)
class MembersList:
    """The imported Members by constituency or region code, and each legislature's list date."""

    by_area: dict[str, list[Member]]
    dates: dict[str, str]
    rows: list[dict[str, str]]


_EMPTY = MembersList({}, {}, [])
_lock = threading.RLock()
_list: MembersList | None = None
_loaded_from: tuple[str | None, FileSignature] | None = None  # where the list in use was read from


def imported_members_path(create: bool = False) -> Path:
    return paths.data_dir(create=create) / IMPORTED_MEMBERS_FILE


_imported_watch = FileWatch(imported_members_path)


def _load() -> MembersList:
    target = imported_members_path()
    if not target.is_file():
        return _EMPTY
    try:
        data = target.read_bytes()
    except OSError as exc:
        log.warning("could not read the imported members list %s: %s", target, exc)
        return _EMPTY
    report = validate_members_bytes(data, devolved.data().areas)
    if not report.ok:
        log.warning("imported members list %s failed its checks; no names are shown", target)
        return _EMPTY
    by_area: dict[str, list[Member]] = {}
    for member in report.members:
        by_area.setdefault(member.code, []).append(member)
    return MembersList(by_area, dict(report.dates), report.rows)


def members_list() -> MembersList:
    """The list in use (empty until one is imported). Loaded once, again after an import, by
    this process or another (the ``data import-members`` command while the window is open:
    the file's signature changes, seen within a second)."""
    global _list, _loaded_from
    with _lock:
        source = _imported_watch.key()
        if _list is None or _loaded_from != source:
            _loaded_from = source
            _list = _load()
        return _list


def reload() -> None:
    global _list
    with _lock:
        _imported_watch.forget()
        _list = None


def list_date(legislature: str) -> str | None:
    """The date of the imported list for a legislature, or None if none is imported."""
    return members_list().dates.get(legislature)


def members_for(result: DevolvedResult | None) -> list[Member]:
    """The imported Members for a certain devolved constituency (with, in Scotland, its region's
    seven): constituency Members first, then regional, each by list position and name."""
    if result is None or result.constituency is None or not result.certain:
        return []
    by_area = members_list().by_area
    found = sorted(by_area.get(result.constituency.code, []), key=lambda m: m.name)
    if result.region is not None:
        found += sorted(by_area.get(result.region.code, []), key=lambda m: m.name)
    return found


def where_names_are(legislature: str, caller: bool = False) -> str:
    """Where the names are published, and that the person can type one: never a guessed name."""
    leg = LEGISLATURES[legislature]
    text = (
        f"This app has no list of {leg.member_title_plural} yet, so it does not name them. "
        f"{leg.where_names_are} Type the name of the Member you choose, as published."
    )
    if caller:
        text = text.replace("your council", "the caller's council").replace("you are in", "they are in")
        text = text.replace("Type the name of the Member you choose", "Type the name of the Member the caller chooses")
    return text


def _an(initials: str) -> str:
    """ "an MS", "an MSP", "an MLA": letters said with a vowel sound take "an"."""
    return f"{'an' if initials[:1] in 'AEFHILMNORSX' else 'a'} {initials}"


def recipient_help(legislature: str, result: DevolvedResult | None, member: Member | None, caller: bool = False) -> str:
    """What the letter's "To" step says when it goes to a devolved Member: the constituency
    (when it is known for certain), where the chosen Member's name comes from and its date, or
    that the person types a name (the app never guesses one), and where letters to any Member
    go. ``caller``: said to a volunteer about the caller."""
    leg = LEGISLATURES[legislature]
    whose = "The caller's" if caller else "Your"
    chooses = "the caller chooses" if caller else "you choose"
    lines = []
    if result is not None and result.constituency is not None and result.certain:
        place = f"{whose} {leg.short_name} constituency: {result.constituency.name}"
        if result.region is not None:
            place += f", in the {result.region.name} region"
        lines.append(place + ".")
    listed = list_date(leg.id)
    if member is not None:
        lines.append(
            f"{member.name} ({member.party}) is from the official list of "
            f"{long_date(listed) if listed else 'an unknown date'}."
        )
    elif listed:
        lines.append(
            f"Choose {_an(leg.post_nominal)} from the list above, or type the name of the {leg.member_title} {chooses}."
        )
    elif result is not None:  # the finder above already says where the names are published
        lines.append(f"Type the name of the {leg.member_title} {chooses}, as published.")
    else:
        lines.append(where_names_are(leg.id, caller))
    lines.append(f"Letters to any {leg.member_title} go to {leg.address()}.")
    return " ".join(lines)


def template_text() -> str:
    """A CSV with one empty line for every seat, to fill in from the official lists."""
    return rows_text(template_rows(devolved.data().areas))


# --- importing ------------------------------------------------------------------------------


def validate_members_csv(path: str | os.PathLike[str]) -> MembersReport:
    """Check a members list CSV without applying it."""
    data, problems = read_file(path, MAX_FILE_BYTES)
    if data is None:
        return MembersReport(False, problems)
    return validate_members_bytes(data, devolved.data().areas)


def apply_members_csv(path: str | os.PathLike[str]) -> MembersReport:
    """Check a members list and, only if it passes every check, put it in use. Never raises.

    The legislatures in the file replace the same legislatures in the list in use; any other
    legislature's names stay as they were."""
    report = validate_members_csv(path)
    if not report.ok:
        return report
    kept = [row for row in members_list().rows if row["legislature"] not in report.legislatures]
    merged = rows_text(kept + report.rows)
    # The file written is exactly what will be read back: check it the same way first.
    check = validate_members_bytes(merged.encode("utf-8"), devolved.data().areas)
    if not check.ok:  # pragma: no cover - only if the kept list and the new one disagree
        report.ok = False
        report.problems.extend(check.problems)
        return report
    try:
        write_atomically(imported_members_path(create=True), merged)
    except OSError as exc:
        report.ok = False
        report.problems.append(Problem(None, f"The new list could not be saved ({exc.strerror or exc})."))
        return report
    reload()
    report.applied = True
    return report


def remove_imported_members() -> bool:
    """Forget every imported name. True if there was a list to remove."""
    try:
        imported_members_path().unlink()
        removed = True
    except FileNotFoundError:
        removed = False
    reload()
    return removed

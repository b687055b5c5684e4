"""Replace the MP list with a newer CSV (same columns as the shipped ``mps.csv``).

The file is checked as a whole (``mp_csv``) and either applied in full or not at all. An
applied list is written atomically to ``paths.imported_mps_file()``; lookups use it from
then on.
"""

from __future__ import annotations

import os

from sirt_desktop.core import paths
from sirt_desktop.core.files import write_atomically
from sirt_desktop.core.representatives import seats
from sirt_desktop.core.representatives.csv_files import Problem, read_file
from sirt_desktop.core.representatives.mp_csv import MAX_FILE_BYTES, ValidationReport, validate_mp_bytes


def validate_mp_csv(path: str | os.PathLike[str]) -> ValidationReport:
    """Check an MP list CSV without applying it; ``changed`` compares it with the list in use."""
    data, problems = read_file(path, MAX_FILE_BYTES)
    if data is None:
        return ValidationReport(False, problems)
    report = validate_mp_bytes(data, seats.constituencies())
    if report.ok:
        current = seats.mp_list().by_seat
        names = seats.constituencies()
        incoming = seats.mps_from_rows(report.rows)
        # Compared record by record (the newest record_as_of on each side), not with the date the
        # shipped list was published.
        in_use = max((mp.as_of for mp in current.values() if mp is not None and mp.as_of), default=None)
        if report.as_of and in_use and report.as_of < in_use:
            report.older_than = in_use
        report.changed = sorted(
            names[code].name
            for code, mp in incoming.items()
            if (mp.name if mp else None) != (seat.name if (seat := current.get(code)) else None)
        )
    return report


def apply_mp_csv(path: str | os.PathLike[str], allow_older: bool = False) -> ValidationReport:
    """Check an MP list and, only if it passes every check, put it in use. Never raises. A list
    older than the one in use is refused unless ``allow_older`` (the window asks first)."""
    report = validate_mp_csv(path)
    if not report.ok:
        return report
    if report.older_than and not allow_older:
        report.ok = False
        report.problems.append(
            Problem(
                None,
                f"This list is correct as of {report.as_of}, older than the list in use "
                f"({report.older_than}). To use it all the same, give --allow-older.",
            )
        )
        return report
    target = paths.imported_mps_file()
    try:
        write_atomically(target, report.text)
    except OSError as exc:
        report.ok = False
        report.problems.append(Problem(None, f"The new list could not be saved ({exc.strerror or exc})."))
        return report
    seats.reload_mps()
    report.applied = True
    return report


def remove_imported_mp_list() -> bool:
    """Go back to the MP list shipped with the app. True if an imported list was removed."""
    target = paths.imported_mps_file(create=False)
    try:
        target.unlink()
        removed = True
    except FileNotFoundError:
        removed = False
    seats.reload_mps()
    return removed

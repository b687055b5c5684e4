"""Checking an MP list CSV (same columns as the shipped ``mps.csv``), as pure functions.

The file is checked as a whole: every one of the 650 seats exactly once, no unknown seat
codes, the needed columns, ISO dates (YYYY-MM-DD) and whole-number member IDs. Every
problem is listed with its line number in the file. The seats to check against are passed
in, so this module depends on nothing but the ``Constituency`` type: ``seats`` uses it to
check an imported list as it loads, ``mp_list`` to check one before applying it.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.representatives.csv_files import Problem, decode, parse_iso_date
from sirt_desktop.core.representatives.records import Constituency
from sirt_desktop.core.text import fold

REQUIRED_COLUMNS = (
    "gss_code",
    "constituency",
    "nation",
    "mp_name",
    "party",
    "party_abbrev",
    "parliament_member_id",
    "member_since",
    "record_as_of",
)
ID_COLUMNS = ("parliament_member_id", "twfy_person_id", "ge2024_member_id")
DATE_COLUMNS = ("member_since", "record_as_of")
MAX_FILE_BYTES = 5_000_000
EARLIEST_AS_OF = date(2024, 7, 4)  # the general election that brought in these seats


@dataclass
class ValidationReport:
    """The result of checking (and perhaps applying) an MP list."""

    ok: bool
    problems: list[Problem]
    seat_count: int = 0
    as_of: str | None = None
    vacant: list[str] = field(default_factory=list)  # constituency names with no MP
    changed: list[str] = field(default_factory=list)  # seats whose MP differs from the list in use
    older_than: str | None = None  # the date of the list in use, when this one is older
    applied: bool = False
    rows: list[dict[str, str]] = field(default_factory=list, repr=False)
    text: str = field(default="", repr=False)  # the file's text, kept only when it passed

    def problem_lines(self) -> list[str]:
        """Each problem as one line: "Line 5: member_since 'yesterday' is not a date ..."."""
        return [str(problem) for problem in self.problems]

    def summary_lines(self, most_names: int | None = None) -> list[str]:
        """A few plain sentences about the list, for the window and the command line alike.
        ``most_names`` shortens a long list of changed seats ("... and 12 others")."""
        if not self.ok:
            count = len(self.problems)
            return [f"The MP list was not changed. The file has {count} {'problem' if count == 1 else 'problems'}."]
        lines = [f"The file lists all {self.seat_count} constituencies, correct as of {long_date(self.as_of)}."]
        if self.changed:
            names = self.changed if most_names is None else self.changed[:most_names]
            rest = len(self.changed) - len(names)
            shown = ", ".join(names) + (f" and {rest} others" if rest else "")
            lines.append(f"{len(self.changed)} seats have a different MP from the list in use: {shown}.")
        else:
            lines.append("No seat has a different MP from the list in use.")
        if self.vacant:
            lines.append("Vacant seats (no MP at the moment): " + ", ".join(self.vacant) + ".")
        if self.older_than:
            lines.append(
                f"Careful: this list is older than the one in use (correct as of {long_date(self.older_than)}). "
                "Using it would bring back MPs who have since changed."
            )
        if self.applied:
            lines.append("The new MP list is now in use.")
        return lines


TEXT_COLUMNS = ("constituency", "mp_name", "party")
# A name that a spreadsheet would take for a formula ("=HYPERLINK(...)", "+cmd|...", "@SUM(...)").
_FORMULA_START = ("=", "+", "-", "@")


def _text_problem(value: str) -> str | None:
    """Why a name cannot be used as one: control characters (a terminal could act on them, a
    newline would add lines to every answer) or the start of a spreadsheet formula."""
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in "\u200c\u200d":
            return f"holds an invisible control character (U+{ord(ch):04X}); type the name again"
    if value.startswith(_FORMULA_START):
        return f"starts with '{value[0]}', like a spreadsheet formula; a name cannot start that way"
    return None


def _check_row(
    row: dict[str, str],
    line: int,
    columns: set[str],
    first_seen: dict[str, int],
    problems: list[Problem],
    known: Mapping[str, Constituency],
) -> date | None:
    """Check one data row; return its record date if it is valid."""
    code = row.get("gss_code", "")
    if "gss_code" in columns:
        if not code:
            problems.append(Problem(line, "The gss_code is empty."))
        elif code not in known:
            problems.append(Problem(line, f"Unknown constituency code '{code}'."))
        elif code in first_seen:
            problems.append(
                Problem(line, f"{code} ({known[code].name}) is listed again; it is already on line {first_seen[code]}.")
            )
        else:
            first_seen[code] = line
            seat = known[code]
            if "constituency" in columns and fold(row.get("constituency", "")) != fold(seat.name):
                problems.append(
                    Problem(line, f"{code} is {seat.name}, but this line says '{row.get('constituency', '')}'.")
                )
            if "nation" in columns and fold(row.get("nation", "")) != fold(seat.nation):
                problems.append(
                    Problem(line, f"{code} is in {seat.nation}, but this line says '{row.get('nation', '')}'.")
                )
    if row.get("mp_name") and "party" in columns and not row.get("party"):
        problems.append(Problem(line, "The party is empty (write 'Independent' for an MP with no party)."))
    for column in ID_COLUMNS:
        value = row.get(column, "")
        if value and not (value.isascii() and value.isdigit() and len(value) <= 12 and int(value) > 0):
            problems.append(Problem(line, f"{column} must be a whole number of up to 12 digits, not '{value[:20]}'."))
    for column in TEXT_COLUMNS:
        problem = _text_problem(row.get(column, ""))
        if problem:
            problems.append(Problem(line, f"{column} {problem}."))
    record_date: date | None = None
    for column in DATE_COLUMNS:
        if column not in columns:
            continue
        value = row.get(column, "")
        if not value:
            if column == "record_as_of":
                problems.append(Problem(line, "record_as_of is empty: give the date this line is correct to."))
            continue
        parsed = parse_iso_date(value)
        if parsed is None:
            problems.append(Problem(line, f"{column} '{value}' is not a date written as YYYY-MM-DD."))
        elif column == "record_as_of":
            if parsed < EARLIEST_AS_OF:
                problems.append(Problem(line, f"record_as_of {value} is before the 2024 general election."))
            else:
                record_date = parsed
    return record_date


def validate_mp_bytes(data: bytes, known: Mapping[str, Constituency]) -> ValidationReport:
    """Check the contents of an MP list CSV against the seats in ``known`` (by GSS code).
    Never raises."""
    text, problems = decode(data, MAX_FILE_BYTES, "an MP list")
    if text is None:
        return ValidationReport(False, problems)
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    header_line = 0
    rows: list[dict[str, str]] = []
    first_seen: dict[str, int] = {}
    newest: date | None = None
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            values = [value.strip() for value in record]
            if not any(values):
                continue
            if header is None:
                header, header_line = values, start
                for name in sorted({n for n in header if header.count(n) > 1}):
                    problems.append(Problem(start, f"The column '{name}' appears more than once."))
                for name in REQUIRED_COLUMNS:
                    if name not in header:
                        problems.append(Problem(start, f"The column '{name}' is missing from the first line."))
                continue
            if len(values) != len(header):
                problems.append(
                    Problem(start, f"This line has {len(values)} values, but the first line has {len(header)} columns.")
                )
            row = dict(zip(header, [*values, *[""] * (len(header) - len(values))], strict=False))
            record_date = _check_row(row, start, set(header), first_seen, problems, known)
            if record_date and (newest is None or record_date > newest):
                newest = record_date
            rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(reader.line_num or None, f"The file could not be read as CSV ({exc})."))
    if header is None:
        return ValidationReport(False, [Problem(None, "The file is empty.")])
    if not rows:
        problems.append(Problem(None, f"The file has a first line (line {header_line}) but no MPs."))
    if "gss_code" in header:
        for code, seat in known.items():
            if code not in first_seen:
                problems.append(Problem(None, f"No line for {seat.name} ({code}): every constituency must be listed."))
    ok = not problems
    vacant = [known[r["gss_code"]].name for r in rows if ok and not r.get("mp_name")]
    return ValidationReport(
        ok,
        problems,
        seat_count=len(first_seen),
        as_of=newest.isoformat() if newest and ok else None,
        vacant=sorted(vacant),
        rows=rows if ok else [],
        text=text if ok else "",
    )

"""Checking a devolved members list CSV, as pure functions.

One line for each seat: the Senedd's 16 constituencies have 6 seats each, the Scottish
Parliament's 73 constituencies 1 each and its 8 regions 7 each, the Northern Ireland
Assembly's 18 constituencies 5 each. Columns:

    legislature, code, area_name, name, party, list_position, list_date

``legislature`` is ``senedd``, ``scottish_parliament`` or ``ni_assembly`` (or their names
written out); ``code`` the constituency or region code; ``area_name`` (optional) its name,
checked against the code; ``name`` the Member's name as published, empty for a vacant seat;
``party`` (write "Independent" for a Member with no party); ``list_position`` the Member's
place on their party's list where they were elected from one (else empty); ``list_date`` the
date the official list is correct to (YYYY-MM-DD), the same on every line of a legislature.

A file may hold one, two or all three legislatures; each one it holds is checked whole: every
seat exactly once, nothing else. Every problem is listed with its line number, and nothing
is used unless there are none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.representatives.csv_files import Problem, decode, parse_iso_date
from sirt_desktop.core.representatives.devolved import LEGISLATURES, Area, Legislature
from sirt_desktop.core.text import fold

COLUMNS = ("legislature", "code", "area_name", "name", "party", "list_position", "list_date")
REQUIRED_COLUMNS = ("legislature", "code", "name", "party", "list_position", "list_date")
MAX_FILE_BYTES = 1_000_000
MAX_NAME = 120
SHOWN_PROBLEMS = 25  # a summary lists this many problems, then says how many more there are
_AREA_WORD = {"constituency": "constituency", "region": "region"}


@dataclass(frozen=True, slots=True)
class Member:
    """A devolved Member from an imported list. ``list_date`` is the date of that list."""

    legislature: str
    code: str  # the constituency or region
    name: str
    party: str
    list_position: int | None
    list_date: str


@dataclass
class MembersReport:
    """The result of checking (and perhaps applying) a members list."""

    ok: bool
    problems: list[Problem]
    legislatures: list[str] = field(default_factory=list)  # ids, in file order
    dates: dict[str, str] = field(default_factory=dict)  # legislature id -> list date
    named: dict[str, int] = field(default_factory=dict)  # legislature id -> seats with a name
    seats: dict[str, int] = field(default_factory=dict)  # legislature id -> seats in all
    vacant: list[str] = field(default_factory=list)  # "Caerdydd Penarth (Senedd)" per vacant seat
    members: list[Member] = field(default_factory=list, repr=False)
    rows: list[dict[str, str]] = field(default_factory=list, repr=False)  # every line, tidied
    applied: bool = False
    text: str = field(default="", repr=False)  # the file's text, kept only when it passed

    def problem_lines(self, most: int | None = None) -> list[str]:
        """Each problem as one line ("Line 6: Unknown constituency or region code ..."); with
        ``most``, the first ``most`` and then how many more there are."""
        lines = [str(problem) for problem in self.problems]
        if most is not None and len(lines) > most:
            lines = [*lines[:most], f"… and {len(lines) - most} more. Put these right first, then try again."]
        return lines

    def summary_lines(self) -> list[str]:
        """A few plain sentences about the list, for the window and the command line alike."""
        if not self.ok:
            count = len(self.problems)
            return [
                f"The members list was not changed. The file has {count} {'problem' if count == 1 else 'problems'}."
            ]
        lines = []
        for leg_id in self.legislatures:
            leg = LEGISLATURES[leg_id]
            lines.append(
                f"{leg.member_title_plural}: {self.named[leg_id]} of {self.seats[leg_id]} seats named, "
                f"from the official list of {long_date(self.dates[leg_id])}."
            )
        if self.vacant:
            lines.append("Vacant seats: " + ", ".join(self.vacant) + ".")
        if self.applied:
            lines.append("The new members list is now in use.")
        return lines

    def summary(self) -> str:
        """The summary and (when refused) the first problems, as one text."""
        lines = self.summary_lines()
        if not self.ok:
            lines[0] = lines[0][:-1] + ":"
            lines += [f"  {line}" for line in self.problem_lines(SHOWN_PROBLEMS)]
        return "\n".join(lines)


def seat_count(areas: Mapping[str, Area], legislature: str) -> int:
    """How many seats a legislature has, from its constituencies and regions."""
    return sum(a.members for a in areas.values() if a.legislature == legislature)


def legislature_id(text: str) -> str | None:
    """``senedd`` for "senedd", "Senedd", "Senedd Cymru", "Welsh Parliament"... else None."""
    wanted = fold(text)
    for leg in LEGISLATURES.values():
        names = {fold(leg.id), fold(leg.short_name), fold(leg.name), fold(leg.name.removeprefix("the "))}
        if leg.id == "senedd":
            names |= {"senedd cymru", "welsh parliament"}
        if leg.id == "ni_assembly":
            names |= {"northern ireland assembly", "ni assembly"}
        if wanted in names:
            return leg.id
    return None


def _describe(item: Area) -> str:
    leg = LEGISLATURES[item.legislature]
    return f"{item.name} ({leg.short_name} {_AREA_WORD[item.kind]})"


class _Checker:
    def __init__(self, areas: Mapping[str, Area]) -> None:
        self.areas = areas
        self.problems: list[Problem] = []
        self.members: list[Member] = []
        self.lines_for: dict[str, list[int]] = {}  # area code -> lines
        self.names_seen: dict[tuple[str, str], int] = {}  # (legislature, folded name) -> line
        self.dates: dict[str, tuple[str, int]] = {}  # legislature -> (date, first line)
        self.order: list[str] = []
        self.vacant: list[tuple[str, str]] = []  # (legislature, description)
        self.rows: list[dict[str, str]] = []  # each good line in the columns of COLUMNS

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    def row(self, row: dict[str, str], line: int, columns: set[str]) -> None:
        leg_text = row.get("legislature", "")
        leg_id = self._legislature(leg_text, line)
        code = row.get("code", "")
        item = self._area(code, leg_id, leg_text, line, row.get("area_name", "") if "area_name" in columns else "")
        name = " ".join(row.get("name", "").split())
        party = row.get("party", "")
        position = self._position(row.get("list_position", ""), line)
        if name:
            self._named(name, party, leg_id, line)
        elif party or position is not None:
            self.problem(
                line,
                "The name is empty but the party or list position is not: give the name, or "
                "leave all three empty for a vacant seat.",
            )
        list_date = self._list_date(row.get("list_date", ""), line, leg_id)
        if item is None or leg_id is None or list_date is None:
            return
        self.rows.append(
            {
                "legislature": leg_id,
                "code": code,
                "area_name": item.name,
                "name": name,
                "party": party,
                "list_position": "" if position is None else str(position),
                "list_date": list_date,
            }
        )
        if name:
            self.members.append(Member(leg_id, code, name, party, position, list_date))
        else:
            self.vacant.append((leg_id, f"{item.name} ({LEGISLATURES[leg_id].short_name})"))

    def _legislature(self, text: str, line: int) -> str | None:
        leg_id = legislature_id(text) if text else None
        if not text:
            self.problem(line, "The legislature is empty (senedd, scottish_parliament or ni_assembly).")
        elif leg_id is None:
            self.problem(line, f"Unknown legislature '{text}': write senedd, scottish_parliament or ni_assembly.")
        elif leg_id not in self.order:
            self.order.append(leg_id)
        return leg_id

    def _area(self, code: str, leg_id: str | None, leg_text: str, line: int, typed_name: str) -> Area | None:
        """The constituency or region of a line, if its code is known and of the line's legislature."""
        item = self.areas.get(code)
        if not code:
            self.problem(line, "The code is empty: give the constituency or region code, for example W09000053.")
            return None
        if item is None:
            self.problem(line, f"Unknown constituency or region code '{code}'.")
            return None
        if leg_id is not None and item.legislature != leg_id:
            self.problem(
                line,
                f"{code} is {_describe(item)}, but this line says the legislature is "
                f"'{leg_text}' ({LEGISLATURES[leg_id].short_name}).",
            )
            return None
        self.lines_for.setdefault(code, []).append(line)
        if typed_name and fold(typed_name) not in (fold(item.name), fold(item.name_en)):
            self.problem(line, f"{code} is {item.name}, but this line says '{typed_name}'.")
        return item

    def _position(self, text: str, line: int) -> int | None:
        if not text:
            return None
        if text.isascii() and text.isdigit() and 1 <= int(text) <= 50:
            return int(text)
        self.problem(line, f"list_position must be a whole number from 1 to 50, or empty; not '{text}'.")
        return None

    def _named(self, name: str, party: str, leg_id: str | None, line: int) -> None:
        if len(name) > MAX_NAME or not name.isprintable():
            self.problem(line, "The name is too long or holds characters that cannot be printed.")
        if not party:
            self.problem(line, "The party is empty (write 'Independent' for a Member with no party).")
        if leg_id is not None:
            key = (leg_id, fold(name))
            if key in self.names_seen:
                self.problem(line, f"{name} is listed again; they are already on line {self.names_seen[key]}.")
            else:
                self.names_seen[key] = line

    def _list_date(self, value: str, line: int, leg_id: str | None) -> str | None:
        if not value:
            self.problem(line, "list_date is empty: give the date the official list is correct to, as YYYY-MM-DD.")
            return None
        parsed = parse_iso_date(value)
        if parsed is None:
            self.problem(line, f"list_date '{value}' is not a date written as YYYY-MM-DD.")
            return None
        if leg_id is None:
            return None
        leg: Legislature = LEGISLATURES[leg_id]
        if parsed < date.fromisoformat(leg.election):
            self.problem(
                line,
                f"list_date {value} is before the {leg.short_name} election of {leg.election}, "
                "so it cannot be the current list.",
            )
            return None
        first = self.dates.setdefault(leg_id, (value, line))
        if first[0] != value:
            self.problem(
                line,
                f"list_date {value} differs from {first[0]} on line {first[1]}: every "
                f"{leg.short_name} line must carry the date of the one official list.",
            )
            return None
        return value

    def whole(self) -> None:
        """Each legislature in the file: every seat exactly once, and mostly named."""
        for leg_id in self.order:
            leg = LEGISLATURES[leg_id]
            for item in sorted((a for a in self.areas.values() if a.legislature == leg_id), key=lambda a: a.code):
                lines = self.lines_for.get(item.code, [])
                if len(lines) > item.members:
                    self.problems.append(
                        Problem(
                            lines[item.members],
                            f"{_describe(item)} has {item.members} seat{'s' if item.members > 1 else ''}, but this "
                            f"is line {item.members + 1} for it.",
                        )
                    )
                elif len(lines) < item.members:
                    missing = item.members - len(lines)
                    self.problems.append(
                        Problem(
                            None,
                            f"{_describe(item)} has {item.members} seat{'s' if item.members > 1 else ''} but "
                            f"{len(lines)} line{'s' if len(lines) != 1 else ''}: add {missing} "
                            "(a line with an empty name for a vacant seat).",
                        )
                    )
            named = sum(1 for m in self.members if m.legislature == leg_id)
            total = seat_count(self.areas, leg_id)
            if named * 2 < total:
                self.problems.append(
                    Problem(
                        None,
                        f"Only {named} of the {total} {leg.short_name} seats have a name. Fill in the "
                        "names from the official list (or remove that legislature's lines).",
                    )
                )


def validate_members_bytes(data: bytes, areas: Mapping[str, Area]) -> MembersReport:
    """Check the contents of a members list CSV against the devolved ``areas`` (by code).
    Never raises."""
    text, problems = decode(data, MAX_FILE_BYTES, "a members list", "names such as Glyndŵr")
    if text is None:
        return MembersReport(False, problems)
    checker = _Checker(areas)
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows = 0
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            values = [value.strip() for value in record]
            if not any(values):
                continue
            if header is None:
                header = [value.lower() for value in values]
                for name in sorted({n for n in header if header.count(n) > 1}):
                    checker.problem(start, f"The column '{name}' appears more than once.")
                for name in REQUIRED_COLUMNS:
                    if name not in header:
                        checker.problem(start, f"The column '{name}' is missing from the first line.")
                if checker.problems:
                    break  # the lines cannot be read without their columns
                continue
            if len(values) != len(header):
                checker.problem(
                    start, f"This line has {len(values)} values, but the first line has {len(header)} columns."
                )
            row = dict(zip(header, [*values, *[""] * (len(header) - len(values))], strict=False))
            checker.row(row, start, set(header))
            rows += 1
    except csv.Error as exc:
        checker.problems.append(Problem(reader.line_num or None, f"The file could not be read as CSV ({exc})."))
    if header is None:
        return MembersReport(False, [Problem(None, "The file is empty.")])
    if not rows and not checker.problems:
        checker.problems.append(Problem(None, "The file has a first line but no Members."))
    if not checker.problems:
        checker.whole()
    ok = not checker.problems
    if not ok:
        return MembersReport(False, checker.problems)
    return MembersReport(
        True,
        [],
        legislatures=list(checker.order),
        dates={leg: value for leg, (value, _line) in checker.dates.items()},
        named={leg: sum(1 for m in checker.members if m.legislature == leg) for leg in checker.order},
        seats={leg: seat_count(areas, leg) for leg in checker.order},
        vacant=[description for _leg, description in checker.vacant],
        members=checker.members,
        rows=checker.rows,
        text=text,
    )


def rows_text(rows: list[dict[str, str]]) -> str:
    """Lines in the columns of ``COLUMNS`` as CSV text (the form an applied list is kept in)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def template_rows(areas: Mapping[str, Area]) -> list[dict[str, str]]:
    """One empty line per seat of every legislature, in code order, to fill in from the official lists."""
    rows = []
    for leg_id in LEGISLATURES:
        for item in sorted((a for a in areas.values() if a.legislature == leg_id), key=lambda a: a.code):
            for _seat in range(item.members):
                rows.append(
                    {
                        "legislature": leg_id,
                        "code": item.code,
                        "area_name": item.name,
                        "name": "",
                        "party": "",
                        "list_position": "",
                        "list_date": "",
                    }
                )
    return rows

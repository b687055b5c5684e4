"""Dates the British way, the same on every computer: "22 November 2026", "3 Mar 2027".

No function here uses ``strftime`` month names or anything else from the system locale:
Qt calls ``setlocale`` when the window opens, so ``%b`` would print "Maw" for March on a
Welsh system while letters say "March". Every date the app shows or prints comes from here,
and every date a person types is read here (``read_date``: "12/03/1952", "12 March 1952").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_SHORT = tuple(name[:3] for name in MONTHS)  # "Jan" ... "Dec" (also "May", "Jun", "Jul")


def long_date(value: dt.date | str | None) -> str:
    """``2026-08-20`` or a date → ``20 August 2026``; an unreadable value is returned as given."""
    if value is None or value == "":
        return ""
    day: dt.date
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        day = value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """``3 Mar 2027``: unambiguous for UK readers, short enough for a list column."""
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (negative goes back), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month0 + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 always exists


def local_date(moment: dt.datetime) -> dt.date:
    """A stored (naive UTC) time as the date on this computer's calendar."""
    return moment.replace(tzinfo=dt.UTC).astimezone().date()


# Reading dates the way people type them ---------------------------------------------------
# Day before month, always (this is a UK app): "12/03/1952" is 12 March. Words for months may
# be full or short ("Sept" too), in any case; "12th", "of", commas and a weekday are ignored.

_MONTH_WORDS: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, start=1):
    _MONTH_WORDS[_name.lower()] = _number
    _MONTH_WORDS[_name[:3].lower()] = _number
_MONTH_WORDS["sept"] = 9
_IGNORED_WORDS = {
    "of",
    "the",
    "st",
    "nd",
    "rd",
    "th",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
}
EXAMPLE = "12 March 1952 or 12/03/1952"


ASK_AGAIN = f"Please type the day, month and year, for example {EXAMPLE}."


@dataclass(frozen=True)
class DateReading:
    """What was read from a typed date: the date, or a problem in plain words. Both are empty
    when nothing was typed (an optional date left out)."""

    value: dt.date | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def _full_year(two_digits: int, latest: dt.date) -> int:
    """'52' → 1952 or 2052: the most recent year that is not after ``latest``."""
    year = 2000 + two_digits
    return year if year <= latest.year else year - 100


def read_date(
    text: str, *, earliest: dt.date | None = None, latest: dt.date | None = None, today: dt.date | None = None
) -> DateReading:
    """Read a date typed by a person: "12 March 1952", "12/03/1952", "12 3 1952", "12.3.52",
    "1952-03-12", "March 12, 1952", "12031952", "today", "yesterday".

    ``earliest`` and ``latest`` (both optional) bound the dates that make sense, such as a date
    of birth (not in the future); a two-digit year is taken as the latest year it can be."""
    today = today or dt.date.today()
    cleaned = (text or "").strip().lower()
    if not cleaned:
        return DateReading(None)
    if cleaned in ("today", "yesterday"):
        return _checked(today - dt.timedelta(days=0 if cleaned == "today" else 1), earliest, latest)
    words = _words(cleaned)
    if isinstance(words, DateReading):
        return words
    parts = _parts(*words)
    if isinstance(parts, DateReading):
        return parts
    day_text, month, year_text = parts
    day = int(day_text)
    year = _full_year(int(year_text), latest or today) if len(year_text) == 2 else int(year_text)
    if not 1 <= month <= 12:
        hint = " Dates here are written day first: 25/12/1952 is 25 December." if 1 <= day <= 12 else ""
        return DateReading(None, f"There is no month {month}: please check it.{hint}")
    if year < 1:
        return DateReading(None, "Please check the year.")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        return DateReading(None, f"{MONTHS[month - 1]} {year} has {days_in_month} days: please check the day.")
    return _checked(dt.date(year, month, day), earliest, latest)


def _words(cleaned: str) -> tuple[list[str], int | None] | DateReading:
    """The numbers typed, and the month if it was typed as a word (or why it cannot be read)."""
    if re.sub(r"[\d\s/.,\-]|[^\W\d_]", "", cleaned):
        return DateReading(None, ASK_AGAIN)
    numbers: list[str] = []
    month: int | None = None
    for token in re.findall(r"\d+|[^\W\d_]+", cleaned):
        if token.isdigit():
            numbers.append(token)
        elif token in _MONTH_WORDS and month is None:
            month = _MONTH_WORDS[token]
        elif token not in _IGNORED_WORDS:
            return DateReading(None, f"We could not read “{token}” as a month. {ASK_AGAIN}")
    if month is None and len(numbers) == 1 and len(numbers[0]) in (6, 8):  # 12031952 or 120352
        run = numbers[0]
        numbers = [run[:2], run[2:4], run[4:]]
    return numbers, month


def _parts(numbers: list[str], month: int | None) -> tuple[str, int, str] | DateReading:
    """(day, month, year) in the order people write them: day first, or year first (ISO)."""
    if month is not None:
        if len(numbers) != 2:
            return _missing(numbers, month)
        first, second = numbers
        # "1952 March 12", or "12 March 1952", "March 12, 1952", "12 Mar 52"
        year_text, day_text = (first, second) if len(first) >= 3 else (second, first)
    else:
        if len(numbers) != 3:
            return _missing(numbers, None)
        if len(numbers[0]) >= 3:  # 1952-03-12
            year_text, month_text, day_text = numbers
        else:
            day_text, month_text, year_text = numbers
        if len(month_text) > 2:
            return DateReading(None, ASK_AGAIN)
        month = int(month_text)
    if len(day_text) > 2 or len(year_text) not in (2, 4):
        return DateReading(None, ASK_AGAIN)
    return day_text, month, year_text


def _missing(numbers: list[str], month: int | None) -> DateReading:
    if month is not None and not numbers:
        return DateReading(None, f"Please add the day and the year, for example 12 {MONTHS[month - 1]} 1952.")
    if month is not None and len(numbers) == 1 and len(numbers[0]) <= 2:
        return DateReading(None, f"Please add the year, for example {int(numbers[0])} {MONTHS[month - 1]} 1952.")
    if month is None and len(numbers) == 2 and all(len(n) <= 2 for n in numbers):
        return DateReading(None, "Please add the year, for example 12/03/1952.")
    if len(numbers) == 1 and len(numbers[0]) == 4:
        return DateReading(None, "Please add the day and the month, for example 12 March 1952.")
    return DateReading(None, ASK_AGAIN)


def _checked(value: dt.date, earliest: dt.date | None, latest: dt.date | None) -> DateReading:
    if latest is not None and value > latest:
        return DateReading(None, f"{long_date(value)} is in the future: please check the date.")
    if earliest is not None and value < earliest:
        return DateReading(None, f"{long_date(value)} is before {long_date(earliest)}: please check the year.")
    return DateReading(value)

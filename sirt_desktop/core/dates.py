"""Dates the British way, the same on every computer: "22 November 2026", "3 Mar 2027".

No function here uses ``strftime`` month names or anything else from the system locale:
Qt calls ``setlocale`` when the window opens, so ``%b`` would print "Maw" for March on a
Welsh system while letters say "March". Every date the app shows or prints comes from here.
"""

from __future__ import annotations

import datetime as dt

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

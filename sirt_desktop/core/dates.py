"""Dates written out the British way ("22 November 2026"), for screens and letters."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def long_date(value: dt.date | str | None) -> str:
    """``2026-08-20`` or a date → ``20 August 2026``; an unreadable value is returned as given."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"

import datetime as dt

from hypothesis import given, strategies as st

from sirt_desktop.core.dates import long_date


def test_examples():
    assert long_date("2026-08-20") == "20 August 2026"
    assert long_date(dt.date(2024, 5, 16)) == "16 May 2024"
    assert long_date("") == "" and long_date(None) == ""
    assert long_date("sometime") == "sometime"


@given(st.dates())
def test_every_date_round_trips_through_its_parts(day):
    text = long_date(day)
    d, month, y = text.split(" ")
    assert int(d) == day.day and int(y) == day.year and month.startswith(day.strftime("%B")[:3])

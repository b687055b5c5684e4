import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sirt_desktop.core.dates import MONTHS, add_months, local_date, long_date, read_date, short_date

ENGLISH_MONTHS = [
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
]


def test_examples():
    assert long_date("2026-08-20") == "20 August 2026"
    assert long_date(dt.date(2024, 5, 16)) == "16 May 2024"
    assert long_date("") == "" and long_date(None) == ""
    assert long_date("sometime") == "sometime"
    assert short_date(dt.date(2027, 3, 3)) == "3 Mar 2027"
    assert short_date(dt.date(2026, 9, 30)) == "30 Sep 2026"


@given(st.dates())
def test_every_date_round_trips_through_its_parts(day):
    d, month, y = long_date(day).split(" ")
    assert (int(d), ENGLISH_MONTHS.index(month) + 1, int(y)) == (day.day, day.month, day.year)
    d, short, y = short_date(day).split(" ")
    assert short == ENGLISH_MONTHS[day.month - 1][:3] and int(d) == day.day and int(y) == day.year


def test_add_months_clamps_to_the_end_of_the_month_both_ways():
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2027, 3, 31), -1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 11, 14), 12) == dt.date(2027, 11, 14)
    assert add_months(dt.date(2027, 1, 15), -13) == dt.date(2025, 12, 15)


def test_local_date_reads_a_stored_utc_time():
    moment = dt.datetime(2027, 3, 3, 12, 0)
    assert abs((local_date(moment) - dt.date(2027, 3, 3)).days) <= 1


@pytest.fixture(scope="module")
def welsh_locale(tmp_path_factory):
    """A cy_GB.UTF-8 locale compiled into a temporary folder (no root needed), or a skip."""
    localedef = shutil.which("localedef")
    if localedef is None:
        pytest.skip("localedef is not installed (Debian package: locales)")
    folder = tmp_path_factory.mktemp("locales")
    made = subprocess.run(
        [localedef, "-i", "cy_GB", "-f", "UTF-8", str(folder / "cy_GB.UTF-8")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if not (folder / "cy_GB.UTF-8").exists():
        pytest.skip(f"the cy_GB locale could not be compiled: {made.stderr[-300:]}")
    return folder


@pytest.mark.slow
def test_dates_do_not_follow_a_welsh_system_locale(welsh_locale):
    code = (
        "import datetime as dt, locale\n"
        "locale.setlocale(locale.LC_ALL, 'cy_GB.UTF-8')\n"
        "from sirt_desktop.core.dates import long_date, short_date\n"
        "day = dt.date(2027, 3, 3)\n"
        "print(day.strftime('%b'), '|', short_date(day), '|', long_date(day))\n"
    )
    env = dict(os.environ, LOCPATH=str(welsh_locale))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    system_month, short, long = (part.strip() for part in result.stdout.split("|"))
    assert system_month == "Maw"  # the locale really is Welsh: strftime would have printed "3 Maw 2027"
    assert short == "3 Mar 2027"
    assert long == "3 March 2027"


# Reading dates as people type them --------------------------------------------------------
TODAY = dt.date(2026, 12, 3)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


STYLES = (
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day} {d.month} {d.year}",
    lambda d: f"{d.day}-{d.month:02d}-{d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year}",
    lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{_ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()]} {_ordinal(d.day)} {MONTHS[d.month - 1]}, {d.year}",
    lambda d: f"{d.day:02d}{d.month:02d}{d.year}",
)


@pytest.mark.parametrize(
    "text",
    [
        "12 March 1952",
        "12/03/1952",
        "12 3 1952",
        "12/3/1952",
        "12.03.1952",
        "12-03-1952",
        "1952-03-12",
        "March 12, 1952",
        "12th March 1952",
        "12 mar 1952",
        "  12  MARCH  1952 ",
        "12031952",
        "12/03/52",
        "Wed 12 March 1952",
    ],
)
def test_the_ways_people_type_12_march_1952(text):
    assert read_date(text, latest=TODAY, today=TODAY).value == dt.date(1952, 3, 12)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Nov", "Please add the day and the year, for example 12 November 1952."),
        ("12 March", "Please add the year"),
        ("12/03", "Please add the year"),
        ("1952", "Please add the day and the month"),
        ("31/02/2000", "February 2000 has 29 days"),
        ("29 February 2023", "February 2023 has 28 days"),
        ("12/25/2000", "day first"),
        ("12 Marhc 1952", "could not read “marhc” as a month"),
        ("1/1/2099", "in the future"),
        ("yesterday?", "Please type the day, month and year"),
    ],
)
def test_dates_that_cannot_be_read_say_why(text, words):
    reading = read_date(text, latest=TODAY, today=TODAY)
    assert reading.value is None and words in reading.problem


def test_empty_is_no_date_and_no_problem():
    assert read_date("   ") == read_date("") and read_date("").value is None and read_date("").ok


def test_today_yesterday_and_bounds():
    assert read_date("today", today=TODAY).value == TODAY
    assert read_date("Yesterday", today=TODAY).value == TODAY - dt.timedelta(days=1)
    early = read_date("1 January 1890", earliest=dt.date(1900, 1, 1), today=TODAY)
    assert early.value is None and "before 1 January 1900" in early.problem


@given(
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)),
    st.sampled_from(range(len(STYLES))),
    st.booleans(),
)
def test_every_date_in_every_style_reads_back(day, style, upper):
    text = STYLES[style](day)
    text = text.upper() if upper else text
    assert read_date(text, today=TODAY).value == day


@given(st.dates(min_value=TODAY.replace(year=TODAY.year - 99), max_value=TODAY))
def test_a_two_digit_year_is_the_latest_year_it_can_be(day):
    reading = read_date(f"{day.day}/{day.month}/{day.year % 100:02d}", latest=TODAY, today=TODAY)
    assert reading.value == day


@given(st.dates(max_value=dt.date(9999, 12, 31)))
def test_long_dates_read_back(day):
    assume(day.year >= 1000)
    assert read_date(long_date(day), today=TODAY).value == day


@given(st.text(max_size=40))
def test_any_text_gives_a_date_or_a_plain_problem_never_an_error(text):
    reading = read_date(text, latest=TODAY, today=TODAY)
    assert (reading.value is None) == bool(reading.problem) or (not text.strip() and reading.value is None)
    if reading.value is not None:
        assert reading.value <= TODAY


@given(st.integers(0, 99), st.integers(0, 99), st.integers(1000, 2999))
def test_impossible_days_and_months_are_problems(day, month, year):
    reading = read_date(f"{day}/{month}/{year}", today=TODAY)
    try:
        expected = dt.date(year, month, day)
    except ValueError:
        expected = None
    assert reading.value == expected
    assert bool(reading.problem) == (expected is None)

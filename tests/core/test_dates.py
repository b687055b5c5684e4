import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sirt_desktop.core.dates import add_months, local_date, long_date, short_date

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

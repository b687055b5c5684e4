"""The first checks both list imports share (MP list, members list): the file is there, not too
large, and CSV UTF-8 text; each refusal says why, with its line when there is one."""

from __future__ import annotations

from datetime import date

import pytest

from sirt_desktop.core.representatives.csv_files import Problem, decode, parse_iso_date, read_file


def test_a_folder_or_a_missing_file_is_named(tmp_path):
    data, problems = read_file(tmp_path, 100)
    assert data is None and "is a folder" in problems[0].message
    data, problems = read_file(tmp_path / "nothing.csv", 100)
    assert data is None and "There is no file at" in problems[0].message


def test_reading_stops_one_byte_past_the_limit(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"a" * 500)
    data, problems = read_file(big, 100)
    assert problems == [] and data is not None and len(data) == 101
    _text, problems = decode(data, 100, "an MP list")
    assert "too large for an MP list" in problems[0].message


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"   \n", None, "empty"),
        ("a,b\n".encode("utf-16"), 1, "UTF-16"),
        (b"a,b\nc,d\ne\x00f\n", 3, "binary"),
        (b"a,b\nc,d\nGlyndwr \xff\n", 3, "not UTF-8 text (names such as Glyndwr need it)"),
    ],
)
def test_each_refusal_says_why_and_where(data, line, words):
    text, problems = decode(data, 1000, "a members list", "names such as Glyndwr")
    assert text is None and len(problems) == 1
    assert problems[0].line == line and words in problems[0].message


def test_a_spreadsheets_byte_order_mark_is_dropped():
    text, problems = decode("\ufeffname,party\nYnys Môn,Plaid\n".encode(), 1000, "an MP list")
    assert problems == [] and text == "name,party\nYnys Môn,Plaid\n"


def test_a_problem_reads_with_its_line():
    assert str(Problem(4, "The party is empty.")) == "Line 4: The party is empty."
    assert str(Problem(None, "The file is empty.")) == "The file is empty."


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-08-20", date(2026, 8, 20)), ("2026-02-30", None), ("20/08/2026", None), ("2026-8-20", None), ("", None)],
)
def test_dates_are_written_year_month_day(value, expected):
    assert parse_iso_date(value) == expected

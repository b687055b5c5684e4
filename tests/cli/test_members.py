"""``sirt-desktop data import-members`` and ``data members-template``."""

from __future__ import annotations

import io

from sirt_desktop.cli import main
from sirt_desktop.cli.output import Console, ExitCode
from sirt_desktop.core.representatives import members
from tests.core.representatives.test_members import as_csv, full_rows


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), Console(out, err))
    return code, out.getvalue(), err.getvalue()


def test_import_members_applies_a_good_list_and_refuses_a_bad_one(tmp_path) -> None:
    good = tmp_path / "senedd.csv"
    good.write_text(as_csv(full_rows("senedd")), encoding="utf-8")
    code, out, err = run("data", "import-members", str(good))
    assert code == ExitCode.OK, err
    assert "96 of 96 seats named" in out and "now in use" in out
    rows = full_rows("senedd")
    rows[3]["code"] = "S16000182"  # a Scottish constituency on a Senedd line
    bad = tmp_path / "bad.csv"
    bad.write_text(as_csv(rows), encoding="utf-8")
    code, out, err = run("data", "import-members", str(bad))
    assert code == ExitCode.PROBLEMS and out == ""
    assert "The members list was not changed" in err and "Line 5:" in err and "Scottish Parliament" in err
    assert members.list_date("senedd") == "2026-11-20"  # the list in use stays
    code, _out, err = run("data", "import-members", str(tmp_path / "missing.csv"))
    assert code == ExitCode.PROBLEMS and "There is no file" in err


def test_members_template_is_written_once(tmp_path) -> None:
    target = tmp_path / "template.csv"
    code, out, _err = run("data", "members-template", str(target))
    assert code == ExitCode.OK and "315 seats" in out
    assert target.read_text(encoding="utf-8") == members.template_text()
    code, _out, err = run("data", "members-template", str(target))
    assert code == ExitCode.PROBLEMS and "already exists" in err

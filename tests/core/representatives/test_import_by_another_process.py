"""A list imported by another process (the ``data import-mps`` or ``data import-members``
command, run while the window is open) is used by the next lookup in this one: the window
once kept the list it had read at start until it was restarted, so a volunteer who imported
a by-election's MP from the command line still got letters addressed to the previous MP."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from sirt_desktop.core import paths
from sirt_desktop.core.representatives import members
from sirt_desktop.core.representatives.lookup import lookup
from tests.core.representatives.test_members import as_csv, full_rows
from tests.core.representatives.test_mp_list import ROMSEY, shipped_rows, write_csv


def _in_another_process(*argv: str) -> subprocess.CompletedProcess:
    """The command line, in a process of its own, on this test's data folder (SIRT_DESKTOP_HOME)."""
    assert os.environ.get(paths.HOME_ENV)
    return subprocess.run([sys.executable, "-m", "sirt_desktop", *argv], capture_output=True, text=True, timeout=120)


def test_an_mp_list_imported_by_the_command_is_used_by_the_next_lookup(tmp_path) -> None:
    assert lookup("SO51 7AA").candidates[0].mp.name == "Caroline Nokes"  # loaded and kept here
    header, rows = shipped_rows()
    for row in rows:
        if row["gss_code"] == ROMSEY:
            row["mp_name"], row["party"], row["record_as_of"] = "Test Person", "Independent", "2026-09-15"
    new = write_csv(tmp_path / "new.csv", header, rows)

    ran = _in_another_process("data", "import-mps", str(new))
    assert ran.returncode == 0, ran.stderr
    time.sleep(1.05)  # the file is looked at again at most once a second

    assert lookup("SO51 7AA").candidates[0].mp.name == "Test Person"

    paths.imported_mps_file().unlink()  # removed by hand, as a person might
    time.sleep(1.05)
    assert lookup("SO51 7AA").candidates[0].mp.name == "Caroline Nokes"


def test_a_members_list_imported_by_the_command_is_used_by_the_next_lookup(tmp_path) -> None:
    assert members.members_for(lookup("CF10 1EP").devolved) == []  # no names yet, and that is kept
    senedd = tmp_path / "senedd.csv"
    senedd.write_text(as_csv(full_rows("senedd")), encoding="utf-8")

    ran = _in_another_process("data", "import-members", str(senedd))
    assert ran.returncode == 0, ran.stderr
    time.sleep(1.05)

    named = members.members_for(lookup("CF10 1EP").devolved)
    assert named and all(m.name.startswith("Test Member senedd") for m in named)

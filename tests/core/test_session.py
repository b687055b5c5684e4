"""The marker that tells whether the last run closed properly, and the fault log beside it."""

from __future__ import annotations

import faulthandler
import json
import sys

import pytest

from sirt_desktop.core.session import CLOSED, RUNNING, SessionGuard


@pytest.fixture(autouse=True)
def _give_faulthandler_back():
    """The guard points faulthandler at its own file; afterwards pytest's stderr has it again."""
    yield
    faulthandler.enable(file=sys.__stderr__, all_threads=True)


def test_a_run_that_did_not_close_is_reported_once(tmp_path):
    first = SessionGuard(tmp_path)
    assert first.begin() is None  # nothing before the first run
    assert json.loads(first.session_file.read_text())["state"] == RUNNING
    # The first run ends without end() (killed); the fault file got a report meanwhile.
    with open(first.fault_file, "a", encoding="utf-8") as handle:
        handle.write("Fatal Python error: Aborted\n\nCurrent thread 0x1 (most recent call first):\n")
    first._fault_handle.close()

    second = SessionGuard(tmp_path)
    last = second.begin()
    assert last is not None
    assert last.first_fault_line() == "Fatal Python error: Aborted"
    assert last.fault_file == tmp_path / "faults.log"
    second.end()
    assert json.loads(second.session_file.read_text())["state"] == CLOSED

    third = SessionGuard(tmp_path)
    assert third.begin() is None  # the second run closed properly
    third.end()


def test_only_this_runs_faults_are_reported(tmp_path):
    (tmp_path / "faults.log").write_text("Fatal Python error: an old one\n", encoding="utf-8")
    first = SessionGuard(tmp_path)
    first.begin()
    first._fault_handle.close()  # killed with kill -9: nothing written this time
    guard = SessionGuard(tmp_path)
    last = guard.begin()
    assert last is not None and last.fault == ""
    guard.end()


def test_a_damaged_marker_is_not_a_crash(tmp_path):
    (tmp_path / "session.json").write_text("{not json", encoding="utf-8")
    guard = SessionGuard(tmp_path)
    assert guard.begin() is None
    guard.end()

"""After the app ends abnormally (an abort, kill -9), the next start says so calmly, says the
draft was kept, and the log records it; a clean quit leaves no such notice."""

from __future__ import annotations

import json
import signal

from tests.journeys import steps

NOTICE = r"closed unexpectedly$"


def _write_a_draft(app) -> None:
    steps.open_writer(app)
    steps.next_step(app)
    app.key("alt+m")
    app.type("Mrs Ann Jones")
    steps.wait_saved(app, lambda s: s["data"].get("sender", {}).get("name") == "Mrs Ann Jones", "the draft")


def test_after_an_abort_and_a_kill_the_next_start_says_so(start_app, _isolated_home):
    app = start_app()
    _write_a_draft(app)
    assert app.kill(signal.SIGABRT) == -signal.SIGABRT

    again = start_app()
    again.wait_window(NOTICE)
    again.screenshot("notice-after-abort")
    again.key("Return")
    again.wait_no_dialogs()
    log = again.log_text()
    assert "did not close properly" in log and "Fatal Python error: Aborted" in log, log[-3000:]
    assert "draft kept: yes" in log
    assert "Fatal Python error: Aborted" in (_isolated_home / "logs" / "faults.log").read_text()
    assert again.quit() == 0
    assert json.loads((_isolated_home / "logs" / "session.json").read_text())["state"] == "closed"

    # A clean quit: no notice next time.
    third = start_app()
    assert third.log_text().count("did not close properly") == 1
    assert not third.dialogs()
    assert third.kill(signal.SIGKILL) == -signal.SIGKILL

    fourth = start_app()
    fourth.wait_window(NOTICE)
    fourth.key("Return")
    fourth.wait_no_dialogs()
    log = fourth.log_text()
    assert log.count("did not close properly") == 2
    assert "left no error report" in log
    assert fourth.quit() == 0
    assert "Traceback" not in fourth.log_text()

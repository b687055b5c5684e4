"""gui/tasks.py: work on a worker thread, answers on the GUI thread, and an inline mode."""

from __future__ import annotations

import gc
import threading

from sirt_desktop.gui import tasks
from sirt_desktop.gui.tasks import run_in_background, run_inline, wait_for_all

MAIN = threading.get_ident()


def test_work_runs_off_the_gui_thread_and_the_answer_comes_back_on_it(qapp, qtbot):
    seen = {}

    def work():
        seen["work_thread"] = threading.get_ident()
        return 42

    def done(result):
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    task = run_in_background(work, done)
    assert "result" not in seen  # never before run_in_background returns: the answer is queued
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert seen["result"] == 42 and task.result == 42
    assert seen["work_thread"] != MAIN
    assert seen["done_thread"] == MAIN


def test_an_error_goes_to_on_error_on_the_gui_thread(qapp, qtbot):
    seen = {}

    def work():
        raise OSError(28, "No space left on device")

    def failed(exc):
        seen["error"] = exc
        seen["thread"] = threading.get_ident()

    task = run_in_background(work, on_done=lambda _r: seen.setdefault("done", True), on_error=failed)
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert isinstance(seen["error"], OSError) and seen["error"].errno == 28
    assert seen["thread"] == MAIN and "done" not in seen
    assert task.error is seen["error"]


def test_an_error_nobody_handles_is_logged(qapp, qtbot, caplog):
    def work():
        raise ValueError("nobody listens")

    task = run_in_background(work, name="lonely")
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert "background task lonely failed" in caplog.text and "nobody listens" in caplog.text


def test_many_tasks_all_answer_once_even_when_nobody_keeps_a_reference(qapp, qtbot):
    answers: list[int] = []
    for number in range(50):
        run_in_background(lambda n=number: n * n, answers.append)
    gc.collect()
    assert wait_for_all(10_000)
    assert sorted(answers) == [n * n for n in range(50)]
    assert tasks.running() == 0


def test_wait_for_all_gives_up_when_time_runs_out(qapp, qtbot):
    release = threading.Event()
    task = run_in_background(lambda: release.wait(10))
    try:
        assert wait_for_all(100) is False and task.running
    finally:
        release.set()
    assert wait_for_all(5000) and not task.running


def test_inline_runs_at_once_on_the_calling_thread(qapp):
    seen = []
    with run_inline():
        task = run_in_background(lambda: threading.get_ident(), seen.append)
        run_in_background(lambda: 1 / 0, on_error=seen.append)
    assert seen[0] == MAIN and not task.running
    assert isinstance(seen[1], ZeroDivisionError)
    assert tasks._inline is False  # switched back off after the block


def test_the_inline_tasks_fixture(inline_tasks):
    seen = []
    run_in_background(lambda: "now", seen.append)
    assert seen == ["now"]

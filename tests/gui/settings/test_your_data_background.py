"""Export and Delete everything run off the GUI thread, with the buttons waiting meanwhile."""

from __future__ import annotations

import threading

import pytest

from sirt_desktop.core.db.letters_repo import LettersRepository


class Answers:
    def __init__(self, path):
        self.path = path
        self.told: list[str] = []
        self.problems: list[str] = []

    def export_path(self):
        return str(self.path)

    def confirm_delete_everything(self, counts):
        return True

    def tell(self, title, message):
        self.told.append(title)

    def problem(self, message, title="That did not work"):
        self.problems.append(message)


@pytest.fixture
def group(db, qtbot, tmp_path, monkeypatch):
    from sirt_desktop.core import paths
    from sirt_desktop.core.settings import Settings
    from sirt_desktop.gui.settings import your_data
    from sirt_desktop.gui.settings.your_data_view import YourDataView

    view = YourDataView(str(paths.data_dir()))
    qtbot.addWidget(view)
    view.show()
    answers = Answers(tmp_path / "export.zip")
    controller = your_data.YourDataController(view, lambda: db, Settings(), prompts=answers)
    return view, controller, answers, your_data, monkeypatch


def _gated(real, seen):
    """Wraps core work: records its thread and holds it until released."""
    gate = threading.Event()

    def work(*args, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        assert gate.wait(10)
        return real(*args, **kwargs)

    return work, gate


@pytest.mark.parametrize("action", ["export", "delete_everything"])
def test_slow_work_runs_off_the_gui_thread_and_the_buttons_wait(db, group, qtbot, action):
    view, _controller, answers, your_data, monkeypatch = group
    LettersRepository(db).create_draft("mp_campaign", {}, "Jane", "Keep me")
    seen: list[bool] = []
    real = your_data.export_everything if action == "export" else your_data.delete_everything
    work, gate = _gated(real, seen)
    monkeypatch.setattr(your_data, real.__name__, work)

    (view.export if action == "export" else view.delete_all).click()
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    # The work is under way on another thread, and the GUI thread is free to run this test.
    assert seen == [False]
    assert view.is_busy() and not view.export.isEnabled() and not view.delete_all.isEnabled()
    assert answers.told == []
    gate.set()
    qtbot.waitUntil(lambda: bool(answers.told), timeout=10_000)
    assert answers.told == ["Exported" if action == "export" else "Deleted"]
    assert not view.is_busy() and view.export.isEnabled() and view.delete_all.isEnabled()
    assert answers.problems == []


def test_a_failed_export_says_so_and_frees_the_buttons(db, group, qtbot, tmp_path):
    view, _controller, answers, your_data, monkeypatch = group

    def full_disk(_db, _path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(your_data, "export_everything", full_disk)
    view.export.click()
    qtbot.waitUntil(lambda: bool(answers.problems), timeout=10_000)
    assert "No space left on device" in answers.problems[0] and "Nothing was exported" in answers.problems[0]
    assert not view.is_busy() and view.export.isEnabled()

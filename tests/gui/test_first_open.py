"""The first database open (with its migration and backup) never runs on the GUI thread."""

from __future__ import annotations

import threading


def test_start_up_opens_the_database_off_the_gui_thread(shell, qtbot, monkeypatch):
    from sirt_desktop.core.db import recovery

    shell.database.close()
    real_open = recovery.open_database
    seen: list[bool] = []
    gate = threading.Event()

    def slow_open(*args, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        assert gate.wait(10)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(recovery, "open_database", slow_open)
    shell.after_first_show()
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [False]
    assert not shell.database.is_open  # after_first_show returned while the open was under way
    gate.set()
    qtbot.waitUntil(lambda: shell.database.is_open, timeout=10_000)
    assert shell.database.error is None


def test_a_page_that_needs_the_database_during_the_open_waits_for_that_open(shell, qtbot, monkeypatch):
    from sirt_desktop.core.db import recovery

    shell.database.close()
    real_open = recovery.open_database
    opens: list[int] = []

    def counted_open(*args, **kwargs):
        opens.append(1)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(recovery, "open_database", counted_open)
    shell.after_first_show()
    db = shell.database.get()  # as the writer would, straight away
    assert db is shell.database.get()
    qtbot.waitUntil(lambda: shell.database.is_open, timeout=10_000)
    from sirt_desktop.gui import tasks

    assert tasks.wait_for_all(10_000)
    assert opens == [1]  # one open, never two engines on one file


def test_file_updates_check_and_apply_off_the_gui_thread(shell, qtbot, monkeypatch, tmp_path):
    """File → Update MP list: the check runs in the background with the menu items waiting."""
    from sirt_desktop.core.representatives import mp_list

    real_validate = mp_list.validate_mp_csv
    seen: list[bool] = []
    gate = threading.Event()

    def slow_validate(path):
        seen.append(threading.current_thread() is threading.main_thread())
        assert gate.wait(10)
        return real_validate(path)

    monkeypatch.setattr(mp_list, "validate_mp_csv", slow_validate)
    bad = tmp_path / "bad.csv"
    bad.write_text("gss_code,constituency\nE14001449,Romsey\n", encoding="utf-8")
    outcome = shell.update_mp_list(str(bad))
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [False] and outcome.changed is None
    assert not any(action.isEnabled() for action in shell.update_actions)
    assert "Checking the MP list" in shell.window.statusBar().currentMessage()
    gate.set()
    assert outcome.wait() is False
    assert all(action.isEnabled() for action in shell.update_actions)
    assert shell.prompts.told[-1][:2] == ("problems", "The MP list was not changed")

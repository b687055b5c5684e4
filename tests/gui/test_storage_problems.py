"""The window tells storage faults apart and offers only what fits each one: a full disk can
only be tried again (never "start fresh" over sound letters), a file that fails its check is
reported as damaged, and a journal that was put aside is said out loud."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess

import pytest

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.gui.common import recovery_dialog


def _letters(count: int) -> None:
    db = Database.open()
    repo = LettersRepository(db)
    for i in range(count):
        repo.create_draft("mp_campaign", {}, subject=f"Letter {i}", body=f"precious words {i} " * 60)
    db.close()


class Offers:
    """Records which recovery dialog the window showed, and answers it."""

    def __init__(self, monkeypatch, answers: dict[str, list[str]]) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answers = answers
        for name in ("ask_recovery", "ask_storage_problem", "ask_missing_file"):
            monkeypatch.setattr(recovery_dialog, name, self._answer(name))

    def _answer(self, name: str):
        def answer(_parent, *args):
            reason = next(a for a in args if isinstance(a, str) and len(a) > 25)
            self.shown.append((name, reason))
            return self.answers[name].pop(0)

        return answer


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def test_a_full_disk_at_start_offers_only_to_try_again(shell, small_disk, monkeypatch, qtbot):
    monkeypatch.setenv("SIRT_DESKTOP_HOME", str(small_disk / "home"))
    _letters(3)
    filler = small_disk / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    offers = Offers(monkeypatch, {"ask_storage_problem": ["try_again", "carry_on"]})
    shell.after_first_show()  # the database opens in the background
    qtbot.waitUntil(lambda: len(offers.shown) == 2, timeout=30_000)
    assert [name for name, _ in offers.shown] == ["ask_storage_problem", "ask_storage_problem"]
    assert "no space left" in offers.shown[0][1]
    assert not any(paths.set_aside_dir(create=False).glob("*.sqlite3"))  # nothing hidden

    filler.unlink()
    offers.answers["ask_storage_problem"] = ["try_again"]
    shell.recover(shell.database.error)
    assert shell.database.current() is not None
    assert LettersRepository(shell.database.current()).count() == 3


def test_damage_found_by_the_check_is_reported_as_damage(shell, monkeypatch, qtbot):
    _letters(400)
    db_file = paths.database_path()
    data = bytearray(db_file.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8192] = os.urandom(8192)
    db_file.write_bytes(bytes(data))
    offers = Offers(monkeypatch, {"ask_recovery": ["carry_on"]})
    shell.after_first_show()  # opens: only the background check finds the damage
    qtbot.waitUntil(lambda: bool(offers.shown), timeout=30_000)
    assert offers.shown[0][0] == "ask_recovery" and "damaged" in offers.shown[0][1]


def test_a_journal_put_aside_is_said_once(shell, prompts, monkeypatch, tmp_path, qtbot):
    _letters(5)
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE notes(text)")
    con.executemany("INSERT INTO notes VALUES (?)", [("someone else's",)] * 50)
    con.commit()
    shutil.copyfile(f"{other}-wal", f"{paths.database_path()}-wal")
    con.close()
    Offers(monkeypatch, {})
    shell.after_first_show()  # the database opens in the background
    qtbot.waitUntil(lambda: any(title == "About your letters" for _k, title, _t in prompts.told), timeout=30_000)
    told = [text for kind, title, text in prompts.told if title == "About your letters"]
    assert len(told) == 1 and "did not belong" in told[0]
    assert LettersRepository(shell.database.current()).count() == 5

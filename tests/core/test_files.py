from __future__ import annotations

import os
import stat
import time

import pytest

from sirt_desktop.core.files import atomic_writer, write_atomically


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_writes_bytes_and_text(tmp_path):
    write_atomically(tmp_path / "a.bin", b"\x00\x01")
    write_atomically(tmp_path / "b.txt", "Ynys Môn\r\n")
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "b.txt").read_bytes() == "Ynys Môn\r\n".encode()  # line endings as given


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_new_file_is_owner_only_even_over_a_readable_one(tmp_path):
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_error_halfway_keeps_the_old_file_and_leaves_nothing_behind(tmp_path):
    target = tmp_path / "settings.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_no_overwrite_refuses_a_file_that_exists(tmp_path):
    target = tmp_path / "letters.sqlite3"
    target.write_bytes(b"someone else's")
    with pytest.raises(FileExistsError), atomic_writer(target, overwrite=False) as handle:
        handle.write(b"restored")
    assert target.read_bytes() == b"someone else's"
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_an_error_not_a_stray_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "nowhere" / "x.pdf", b"pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_file_watch_sees_a_replaced_file_after_its_interval_or_when_told(tmp_path, monkeypatch):
    from sirt_desktop.core.files import FileWatch, write_atomically

    target = tmp_path / "list.csv"
    watch = FileWatch(lambda: target, every=0.3)
    absent = watch.key()
    assert absent[1] is None
    write_atomically(target, b"a,b\n")
    assert watch.key() == absent  # within the interval: not looked at again
    time.sleep(0.35)
    present = watch.key()
    assert present[1] is not None and present != absent
    write_atomically(target, b"a,b\n")  # same bytes, a new file
    watch.forget()
    assert watch.key() != present
    monkeypatch.setenv("SIRT_DESKTOP_HOME", str(tmp_path / "elsewhere"))
    assert watch.key()[0] == str(tmp_path / "elsewhere")  # a new home is seen at once

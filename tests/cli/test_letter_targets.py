"""``letter --out`` never replaces its own input, a device, a pipe, a folder or a symlink, and
the input is read within limits (odd files get a plain message, not a traceback)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from sirt_desktop.core.files import NotAFileError, write_atomically
from tests.cli.run import cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def letter_file(tmp_path) -> Path:
    path = tmp_path / "letter.json"
    path.write_bytes((EXAMPLES / "mp_campaign.json").read_bytes())
    return path


def test_out_may_not_be_the_input(letter_file):
    before = letter_file.read_bytes()
    ran = cli("letter", "--data", letter_file, "--out", letter_file)
    assert ran.code == 2
    assert "is the input file" in ran.err and "no PDF was written" in ran.err
    assert letter_file.read_bytes() == before


def test_out_may_not_be_a_hard_link_to_the_input(letter_file, tmp_path):
    twin = tmp_path / "twin.json"
    os.link(letter_file, twin)
    ran = cli("letter", "--data", letter_file, "--out", twin)
    assert ran.code == 2 and "is the input file" in ran.err


def test_out_may_not_be_a_symlink(letter_file, tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "letter.pdf"
    link.symlink_to(precious)
    ran = cli("letter", "--data", letter_file, "--out", link)
    assert ran.code == 2 and "symbolic link" in ran.err
    assert link.is_symlink() and precious.read_text() == "keep me"


def test_out_may_not_be_a_folder(letter_file, tmp_path):
    ran = cli("letter", "--data", letter_file, "--out", tmp_path)
    assert ran.code == 2 and "is a folder" in ran.err


def test_out_may_not_be_a_pipe(letter_file, tmp_path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    ran = cli("letter", "--data", letter_file, "--out", fifo)
    assert ran.code == 2 and "not a regular file" in ran.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_out_may_not_be_a_device(letter_file, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    ran = cli("letter", "--data", letter_file, "--out", device)
    assert ran.code == 2 and "not a regular file" in ran.err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_no_atomic_write_ever_replaces_a_device_or_a_pipe(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotAFileError):
        write_atomically(fifo, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left behind


def test_an_ordinary_out_file_is_replaced_whole(letter_file, tmp_path):
    out = tmp_path / "letter.pdf"
    out.write_bytes(b"an older PDF")
    ran = cli("letter", "--data", letter_file, "--out", out)
    assert ran.code == 0, ran.err
    assert out.read_bytes().startswith(b"%PDF")


def test_data_that_never_ends_is_refused(tmp_path):
    ran = cli("letter", "--data", "/dev/zero", "--out", tmp_path / "x.pdf")
    assert ran.code == 2 and "larger than" in ran.err
    assert not (tmp_path / "x.pdf").exists()


def test_a_number_of_thousands_of_digits_is_a_plain_message(tmp_path):
    path = tmp_path / "huge.json"
    text = (EXAMPLES / "mp_campaign.json").read_text(encoding="utf-8").rstrip().rstrip("}")
    path.write_text(text + ', "large_print": ' + "1" * 5000 + "}", encoding="utf-8")
    ran = cli("letter", "--data", path, "--out", tmp_path / "x.pdf")
    assert ran.code == 2 and "too long" in ran.err and "Traceback" not in ran.err


def test_a_batch_with_line_separators_inside_its_letters_is_read_line_by_line(tmp_path):
    base = json.loads((EXAMPLES / "mp_campaign.json").read_text(encoding="utf-8"))
    lines = []
    for i, odd in enumerate(["\u2028", "\u2029", "\u0085", "\x0b", "\x1c", "\u2028"]):
        letter = dict(base, body=f"First line{odd}second line of letter {i}.")
        lines.append(json.dumps(letter, ensure_ascii=False))
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    ran = cli("letter", "--data", batch, "--out-dir", out)
    assert ran.code == 0, ran.err
    assert sorted(p.name for p in out.iterdir()) == [f"{n:04d}-mp_campaign.pdf" for n in range(1, 7)]


def test_data_export_refuses_a_symlink(tmp_path):
    from sirt_desktop.core.db.engine import Database

    Database.open().close()
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "export.zip"
    link.symlink_to(precious)
    ran = cli("data", "export", link)
    assert ran.code == 1 and "symbolic link" in ran.err
    assert precious.read_text() == "keep me"


def test_lookup_json_never_writes_raw_terminal_controls_or_line_separators():
    ran = cli("lookup", "--json", stdin="SO51 7AA \x9b2J\u2028x\u0085y\n")
    lines = ran.out.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["input"].endswith("\x9b2J\u2028x\u0085y")
    assert not any(ch in ran.out for ch in "\x9b\u2028\u0085")

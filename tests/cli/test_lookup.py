"""``sirt-desktop lookup``: the real command, run as a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.cli.run import cli

pytestmark = pytest.mark.slow

ODD_LINES: list[bytes] = [
    b"so517aa.",
    b"",
    b"   ",
    b"AB10 1PE\r",  # a Windows line ending
    b"\xff\xfe\xfa not utf-8",
    b"x" * 10_000,
    b"SO51\x007AA",
    b"\x1b[31mred\x1b[0m",
    "😀 SO51 7AA".encode(),
    b"BT7 1NN",
    b"JE2 3AB",
    b"BFPO 123",
    b"SO51",
    b"EH12 9ZZ",
    b"QQ1",
    b"\t sw1a 0aa \t",
]


def run_cli(args: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sirt_desktop", "lookup", *args],
        input=stdin,
        capture_output=True,
        env=dict(os.environ),  # holds this test's own SIRT_DESKTOP_HOME
        timeout=120,
        check=False,
    )


def test_json_one_object_per_line_in_order() -> None:
    proc = run_cli(["--json"], b"\n".join(ODD_LINES) + b"\n")
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    out_lines = proc.stdout.decode("utf-8").split("\n")
    assert out_lines[-1] == ""
    objects = [json.loads(line) for line in out_lines[:-1]]
    assert len(objects) == len(ODD_LINES)
    for raw, obj in zip(ODD_LINES, objects, strict=True):
        assert list(obj) == ["input", "postcode", "status", "candidates", "message", "devolved"]
        assert obj["input"] == raw.decode("utf-8", "replace").rstrip("\r")
        if obj["status"] == "found":
            assert len(obj["candidates"]) == 1
    statuses = [obj["status"] for obj in objects]
    assert statuses == [
        "found",
        "invalid",
        "invalid",
        "found",
        "invalid",
        "invalid",
        "invalid",
        "invalid",
        "invalid",
        "northern_ireland",
        "crown_dependency",
        "non_geographic",
        "partial",
        "unknown",
        "invalid",
        "found",
    ]
    assert objects[0]["postcode"] == "SO51 7AA"
    assert objects[3]["candidates"][0]["constituency"] == "Aberdeen North"
    assert len(objects[9]["candidates"]) == 18
    assert objects[0]["devolved"] is None  # England
    assert objects[3]["devolved"]["legislature"] == "scottish_parliament"  # Aberdeen
    assert objects[9]["devolved"]["legislature"] == "ni_assembly"


def test_devolved_answer_in_json_and_plain_text() -> None:
    proc = run_cli(["--json", "CF10 1EP", "EH1 1YZ", "BT1 5GS"], b"")
    wales, scotland, ni = (json.loads(line)["devolved"] for line in proc.stdout.decode().splitlines())
    assert wales["legislature"] == "senedd" and wales["certain"] is True and wales["members"] == 6
    assert wales["constituency"]["code"] == "W09000053" and wales["constituency"]["name"] == "Caerdydd Penarth"
    assert scotland["certain"] is False and scotland["constituency"] is None and scotland["members"] == 8
    assert scotland["choose_from"] == 73
    assert ni["certain"] is False and ni["members"] == 5 and ni["choose_from"] == 18

    text = run_cli(["CF10 1EP", "BT1 5GS"], b"").stdout.decode()
    assert "Senedd constituency: Caerdydd Penarth" in text
    assert "Members of the Senedd: 6 for each constituency" in text
    assert "Possible constituencies, in alphabetical order:" in text  # the 18 NI seats claim no order
    assert "most likely first:\n  - Belfast East" not in text


def test_last_line_without_newline_and_empty_input() -> None:
    proc = run_cli(["--json"], b"SO51 7AA\nAB10 1AB")
    assert proc.returncode == 0
    assert [json.loads(line)["postcode"] for line in proc.stdout.decode().splitlines()] == ["SO51 7AA", "AB10 1AB"]
    empty = run_cli(["--json"], b"")
    assert empty.returncode == 0 and empty.stdout == b""


def test_plain_text_from_arguments() -> None:
    proc = run_cli(["so51 7aa", "QQ1", "bt7 1nn"], b"")
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert "Romsey and Southampton North" in text and "Caroline Nokes" in text
    assert "does not look like a UK postcode" in text
    assert "Belfast East" in text
    assert text.count("Postcode:") == 3


def test_in_process_writes_one_answer_per_argument() -> None:
    ran = cli("lookup", "--json", "SO51 7AA", "", "😀")
    assert ran.code == 0
    lines = ran.out.splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["found", "invalid", "invalid"]

"""``sirt-desktop letter``: one letter, a batch with bad lines, and files that cannot be read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sirt_desktop.cli import main
from sirt_desktop.core.letters.kinds import KIND_IDS
from tests.cli.run import cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def good(**overrides) -> dict:
    data = json.loads((EXAMPLES / "mp_campaign.json").read_text(encoding="utf-8"))
    data.update(overrides)
    return data


def run(data, out=None, out_dir=None, large_print=False) -> tuple[int, str]:
    argv = ["letter", "--data", data]
    if out is not None:
        argv += ["--out", out]
    if out_dir is not None:
        argv += ["--out-dir", out_dir]
    if large_print:
        argv.append("--large-print")
    ran = cli(*argv)
    assert ran.out == ""
    return ran.code, ran.err


def written(folder: Path) -> list[str]:
    """The files in ``folder``, leaving out the test's own app home (its log lives there)."""
    return sorted(p.name for p in folder.iterdir() if p.name != "sirt-home")


def test_one_letter(tmp_path):
    out = tmp_path / "letter.pdf"
    code, err = run(EXAMPLES / "clinician.json", out=out)
    assert (code, err) == (0, "")
    text = PdfReader(out).pages[0].extract_text()
    assert "Dear Dr Mehta," in text and "NHS number: 943 476 5919" in text
    assert written(tmp_path) == ["letter.pdf"]


def test_large_print_flag(tmp_path):
    out = tmp_path / "big.pdf"
    assert run(EXAMPLES / "mp_campaign.json", out=out, large_print=True)[0] == 0
    small = tmp_path / "small.pdf"
    assert run(EXAMPLES / "mp_campaign.json", out=small)[0] == 0
    assert len(PdfReader(out).pages) >= len(PdfReader(small).pages)
    assert out.read_bytes() != small.read_bytes()


def test_invalid_letter_names_each_field_and_writes_nothing(tmp_path):
    data = good(
        nhs_number="123", recipient={"kind": "mp", "full_name": "X", "address_lines": [f"l{i}" for i in range(8)]}
    )
    data["sender"]["name"] = ""
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "bad.pdf"
    code, err = run(src, out=out)
    assert code == 1
    assert "nhs_number:" in err and "sender.name:" in err
    assert "recipient.address_lines: 8 lines given; a window envelope shows at most 7" in err
    assert "Traceback" not in err
    assert not out.exists() and written(tmp_path) == ["bad.json"]


def test_existing_pdf_is_untouched_when_the_new_letter_is_bad(tmp_path):
    out = tmp_path / "letter.pdf"
    out.write_bytes(b"%PDF-old")
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(good(kind="sonnet")), encoding="utf-8")
    assert run(src, out=out)[0] == 1
    assert out.read_bytes() == b"%PDF-old"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(None, "no such file"), ("{not json", "not valid JSON"), (b"\xff\xfe\x00bad", "not UTF-8")],
)
def test_unreadable_input_exits_2(tmp_path, content, fragment):
    src = tmp_path / "letter.json"
    if isinstance(content, str):
        src.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        src.write_bytes(content)
    code, err = run(src, out=tmp_path / "x.pdf")
    assert code == 2 and fragment in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_folder_as_data_exits_2(tmp_path):
    assert run(tmp_path, out=tmp_path / "x.pdf")[0] == 2


def test_batch_with_bad_lines(tmp_path):
    lines = [
        json.dumps(good(), ensure_ascii=False),
        "{broken json",
        json.dumps(good(kind="clinician", recipient={"full_name": "Dr A Patel", "kind": "clinician"})),
        "",
        json.dumps(json.loads((EXAMPLES / "devolved_rep.json").read_text(encoding="utf-8")), ensure_ascii=False),
        json.dumps(good(nhs_number="9434765918")),
    ]
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, err = run(src, out_dir=out_dir)
    assert code == 1
    assert sorted(p.name for p in out_dir.iterdir()) == ["0001-mp_campaign.pdf", "0005-devolved_rep.pdf"]
    assert "line 2: not valid JSON" in err
    assert "line 3: recipient.address_lines:" in err
    assert "line 6: nhs_number:" in err
    assert "3 of 5 letters had problems" in err and "2 written" in err
    assert "Traceback" not in err
    assert not list(out_dir.glob("*.part")) and not list(out_dir.glob(".*"))


def test_example_batch_renders_every_kind(tmp_path):
    code, err = run(EXAMPLES / "batch.jsonl", out_dir=tmp_path / "out")
    assert (code, err) == (0, "")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert {n.split("-", 1)[1][:-4] for n in names} == set(KIND_IDS)
    assert names[0] == "0001-mp_campaign.pdf"


def test_batch_needs_out_dir(tmp_path):
    code, err = run(EXAMPLES / "batch.jsonl", out=tmp_path / "x.pdf")
    assert code == 2 and "--out-dir" in err


def test_empty_batch(tmp_path):
    src = tmp_path / "empty.jsonl"
    src.write_text("\n\n", encoding="utf-8")
    code, err = run(src, out_dir=tmp_path / "out")
    assert code == 1 and "no letters" in err


def test_single_letter_into_a_folder(tmp_path):
    assert run(EXAMPLES / "mp_my_case.json", out_dir=tmp_path / "o")[0] == 0
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["0001-mp_my_case.pdf"]


def test_through_the_cli_entry_point(tmp_path, capsys):
    out = tmp_path / "cli.pdf"
    assert main(["letter", "--data", str(EXAMPLES / "mp_follow_up.json"), "--out", str(out)]) == 0
    assert "14 September 2026" in PdfReader(out).pages[0].extract_text()


def test_as_a_real_process(tmp_path):
    out = tmp_path / "proc.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sirt_desktop",
            "letter",
            "--data",
            str(EXAMPLES / "ifr_statement.json"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert PdfReader(out).pages[0].extract_text().count("Colin Birtwistle") == 1


def test_large_batch_in_parallel_keeps_line_order_and_names(tmp_path):
    good_line = (EXAMPLES / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [good_line[i % len(good_line)] for i in range(40)]
    lines[9] = json.dumps(good(date="tomorrow"))
    lines[30] = "[]"
    src = tmp_path / "big.jsonl"
    src.write_text("\n".join(lines), encoding="utf-8")
    code, err = run(src, out_dir=tmp_path / "out")
    assert code == 1
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 38
    assert (tmp_path / "out" / "0040-ifr_statement.pdf").exists()
    assert err.index("line 10: date:") < err.index("line 31: letter: should be an object")
    assert "2 of 40 letters had problems" in err


def test_deeply_nested_json_is_refused_without_a_traceback(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000, encoding="utf-8")
    code, err = run(deep, out=tmp_path / "x.pdf")
    assert code == 2
    assert "Traceback" not in err and "nested too deeply" in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_letter_to_an_mp_without_a_postcode_is_written_with_a_note(tmp_path):
    data = good()
    data["sender"].pop("postcode", None)
    src = tmp_path / "no-postcode.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    code, err = run(src, out=tmp_path / "x.pdf")
    assert code == 0 and (tmp_path / "x.pdf").exists()
    assert err == (
        "letter: note: sender.postcode: your postcode is needed: they reply only to people who "
        "live in the area they represent\n"
    )


def test_a_batch_names_the_lines_that_need_a_postcode(tmp_path):
    lines = [json.dumps(good()), json.dumps({**good(), "sender": {**good()["sender"], "postcode": ""}})]
    src = tmp_path / "two.jsonl"
    src.write_text("\n".join(lines), encoding="utf-8")
    code, err = run(src, out_dir=tmp_path / "out")
    assert code == 0 and len(list((tmp_path / "out").glob("*.pdf"))) == 2
    assert err.startswith("letter: line 2: note: sender.postcode:") and "line 1" not in err


def test_a_letter_to_another_constituencys_mp_is_written_with_a_note(tmp_path):
    """The MP named in the data is not the MP for the writer's postcode: the letter is written
    (it may be meant), and the note says whose constituency the postcode is in."""
    data = good()
    data["sender"]["postcode"] = "EH1 1YZ"
    data["recipient"] = {**data["recipient"], "full_name": "Caroline Nokes", "kind": "mp"}
    for name in ("title", "first_name", "surname"):
        data["recipient"].pop(name, None)
    src = tmp_path / "elsewhere.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    code, err = run(src, out=tmp_path / "x.pdf")
    assert code == 0 and (tmp_path / "x.pdf").exists()
    assert "note: recipient: your postcode EH1 1YZ is in Edinburgh East and Musselburgh (MP: Chris Murray)" in err
    lines = [json.dumps(good()), json.dumps(data)]
    batch = tmp_path / "two.jsonl"
    batch.write_text("\n".join(lines), encoding="utf-8")
    code, err = run(batch, out_dir=tmp_path / "out")
    assert code == 0 and "line 2: note: recipient: your postcode EH1 1YZ" in err and "line 1" not in err

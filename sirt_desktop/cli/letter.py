"""``sirt-desktop-cli letter``: render letters described in JSON to PDF, with no window.

    --data FILE.json  --out FILE.pdf     one letter
    --data FILE.jsonl --out-dir DIR      one letter per line (a helpline's batch), written as
                                         DIR/0001-mp_campaign.pdf, DIR/0002-clinician.pdf ...

Exit codes: 0 all written; 1 some letters had problems (each named by line and field, the
others are still written); 2 the command could not start (file missing or unreadable, bad
JSON in a single letter, wrong options). No traceback, and never a half-written PDF. A letter
to an MP, MSP, MS or MLA without the writer's address or postcode is written with a note.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sirt_desktop.cli.output import Console, ExitCode, never_a_traceback
from sirt_desktop.core.files import output_problem
from sirt_desktop.core.letters.batch import (
    LetterInputError,
    batch_file_name,
    is_batch,
    read_letter,
    render_batch,
    render_one,
    reply_notes,
)
from sirt_desktop.core.letters.kinds import RecipientKind
from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import LetterDataError
from sirt_desktop.core.representatives.constituents import not_their_mp

HELP = "render letters to PDF"
DESCRIPTION = (
    "Render a letter described in JSON to a PDF (see docs/letters.md). "
    "Use --data FILE.json --out FILE.pdf for one letter, or --data FILE.jsonl --out-dir DIR "
    "for one letter per line."
)
PREFIX = "letter: "
# Far more than the largest letter the limits allow (20,000 characters of text and the fields
# around it), and than a helpline's largest batch; a bigger file is not letters.
MAX_LETTER_BYTES = 1_000_000
MAX_BATCH_BYTES = 100_000_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, metavar="FILE", help="a .json letter or a .jsonl batch")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="FILE.pdf", help="where to write the PDF")
    target.add_argument("--out-dir", metavar="DIR", help="folder for a batch's PDFs")
    parser.add_argument("--large-print", action="store_true", help="at least 16 pt text (the writer's own copy)")


def _read(path: Path, console: Console, limit: int) -> str | None:
    """The file's text, read no further than ``limit`` bytes (``/dev/zero`` is refused, not read
    for ever); a pipe is read like a file."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            console.problem(f"cannot read {path}: it is larger than {limit // 1_000_000:,} MB, more than any letters")
            return None
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        console.problem(f"cannot read {path}: no such file")
    except IsADirectoryError:
        console.problem(f"cannot read {path}: it is a folder, not a file")
    except PermissionError:
        console.problem(f"cannot read {path}: permission denied")
    except UnicodeDecodeError as exc:
        console.problem(f"cannot read {path}: not UTF-8 text (byte {exc.start})")
    except OSError as exc:
        console.problem(f"cannot read {path}: {exc.strerror or exc}")
    return None


def _make_dir(folder: Path, console: Console) -> Path | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        console.problem(f"cannot create folder {folder}: {exc.strerror or exc}")
        return None
    if not os.access(folder, os.W_OK):
        console.problem(f"cannot write to folder {folder}: permission denied")
        return None
    return folder


@never_a_traceback("could not render the letter: {error}")
def run(console: Console, args: argparse.Namespace) -> ExitCode:
    """Render one letter (``--out``) or a batch (``--out-dir``)."""
    console.prefix = PREFIX
    path = Path(args.data)
    out, out_dir = args.out, args.out_dir
    if (out is None) == (out_dir is None):
        console.problem("give either --out FILE.pdf (one letter) or --out-dir DIR (a batch)")
        return ExitCode.CANNOT_START
    if is_batch(path) and out is not None:
        console.problem(f"{path.name} is a batch (one letter per line): use --out-dir DIR")
        return ExitCode.CANNOT_START
    text = _read(path, console, MAX_BATCH_BYTES if is_batch(path) else MAX_LETTER_BYTES)
    if text is None:
        return ExitCode.CANNOT_START
    if is_batch(path):
        return _batch(console, path, text, Path(out_dir), args.large_print)
    return _single(console, path, text, out, out_dir, args.large_print)


def _single(
    console: Console, path: Path, text: str, out: str | None, out_dir: str | None, large_print: bool
) -> ExitCode:
    try:
        letter = read_letter(text, large_print)
    except LetterInputError as exc:
        console.problem(f"{path.name} is {exc}")
        return ExitCode.CANNOT_START
    except LetterDataError as exc:
        count = len(exc.errors)
        console.problems(f"{path.name} has {count} problem{'s' if count != 1 else ''}; no PDF was written:", exc.errors)
        return ExitCode.PROBLEMS
    if out is not None:
        target = Path(out)
        problem = output_problem(target, path)
        if problem:
            console.problem(f"no PDF was written: {problem}")
            return ExitCode.CANNOT_START
    else:
        folder = _make_dir(Path(out_dir or "."), console)
        if folder is None:
            return ExitCode.CANNOT_START
        target = folder / batch_file_name(1, letter.kind)
    try:
        render_one(letter, target)
    except OSError as exc:
        console.problem(f"cannot write {target}: {exc.strerror or exc}")
        return ExitCode.CANNOT_START
    for note in reply_notes(letter, _mp_notes):
        console.problem(f"note: {note}")
    return ExitCode.OK


def _mp_notes(letter: Letter) -> list[str]:
    """A letter to an MP from a postcode in another MP's constituency."""
    if letter.recipient.kind != RecipientKind.MP:
        return []
    said = not_their_mp(letter.sender.postcode, letter.recipient.display_name())
    return [f"recipient: {said[:1].lower()}{said[1:]}"] if said else []


def _batch(console: Console, path: Path, text: str, out_dir: Path, large_print: bool) -> ExitCode:
    folder = _make_dir(out_dir, console)
    if folder is None:
        return ExitCode.CANNOT_START
    result = render_batch(text, folder, large_print, _mp_notes)
    for number in sorted(result.problems):
        for problem in result.problems[number]:
            console.problem(f"line {number}: {problem}")
    for number in sorted(result.notes):
        if number not in result.problems:
            for note in result.notes[number]:
                console.problem(f"line {number}: note: {note}")
    if result.total == 0:
        console.problem(f"{path.name} has no letters in it")
        return ExitCode.PROBLEMS
    failed, total = len(result.problems), result.total
    if failed:
        console.problem(
            f"{failed} of {total} letter{'s' if total != 1 else ''} had problems and "
            f"{'were' if failed != 1 else 'was'} not written; {result.written} written to {folder}"
        )
        return ExitCode.PROBLEMS
    return ExitCode.OK

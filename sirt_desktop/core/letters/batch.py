"""``sirt-desktop letter``: render letters described in JSON to PDF, with no window.

    --data FILE.json  --out FILE.pdf     one letter
    --data FILE.jsonl --out-dir DIR      one letter per line (a helpline's batch), written as
                                         DIR/0001-mp_campaign.pdf, DIR/0002-clinician.pdf ...

Exit codes: 0 all written; 1 some letters had problems (each named by line and field, the
others are still written); 2 the command could not start (file missing or unreadable, bad
JSON in a single letter, wrong options). No traceback, and never a half-written PDF.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import LetterDataError, letter_from_dict

BATCH_SUFFIXES = (".jsonl", ".ndjson")


def _say(stderr: TextIO, message: str) -> None:
    print(f"letter: {message}", file=stderr)


def _read(path: Path, stderr: TextIO) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        _say(stderr, f"cannot read {path}: no such file")
    except IsADirectoryError:
        _say(stderr, f"cannot read {path}: it is a folder, not a file")
    except PermissionError:
        _say(stderr, f"cannot read {path}: permission denied")
    except UnicodeDecodeError as exc:
        _say(stderr, f"cannot read {path}: not UTF-8 text (byte {exc.start})")
    except OSError as exc:
        _say(stderr, f"cannot read {path}: {exc.strerror or exc}")
    return None


def _letter(data: Any, large_print: bool) -> Letter:
    letter = letter_from_dict(data)
    if large_print:
        letter.large_print = True
    return letter


def _render_to(letter: Letter, target: Path) -> None:
    from sirt_desktop.core.letters.render import render_letter_to_file

    render_letter_to_file(letter, target, large_print=letter.large_print)


def batch_file_name(line_number: int, kind: str) -> str:
    safe = kind if kind.replace("_", "").isalnum() else "letter"
    return f"{line_number:04d}-{safe}.pdf"


def run_letter_command(
    data_path: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    large_print: bool = False,
    stderr: TextIO | None = None,
) -> int:
    """Render one letter (``out``) or a batch (``out_dir``); returns the exit code."""
    stderr = stderr if stderr is not None else sys.stderr
    path = Path(data_path)
    is_batch = path.suffix.lower() in BATCH_SUFFIXES
    if (out is None) == (out_dir is None):
        _say(stderr, "give either --out FILE.pdf (one letter) or --out-dir DIR (a batch)")
        return 2
    if is_batch and out is not None:
        _say(stderr, f"{path.name} is a batch (one letter per line): use --out-dir DIR")
        return 2
    text = _read(path, stderr)
    if text is None:
        return 2
    try:
        if is_batch:
            return _run_batch(path, text, Path(out_dir), large_print, stderr)  # type: ignore[arg-type]
        return _run_single(path, text, out, out_dir, large_print, stderr)
    except KeyboardInterrupt:
        _say(stderr, "stopped")
        return 130


def _run_single(path: Path, text: str, out, out_dir, large_print: bool, stderr: TextIO) -> int:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        _say(stderr, f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
        return 2
    except RecursionError:
        _say(stderr, f"{path.name} is nested too deeply to be a letter.")
        return 2
    try:
        letter = _letter(data, large_print)
    except LetterDataError as exc:
        _say(stderr, f"{path.name} has {len(exc.errors)} problem{'s' if len(exc.errors) != 1 else ''}; "
                     "no PDF was written:")
        for error in exc.errors:
            print(f"  {error}", file=stderr)
        return 1
    if out is not None:
        target = Path(out)
    else:
        folder = _make_dir(Path(out_dir), stderr)
        if folder is None:
            return 2
        target = folder / batch_file_name(1, letter.kind)
    try:
        _render_to(letter, target)
    except OSError as exc:
        _say(stderr, f"cannot write {target}: {exc.strerror or exc}")
        return 2
    except Exception as exc:  # noqa: BLE001 - a message, never a traceback
        _say(stderr, f"could not render the letter: {exc}")
        return 1
    return 0


def _make_dir(folder: Path, stderr: TextIO) -> Path | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _say(stderr, f"cannot create folder {folder}: {exc.strerror or exc}")
        return None
    if not os.access(folder, os.W_OK):
        _say(stderr, f"cannot write to folder {folder}: permission denied")
        return None
    return folder


PARALLEL_FROM = 24  # letters; below this, starting worker processes costs more than it saves


def _render_job(job: tuple[int, dict, bool, str]) -> tuple[int, str | None]:
    """Render one batch line in a worker; returns (line number, problem or None)."""
    number, data, large_print, target = job
    try:
        letter = _letter(data, large_print)
        from sirt_desktop.core.letters.render import render_letter_to_file

        render_letter_to_file(letter, target, large_print=letter.large_print, durable=False)
    except OSError as exc:
        return number, f"cannot write {Path(target).name}: {exc.strerror or exc}"
    except Exception as exc:  # noqa: BLE001 - one bad letter must not stop the batch
        return number, f"could not render the letter: {exc}"
    return number, None


def _workers(jobs: int) -> int:
    if jobs < PARALLEL_FROM:
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, 8, jobs // 8))


def _run_jobs(jobs: list[tuple[int, dict, bool, str]]) -> list[tuple[int, str | None]]:
    workers = _workers(len(jobs))
    if workers == 1:
        return [_render_job(job) for job in jobs]
    import multiprocessing

    from sirt_desktop.core.letters.render import warm_up

    warm_up()  # load ReportLab and the fonts once; forked workers inherit them
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers) as pool:
        return list(pool.imap(_render_job, jobs, chunksize=max(1, len(jobs) // (workers * 8))))


def _run_batch(path: Path, text: str, out_dir: Path, large_print: bool, stderr: TextIO) -> int:
    folder = _make_dir(out_dir, stderr)
    if folder is None:
        return 2
    problems: dict[int, list[str]] = {}
    jobs: list[tuple[int, dict, bool, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems[number] = [f"not valid JSON: {exc.msg} at column {exc.colno}"]
            continue
        except RecursionError:
            problems[number] = ["nested too deeply to be a letter"]
            continue
        try:
            letter = _letter(data, large_print)
        except LetterDataError as exc:
            problems[number] = list(exc.errors)
            continue
        jobs.append((number, data, large_print, str(folder / batch_file_name(number, letter.kind))))
    for number, problem in _run_jobs(jobs):
        if problem:
            problems[number] = [problem]
    for number in sorted(problems):
        for problem in problems[number]:
            _say(stderr, f"line {number}: {problem}")
    failed = len(problems)
    total = len(jobs) + sum(1 for n in problems if n not in {j[0] for j in jobs})
    written = total - failed
    if total == 0:
        _say(stderr, f"{path.name} has no letters in it")
        return 1
    if failed:
        _say(stderr, f"{failed} of {total} letter{'s' if total != 1 else ''} had problems and "
                     f"{'were' if failed != 1 else 'was'} not written; {written} written to {folder}")
        return 1
    return 0

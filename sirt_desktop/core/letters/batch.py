"""Letters described in JSON, rendered to PDF with no window: one letter, or a batch of one
letter per line (a helpline's batch), written as ``0001-mp_campaign.pdf``, ``0002-clinician.pdf``...

Nothing here prints or chooses an exit code: ``read_letter`` raises ``LetterInputError`` or
``LetterDataError`` with plain words, ``render_batch`` returns a ``BatchResult`` naming every
bad line. ``cli/letter.py`` turns those into messages. A PDF is never half written.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sirt_desktop.core.letters.checks import missing_for_reply
from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.render import render_letter_to_file, unprintable_characters, warm_up
from sirt_desktop.core.letters.schema import LetterDataError, letter_from_dict

BATCH_SUFFIXES = (".jsonl", ".ndjson")
PARALLEL_FROM = 24  # letters; below this, starting worker processes costs more than it saves


class LetterInputError(ValueError):
    """Text that is not a letter at all (bad JSON, nested too deeply)."""


def is_batch(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in BATCH_SUFFIXES


def batch_file_name(line_number: int, kind: str) -> str:
    safe = kind if kind.replace("_", "").isalnum() else "letter"
    return f"{line_number:04d}-{safe}.pdf"


def _json(text: str, one_line: bool = False) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno}, column {exc.colno}"
        raise LetterInputError(f"not valid JSON: {exc.msg} at {where}") from exc
    except RecursionError as exc:
        raise LetterInputError("nested too deeply to be a letter") from exc
    except ValueError as exc:  # a number of more than 4,300 digits
        raise LetterInputError(f"not a letter: a number in it is too long ({exc})") from exc


def _letter(data: Any, large_print: bool) -> Letter:
    letter = letter_from_dict(data)
    if large_print:
        letter.large_print = True
    return letter


def read_letter(text: str, large_print: bool = False) -> Letter:
    """One letter from its JSON text. Raises ``LetterInputError`` or ``LetterDataError``."""
    return _letter(_json(text), large_print)


def render_one(letter: Letter, target: Path) -> None:
    """Write the letter's PDF to ``target`` atomically (``OSError`` if it cannot be written)."""
    render_letter_to_file(letter, target, large_print=letter.large_print)


# Notes on a letter that need the postcode data, which the letters domain does not hold (the
# CLI passes one built on ``representatives.constituents.not_their_mp`` as ``more``).
LetterNotes = Callable[[Letter], list[str]]


def reply_notes(letter: Letter, more: LetterNotes | None = None) -> list[str]:
    """What an elected member would need to reply (the letter still prints without it), and
    what ``more`` says of it."""
    notes = [f"{m.field}: {m.text[:1].lower()}{m.text[1:]}" for m in missing_for_reply(letter)]
    if more is not None:
        notes += more(letter)
    boxes = unprintable_characters(letter)
    if boxes:
        notes.append(
            "these characters have no shape in the letter's typeface and print as empty boxes: " + " ".join(boxes)
        )
    return notes


@dataclass
class BatchResult:
    """What a batch did. ``problems`` maps a line number to what was wrong with that line (its
    letter was not written); ``notes`` to what an elected member would need to reply."""

    folder: Path
    total: int = 0
    problems: dict[int, list[str]] = field(default_factory=dict)
    notes: dict[int, list[str]] = field(default_factory=dict)

    @property
    def written(self) -> int:
        return self.total - len(self.problems)


def _render_job(job: tuple[int, dict[str, Any], bool, str]) -> tuple[int, str | None]:
    """Render one batch line in a worker; returns (line number, problem or None)."""
    number, data, large_print, target = job
    try:
        letter = _letter(data, large_print)
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


def _run_jobs(jobs: list[tuple[int, dict[str, Any], bool, str]]) -> list[tuple[int, str | None]]:
    workers = _workers(len(jobs))
    if workers == 1:
        return [_render_job(job) for job in jobs]
    warm_up()  # load ReportLab and the fonts once; forked workers inherit them
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers) as pool:
        return list(pool.imap(_render_job, jobs, chunksize=max(1, len(jobs) // (workers * 8))))


def render_batch(text: str, folder: Path, large_print: bool = False, more: LetterNotes | None = None) -> BatchResult:
    """Render every letter of a JSON Lines text into ``folder`` (which must exist). Bad lines are
    named and skipped; the others are still written, in parallel for a large batch. ``more``
    adds notes on each letter (see ``reply_notes``)."""
    result = BatchResult(folder)
    jobs: list[tuple[int, dict[str, Any], bool, str]] = []
    # Lines end at "\n" only: U+2028, U+0085 and other characters that str.splitlines() treats
    # as line ends are legal inside JSON strings (text pasted from the web or Word holds them).
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        result.total += 1
        try:
            data = _json(raw, one_line=True)
            letter = _letter(data, large_print)
        except LetterInputError as exc:
            result.problems[number] = [str(exc)]
            continue
        except LetterDataError as exc:
            result.problems[number] = list(exc.errors)
            continue
        notes = reply_notes(letter, more)
        if notes:
            result.notes[number] = notes
        jobs.append((number, data, large_print, str(folder / batch_file_name(number, letter.kind))))
    for number, problem in _run_jobs(jobs):
        if problem:
            result.problems[number] = [problem]
    return result

"""``sirt-desktop lookup [--json] [POSTCODE ...]``: postcodes to constituencies and MPs, offline.

With no postcodes on the command line it reads one per line from standard input until
the input ends, answering each line as it arrives (one flush per line), so it can sit in
a pipeline. No input line, however odd, stops the stream: bad bytes are replaced, and
every line gets exactly one answer, in order.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable
from typing import TextIO

from sirt_desktop.core.representatives import postcodes
from sirt_desktop.core.representatives import seats
from sirt_desktop.core.representatives.lookup import LookupResult, Status, lookup, not_checked
from sirt_desktop.core.representatives.messages import format_share

log = logging.getLogger(__name__)


def _reconfigure(stream: TextIO, **options: str | None) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        reconfigure(**options)
    except (ValueError, OSError):  # already read from, or not a text stream: keep it as it is
        try:
            reconfigure(errors=options.get("errors", "replace"))
        except (ValueError, OSError):
            pass


def _lines(stdin: TextIO) -> Iterable[str]:
    """Lines of standard input without their line ending, split on "\\n" only."""
    _reconfigure(stdin, encoding="utf-8", errors="replace", newline="\n")
    while True:
        line = stdin.readline()
        if not line:
            return
        yield line.rstrip("\n").rstrip("\r")


def format_text(result: LookupResult) -> str:
    """A plain-text block for one lookup, ending with a blank line."""
    lines = [f"Postcode: {result.postcode or postcodes.display_text(result.input) or '(nothing typed)'}"]
    if result.status == Status.FOUND:
        c = result.candidates[0]
        lines.append(f"Constituency: {c.constituency} ({c.nation})")
        if c.mp is None:
            lines.append("MP: none at the moment (the seat is vacant)")
        else:
            lines.append(f"MP: {c.mp.name}, {c.mp.party}")
    elif result.candidates:
        lines.append("Possible constituencies, most likely first:")
        for c in result.candidates:
            share = f"{format_share(c.share)} of postcodes, " if c.share is not None else ""
            mp = "no MP at the moment (vacant)" if c.mp is None else f"MP {c.mp.name}, {c.mp.party}"
            lines.append(f"  - {c.constituency} ({share}{mp})")
    lines.append(result.message)
    if result.advice:
        lines.append(result.advice)
    if result.candidates:
        lines.append(f"(MP list correct to {result.mp_list_as_of})")
    return "\n".join(lines) + "\n\n"


def _answer(text: str, as_json: bool) -> str:
    try:
        result = lookup(text)
    except Exception:  # noqa: BLE001 - one odd line must never stop the stream
        log.exception("lookup failed for one input line")
        result = not_checked(text)
    if as_json:
        return json.dumps(result.to_json(), ensure_ascii=False) + "\n"
    return format_text(result)


def run_lookup(postcodes_given: list[str], as_json: bool, stdin: TextIO, stdout: TextIO) -> int:
    """Look up each postcode given (or each line of ``stdin``) and write one answer per input.

    Returns 0, or 1 only if the app's own data files cannot be read.
    """
    _reconfigure(stdout, errors="replace")
    try:
        seats.data()  # load once, up front, so a broken install is reported plainly
    except Exception as exc:  # noqa: BLE001 - never a traceback on the command line
        log.exception("could not load the postcode data")
        sys.stderr.write(f"The postcode data could not be read ({exc}). Please reinstall SIRT Desktop.\n")
        return 1
    inputs: Iterable[str] = postcodes_given if postcodes_given else _lines(stdin)
    try:
        for text in inputs:
            # Arguments can hold undecodable bytes (as lone surrogates): make them printable.
            text = text.encode("utf-8", "replace").decode("utf-8", "replace")
            stdout.write(_answer(text, as_json))
            stdout.flush()
    except BrokenPipeError:
        _silence(stdout)  # the reader went away (e.g. "| head"): stop quietly
    except KeyboardInterrupt:
        return 130
    return 0


def _silence(stdout: TextIO) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass

"""``sirt-desktop-cli lookup [--json] [POSTCODE ...]``: postcodes to constituencies and MPs, offline.

With no postcodes on the command line it reads one per line from standard input until
the input ends, answering each line as it arrives (one flush per line), so it can sit in
a pipeline. No input line, however odd, stops the stream: bad bytes are replaced, and
every line gets exactly one answer, in order.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Iterable

from sirt_desktop.cli.output import Console, ExitCode, never_a_traceback
from sirt_desktop.core.representatives import postcodes, seats
from sirt_desktop.core.representatives.devolved import DevolvedResult
from sirt_desktop.core.representatives.lookup import LookupResult, Status, lookup, not_checked
from sirt_desktop.core.representatives.messages import format_share

log = logging.getLogger(__name__)

HELP = "find the constituency and MP for postcodes"
DESCRIPTION = (
    "Find the Westminster constituency and MP for each postcode, offline. "
    "With no postcodes, reads one per line from standard input until it ends. "
    "Exit status: 0 if at least one postcode gave a constituency (or there was no input), "
    "1 if none did, 2 if the postcode data cannot be read."
)


# Characters a terminal may act on (C1 controls such as U+009B, read by some as CSI) or a
# reader may take for a line end (U+0085, U+2028, U+2029): written as \u escapes, which JSON
# reads back as the same text, so one answer is always one line.
_ESCAPE_IN_JSON = {c: f"\\u{c:04x}" for c in (*range(0x80, 0xA0), 0x2028, 0x2029)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("postcodes", nargs="*", metavar="POSTCODE")
    parser.add_argument("--json", action="store_true", help="one JSON object per input line")


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
        # Only a list ranked by share is "most likely first"; Northern Ireland's is A to Z.
        lines.append(
            "Possible constituencies, most likely first:"
            if result.ranked
            else "Possible constituencies, in alphabetical order:"
        )
        for c in result.candidates:
            share = f"{format_share(c.share)} of postcodes, " if c.share is not None else ""
            mp = "no MP at the moment (vacant)" if c.mp is None else f"MP {c.mp.name}, {c.mp.party}"
            lines.append(f"  - {c.constituency} ({share}{mp})")
    lines.append(result.message)
    if result.advice:
        lines.append(result.advice)
    if result.candidates:
        lines.append(f"(MP list correct to {result.mp_list_as_of})")
    if result.devolved is not None:
        lines.extend(format_devolved(result.devolved))
    return "\n".join(lines) + "\n\n"


def format_devolved(found: DevolvedResult) -> list[str]:
    """The devolved lines of a plain-text answer: the constituency (or the choice), then the message."""
    leg = found.legislature
    c = found.constituency
    label = f"{leg.short_name} constituency"
    if c is not None:
        name = c.name
        if leg.id == "senedd" and c.name_en == c.name:
            name += " (the same name in Welsh and English)"
        elif c.name_en != c.name:
            name += f" (in English: {c.name_en})"
        lines = [f"{label}: {name}{'' if found.certain else ' (most likely, not certain)'}"]
        if found.region is not None:
            lines.append(f"{leg.short_name} region: {found.region.name}")
    elif found.basis == "no_lookup":
        lines = [f"{label}: not found from the postcode; choose from the {len(found.options)}"]
    else:
        order = {"most_people": ", most people first", "most_postcodes": ", most likely first"}.get(found.order, "")
        lines = [f"{label}: one of these{order}:"]
        for option in found.options:
            share = f" ({format_share(option.share)})" if option.share is not None else ""
            lines.append(f"  - {option.area.name}{share}")
    if leg.regional_members:
        lines.append(
            f"{leg.member_title_plural}: {leg.constituency_members} for the constituency and "
            f"{leg.regional_members} for its region"
        )
    else:
        lines.append(f"{leg.member_title_plural}: {leg.constituency_members} for each constituency")
    lines.append(found.message())
    return lines


def _result(text: str) -> LookupResult:
    try:
        return lookup(text)
    except Exception:
        log.exception("lookup failed for one input line")
        return not_checked(text)


def _written(result: LookupResult, as_json: bool) -> str:
    if as_json:
        return json.dumps(result.to_json(), ensure_ascii=False).translate(_ESCAPE_IN_JSON) + "\n"
    return format_text(result)


def answer(text: str, as_json: bool) -> str:
    """The answer for one input line, as written to standard output."""
    return _written(_result(text), as_json)


@never_a_traceback("The lookup stopped because of an unexpected problem ({kind}).")
def run(console: Console, args: argparse.Namespace) -> ExitCode:
    """Look up each postcode given (or each line of standard input) and write one answer per
    input. ``OK`` if at least one line gave a seat (or there was no input at all);
    ``PROBLEMS`` if lines were read but none gave a seat, so a script can tell that
    "S051 7AA" failed; ``CANNOT_START`` if the app's own data files cannot be read."""
    try:
        seats.data()  # load once, up front, so a broken install is reported plainly
    except Exception as exc:
        log.exception("could not load the postcode data")
        console.problem(f"The postcode data could not be read ({exc}). Please reinstall SIRT Desktop.")
        return ExitCode.CANNOT_START
    inputs: Iterable[str] = args.postcodes if args.postcodes else console.lines()
    lines = seats_found = 0
    for text in inputs:
        # Arguments can hold undecodable bytes (as lone surrogates): make them printable.
        text = text.encode("utf-8", "replace").decode("utf-8", "replace")
        result = _result(text)
        lines += 1
        seats_found += result.status == Status.FOUND
        console.write(_written(result, args.json))
    return ExitCode.OK if seats_found or not lines else ExitCode.PROBLEMS

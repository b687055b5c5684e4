"""``sirt-desktop-cli data import-mps FILE.csv``, ``data import-members FILE.csv``,
``data members-template FILE.csv`` and ``data export FILE.zip``."""

from __future__ import annotations

import argparse
from pathlib import Path

from sirt_desktop.cli.output import Console, ExitCode, never_a_traceback
from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.export import export_everything, export_target_problem, summary_lines
from sirt_desktop.core.db.failures import explain
from sirt_desktop.core.db.recovery import open_database
from sirt_desktop.core.files import write_atomically
from sirt_desktop.core.representatives.members import apply_members_csv, template_text
from sirt_desktop.core.representatives.members_csv import MembersReport
from sirt_desktop.core.representatives.mp_csv import ValidationReport
from sirt_desktop.core.representatives.mp_list import apply_mp_csv

HELP = "import or export data"
DESCRIPTION = "Import or export data."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    import_mps = actions.add_parser(
        "import-mps",
        help="replace the MP list from a CSV with the same columns as mps.csv",
        description="Check a CSV of MPs (same columns as the shipped mps.csv) as a whole and apply it "
        "all at once, or reject it listing every problem by line.",
    )
    import_mps.add_argument("file", metavar="FILE.csv")
    import_mps.add_argument(
        "--allow-older", action="store_true", help="use the list even if it is older than the one in use"
    )
    import_mps.set_defaults(action=import_mp_list)
    import_members = actions.add_parser(
        "import-members",
        help="import the names of Members of the Senedd, MSPs or MLAs from a CSV",
        description="Check a CSV of devolved Members (legislature, code, name, party, list_position, "
        "list_date; see docs/members.md) as a whole and apply it all at once, or refuse it listing "
        "every problem by line. The legislatures in the file replace any list imported before.",
    )
    import_members.add_argument("file", metavar="FILE.csv")
    import_members.set_defaults(action=import_members_list)
    members_template = actions.add_parser(
        "members-template",
        help="write an empty members list to fill in from the official lists",
        description="Write a CSV with one empty line for every Senedd, Scottish Parliament and "
        "Northern Ireland Assembly seat, ready to fill in and import with import-members.",
    )
    members_template.add_argument("file", metavar="FILE.csv")
    members_template.set_defaults(action=write_members_template)
    export = actions.add_parser(
        "export",
        help="export your letters and profiles to a ZIP file",
        description="Write everything you have stored (profiles, letters, saved PDFs) to a ZIP file.",
    )
    export.add_argument("file", metavar="FILE.zip")
    export.set_defaults(action=export_data)


def run(console: Console, args: argparse.Namespace) -> ExitCode:
    if args.action is import_mp_list:
        code: ExitCode = import_mp_list(console, args.file, allow_older=bool(args.allow_older))
        return code
    action: ExitCode = args.action(console, args.file)
    return action


@never_a_traceback("The MP list was not changed: an unexpected error happened ({kind}).")
def import_mp_list(console: Console, path: str, allow_older: bool = False) -> ExitCode:
    """Applied: ``OK``; rejected (every problem listed by line): ``PROBLEMS``."""
    return _said(console, apply_mp_csv(path, allow_older=allow_older))


@never_a_traceback("The members list was not changed: an unexpected error happened ({kind}).")
def import_members_list(console: Console, path: str) -> ExitCode:
    """Applied: ``OK``; refused (every problem listed by line): ``PROBLEMS``."""
    return _said(console, apply_members_csv(path))


def _said(console: Console, report: ValidationReport | MembersReport) -> ExitCode:
    """An applied list's summary (``OK``), or its first line and every problem (``PROBLEMS``)."""
    if report.ok:
        console.say("\n".join(report.summary_lines()))
        return ExitCode.OK
    console.problems(report.summary_lines()[0][:-1] + ":", report.problem_lines())
    return ExitCode.PROBLEMS


@never_a_traceback("The template was not written: an unexpected error happened ({kind}).")
def write_members_template(console: Console, path: str) -> ExitCode:
    """The empty members list, one line per seat; never over an existing file."""
    target = Path(path).expanduser()
    if target.exists():
        console.problem(f"{target} already exists; choose a new file name.")
        return ExitCode.PROBLEMS
    text = template_text()
    try:
        write_atomically(target, text, mode=0o644)
    except OSError as exc:
        console.problem(f"The template could not be written ({exc.strerror or exc}).")
        return ExitCode.PROBLEMS
    console.say(f"Wrote {target}: one line for each of the {text.count(chr(10)) - 1} seats.")
    return ExitCode.OK


@never_a_traceback("Nothing was exported because of an unexpected problem: {error}")
def export_data(console: Console, path: str) -> ExitCode:
    problem = export_target_problem(path)
    if problem:
        console.problem(problem)
        return ExitCode.PROBLEMS
    try:
        db = open_database()
    except DatabaseError as exc:
        console.problem(f"Your letters could not be opened, so nothing was exported: {exc}")
        return ExitCode.PROBLEMS
    for notice in db.notices:  # e.g. a leftover journal was put aside: said, never silent
        console.problem(notice)
    try:
        summary = export_everything(db, path)
    except DatabaseError as exc:
        console.problem(f"Nothing was exported: {exc}")
        return ExitCode.PROBLEMS
    except OSError as exc:
        reason = "the disk is full" if "space" in explain(exc) else (exc.strerror or str(exc))
        console.problem(f"Nothing was exported: {Path(path).expanduser().absolute()} could not be written ({reason}).")
        return ExitCode.PROBLEMS
    finally:
        db.close()
    console.say("\n".join(summary_lines(summary)))
    return ExitCode.OK

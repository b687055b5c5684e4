"""``sirt-desktop-cli content import PACK.zip``: install a newer content pack, or say why not."""

from __future__ import annotations

import argparse

from sirt_desktop.cli.output import Console, ExitCode, never_a_traceback
from sirt_desktop.core.content.packs import install_pack

HELP = "manage patient information"
DESCRIPTION = "Manage patient information."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    content_import = actions.add_parser(
        "import",
        help="install a newer content pack",
        description="Check a content pack (a ZIP of pages with a manifest) as a whole and install it "
        "only if it is newer than what is installed.",
    )
    content_import.add_argument("file", metavar="PACK.zip")


@never_a_traceback("This content pack was not installed. Nothing has changed.\nAn unexpected error: {error}")
def run(console: Console, args: argparse.Namespace) -> ExitCode:
    """Installed: ``OK``; refused (every problem listed): ``PROBLEMS``."""
    result = install_pack(args.file)
    if result.installed:
        console.say(result.message)
        return ExitCode.OK
    problems = result.report.problems
    count = len(problems)
    console.problems(f"{result.message}\n{count} problem{'s' if count != 1 else ''} found:", problems, bullet="  - ")
    return ExitCode.PROBLEMS

"""The command line: with no command it opens the window; commands work headless.

    sirt-desktop                          open the app (the GUI entry point)
    sirt-desktop-cli --version            versions and data dates (no display needed)
    sirt-desktop-cli lookup [--json] ...  postcode → constituency → MP
    sirt-desktop-cli letter ...           render letters to PDF
    sirt-desktop-cli data ...             import / export data
    sirt-desktop-cli content import ...   install a content pack

Both entry points run ``main``; ``sirt-desktop-cli`` is the console script (on Windows the
GUI one has no console to print to). ``COMMANDS`` is the command registry: each command's
module is imported only when that command runs, and Qt only when the window opens, so
headless commands start fast and work on a machine with no display. A command module has
``HELP``, ``DESCRIPTION``, ``add_arguments(parser)`` and ``run(console, args) -> ExitCode``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from sirt_desktop import APP_NAME
from sirt_desktop.core.logs import setup_logging

if TYPE_CHECKING:
    from sirt_desktop.cli.output import Console


@dataclass(frozen=True)
class Command:
    name: str
    module: str  # imported when the command runs (or when --help lists its options)


COMMANDS = (
    Command("lookup", "sirt_desktop.cli.lookup"),
    Command("letter", "sirt_desktop.cli.letter"),
    Command("data", "sirt_desktop.cli.data"),
    Command("content", "sirt_desktop.cli.content"),
)


def _module(command: Command) -> ModuleType:
    return importlib.import_module(command.module)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser. Only the command named in ``argv`` has its module imported (all of them
    when ``argv`` is None, for --help and the docs)."""
    parser = argparse.ArgumentParser(
        prog="sirt-desktop",
        description=f"{APP_NAME}: understand SIRT, see where funding stands, and write letters. "
        "Run with no command to open the app.",
    )
    parser.add_argument("--version", action="store_true", help="print versions and data dates, then exit")
    parser.add_argument(
        "--no-crash-dialog",
        action="store_true",
        help="on an unexpected error, log it and exit instead of showing a dialog (for CI)",
    )
    parser.add_argument("--quit-after-ms", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = set(argv or ())
    for command in COMMANDS:
        if argv is not None and command.name not in named and not named & {"-h", "--help"}:
            sub.add_parser(command.name)  # listed, but its module is not loaded
            continue
        module = _module(command)
        command_parser = sub.add_parser(command.name, help=module.HELP, description=module.DESCRIPTION)
        module.add_arguments(command_parser)
        command_parser.set_defaults(run=module.run)
    return parser


def _open_window(args: argparse.Namespace) -> int:
    from sirt_desktop.gui.app import run  # noqa: PLC0415 (command registry: Qt is imported here, and only here)

    return run(
        crash_dialog=not args.no_crash_dialog, quit_after_ms=args.quit_after_ms, startup_probe=args.startup_probe
    )


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(arguments).parse_args(arguments)
    if args.version:
        from sirt_desktop.about import version_report  # noqa: PLC0415 (command registry: --version)
        from sirt_desktop.cli.output import Console, ExitCode  # noqa: PLC0415 (command registry)

        (console or Console()).say(version_report())
        return ExitCode.OK
    run = getattr(args, "run", None)
    if run is not None:
        from sirt_desktop.cli.output import Console  # noqa: PLC0415 (command registry)

        setup_logging(console=False)
        return int(run(console or Console(), args))
    return _open_window(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

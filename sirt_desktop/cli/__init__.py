"""Command line: with no sub-command it opens the window; sub-commands work headless.

    sirt-desktop                      open the app
    sirt-desktop --version            versions and data dates (no display needed)
    sirt-desktop lookup [--json] ...  postcode → constituency → MP
    sirt-desktop letter ...           render letters to PDF
    sirt-desktop data ...             import / export data
    sirt-desktop content import ...   install a content pack

Qt is imported only when the window is opened, so headless commands start fast and
work on a machine with no display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sirt_desktop import APP_NAME


def _gui(args: argparse.Namespace) -> int:
    from sirt_desktop.gui.app import run  # Qt is imported here, and only here.

    return run(
        crash_dialog=not args.no_crash_dialog, quit_after_ms=args.quit_after_ms, startup_probe=args.startup_probe
    )


def build_parser() -> argparse.ArgumentParser:
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

    lookup = sub.add_parser(
        "lookup",
        help="find the constituency and MP for postcodes",
        description="Find the Westminster constituency and MP for each postcode, offline. "
        "With no postcodes, reads one per line from standard input until it ends.",
    )
    lookup.add_argument("postcodes", nargs="*", metavar="POSTCODE")
    lookup.add_argument("--json", action="store_true", help="one JSON object per input line")
    lookup.set_defaults(run=_run_lookup)

    letter = sub.add_parser(
        "letter",
        help="render letters to PDF",
        description="Render a letter described in JSON to a PDF (see docs/letters.md). "
        "Use --data FILE.json --out FILE.pdf for one letter, or --data FILE.jsonl --out-dir DIR "
        "for one letter per line.",
    )
    letter.add_argument("--data", required=True, metavar="FILE", help="a .json letter or a .jsonl batch")
    target = letter.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="FILE.pdf", help="where to write the PDF")
    target.add_argument("--out-dir", metavar="DIR", help="folder for a batch's PDFs")
    letter.add_argument("--large-print", action="store_true", help="at least 16 pt text (the writer's own copy)")
    letter.set_defaults(run=_run_letter)

    data = sub.add_parser("data", help="import or export data", description="Import or export data.")
    data_sub = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    import_mps = data_sub.add_parser(
        "import-mps",
        help="replace the MP list from a CSV with the same columns as mps.csv",
        description="Check a CSV of MPs (same columns as the shipped mps.csv) as a whole and apply it "
        "all at once, or reject it listing every problem by line.",
    )
    import_mps.add_argument("file", metavar="FILE.csv")
    import_mps.set_defaults(run=_run_import_mps)
    export = data_sub.add_parser(
        "export",
        help="export your letters and profiles to a ZIP file",
        description="Write everything you have stored (profiles, letters, saved PDFs) to a ZIP file.",
    )
    export.add_argument("file", metavar="FILE.zip")
    export.set_defaults(run=_run_export)

    content = sub.add_parser("content", help="manage patient information", description="Manage patient information.")
    content_sub = content.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    content_import = content_sub.add_parser(
        "import",
        help="install a newer content pack",
        description="Check a content pack (a ZIP of pages with a manifest) as a whole and install it "
        "only if it is newer than what is installed.",
    )
    content_import.add_argument("file", metavar="PACK.zip")
    content_import.set_defaults(run=_run_content_import)
    return parser


# Handlers: thin. Each calls one core function and turns its result into an exit code.
# Core modules are imported inside the handler so that each command loads only what it needs.


def _run_lookup(args: argparse.Namespace) -> int:
    from sirt_desktop.cli.lookup import run_lookup

    return run_lookup(args.postcodes, as_json=args.json, stdin=sys.stdin, stdout=sys.stdout)


def _run_letter(args: argparse.Namespace) -> int:
    from sirt_desktop.core.letters.batch import run_letter_command

    return run_letter_command(
        args.data, out=args.out, out_dir=args.out_dir, large_print=args.large_print, stderr=sys.stderr
    )


def _run_import_mps(args: argparse.Namespace) -> int:
    from sirt_desktop.core.representatives.mp_list import run_import_mps

    return run_import_mps(args.file, stdout=sys.stdout, stderr=sys.stderr)


def _run_export(args: argparse.Namespace) -> int:
    from sirt_desktop.core.db.export import run_export

    return run_export(args.file, stdout=sys.stdout, stderr=sys.stderr)


def _run_content_import(args: argparse.Namespace) -> int:
    from sirt_desktop.core.content.packs import run_content_import

    return run_content_import(args.file, stdout=sys.stdout, stderr=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.version:
        from sirt_desktop.about import version_report

        print(version_report())
        return 0
    run = getattr(args, "run", None)
    if run is not None:
        from sirt_desktop.core.logs import setup_logging

        setup_logging(console=False)
        return int(run(args) or 0)
    return _gui(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

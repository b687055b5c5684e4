"""Build a content pack ZIP from resources/content/ (or another content folder).

    .venv/bin/python scripts/build_content_pack.py --version 2 --date 2026-12-01 --out dist/content-2.zip

The pack is checked with the same rules the app uses before installing; the script
exits 1 and lists every problem if it would be refused.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sirt_desktop.core.content.packs import build_pack, validate_pack
from sirt_desktop.core.content.page import parse_version

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", required=True, help="a whole number or like 1.2.0")
    parser.add_argument("--date", default=date.today().isoformat(), help="ISO date of the content (default: today)")
    parser.add_argument("--out", required=True, type=Path, help="the ZIP file to write")
    parser.add_argument("--source", type=Path, default=ROOT / "resources" / "content")
    args = parser.parse_args(argv)
    version: int | str = int(args.version) if args.version.isdigit() else args.version
    if parse_version(version) is None:
        parser.error("--version must be a whole number or like 1.2.0")
    try:
        date.fromisoformat(args.date)
    except ValueError:
        parser.error("--date must be like 2026-12-01")
    out = build_pack(args.source, args.out, version, args.date)
    report = validate_pack(out)
    if not report.ok:
        print(f"Built {out}, but it would be refused:", file=sys.stderr)
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"Built {out}: version {args.version}, dated {args.date}, {report.page_count} pages.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Print a report on every patient-information page and fail on a page that must not ship.

    .venv-test/bin/python scripts/content_report.py [--content DIR] [--today YYYY-MM-DD]

For each page: reading grade (Flesch-Kincaid, running prose only; the glossary is not scored),
words, sources, the doubts it states ("Not certain" boxes and "What we do not know" items) and
its review dates. Exits 1 if any page is past its review date or reads above grade 7, and 2 if
the content cannot be read at all. CI (``.ci/run``) runs it on the shipped content.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sirt_desktop.core.content.page import ContentError
from sirt_desktop.core.content.readability import TARGET_GRADE
from sirt_desktop.core.content.report import content_report, report_table
from sirt_desktop.core.content.store import build_content_set, shipped_root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=None, help="a content folder (default: the shipped one)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="check review dates as on this day")
    parser.add_argument("--max-grade", type=float, default=TARGET_GRADE, help="highest reading grade allowed")
    args = parser.parse_args(argv)
    root = args.content or shipped_root()
    try:
        content = build_content_set(root, "shipped")
    except (ContentError, OSError) as exc:
        problems = exc.problems if isinstance(exc, ContentError) else [str(exc)]
        print(f"The content in {root} cannot be read:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    today = args.today or date.today()
    rows = content_report(content, today, args.max_grade)
    print(report_table(rows))
    failing = [r for r in rows if r.problems]
    print(
        f"\n{len(rows)} pages, checked as on {today.isoformat()}. Reading grade {args.max_grade:g} or below; "
        "no page past its review date."
    )
    if failing:
        print(
            f"FAILED: {len(failing)} page(s): " + ", ".join(f"{r.page_id} ({'; '.join(r.problems)})" for r in failing),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

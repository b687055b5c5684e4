"""A per-page report on the patient information: reading grade, words, sources, doubts and
review dates, with the problems that must stop a release.

A page fails when it is past its review date, or when its running prose reads above
:data:`~sirt_desktop.core.content.readability.TARGET_GRADE` (the glossary is not scored).
``scripts/content_report.py`` prints the report and exits non-zero on any failure; CI runs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sirt_desktop.core.content.page import Page
from sirt_desktop.core.content.parse import GLOSSARY_PAGE_ID
from sirt_desktop.core.content.readability import TARGET_GRADE, reading_level
from sirt_desktop.core.content.store import ContentSet
from sirt_desktop.core.dates import long_date

_NOT_CERTAIN_RE = re.compile(r"(?m)^>\s*\*\*Not certain")


def uncertain_points(body: str) -> int:
    """How many doubts a page states: each "Not certain" box, and each item of a
    "What we do not know" box."""
    count = len(_NOT_CERTAIN_RE.findall(body))
    in_unknowns = False
    for line in body.split("\n"):
        if not line.startswith(">"):
            in_unknowns = False
            continue
        text = line[1:].strip()
        if text.startswith("**What we do not know"):
            in_unknowns = True
        elif in_unknowns and text.startswith("- "):
            count += 1
    return count


@dataclass(frozen=True)
class PageReport:
    page_id: str
    title: str
    grade: float | None  # None for the glossary (not scored)
    words: int
    sources: int
    uncertain: int
    last_reviewed: date
    next_review: date
    problems: tuple[str, ...]


def page_report(page: Page, today: date, max_grade: float = TARGET_GRADE) -> PageReport:
    problems: list[str] = []
    if today > page.next_review:
        problems.append(f"past its review date ({long_date(page.next_review)})")
    grade: float | None = None
    words = len(page.body.split())
    if page.id != GLOSSARY_PAGE_ID:
        level = reading_level(page)
        grade, words = level.grade, level.words
        if grade > max_grade:
            problems.append(f"reading grade {grade:.1f} is above {max_grade:g}")
    return PageReport(
        page.id,
        page.title,
        grade,
        words,
        len(page.sources),
        uncertain_points(page.body),
        page.last_reviewed,
        page.next_review,
        tuple(problems),
    )


def content_report(content: ContentSet, today: date, max_grade: float = TARGET_GRADE) -> list[PageReport]:
    """One row per page, in reading order."""
    return [page_report(page, today, max_grade) for page in content.pages]


def report_table(rows: list[PageReport]) -> str:
    """The report as a plain-text table (what the script prints)."""
    header = ("page", "grade", "words", "sources", "uncertain", "last reviewed", "next review", "problems")
    lines = [
        (
            r.page_id,
            "-" if r.grade is None else f"{r.grade:.1f}",
            str(r.words),
            str(r.sources),
            str(r.uncertain),
            r.last_reviewed.isoformat(),
            r.next_review.isoformat(),
            "; ".join(r.problems) or "ok",
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    numeric = {1, 2, 3, 4}

    def fmt(cells: tuple[str, ...] | list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([fmt(header), fmt(["-" * w for w in widths]), *(fmt(line) for line in lines)])

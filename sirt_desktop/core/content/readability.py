"""Reading level of the patient pages (Flesch-Kincaid grade, via textstat).

Only running prose is scored: headings, tables, images, placeholders, lists made only of
links, and the glossary are left out. Each list item counts as its own sentence. Link
targets are dropped and link text kept. textstat 0.7.3 counts syllables with pyphen and
never goes online; it is imported only when a grade is asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sirt_desktop.core.content.page import Page

TARGET_GRADE = 7.0

_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINK_ONLY_ITEM_RE = re.compile(r"^\s*[-*]\s*\[[^\]]*\]\([^)]*\)\s*[.:]?\s*$")
_LIST_RE = re.compile(r"^\s*(?:[-*]|\d+\.)\s+(?:\[[ xX]\]\s+)?")


def prose(body: str) -> str:
    """The running text of a Markdown body, one sentence-like unit per line."""
    units: list[str] = []
    for raw in body.split("\n"):
        line = raw.strip()
        if not line or line.startswith(("#", "|", "![", "{{", ">")) or _LINK_ONLY_ITEM_RE.match(line):
            continue
        if raw.lstrip().startswith("!["):
            continue
        line = _LIST_RE.sub("", line)
        line = _LINK_RE.sub(lambda m: m.group(1), line)
        line = line.replace("**", "").replace("__", "").replace("`", "")
        line = line.strip()
        if not line:
            continue
        if line[-1] not in ".!?:":
            line += "."
        units.append(line)
    return "\n".join(units)


@dataclass(frozen=True)
class ReadingLevel:
    page_id: str
    title: str
    grade: float
    words: int
    sentences: int


def reading_level(page: Page) -> ReadingLevel:
    import textstat  # noqa: PLC0415 (start-up: textstat)

    text = prose(page.body)
    return ReadingLevel(
        page_id=page.id,
        title=page.title,
        grade=float(textstat.flesch_kincaid_grade(text)) if text else 0.0,
        words=int(textstat.lexicon_count(text)),
        sentences=int(textstat.sentence_count(text)),
    )

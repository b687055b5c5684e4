"""The glossary: plain meanings of medical and NHS words, and links to them from pages.

``glossary.json`` holds the page metadata (same fields as a page header) and ``terms``:
a list of ``{"id", "term", "aliases", "definition"}``. A term written all in capitals
(an abbreviation such as ``MDT``) only matches in capitals; other terms match in any case.
A plural ``s`` or ``es`` is matched too.

:func:`link_glossary_terms` turns the first use of each term in each paragraph into a
Markdown link ``[word](glossary:term-id)``; headings, existing links, images, inline
code and ``{{placeholders}}`` are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sirt_desktop.core.content.page import (
    REQUIRED_KEYS,
    SECTIONS,
    Page,
    Source,
    check_review_dates,
    check_sources,
)

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[GlossaryTerm, ...]
    title: str = "Words explained"
    summary: str = ""
    section: str = "support"
    order: int = 99
    last_reviewed: date | None = None
    next_review: date | None = None
    sources: tuple[Source, ...] = ()

    def get(self, term_id: str) -> GlossaryTerm | None:
        for term in self.terms:
            if term.id == term_id:
                return term
        return None

    def ids(self) -> set[str]:
        return {term.id for term in self.terms}

    def find(self, word: str) -> GlossaryTerm | None:
        """The term whose name or alias is ``word`` (case-insensitive)."""
        wanted = word.strip().lower()
        for term in self.terms:
            if any(s.lower() == wanted for s in term.spellings):
                return term
        return None


def parse_glossary(data: object) -> tuple[Glossary | None, list[str]]:
    """Build a Glossary from parsed ``glossary.json``; returns every problem found."""
    where = "glossary.json: "
    if not isinstance(data, dict):
        return None, [where + "must hold a JSON object"]
    problems: list[str] = []
    for key in REQUIRED_KEYS:
        if key not in data:
            problems.append(f"{where}'{key}' is missing")
    dates: dict[str, date | None] = {}
    for key in ("last_reviewed", "next_review"):
        try:
            dates[key] = date.fromisoformat(str(data.get(key, "")))
        except ValueError:
            dates[key] = None
            problems.append(f"{where}'{key}' must be a date like 2026-11-14")
    problems += [where + p for p in check_review_dates(dates["last_reviewed"], dates["next_review"])]
    sources, source_problems = check_sources(data.get("sources"), where)
    problems += source_problems
    if data.get("section", "support") not in SECTIONS:
        problems.append(f"{where}'section' must be one of {', '.join(SECTIONS)}")
    terms: list[GlossaryTerm] = []
    seen: set[str] = set()
    raw_terms = data.get("terms")
    if not isinstance(raw_terms, list) or not raw_terms:
        problems.append(where + "'terms' must be a non-empty list")
        raw_terms = []
    for index, item in enumerate(raw_terms, start=1):
        if not isinstance(item, dict):
            problems.append(f"{where}term {index} is not an object")
            continue
        term_id = str(item.get("id", ""))
        label = f"term {index} ('{item.get('term', term_id)}')"
        if not _ID_RE.match(term_id):
            problems.append(f"{where}{label} has a bad id '{term_id}'")
        elif term_id in seen:
            problems.append(f"{where}{label} repeats the id '{term_id}'")
        seen.add(term_id)
        if not str(item.get("term", "")).strip():
            problems.append(f"{where}{label} has no term")
        if not str(item.get("definition", "")).strip():
            problems.append(f"{where}{label} has no definition")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"{where}{label} aliases must be a list of words")
            aliases = []
        terms.append(
            GlossaryTerm(
                term_id,
                str(item.get("term", "")).strip(),
                tuple(a.strip() for a in aliases),
                str(item.get("definition", "")).strip(),
            )
        )
    if problems:
        return None, problems
    try:
        order = int(data.get("order", 99))
    except (TypeError, ValueError):
        order = 99
    glossary = Glossary(
        terms=tuple(sorted(terms, key=lambda t: t.term.lower())),
        title=str(data.get("title", "Words explained")),
        summary=str(data.get("summary", "")),
        section=str(data.get("section", "support")),
        order=order,
        last_reviewed=dates["last_reviewed"],
        next_review=dates["next_review"],
        sources=sources,
    )
    return glossary, []


def glossary_markdown(glossary: Glossary) -> str:
    lines = ["These are the medical and NHS words used in this app, in plain English.", ""]
    for term in glossary.terms:
        also = f" (also: {', '.join(term.aliases)})" if term.aliases else ""
        lines.append(f"- **{term.term}**{also}: {term.definition}")
    return "\n".join(lines) + "\n"


def glossary_page(glossary: Glossary, page_id: str = "glossary", base_dir: Path | None = None) -> Page:
    """The glossary as a Page, so it can be listed, searched and reviewed like the others."""
    assert glossary.last_reviewed is not None and glossary.next_review is not None
    return Page(
        id=page_id,
        title=glossary.title,
        summary=glossary.summary,
        section=glossary.section,
        order=glossary.order,
        last_reviewed=glossary.last_reviewed,
        next_review=glossary.next_review,
        sources=glossary.sources,
        body=glossary_markdown(glossary),
        base_dir=base_dir,
    )


def _spelling_pattern(spelling: str) -> str:
    body = re.escape(spelling).replace(r"\ ", r"\s+")
    if spelling.isupper():
        return body
    return f"(?i:{body})"


def term_regex(glossary: Glossary) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex matching every spelling (longest first), and spelling -> term id."""
    by_spelling: dict[str, str] = {}
    for term in glossary.terms:
        for spelling in term.spellings:
            by_spelling.setdefault(spelling.lower(), term.id)
    spellings = sorted({s for t in glossary.terms for s in t.spellings}, key=len, reverse=True)
    alternation = "|".join(_spelling_pattern(s) for s in spellings)
    pattern = re.compile(rf"(?<![\w\-/.])(?:{alternation})(?:e?s)?(?![\w\-])")
    return pattern, by_spelling


_PROTECTED_RE = re.compile(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|\{\{[^}]*\}\}|https?://\S+|<[^>]+>")


def _term_id_for(match_text: str, by_spelling: dict[str, str]) -> str | None:
    folded = re.sub(r"\s+", " ", match_text).lower()
    for candidate in (folded, folded[:-1], folded[:-2]):
        if candidate in by_spelling:
            return by_spelling[candidate]
    return None


def link_glossary_terms(markdown: str, glossary: Glossary, skip_ids: frozenset[str] = frozenset()) -> str:
    """Link the first use of each glossary term in each paragraph (list items count as paragraphs
    of their own, and so do table rows)."""
    pattern, by_spelling = term_regex(glossary)
    out: list[str] = []
    linked: set[str] = set()
    for line in markdown.split("\n"):
        stripped = line.strip()
        if not stripped or stripped.startswith(("- ", "* ", "|")) or re.match(r"\d+\.\s", stripped):
            linked = set()  # a blank line, list item or table row starts a new paragraph
        if not stripped or stripped.startswith("#") or stripped.startswith("!["):
            out.append(line)
            continue
        protected = [m.span() for m in _PROTECTED_RE.finditer(line)]
        pieces: list[str] = []
        last = 0
        for match in pattern.finditer(line):
            start, end = match.span()
            if any(a < end and start < b for a, b in protected):
                continue
            term_id = _term_id_for(match.group(0), by_spelling)
            if term_id is None or term_id in linked or term_id in skip_ids:
                continue
            linked.add(term_id)
            pieces.append(line[last:start])
            pieces.append(f"[{match.group(0)}](glossary:{term_id})")
            last = end
        pieces.append(line[last:])
        out.append("".join(pieces))
    return "\n".join(out)


def terms_used(markdown: str, glossary: Glossary) -> set[str]:
    """Ids of the glossary terms that appear in a body (outside headings and links)."""
    linked = link_glossary_terms(markdown, glossary)
    return set(re.findall(r"\]\(glossary:([a-z0-9-]+)\)", linked))

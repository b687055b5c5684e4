"""Search across every page (the glossary too): plain word matching, no index to build.

Every word of the query must appear in a page (title, summary or text) for it to be a hit.
Hits come best first: title matches count most, then the summary, then the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sirt_desktop.core.content.page import Page
from sirt_desktop.core.content.store import pages as all_pages

SNIPPET_CHARS = 160
_WORD_RE = re.compile(r"[\w'-]+")


@dataclass(frozen=True)
class SearchHit:
    page_id: str
    title: str
    snippet: str  # plain text around the first match, with "…" where cut
    score: int
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) of each searched word in the snippet
    terms: tuple[str, ...] = ()  # the searched words, lower case, as matched


def find_marks(text: str, terms: list[str] | tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Where each of ``terms`` occurs in ``text`` (case-insensitive), in order, never overlapping."""
    spans: list[tuple[int, int]] = []
    lower = text.lower()
    for term in terms:
        start = lower.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = lower.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable text: no link targets, images, tables rules or markup."""
    text = re.sub(r"\{\{[^}]*\}\}", " ", markdown)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*\|?[-| ]+\|\s*$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"^#+\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`|>]+", " ", text)
    text = re.sub(r"^\s*-\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"\s+", " ", text).strip()


def _terms(query: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(query) if len(w) > 1 or w.isdigit()]


def _snippet(text: str, term: str) -> str:
    index = text.lower().find(term)
    if index < 0:
        return text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else "")
    start = max(0, index - SNIPPET_CHARS // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < index else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", index, end)
        end = space if space > index else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def search(query: str, pages: list[Page] | None = None, limit: int = 20) -> list[SearchHit]:
    """Pages holding every word of ``query`` (case-insensitive), best first."""
    terms = _terms(query)
    if not terms:
        return []
    if pages is None:
        pages = all_pages()
    hits: list[SearchHit] = []
    for page in pages:
        body = plain_text(page.body)
        title, summary, lower = page.title.lower(), page.summary.lower(), body.lower()
        score = 0
        for term in terms:
            found = 5 * title.count(term) + 3 * summary.count(term) + lower.count(term)
            if not found:
                break
            score += found
        else:
            first = next((t for t in terms if t in lower), terms[0])
            snippet = _snippet(body, first)
            hits.append(SearchHit(page.id, page.title, snippet, score, find_marks(snippet, terms), tuple(terms)))
    hits.sort(key=lambda h: (-h.score, h.title))
    return hits[:limit]

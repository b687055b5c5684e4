"""The patient-information page format: a metadata header, then Markdown.

Each page is a UTF-8 ``.md`` file that starts with a header between two ``---`` lines.
The header is a tiny, strict subset of YAML, parsed here (no YAML library)::

    ---
    id: what-is-sirt
    title: What SIRT is and how it works
    summary: One line for lists and search results.
    section: learn                 # learn | for_me | funding | support
    order: 1
    last_reviewed: 2026-11-14
    next_review: 2027-05-14
    newest_fact: 2025-06-18        # optional: date of the newest fact on the page
    sources:
      - title: Interventional procedures guidance IPG786
        publisher: NICE
        date: 2024-05-16           # YYYY, YYYY-MM, YYYY-MM-DD, YYYY/YY, "about YYYY" or "undated"
        address: https://www.nice.org.uk/guidance/ipg786
        about: what this source supports on the page   # optional; shown in the sources panel
    ---

Rules: one ``key: value`` per line; no quotes, no inline lists, no multi-line values;
``#`` starts a comment only after a space or at the start of a line (so URLs with ``#``
fragments survive only if written without a space before the ``#``). Unknown keys,
repeated keys and missing keys are errors. Every problem is reported, not just the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sirt_desktop.core.dates import add_months

SECTIONS = ("learn", "for_me", "funding", "support")
REQUIRED_KEYS = ("id", "title", "summary", "section", "order", "last_reviewed", "next_review", "sources")
OPTIONAL_KEYS = ("newest_fact",)
SOURCE_KEYS = ("title", "publisher", "date", "address")
OPTIONAL_SOURCE_KEYS = ("about",)
MAX_REVIEW_MONTHS = 12

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SOURCE_DATE_RE = re.compile(r"^(?:undated|about \d{4}|\d{4}/\d{2}|\d{4}(?:-\d{2}(?:-\d{2})?)?)$")
_ADDRESS_RE = re.compile(r"^https?://[^\s]+$")


class ContentError(ValueError):
    """A page or content file that breaks the format. ``problems`` lists every fault."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    date: str  # as written: ISO date, partial date, "about YYYY" or "undated"
    address: str
    about: str = ""  # what the source supports on the page (for the sources panel)


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    summary: str
    section: str
    order: int
    last_reviewed: date
    next_review: date
    sources: tuple[Source, ...]
    body: str  # Markdown, with {{placeholders}} already filled in
    images: tuple[Path, ...] = ()  # absolute paths of the images the body shows
    base_dir: Path | None = None  # folder that relative image links resolve against
    newest_fact: date | None = None
    # pictures made from the data, not shipped as files: (name the body links to, SVG bytes)
    generated: tuple[tuple[str, bytes], ...] = ()


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("#"):
        return ""
    return re.split(r"\s#", line, maxsplit=1)[0].rstrip()


def split_front_matter(text: str) -> tuple[list[str], str]:
    """The header lines and the body. Raises ContentError if there is no header."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(["the file must start with a '---' line"])
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return lines[1:index], "\n".join(lines[index + 1 :]).lstrip("\n")
    raise ContentError(["the header has no closing '---' line"])


def parse_header(lines: list[str]) -> tuple[dict[str, object], list[str]]:
    """Parse header lines into a dict (``sources`` is a list of dicts); also the problems."""
    data: dict[str, object] = {}
    problems: list[str] = []
    current_list: list[dict[str, str]] | None = None
    current_item: dict[str, str] | None = None
    for number, raw in enumerate(lines, start=2):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        stripped = line.strip()
        if indent == 0:
            current_list, current_item = None, None
            key, sep, value = stripped.partition(":")
            key, value = key.strip(), value.strip()
            if not sep or not key:
                problems.append(f"line {number}: expected 'key: value'")
                continue
            if key in data:
                problems.append(f"line {number}: '{key}' is given twice")
                continue
            if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
                problems.append(f"line {number}: unknown key '{key}'")
                continue
            if key == "sources":
                if value:
                    problems.append(f"line {number}: 'sources:' must be followed by '- ' items")
                current_list = []
                data[key] = current_list
            else:
                data[key] = value
            continue
        if current_list is None:
            problems.append(f"line {number}: indented line outside 'sources'")
            continue
        if stripped.startswith("- "):
            current_item = {}
            current_list.append(current_item)
            stripped = stripped[2:].strip()
        if current_item is None:
            problems.append(f"line {number}: a source must start with '- '")
            continue
        key, sep, value = stripped.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or key not in SOURCE_KEYS + OPTIONAL_SOURCE_KEYS:
            problems.append(f"line {number}: unknown source field '{key}'")
        elif key in current_item:
            problems.append(f"line {number}: source field '{key}' is given twice")
        else:
            current_item[key] = value
    return data, problems


def _parse_iso(value: object, key: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"'{key}' must be a date like 2026-11-14, not '{value}'")
        return None


def check_sources(raw: object, where: str = "") -> tuple[tuple[Source, ...], list[str]]:
    """Turn a list of source dicts into Source objects; report every gap."""
    problems: list[str] = []
    sources: list[Source] = []
    if not isinstance(raw, list) or not raw:
        return (), [f"{where}at least one source is needed"]
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            problems.append(f"{where}source {index} is not a set of fields")
            continue
        missing = [k for k in SOURCE_KEYS if not str(item.get(k, "")).strip()]
        if missing:
            problems.append(f"{where}source {index} is missing {', '.join(missing)}")
            continue
        if not _SOURCE_DATE_RE.match(str(item["date"])):
            problems.append(f"{where}source {index} has an unreadable date '{item['date']}'")
        if not _ADDRESS_RE.match(str(item["address"])):
            problems.append(f"{where}source {index} address must start with https:// or http://")
        title, publisher, when, address = (str(item[k]).strip() for k in SOURCE_KEYS)
        sources.append(Source(title, publisher, when, address, about=str(item.get("about", "")).strip()))
    return tuple(sources), problems


def check_review_dates(last: date | None, nxt: date | None) -> list[str]:
    if last is None or nxt is None:
        return []
    if nxt <= last:
        return ["'next_review' must be after 'last_reviewed'"]
    if nxt > add_months(last, MAX_REVIEW_MONTHS):
        return [f"'next_review' must be within {MAX_REVIEW_MONTHS} months of 'last_reviewed'"]
    return []


def parse_page_text(text: str) -> tuple[dict[str, object], str]:
    """Parse and check a page. Returns (fields for Page, body). Raises ContentError."""
    header, body = split_front_matter(text)
    data, problems = parse_header(header)
    for key in REQUIRED_KEYS:
        if key not in data or (key != "sources" and not str(data[key]).strip()):
            problems.append(f"'{key}' is missing")
    page_id = str(data.get("id", ""))
    if page_id and not _ID_RE.match(page_id):
        problems.append(f"'id' must be lower-case words joined by '-', not '{page_id}'")
    section = data.get("section")
    if section is not None and section not in SECTIONS:
        problems.append(f"'section' must be one of {', '.join(SECTIONS)}, not '{section}'")
    order = 0
    if "order" in data:
        try:
            order = int(str(data["order"]))
        except ValueError:
            problems.append(f"'order' must be a whole number, not '{data['order']}'")
    last = _parse_iso(data["last_reviewed"], "last_reviewed", problems) if data.get("last_reviewed") else None
    nxt = _parse_iso(data["next_review"], "next_review", problems) if data.get("next_review") else None
    newest = _parse_iso(data["newest_fact"], "newest_fact", problems) if data.get("newest_fact") else None
    problems += check_review_dates(last, nxt)
    sources: tuple[Source, ...] = ()
    if "sources" in data:
        sources, source_problems = check_sources(data["sources"])
        problems += source_problems
    if not body.strip():
        problems.append("the page has no text")
    if problems:
        raise ContentError(problems)
    fields = {
        "id": page_id,
        "title": str(data["title"]),
        "summary": str(data["summary"]),
        "section": str(section),
        "order": order,
        "last_reviewed": last,
        "next_review": nxt,
        "sources": sources,
        "newest_fact": newest,
    }
    return fields, body


def page_from_text(text: str, base_dir: Path | None = None) -> Page:
    """A Page straight from its file text (placeholders left as written)."""
    fields, body = parse_page_text(text)
    return Page(body=body, base_dir=base_dir, **fields)  # type: ignore[arg-type]


@dataclass
class ContentManifest:
    version: tuple[int, ...]
    version_text: str
    date: date
    extra: dict[str, object] = field(default_factory=dict)


MAX_VERSION_PART = 9_999
_SEMVER_RE = re.compile(r"^\d+(?:\.\d+){0,2}$")


def parse_version(value: object) -> tuple[int, ...] | None:
    """``3`` -> (3, 0, 0); ``"1.2.3"`` -> (1, 2, 3); anything else -> None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, 0, 0) if value >= 0 else None
    if isinstance(value, str) and _SEMVER_RE.match(value.strip()):
        parts = [int(p) for p in value.strip().split(".")]
        return tuple(parts + [0] * (3 - len(parts)))
    return None


def parse_manifest(data: object) -> tuple[ContentManifest | None, list[str]]:
    problems: list[str] = []
    if not isinstance(data, dict):
        return None, ["manifest.json must hold a JSON object"]
    version = parse_version(data.get("version"))
    if version is None:
        problems.append("manifest.json 'version' must be a whole number or like 1.2.3")
    elif max(version) > MAX_VERSION_PART:
        # A version of 10**30 would make every later real pack "older" and block updates.
        problems.append(f"manifest.json 'version' has a part over {MAX_VERSION_PART:,}: that is not a real version")
    when: date | None = None
    try:
        when = date.fromisoformat(str(data.get("date", "")))
    except ValueError:
        problems.append("manifest.json 'date' must be a date like 2026-11-14")
    if when is not None and when > date.today() + timedelta(days=366):
        problems.append(f"manifest.json 'date' {when.isoformat()} is more than a year ahead: that is not a real date")
    if problems:
        return None, problems
    return ContentManifest(version, str(data["version"]), when, dict(data)), []  # type: ignore[arg-type]

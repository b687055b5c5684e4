"""Checks a whole set of content files (shipped folder, installed pack or a ZIP's contents).

A content set is a flat folder of pages (``*.md``) plus ``manifest.json``, ``glossary.json``,
``checklist.json``, ``treatment_grid.json``, ``images/`` and, for pages that show the risk
picture, ``risks.json`` (:mod:`sirt_desktop.core.content.risks`). :func:`check_content_files`
takes ``{relative path: bytes}`` and returns every problem it finds, in plain words.

Links a page may hold (the GUI handles each scheme):

- ``page:<page-id>``       another page
- ``glossary:<term-id>``   a glossary term
- ``app:<target>``         a part of the app; targets are in :data:`APP_TARGETS`
- ``images/<file>``        an image shipped with the content (Markdown image syntax)
- ``https://...``          an outside web page (shown, never fetched by the app)
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from sirt_desktop.core.content.glossary import Glossary, parse_glossary
from sirt_desktop.core.content.page import (
    ContentError,
    ContentManifest,
    Page,
    page_from_text,
    parse_manifest,
)
from sirt_desktop.core.content.risks import RiskPicture, parse_risks
from sirt_desktop.core.dates import long_date

APP_TARGETS = frozenset({"write-letter", "checklist", "appointment-sheet"})
PLACEHOLDERS = frozenset({"{{treatment_grid}}", "{{checklist}}", "{{risk_picture}}"})
# ``{{collapsed: Title}}`` on a line of its own: the rest of the page is background, shown
# folded under that title until the reader opens it.
COLLAPSED_RE = re.compile(r"^\{\{collapsed:\s*(?P<title>[^}]+?)\s*\}\}[ \t]*$", re.MULTILINE)
REQUIRED_FILES = ("manifest.json", "glossary.json", "checklist.json", "treatment_grid.json")
IMAGE_SUFFIXES = (".svg", ".png")
GLOSSARY_PAGE_ID = "glossary"

_LINK_RE = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]*)\)")
_PLACEHOLDER_RE = re.compile(r"\{\{[^}]*\}\}")
_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_SVG_BANNED = ("style", "foreignObject", "filter", "script")


@dataclass(frozen=True)
class ChecklistQuestion:
    id: str
    text: str


@dataclass(frozen=True)
class GridQuestion:
    id: str
    label: str


@dataclass(frozen=True)
class GridOption:
    id: str
    name: str
    cells: dict[str, str]
    sources: str


@dataclass(frozen=True)
class TreatmentGrid:
    title: str
    key: str
    questions: tuple[GridQuestion, ...]
    options: tuple[GridOption, ...]

    def cell(self, option_id: str, question_id: str) -> str:
        for option in self.options:
            if option.id == option_id:
                return option.cells.get(question_id, "")
        raise KeyError(option_id)


def find_links(markdown: str) -> list[tuple[bool, str, str]]:
    """(is_image, text, target) for every Markdown link in a body."""
    return [(m.group(1) == "!", m.group(2), m.group(3)) for m in _LINK_RE.finditer(markdown)]


def parse_checklist(data: object) -> tuple[tuple[ChecklistQuestion, ...], list[str]]:
    where = "checklist.json: "
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list) or not data["questions"]:
        return (), [where + "must hold a non-empty 'questions' list"]
    problems: list[str] = []
    questions: list[ChecklistQuestion] = []
    for index, item in enumerate(data["questions"], start=1):
        qid = str(item.get("id", "")) if isinstance(item, dict) else ""
        text = str(item.get("text", "")).strip() if isinstance(item, dict) else ""
        if not _ID_RE.match(qid):
            problems.append(f"{where}question {index} has a bad id '{qid}'")
        elif any(q.id == qid for q in questions):
            problems.append(f"{where}question {index} repeats the id '{qid}'")
        if not text:
            problems.append(f"{where}question {index} has no text")
        questions.append(ChecklistQuestion(qid, text))
    return tuple(questions), problems


def parse_grid(data: object) -> tuple[TreatmentGrid | None, list[str]]:
    where = "treatment_grid.json: "
    if not isinstance(data, dict):
        return None, [where + "must hold a JSON object"]
    problems: list[str] = []
    raw_q: list[Any] = data["questions"] if isinstance(data.get("questions"), list) else []
    raw_o: list[Any] = data["options"] if isinstance(data.get("options"), list) else []
    if not raw_q or not raw_o:
        problems.append(where + "needs 'questions' and 'options' lists")
    questions = tuple(GridQuestion(str(q.get("id", "")), str(q.get("label", ""))) for q in raw_q if isinstance(q, dict))
    options: list[GridOption] = []
    for item in raw_o:
        if not isinstance(item, dict) or not isinstance(item.get("cells"), dict):
            problems.append(where + "each option needs 'id', 'name' and 'cells'")
            continue
        option = GridOption(
            str(item.get("id", "")),
            str(item.get("name", "")),
            {str(k): str(v) for k, v in item["cells"].items()},
            str(item.get("sources", "")),
        )
        for q in questions:
            if not option.cells.get(q.id, "").strip():
                problems.append(f"{where}'{option.name}' has no answer for '{q.label}'")
        if not option.sources.strip():
            problems.append(f"{where}'{option.name}' names no sources")
        options.append(option)
    if problems:
        return None, problems
    return TreatmentGrid(str(data.get("title", "")), str(data.get("key", "")), questions, tuple(options)), []


# Raw HTML in a page (``<img src="file:...">``, ``<a href="smb:...">``) would be shown by Qt's
# rich text as it stands, outside the Markdown link checks; so would an autolink or reference
# link to a local or network file. Pages are plain Markdown: none of these.
_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?\s*>")
_LOCAL_LINK = re.compile(r"(?i)\b(?:file|smb|ftp|javascript|data|vbscript):\S")


def page_markup_problems(body: str) -> list[str]:
    """Raw HTML, and links to local or network files however they are written."""
    problems = []
    tag = _RAW_HTML.search(body)
    if tag:
        problems.append(f"raw HTML is not allowed in pages ('{tag.group(0)[:40]}'): use Markdown")
    link = _LOCAL_LINK.search(body)
    if link:
        problems.append(f"a link to '{link.group(0)[:-1]}' is not allowed: only pages, the glossary and web addresses")
    return problems


def check_svg(name: str, data: bytes) -> list[str]:
    """An image Qt's SVG renderer can draw: well-formed, <svg> root, no CSS, filters or scripts."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"{name}: not a valid SVG file ({exc})"]
    if root.tag.split("}")[-1] != "svg":
        return [f"{name}: the top element must be <svg>"]
    problems = []
    for element in root.iter():
        tag = element.tag.split("}")[-1]
        if tag in _SVG_BANNED:
            problems.append(f"{name}: <{tag}> is not allowed")
        if "style" in element.attrib or any(
            (k == "href" or k.endswith("}href") or k == "src") and not v.startswith("#")
            for k, v in element.attrib.items()
        ):
            problems.append(f"{name}: styles and outside links are not allowed")
            break
    return problems


def _json(files: dict[str, bytes], name: str, problems: list[str]) -> object:
    try:
        return json.loads(files[name].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(f"{name}: not valid JSON ({exc})")
        return None


@dataclass
class ParsedContent:
    manifest: ContentManifest | None
    pages: list[Page]
    glossary: Glossary | None
    checklist: tuple[ChecklistQuestion, ...]
    grid: TreatmentGrid | None
    problems: list[str]
    risks: RiskPicture | None = None


def _parse_data_files(
    files: dict[str, bytes], problems: list[str]
) -> tuple[
    ContentManifest | None, Glossary | None, tuple[ChecklistQuestion, ...], TreatmentGrid | None, RiskPicture | None
]:
    """The JSON files of a content set, each parsed (None where missing or broken)."""

    def read(name: str) -> Any:
        return _json(files, name, problems) if name in files else None

    manifest: ContentManifest | None = None
    glossary: Glossary | None = None
    checklist: tuple[ChecklistQuestion, ...] = ()
    grid: TreatmentGrid | None = None
    if (data := read("manifest.json")) is not None:
        manifest, found = parse_manifest(data)
        problems += found
    if (data := read("glossary.json")) is not None:
        glossary, found = parse_glossary(data)
        problems += found
    if (data := read("checklist.json")) is not None:
        checklist_found, found = parse_checklist(data)
        checklist = checklist_found or ()
        problems += found
    if (data := read("treatment_grid.json")) is not None:
        grid, found = parse_grid(data)
        problems += found
    risks: RiskPicture | None = None
    if (data := read("risks.json")) is not None:
        risks, found = parse_risks(data)
        problems += found
    return manifest, glossary, checklist, grid, risks


def parse_content_files(files: dict[str, bytes]) -> ParsedContent:
    """Parse every file and cross-check links. Pages keep their {{placeholders}}."""
    problems: list[str] = []
    for name in REQUIRED_FILES:
        if name not in files:
            problems.append(f"{name} is missing")

    manifest, glossary, checklist, grid, risks = _parse_data_files(files, problems)
    pages: list[Page] = []
    page_names = sorted(n for n in files if n.endswith(".md") and "/" not in n)
    if not page_names:
        problems.append("there are no pages (.md files)")
    for name in page_names:
        try:
            text = files[name].decode("utf-8")
            page = page_from_text(text)
        except UnicodeDecodeError:
            problems.append(f"{name}: not UTF-8 text")
            continue
        except ContentError as exc:
            problems += [f"{name}: {p}" for p in exc.problems]
            continue
        if page.id != name[:-3]:
            problems.append(f"{name}: 'id' must match the file name ('{name[:-3]}')")
        problems += [f"{name}: {p}" for p in page_markup_problems(page.body)]
        if page.id == GLOSSARY_PAGE_ID:
            problems.append(f"{name}: the id 'glossary' is kept for the glossary")
        if page.newest_fact is not None:
            first_line = page.body.strip().split("\n", 1)[0]
            if long_date(page.newest_fact) not in first_line:
                problems.append(
                    f"{name}: the first line must give the newest fact's date ('{long_date(page.newest_fact)}')"
                )
        elif page.section == "funding":
            problems.append(f"{name}: a funding page needs 'newest_fact'")
        pages.append(page)
    for name in files:
        if name.startswith("images/") and name.endswith(".svg"):
            problems += check_svg(name, files[name])
        elif name.endswith(".png") and not files[name].startswith(b"\x89PNG\r\n\x1a\n"):
            problems.append(f"{name}: not a PNG image")
    page_ids = {p.id for p in pages} | {GLOSSARY_PAGE_ID}
    if len({p.id for p in pages}) != len(pages):
        problems.append("two pages share an id")
    term_ids = glossary.ids() if glossary else set()
    for page in pages:
        problems += _check_page_links(page, files, page_ids, term_ids)
        if "{{risk_picture}}" in page.body and "risks.json" not in files:
            problems.append(f"{page.id}.md: {{{{risk_picture}}}} needs risks.json")
        if len(COLLAPSED_RE.findall(page.body)) > 1:
            problems.append(f"{page.id}.md: only one {{{{collapsed: ...}}}} line is allowed")
    return ParsedContent(manifest, pages, glossary, checklist, grid, problems, risks)


def _check_page_links(page: Page, files: dict[str, bytes], page_ids: set[str], term_ids: set[str]) -> list[str]:
    problems: list[str] = []
    where = f"{page.id}.md: "
    for token in _PLACEHOLDER_RE.findall(COLLAPSED_RE.sub("", page.body)):
        if token not in PLACEHOLDERS:
            problems.append(f"{where}unknown placeholder {token}")
    for is_image, text, target in find_links(page.body):
        if is_image:
            if not text.strip():
                problems.append(f"{where}image '{target}' needs a description (alt text)")
            if not target.startswith("images/") or not target.endswith(IMAGE_SUFFIXES):
                problems.append(f"{where}image '{target}' must be an .svg or .png in images/")
            elif target not in files:
                problems.append(f"{where}image '{target}' is missing")
            continue
        scheme, _, rest = target.partition(":")
        if scheme == "page":
            if rest not in page_ids:
                problems.append(f"{where}link to missing page '{rest}'")
        elif scheme == "glossary":
            if rest not in term_ids:
                problems.append(f"{where}link to missing glossary term '{rest}'")
        elif scheme == "app":
            if rest not in APP_TARGETS:
                problems.append(f"{where}link to unknown app target '{rest}'")
        elif scheme in ("http", "https"):
            if not rest.startswith("//"):
                problems.append(f"{where}broken web address '{target}'")
        else:
            problems.append(f"{where}link '{target}' is not a page:, glossary:, app: or web link")
    return problems


def check_content_files(files: dict[str, bytes]) -> list[str]:
    return parse_content_files(files).problems

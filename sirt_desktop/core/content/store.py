"""Patient-information pages: loading, review dates, checklist and treatment grid.

Pages are Markdown files with a small metadata header (format in
:mod:`sirt_desktop.core.content.page`). The app reads them from the newest valid content
pack installed in :func:`paths.content_override_dir` when that pack is newer than the
shipped ``resources/content/``; otherwise from the shipped folder. Nothing is read until
first asked for; :func:`reload_content` forgets what was read (after a pack is installed).

Links the GUI must handle are listed in :mod:`sirt_desktop.core.content.parse`
(``page:``, ``glossary:``, ``app:``, ``images/``, ``https://``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from sirt_desktop.core import paths
from sirt_desktop.core.content.glossary import (
    Glossary,
    GlossaryTerm,
    glossary_page,
    link_glossary_terms,
)
from sirt_desktop.core.content.page import (
    SECTIONS,
    ContentError,
    ContentManifest,
    Page,
    Source,
)
from sirt_desktop.core.content.parse import (
    COLLAPSED_RE,
    GLOSSARY_PAGE_ID,
    ChecklistQuestion,
    TreatmentGrid,
    find_links,
    parse_content_files,
)
from sirt_desktop.core.content.risks import (
    IMAGE_NAME,
    RiskPicture,
    risk_picture_markdown,
    risk_picture_svg,
)
from sirt_desktop.core.content.risks import description as risk_description
from sirt_desktop.core.dates import MONTHS, long_date
from sirt_desktop.core.resources import resource_path

PACK_DIR_PREFIX = "pack-"
MAX_FILES = 200


@dataclass(frozen=True)
class ContentSet:
    """One complete, checked set of content."""

    root: Path
    origin: str  # "shipped" or "pack"
    manifest: ContentManifest
    pages: tuple[Page, ...]  # sorted by section, then order; includes the glossary page
    glossary: Glossary
    checklist: tuple[ChecklistQuestion, ...]
    grid: TreatmentGrid
    risks: RiskPicture | None = None

    def page(self, page_id: str) -> Page:
        for page in self.pages:
            if page.id == page_id:
                return page
        raise KeyError(page_id)


def read_content_dir(root: Path) -> dict[str, bytes]:
    """Every regular file under ``root`` as ``{relative/posix/path: bytes}`` (symlinks skipped)."""
    files: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        files[path.relative_to(root).as_posix()] = path.read_bytes()
        if len(files) > MAX_FILES:
            raise ContentError([f"more than {MAX_FILES} files"])
    return files


def grid_markdown(grid: TreatmentGrid) -> str:
    header = "| | " + " | ".join(o.name for o in grid.options) + " |"
    rule = "|---" * (len(grid.options) + 1) + "|"
    rows = [f"| **{q.label}** | " + " | ".join(o.cells[q.id] for o in grid.options) + " |" for q in grid.questions]
    key = f"\n\n{grid.key}" if grid.key else ""
    return "\n".join([header, rule, *rows]) + key


def grid_stacked_markdown(grid: TreatmentGrid) -> str:
    """The grid for a narrow window or large text: one short list per option, in the same order."""
    parts = []
    for option in grid.options:
        parts.append(f"**{option.name}**\n")
        parts += [
            f"- **{q.label if q.label.endswith('?') else q.label + ':'}** {option.cells[q.id]}" for q in grid.questions
        ]
        parts.append("")
    return "\n".join(parts) + (f"\n{grid.key}" if grid.key else "")


def checklist_markdown(questions: tuple[ChecklistQuestion, ...]) -> str:
    return "\n".join(f"- {q.text}" for q in questions)


def build_content_set(root: Path, origin: str, files: dict[str, bytes] | None = None) -> ContentSet:
    """Parse and check a content folder. Raises ContentError listing every problem."""
    parsed = parse_content_files(files if files is not None else read_content_dir(root))
    if parsed.problems:
        raise ContentError(parsed.problems)
    assert parsed.manifest and parsed.glossary and parsed.grid
    fills = {"{{treatment_grid}}": grid_markdown(parsed.grid), "{{checklist}}": checklist_markdown(parsed.checklist)}
    generated: dict[str, bytes] = {}
    if parsed.risks is not None:
        fills["{{risk_picture}}"] = risk_picture_markdown(parsed.risks)
        generated[IMAGE_NAME] = risk_picture_svg(parsed.risks)
    pages: list[Page] = []
    for page in parsed.pages:
        body = page.body
        for token, text in fills.items():
            body = body.replace(token, text)
        targets = [target for is_image, _, target in find_links(body) if is_image]
        images = tuple(root / target for target in targets if target not in generated)
        made = tuple((target, generated[target]) for target in dict.fromkeys(targets) if target in generated)
        pages.append(replace(page, body=body, images=images, base_dir=root, generated=made))
    pages.append(glossary_page(parsed.glossary, GLOSSARY_PAGE_ID, root))
    pages.sort(key=lambda p: (SECTIONS.index(p.section), p.order, p.title))
    return ContentSet(
        root, origin, parsed.manifest, tuple(pages), parsed.glossary, parsed.checklist, parsed.grid, parsed.risks
    )


def shipped_root() -> Path:
    return resource_path("content")


@lru_cache(maxsize=1)
def shipped_content() -> ContentSet:
    return build_content_set(shipped_root(), "shipped")


def installed_packs() -> list[tuple[Path, ContentSet | None, list[str]]]:
    """Each installed pack folder, its content if valid, and its problems."""
    found: list[tuple[Path, ContentSet | None, list[str]]] = []
    base = paths.content_override_dir(create=False)
    if not base.is_dir():
        return found
    for folder in sorted(base.iterdir()):
        if not folder.name.startswith(PACK_DIR_PREFIX) or folder.is_symlink() or not folder.is_dir():
            continue
        try:
            found.append((folder, build_content_set(folder, "pack"), []))
        except ContentError as exc:
            found.append((folder, None, exc.problems))
        except OSError as exc:
            found.append((folder, None, [str(exc)]))
    return found


@lru_cache(maxsize=1)
def active_content() -> ContentSet:
    """The newest valid installed pack if it is newer than the shipped content, else shipped."""
    best = shipped_content()
    for _folder, content, _problems in installed_packs():
        if content is not None and content.manifest.version > best.manifest.version:
            best = content
    return best


def reload_content() -> None:
    active_content.cache_clear()
    shipped_content.cache_clear()


# --- Pages -------------------------------------------------------------------------------


def pages(section: str | None = None) -> list[Page]:
    """All pages (the glossary too), in reading order; or only one section's."""
    return [p for p in active_content().pages if section is None or p.section == section]


def get_page(page_id: str) -> Page:
    return active_content().page(page_id)


def has_grid(page: Page) -> bool:
    return grid_markdown(active_content().grid) in page.body


def display_markdown(page: Page, stacked_grid: bool = False) -> str:
    """The body with glossary words linked as ``[word](glossary:id)``, ready to show; with
    ``stacked_grid`` the treatment grid is one list per option (for little room).
    A ``{{collapsed: ...}}`` line is left in: see :func:`display_parts`."""
    if page.id == GLOSSARY_PAGE_ID:
        return page.body
    body = page.body
    if stacked_grid:
        grid = active_content().grid
        body = body.replace(grid_markdown(grid), grid_stacked_markdown(grid))
    return link_glossary_terms(body, active_content().glossary)


@dataclass(frozen=True)
class DisplayParts:
    """A page split for showing: the main text, then (optionally) background that starts folded."""

    main: str
    collapsed_title: str | None = None
    collapsed: str = ""


def split_collapsed(body: str) -> tuple[str, str | None, str]:
    """``(main, title, rest)`` at a ``{{collapsed: Title}}`` line; ``(body, None, "")`` without one."""
    match = COLLAPSED_RE.search(body)
    if match is None:
        return body, None, ""
    return body[: match.start()].rstrip() + "\n", match.group("title"), body[match.end() :].lstrip("\n")


def display_parts(page: Page, stacked_grid: bool = False) -> DisplayParts:
    main, title, rest = split_collapsed(display_markdown(page, stacked_grid))
    return DisplayParts(main, title, rest)


def pictures_description(page: Page) -> str:
    """Plain text giving everything the page's generated pictures show ("" if it has none)."""
    risks = active_content().risks
    if risks is None or not any(name == IMAGE_NAME for name, _ in page.generated):
        return ""
    return risk_description(risks)


def source_date_in_words(value: str) -> str:
    """``"2024-05-16"`` -> ``"16 May 2024"``; ``"2025-03"`` -> ``"March 2025"``; others as written."""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return long_date(date.fromisoformat(value))
        if len(parts) == 2 and len(parts[0]) == 4:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value


def _sentence(text: str) -> str:
    """``text`` ending in a full stop (unless it already ends in . ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def source_line(source: Source) -> str:
    used = f" Used for: {_sentence(source.about)}" if source.about else ""
    return f"{_sentence(source.title)} {source.publisher}, {source_date_in_words(source.date)}.{used} {source.address}"


def sources_markdown(page: Page) -> str:
    """The sources panel for the foot of a page: every source, its date and what it supports."""
    lines = ["## Where does this information come from?", ""]
    lines += [f"{number}. {source_line(source)}" for number, source in enumerate(page.sources, start=1)]
    lines += ["", review_line(page) + "."]
    return "\n".join(lines) + "\n"


def review_line(page: Page) -> str:
    """``"Last reviewed 14 November 2026 · Next review due 14 May 2027"``."""
    return f"Last reviewed {long_date(page.last_reviewed)} · Next review due {long_date(page.next_review)}"


def review_notice(page: Page, today: date | None = None) -> str | None:
    """A plain warning once a page is past its review date; None while it is in date."""
    today = today or date.today()
    if today <= page.next_review:
        return None
    return (
        f"This page was due for review on {long_date(page.next_review)}. "
        "The information may be out of date. Check with your NET team, "
        "or call the Macmillan Support Line on 0808 808 00 00 (see Support and helplines)."
    )


_TIMELINE_DATE_RE = re.compile(
    r"^\s*[-*]\s+\*\*(?:(\d{1,2})\s+)?(" + "|".join(MONTHS) + r")\s+(\d{4})\*\*", re.MULTILINE
)


def timeline_dates(page: Page) -> list[date]:
    """Dates of timeline entries written as ``- **16 May 2024**: ...`` (or ``**May 2024**``)."""
    return [
        date(int(year), MONTHS.index(month) + 1, int(day) if day else 1)
        for day, month, year in _TIMELINE_DATE_RE.findall(page.body)
    ]


def newest_fact_date(page: Page) -> date | None:
    """The date of the newest fact a page holds: its ``newest_fact`` or its latest timeline entry."""
    dates = timeline_dates(page) + ([page.newest_fact] if page.newest_fact else [])
    return max(dates) if dates else None


# --- Glossary, checklist, grid -----------------------------------------------------------


def glossary() -> Glossary:
    return active_content().glossary


def glossary_term(term_id: str) -> GlossaryTerm | None:
    """For a ``glossary:<id>`` link: the term and its one-line meaning."""
    return active_content().glossary.get(term_id)


def checklist_questions() -> list[ChecklistQuestion]:
    """The printable question checklist; ids are stable across content versions."""
    return list(active_content().checklist)


def treatment_grid() -> TreatmentGrid:
    return active_content().grid


def content_date() -> date:
    return active_content().manifest.date


def content_version() -> str:
    return active_content().manifest.version_text

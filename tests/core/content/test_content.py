"""Quality gates for the shipped patient information and the content loader."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.glossary import link_glossary_terms, parse_glossary
from sirt_desktop.core.content.page import SECTIONS, ContentError, page_from_text
from sirt_desktop.core.content.parse import APP_TARGETS, check_content_files, find_links
from sirt_desktop.core.content.readability import TARGET_GRADE, prose, reading_level
from sirt_desktop.core.content.search import search
from sirt_desktop.core.dates import add_months

SHIPPED = content.shipped_content()
PAGES = [p for p in SHIPPED.pages if p.id != "glossary"]


@pytest.fixture(autouse=True)
def _fresh_content():
    content.reload_content()  # each test has its own SIRT_DESKTOP_HOME
    yield
    content.reload_content()


EXPECTED_PAGES = {
    "what-is-sirt",
    "what-happens",
    "side-effects",
    "is-sirt-for-me",
    "other-treatments",
    "funding",
    "questions-to-ask",
    "support",
    "glossary",
}

# Medical and NHS words: if a page uses one, the glossary must explain it.
MEDICAL_TERMS = [
    "MDT",
    "IFR",
    "IPFR",
    "IPTR",
    "ICB",
    "PRRT",
    "TACE",
    "TAE",
    "CPAG",
    "PPP",
    "ECR",
    "NICE",
    "UKINETS",
    "catheter",
    "angiogram",
    "hepatic artery",
    "portal vein",
    "microspheres",
    "yttrium-90",
    "Y-90",
    "holmium-166",
    "embolisation",
    "radioembolisation",
    "ablation",
    "ascites",
    "jaundice",
    "bilirubin",
    "carcinoid syndrome",
    "performance status",
    "somatostatin analogue",
    "Lutathera",
    "everolimus",
    "sunitinib",
    "CAPTEM",
    "chemotherapy",
    "work-up",
    "MAA scan",
    "post-embolisation syndrome",
    "RILD",
    "REILD",
    "interventional radiologist",
    "local anaesthetic",
    "general anaesthetic",
    "sedative",
    "CT scan",
    "pancreatitis",
    "gallbladder",
    "registry",
    "commissioning",
    "MSP",
    "MLA",
    "Senedd",
    "receptors",
    "PACS Tier Two",
    "Joint Commissioning Committee",
    "grade",
    "petition",
    "TARE",
]


def test_shipped_content_has_no_problems():
    files = content.read_content_dir(content.shipped_root())
    assert check_content_files(files) == []


def test_every_expected_page_ships_in_a_known_section():
    assert {p.id for p in SHIPPED.pages} == EXPECTED_PAGES
    assert {p.section for p in SHIPPED.pages} == set(SECTIONS)


@pytest.mark.parametrize("page", SHIPPED.pages, ids=lambda p: p.id)
def test_page_metadata_is_complete(page):
    assert page.title.strip() and page.summary.strip() and "\n" not in page.summary
    assert page.section in SECTIONS
    assert page.last_reviewed == date(2026, 11, 14)
    assert page.last_reviewed < page.next_review <= add_months(page.last_reviewed, 12)
    assert page.sources, "every page needs a source"
    for source in page.sources:
        assert source.title and source.publisher and source.date
        assert source.address.startswith(("https://", "http://"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_reading_level_is_grade_7_or_below(page):
    level = reading_level(page)
    assert level.words > 150, "too little prose was scored: is the page being read?"
    assert level.grade <= TARGET_GRADE, f"{page.id}: Flesch-Kincaid grade {level.grade:.1f}"


def test_reading_gate_can_fail_on_hard_text():
    hard = page_from_text(
        "---\nid: hard\ntitle: Hard\nsummary: s\nsection: learn\norder: 1\nlast_reviewed: 2026-11-14\n"
        "next_review: 2027-05-14\nsources:\n  - title: t\n    publisher: p\n    date: undated\n"
        "    address: https://example.org\n---\n"
        + "Radioembolisation necessitates multidisciplinary consideration of hepatopulmonary shunting, "
        "extrahepatic dissemination and comorbidity-adjusted performance characteristics. " * 20
    )
    assert reading_level(hard).grade > TARGET_GRADE


def test_prose_leaves_out_tables_headings_images_and_link_lists():
    body = (
        "# A very long heading indeed\n\n| a | b |\n|---|---|\n| x | y |\n\n![alt](images/a.svg)\n\n"
        "- [Funding](page:funding)\n\nA [short](glossary:x) line\n- item one\n"
    )
    assert prose(body).split("\n") == ["A short line.", "item one."]


def test_every_glossary_term_has_a_definition():
    assert all(t.definition.strip() and t.term.strip() for t in SHIPPED.glossary.terms)
    broken = {
        "id": "glossary",
        "title": "W",
        "summary": "s",
        "section": "support",
        "order": 1,
        "last_reviewed": "2026-11-14",
        "next_review": "2027-05-14",
        "sources": [{"title": "t", "publisher": "p", "date": "undated", "address": "https://e.org"}],
        "terms": [{"id": "mdt", "term": "MDT", "aliases": [], "definition": ""}],
    }
    glossary, problems = parse_glossary(broken)
    assert glossary is None and any("no definition" in p for p in problems)


@pytest.mark.parametrize("term", MEDICAL_TERMS)
def test_medical_terms_used_on_pages_are_in_the_glossary(term):
    pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?:e?s)?(?![\w-])", 0 if term.isupper() else re.I)
    used_on = [p.id for p in PAGES if pattern.search(p.body)]
    if used_on:
        assert SHIPPED.glossary.find(term) or SHIPPED.glossary.find(term.rstrip("s")), (
            f"'{term}' is used on {used_on} but the glossary does not explain it"
        )


def test_some_medical_terms_really_are_used():
    used = [t for t in MEDICAL_TERMS if any(t.lower() in p.body.lower() for p in PAGES)]
    assert len(used) >= 40


def test_every_link_resolves():
    page_ids = {p.id for p in SHIPPED.pages}
    for page in SHIPPED.pages:
        for is_image, _text, target in find_links(content.display_markdown(page)):
            scheme, _, rest = target.partition(":")
            if is_image:
                assert (page.base_dir / target).is_file()
            elif scheme == "page":
                assert rest in page_ids, target
            elif scheme == "glossary":
                assert SHIPPED.glossary.get(rest), target
            elif scheme == "app":
                assert rest in APP_TARGETS, target
            else:
                assert scheme == "https", target


def test_funding_page_links_to_the_letter_writer():
    assert "(app:write-letter)" in content.get_page("funding").body


def test_diagram_is_plain_svg_that_qt_can_draw():
    page = content.get_page("what-is-sirt")
    assert [p.name for p in page.images] == ["sirt-diagram.svg"]
    root = ET.parse(page.images[0]).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert not tags & {"style", "filter", "foreignObject", "script", "image"}
    texts = [el for el in root.iter() if el.tag.endswith("}text")]
    labels = " ".join(el.text or "" for el in texts)
    for word in ("Liver", "Tumour", "Hepatic artery", "Catheter", "groin", "wrist", "Beads"):
        assert word in labels
    assert all(el.get("font-family") == "sans-serif" and float(el.get("font-size")) >= 22 for el in texts)


def test_review_notice_only_after_the_review_date():
    page = content.get_page("what-is-sirt")
    assert content.review_notice(page, date(2026, 11, 22)) is None
    assert content.review_notice(page, date(2027, 5, 14)) is None
    notice = content.review_notice(page, date(2027, 5, 15))
    assert notice and "14 May 2027" in notice and "NET team" in notice
    assert content.review_line(page) == "Last reviewed 14 November 2026 · Next review due 14 May 2027"


def test_funding_page_starts_with_its_newest_fact_date():
    page = content.get_page("funding")
    newest = content.newest_fact_date(page)
    assert newest == date(2025, 6, 18)
    assert "18 June 2025" in page.body.strip().split("\n")[0]
    timeline = content.timeline_dates(page)
    assert len(timeline) >= 8 and max(timeline) <= newest
    assert date(2024, 5, 16) in timeline


def test_funding_page_is_honest_about_uncertainty_and_how_to_check():
    body = content.get_page("funding").body
    assert body.count("Not certain") >= 4
    assert "How to check" in body
    for nation in ("England", "Scotland", "Wales", "Northern Ireland"):
        assert f"**{nation}.**" in body


def test_pages_never_give_a_verdict():
    verdicts = re.compile(r"you are (not )?eligible|you qualify|you do not qualify|your score", re.I)
    for page in SHIPPED.pages:
        assert not verdicts.search(page.body), page.id


def test_support_page_gives_numbers_and_flags_the_uncertain_one():
    body = content.get_page("support").body
    assert "0808 808 00 00" in body and "8am to 8pm" in body
    assert "0800 434 6476" in body and "not sure it is still right" in body


@pytest.mark.parametrize(
    ("query", "page_id"),
    [
        ("individual funding request", "funding"),
        ("jaundice", "side-effects"),
        ("Macmillan", "support"),
        ("breastfeeding", "what-happens"),
        ("PRRT", "other-treatments"),
        ("hepatic artery", "what-is-sirt"),
    ],
)
def test_search_finds_the_expected_page(query, page_id):
    hits = search(query)
    assert hits and hits[0].page_id == page_id
    assert hits[0].title == content.get_page(page_id).title
    assert 0 < len(hits[0].snippet) <= 170 and "](" not in hits[0].snippet


def test_search_with_no_match_or_no_words_finds_nothing():
    assert search("xylophone zebra") == []
    assert search("  ") == []


def test_glossary_links_skip_headings_and_links_and_repeat_per_paragraph_only():
    body = "## What the MDT does\n\nThe MDT meets. The MDT decides. See [MDT](page:funding).\n\nAsk the MDT."
    linked = link_glossary_terms(body, SHIPPED.glossary)
    lines = linked.split("\n")
    assert lines[0] == "## What the MDT does"
    assert lines[2].count("(glossary:mdt)") == 1 and "[MDT](page:funding)" in lines[2]
    assert lines[4] == "Ask the [MDT](glossary:mdt)."
    assert "[NETs](glossary:net)" in link_glossary_terms("Most NETs grow slowly.", SHIPPED.glossary)
    assert "glossary:" not in link_glossary_terms("Neuroendocrine Cancer UK helps.", SHIPPED.glossary)


def test_checklist_ids_are_unique_and_stable():
    ids = [q.id for q in content.checklist_questions()]
    assert len(ids) == len(set(ids)) >= 10
    # Saved ticks refer to these ids: they must never disappear or change meaning.
    for stable in ("mdt-review", "benefits-risks", "alternatives", "do-nothing", "funding", "after-care"):
        assert stable in ids
    page = content.get_page("is-sirt-for-me")
    assert "{{checklist}}" not in page.body
    assert all(q.text in page.body for q in content.checklist_questions())


def test_treatment_grid_has_every_option_and_answer_and_appears_on_its_page():
    grid = content.treatment_grid()
    assert [o.id for o in grid.options] == [
        "sirt",
        "surgery",
        "ablation",
        "embolisation",
        "prrt",
        "medicines",
        "watchful-waiting",
    ]
    assert [q.id for q in grid.questions] == ["what", "how", "hospital", "recovery", "side_effects", "nhs_funding"]
    body = content.get_page("other-treatments").body
    assert "{{treatment_grid}}" not in body
    for option in grid.options:
        assert option.sources
        for q in grid.questions:
            assert option.cells[q.id] in body
            assert len(option.cells[q.id]) <= 60


def test_bad_page_header_lists_every_problem():
    with pytest.raises(ContentError) as caught:
        page_from_text(
            "---\nid: Bad Id\nsection: elsewhere\nlast_reviewed: 2026-11-14\n"
            "next_review: 2028-01-01\nsurprise: yes\n---\nText."
        )
    problems = " | ".join(caught.value.problems)
    for bit in (
        "unknown key 'surprise'",
        "'title' is missing",
        "'sources' is missing",
        "'section' must be one of",
        "within 12 months",
        "'id' must be",
    ):
        assert bit in problems


def test_core_content_modules_do_not_import_qt():
    code = (
        "import sys\n"
        "import sirt_desktop.core.content.store, sirt_desktop.core.content.packs, sirt_desktop.core.content.search\n"
        "import sirt_desktop.core.content.appointment_sheet\n"
        "sirt_desktop.core.content.store.pages()\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
        "assert 'reportlab' not in sys.modules and 'textstat' not in sys.modules, 'heavy import'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

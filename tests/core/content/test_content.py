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
from sirt_desktop.core.dates import MONTHS, add_months
from sirt_desktop.core.dates import long_date as date_in_words

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
    "get-help",
    "is-sirt-for-me",
    "other-treatments",
    "questions-to-ask",
    "where-sirt-is-done",
    "funding",
    "asking-for-funding",
    "support",
    "glossary",
}
FACTS_RESEARCHED = date.fromisoformat(str(SHIPPED.manifest.extra["facts_researched"]))

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
    "post-radioembolisation syndrome",
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
    "carcinoid crisis",
    "octreotide",
    "PALS",
    "PASS",
    "Llais",
    "Patient and Client Council",
    "Health Bill",
    "randomised trial",
    "cirrhosis-like change",
    "watch and wait",
    "pre-authorisation",
    "primary tumour",
    "Health Secretary",
    "Healthcare Travel Costs Scheme",
    "general anaesthetic",
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
    # every page was re-checked against the fact base it was written from
    assert page.last_reviewed >= FACTS_RESEARCHED
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
    pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?:e?s)?(?![\w-])", 0 if term.isupper() else re.IGNORECASE)
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
        generated = dict(page.generated)
        for is_image, _text, target in find_links(content.display_markdown(page)):
            scheme, _, rest = target.partition(":")
            if is_image:
                assert (page.base_dir / target).is_file() or generated.get(target), target
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
    due = page.next_review
    assert content.review_notice(page, page.last_reviewed) is None
    assert content.review_notice(page, due) is None
    notice = content.review_notice(page, date.fromordinal(due.toordinal() + 1))
    assert notice and date_in_words(due) in notice and "NET team" in notice
    assert content.review_line(page) == (
        f"Last reviewed {date_in_words(page.last_reviewed)} · Next review due {date_in_words(due)}"
    )


def test_funding_page_starts_with_its_newest_fact_date():
    page = content.get_page("funding")
    newest = content.newest_fact_date(page)
    assert newest == page.newest_fact == date(2026, 6, 25)
    first_paragraph = page.body.strip().split("\n\n", 1)[0]
    assert date_in_words(newest) in first_paragraph.split("\n")[0]
    assert "18 June 2025" in first_paragraph  # the newest news on SIRT for NETs itself
    timeline = content.timeline_dates(page)
    assert len(timeline) >= 8 and max(timeline) <= newest
    assert date(2024, 5, 16) in timeline


def _nation_rows(body: str) -> dict[str, list[str]]:
    rows = {}
    for line in body.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] in ("England", "Scotland", "Wales", "Northern Ireland"):
            rows[cells[0]] = cells
    return rows


def test_funding_page_opens_with_where_it_stands_in_each_nation():
    page = content.get_page("funding")
    main, _title, _rest = content.split_collapsed(page.body)
    first_heading = main.index("\n## ")
    table = main[first_heading:].split("\n## ")[1]
    rows = _nation_rows(table)
    assert list(rows) == ["England", "Scotland", "Wales", "Northern Ireland"]
    for nation, cells in rows.items():
        newest = cells[-1]
        year = re.search(r"(\d{4})$", newest)
        assert year, f"{nation}: the row's newest fact needs a date, not '{newest}'"
        if re.fullmatch(r"\d{1,2} \w+ \d{4}", newest):
            day, month, yr = newest.split()
            assert date(int(yr), MONTHS.index(month) + 1, int(day)) <= page.newest_fact
        assert int(year.group(1)) <= page.newest_fact.year


def test_funding_page_has_one_box_of_unknowns_and_folds_its_background():
    page = content.get_page("funding")
    main, title, background = content.split_collapsed(page.body)
    assert title and title.startswith("Background")
    assert main.count("What we do not know") == 1 and page.body.count("Not certain") == 0
    assert "How can I check for news?" in main
    assert "November 2013" in background and "November 2013" not in main
    assert len(main.split()) < 1100, "the funding page's main text should stay short"
    for fact in (
        "Health Bill 2026",
        "6 Members of the Senedd",
        "7 regional MSPs",
        "5 MLAs",
        "Wes Streeting left the post of Health Secretary",
    ):
        assert fact in main, fact
    assert "your Member of the Senedd (MS)" not in page.body


def test_pages_never_give_a_verdict():
    verdicts = re.compile(r"you are (not )?eligible|you qualify|you do not qualify|your score", re.IGNORECASE)
    for page in SHIPPED.pages:
        assert not verdicts.search(page.body), page.id


def test_support_page_gives_checked_numbers_only():
    body = content.get_page("support").body
    assert "0808 808 00 00" in body and "8am to 8pm" in body
    assert "116 123" in body
    # An unconfirmed number is left out; the website is given instead.
    assert "0800 434 6476" not in body and "neuroendocrinecancer.org.uk" in body
    for service in ("PALS", "PASS", "Llais", "Patient and Client Council"):
        assert service in body


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
    assert [q.id for q in grid.questions] == [
        "what",
        "benefit",
        "how",
        "hospital",
        "recovery",
        "side_effects",
        "nhs_funding",
    ]
    assert grid.questions[1].label == "What can it do, and how sure are we?"
    body = content.get_page("other-treatments").body
    assert "{{treatment_grid}}" not in body
    for option in grid.options:
        assert option.sources
        for q in grid.questions:
            assert option.cells[q.id] in body
            assert len(option.cells[q.id]) <= (160 if q.id == "benefit" else 110)


def test_every_option_says_what_it_can_do_and_how_sure_with_the_same_depth():
    """IPDAS balance: each option gets a real answer of similar length, and says how sure."""
    grid = content.treatment_grid()
    lengths = []
    for option in grid.options:
        cell = option.cells["benefit"]
        assert cell != "Ask your team" and cell.startswith(("Can ", "Avoids ")), option.id
        assert re.search(r"sure|Ask your team|ask your team", cell), f"{option.id}: say how sure"
        lengths.append(len(cell))
    assert max(lengths) <= 2 * min(lengths)
    # SIRT's own uncertainty is as plain as anyone's
    assert "Not sure" in grid.cell("sirt", "benefit") and "no randomised trial" in grid.cell("sirt", "benefit")


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

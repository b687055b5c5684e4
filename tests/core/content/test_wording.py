"""Safety and wording rules every shipped page keeps (one rule on temperature, one action per
list, risks as "out of 100 people", no researchers' voice, question headings)."""

from __future__ import annotations

import re

import pytest

from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.store import split_collapsed

SHIPPED = content.shipped_content()
PAGES = [p for p in SHIPPED.pages if p.id != "glossary"]
TEMPERATURE_RULE = "37.5°C or higher, or below 36°C"


@pytest.fixture(autouse=True)
def _fresh_content():
    content.reload_content()
    yield
    content.reload_content()


def _boxes(body: str) -> list[str]:
    """Each block quote (a box) as its text without the '>' marks."""
    boxes, current = [], []
    for line in body.split("\n"):
        if line.startswith(">"):
            current.append(line[1:].strip())
        elif current:
            boxes.append("\n".join(current))
            current = []
    if current:
        boxes.append("\n".join(current))
    return boxes


def _outside_boxes(body: str) -> str:
    return "\n".join(line for line in body.split("\n") if not line.startswith(">"))


@pytest.mark.parametrize("page", SHIPPED.pages, ids=lambda p: p.id)
def test_one_rule_on_temperature_wherever_temperature_is_mentioned(page):
    text = page.body
    for question in content.checklist_questions():  # questions to ask, not advice
        text = text.replace(question.text, "")
    if not re.search(r"temperature|fever|°C|shivers|shivery", text, re.IGNORECASE):
        return
    if page.id == "glossary":
        assert "°C" not in text  # the glossary gives no rule of its own
        return
    assert TEMPERATURE_RULE in text, f"{page.id}: give the same rule as When to get help"
    assert "38°C" not in text
    if page.id != "get-help":
        assert "(page:get-help)" in text, f"{page.id}: link to When to get help"


def test_when_to_get_help_opens_with_the_999_box_and_nothing_else_in_it():
    body = content.get_page("get-help").body
    box = _boxes(body)[0]
    assert body.lstrip().startswith("> **Call 999")
    assert not re.search(r"general|not advice|information|source", box, re.IGNORECASE), "no disclaimer in the 999 box"
    items = [line for line in box.split("\n") if line.startswith("- ")]
    assert len(items) >= 5
    # every other list on the page asks for one other action, and never 999
    assert "999" not in _outside_boxes(body).split("## When should I call my SIRT team?", 1)[1]
    assert "Call that number straight away" in body and "call 111" in body


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_999_items_only_under_999(page):
    box = _boxes(page.body)[0] if page.id == "get-help" else ""
    for line in page.body.split("\n"):
        if re.match(r"\s*[-*] ", line) and "999" in line:
            pytest.fail(f"{page.id}: a list item outside the 999 box mentions 999: {line.strip()}")
    assert box or page.id != "get-help"


def test_when_to_get_help_is_linked_from_side_effects_and_the_grid():
    assert "(page:get-help)" in content.get_page("side-effects").body
    grid_page = content.get_page("other-treatments").body
    after_grid = grid_page.split(content.treatment_grid().options[-1].cells["nhs_funding"], 1)[1]
    assert "(page:get-help)" in after_grid.split("\n## ", 1)[0]


@pytest.mark.parametrize("page", SHIPPED.pages, ids=lambda p: p.id)
def test_risks_are_numbers_out_of_100_never_words_alone(page):
    text = page.body
    assert not re.search(r"\bvery rare\b", text, re.IGNORECASE), f"{page.id}: give the number, not 'very rare'"
    assert not re.search(r"\brare liver damage\b", text, re.IGNORECASE)
    # one base for every number: "out of 100", never "9 in 10" or "1 in 6"
    mixed = re.findall(r"\b\d+ in \d+\b", text)
    assert not mixed, f"{page.id}: say 'out of 100', not {mixed}"


def test_risk_numbers_on_the_grid_and_glossary_use_the_same_base():
    grid = content.treatment_grid()
    for option in grid.options:
        for cell in option.cells.values():
            assert not re.search(r"\b\d+ in \d+\b|\brare\b", cell), cell
    rild = SHIPPED.glossary.get("rild")
    assert rild and "out of 100" in rild.definition


RESEARCHER_VOICE = re.compile(
    r"our copy|we found no|as far as we can tell|this is our reading|our sources|our reading|"
    r"we could not|we read these|poor copy|we are not sure|we did not find",
    re.IGNORECASE,
)


@pytest.mark.parametrize("page", SHIPPED.pages, ids=lambda p: p.id)
def test_no_researchers_voice_in_patient_text(page):
    found = RESEARCHER_VOICE.findall(page.body) + RESEARCHER_VOICE.findall(page.summary)
    assert not found, f"{page.id}: {found}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_headings_are_questions(page):
    for heading in re.findall(r"(?m)^#{2,3} (.+)$", page.body):
        assert heading.rstrip().endswith("?"), f"{page.id}: make '{heading}' a question"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_sources_sit_in_the_panel_not_in_the_text(page):
    """Citations like "(NICE, 16 May 2024)" belong in the sources panel; every source says
    what it supports there. Funding facts keep their dates in the text."""
    inline = re.findall(r"\((?:[A-Z][\w' .&-]+, )(?:\d{1,2} )?(?:\w+ )?\d{4}[^)]*\)", page.body)
    if page.section != "funding":
        assert not inline, f"{page.id}: move {inline[:2]} to the sources panel"
    for source in page.sources:
        assert source.about, f"{page.id}: say what '{source.title}' supports"
        assert "github.com" not in source.address and "ccg.nhs.uk" not in source.address.replace("oxfordshireccg", "")


def test_uncertainty_is_stated_in_one_kind_of_box():
    for page in PAGES:
        main, _title, rest = split_collapsed(page.body)
        for line in (main + rest).split("\n"):
            if "Not certain" in line:
                assert line.startswith("> **Not certain:**"), f"{page.id}: {line.strip()[:60]}"


def test_the_pages_a_patient_would_miss_are_there():
    side = content.get_page("side-effects").body
    assert "carcinoid crisis" in side and "octreotide" in side
    assert "long term" in side and "cirrhosis-like change" in side
    assert "treatments I might need later" in side
    travel = content.get_page("where-sirt-is-done").body
    for scheme in ("Healthcare Travel Costs Scheme", "Patient Travel Scheme", "Hospital Travel Costs Scheme"):
        assert scheme in travel
    funding = content.get_page("asking-for-funding").body
    for bit in (
        "What does my team send?",
        "What if the answer is no?",
        "Can I pay privately?",
        "Will I keep my NHS care if I pay privately?",
        "This app does not recommend any provider",
    ):
        assert bit in funding
    choices = content.get_page("questions-to-ask").body
    assert "Can I say no, or change my mind?" in choices and "Can I get a second opinion?" in choices
    happens = content.get_page("what-happens").body
    assert "How do I get ready for SIRT?" in happens and "How long will it take to get over it?" in happens
    assert "What should I carry with me?" in happens
    ids = {q.id for q in content.checklist_questions()}
    assert {"carcinoid-crisis", "long-term-liver", "say-no", "second-opinion", "travel-costs"} <= ids


def test_the_recovery_timeline_is_given_once():
    """One recovery timeline (What happens), linked from elsewhere instead of repeated."""
    timelines = [
        p.id
        for p in PAGES
        if "How long will it take to get over it?" in p.body.split("](")[0]
        or re.search(r"(?m)^## How long will it take to get over it\?", p.body)
    ]
    assert timelines == ["what-happens"]


def test_letters_and_pages_do_not_name_the_former_health_secretary_as_in_post():
    for page in SHIPPED.pages:
        for sentence in re.split(r"(?<=[.!?])\s", page.body):
            if "Streeting" in sentence:
                assert re.search(r"then|left|took over|predecessor", sentence), f"{page.id}: {sentence}"

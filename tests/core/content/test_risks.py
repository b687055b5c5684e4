"""The icon-array picture of the main risks: drawn from risks.json, and said in words too."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.parse import check_svg
from sirt_desktop.core.content.risks import (
    IMAGE_NAME,
    description,
    parse_risks,
    risk_picture_markdown,
    risk_picture_svg,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _fresh_content():
    content.reload_content()
    yield
    content.reload_content()


def _shipped_data() -> dict:
    return json.loads((content.shipped_root() / "risks.json").read_text(encoding="utf-8"))


def _dark_figures_per_panel(svg: bytes) -> list[int]:
    root = ET.fromstring(svg)
    counts = []
    for group in root.iter(f"{SVG}g"):
        heads = [c for c in group if c.tag == f"{SVG}circle"]
        assert len(heads) == 100, "each panel shows 100 people"
        counts.append(sum(1 for c in heads if c.get("fill") == "#1d3f8f"))
    return counts


def test_picture_shows_exactly_the_numbers_in_the_data():
    picture, problems = parse_risks(_shipped_data())
    assert problems == [] and picture is not None
    svg = risk_picture_svg(picture)
    assert check_svg("risk-picture.svg", svg) == []
    assert _dark_figures_per_panel(svg) == [r.count for r in picture.risks]
    # change the data and the picture follows
    data = _shipped_data()
    data["risks"][0]["count"] = 42
    changed, _ = parse_risks(data)
    assert _dark_figures_per_panel(risk_picture_svg(changed))[0] == 42


def test_screen_reader_text_gives_every_number_both_ways_round():
    picture, _ = parse_risks(_shipped_data())
    text = description(picture)
    root = ET.fromstring(risk_picture_svg(picture))
    assert root.find(f"{SVG}desc").text == text and root.find(f"{SVG}title").text == picture.title
    for risk in picture.risks:
        assert f"{risk.count} out of 100 people" in text
        assert f"{100 - risk.count} out of 100 did not" in text
    liver = next(r for r in picture.risks if r.prefix == "up to")
    assert liver.others() == f"at least {100 - liver.count} out of 100 did not"
    markdown = risk_picture_markdown(picture)
    assert f"]({IMAGE_NAME})" in markdown
    for risk in picture.risks:
        assert risk.sentence() in markdown  # the same words under the picture, in the page text


def test_side_effects_page_and_grid_page_show_the_picture_and_its_words():
    for page_id in ("side-effects", "other-treatments"):
        page = content.get_page(page_id)
        assert "{{risk_picture}}" not in page.body
        assert dict(page.generated)[IMAGE_NAME].startswith(b"<svg")
        assert content.pictures_description(page).startswith(content.active_content().risks.title)
        assert "out of 100 people" in page.body
    assert content.pictures_description(content.get_page("funding")) == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"count": 101}, "whole number from 0 to 100"),
        ({"count": 2.5}, "whole number from 0 to 100"),
        ({"count": True}, "whole number from 0 to 100"),
        ({"prefix": "very rarely"}, "'prefix' must be one of"),
        ({"who": ""}, "'who' is missing"),
    ],
)
def test_bad_risk_data_is_refused_in_plain_words(change, message):
    data = _shipped_data()
    data["risks"][1].update(change)
    picture, problems = parse_risks(data)
    assert picture is None and any(message in p for p in problems), problems


def test_a_page_asking_for_the_picture_needs_risks_json():
    from sirt_desktop.core.content.parse import check_content_files

    files = content.read_content_dir(content.shipped_root())
    del files["risks.json"]
    problems = check_content_files(files)
    assert any(re.search(r"side-effects\.md: \{\{risk_picture\}\} needs risks\.json", p) for p in problems)

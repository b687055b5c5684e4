"""Search results say where the searched words are in each snippet, so the list can show them."""

from __future__ import annotations

import itertools

from hypothesis import example, given
from hypothesis import strategies as st

from sirt_desktop.core.content.search import find_marks, search


def test_every_snippet_marks_the_word_searched_for():
    hits = search("funding")
    assert hits
    for hit in hits:
        assert "……" not in hit.snippet
        assert hit.marks, hit.page_id
        for start, end in hit.marks:
            assert hit.snippet[start:end].lower() == "funding"


def test_two_words_are_both_marked():
    hit = search("hepatic artery")[0]
    marked = {hit.snippet[s:e].lower() for s, e in hit.marks}
    assert marked <= {"hepatic", "artery"} and marked
    assert hit.terms == ("hepatic", "artery")


@given(st.text(alphabet="abc XY", max_size=60), st.lists(st.text(alphabet="abcxy", min_size=1, max_size=3), max_size=3))
@example("aaa", ["aa"])
def test_marks_cover_every_occurrence_and_never_overlap(text, terms):
    marks = find_marks(text, terms)
    assert list(marks) == sorted(marks)
    for (_s1, e1), (s2, _e2) in itertools.pairwise(marks):
        assert e1 <= s2
    lower = text.lower()
    for term in terms:
        start = lower.find(term)
        while start >= 0:
            assert any(s <= start and start + len(term) <= e for s, e in marks)
            start = lower.find(term, start + 1)

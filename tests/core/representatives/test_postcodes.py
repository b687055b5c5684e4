"""Reading typed postcodes: canonical form, kinds, and never raising."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sirt_desktop.core.representatives import postcodes
from sirt_desktop.core.representatives.postcodes import classify, normalise

INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
# Areas that are ordinary GB geography (not BT, JE, GY, IM or a non-geographic area).
GB_AREAS = ["SO", "AB", "EH", "CF", "LL", "SW", "W", "E", "N", "G", "M", "B", "L", "S", "KY", "TW"]


@st.composite
def gb_postcodes(draw) -> str:
    """A canonical GB-shaped postcode such as "SO51 7AA" or "SW1A 1AA"."""
    area = draw(st.sampled_from(GB_AREAS))
    suffix = draw(st.sampled_from(["", *"0123456789", *"ABEHJKMNPRSTUVWXY"]))
    outward = f"{area}{draw(st.integers(1, 9))}{suffix}"
    # Districts kept for PO boxes and businesses are classified as non-geographic on purpose.
    assume(outward not in postcodes.NON_GEOGRAPHIC_DISTRICTS)
    inward = (
        str(draw(st.integers(0, 9))) + draw(st.sampled_from(INWARD_LETTERS)) + draw(st.sampled_from(INWARD_LETTERS))
    )
    return f"{outward} {inward}"


@st.composite
def typed_variants(draw, canonical: str) -> str:
    """The same postcode as a person might type it: any case, any spacing, a trailing full stop."""
    squashed = canonical.replace(" ", "")
    out = [draw(st.sampled_from(["", " ", "  ", "\t", "\u00a0"]))]
    for ch in squashed:
        out.append(ch.lower() if draw(st.booleans()) else ch)
        out.append(draw(st.sampled_from(["", "", "", " ", "  "])))
    out.append(draw(st.sampled_from(["", ".", " .", "..", ",", " "])))
    return "".join(out)


@given(gb_postcodes().flatmap(lambda pc: st.tuples(st.just(pc), typed_variants(pc))))
def test_any_spacing_or_case_gives_the_same_canonical_form(pair: tuple[str, str]) -> None:
    canonical, typed = pair
    assert normalise(typed) == canonical
    parsed = classify(typed)
    assert parsed.kind == postcodes.Kind.FULL
    assert parsed.canonical == canonical
    assert parsed.district == canonical.split(" ")[0]
    assert parsed.sector == canonical[:-2]


@given(st.text(max_size=60))
def test_canonical_form_is_idempotent(text: str) -> None:
    once = normalise(text)
    if once is not None:
        assert normalise(once) == once
        assert classify(once).canonical == once
    parsed = classify(text)
    if parsed.canonical is not None:
        assert classify(parsed.canonical).canonical == parsed.canonical
        assert classify(parsed.canonical).kind == parsed.kind


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(), st.text(min_size=500, max_size=5000), st.binary().map(lambda b: b.decode("utf-8", "surrogateescape"))
    )
)
def test_never_raises_on_any_text(text: str) -> None:
    parsed = classify(text)
    assert parsed.kind in {
        postcodes.Kind.FULL,
        postcodes.Kind.PARTIAL,
        postcodes.Kind.NORTHERN_IRELAND,
        postcodes.Kind.CROWN_DEPENDENCY,
        postcodes.Kind.OVERSEAS_TERRITORY,
        postcodes.Kind.NON_GEOGRAPHIC,
        postcodes.Kind.INVALID,
    }
    normalise(text)
    assert len(postcodes.display_text(text)) <= 40


@pytest.mark.parametrize(
    "typed, kind, canonical",
    [
        ("so517aa.", postcodes.Kind.FULL, "SO51 7AA"),
        ("  SO51   7AA  ", postcodes.Kind.FULL, "SO51 7AA"),
        ("sw1a1aa", postcodes.Kind.FULL, "SW1A 1AA"),
        ("SO51", postcodes.Kind.PARTIAL, "SO51"),
        ("so51 7", postcodes.Kind.PARTIAL, "SO51 7"),
        ("SO517", postcodes.Kind.PARTIAL, "SO51 7"),
        ("SO51 7A", postcodes.Kind.PARTIAL, "SO51 7"),
        ("bt7 1nn", postcodes.Kind.NORTHERN_IRELAND, "BT7 1NN"),
        ("BT7", postcodes.Kind.NORTHERN_IRELAND, "BT7"),
        ("JE2 3AB", postcodes.Kind.CROWN_DEPENDENCY, "JE2 3AB"),
        ("gy1 1aa", postcodes.Kind.CROWN_DEPENDENCY, "GY1 1AA"),
        ("IM1 1AA", postcodes.Kind.CROWN_DEPENDENCY, "IM1 1AA"),
        ("BFPO 1234", postcodes.Kind.NON_GEOGRAPHIC, "BFPO 1234"),
        ("bfpo", postcodes.Kind.NON_GEOGRAPHIC, "BFPO"),
        ("GIR 0AA", postcodes.Kind.NON_GEOGRAPHIC, "GIR 0AA"),
        ("BX1 1LT", postcodes.Kind.NON_GEOGRAPHIC, "BX1 1LT"),
        ("XX3 0AA", postcodes.Kind.NON_GEOGRAPHIC, "XX3 0AA"),
        ("PO24 1AA", postcodes.Kind.NON_GEOGRAPHIC, "PO24 1AA"),
        ("S94 1AA", postcodes.Kind.NON_GEOGRAPHIC, "S94 1AA"),
        ("sr43 2aa", postcodes.Kind.NON_GEOGRAPHIC, "SR43 2AA"),
        ("FIQQ 1ZZ", postcodes.Kind.OVERSEAS_TERRITORY, "FIQQ 1ZZ"),
        ("", postcodes.Kind.INVALID, None),
        ("hello", postcodes.Kind.INVALID, None),
        ("SO51 7AA SO51 7AB", postcodes.Kind.INVALID, None),
        ("😀", postcodes.Kind.INVALID, None),
        ("\x00SO51 7AA", postcodes.Kind.INVALID, None),
        ("x" * 10_000, postcodes.Kind.INVALID, None),
    ],
)
def test_examples(typed: str, kind: str, canonical: str | None) -> None:
    parsed = classify(typed)
    assert parsed.kind == kind
    assert parsed.canonical == canonical


def test_district_typed_without_space_keeps_the_sector_reading() -> None:
    parsed = classify("SW17")
    assert parsed.district == "SW17"
    assert parsed.alternative_sector == "SW1 7"
    assert classify("SW1 7").sector == "SW1 7"


def test_non_ascii_look_alikes_are_not_read_as_postcodes() -> None:
    # "ſ" (long s) upper-cases to "S"; a postcode must be typed in plain letters.
    assert classify("ſo51 7aa").kind == postcodes.Kind.INVALID


def test_inward_letters() -> None:
    assert postcodes.inward_is_possible("7AA")
    assert not postcodes.inward_is_possible("7CA")  # C is never used in the last two places

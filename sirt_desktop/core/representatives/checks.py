"""Is this a real postcode? If not, which real postcode was probably meant?

The slips people make most with postcodes swap characters that look alike: the letter O and
the number 0, I or L and 1, S and 5, Z and 2, B and 8, G and 6. ``suggest_postcodes`` tries
those swaps and offers only postcodes that are in the bundled list of real ones, with the
fewest swaps first, so it never suggests a postcode that does not exist.

``check_postcode`` says in one plain sentence what is wrong with a typed postcode (nothing,
when it is real or cannot be checked), with "Did you mean SO51 7AA?" when a swap finds one.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, product

from sirt_desktop.core.representatives import messages, postcodes, seats
from sirt_desktop.core.representatives.messages import PERSON, Audience
from sirt_desktop.core.representatives.postcodes import Kind
from sirt_desktop.core.representatives.store import NOT_FOUND

#: What each character is often typed for, or typed as.
LOOK_ALIKES: dict[str, str] = {
    "O": "0",
    "0": "O",
    "I": "1",
    "L": "1",
    "1": "IL",
    "S": "5",
    "5": "S",
    "Z": "2",
    "2": "Z",
    "B": "8",
    "8": "B",
    "G": "6",
    "6": "G",
}
MAX_SWAPS = 2


@dataclass(frozen=True, slots=True)
class PostcodeCheck:
    """``postcode`` is the tidy form when the text has a postcode's shape; ``known`` is True
    only for a postcode in the bundled list; ``problem`` is one sentence to show ("" when there
    is nothing to say, including for empty text and for postcodes no list can check, such as
    Northern Ireland's); ``suggestions`` are real postcodes that were probably meant."""

    text: str
    postcode: str | None
    known: bool
    problem: str
    suggestions: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problem


def is_known_postcode(text: object) -> bool:
    """True if ``text`` is a full postcode in the bundled list of real GB postcodes."""
    parsed = postcodes.classify(text)
    if parsed.kind != Kind.FULL or not parsed.district or not parsed.inward:
        return False
    return seats.postcode_store().find(parsed.district, parsed.inward) != NOT_FOUND


def suggest_postcodes(text: object, limit: int = 3) -> list[str]:
    """Real postcodes that ``text`` was probably meant to be, fewest swaps first; [] when
    ``text`` is already a real postcode, or nothing close is real."""
    squashed = postcodes.squash(text) or ""
    if not 5 <= len(squashed) <= 7:
        return []
    if is_known_postcode(squashed):
        return []
    places = [i for i, ch in enumerate(squashed) if ch in LOOK_ALIKES]
    for swaps in range(1, MAX_SWAPS + 1):
        found: list[str] = []
        for chosen in combinations(places, swaps):
            for replacements in product(*(LOOK_ALIKES[squashed[i]] for i in chosen)):
                chars = list(squashed)
                for i, ch in zip(chosen, replacements, strict=True):
                    chars[i] = ch
                candidate = postcodes.normalise("".join(chars))
                if candidate and candidate not in found and is_known_postcode(candidate):
                    found.append(candidate)
        if found:  # one swap is far likelier than two: never mix them
            return sorted(found)[:limit]
    return []


def check_postcode(text: object, audience: Audience = PERSON) -> PostcodeCheck:
    """What is wrong with ``text`` as someone's home postcode, in one sentence for ``audience``."""
    raw = text if isinstance(text, str) else ""
    if not raw.strip():
        return PostcodeCheck(raw, None, False, "")
    parsed = postcodes.classify(raw)
    if parsed.kind == Kind.FULL:
        code = parsed.canonical or ""
        if is_known_postcode(code):
            return PostcodeCheck(raw, code, True, "")
        suggestions = tuple(suggest_postcodes(raw))
        return PostcodeCheck(raw, code, False, messages.postcode_not_in_list(code, suggestions, audience), suggestions)
    if parsed.kind == Kind.PARTIAL:
        return PostcodeCheck(
            raw, parsed.canonical, False, messages.postcode_first_part_only(parsed.canonical or "", audience)
        )
    if parsed.kind == Kind.INVALID:
        suggestions = tuple(suggest_postcodes(raw))
        return PostcodeCheck(
            raw,
            None,
            False,
            messages.postcode_not_a_postcode(postcodes.display_text(raw), suggestions, audience),
            suggestions,
        )
    # Northern Ireland, Crown Dependencies, BFPO and the like: a real shape no list here checks.
    return PostcodeCheck(raw, parsed.canonical, False, "")

"""Is the MP a letter is addressed to the MP for the writer's postcode?

An MP answers only the people of their own constituency. When the writer's postcode changes
after the MP was chosen (a caller corrects their address, a person moves, a copy of someone
else's letter), the letter would go, quietly, to an MP who will not act on it.
``not_their_mp`` says so in one sentence, or says nothing when they match or the postcode
cannot tell (not a full postcode, not in the list, Northern Ireland's are not placed);
``not_their_parliament`` does the same for a letter to a devolved Member and the writer's nation.
"""

from __future__ import annotations

from sirt_desktop.core.representatives import postcodes
from sirt_desktop.core.representatives.devolved import LEGISLATURES, legislature_for_nation
from sirt_desktop.core.representatives.lookup import lookup, nation_of_postcode
from sirt_desktop.core.representatives.messages import PERSON, Audience
from sirt_desktop.core.representatives.postcodes import Kind
from sirt_desktop.core.representatives.records import Status
from sirt_desktop.core.text import fold


def _same_person(mp_name: str, written: str) -> bool:
    """ "Caroline Nokes" is the MP written as "Caroline Nokes" or "Caroline Nokes MP"; titles
    and accents aside ("Sir Keir Starmer" is written "Keir Starmer")."""
    mp, given = fold(mp_name).split(), fold(written).split()
    while given and given[-1] == "mp":
        given.pop()
    if not mp or not given:
        return False
    return mp[-len(given) :] == given or given[-len(mp) :] == mp


def not_their_mp(postcode: str, recipient_name: str, audience: Audience = PERSON) -> str:
    """One sentence when ``recipient_name`` is not the MP of any constituency ``postcode`` is
    in (its seat, or the seats a postcode on a boundary is shared between); "" otherwise."""
    if not postcode.strip() or not recipient_name.strip():
        return ""
    result = lookup(postcode)
    if result.status not in (Status.FOUND, Status.CHOOSE) or not result.candidates:
        return ""
    if any(c.mp is not None and _same_person(c.mp.name, recipient_name) for c in result.candidates):
        return ""
    where = " or ".join(f"{c.constituency} (MP: {c.mp.name})" for c in result.candidates if c.mp is not None)
    if not where:  # every seat it may be in is vacant
        return ""
    whose = "The caller's postcode" if audience == Audience.VOLUNTEER else "Your postcode"
    return (
        f"{whose} {result.postcode} is in {where}, but this letter is to {recipient_name}. "
        "MPs reply only to people in their own constituency."
    )


def not_their_parliament(
    postcode: str, post_nominal: str, parliament_postcode: str = "", audience: Audience = PERSON
) -> str:
    """One sentence when a letter to a devolved Member (``post_nominal`` "MS", "MSP" or "MLA",
    or the parliament's ``parliament_postcode``) comes from a postcode in another nation: the
    Member represents other people, or (in England) there is no devolved parliament at all.
    "" when they match, or when the postcode cannot tell."""
    if not postcode.strip():
        return ""
    wanted = next(
        (
            leg
            for leg in LEGISLATURES.values()
            if (post_nominal.strip() and leg.post_nominal == post_nominal.strip())
            or (parliament_postcode.strip() and fold(leg.postcode) == fold(parliament_postcode))
        ),
        None,
    )
    if wanted is None:
        return ""
    parsed = postcodes.classify(postcode)
    if parsed.kind not in (Kind.FULL, Kind.NORTHERN_IRELAND):  # a part of one is flagged in step 2
        return ""
    tidy, nation = parsed.canonical, nation_of_postcode(postcode)
    if nation is None or nation == wanted.nation:
        return ""
    whose = "The caller's postcode" if audience == Audience.VOLUNTEER else "Your postcode"
    theirs = legislature_for_nation(nation)
    if theirs is None:
        return (
            f"{whose} {tidy} is in {nation}, but this letter is to a {wanted.member_title}, who represents "
            f"people in {wanted.nation}. In {nation} health is run from Westminster: write to the MP instead."
        )
    return (
        f"{whose} {tidy} is in {nation}, but this letter is to a {wanted.member_title}, who represents "
        f"people in {wanted.nation}. Write to a {theirs.member_title} ({theirs.post_nominal}) instead."
    )

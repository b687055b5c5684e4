"""Is the MP a letter is addressed to the MP for the writer's postcode?

An MP answers only the people of their own constituency. When the writer's postcode changes
after the MP was chosen (a caller corrects their address, a person moves, a copy of someone
else's letter), the letter would go, quietly, to an MP who will not act on it.
``not_their_mp`` says so in one sentence, or says nothing when they match or the postcode
cannot tell (not a full postcode, not in the list, Northern Ireland's are not placed).
"""

from __future__ import annotations

from sirt_desktop.core.representatives.lookup import lookup
from sirt_desktop.core.representatives.messages import PERSON, Audience
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
    seats = [c for c in result.candidates if c.mp is not None]
    if not seats:
        return ""
    where = " or ".join(f"{c.constituency} (MP: {c.mp.name})" for c in seats if c.mp is not None)
    whose = "The caller's postcode" if audience == Audience.VOLUNTEER else "Your postcode"
    return (
        f"{whose} {result.postcode} is in {where}, but this letter is to {recipient_name}. "
        "MPs reply only to people in their own constituency."
    )

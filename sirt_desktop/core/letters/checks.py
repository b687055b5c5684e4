"""What a letter needs so that its reader can act on it, beyond what it needs to print.

``schema.validate_letter`` says whether a letter can be printed well; this says whether it
can be answered. The writing coach, the letter writer and the ``letter`` command all use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sirt_desktop.core.letters.kinds import get_kind
from sirt_desktop.core.letters.model import Letter


@dataclass(frozen=True)
class Missing:
    """One thing a reply needs. ``code`` is stable ("sender_postcode"); ``field`` the JSON path."""

    code: str
    field: str
    text: str  # plain words, to the writer


SENDER_POSTCODE = Missing(
    "sender_postcode",
    "sender.postcode",
    "Your postcode is needed: they reply only to people who live in the area they represent",
)
SENDER_ADDRESS = Missing("sender_address", "sender.address_lines", "Your address is needed so they can reply by post")


def missing_for_reply(letter: Letter) -> list[Missing]:
    """What an elected member (MP, MSP, MS, MLA) needs in order to reply: the writer's address
    and postcode, because they answer only their own constituents. Empty for other kinds."""
    try:
        elected = get_kind(letter.kind).elected
    except KeyError:  # an unknown kind is reported by validate_letter
        return []
    if not elected:
        return []
    missing = []
    if not letter.sender.address_lines:
        missing.append(SENDER_ADDRESS)
    if not letter.sender.postcode.strip():
        missing.append(SENDER_POSTCODE)
    return missing

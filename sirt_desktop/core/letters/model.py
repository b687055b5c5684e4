"""A letter as data: who writes, who receives, what it says; greeting and close rules.

Everything here is plain Python (no ReportLab, no Qt), so the GUI can build and check a
letter as the person types. The JSON form documented in docs/letters.md, and the checks,
live in ``schema.py`` (``letter_from_dict``, ``letter_to_dict``, ``validate_letter``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.letters.kinds import KindId, RecipientKind
from sirt_desktop.core.letters.nhs_number import format_nhs_number
from sirt_desktop.core.nations import HOUSE_OF_COMMONS, HOUSE_OF_COMMONS_POSTCODE, POST_NOMINALS
from sirt_desktop.core.text import clean_text

# A DL window shows at most this many lines of the recipient block (name and postcode included).
MAX_RECIPIENT_LINES = 7


RECIPIENT_KINDS = tuple(RecipientKind)

# Titles recognised at the start of a full name. Longest first so "Rt Hon" wins over "Hon".
_HONORIFICS = ("The Rt Hon", "The Right Honourable", "Rt Hon", "Right Honourable", "Rt. Hon.", "Hon")
_TITLES = (
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Rev",
    "Revd",
    "Reverend",
    "Cllr",
)
# "Dear Sir Keir", "Dear Dame Diana": knights and dames are greeted by title and first name.
_FIRST_NAME_TITLES = ("Sir", "Dame")
# Peers with a territorial designation are greeted without it ("Dear Lord Ahmad").
_PEER_TITLES = ("Lord", "Lady", "Baroness", "Baron")
# Letters after a name, left out of the greeting ("Dear Liz Saville Roberts", not "... MP").
_AFTER_NAMES = {*POST_NOMINALS, "KC", "QC", "MBE", "OBE", "CBE", "KBE", "DBE", "FRCS", "FRCP", "PHD"}

FAITHFULLY_GREETINGS = ("dear sir or madam", "dear sir/madam", "dear sir", "dear madam", "to whom it may concern")

REPLY_FORMATS = {
    "large print": "in large print",
    "email": "by email",
    "easy read": "in easy read",
    "braille": "in braille",
    "audio": "as an audio recording",
    "phone call": "by phone",
}


def _strip_title(name: str) -> tuple[str, str]:
    """Split a leading title off a full name: ``"Dr Caroline Johnson"`` → ``("Dr", "Caroline Johnson")``."""
    rest = " ".join(name.split())
    lowered = rest.lower()
    for honorific in _HONORIFICS:
        h = honorific.lower()
        if lowered.startswith(h + " "):
            rest = rest[len(h) + 1 :]
            lowered = rest.lower()
            break
    for title in _TITLES:
        for form in (title, title + "."):
            if lowered.startswith(form.lower() + " "):
                return title, rest[len(form) + 1 :].strip()
    return "", rest


# Words that name a building, a department or a street, never a post town.
_NOT_A_TOWN = frozenset(
    [
        "hospital",
        "hospitals",
        "department",
        "dept",
        "centre",
        "center",
        "clinic",
        "unit",
        "surgery",
        "practice",
        "house",
        "building",
        "trust",
        "road",
        "street",
        "lane",
        "avenue",
        "way",
        "close",
        "court",
        "drive",
        "place",
        "square",
        "crescent",
        "terrace",
        "suite",
        "floor",
        "wing",
        "ward",
        "outpatients",
        "infirmary",
        "college",
        "university",
        "school",
        "office",
        "parliament",
        "assembly",
        "senedd",
        "chambers",
        "health",
        "medical",
        "service",
        "services",
        "team",
        "foundation",
        "nhs",
        "board",
    ]
)


def looks_like_a_town(line: str) -> bool:
    """Whether an address's last line looks like a post town ("Leeds", "Milton Keynes",
    "Stoke-on-Trent"): at most four words, no digits, and no word that names a building."""
    words = line.replace(",", " ").split()
    if not words or len(words) > 4 or any(ch.isdigit() for ch in line):
        return False
    return not any(word.strip(".").casefold() in _NOT_A_TOWN for word in words)


@dataclass
class Sender:
    name: str = ""
    address_lines: list[str] = field(default_factory=list)
    postcode: str = ""
    email: str = ""
    phone: str = ""

    def block_lines(self) -> list[str]:
        """The sender's block at the top right: their lines as typed, postcode, phone, email."""
        lines = [clean_text(x).strip() for x in self.address_lines if x and x.strip()]
        if self.postcode.strip():
            lines.append(clean_text(self.postcode).strip())
        if self.phone.strip():
            lines.append(f"Tel: {clean_text(self.phone).strip()}")
        if self.email.strip():
            lines.append(clean_text(self.email).strip())
        return lines


@dataclass
class Recipient:
    title: str = ""
    first_name: str = ""
    surname: str = ""
    full_name: str = ""  # as published, e.g. "Sir Keir Starmer"; wins over title/first/surname for the address
    position: str = ""  # "MP", "MSP", "Consultant oncologist", "GP"...
    address_lines: list[str] = field(default_factory=list)
    postcode: str = ""
    kind: str = RecipientKind.OTHER  # a RecipientKind value

    def name_parts(self) -> tuple[str, str, str]:
        """(title, first name, surname), filling gaps from ``full_name``."""
        title, first, surname = self.title.strip(), self.first_name.strip(), self.surname.strip()
        if self.full_name.strip() and not (first and surname):
            parsed_title, rest = _strip_title(self.full_name)
            words = rest.split()
            while words and words[-1].rstrip(",").upper() in _AFTER_NAMES:  # "... MP", "..., KC"
                words.pop()
            if parsed_title in _PEER_TITLES and "of" in words[1:]:
                # "Lord Ahmad of Wimbledon": the peer is greeted by the name before "of".
                words = words[: words.index("of", 1)]
            if len(words) == 1 and words[0].rstrip(".") in _TITLES and not parsed_title:
                words = []  # a title alone ("Mr") is no name
            if len(words) >= 3 and words[0] in _FIRST_NAME_TITLES:
                # "Professor Sir John Smith": the knighthood sets the greeting ("Dear Sir John").
                parsed_title, words = words[0], words[1:]
            title = title or parsed_title
            if words:
                if len(words) == 1:
                    surname = surname or words[0]
                else:
                    first = first or words[0]
                    surname = surname or " ".join(words[1:])
        return title.rstrip("."), first, surname

    def display_name(self) -> str:
        """The name as it goes on the envelope, without post-nominals."""
        if self.full_name.strip():
            return " ".join(self.full_name.split())
        return " ".join(p for p in (self.title.strip(), self.first_name.strip(), self.surname.strip()) if p)

    def greeting(self) -> str:
        """``Dear Dr Patel``, ``Dear Sir Keir``, ``Dear Stephen Kinnock``; ``Dear Sir or Madam`` if no name."""
        title, first, surname = self.name_parts()
        if title in _FIRST_NAME_TITLES and first:
            return f"Dear {title} {first}"
        if title and surname:
            return f"Dear {title} {surname}"
        if first and surname:
            return f"Dear {first} {surname}"
        if surname:
            return f"Dear {surname}"
        return "Dear Sir or Madam"

    def block_lines(self) -> list[str]:
        """The lines in the envelope window: name (+ MP), position, address, POST TOWN, postcode."""
        name = clean_text(self.display_name()).strip()
        position = clean_text(self.position).strip()
        lines: list[str] = []
        if position.upper() in POST_NOMINALS and position:
            if name and not name.endswith(" " + position):
                name = f"{name} {position}"
            elif not name:
                name = position
            position = ""
        elif self.kind == RecipientKind.MP and name and not name.endswith(" MP"):
            name = f"{name} MP"
        if name:
            lines.append(name)
        if position:
            lines.append(position)
        address = [clean_text(x).strip() for x in self.address_lines if x and x.strip()]
        postcode = clean_text(self.postcode).strip().upper()
        if self.kind == RecipientKind.MP and not address:
            address = list(HOUSE_OF_COMMONS)
            postcode = postcode or HOUSE_OF_COMMONS_POSTCODE
        if address and looks_like_a_town(address[-1]):
            # Royal Mail: the post town (the last line before the postcode) in capitals. A last
            # line that names a building ("Southampton General Hospital") stays as typed.
            address[-1] = address[-1].upper()
        lines.extend(address)
        if postcode:
            lines.append(postcode)
        return lines


@dataclass
class EarlierLetter:
    date: dt.date | None = None
    subject: str = ""

    def describe(self) -> str:
        parts = []
        if self.date:
            parts.append(f"Following my letter of {long_date(self.date)}")
        else:
            parts.append("Following my earlier letter")
        if self.subject.strip():
            parts.append(f"about “{clean_text(self.subject).strip()}”")
        return " ".join(parts)


@dataclass
class Letter:
    kind: str = KindId.MP_CAMPAIGN  # a KindId value
    sender: Sender = field(default_factory=Sender)
    recipient: Recipient = field(default_factory=Recipient)
    date: dt.date = field(default_factory=dt.date.today)
    subject: str = ""
    body: str = ""  # the writer's words; a blank line starts a new paragraph
    greeting: str = ""  # overrides the greeting worked out from the recipient's name
    consent_to_share: bool = False
    nhs_number: str = ""
    date_of_birth: dt.date | None = None
    reply_format: str = ""  # "large print", "email", ... or the writer's own words
    earlier_letter: EarlierLetter | None = None
    large_print: bool = False

    # --- greeting and close -------------------------------------------------------------
    def greeting_text(self) -> str:
        text = " ".join(clean_text(self.greeting).split()).rstrip(",")
        return text or " ".join(clean_text(self.recipient.greeting()).split())

    def close_text(self) -> str:
        """``Yours faithfully`` after ``Dear Sir or Madam``; otherwise ``Yours sincerely``."""
        return close_for_greeting(self.greeting_text())

    # --- the printed text -----------------------------------------------------------------
    def paragraphs(self) -> list[list[str]]:
        """The body as paragraphs, each a list of lines to keep as the writer typed them."""
        return split_paragraphs(self.body)

    def identification_lines(self) -> list[str]:
        """Date of birth and NHS number, so a clinic can match the letter to the records."""
        parts = []
        if self.date_of_birth:
            parts.append(f"Date of birth: {long_date(self.date_of_birth)}")
        if self.nhs_number.strip():
            parts.append(f"NHS number: {format_nhs_number(self.nhs_number)}")
        return parts

    def generated_paragraphs(self) -> list[str]:
        """Standard sentences the form adds from tick-boxes (consent, reply format)."""
        out = []
        if self.consent_to_share:
            out.append(
                "I give my consent for you to share the details in this letter with the NHS and other "
                "organisations involved, so that you can take up my case on my behalf."
            )
        fmt = " ".join(clean_text(self.reply_format).split())
        if fmt:
            phrase = REPLY_FORMATS.get(fmt.lower())
            email = " ".join(clean_text(self.sender.email).split())
            if phrase == "by email" and email:
                phrase = f"by email to {email}"
            phrase = phrase or f"in this format: {fmt}"
            # The Accessible Information Standard binds the NHS in England only: say so, so the
            # sentence is true wherever the letter goes.
            out.append(
                f"Please send me any reply {phrase}, because that is the format I need. In England, the "
                "NHS must do this under the Accessible Information Standard."
            )
        return out

    def signature_name(self) -> str:
        return " ".join(clean_text(self.sender.name).split())

    def title(self) -> str:
        """The PDF title: the subject, or a plain description."""
        subject = " ".join(clean_text(self.subject).split())
        if subject:
            return subject
        to = self.recipient.display_name()
        return f"Letter to {to}" if to else "Letter"

    def plain_text(self) -> str:
        """The letter as plain text in reading order (used by the coach, tests and the bench)."""
        parts = [
            "\n".join(self.sender.block_lines()),
            long_date(self.date),
            "",
            "\n".join(self.recipient.block_lines()),
            "",
            self.greeting_text() + ",",
        ]
        if self.subject.strip():
            parts.append(self.subject.strip())
        if self.earlier_letter:
            parts.append(self.earlier_letter.describe())
        parts.extend(self.identification_lines())
        parts.extend("\n".join(p) for p in self.paragraphs())
        parts.extend(self.generated_paragraphs())
        parts.extend([self.close_text() + ",", "", self.signature_name()])
        return "\n\n".join(parts)


def close_for_greeting(greeting: str) -> str:
    g = " ".join(greeting.lower().replace(",", " ").split())
    return "Yours faithfully" if g in FAITHFULLY_GREETINGS else "Yours sincerely"


_HARD_WRAP_MIN = 55  # lines at least this long, all but the last: text pasted from a hard-wrapped email


def split_paragraphs(text: str) -> list[list[str]]:
    """Blank lines separate paragraphs. Line breaks inside a paragraph are kept (lists, addresses)
    unless the paragraph looks hard-wrapped (every line but the last long), then they are joined."""
    text = clean_text(text)
    paragraphs = []
    for block in re.split(r"\n[ \u00a0]*\n", text):
        lines = [line.rstrip() for line in block.split("\n")]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            continue
        if len(lines) > 1 and all(len(line) >= _HARD_WRAP_MIN for line in lines[:-1]):
            lines = [" ".join(line.strip() for line in lines)]
        paragraphs.append(lines)
    return paragraphs

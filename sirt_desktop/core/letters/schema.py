"""The JSON form of a letter (docs/letters.md) and the checks every letter must pass.

Checks return plain-English messages that start with the field's path, e.g.
``recipient.address_lines: 8 lines given; a window envelope shows at most 7``, so the
GUI can put each next to its field and the batch command can print them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sirt_desktop.core.letters.kinds import KIND_IDS, RecipientKind
from sirt_desktop.core.letters.model import (
    MAX_RECIPIENT_LINES,
    RECIPIENT_KINDS,
    EarlierLetter,
    Letter,
    Recipient,
    Sender,
)
from sirt_desktop.core.letters.nhs_number import nhs_number_problem

MAX_SENDER_LINES = 8
MAX_ADDRESS_LINE_CHARS = 50
MAX_BODY_CHARS = 20_000
FIRST_YEAR, LAST_YEAR = 1900, 2100  # dates outside these are typing mistakes
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # exactly YYYY-MM-DD: no "20261122", no week dates
MAX_BODY_LINES = 1_000  # more would be a list, not a letter, and take long to lay out
MAX_SHORT_TEXT = 200

_SENDER_KEYS = ("name", "address_lines", "postcode", "email", "phone")
_RECIPIENT_KEYS = ("title", "first_name", "surname", "full_name", "position", "address_lines", "postcode", "kind")
_EARLIER_KEYS = ("date", "subject")
_LETTER_KEYS = (
    "kind",
    "date",
    "sender",
    "recipient",
    "subject",
    "body",
    "greeting",
    "consent_to_share",
    "nhs_number",
    "date_of_birth",
    "reply_format",
    "earlier_letter",
    "large_print",
)


class LetterDataError(ValueError):
    """Letter data that cannot be used; ``errors`` names each bad field."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


class _Reader:
    """Reads typed values out of a dict, collecting one message per bad field."""

    def __init__(self, errors: list[str], strict: bool = True):
        self.errors = errors
        self.strict = strict  # False for drafts: lengths are a printing rule, not a reason to refuse

    def obj(self, data: Any, path: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.errors.append(f"{path or 'letter'}: should be an object ({{...}}), not {_type_name(data)}")
            return {}
        for key in data:
            if key not in allowed:
                shown = str(key) if len(str(key)) <= 40 else f"{str(key)[:40]}… ({len(str(key)):,} characters)"
                where = f"{path}.{shown}" if path else shown
                self.errors.append(f"{where}: unknown field (expected one of: {', '.join(allowed)})")
        return data

    def text(self, data: dict[str, Any], key: str, path: str, limit: int = MAX_SHORT_TEXT) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.errors.append(f"{path}: should be text, not {_type_name(value)}")
            return ""
        if len(value) > limit and self.strict:
            self.errors.append(f"{path}: {len(value)} characters; at most {limit}")
        return value

    def lines(self, data: dict[str, Any], key: str, path: str) -> list[str]:
        value = data.get(key, [])
        if value is None:
            return []
        if isinstance(value, str):
            value = value.split("\n")
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.errors.append(f"{path}: should be a list of lines (text)")
            return []
        return [x for x in value if x.strip()]

    def flag(self, data: dict[str, Any], key: str, path: str) -> bool:
        value = data.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.errors.append(f"{path}: should be true or false, not {_type_name(value)}")
            return False
        return value

    def date(self, data: dict[str, Any], key: str, path: str) -> dt.date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            self.errors.append(f"{path}: should be a date written YYYY-MM-DD, not {_type_name(value)}")
            return None
        if not _ISO_DATE.fullmatch(value):
            self.errors.append(f"{path}: {value[:40]!r} is not a date written YYYY-MM-DD")
            return None
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            self.errors.append(f"{path}: {value!r} is not a real date")
            return None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.errors.append(f"{path}: {value} is not a likely date (the year should be {FIRST_YEAR} to {LAST_YEAR})")
            return None
        return day


def _type_name(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def letter_from_dict(data: Any, strict: bool = True) -> Letter:
    """A ``Letter`` from its JSON form. Raises ``LetterDataError`` naming every bad field at once.

    ``strict=False`` is for drafts: fields of the wrong type are still refused, but a letter
    that is not finished yet (no name, no address, no text) comes back as it is.
    """
    errors: list[str] = []
    r = _Reader(errors, strict)
    top = r.obj(data, "", _LETTER_KEYS)
    if top is data and "kind" not in top:
        errors.append(f"kind: missing (one of: {', '.join(KIND_IDS)})")
    s = r.obj(top.get("sender", {}), "sender", _SENDER_KEYS) if "sender" in top else {}
    if top is data and "sender" not in top:
        errors.append("sender: missing (your name and address)")
    rc = r.obj(top.get("recipient", {}), "recipient", _RECIPIENT_KEYS) if "recipient" in top else {}
    if top is data and "recipient" not in top:
        errors.append("recipient: missing (who the letter is to)")

    sender = Sender(
        name=r.text(s, "name", "sender.name"),
        address_lines=r.lines(s, "address_lines", "sender.address_lines"),
        postcode=r.text(s, "postcode", "sender.postcode"),
        email=r.text(s, "email", "sender.email"),
        phone=r.text(s, "phone", "sender.phone"),
    )
    recipient = Recipient(
        title=r.text(rc, "title", "recipient.title"),
        first_name=r.text(rc, "first_name", "recipient.first_name"),
        surname=r.text(rc, "surname", "recipient.surname"),
        full_name=r.text(rc, "full_name", "recipient.full_name"),
        position=r.text(rc, "position", "recipient.position"),
        address_lines=r.lines(rc, "address_lines", "recipient.address_lines"),
        postcode=r.text(rc, "postcode", "recipient.postcode"),
        kind=r.text(rc, "kind", "recipient.kind") or "other",
    )

    body_value = top.get("body", "")
    if isinstance(body_value, list) and all(isinstance(x, str) for x in body_value):
        body = "\n\n".join(x.strip("\n") for x in body_value)
    elif isinstance(body_value, str):
        body = body_value
    else:
        errors.append("body: should be text (a blank line between paragraphs) or a list of paragraphs")
        body = ""

    earlier = None
    if top.get("earlier_letter") is not None:
        e = r.obj(top["earlier_letter"], "earlier_letter", _EARLIER_KEYS)
        earlier = EarlierLetter(
            date=r.date(e, "date", "earlier_letter.date"), subject=r.text(e, "subject", "earlier_letter.subject")
        )

    kind = top.get("kind", "")
    if not isinstance(kind, str):
        errors.append(f"kind: should be text, not {_type_name(kind)}")
        kind = ""
    letter = Letter(
        kind=kind,
        sender=sender,
        recipient=recipient,
        date=r.date(top, "date", "date") or dt.date.today(),
        subject=r.text(top, "subject", "subject"),
        body=body,
        greeting=r.text(top, "greeting", "greeting"),
        consent_to_share=r.flag(top, "consent_to_share", "consent_to_share"),
        nhs_number=r.text(top, "nhs_number", "nhs_number", limit=20),
        date_of_birth=r.date(top, "date_of_birth", "date_of_birth"),
        reply_format=r.text(top, "reply_format", "reply_format"),
        earlier_letter=earlier,
        large_print=r.flag(top, "large_print", "large_print"),
    )
    for problem in validate_letter(letter) if strict else []:
        if problem not in errors and not any(problem.split(":")[0] == e.split(":")[0] for e in errors):
            errors.append(problem)
    if errors:
        raise LetterDataError(errors)
    return letter


def body_problems(body: str) -> list[str]:
    """Why the letter's text cannot be printed as it is: empty, or over the length limits."""
    if not body.strip():
        return ["body: the letter has no text yet"]
    if len(body) > MAX_BODY_CHARS:
        return [f"body: {len(body)} characters; at most {MAX_BODY_CHARS}"]
    lines = body.count("\n") + 1
    if lines > MAX_BODY_LINES:
        return [
            f"body: {lines:,} lines; a letter can have at most {MAX_BODY_LINES:,} lines (about 20 pages). "
            "Join short lines into sentences, or split it into more than one letter"
        ]
    return []


def _recipient_errors(rc: Recipient) -> list[str]:
    """What stops the recipient block being printed in the envelope window."""
    errors: list[str] = []
    if rc.kind not in RECIPIENT_KINDS:
        errors.append(f"recipient.kind: {rc.kind!r} is not one of: {', '.join(RECIPIENT_KINDS)}")
    if not (rc.display_name() or rc.position.strip()):
        errors.append("recipient.full_name: the name (or position) of the person you are writing to is needed")
    elif rc.kind == RecipientKind.DEVOLVED and not rc.display_name():
        errors.append(
            "recipient.full_name: the Member's name is needed: choose one from the list, or type "
            "it as the parliament or assembly publishes it"
        )
    if rc.kind != RecipientKind.MP and not rc.address_lines:
        errors.append("recipient.address_lines: the address is needed for the envelope window")
    given = len(rc.address_lines)
    total = len(rc.block_lines())
    if given > MAX_RECIPIENT_LINES:
        errors.append(
            f"recipient.address_lines: {given} lines given; a window envelope shows at most {MAX_RECIPIENT_LINES}"
        )
    elif total > MAX_RECIPIENT_LINES:
        errors.append(
            f"recipient.address_lines: {given} lines given, which with the name, position and "
            f"postcode makes {total}; a window envelope shows at most {MAX_RECIPIENT_LINES}"
        )
    for i, line in enumerate(rc.address_lines):
        if len(line.strip()) > MAX_ADDRESS_LINE_CHARS:
            errors.append(
                f"recipient.address_lines[{i}]: {len(line.strip())} characters; "
                f"at most {MAX_ADDRESS_LINE_CHARS} fit in the envelope window"
            )
    if len(rc.display_name()) > MAX_ADDRESS_LINE_CHARS:
        errors.append(f"recipient.full_name: at most {MAX_ADDRESS_LINE_CHARS} characters fit in the envelope window")
    return errors


def validate_letter(letter: Letter) -> list[str]:
    """Every reason this letter cannot be printed as it is, each starting with the field's path."""
    errors: list[str] = []
    if letter.kind not in KIND_IDS:
        errors.append(f"kind: {letter.kind!r} is not a letter kind (one of: {', '.join(KIND_IDS)})")

    s = letter.sender
    if not s.name.strip():
        errors.append("sender.name: your name is needed to sign the letter")
    if len(s.address_lines) > MAX_SENDER_LINES:
        errors.append(f"sender.address_lines: {len(s.address_lines)} lines given; at most {MAX_SENDER_LINES}")
    for i, line in enumerate(s.address_lines):
        if len(line.strip()) > MAX_ADDRESS_LINE_CHARS:
            errors.append(
                f"sender.address_lines[{i}]: {len(line.strip())} characters; "
                f"at most {MAX_ADDRESS_LINE_CHARS} fit on a line"
            )

    errors.extend(_recipient_errors(letter.recipient))

    errors.extend(body_problems(letter.body))
    if letter.nhs_number.strip():
        problem = nhs_number_problem(letter.nhs_number)
        if problem:
            errors.append(f"nhs_number: {problem}")
    if letter.date_of_birth and letter.date_of_birth.year < FIRST_YEAR:
        errors.append(f"date_of_birth: should be in {FIRST_YEAR} or later")
    elif letter.date_of_birth and letter.date_of_birth > letter.date:
        errors.append("date_of_birth: should be a date before the letter's date")
    if letter.earlier_letter and letter.earlier_letter.date and letter.earlier_letter.date > letter.date:
        errors.append("earlier_letter.date: should be before the letter's date")
    return errors


def letter_to_dict(letter: Letter) -> dict[str, Any]:
    """The JSON form; empty optional fields are left out so files stay short."""
    s, rc = letter.sender, letter.recipient
    out: dict[str, Any] = {
        "kind": letter.kind,
        "date": letter.date.isoformat(),
        "sender": _compact(
            {
                "name": s.name,
                "address_lines": list(s.address_lines),
                "postcode": s.postcode,
                "email": s.email,
                "phone": s.phone,
            }
        ),
        "recipient": _compact(
            {
                "title": rc.title,
                "first_name": rc.first_name,
                "surname": rc.surname,
                "full_name": rc.full_name,
                "position": rc.position,
                "address_lines": list(rc.address_lines),
                "postcode": rc.postcode,
                "kind": rc.kind,
            }
        ),
        "subject": letter.subject,
        "body": letter.body,
        "greeting": letter.greeting,
        "consent_to_share": letter.consent_to_share,
        "nhs_number": letter.nhs_number,
        "date_of_birth": letter.date_of_birth.isoformat() if letter.date_of_birth else "",
        "reply_format": letter.reply_format,
        "large_print": letter.large_print,
    }
    if letter.earlier_letter:
        e = letter.earlier_letter
        out["earlier_letter"] = _compact({"date": e.date.isoformat() if e.date else "", "subject": e.subject})
    return _compact(out, keep=("kind", "date", "sender", "recipient", "body"))


def _compact(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k in keep or v not in ("", [], False, None)}

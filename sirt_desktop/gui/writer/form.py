"""The letter writer's form, both ways: fill it from a Letter, and read a Letter back from it.

Only fields the kind of letter shows are read (a hidden NHS number is never printed).
"""

from __future__ import annotations

import datetime as dt

from sirt_desktop.core.letters.kinds import get_kind
from sirt_desktop.core.letters.model import EarlierLetter, Letter, Recipient, Sender


def _pydate(widget) -> dt.date | None:
    """A DateField's date; None when it is empty or cannot be read (it says why)."""
    return widget.value()


def _lines(box) -> list[str]:
    return [line for line in box.toPlainText().splitlines() if line.strip()]


def fill(view, letter: Letter) -> None:
    s, r, w = view.sender_step, view.recipient_step, view.write_step
    s.name.setText(letter.sender.name)
    s.address.setPlainText("\n".join(letter.sender.address_lines))
    s.postcode.setText(letter.sender.postcode)
    s.email.setText(letter.sender.email)
    s.phone.setText(letter.sender.phone)
    r.full_name.setText(letter.recipient.display_name())
    r.position.setText(letter.recipient.position)
    r.address.setPlainText("\n".join(letter.recipient.address_lines))
    r.postcode.setText(letter.recipient.postcode)
    w.subject.setText(letter.subject)
    w.subject.setCursorPosition(0)
    w.greeting.setText(letter.greeting)
    w.body.setPlainText(letter.body)
    w.consent.setChecked(letter.consent_to_share)
    w.nhs_number.setText(letter.nhs_number)
    w.date_of_birth.set_value(letter.date_of_birth)
    w.reply_format.setCurrentText(letter.reply_format)
    earlier = letter.earlier_letter or EarlierLetter()
    w.earlier_date.set_value(earlier.date)
    w.earlier_subject.setText(earlier.subject)
    view.print_step.large_print.setChecked(letter.large_print)


def read_sender(view) -> Sender:
    s = view.sender_step
    return Sender(
        name=s.name.text().strip(),
        address_lines=_lines(s.address),
        postcode=s.postcode.text().strip().upper(),
        email=s.email.text().strip(),
        phone=s.phone.text().strip(),
    )


def read_recipient(view, recipient_kind: str) -> Recipient:
    r = view.recipient_step
    return Recipient(
        full_name=r.full_name.text().strip(),
        position=r.position.text().strip(),
        address_lines=_lines(r.address),
        postcode=r.postcode.text().strip().upper(),
        kind=recipient_kind,
    )


def read_letter(view, kind_id: str, recipient: Recipient, today: dt.date) -> Letter:
    w = view.write_step
    fields = set(get_kind(kind_id).fields)
    earlier = None
    if "earlier_letter.date" in fields and (_pydate(w.earlier_date) or w.earlier_subject.text().strip()):
        earlier = EarlierLetter(date=_pydate(w.earlier_date), subject=w.earlier_subject.text().strip())
    return Letter(
        kind=kind_id,
        sender=read_sender(view),
        recipient=recipient,
        date=today,
        subject=w.subject.text().strip(),
        body=w.body.toPlainText(),
        greeting=w.greeting.text().strip(),
        consent_to_share="consent_to_share" in fields and w.consent.isChecked(),
        nhs_number=w.nhs_number.text().strip() if "nhs_number" in fields else "",
        date_of_birth=_pydate(w.date_of_birth) if "date_of_birth" in fields else None,
        reply_format=w.reply_format.currentText().strip() if "reply_format" in fields else "",
        earlier_letter=earlier,
        large_print=view.print_step.large_print.isChecked(),
    )

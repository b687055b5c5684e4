"""Drives the letter writer: fills and reads the form, runs the coach as the person types,
autosaves the draft, renders the exact PDF for preview, and prints, saves, copies or emails it.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol

from PySide6.QtCore import QDate, QObject, QTimer, Signal

from sirt_desktop.core.letters.coach import coach
from sirt_desktop.core.letters.kinds import get_kind
from sirt_desktop.core.letters.model import EarlierLetter, Letter, Recipient, Sender
from sirt_desktop.core.letters.nhs_number import nhs_number_problem
from sirt_desktop.gui.controllers.find_mp_controller import FindMpController
from sirt_desktop.gui.controllers.letter_output_controller import LetterOutput
from sirt_desktop.gui.controllers.sender_profiles_controller import SenderProfiles
from sirt_desktop.gui.views.letter_writer_view import LetterWriterView

log = logging.getLogger(__name__)

COACH_DELAY_MS = 300
AUTOSAVE_DELAY_MS = 1000

_DEVOLVED_HELP = {
    "Scotland": "Type your MSP's name and address. You can find them on the Scottish Parliament's website "
    "or by asking your council.",
    "Wales": "Type your Member of the Senedd's name and address. The Senedd's website lists them.",
    "Northern Ireland": "Type your MLA's name and address. The Northern Ireland Assembly's website lists them.",
}


class DraftStore(Protocol):
    """What the writer needs from storage: save a draft, keep the PDF exactly as printed."""

    def save(self, letter_id: int | None, letter: Letter) -> int: ...

    def store_pdf(self, letter_id: int, pdf: bytes, purpose: str) -> None: ...


def _qdate(value: dt.date | None, empty: QDate) -> QDate:
    return QDate(value.year, value.month, value.day) if value else empty


def _pydate(widget) -> dt.date | None:
    value = widget.date()
    if value == widget.minimumDate():  # shown as "Not given"
        return None
    return dt.date(value.year(), value.month(), value.day())


class LetterWriterController(QObject):
    letter_saved = Signal(int)  # the draft's id, after each autosave
    letter_printed = Signal(int)

    def __init__(
        self, view: LetterWriterView, drafts: DraftStore | None = None, profiles=None, today=dt.date.today
    ) -> None:
        super().__init__(view)
        self.view = view
        self.drafts = drafts
        self.today = today
        self.letter_id: int | None = None
        self.kind_id = "mp_campaign"
        self.recipient = Recipient(kind="mp")
        self.pdf: bytes = b""
        self._loading = False

        self.finder = FindMpController(view.recipient_step.find_mp)
        self.finder.chosen.connect(self.use_mp)
        self.finder.devolved_chosen.connect(lambda nation: self.start_new(devolved_nation=nation))

        self._coach_timer = self._timer(COACH_DELAY_MS, self.run_coach)
        self._save_timer = self._timer(AUTOSAVE_DELAY_MS, self.save_now)

        view.kind_step.kind_chosen.connect(self.set_kind)
        view.write_step.starter_requested.connect(self.add_starter)
        view.new_letter_requested.connect(self.start_new)
        self.output = LetterOutput(view, self.letter, self._keep_pdf)
        self.output.printed.connect(lambda: self.letter_id is not None and self.letter_printed.emit(self.letter_id))
        for signal in self._edit_signals():
            signal.connect(self.changed)
        view.write_step.nhs_number.textChanged.connect(self._check_nhs_number)
        view.keep_copy.toggled.connect(self._keep_toggled)
        view.tabs.currentChanged.connect(self._prefill_finder)
        self.keeping = True  # False for a helpline caller's letter until the volunteer ticks "Keep a copy"
        self.sender_profiles = SenderProfiles(profiles, view.sender_step, self.changed)
        self.start_new()

    def _timer(self, ms: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _edit_signals(self):
        s, r, w = self.view.sender_step, self.view.recipient_step, self.view.write_step
        for line in (s.name, s.postcode, s.email, s.phone, r.full_name, r.position, r.postcode,
                     w.subject, w.greeting, w.nhs_number, w.earlier_subject):
            yield line.textEdited
        for box in (s.address, r.address, w.body):
            yield box.textChanged
        yield w.consent.toggled
        yield w.date_of_birth.dateChanged
        yield w.earlier_date.dateChanged
        yield w.reply_format.currentTextChanged

    # Starting and loading ---------------------------------------------------------------
    def start_new(self, recipient=None, devolved_nation: str | None = None, kind: str | None = None,
                  for_caller: bool = False, caller_postcode: str = "") -> None:
        """A fresh letter. The writer's own details carry over (the same person usually writes
        again) — but never to a helpline caller's letter, which starts blank and is not kept
        unless the volunteer ticks "Keep a copy" because the caller asked."""
        self.flush()
        had_letter = self.letter_id is not None
        sender = Sender(postcode=caller_postcode.strip()) if for_caller else self.sender()
        letter = Letter(kind=kind or ("devolved_rep" if devolved_nation else "mp_campaign"), sender=sender,
                        date=self.today())
        self.letter_id = None
        self.keeping = not for_caller
        self.view.keep_copy.blockSignals(True)
        self.view.keep_copy.setChecked(False)
        self.view.keep_copy.blockSignals(False)
        self.view.keep_copy.setVisible(for_caller and self.drafts is not None)
        if for_caller:
            self.sender_profiles.forget_choice()
        self.load(letter, None)
        if devolved_nation:
            self.view.recipient_step.manual_help.setText(_DEVOLVED_HELP.get(devolved_nation, ""))
            self.view.go(2)
        elif recipient is not None and getattr(recipient, "mp", None) is not None:
            self.use_mp(recipient)
            self.view.go(0)
        else:
            self.view.go(0)
        self.view.saved.setText(
            "Your last letter is kept in My letters." if had_letter and self.drafts is not None else ""
        )

    def _keep_always(self) -> None:
        """A letter opened from My letters is already kept, so it keeps being saved."""
        self.keeping = True
        self.view.keep_copy.hide()

    def _keep_toggled(self, keep: bool) -> None:
        self.keeping = keep
        if keep:
            self.save_now()
        else:
            self.view.saved.setText("This letter is not being kept.")

    def load(self, letter: Letter, letter_id: int | None) -> None:
        """Show a letter (a new one, or a draft opened from My letters)."""
        self._loading = True
        try:
            self.letter_id = letter_id
            self.recipient = letter.recipient
            s, r, w = self.view.sender_step, self.view.recipient_step, self.view.write_step
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
            w.date_of_birth.setDate(_qdate(letter.date_of_birth, w.date_of_birth.minimumDate()))
            w.reply_format.setCurrentText(letter.reply_format)
            earlier = letter.earlier_letter or EarlierLetter()
            w.earlier_date.setDate(_qdate(earlier.date, w.earlier_date.minimumDate()))
            w.earlier_subject.setText(earlier.subject)
            self.view.print_step.large_print.setChecked(letter.large_print)
            self.set_kind(letter.kind, from_load=True)
            self.view.kind_step.set_kind(letter.kind)
        finally:
            self._loading = False
        self._show_recipient()
        self.run_coach()

    def resume_latest_draft(self, letters) -> bool:
        """Open the newest unfinished draft, so after a crash or a bad day the words are there."""
        if letters is None or self.drafts is None:
            return False
        from sirt_desktop.core.db.letter_records import LetterFilters

        newest = letters.list_page(LetterFilters(status="draft"), 0, 1)
        if not newest:
            return False
        letter = self.drafts.load(newest[0].id)
        self._keep_always()
        self.load(letter, newest[0].id)
        self.view.go(3)
        self.view.saved.setText("Your draft is open where you left it. “Start a new letter” begins another.")
        return True

    def open_letter(self, letter_id: int) -> None:
        """Open a saved letter from My letters."""
        self.flush()
        if self.drafts is None:
            return
        self._keep_always()
        self.load(self.drafts.load(letter_id), letter_id)
        self.view.go(3)

    # Reading the form --------------------------------------------------------------------
    def sender(self) -> Sender:
        s = self.view.sender_step
        return Sender(
            name=s.name.text().strip(),
            address_lines=[x for x in s.address.toPlainText().splitlines() if x.strip()],
            postcode=s.postcode.text().strip().upper(),
            email=s.email.text().strip(),
            phone=s.phone.text().strip(),
        )

    def current_recipient(self) -> Recipient:
        if self.recipient.kind == "mp" and get_kind(self.kind_id).recipient_kind == "mp":
            return self.recipient
        r = self.view.recipient_step
        return Recipient(
            full_name=r.full_name.text().strip(),
            position=r.position.text().strip(),
            address_lines=[x for x in r.address.toPlainText().splitlines() if x.strip()],
            postcode=r.postcode.text().strip().upper(),
            kind=get_kind(self.kind_id).recipient_kind,
        )

    def letter(self) -> Letter:
        w = self.view.write_step
        fields = set(get_kind(self.kind_id).fields)
        earlier = None
        if "earlier_letter.date" in fields and (_pydate(w.earlier_date) or w.earlier_subject.text().strip()):
            earlier = EarlierLetter(date=_pydate(w.earlier_date), subject=w.earlier_subject.text().strip())
        return Letter(
            kind=self.kind_id,
            sender=self.sender(),
            recipient=self.current_recipient(),
            date=self.today(),
            subject=w.subject.text().strip(),
            body=w.body.toPlainText(),
            greeting=w.greeting.text().strip(),
            consent_to_share="consent_to_share" in fields and w.consent.isChecked(),
            nhs_number=w.nhs_number.text().strip() if "nhs_number" in fields else "",
            date_of_birth=_pydate(w.date_of_birth) if "date_of_birth" in fields else None,
            reply_format=w.reply_format.currentText().strip() if "reply_format" in fields else "",
            earlier_letter=earlier,
            large_print=self.view.print_step.large_print.isChecked(),
        )

    # Kind and recipient --------------------------------------------------------------------
    def set_kind(self, kind_id: str, from_load: bool = False) -> None:
        kind = get_kind(kind_id)
        self.kind_id = kind.id
        w = self.view.write_step
        w.show_fields(set(kind.fields))
        w.set_starters([s.label for s in kind.starters], [s.text for s in kind.starters])
        w.tips.setText("\n\n".join(f"• {tip}" for tip in kind.tips))
        if not from_load and not w.subject.text().strip() and kind.suggested_subject:
            w.subject.setText(kind.suggested_subject)
            w.subject.setCursorPosition(0)
        finder = kind.recipient_kind == "mp"
        help_text = "" if finder else "Type the name and address exactly as they should appear on the envelope."
        self.view.recipient_step.use_finder(finder, help_text)
        if not finder and self.recipient.kind == "mp":
            self.recipient = Recipient(kind=kind.recipient_kind)
        self._show_recipient()
        if not from_load:
            self.changed()

    def use_mp(self, candidate) -> None:
        mp = candidate.mp
        self.recipient = Recipient(full_name=mp.name, position="MP", kind="mp")
        if get_kind(self.kind_id).recipient_kind != "mp":
            self.set_kind("mp_campaign")
            self.view.kind_step.set_kind("mp_campaign")
        self._show_recipient(f"MP for {candidate.constituency}")
        self.changed()
        self.view.go(3)

    def _show_recipient(self, extra: str = "") -> None:
        label = self.view.recipient_step.chosen
        if self.recipient.kind == "mp" and self.recipient.display_name():
            from sirt_desktop.core.dates import long_date
            from sirt_desktop.core.representatives import mp_list_as_of

            lines = "\n".join(self.recipient.block_lines())
            as_of = f"MP list correct as of {long_date(mp_list_as_of())}."
            label.setText(f"Writing to:\n{lines}" + (f"\n({extra})" if extra else "") + f"\n{as_of}")
        else:
            label.setText("")
        label.setVisible(bool(label.text()))

    def add_starter(self, row: int) -> None:
        kind = get_kind(self.kind_id)
        if not 0 <= row < len(kind.starters):
            return
        body = self.view.write_step.body
        cursor = body.textCursor()
        text = kind.starters[row].text
        if body.toPlainText().strip() and not cursor.atBlockStart():
            text = "\n\n" + text
        cursor.insertText(text)
        body.setFocus()

    def _prefill_finder(self, index: int) -> None:
        """Opening 'To' with no MP chosen yet: look up the postcode typed under 'From'."""
        finder = self.view.recipient_step.find_mp
        postcode = self.view.sender_step.postcode.text().strip()
        if (index == 2 and not finder.isHidden() and not finder.postcode.text().strip() and postcode
                and not self.recipient.display_name()):
            finder.postcode.setText(postcode)
            self.finder.find(postcode)

    def _check_nhs_number(self, text: str) -> None:
        problem = nhs_number_problem(text) if text.strip() else None
        self.view.write_step.nhs_number_problem.setText(problem or "")

    # As the person types -------------------------------------------------------------------
    def changed(self, *_args) -> None:
        if self._loading:
            return
        self._coach_timer.start()
        if self.drafts is not None and self.keeping:
            self._save_timer.start()
            self.view.saved.setText("Saving…")

    def run_coach(self) -> None:
        report = coach(self.letter())
        lines = []
        if report.reading_age is not None:
            lines.append(f"Reading age: about {report.reading_age}.")
        lines.extend(f"• {note.text}" for note in report.notes)
        self.view.write_step.coach.setText("\n\n".join(lines) or "Start writing and tips will appear here.")
        self.last_report = report

    def save_now(self) -> int | None:
        """Save the draft now (also called when the window closes)."""
        self._save_timer.stop()
        if self.drafts is None or not self.keeping:
            return None
        letter = self.letter()
        if self.letter_id is None and not (letter.body.strip() or letter.subject.strip() or letter.sender.name):
            return None  # nothing worth keeping yet
        try:
            self.letter_id = self.drafts.save(self.letter_id, letter)
            self.sender_profiles.remember(letter.sender)
        except Exception as exc:  # a full or read-only disk must not lose the words on screen
            log.error("draft not saved: %s", exc)
            self.view.saved.setText("Could not save the draft. Your words are still here; please keep the app open.")
            return None
        self.view.saved.setText(f"Draft saved at {dt.datetime.now():%H:%M}")
        self.letter_saved.emit(self.letter_id)
        return self.letter_id

    def flush(self) -> None:
        if self._save_timer.isActive():
            self.save_now()

    def _keep_pdf(self, pdf: bytes, purpose: str) -> None:
        """Store the exact PDF printed or saved with the letter, so a re-print is identical."""
        if self.drafts is None or not self.keeping:
            return
        letter_id = self.save_now() or self.letter_id
        if letter_id is not None:
            self.drafts.store_pdf(letter_id, pdf, purpose)

    # Kept as names on the controller: tests and the shell call them.
    def refresh_preview(self) -> bytes:
        return self.output.refresh_preview()

    def save_pdf(self, path: str | None = None) -> str | None:
        return self.output.save_pdf(path)

    def copy_text(self) -> str:
        return self.output.copy_text()

    def email_url(self):
        return self.output.email_url()

"""Drives the letter writer: fills and reads the form, runs the coach as the person types,
autosaves the draft, renders the exact PDF for preview, and prints, saves, copies or emails it.

Autosave (``autosave.py``): one second after a pause, and at most two seconds after the first
unsaved change, the form is read here and the write runs on a background thread. Every save
names the version of the letter it started from; if the letter was saved from somewhere else
meanwhile (or deleted there), the words on screen are kept as a new letter instead of being
written over the other changes, and the person is told.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.db.errors import DatabaseError, StaleLetterError
from sirt_desktop.core.db.records import LetterFilters, StatusFilter
from sirt_desktop.core.letters import nation_advice
from sirt_desktop.core.letters.coach import coach
from sirt_desktop.core.letters.drafts import Drafts
from sirt_desktop.core.letters.kinds import KindId, RecipientKind, get_kind, sender_note, subject_for_kind
from sirt_desktop.core.letters.model import Letter, Recipient, Sender
from sirt_desktop.core.letters.nhs_number import nhs_number_problem
from sirt_desktop.core.representatives import devolved, members
from sirt_desktop.core.representatives.checks import check_postcode, is_known_postcode
from sirt_desktop.core.representatives.constituents import not_their_mp, not_their_parliament
from sirt_desktop.core.representatives.lookup import mp_list_as_of, nation_of_postcode
from sirt_desktop.core.representatives.messages import Audience
from sirt_desktop.gui.find_mp.controller import DevolvedChoice, FindMpController
from sirt_desktop.gui.prompts import Prompts, QtPrompts
from sirt_desktop.gui.writer import form as letter_form
from sirt_desktop.gui.writer.autosave import AutosaveTimers, Outcome, SaveLane
from sirt_desktop.gui.writer.output import LetterOutput
from sirt_desktop.gui.writer.sender_profiles import SenderProfiles
from sirt_desktop.gui.writer.view import LetterWriterView

if TYPE_CHECKING:  # SQLAlchemy loads when the database opens, not with this page
    from sirt_desktop.core.db.letters_repo import LettersRepository
    from sirt_desktop.core.db.profiles_repo import ProfilesRepository

log = logging.getLogger(__name__)

COACH_DELAY_MS = 300

SAVED_AS_NEW = {
    "stale": "This letter had been changed somewhere else after it was opened here, so your words were "
    "saved as a new letter in My letters (nothing was written over the other changes).",
    "gone": "This letter had been deleted somewhere else, so your words were saved as a new letter in My letters.",
}


class LetterWriterController(QObject):
    letter_saved = Signal(int)  # the draft's id, after each autosave
    letter_printed = Signal(int)

    def __init__(
        self,
        view: LetterWriterView,
        drafts: Drafts | None = None,
        profiles: ProfilesRepository | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.prompts: Prompts = prompts if prompts is not None else QtPrompts(view)
        self.drafts = drafts
        self.today = today
        self._started = False  # the first, empty letter asks nobody anything
        self.letter_id: int | None = None
        self.kind_id: str = KindId.MP_CAMPAIGN
        self.recipient = Recipient(kind=RecipientKind.MP)
        self.pdf: bytes = b""
        self._loading = False
        self.devolved_choice: DevolvedChoice | None = None
        self._recipient_nation: str | None = None  # the chosen MP's nation

        self.finder = FindMpController(view.recipient_step.find_mp)
        self.finder.chosen.connect(self.use_mp)
        self.finder.devolved_chosen.connect(self.switch_to_devolved)
        self.finder.shown.connect(self._finder_shown)
        self.finder.looked_up.connect(self._finder_looked_up)
        self._recipient_from_finder = False  # the MP on the letter is the one the finder shows
        self.finder.devolved_shown.connect(self._devolved_shown)

        self._coach_timer = self._timer(COACH_DELAY_MS, self.run_coach)
        self._autosave = AutosaveTimers(self)
        self._autosave.due.connect(self.autosave)
        self._lane = SaveLane(self._saved_in_background, self)
        self._resume = self._timer(0, self._save_again_if_needed)
        self._generation = 0  # goes up at every change on screen
        self._epoch = 0  # goes up whenever the letter on screen is replaced or dropped
        self._again = False  # a save came due while another was still being written
        self._notice = ""  # said beside "Draft saved" until the letter on screen changes

        view.kind_step.kind_chosen.connect(self.set_kind)
        view.write_step.starter_requested.connect(self.add_starter)
        view.new_letter_requested.connect(self.start_new)
        self.output = LetterOutput(view, self.letter, self._keep_pdf, self.prompts, self._audience)
        self.output.printed.connect(self._printed)
        for signal in self._edit_signals():
            signal.connect(self.changed)
        view.write_step.nhs_number.textChanged.connect(self._check_nhs_number)
        view.sender_step.postcode.textChanged.connect(self._sender_postcode_edited)
        view.keep_copy.toggled.connect(self._keep_toggled)
        view.tabs.currentChanged.connect(self._prefill_finder)
        view.tabs.currentChanged.connect(self._step_changed)
        self._step = view.tabs.currentIndex()
        s = view.sender_step
        s.postcode.editingFinished.connect(self._check_sender_postcode)
        s.postcode.textEdited.connect(self._recheck_sender_postcode)
        s.use_suggestion.clicked.connect(self._use_postcode_suggestion)
        self.keeping = True  # False for a helpline caller's letter until the volunteer ticks "Keep a copy"
        self.for_caller = False  # the letter on screen is a helpline caller's
        self._reopened = False  # the letter on screen came from My letters (its sender is its own)
        self._sent_out = False  # printed or saved as a PDF since it was started
        self._dirty = False  # words on screen that are not saved yet
        self.sender_profiles = SenderProfiles(profiles, view.sender_step, self.changed, self.form_sender)
        self.start_new()
        self._started = True

    def _printed(self) -> None:
        if self.letter_id is not None:
            self.letter_printed.emit(self.letter_id)

    def _timer(self, ms: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _edit_signals(self):
        s, r, w = self.view.sender_step, self.view.recipient_step, self.view.write_step
        for line in (
            s.name,
            s.postcode,
            s.email,
            s.phone,
            r.full_name,
            r.position,
            r.postcode,
            w.subject,
            w.greeting,
            w.nhs_number,
            w.earlier_subject,
        ):
            yield line.textEdited
        for box in (s.address, r.address, w.body):
            yield box.textChanged
        yield w.consent.toggled
        yield w.date_of_birth.value_changed
        yield w.earlier_date.value_changed
        yield w.reply_format.currentTextChanged

    # Starting and loading ---------------------------------------------------------------
    def start_new(
        self,
        recipient=None,
        devolved_nation: str | None = None,
        kind: str | None = None,
        for_caller: bool = False,
        caller_postcode: str = "",
        keep_sender: bool = True,
        ask: bool = True,
        devolved=None,
    ) -> bool:
        """A fresh letter. It asks who the letter is from (each saved person, the last letter's
        sender, or someone new) — never for a helpline caller's letter, which starts blank and
        is not kept unless the volunteer ticks "Keep a copy" because the caller asked. With
        ``ask=False`` the last letter's sender carries over as before.
        Returns False if the person chose to stay with the letter on screen."""
        if not self.ready_to_leave():
            return False
        had_letter = self.letter_id is not None
        previous = self.form_sender()
        previous_profile = self.sender_profiles.profile_id
        usable = not (
            not keep_sender
            or for_caller
            or self.for_caller
            or (self._reopened and not self.sender_profiles.matches(previous))
        )
        choice: int | Sender | None = None
        if usable and ask and self._started:
            options = self.sender_profiles.choices(previous)
            if len(options) > 1:
                picked = self.prompts.choose(
                    "Who is this letter from?",
                    "Choose the person whose name and address go on the new letter.",
                    [label for label, _what in options],
                    yes="Start the letter",
                    no="Stay with this letter",
                )
                if picked is None:
                    return False
                choice = options[picked][1]
        elif usable:
            choice = previous_profile or previous
        self._reopened = False
        sender = Sender(postcode=caller_postcode.strip()) if for_caller else Sender()
        letter = Letter(
            kind=kind or (KindId.DEVOLVED_REP if devolved_nation else KindId.MP_CAMPAIGN),
            sender=sender,
            date=self.today(),
        )
        self.letter_id = None
        self.for_caller = for_caller
        self.keeping = not for_caller
        self.view.keep_copy.blockSignals(True)
        self.view.keep_copy.setChecked(False)
        self.view.keep_copy.blockSignals(False)
        self.view.keep_copy.setVisible(for_caller and self.drafts is not None)
        self.sender_profiles.for_caller = for_caller
        self.sender_profiles.forget_choice()
        self.view.sender_step.set_for_caller(for_caller)
        self.finder.set_for_caller(for_caller)  # step 3 speaks of the caller's postcode and MP
        self._sent_out = False
        self._reset_finder()
        self.devolved_choice = None
        self._recipient_nation = None
        self.load(letter, None)
        self._loading = True  # the chosen person fills the form; that alone is not a letter to keep
        try:
            if isinstance(choice, Sender):
                self.sender_profiles.fill(choice)
            elif choice:
                self.sender_profiles.use(choice)
        finally:
            self._loading = False
        self._check_sender_postcode()
        if devolved_nation or devolved is not None:
            self.use_devolved(devolved or DevolvedChoice(devolved_nation or ""), go_on=False)
            self.view.go(2)
        elif recipient is not None and getattr(recipient, "mp", None) is not None:
            self.use_mp(recipient)
            self.view.go(0)
        else:
            self.view.go(0)
        self.view.saved.setText(
            "Your last letter is kept in My letters." if had_letter and self.drafts is not None else ""
        )
        return True

    def _reset_finder(self) -> None:
        """The MP finder shows nothing from the last letter (or the last caller)."""
        self.finder.reset()

    def switch_to_devolved(self, choice: DevolvedChoice) -> None:
        """'Write to a devolved Member': same letter and words, addressed to the Member."""
        self.use_devolved(choice)

    def use_devolved(self, choice: DevolvedChoice, go_on: bool = True) -> None:
        """Address the letter to a devolved Member: the legislature's postal address, the
        Member's post-nominal, and the name from the imported list, or a typed one (the app
        never guesses a name). With ``go_on``, moves to Write once a name is known."""
        if get_kind(self.kind_id).recipient_kind != RecipientKind.DEVOLVED:
            self.view.kind_step.set_kind(KindId.DEVOLVED_REP)
            self.set_kind(KindId.DEVOLVED_REP)
        before = self.devolved_choice
        self.devolved_choice = choice
        leg = devolved.legislature_for_nation(choice.nation)
        step = self.view.recipient_step
        if leg is None:
            step.manual_help.setText("")
            return
        for_caller = self.for_caller
        member = choice.member
        if member is not None:
            step.full_name.setText(member.name)
        elif before is not None and before.nation != choice.nation:
            step.full_name.clear()  # a name typed for another parliament does not carry over
        step.position.setText(leg.post_nominal)
        step.address.setPlainText("\n".join(leg.address_lines))
        step.postcode.setText(leg.postcode)
        step.set_placeholders("devolved", leg.member_title, leg.post_nominal, leg.address_lines)
        step.manual_help.setText(members.recipient_help(leg.id, choice.result, choice.member, for_caller))
        step.manual_help.setVisible(True)
        self.recipient = Recipient(kind=RecipientKind.DEVOLVED)
        self._sender_postcode_edited()
        self.changed()
        if go_on and member is not None:
            self.view.go(3)
        elif go_on:
            self.view.go(2)
            step.full_name.setFocus()

    def _devolved_shown(self, choice: DevolvedChoice) -> None:
        """Writing to a devolved Member and the finder found the constituency: fill in the
        parliament's address (and the constituency in the help) straight away."""
        if self._loading or get_kind(self.kind_id).recipient_kind != RecipientKind.DEVOLVED:
            return
        self.use_devolved(choice, go_on=False)

    def refresh_members(self) -> None:
        """A new members list was imported: show it in the finder at once."""
        self.finder.refresh_members()

    def _audience(self) -> Audience:
        return Audience.VOLUNTEER if self.for_caller else Audience.PERSON

    def ready_to_leave(self) -> bool:
        """Before the words on screen are replaced (new letter, another letter, closing): save
        them, and if that fails, let the person choose to stay rather than lose them. A caller's
        letter that is not kept and was not printed or saved is only dropped if the volunteer says so."""
        if (
            self.for_caller
            and not self.keeping
            and not self._sent_out
            and self.view.write_step.body.toPlainText().strip()
        ):
            return self._go_on_anyway(
                "This letter is not kept",
                "This caller's letter has not been printed or saved, and no copy is kept. "
                "If you go on, it will be gone.",
            )
        self._commit_sender()
        if self.flush():
            self._drop_if_empty()
            return True
        return self._go_on_anyway(
            "Your letter is not saved",
            "The last changes to this letter could not be saved. If you go on, they will be lost.",
        )

    def _go_on_anyway(self, title: str, text: str) -> bool:
        """Ask before words are lost; the safe answer (No) is the default."""
        return self.prompts.go_on_anyway(title, text)

    def _worth_keeping(self, letter: Letter) -> bool:
        """A draft is kept once it has words of its own: text, a subject the person wrote, or a
        recipient typed by hand. Who it is from, or an MP found, is not yet a letter."""
        kind = get_kind(letter.kind)
        own_subject = letter.subject.strip() and letter.subject.strip() != kind.suggested_subject
        typed_recipient = kind.recipient_kind != RecipientKind.MP and bool(
            letter.recipient.display_name() or letter.recipient.address_lines
        )
        return bool(letter.body.strip() or own_subject or typed_recipient)

    def _drop_if_empty(self) -> None:
        """A letter started here and left with no words is not left behind in My letters."""
        if (
            self.letter_id is None
            or self.drafts is None
            or self._reopened
            or self._sent_out
            or self._worth_keeping(self.letter())
        ):
            return
        delete = getattr(self.drafts, "delete", None)
        if delete is None:
            return
        try:
            delete(self.letter_id)
        except Exception as exc:  # noqa: BLE001 - already gone, or the database is unavailable: nothing is lost
            log.warning("empty draft not deleted: %s", exc)
            return
        self.letter_id = None

    def reconnect(self, drafts: Drafts, profiles: ProfilesRepository) -> None:
        """The database is back (started fresh, restored, or tried again): save there from now
        on. The letter on screen may not be in that file, so its words are kept as a new letter."""
        self._drop_pending_saves()
        self.drafts = drafts
        self.sender_profiles.profiles = profiles
        self.sender_profiles.refresh()
        if self.letter_id is not None or self._dirty:
            self.letter_id = None
            self._dirty = True
            self.save_now()

    def letter_deleted(self, letter_id: int) -> None:
        """My letters deleted a letter: if it is the one on screen, it is gone here too."""
        if letter_id == self.letter_id:
            self._drop_pending_saves()
            self._dirty = False
            self.letter_id = None
            self.start_new(ask=False)
            self.view.saved.setText("That letter was deleted in My letters.")

    def everything_deleted(self) -> None:
        """After Delete everything: nothing of the old letters or saved details stays on screen."""
        self._drop_pending_saves()
        self._dirty = False
        self.letter_id = None
        self.sender_profiles.refresh()
        self.start_new(keep_sender=False)

    def _keep_always(self) -> None:
        """A letter opened from My letters is already kept, so it keeps being saved; its sender
        is its own, so no saved details are in use (editing it must not change a profile)."""
        self.keeping = True
        self.for_caller = False
        self._reopened = True
        self.view.keep_copy.hide()
        self.sender_profiles.for_caller = False
        self.sender_profiles.forget_choice()
        self.finder.set_for_caller(False)

    def _keep_toggled(self, keep: bool) -> None:
        self.keeping = keep
        if keep:
            self._dirty = True
            self.save_now()
            return
        self._drop_pending_saves()
        if self.letter_id is not None and self.drafts is not None:
            try:
                self.drafts.delete(self.letter_id)
            except Exception as exc:  # noqa: BLE001 - already gone, or the database is unavailable
                log.warning("caller's copy not deleted: %s", exc)
            self.letter_id = None
        self.view.saved.setText("This letter is not being kept; any copy in My letters has been deleted.")

    def load(self, letter: Letter, letter_id: int | None) -> None:
        """Show a letter (a new one, or a draft opened from My letters)."""
        self._drop_pending_saves()
        self._notice = ""
        self._loading = True
        try:
            self.letter_id = letter_id
            self.recipient = letter.recipient
            self._recipient_from_finder = False
            letter_form.fill(self.view, letter)
            self.set_kind(letter.kind, from_load=True)
            self.view.kind_step.set_kind(letter.kind)
        finally:
            self._loading = False
        self.output.clear_status()  # what was said about the last letter is not about this one
        self.view.recipient_step.reused.hide()
        self.sender_profiles.sync()
        self._check_sender_postcode()
        self._show_recipient()
        self.run_coach()

    def resume_latest_draft(self, letters: LettersRepository | None) -> bool:
        """Open the newest unfinished draft, so after a crash or a bad day the words are there."""
        if letters is None or self.drafts is None:
            return False
        try:
            newest = letters.list_page(LetterFilters(status=StatusFilter.DRAFT), 0, 1)
            if not newest:
                return False
            letter = self.drafts.load(newest[0].id)
        except Exception as exc:  # noqa: BLE001 - a damaged draft must not stop the writer from opening
            log.error("newest draft could not be reopened: %s", exc)
            return False
        self._keep_always()
        self.load(letter, newest[0].id)
        self.view.go(3)
        self.view.saved.setText("Your draft is open where you left it. “Start a new letter” begins another.")
        return True

    def open_letter(self, letter_id: int) -> bool:
        """Open a saved letter from My letters."""
        if self.drafts is None or not self.ready_to_leave():
            return False
        try:
            letter = self.drafts.load(letter_id)
        except Exception as exc:  # noqa: BLE001 - never lose the words on screen over a storage failure
            log.error("letter %s could not be opened: %s", letter_id, exc)
            self.prompts.problem(str(exc), "This letter could not be opened")
            return False
        self._keep_always()
        self.load(letter, letter_id)
        self.view.go(3)
        return True

    # Reading the form --------------------------------------------------------------------
    def form_sender(self) -> Sender:
        """The sender as the form shows it now (not QObject.sender(), which Qt uses)."""
        return letter_form.read_sender(self.view)

    def current_recipient(self) -> Recipient:
        if self.recipient.kind == RecipientKind.MP and get_kind(self.kind_id).recipient_kind == RecipientKind.MP:
            return self.recipient
        return letter_form.read_recipient(self.view, get_kind(self.kind_id).recipient_kind)

    def letter(self) -> Letter:
        return letter_form.read_letter(self.view, self.kind_id, self.current_recipient(), self.today())

    # Kind and recipient --------------------------------------------------------------------
    def set_kind(self, kind_id: str, from_load: bool = False) -> None:
        kind = get_kind(kind_id)
        self.kind_id = kind.id
        w = self.view.write_step
        w.show_fields(set(kind.fields))
        self._show_advice(kind)
        if not from_load:
            # The last kind's suggested subject gives way to this kind's; the person's own stays.
            subject = subject_for_kind(w.subject.text(), kind.id)
            if subject != w.subject.text():
                w.subject.setText(subject)
                w.subject.setCursorPosition(0)
        self.view.sender_step.set_note(sender_note(kind, self.for_caller))
        finder = kind.recipient_kind == RecipientKind.MP
        help_text = "" if finder else "Type the name and address exactly as they should appear on the envelope."
        member = kind.recipient_kind == RecipientKind.DEVOLVED
        if member:
            help_text = (
                "Type the postcode above to find the constituency, then choose or type the Member's name. "
                "Letters go to the parliament's own address."
            )
        self.view.recipient_step.use_finder(finder, help_text, devolved=member)
        self.view.recipient_step.set_placeholders(kind.recipient_kind)
        self.finder.refresh_members()  # its devolved button now fills in this letter, or starts one
        if not finder and self.recipient.kind == RecipientKind.MP:
            self.recipient = Recipient(kind=kind.recipient_kind)
        self._show_recipient()
        if not from_load:
            self.changed()

    def use_mp(self, candidate, move_on: bool = True) -> None:
        mp = candidate.mp
        self.recipient = Recipient(full_name=mp.name, position="MP", kind=RecipientKind.MP)
        self._recipient_from_finder = True
        self._recipient_nation = candidate.nation
        if get_kind(self.kind_id).recipient_kind != RecipientKind.MP:
            self.set_kind(KindId.MP_CAMPAIGN)
            self.view.kind_step.set_kind(KindId.MP_CAMPAIGN)
        else:
            self._sender_postcode_edited()
        self._show_recipient(f"MP for {candidate.constituency}")
        self.changed()
        if move_on:
            self.view.go(3)

    def _finder_shown(self, candidate, certain: bool) -> None:
        """One MP found for certain is the recipient (as if "Write to this MP" were pressed,
        so Next goes on with them); a seat that is only likely never is, and the recipient a
        finder result had set goes when the finder shows something else."""
        if get_kind(self.kind_id).recipient_kind != RecipientKind.MP:
            return
        if certain and candidate is not None and candidate.mp is not None:
            self.use_mp(candidate, move_on=False)
        elif self._recipient_from_finder and self.recipient.display_name():
            self.recipient = Recipient(kind=RecipientKind.MP)
            self._recipient_from_finder = False
            self._show_recipient()
            self.changed()

    def _finder_looked_up(self, result) -> None:
        """A real postcode found in step 3 corrects a sender's postcode that is not real."""
        postcode = self.view.sender_step.postcode.text()
        if not (result.postcode and postcode.strip() and is_known_postcode(result.postcode)):
            return
        if is_known_postcode(postcode) or not check_postcode(postcode).problem:
            return  # the sender's own postcode is real (or cannot be checked): it stays
        self.view.sender_step.postcode.setText(result.postcode)
        self._check_sender_postcode()
        whose = "The caller's" if self.for_caller else "Your"
        finder = self.view.recipient_step.find_mp
        finder.set_message(f"{finder.message.text()}\n\n{whose} postcode in step 2 is now {result.postcode} too.")
        self.changed()

    # The sender's postcode -------------------------------------------------------------------
    def _check_sender_postcode(self) -> None:
        check = check_postcode(self.view.sender_step.postcode.text(), self._audience())
        self.view.sender_step.show_postcode_check(check.problem, check.suggestions[0] if check.suggestions else "")

    def _recheck_sender_postcode(self, _text: str = "") -> None:
        """While a problem is shown, it goes as soon as the postcode is right (and only changes
        again when the person leaves the box)."""
        step = self.view.sender_step
        if step.postcode_check.isVisibleTo(step) and not check_postcode(step.postcode.text()).problem:
            step.show_postcode_check("")

    def _use_postcode_suggestion(self) -> None:
        step = self.view.sender_step
        suggestion = step.use_suggestion.property("postcode") or ""
        if suggestion:
            step.postcode.setText(suggestion)
            step.show_postcode_check("")
            step.postcode.setFocus()
            self.changed()

    def _step_changed(self, index: int) -> None:
        if self._step == 1 and index != 1:  # leaving 'From': save the details if ticked
            self._commit_sender()
            self._check_sender_postcode()
        self._step = index

    def _commit_sender(self) -> None:
        if not self.for_caller:  # a caller never becomes the volunteer's saved details
            self.sender_profiles.commit(self.form_sender())

    def _show_recipient(self, extra: str = "") -> None:
        label = self.view.recipient_step.chosen
        if self.recipient.kind == RecipientKind.MP and self.recipient.display_name():
            lines = "\n".join(self.recipient.block_lines())
            as_of = f"MP list correct as of {long_date(mp_list_as_of())}."
            label.setText(f"Writing to:\n{lines}" + (f"\n({extra})" if extra else "") + f"\n{as_of}")
        else:
            label.setText("")
        label.setVisible(bool(label.text()))

    # Advice for the writer's nation -----------------------------------------------------------
    def nation(self) -> str | None:
        """The writer's nation (a caller's, on the Helpline): from the sender's postcode, else
        from the MP or devolved Member chosen; None when nothing says."""
        found = nation_of_postcode(self.view.sender_step.postcode.text())
        if found is not None:
            return found.value
        if self.devolved_choice is not None and get_kind(self.kind_id).recipient_kind == RecipientKind.DEVOLVED:
            return self.devolved_choice.nation or None
        return self._recipient_nation

    def _show_advice(self, kind=None) -> None:
        """Tips, starter sentences and the 'who decides' note for the writer's nation."""
        kind = kind or get_kind(self.kind_id)
        nation = self.nation()
        caller = self.for_caller
        self._starters = nation_advice.starters(kind, nation)
        w = self.view.write_step
        w.set_starters([s.label for s in self._starters], [s.text for s in self._starters])
        w.tips.setText("\n\n".join(f"• {tip}" for tip in nation_advice.tips(kind, nation, caller)))
        w.nation_note.setText(nation_advice.writer_note(nation, caller))
        member = "MP"
        if kind.recipient_kind == RecipientKind.DEVOLVED:
            leg = devolved.legislature_for_nation(nation)
            member = leg.post_nominal if leg is not None else "Member"
        w.consent.setText(f"My {member} may share the details of my case with the NHS on my behalf")
        self._advice_nation = nation

    def _sender_postcode_edited(self, _text: str = "") -> None:
        if self.nation() != getattr(self, "_advice_nation", None):
            self._show_advice()

    def add_starter(self, row: int) -> None:
        kind = get_kind(self.kind_id)
        starters = getattr(self, "_starters", None) or list(kind.starters)
        if not 0 <= row < len(starters):
            return
        body = self.view.write_step.body
        cursor = body.textCursor()
        text = starters[row].text
        if body.toPlainText().strip() and not cursor.atBlockStart():
            text = "\n\n" + text
        cursor.insertText(text)
        body.setFocus()

    def _prefill_finder(self, index: int) -> None:
        """Opening 'To' with no MP chosen yet: look up the postcode typed under 'From'. With an
        MP the finder chose for an earlier postcode, and a postcode under 'From' that is now in
        another MP's constituency (the caller corrected their address): look it up again, so
        the letter goes to their MP, not quietly to the one found before."""
        if index != 2:
            return
        finder = self.view.recipient_step.find_mp
        postcode = self.view.sender_step.postcode.text().strip()
        if finder.isHidden() or not postcode:
            return
        recipient = self.current_recipient()
        moved = (
            self._recipient_from_finder
            and recipient.kind == RecipientKind.MP
            and bool(not_their_mp(postcode, recipient.display_name()))
        ) or (
            recipient.kind == RecipientKind.DEVOLVED
            and bool(not_their_parliament(postcode, recipient.position, recipient.postcode))
        )
        if moved or (not finder.postcode.text().strip() and not self.recipient.display_name()):
            finder.postcode.setText(postcode)
            finder.postcode.selectAll()  # typing a correction replaces it
            self.finder.find(postcode)

    def _check_nhs_number(self, text: str) -> None:
        problem = nhs_number_problem(text) if text.strip() else None
        self.view.write_step.nhs_number_problem.setText(problem or "")

    # As the person types -------------------------------------------------------------------
    def changed(self, *_args) -> None:
        if self._loading:
            return
        self._dirty = True
        self._generation += 1
        self._coach_timer.start()
        if self.drafts is not None and self.keeping:
            self._autosave.changed()
            self.view.saved.setText("Saving…")

    def run_coach(self) -> None:
        report = coach(self.letter())
        lines = []
        if report.reading_age is not None:
            lines.append(f"Reading age: about {report.reading_age}.")
        lines.extend(f"• {note.text}" for note in report.notes)
        self.view.write_step.coach.setText("\n\n".join(lines) or "Start writing and tips will appear here.")
        self.last_report = report

    # Saving --------------------------------------------------------------------------------
    def _snapshot(self) -> Letter | None:
        """The letter as it is on screen, if it is to be saved (GUI thread)."""
        if self.drafts is None or not self.keeping:
            return None
        letter = self.letter()
        # Typed details are saved as soon as there are any (a crash must not lose them); a
        # letter left with no words of its own is dropped when the person moves on.
        if self.letter_id is None and not (self._worth_keeping(letter) or letter.sender.name):
            self._dirty = False  # nothing worth keeping yet
            return None
        return letter

    @staticmethod
    def _store(drafts: Drafts, letter_id: int | None, letter: Letter) -> tuple[int, str]:
        """Write one save (any thread). A letter saved from somewhere else since it was read
        here is never written over: the words become a new letter ("stale")."""
        if letter_id is None:
            return drafts.save(None, letter), "saved"
        try:
            return drafts.save(letter_id, letter), "saved"
        except StaleLetterError:
            return drafts.save(None, letter), "stale"

    def autosave(self) -> None:
        """A save came due (see ``autosave.py``): read the form now, write in the background."""
        letter, drafts = self._snapshot(), self.drafts
        if letter is None or drafts is None:
            return
        letter_id = self.letter_id
        token = (self._epoch, self._generation, letter, letter_id)
        if not self._lane.submit(lambda: self._store(drafts, letter_id, letter), token):
            self._again = True  # one is still being written: save again as soon as it is done

    def _saved_in_background(self, outcome: Outcome) -> None:
        epoch, generation, letter, letter_id = outcome.token
        if epoch != self._epoch:
            return  # the letter on screen was replaced meanwhile; that save stands on its own
        if outcome.error is None:
            new_id, how = outcome.result
            self._saved(letter, new_id, how, generation)
        elif isinstance(outcome.error, LookupError) and letter_id is not None and letter_id == self.letter_id:
            self.letter_id = None  # deleted somewhere else: keep the words as a new letter
            self._notice = SAVED_AS_NEW["gone"]
            self._dirty = True
            self._again = True
        else:
            self._save_failed(outcome.error)
        if self._again:
            self._resume.start()

    def _save_again_if_needed(self) -> None:
        if self._again and not self._lane.busy:
            self._again = False
            self.autosave()

    def _saved(self, letter: Letter, letter_id: int, how: str, generation: int) -> None:
        self.letter_id = letter_id
        if generation == self._generation:
            self._dirty = False
        if how in SAVED_AS_NEW:
            self._notice = SAVED_AS_NEW[how]
        # Saved details change when the person moves on from step 2 (never while typing them);
        # a caller never becomes saved details.
        if self.view.tabs.currentIndex() != 1:
            try:
                self._commit_sender()
            except Exception as exc:  # noqa: BLE001 - the letter is saved; only the saved details are not
                log.error("sender details not remembered: %s", exc)
        saved = f"Draft saved at {dt.datetime.now():%H:%M}"
        self.view.saved.setText(f"{self._notice} {saved}" if self._notice else saved)
        self.letter_saved.emit(letter_id)

    def _save_failed(self, exc: BaseException) -> None:
        """A full or read-only disk must not lose the words on screen."""
        log.error("draft not saved: %s", exc)
        reason = f" {exc}" if isinstance(exc, DatabaseError) else ""
        self.view.saved.setText(
            f"Could not save the draft.{reason} Your words are still here; please keep the app open."
        )

    def _drop_pending_saves(self) -> None:
        """The letter on screen is about to be replaced or dropped: no save of it is still to come."""
        self._autosave.stop()
        self._resume.stop()
        self._again = False
        self._lane.wait()
        self._epoch += 1

    def save_now(self) -> int | None:
        """Save the draft now, before returning (closing the window, printing, a new letter)."""
        self._autosave.stop()
        self._resume.stop()
        self._again = False
        self._lane.wait()  # a save still being written finishes first
        letter, drafts = self._snapshot(), self.drafts
        if letter is None or drafts is None:
            return None
        generation = self._generation
        try:
            try:
                letter_id, how = self._store(drafts, self.letter_id, letter)
            except LookupError:
                if self.letter_id is None:
                    raise
                letter_id, how = self._store(drafts, None, letter)[0], "gone"
        except Exception as exc:  # noqa: BLE001 - a full or read-only disk must not lose the words on screen
            self._save_failed(exc)
            return None
        self._saved(letter, letter_id, how, generation)
        return self.letter_id

    def flush(self) -> bool:
        """Save now if anything is unsaved. True when nothing is left unsaved (a letter that is
        deliberately not kept counts as done)."""
        self._autosave.stop()
        self._lane.wait()
        if not self._dirty or self.drafts is None or not self.keeping:
            return True
        self.save_now()
        return not self._dirty

    def _keep_pdf(self, pdf: bytes, purpose: str) -> None:
        """Store the exact PDF printed or saved with the letter, so a re-print is identical."""
        self._sent_out = True
        self._commit_sender()
        if self.drafts is None or not self.keeping:
            return
        letter_id = self.save_now() or self.letter_id
        if letter_id is None:
            return
        try:
            self.drafts.store_pdf(letter_id, pdf, purpose)
        except Exception as exc:  # noqa: BLE001 - printed or saved all the same; only the kept copy failed
            log.error("copy of the %s letter not kept: %s", purpose, exc)
            self.view.print_step.status.setText(
                f"The letter was {purpose}, but a copy could not be kept in My letters."
            )

    # Kept as names on the controller: tests and the shell call them.
    def refresh_preview(self) -> bytes:
        return self.output.refresh_preview()

    def save_pdf(self, path: str | None = None) -> str | None:
        return self.output.save_pdf(path)

    def copy_text(self) -> str:
        return self.output.copy_text()

    def email_url(self):
        return self.output.email_url()

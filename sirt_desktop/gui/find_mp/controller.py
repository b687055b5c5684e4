"""Connects the 'Find my MP' view to the offline postcode and MP lookup in core."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.nations import HOUSE_OF_COMMONS_ADDRESS
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.representatives import messages, postcodes
from sirt_desktop.core.representatives.messages import Audience
from sirt_desktop.core.representatives.postcodes import Kind
from sirt_desktop.core.representatives.records import Candidate, LookupResult, Status
from sirt_desktop.gui.find_mp.view import FindMpView

_HINTS = {
    Kind.FULL: "",
    Kind.PARTIAL: "That is the first part of a postcode. Press Find to see the constituencies it covers, "
    "or type the rest.",
    Kind.NORTHERN_IRELAND: "That is a Northern Ireland postcode.",
    Kind.CROWN_DEPENDENCY: "That postcode is in Jersey, Guernsey or the Isle of Man.",
    Kind.NON_GEOGRAPHIC: "That is not a home postcode.",
}

# A result shown on its own (no list) only when it is certain; these statuses preselect the
# most likely seat, clearly marked as such.
_PRESELECT = (Status.FOUND, Status.UNKNOWN, Status.PARTIAL)


class FindMpController(QObject):
    """Emits ``chosen(Candidate)`` when the person picks an MP to write to, and
    ``devolved_chosen(str)`` (the nation) when they choose their MSP/MS/MLA instead."""

    chosen = Signal(object)
    devolved_chosen = Signal(str)

    def __init__(self, view: FindMpView, for_caller: bool = False) -> None:
        super().__init__(view)
        self.view = view
        self.audience = Audience.VOLUNTEER if for_caller else Audience.PERSON
        if for_caller:
            view.set_intro(
                "Type the caller's home postcode. The app looks it up on this computer; nothing is sent anywhere."
            )
        self.candidates: list[Candidate] = []
        self.current: Candidate | None = None
        self.last_result: LookupResult | None = None
        self._picked = False  # True once the person chose a seat themselves
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._run_search)
        view.postcode_edited.connect(self.on_postcode_edited)
        view.find_requested.connect(self.find)
        view.search_edited.connect(lambda _text: self._search_timer.start())
        view.candidate_selected.connect(self._picked_row)
        view.use_requested.connect(self.use_current)
        view.devolved_requested.connect(self._devolved)

    def reset(self) -> None:
        """Show nothing from the last search (the next caller must not see the last one's)."""
        view = self.view
        view.postcode.clear()
        view.search.clear()
        view.set_hint("")
        view.set_message("")
        view.hide_card()
        view.show_candidates([], "")
        self.last_result = None
        self.current = None
        self._picked = False

    # Typing ---------------------------------------------------------------------------
    def on_postcode_edited(self, text: str) -> None:
        """Check as the person types; a complete postcode is looked up straight away."""
        if not text.strip():
            self.view.set_hint("")
            return
        parsed = postcodes.classify(text)
        if parsed.kind == Kind.FULL:
            self.view.set_hint("")
            self.find(text)
        elif parsed.kind == Kind.INVALID:
            self.view.set_hint("Keep typing — a postcode looks like SO51 7AA.")
        else:
            self.view.set_hint(_HINTS.get(parsed.kind, ""))

    def find(self, text: str) -> LookupResult:
        result = representatives.lookup(text)
        self.last_result = result
        self._picked = False
        # The list below shows the seats, so the message does not read them all out as well.
        self.view.set_message(messages.message(result, self.audience, seats_listed=False))
        self.show_candidates(result.candidates, self._candidates_heading(result))
        if result.candidates and result.status in _PRESELECT:
            self.select(0)  # the most likely, clearly marked as such unless certain
        else:
            self.view.hide_card()
            self.current = None
        self.view.announce(messages.message(result, self.audience))
        return result

    def _candidates_heading(self, result: LookupResult) -> str:
        if result.status == Status.FOUND or not result.candidates:
            return ""
        return messages.choose_heading(result.status, self.audience)

    def show_candidates(self, candidates: list[Candidate], heading: str) -> None:
        self.candidates = list(candidates)
        # A single certain result is shown as the card alone, not as a list.
        lines = [messages.candidate_line(c) for c in self.candidates] if heading else []
        self.view.show_candidates(lines, heading)

    def _run_search(self) -> None:
        query = self.view.search.text().strip()
        if len(query) < 2:
            return
        found = representatives.search(query)
        if not found:
            self.view.set_message(
                f"No constituency or MP name contains “{query}”. Check the spelling, or try part of it."
            )
            self.show_candidates([], "")
            return
        self.view.set_message("")
        self.view.hide_card()
        self._picked = True
        self.show_candidates(found, f"Constituencies matching “{query}”:")

    # Choosing -------------------------------------------------------------------------
    def _picked_row(self, row: int) -> None:
        self._picked = True
        self.select(row)

    def select(self, row: int) -> None:
        if not 0 <= row < len(self.candidates):
            return
        candidate = self.candidates[row]
        self.current = candidate
        advice = messages.nation_advice(candidate.nation, self.audience) or ""
        as_of = f"MP list correct as of {long_date(representatives.mp_list_as_of())}."
        if candidate.vacant or candidate.mp is None:
            title = f"{candidate.constituency}: no MP at present"
            details = (
                f"The {candidate.constituency} seat ({candidate.nation}) is vacant, so there is no MP to "
                "write to until a new one is elected."
            )
            address = ""
            can_use = False
        else:
            mp = candidate.mp
            title = f"{mp.name} MP"
            if not self._certain(candidate):
                title = f"Most likely: {title}"
            details = f"{mp.party}\nMP for {candidate.constituency} ({candidate.nation})"
            address = f"Write to: {mp.name} MP, {HOUSE_OF_COMMONS_ADDRESS}"
            can_use = True
        self.view.show_card(
            title,
            details,
            address,
            advice,
            as_of,
            can_use,
            devolved=messages.write_to_devolved(candidate.nation, self.audience),
        )

    def _certain(self, candidate: Candidate) -> bool:
        """A seat is certain for a known postcode, or when the person picked it by name or
        from the list; otherwise it is only the most likely one and says so."""
        return self._picked or (self.last_result is not None and self.last_result.status == Status.FOUND)

    def use_current(self) -> None:
        if self.current is not None and self.current.mp is not None and not self.current.vacant:
            self.chosen.emit(self.current)

    def _devolved(self) -> None:
        if self.current is not None:
            self.devolved_chosen.emit(self.current.nation)

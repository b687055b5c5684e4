"""Connects the 'Find my MP' view to the offline postcode and MP lookup in core."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTimer, Signal

from sirt_desktop.core.representatives import postcodes
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.dates import long_date
from sirt_desktop.core.representatives.lookup import Candidate, LookupResult
from sirt_desktop.gui.find_mp.view import FindMpView

HOUSE_OF_COMMONS = "House of Commons, London SW1A 0AA"

DEVOLVED_MEMBER = {"Scotland": "MSP", "Wales": "MS", "Northern Ireland": "MLA"}

_HINTS = {
    "full": "",
    "partial": "That is the first part of a postcode. Press Find to see the constituencies it covers, "
    "or type the rest.",
    "northern_ireland": "That is a Northern Ireland postcode.",
    "crown_dependency": "That postcode is in Jersey, Guernsey or the Isle of Man.",
    "non_geographic": "That is not a home postcode.",
}


_LISTING = re.compile(r"constituencies: .*?\. The most likely is first\.")


def short_message(result: LookupResult) -> str:
    """The lookup's message without its list of seats: the list below shows them, and a
    volunteer reading the screen aloud on the phone should not say everything twice."""
    return _LISTING.sub("constituencies, listed below with the most likely first.", result.message)


# The lookup's messages speak to the person whose postcode it is; on the Helpline page they
# should speak to the volunteer about the caller.
_TO_VOLUNTEER = (
    ("Please choose yours", "Please choose the caller's"),
    ("If you are not sure which is yours", "If the caller is not sure which is theirs"),
    ("Your MP is", "Their MP is"),
    ("your home address", "the caller's home address"),
    ("your home postcode", "the caller's home postcode"),
    ("your full postcode", "the caller's full postcode"),
    ("your constituency", "the caller's constituency"),
    ("Your MSP", "Their MSP"),
    ("Your MS ", "Their MS "),
    ("Your MLA", "Their MLA"),
    ("You can still write to your MP", "They can still write to their MP"),
    ("please contact your elected representative", "they should contact their elected representative"),
)


def for_volunteer(text: str) -> str:
    for mine, theirs in _TO_VOLUNTEER:
        text = text.replace(mine, theirs)
    return text


def candidate_line(candidate: Candidate) -> str:
    """One line for the candidate list: seat, likelihood, MP."""
    parts = [candidate.constituency]
    if candidate.share is not None:
        percent = round(candidate.share * 100)
        parts.append(f"{percent}% of postcodes here" if percent >= 1 else "under 1% of postcodes here")
    if candidate.vacant or candidate.mp is None:
        parts.append("no MP at present (vacant seat)")
    else:
        parts.append(f"{candidate.mp.name} ({candidate.mp.party})")
    parts.append(candidate.nation)
    return " — ".join(parts)


class FindMpController(QObject):
    """Emits ``chosen(Candidate)`` when the person picks an MP to write to, and
    ``devolved_chosen(str)`` (the nation) when they choose their MSP/MS/MLA instead."""

    chosen = Signal(object)
    devolved_chosen = Signal(str)

    def __init__(self, view: FindMpView, for_caller: bool = False) -> None:
        super().__init__(view)
        self.view = view
        self.whose = "the caller's" if for_caller else "your"
        if for_caller:
            view.set_intro("Type the caller's home postcode. The app looks it up on this computer; "
                           "nothing is sent anywhere.")
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
        if parsed.kind == "full":
            self.view.set_hint("")
            self.find(text)
        elif parsed.kind == "invalid":
            self.view.set_hint("Keep typing — a postcode looks like SO51 7AA.")
        else:
            self.view.set_hint(_HINTS.get(parsed.kind, ""))

    def find(self, text: str) -> LookupResult:
        result = representatives.lookup(text)
        self.last_result = result
        self._picked = False
        message = short_message(result)
        self.view.set_message(for_volunteer(message) if self.whose != "your" else message)
        self.show_candidates(result.candidates, self._candidates_heading(result))
        if result.candidates and result.status in ("found", "unknown", "partial"):
            self.select(0)  # the most likely, clearly marked as such unless certain
        else:
            self.view.hide_card()
            self.current = None
        self.view.announce(result.message)
        return result

    def _candidates_heading(self, result: LookupResult) -> str:
        if result.status == "found" or not result.candidates:
            return ""
        if result.status == "northern_ireland":
            return f"Choose {self.whose} constituency from the 18 in Northern Ireland:"
        return f"Choose {self.whose} constituency (the most likely is first):"

    def show_candidates(self, candidates: list[Candidate], heading: str) -> None:
        self.candidates = list(candidates)
        # A single certain result is shown as the card alone, not as a list.
        lines = [candidate_line(c) for c in self.candidates] if heading else []
        self.view.show_candidates(lines, heading)

    def _run_search(self) -> None:
        query = self.view.search.text().strip()
        if len(query) < 2:
            return
        found = representatives.search(query)
        if not found:
            self.view.set_message(f"No constituency or MP name contains “{query}”. Check the spelling, or try part of it.")
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
        advice = representatives.nation_advice(candidate.nation) or ""
        if self.whose != "your":
            advice = for_volunteer(advice)
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
            address = f"Write to: {mp.name} MP, {HOUSE_OF_COMMONS}"
            can_use = True
        member = DEVOLVED_MEMBER.get(candidate.nation, "")
        whose = "my" if self.whose == "your" else self.whose
        self.view.show_card(title, details, address, advice, as_of, can_use,
                            devolved=f"{whose} {member}" if member else "")

    def _certain(self, candidate: Candidate) -> bool:
        """A seat is certain for a known postcode, or when the person picked it by name or
        from the list; otherwise it is only the most likely one and says so."""
        return self._picked or (self.last_result is not None and self.last_result.status == "found")

    def use_current(self) -> None:
        if self.current is not None and self.current.mp is not None and not self.current.vacant:
            self.chosen.emit(self.current)

    def _devolved(self) -> None:
        if self.current is not None:
            self.devolved_chosen.emit(self.current.nation)

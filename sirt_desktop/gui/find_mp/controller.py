"""Connects the 'Find my MP' view to the offline postcode and MP lookup in core."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from sirt_desktop.core.dates import long_date
from sirt_desktop.core.nations import HOUSE_OF_COMMONS_ADDRESS
from sirt_desktop.core.representatives import checks, devolved, members, messages, postcodes
from sirt_desktop.core.representatives import lookup as representatives
from sirt_desktop.core.representatives.devolved import (
    MOST_PEOPLE,
    MOST_POSTCODES,
    NO_LOOKUP,
    SCOTTISH_PARLIAMENT,
    DevolvedResult,
)
from sirt_desktop.core.representatives.members_csv import Member
from sirt_desktop.core.representatives.messages import Audience
from sirt_desktop.core.representatives.postcodes import Kind
from sirt_desktop.core.representatives.records import Candidate, LookupResult, Status
from sirt_desktop.gui.find_mp.view import FindMpView


@dataclass(frozen=True)
class DevolvedChoice:
    """'Write to a devolved Member': the nation, what is known of the person's devolved
    constituency (None if nothing), and the imported Member chosen (None: the person types a name)."""

    nation: str
    result: DevolvedResult | None = None
    member: Member | None = None


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
    ``devolved_chosen(DevolvedChoice)`` when they choose to write to a devolved Member.

    ``shown(candidate, certain)`` follows the card: the seat shown (None when no card), and
    whether it is certain (a known postcode, or a seat the person picked) with an MP to write
    to. ``looked_up(result)`` follows each postcode lookup."""

    chosen = Signal(object)
    devolved_chosen = Signal(object)
    devolved_shown = Signal(object)  # a DevolvedChoice (no Member) each time the devolved section changes
    shown = Signal(object, bool)
    looked_up = Signal(object)

    def __init__(self, view: FindMpView, for_caller: bool = False) -> None:
        super().__init__(view)
        self.view = view
        self.audience = Audience.PERSON
        self.set_for_caller(for_caller)
        self.candidates: list[Candidate] = []
        self.current: Candidate | None = None
        self.last_result: LookupResult | None = None
        self._picked = False  # True once the person chose a seat themselves
        self.devolved_base: DevolvedResult | None = None  # what the postcode or seat says
        self.devolved_current: DevolvedResult | None = None  # the person's constituency, once known
        self._devolved_rows: list = []  # the options shown, after the search
        self._member_rows: list[Member] = []
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
        view.suggestion_requested.connect(self.use_suggestion)
        view.devolved_search_edited.connect(lambda _text: self._show_devolved())
        view.devolved_option_selected.connect(self._devolved_option)
        view.devolved_write_requested.connect(self._devolved)

    def set_for_caller(self, for_caller: bool) -> None:
        """Word everything for a helpline volunteer about their caller, or for the person."""
        self.audience = Audience.VOLUNTEER if for_caller else Audience.PERSON
        self.view.set_for_caller(for_caller)

    def reset(self) -> None:
        """Show nothing from the last search (the next caller must not see the last one's)."""
        view = self.view
        view.postcode.clear()
        view.search.clear()
        view.set_hint("")
        view.set_message("")
        view.show_suggestion("")
        view.show_candidates([], "")
        view.show_search_results([], "")
        self.last_result = None
        self._picked = False
        self._hide_card()
        view.devolved.search.clear()
        self._set_devolved(None)

    def _hide_card(self) -> None:
        self.view.hide_card()
        self.current = None
        self.shown.emit(None, False)

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
            suggestions = checks.suggest_postcodes(text)
            self.view.set_hint(
                messages.did_you_mean(suggestions) if suggestions else "Keep typing — a postcode looks like SO51 7AA."
            )
            self.view.show_suggestion(suggestions[0] if suggestions else "")
        else:
            self.view.set_hint(_HINTS.get(parsed.kind, ""))

    def find(self, text: str) -> LookupResult:
        result = representatives.lookup(text)
        self.last_result = result
        self._picked = False
        # One message at a time: the result replaces the hint given while typing. The list
        # below shows the seats, so the message does not read them all out as well.
        self.view.set_hint("")
        self.view.set_message(messages.message(result, self.audience, seats_listed=False))
        self.view.show_suggestion(result.suggestions[0] if result.suggestions else "")
        self.view.place_card(under_search=False)
        self.show_candidates(result.candidates, self._candidates_heading(result))
        self.view.show_search_results([], "")
        self.view.devolved.search.clear()
        self._set_devolved(result.devolved)
        if result.candidates and result.status in _PRESELECT:
            self.select(0)  # the most likely, clearly marked as such unless certain
        else:
            self._hide_card()
        self.view.announce(messages.message(result, self.audience))
        self.looked_up.emit(result)
        return result

    def use_suggestion(self, postcode: str) -> None:
        """ "Did you mean SO51 7AA?" — yes: look that one up instead."""
        if postcode:
            self.view.postcode.setText(postcode)
            self.find(postcode)
            # The button pressed has gone: the focus goes to what was found, not on past it.
            self.view.focus_result()

    def _candidates_heading(self, result: LookupResult) -> str:
        if result.status == Status.FOUND or not result.candidates:
            return ""
        return messages.choose_heading(result.status, self.audience)

    def show_candidates(self, candidates: list[Candidate], heading: str, searched: bool = False) -> None:
        """The seats to choose from: a postcode's (below the postcode), or a search's (below
        the search box; the postcode's list then goes, as its rows are no longer the ones chosen)."""
        self.candidates = list(candidates)
        # A single certain result is shown as the card alone, not as a list.
        lines = [messages.candidate_line(c) for c in self.candidates] if heading else []
        if searched:
            self.view.show_candidates([], "")
            self.view.show_search_results(lines, heading)
        else:
            self.view.show_candidates(lines, heading)

    def _run_search(self) -> None:
        query = self.view.search.text().strip()
        if len(query) < 2:
            return
        found = representatives.search(query)
        self.view.show_suggestion("")
        if not found:
            self.view.set_message("")  # the answer is below the search box, not the last lookup's
            self.show_candidates([], "", searched=True)
            self.view.show_search_results(
                [], "", f"No constituency or MP name contains “{query}”. Check the spelling, or try part of it."
            )
            return
        self.view.set_message("")
        self._hide_card()
        self._picked = True
        self._set_devolved(None)
        self.view.place_card(under_search=True)
        self.show_candidates(found, messages.describe_search(query, found), searched=True)

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
            details = (
                f"{mp.party}\nMP for {candidate.constituency} ({candidate.nation})"
                if mp.party
                else (f"MP for {candidate.constituency} ({candidate.nation})")
            )
            address = f"Write to: {mp.name} MP, {HOUSE_OF_COMMONS_ADDRESS}"
            can_use = True
        self._seat_chosen(candidate)
        # The devolved section below has its own button, with the constituency and the names.
        offer = "" if self.devolved_base is not None else messages.write_to_devolved(candidate.nation, self.audience)
        self.view.show_card(title, details, address, advice, as_of, can_use, devolved=offer)
        self.shown.emit(candidate, can_use and self._certain(candidate))

    def _certain(self, candidate: Candidate) -> bool:
        """A seat is certain for a known postcode, or when the person picked it by name or
        from the list; otherwise it is only the most likely one and says so."""
        return self._picked or (self.last_result is not None and self.last_result.status == Status.FOUND)

    def certain_choice(self) -> Candidate | None:
        """The seat on the card if it is certain and has an MP to write to, else None."""
        c = self.current
        if c is not None and c.mp is not None and not c.vacant and self._certain(c):
            return c
        return None

    def use_current(self) -> None:
        if self.current is not None and self.current.mp is not None and not self.current.vacant:
            self.chosen.emit(self.current)

    def _devolved(self) -> None:
        """Write to a devolved Member: the constituency if known, and the Member picked, if any."""
        found = self.devolved_current or self.devolved_base
        nation = found.legislature.nation if found is not None else (self.current.nation if self.current else "")
        if not nation:
            return
        member = None
        row = self.view.devolved.members.currentRow()
        if self.devolved_current is not None and 0 <= row < len(self._member_rows):
            member = self._member_rows[row]
        self.devolved_chosen.emit(DevolvedChoice(nation, found, member))

    # The devolved constituency ----------------------------------------------------------
    def _set_devolved(self, found: DevolvedResult | None) -> None:
        self.devolved_base = found
        self.devolved_current = found if found is not None and found.certain else None
        self._show_devolved()

    def _seat_chosen(self, candidate: Candidate) -> None:
        """A Westminster seat the person chose (or the only one): in Wales it gives the Senedd
        constituency; in Northern Ireland the Assembly constituencies it overlaps."""
        base = self.devolved_base
        if not self._certain(candidate):
            return  # only the most likely seat: the postcode's own answer stays
        if base is not None and base.certain and base.legislature.nation == candidate.nation:
            return  # the postcode already said (and in Wales checked it against the Senedd's list)
        if candidate.nation == "Scotland" and base is not None and base.legislature.nation == "Scotland":
            return  # the person's own choice from the 73 stays
        self.view.devolved.search.clear()
        self._set_devolved(devolved.for_westminster_seat(candidate.gss_code, candidate.nation, candidate.constituency))

    def _devolved_option(self, row: int) -> None:
        if 0 <= row < len(self._devolved_rows):
            self.devolved_current = devolved.chosen(self._devolved_rows[row].area.code)
            self._show_devolved(keep_options=True)

    def refresh_members(self) -> None:
        """A members list was imported: show its names."""
        self._show_devolved(keep_options=True)

    def _show_devolved(self, keep_options: bool = False) -> None:
        panel = self.view.devolved
        base, current = self.devolved_base, self.devolved_current
        # The person's constituency, once known (a current answer is always a certain one).
        chosen_area = current.constituency if current is not None else None
        if base is None:
            self._devolved_rows, self._member_rows = [], []
            panel.hide()
            return
        caller = self.audience == Audience.VOLUNTEER
        leg = base.legislature
        whose = "The caller's" if caller else "Your"
        shown = current if current is not None else base
        message = shown.message(caller)
        if current is not None and current is not base:
            message = current.message(caller)
        searchable = len(base.options) > 8
        if not keep_options:
            query = panel.search.text().strip() if searchable else ""
            if query:  # best matches first: names that start with it, then the rest, then by region
                by_code = {o.area.code: o for o in base.options}
                self._devolved_rows = [by_code[a.code] for a in devolved.search(leg.id, query) if a.code in by_code]
            else:
                self._devolved_rows = list(base.options)
        options = [self._option_line(o, base) for o in self._devolved_rows]
        codes = [o.area.code for o in self._devolved_rows]
        current_row = codes.index(chosen_area.code) if chosen_area is not None and chosen_area.code in codes else -1
        heading = ""
        query = panel.search.text().strip() if searchable else ""
        if options and query:
            heading = f"{leg.short_name} constituencies matching “{query}” (best match first):"
        elif options:
            if base.order == MOST_PEOPLE:
                heading = f"Choose {whose.lower()} Assembly constituency (most people first):"
            elif base.order == MOST_POSTCODES:
                heading = f"Choose {whose.lower()} {leg.short_name} constituency (the most likely is first):"
            elif base.basis == NO_LOOKUP:
                heading = f"Choose {whose.lower()} {leg.short_name} constituency (in alphabetical order):"
            else:
                heading = f"Choose {whose.lower()} {leg.short_name} constituency:"
        elif searchable:
            heading = "No constituency matches that search."
        self._member_rows = members.members_for(current)
        member_lines = [self._member_line(m, current) for m in self._member_rows] if current is not None else []
        members_heading = ""
        names_help = ""
        list_date = members.list_date(leg.id)
        if member_lines and chosen_area is not None:  # Members are only found for a named constituency
            members_heading = (
                f"{leg.member_title_plural} for {chosen_area.name} "
                f"(from the official list of {long_date(list_date)}). Choose one:"
            )
        elif list_date is None:
            names_help = members.where_names_are(leg.id, caller)
        elif current is None:
            names_help = f"Choose the constituency to see its {leg.member_title_plural}."
        # Always offered: someone who does not know their constituency can still type a name.
        if not self.view.mp_card_allowed():  # already writing to a Member: this fills in the letter
            button = f"Use this {leg.post_nominal}" if member_lines else "Use this constituency"
        else:
            button = f"Write to this {leg.post_nominal}" if member_lines else f"Write to {_a(leg.member_title)}"
        panel.search.setPlaceholderText(
            "part of the name, or the region" if leg.id == SCOTTISH_PARLIAMENT else "part of the name"
        )
        panel.show_result(
            f"{whose} {leg.short_name} constituency",
            message,
            searchable and base.basis == NO_LOOKUP,
            heading,
            options,
            current_row,
            members_heading,
            member_lines,
            names_help,
            button,
        )
        self.devolved_shown.emit(DevolvedChoice(leg.nation, current or base))

    @staticmethod
    def _option_line(option, base: DevolvedResult) -> str:
        parts = [option.area.name]
        if option.share is not None:
            share = devolved.percent(option.share)
            parts.append(f"about {share} of its people" if base.order == MOST_PEOPLE else f"{share} of postcodes here")
        region = devolved.region_of(option.area)
        if region is not None:
            parts.append(f"{region.name} region")
        return " — ".join(parts)

    @staticmethod
    def _member_line(member: Member, current: DevolvedResult) -> str:
        role = ""
        if current.legislature.id == SCOTTISH_PARLIAMENT:
            seat = current.constituency
            role = "constituency MSP" if seat is not None and member.code == seat.code else "regional MSP"
        return " — ".join(p for p in (member.name, member.party, role) if p)


def _a(title: str) -> str:
    return ("an " if title[:1] in "AEIOU" else "a ") + title

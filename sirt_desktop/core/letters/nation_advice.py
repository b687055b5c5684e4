"""Advice that fits the writer's nation: tips, starter sentences, who decides, and where funding stands.

Health is devolved. NHS England's policy on SIRT, the UK Health Secretary and England's
individual funding requests concern England; in Scotland, Wales and Northern Ireland other
bodies decide. So the writer's tips and starters follow the nation of the sender's postcode
(a helpline caller's, on the Helpline): an English writer sees England's, and nobody is told
about NHS England's policy as if it were theirs.

The kinds in ``kinds`` carry England's tips and starters. For Scotland, Wales and Northern
Ireland this module drops every tip or starter that speaks of England's bodies and adds the
nation's own, in front. The facts come from the project's fact base (FACTS.md, researched
2026-12-01): section 6 (funding routes) and section 10 (who represents whom); where it is
uncertain, the words say so. Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from sirt_desktop.core.letters.kinds import KindId, LetterKind, Starter
from sirt_desktop.core.nations import Nation, nation_of

#: Words that mark a tip or starter as being about England's NHS bodies or ministers.
ENGLAND_MARKERS = (
    "nhs england",
    "health secretary",
    "england",
    "department of health and social care",
    "dhsc",
    "integrated care board",
    "icb",
    "individual funding request",
    "ifr",
)

CHECKED = "December 2026"  # when the fact base last looked for each nation's decision


@dataclass(frozen=True)
class Words:
    """One text for the writer ("your health board") and one for a helpline volunteer about
    the caller ("the caller's health board")."""

    person: str
    volunteer: str

    def for_(self, caller: bool) -> str:
        return self.volunteer if caller else self.person


def _both(template: str) -> Words:
    """A sentence with {your}/{Your} in both forms ("your" / "the caller's"): only for sentences
    where the possessive changes and nothing else does."""
    return Words(
        template.format(your="your", Your="Your"),
        template.format(your="the caller's", Your="The caller's"),
    )


_REPLY_FORMAT = _both(
    "If replies are needed in large print, by email or in another format, choose it, and the letter asks for it."
)


@dataclass(frozen=True)
class NationAdvice:
    nation: Nation
    who_decides: Words
    funding: Words
    health_minister: str  # whom a member can ask, without a name (the holders after May 2026 are unconfirmed)
    funding_request: str  # the nation's name for a clinician's request for treatment not routinely funded
    tips: dict[KindId, tuple[Words, ...]]
    starters: dict[KindId, tuple[Starter, ...]]


_ENGLAND = NationAdvice(
    Nation.ENGLAND,
    _both(
        "In England, NHS England decides which specialised treatments, such as SIRT, are funded across "
        "the country. The Health Bill 2026 plans to pass this to the Department of Health and Social Care "
        "(with most specialised services bought by local integrated care boards); it was still going "
        "through Parliament in July 2026. {Your} MP can press the UK Health Secretary and the health ministers."
    ),
    _both(
        "England: NHS England's policy statement says SIRT is not routinely funded for neuroendocrine "
        "tumours that have spread to the liver. NICE said on 16 May 2024 (IPG786) that SIRT can be used for "
        "them, but NICE guidance on procedures does not decide funding. Before June 2025 NHS England said it "
        f"was developing a national policy; no decision had been found by {CHECKED}. Only a clinician can "
        "make an individual funding request."
    ),
    "the UK Health Secretary",
    "an individual funding request (IFR)",
    {},
    {},
)

_SCOTLAND = NationAdvice(
    Nation.SCOTLAND,
    _both(
        "In Scotland, health is devolved: NHS Scotland is run by the Scottish Government through 14 "
        "health boards, and {your} health board decides on treatment that is not routinely available. "
        "The Scottish Health Technologies Group (SHTG) advises on procedures such as SIRT. {Your} MSPs (one "
        "for the constituency, seven for the region) can raise it with the health Cabinet "
        "Secretary in the Scottish Government. {Your} MP can still help, though NHS Scotland answers to the "
        "Scottish Parliament, not to Westminster."
    ),
    _both(
        f"Scotland: no SHTG advice or health board decision on SIRT for neuroendocrine tumours was found "
        f"(checked {CHECKED}). SIRT is used in Scotland for primary liver cancer, after SHTG advice reported in "
        "February 2023. For neuroendocrine tumours the route is an individual patient treatment request "
        "(IPTR) to {your} health board, made by {your} clinician. Treatment in England can sometimes be "
        "funded through National Services Scotland, but it is not clear that this fits SIRT for these "
        "tumours: {your} NET team would know."
    ),
    "the health Cabinet Secretary in the Scottish Government",
    "an individual patient treatment request (IPTR) to the health board",
    {
        KindId.MP_CAMPAIGN: (
            _both(
                "Health is devolved: in Scotland NHS funding is decided by the Scottish Government and the "
                "health boards, so {your} MSPs are usually better placed than {your} MP to press for it."
            ),
            _both(
                "In a letter to the MP, ask one thing: that they raise SIRT for neuroendocrine tumours with "
                "the health Cabinet Secretary in the Scottish Government, or back {your} MSPs in doing so."
            ),
        ),
        KindId.MP_MY_CASE: (
            _both(
                "In Scotland a request for treatment that is not routinely funded goes to {your} health board "
                "as an individual patient treatment request (IPTR), made by {your} clinician."
            ),
            _both("Ask one thing, for example that the MP contacts {your} health board or hospital about {your} case."),
        ),
        KindId.CLINICIAN: (
            _both(
                "Only a clinician can ask for treatment that is not routinely funded: in Scotland this is an "
                "individual patient treatment request (IPTR) to the health board."
            ),
            _both(
                "Ask one thing. For example: that {your} case is discussed at the NET multidisciplinary team "
                "(MDT) meeting, a referral to a centre that offers SIRT, or an IPTR."
            ),
            _REPLY_FORMAT,
        ),
        KindId.IFR_STATEMENT: (
            _both(
                "In Scotland the request is an individual patient treatment request (IPTR) to the health "
                "board; {your} statement goes with it. Ask the clinician if a statement would help."
            ),
        ),
        KindId.MP_FOLLOW_UP: (
            _both(
                "Ask one thing: a reply, or that the MP writes to the health Cabinet Secretary in the Scottish Government "
                "about SIRT for neuroendocrine tumours."
            ),
        ),
        KindId.DEVOLVED_REP: (
            _both(
                "Health is devolved: {your} MSPs (one for the constituency, seven for the region) can ask the "
                "health Cabinet Secretary in the Scottish Government about SIRT, in writing or in Parliament."
            ),
            _both("Write to one MSP; the letter goes to The Scottish Parliament, Edinburgh EH99 1SP."),
        ),
    },
    {
        KindId.MP_CAMPAIGN: (
            Starter(
                "The funding gap",
                "In Scotland, SIRT is used for primary liver cancer, but I know of no "
                "routine NHS Scotland funding of it for neuroendocrine tumours: my clinician would have to "
                "make an individual patient treatment request to my health board.",
            ),
            Starter(
                "My request",
                "Please write to the health Cabinet Secretary in the Scottish Government asking how people "
                "in Scotland with neuroendocrine tumours in the liver can get SIRT on the NHS.",
            ),
        ),
        KindId.MP_MY_CASE: (
            Starter(
                "My request",
                "Please take up my case with my health board and ask why I cannot have the "
                "treatment my doctors recommend.",
            ),
        ),
        KindId.CLINICIAN: (
            Starter(
                "Ask for an IPTR",
                "If SIRT is suitable, would you be willing to make an individual patient "
                "treatment request to the health board on my behalf?",
            ),
        ),
        KindId.MP_FOLLOW_UP: (
            Starter(
                "Ask to write to the Minister",
                "Please write to the health Cabinet Secretary in the Scottish Government "
                "asking when NHS Scotland will decide on funding SIRT for neuroendocrine tumours in the liver.",
            ),
        ),
        KindId.DEVOLVED_REP: (
            Starter(
                "My request",
                "Please ask the health Cabinet Secretary in the Scottish Government how people in Scotland "
                "with neuroendocrine tumours in the liver can get SIRT on the NHS, and whether the Scottish "
                "Health Technologies Group will look at it.",
            ),
        ),
    },
)

_WALES = NationAdvice(
    Nation.WALES,
    _both(
        "In Wales, health is devolved: NHS Wales is run by the Welsh Government through the health boards, "
        "and specialised services such as SIRT are commissioned for all of Wales by the NHS Wales Joint "
        "Commissioning Committee (JCC), which took over from WHSSC on 1 April 2024. {Your} six Members of "
        "the Senedd can raise it with the Welsh Government's health minister. {Your} MP can still help, "
        "though NHS Wales answers to the Senedd, not to Westminster."
    ),
    _both(
        f"Wales: no NHS Wales decision to fund SIRT routinely for neuroendocrine tumours was found (checked "
        f"{CHECKED}). SIRT is used in Wales for primary liver cancer (NICE TA688 applies in Wales). For "
        "neuroendocrine tumours the route is an Individual Patient Funding Request (IPFR), made by {your} "
        "clinician and decided by an all-Wales panel; since 2017 it asks for significant clinical benefit and "
        "reasonable value for money, not for the case to be exceptional. How a patient from Wales is referred "
        "and funded for SIRT in England is not clear: the NET team or the JCC would know."
    ),
    "the Welsh Government's health minister",
    "an Individual Patient Funding Request (IPFR)",
    {
        KindId.MP_CAMPAIGN: (
            _both(
                "Health is devolved: in Wales NHS funding is decided by the Welsh Government, the health boards "
                "and the NHS Wales Joint Commissioning Committee, so {your} Members of the Senedd are usually "
                "better placed than {your} MP to press for it."
            ),
            _both(
                "In a letter to the MP, ask one thing: that they raise SIRT for neuroendocrine tumours with "
                "the Welsh Government's health minister, or back {your} Members of the Senedd in doing so."
            ),
        ),
        KindId.MP_MY_CASE: (
            _both(
                "In Wales a request for treatment that is not routinely funded is an Individual Patient Funding "
                "Request (IPFR), made by {your} clinician and decided by an all-Wales panel."
            ),
            _both("Ask one thing, for example that the MP contacts {your} health board or hospital about {your} case."),
        ),
        KindId.CLINICIAN: (
            _both(
                "Only a clinician can ask for treatment that is not routinely funded: in Wales this is an "
                "Individual Patient Funding Request (IPFR), decided by an all-Wales panel."
            ),
            _both(
                "Ask one thing. For example: that {your} case is discussed at the NET multidisciplinary team "
                "(MDT) meeting, a referral to a centre that offers SIRT, or an IPFR."
            ),
            _REPLY_FORMAT,
        ),
        KindId.IFR_STATEMENT: (
            _both(
                "In Wales the request is an Individual Patient Funding Request (IPFR); the panel looks at "
                "clinical evidence only. Ask the clinician if a statement would help."
            ),
        ),
        KindId.MP_FOLLOW_UP: (
            _both(
                "Ask one thing: a reply, or that the MP writes to the Welsh Government's health minister about "
                "SIRT for neuroendocrine tumours."
            ),
        ),
        KindId.DEVOLVED_REP: (
            _both(
                "Health is devolved: {your} six Members of the Senedd can ask the Welsh Government's health "
                "minister about SIRT, in writing or in the Senedd, and ask what the Joint Commissioning "
                "Committee will do."
            ),
            _both("Write to one of the six; the letter goes to Senedd Cymru, Cardiff Bay, Cardiff CF99 1SN."),
        ),
    },
    {
        KindId.MP_CAMPAIGN: (
            Starter(
                "The funding gap",
                "In Wales, SIRT is used for primary liver cancer, but I know of no routine "
                "NHS Wales funding of it for neuroendocrine tumours: my clinician would have to make an "
                "Individual Patient Funding Request.",
            ),
            Starter(
                "My request",
                "Please write to the Welsh Government's health minister asking how people in "
                "Wales with neuroendocrine tumours in the liver can get SIRT on the NHS.",
            ),
        ),
        KindId.MP_MY_CASE: (
            Starter(
                "My request",
                "Please take up my case with my health board and ask why I cannot have the "
                "treatment my doctors recommend.",
            ),
        ),
        KindId.CLINICIAN: (
            Starter(
                "Ask for an IPFR",
                "If SIRT is suitable, would you be willing to make an Individual Patient Funding Request on my behalf?",
            ),
        ),
        KindId.MP_FOLLOW_UP: (
            Starter(
                "Ask to write to the Minister",
                "Please write to the Welsh Government's health minister "
                "asking when NHS Wales will decide on funding SIRT for neuroendocrine tumours in the liver.",
            ),
        ),
        KindId.DEVOLVED_REP: (
            Starter(
                "My request",
                "Please ask the Welsh Government's health minister how people in Wales with "
                "neuroendocrine tumours in the liver can get SIRT on the NHS, and whether the NHS Wales "
                "Joint Commissioning Committee will look at it.",
            ),
        ),
    },
)

_NORTHERN_IRELAND = NationAdvice(
    Nation.NORTHERN_IRELAND,
    _both(
        "In Northern Ireland, health and social care is run by the Department of Health and its Minister of "
        "Health; its Strategic Planning and Performance Group took over the work of the Health and Social "
        "Care Board in 2022. NICE guidance does not apply there by itself: Northern Ireland's ministers "
        "decide how it applies. {Your} five MLAs can raise SIRT with the Minister of Health. {Your} MP can "
        "still help, though health and social care there answers to the Assembly, not to Westminster."
    ),
    _both(
        f"Northern Ireland: no decision on SIRT for neuroendocrine tumours was found (checked {CHECKED}), and "
        "no hospital in Northern Ireland offering SIRT was found, so treatment would probably mean a centre in "
        "Great Britain. A consultant (not a GP) can ask for this through an Extra-Contractual Referral (ECR); "
        "if it is approved, the treatment is paid for and help with travel is given. How individual funding "
        "requests work in Northern Ireland now could not be confirmed: {your} consultant would know."
    ),
    "the Minister of Health in Northern Ireland",
    "an Extra-Contractual Referral (ECR) by the consultant, or an individual funding request",
    {
        KindId.MP_CAMPAIGN: (
            _both(
                "Health is devolved: in Northern Ireland it is run by the Department of Health, so {your} MLAs "
                "are usually better placed than {your} MP to press for it."
            ),
            _both(
                "In a letter to the MP, ask one thing: that they raise SIRT for neuroendocrine tumours with "
                "the Minister of Health in Northern Ireland, or back {your} MLAs in doing so."
            ),
        ),
        KindId.MP_MY_CASE: (
            _both(
                "In Northern Ireland, treatment outside Northern Ireland is asked for by a consultant through "
                "an Extra-Contractual Referral (ECR); GPs cannot refer outside Northern Ireland."
            ),
            _both(
                "Ask one thing, for example that the MP contacts the Department of Health or {your} hospital "
                "about {your} case."
            ),
        ),
        KindId.CLINICIAN: (
            _both(
                "Only a consultant can ask for treatment outside Northern Ireland, through an Extra-Contractual "
                "Referral (ECR); a GP cannot refer there directly."
            ),
            _both(
                "Ask one thing. For example: that {your} case is discussed at the NET multidisciplinary team "
                "(MDT) meeting, or a referral to a centre in Great Britain that offers SIRT."
            ),
            _REPLY_FORMAT,
        ),
        KindId.IFR_STATEMENT: (
            _both(
                "In Northern Ireland the request may be an individual funding request or an Extra-Contractual "
                "Referral; the process could not be confirmed, so ask the consultant which it is."
            ),
        ),
        KindId.MP_FOLLOW_UP: (
            _both(
                "Ask one thing: a reply, or that the MP writes to the Minister of Health in Northern Ireland "
                "about SIRT for neuroendocrine tumours."
            ),
        ),
        KindId.DEVOLVED_REP: (
            _both(
                "Health is devolved: {your} five MLAs can ask the Minister of Health about SIRT, in writing or "
                "in the Assembly."
            ),
            _both(
                "Write to one of the five; the letter goes to the Northern Ireland Assembly, Parliament "
                "Buildings, Ballymiscaw, Stormont, Belfast BT4 3XX."
            ),
        ),
    },
    {
        KindId.MP_CAMPAIGN: (
            Starter(
                "What NICE said",
                "On 16 May 2024 NICE published guidance (IPG786) saying that SIRT can be "
                "used for neuroendocrine tumours that have spread to the liver. In Northern Ireland, "
                "ministers decide how NICE guidance applies.",
            ),
            Starter(
                "The funding gap",
                "I know of no routine funding of SIRT for neuroendocrine tumours in "
                "Northern Ireland, and no hospital here that offers it, so my consultant would have to ask "
                "for an Extra-Contractual Referral to a centre in Great Britain.",
            ),
            Starter(
                "My request",
                "Please write to the Minister of Health asking how people in Northern Ireland "
                "with neuroendocrine tumours in the liver can get SIRT.",
            ),
        ),
        KindId.MP_MY_CASE: (
            Starter(
                "My request",
                "Please take up my case with the Department of Health and ask why I cannot "
                "have the treatment my doctors recommend.",
            ),
        ),
        KindId.CLINICIAN: (
            Starter(
                "Ask for a referral",
                "Please could you ask for an Extra-Contractual Referral to a centre in "
                "Great Britain that offers SIRT, for an assessment?",
            ),
        ),
        KindId.MP_FOLLOW_UP: (
            Starter(
                "Ask to write to the Minister",
                "Please write to the Minister of Health in Northern Ireland "
                "asking how people here with neuroendocrine tumours in the liver can get SIRT.",
            ),
        ),
        KindId.DEVOLVED_REP: (
            Starter(
                "What NICE said",
                "NICE guidance from 16 May 2024 (IPG786) says that SIRT can be used for "
                "neuroendocrine tumours that have spread to the liver. In Northern Ireland, ministers decide "
                "how NICE guidance applies.",
            ),
            Starter(
                "My request",
                "Please ask the Minister of Health how people in Northern Ireland with "
                "neuroendocrine tumours in the liver can get SIRT, and whether referrals to centres in Great "
                "Britain will be funded.",
            ),
        ),
    },
)

ADVICE: dict[Nation, NationAdvice] = {a.nation: a for a in (_ENGLAND, _SCOTLAND, _WALES, _NORTHERN_IRELAND)}

_UNKNOWN_NOTE = _both(
    "These tips are for England. Health is run differently in Scotland, Wales and Northern Ireland: "
    "type {your} postcode under From to see the advice for {your} nation."
)


def advice_for(nation: str | None) -> NationAdvice:
    """The advice of a nation; England's when the nation is not known."""
    found = nation_of(nation)
    return ADVICE[found] if found is not None else _ENGLAND


#: Words that mark a tip as written for all three devolved nations at once: where the nation is
#: known, its own tip says it better.
ALL_DEVOLVED_MARKERS = ("scotland, wales and northern ireland", "msp, ms or mla")


def is_about_england(text: str) -> bool:
    """True if a tip or starter speaks of England's NHS bodies, ministers or funding requests."""
    lowered = f" {text.lower()} "
    return any(f" {marker}" in lowered or f"({marker}" in lowered for marker in ENGLAND_MARKERS)


def tips(kind: LetterKind, nation: str | None, caller: bool = False) -> list[str]:
    """The tips for a kind of letter, for the writer's nation (England's if unknown, with a note)."""
    found = nation_of(nation)
    if found is None or found == Nation.ENGLAND:
        out = list(kind.tips)
        if found is None:
            out.append(_UNKNOWN_NOTE.for_(caller))
        return out
    own = [words.for_(caller) for words in ADVICE[found].tips.get(kind.id, ())]
    generic = own and kind.id == KindId.DEVOLVED_REP
    return own + [
        tip
        for tip in kind.tips
        if not is_about_england(tip) and not (generic and any(m in tip.lower() for m in ALL_DEVOLVED_MARKERS))
    ]


def starters(kind: LetterKind, nation: str | None) -> list[Starter]:
    """The starter sentences for a kind, for the writer's nation: the nation's own sentence in
    place of one with the same label, England's sentences dropped, the nation's others added."""
    found = nation_of(nation)
    if found is None or found == Nation.ENGLAND:
        return list(kind.starters)
    own = {s.label: s for s in ADVICE[found].starters.get(kind.id, ())}
    out: list[Starter] = []
    for starter in kind.starters:
        if starter.label in own:
            out.append(own.pop(starter.label))
        elif not is_about_england(starter.text):
            out.append(starter)
    # Any the kind does not have go before a closing "Asking for a reply", if there is one.
    extra = list(own.values())
    closing = [s for s in out if s.label.lower().startswith("asking for a reply")]
    body = [s for s in out if s not in closing]
    return body + extra + closing


def who_decides(nation: str | None, caller: bool = False) -> str:
    """Who decides NHS funding where the writer lives, and whom to press (England's if unknown)."""
    return advice_for(nation).who_decides.for_(caller)


def funding_summary(nation: str | None, caller: bool = False) -> str:
    """Where funding of SIRT for NETs stands in the writer's nation, with the date it was checked."""
    return advice_for(nation).funding.for_(caller)


def writer_note(nation: str | None, caller: bool = False) -> str:
    """The box under the tips in the writer: who decides, then where funding stands."""
    found = nation_of(nation)
    head = {
        None: "Who decides (England, until a postcode says otherwise)",
        Nation.ENGLAND: "Who decides in England",
        Nation.SCOTLAND: "Who decides in Scotland",
        Nation.WALES: "Who decides in Wales",
        Nation.NORTHERN_IRELAND: "Who decides in Northern Ireland",
    }[found]
    return f"{head}\n{who_decides(nation, caller)}\n\nWhere funding stands\n{funding_summary(nation, caller)}"

"""The six kinds of letter. Each is a guided form, not a fixed text: the fields it shows, tips
in plain English, optional starter sentences to adapt, and the words that mark its request
(for the writing coach).

Facts used in the starters: NICE interventional procedures guidance IPG786 (16 May 2024) says
SIRT can be used for neuroendocrine tumours that have spread to the liver; NICE does not decide
funding; the NHS in England routinely funds SIRT for some people with primary liver cancer or with
bowel cancer that has spread to the liver, but does not routinely fund it for NET liver metastases;
only a clinician can make an individual funding request. The Health Bill 2026 abolishes NHS England
and moves its work to the Health Secretary (DHSC) and local boards (ICBs), so the starters ask the
Health Secretary, and name no minister (Health Bill impact assessments, DHSC, 14 May 2026).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class KindId(StrEnum):
    """The six kinds. The values are the ``kind`` strings of the JSON form and the database."""

    MP_CAMPAIGN = "mp_campaign"
    MP_MY_CASE = "mp_my_case"
    CLINICIAN = "clinician"
    IFR_STATEMENT = "ifr_statement"
    MP_FOLLOW_UP = "mp_follow_up"
    DEVOLVED_REP = "devolved_rep"


class RecipientKind(StrEnum):
    """Who receives a letter. The values are the ``recipient.kind`` strings of the JSON form."""

    MP = "mp"
    CLINICIAN = "clinician"
    DEVOLVED = "devolved"  # an MSP, MS or MLA
    OTHER = "other"


#: Elected members reply only to people who live in the area they represent.
ELECTED = (RecipientKind.MP, RecipientKind.DEVOLVED)


@dataclass(frozen=True)
class Starter:
    """An optional sentence the writer can insert and then change into their own words."""

    label: str  # what the button or list item says
    text: str


@dataclass(frozen=True)
class LetterKind:
    id: KindId
    title: str  # "To my MP — campaign"
    to_whom: str  # one plain sentence: who this letter goes to and why
    recipient_kind: RecipientKind  # the Recipient.kind it starts with
    fields: tuple[str, ...]  # Letter fields the form shows, as JSON paths
    tips: tuple[str, ...]
    starters: tuple[Starter, ...]
    ask_keywords: tuple[str, ...]  # words that mark this kind's request, lower case
    suggested_subject: str = ""
    word_range: tuple[int, int] = (100, 450)  # the coach's "about one page" for this kind
    campaign: bool = False  # a public-policy letter: private clinical details are not needed
    needs_ask: bool = True  # False for a statement, which supports someone else's request

    @property
    def elected(self) -> bool:
        """Written to an MP, MSP, MS or MLA, who reply only to their own constituents."""
        return self.recipient_kind in ELECTED

    def starter_texts(self) -> list[str]:
        return [s.text for s in self.starters]


_COMMON_FIELDS = (
    "sender.name",
    "sender.address_lines",
    "sender.postcode",
    "sender.email",
    "sender.phone",
    "recipient.full_name",
    "recipient.address_lines",
    "recipient.postcode",
    "date",
    "greeting",
    "subject",
    "body",
)

_OWN_WORDS_TIP = (
    "Say it in your own words. A short letter about what this means for you, or someone you care "
    "for, carries more weight than a copied one."
)

_MP_TIPS_COMMON = (
    "Put your full postal address and postcode at the top: MPs reply only to people who live in their constituency.",
    _OWN_WORDS_TIP,
    "Keep it to one page and make one clear request.",
)

KINDS: tuple[LetterKind, ...] = (
    LetterKind(
        id=KindId.MP_CAMPAIGN,
        title="To my MP — campaign",
        to_whom="Your MP at Westminster, asking them to press for NHS funding of SIRT for NETs that "
        "have spread to the liver.",
        recipient_kind=RecipientKind.MP,
        fields=_COMMON_FIELDS,
        tips=(
            *_MP_TIPS_COMMON,
            "Ask one thing: that your MP writes to the Health Secretary asking for SIRT to be funded for "
            "neuroendocrine tumours in the liver. NICE said on 16 May 2024 that SIRT can be used for these "
            "tumours. NHS England is being closed and its work moved to the Department of Health and "
            "Social Care, so the Health Secretary is the one to ask.",
            "You do not need to give medical details such as test results, your NHS number or date of "
            "birth. Keep those private.",
            "Say why it matters to you in a sentence or two: that is what your MP will remember.",
        ),
        starters=(
            Starter(
                "Who I am",
                "I live in your constituency and I have a neuroendocrine tumour that has spread to my liver.",
            ),
            Starter(
                "What NICE said",
                "On 16 May 2024 NICE published guidance (IPG786) saying that SIRT "
                "can be used for neuroendocrine tumours that have spread to the liver.",
            ),
            Starter(
                "The funding gap",
                "In England, the NHS routinely funds SIRT for some people with primary "
                "liver cancer or with bowel cancer that has spread to the liver, but it does not "
                "routinely fund it for neuroendocrine tumours.",
            ),
            Starter(
                "My request",
                "Please write to the Health Secretary and ask that SIRT is funded for "
                "people with neuroendocrine tumours in the liver.",
            ),
            Starter("Asking for a reply", "I would be grateful to hear what you are able to do."),
        ),
        ask_keywords=(
            "fund",
            "health secretary",
            "nhs england",
            "write to",
            "commission",
            "minister",
            "raise",
            "question",
            "debate",
            "meet",
        ),
        suggested_subject="NHS funding for SIRT for neuroendocrine tumours in the liver",
        campaign=True,
    ),
    LetterKind(
        id=KindId.MP_MY_CASE,
        title="To my MP — my case",
        to_whom="Your MP at Westminster, asking them to take up your own case because your treatment is held up.",
        recipient_kind=RecipientKind.MP,
        fields=(*_COMMON_FIELDS, "consent_to_share"),
        tips=(
            *_MP_TIPS_COMMON,
            "Explain briefly what has happened: who recommended SIRT, what you were told about funding, and when.",
            "Tick the consent box if you are happy for your MP to share your details with the NHS: they "
            "usually need this before they can act for you.",
            "Ask one thing, for example that your MP contacts the NHS or your hospital on your behalf.",
        ),
        starters=(
            Starter("Who I am", "I live in your constituency and I am writing about my own treatment."),
            Starter(
                "What happened",
                "My specialist team has said that SIRT could help me, but I have "
                "been told that the NHS does not fund it for neuroendocrine tumours.",
            ),
            Starter(
                "What NICE said",
                "NICE said on 16 May 2024 (IPG786) that SIRT can be used for "
                "neuroendocrine tumours that have spread to the liver.",
            ),
            Starter(
                "My request",
                "Please take up my case with the NHS and ask why I cannot have the treatment my doctors recommend.",
            ),
        ),
        ask_keywords=("take up", "my case", "contact", "nhs england", "on my behalf", "fund", "find out", "write to"),
        suggested_subject="Please take up my case: SIRT treatment",
    ),
    LetterKind(
        id=KindId.CLINICIAN,
        title="To my clinician",
        to_whom="Your GP, oncologist or NET specialist, asking about SIRT: a team discussion, a "
        "referral, or an individual funding request.",
        recipient_kind=RecipientKind.CLINICIAN,
        fields=(*_COMMON_FIELDS, "recipient.position", "nhs_number", "date_of_birth", "reply_format"),
        tips=(
            "Add your date of birth and NHS number so the letter reaches your records. Your NHS number "
            "is on letters from the hospital or your GP.",
            "Ask one thing. For example: that your case is discussed at the NET multidisciplinary team "
            "(MDT) meeting, a referral to a centre that offers SIRT, or an individual funding request.",
            "Only your clinician can make an individual funding request for you. In Scotland this is an "
            "individual patient treatment request, in Wales an individual patient funding request.",
            "If you need replies in large print, by email or another format, choose it. In England, "
            "the NHS must meet this under the Accessible Information Standard. Elsewhere, ask for it "
            "anyway.",
            _OWN_WORDS_TIP,
        ),
        starters=(
            Starter("Why I am writing", "I am writing to ask whether SIRT could be right for me."),
            Starter(
                "What NICE said",
                "I understand that NICE guidance from 16 May 2024 (IPG786) says SIRT "
                "can be used for neuroendocrine tumours that have spread to the liver, with patients "
                "chosen by a specialist team.",
            ),
            Starter(
                "Ask for an MDT discussion",
                "Please could my case be discussed at the NET "
                "multidisciplinary team meeting to consider whether SIRT is suitable for me?",
            ),
            Starter("Ask for a referral", "Please could you refer me to a centre that offers SIRT for an assessment?"),
            Starter(
                "Ask for an IFR",
                "If SIRT is suitable, would you be willing to make an individual funding request on my behalf?",
            ),
        ),
        ask_keywords=(
            "mdt",
            "multidisciplinary",
            "refer",
            "referral",
            "individual funding",
            "ifr",
            "discuss",
            "assessment",
            "suitable",
        ),
        suggested_subject="SIRT for my neuroendocrine tumour",
        word_range=(80, 500),
    ),
    LetterKind(
        id=KindId.IFR_STATEMENT,
        title="My statement for an individual funding request",
        to_whom="Your own statement for your clinician to attach to an individual funding request.",
        recipient_kind=RecipientKind.CLINICIAN,
        fields=(*_COMMON_FIELDS, "recipient.position", "nhs_number", "date_of_birth"),
        tips=(
            "This is your voice in the request. The panel decides on medical grounds only. It does not "
            "weigh your job, caring or money. You can describe your symptoms and what you can and "
            "cannot do now. Ask your clinician if a statement would help.",
            "Say what you hope SIRT would change, and what matters to you.",
            "Write plainly and honestly. There is no need for medical terms.",
            "Give it to your clinician: only they can send an individual funding request.",
        ),
        starters=(
            Starter(
                "Opening", "I am writing this statement to go with my clinician's individual funding request for SIRT."
            ),
            Starter("Daily life", "Since my diagnosis, my day-to-day life has changed in these ways:"),
            Starter("What I hope for", "If I could have SIRT, I hope that"),
            Starter("Closing", "Thank you for considering my request."),
        ),
        ask_keywords=("fund", "consider", "approve", "request", "support"),
        suggested_subject="Patient statement: individual funding request for SIRT",
        word_range=(100, 700),
        needs_ask=False,
    ),
    LetterKind(
        id=KindId.MP_FOLLOW_UP,
        title="Follow-up to my MP",
        to_whom="Your MP again: when you have had no reply after a few weeks, or to ask them to write to the Minister.",
        recipient_kind=RecipientKind.MP,
        fields=(*_COMMON_FIELDS, "earlier_letter.date", "earlier_letter.subject"),
        tips=(
            "Give the date and subject of your earlier letter so the office can find it.",
            "Keep it short and polite: a few sentences is enough.",
            "Ask one thing: a reply, or that your MP writes to the Health Secretary or the health minister about SIRT.",
            _OWN_WORDS_TIP,
        ),
        starters=(
            Starter("No reply yet", "I wrote to you some weeks ago and have not yet had a reply."),
            Starter(
                "Ask to write to the Minister",
                "Please write to the Health Secretary asking when "
                "a decision will be made on NHS funding of SIRT for neuroendocrine tumours in the liver.",
            ),
            Starter("Asking for a reply", "I would be grateful for a reply."),
        ),
        ask_keywords=("reply", "write to", "minister", "health secretary", "nhs england", "fund", "update"),
        suggested_subject="Follow-up: NHS funding for SIRT",
        word_range=(40, 300),
    ),
    LetterKind(
        id=KindId.DEVOLVED_REP,
        title="To my MSP, MS or MLA",
        to_whom="In Scotland, Wales or Northern Ireland: a Member of the Scottish Parliament (MSP), "
        "of the Senedd (MS) or of the Northern Ireland Assembly (MLA), where health is run by the "
        "devolved government.",
        recipient_kind=RecipientKind.DEVOLVED,
        fields=(*_COMMON_FIELDS, "recipient.position", "consent_to_share"),
        tips=(
            "Health is devolved: in Scotland, Wales and Northern Ireland your MSPs, Members of the Senedd "
            "or MLAs can raise SIRT with the health minister there.",
            "Choose the Member from the list, or type their name as published; the title (MSP, MS or MLA) "
            "and the parliament's address are filled in.",
            "Put your postcode at the top: members reply to people they represent.",
            "Campaign or your own case: ask one clear thing. If it is your case, tick the consent box.",
            _OWN_WORDS_TIP,
        ),
        starters=(
            Starter("Who I am", "I live in your area and I have a neuroendocrine tumour that has spread to my liver."),
            Starter(
                "What NICE said",
                "NICE guidance from 16 May 2024 (IPG786) says that SIRT can be used "
                "for neuroendocrine tumours that have spread to the liver.",
            ),
            Starter(
                "My request",
                "Please ask the health minister how people here with neuroendocrine "
                "tumours in the liver can get SIRT on the NHS.",
            ),
        ),
        ask_keywords=("minister", "cabinet secretary", "raise", "fund", "take up", "ask", "health board"),
        suggested_subject="SIRT for neuroendocrine tumours in the liver",
    ),
)

KIND_IDS: tuple[str, ...] = tuple(k.id for k in KINDS)
_BY_ID: dict[str, LetterKind] = {k.id: k for k in KINDS}


def get_kind(kind_id: str) -> LetterKind:
    """The kind with this id; ``KeyError`` names the valid ones."""
    try:
        return _BY_ID[kind_id]
    except KeyError:
        raise KeyError(f"unknown letter kind {kind_id!r}; one of: {', '.join(KIND_IDS)}") from None


def subject_for_kind(subject: str, kind_id: str) -> str:
    """The subject to show after choosing ``kind_id``: that kind's suggestion if the subject is
    empty or is still another kind's suggestion, else the person's own words, untouched."""
    current = subject.strip()
    if not current or current in {k.suggested_subject for k in KINDS}:
        return get_kind(kind_id).suggested_subject
    return subject


_SENDER_NOTES = {
    "mp": "MPs reply only to people who live in their constituency, so the postcode matters.",
    "devolved": "Members reply to the people they represent, so the postcode matters.",
    "clinician": "Give the name and address {whose} GP and hospital have, so the letter reaches {whose} records.",
}


def sender_note(kind: LetterKind, for_caller: bool = False) -> str:
    """Why the sender's address matters for this kind of letter, in one sentence."""
    note = _SENDER_NOTES.get(kind.recipient_kind, "")
    return note.format(whose="the caller's" if for_caller else "your")

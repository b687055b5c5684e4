"""The writing coach: gentle notes on a letter as the person types it.

It looks at reading age, whether there is one clear request, how much is still starter text,
length, missing pieces, and (in a campaign letter to an MP) private clinical details the letter
does not need. It is quick (a few milliseconds for a one-page letter) and works offline:
textstat 0.7.3 counts syllables with pyphen's bundled dictionaries and never downloads anything.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sirt_desktop.core.letters.kinds import KindId, LetterKind, get_kind
from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.text import clean_text

# UK reading age is roughly the US school grade plus 5.
_GRADE_TO_AGE = 5
HARD_READING_AGE = 14
STARTER_SHARE_NOTE = 0.5
_SHINGLE = 4  # words in a row that must match a starter sentence to count as starter text

_ASK_PATTERNS = re.compile(
    r"\b(please|i ask|i am asking|i'm asking|i would ask|could you|would you|can you|will you|"
    r"i would like you to|i'd like you to|i want you to|i urge you|i request|i am writing to ask|"
    r"i'm writing to ask|i hope you will|would you be willing|i would be grateful if you)\b",
    re.IGNORECASE,
)
# Thanks and requests for a reply are polite, not a second request.
_COURTESY = re.compile(
    r"\b(grateful for (a|your) reply|look forward to|thank you|please reply|"
    r"please let me know|hear what you|hear from you)\b",
    re.IGNORECASE,
)

_CLINICAL = (
    ("Ki-67 result", r"\bki[\s-]?67\b"),
    ("tumour grade", r"\bgrade\s*[1-3]\b|\bG[1-3]\b|\bwell[\s-]differentiated\b"),
    ("blood test results", r"\bbilirubin\b|\balbumin\b|\bchromogranin\b|\b5[\s-]?hiaa\b|\bliver function\b"),
    ("your NHS number", r"\bNHS\s*(no\.?|number)\b|\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b"),
    ("your date of birth", r"\b(date of birth|d\.?o\.?b\.?|born on)\b"),
    (
        "drug names",
        r"\b(octreotide|lanreotide|sandostatin|somatuline|everolimus|afinitor|sunitinib|"
        r"sutent|capecitabine|temozolomide|streptozocin|lutathera|lutetium|telotristat)\b",
    ),
    ("scan details", r"\b(ga[\s-]?68|dotatate|octreoscan|segment\s+[ivx\d]+)\b"),
)
_CLINICAL_RE = tuple((label, re.compile(pattern, re.IGNORECASE)) for label, pattern in _CLINICAL)

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n|\n(?=\s*[-•*])")
_WORD = re.compile(r"[A-Za-z0-9À-ɏ’'-]+")


@dataclass(frozen=True)
class CoachNote:
    code: str  # stable id for the GUI and tests: "hard_to_read", "no_ask", ...
    level: str  # "info", "suggestion" or "important"
    text: str


@dataclass
class CoachReport:
    word_count: int = 0
    sentence_count: int = 0
    reading_age: int | None = None  # UK reading age in years (None when too short to judge)
    hard_to_read: bool = False
    asks: list[str] = field(default_factory=list)  # the sentences that ask for something
    ask_count: int = 0  # how many different requests those sentences make
    main_ask: str = ""  # the request the coach thinks is the letter's point
    starter_share: float = 0.0  # share of the body's words that are starter text, 0..1
    length_verdict: str = "ok"  # "empty", "short", "ok" or "long"
    missing: list[str] = field(default_factory=list)  # codes: "sender_postcode", "sender_name", ...
    clinical_details: list[str] = field(default_factory=list)  # labels of private details found
    notes: list[CoachNote] = field(default_factory=list)  # what the GUI shows, most useful first

    def codes(self) -> list[str]:
        return [n.code for n in self.notes]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(text) if s and s.strip()]


def _words(text: str) -> list[str]:
    return [w.lower().strip("'’-") for w in _WORD.findall(text) if w.strip("'’-")]


@lru_cache(maxsize=64)
def _starter_shingles(starters: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for sentence in starters:
        words = _words(sentence)
        if len(words) < _SHINGLE:
            grams.add(tuple(words))
        grams.update(tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))
    return frozenset(g for g in grams if g)


def starter_share(text: str, starters: Sequence[str]) -> float:
    """The share of words in ``text`` covered by runs of 4+ words taken from a starter sentence."""
    words = _words(text)
    if not words or not starters:
        return 0.0
    grams = _starter_shingles(tuple(starters))
    covered = [False] * len(words)
    for i in range(len(words) - _SHINGLE + 1):
        if tuple(words[i : i + _SHINGLE]) in grams:
            for j in range(i, i + _SHINGLE):
                covered[j] = True
    return sum(covered) / len(words)


_TEXTSTAT_LOCK = threading.Lock()  # warm_up() may run on another thread than the first coach()


def _reading_age(text: str) -> int | None:
    if len(_words(text)) < 30:
        return None
    import textstat  # noqa: PLC0415 (start-up: textstat, about 0.2 s)

    with _TEXTSTAT_LOCK:
        grade = float(textstat.flesch_kincaid_grade(text))
    return max(5, round(grade) + _GRADE_TO_AGE)


def _distinct_asks(asks: list[str], keywords: tuple[str, ...]) -> int:
    """Requests that share one of the kind's key words count once ("fund" twice is one request)."""
    topics: list[set[str]] = []
    for sentence in asks:
        low = sentence.lower()
        found = {k for k in keywords if k in low}
        if found and any(found & t for t in topics):
            for t in topics:
                if found & t:
                    t.update(found)
                    break
            continue
        topics.append(found or {f"#{len(topics)}"})
    return len(topics)


def coach(
    letter: Letter | str,
    kind: LetterKind | str | None = None,
    starter_sentences: Sequence[str] | None = None,
) -> CoachReport:
    """Notes on a letter (or just its body text) for a kind of letter.

    ``kind`` defaults to the letter's own kind (or ``mp_campaign`` for bare text);
    ``starter_sentences`` defaults to the kind's starters.
    """
    if isinstance(letter, Letter):
        body = letter.body
        kind = kind if kind is not None else letter.kind
    else:
        body = letter or ""
    k = kind if isinstance(kind, LetterKind) else get_kind(kind or KindId.MP_CAMPAIGN)
    starters = list(starter_sentences) if starter_sentences is not None else k.starter_texts()
    text = clean_text(body)
    report = CoachReport()
    notes = report.notes
    words = _words(text)
    sentences = _sentences(text)
    report.word_count = len(words)
    report.sentence_count = len(sentences)

    # Missing pieces first: they stop the letter working at all.
    if isinstance(letter, Letter):
        if not letter.sender.name.strip():
            report.missing.append("sender_name")
            notes.append(
                CoachNote(
                    "no_name", "important", "Add your name: it goes at the end of the letter, under your signature."
                )
            )
        if k.elected and not letter.sender.postcode.strip():
            report.missing.append("sender_postcode")
            notes.append(
                CoachNote(
                    "no_postcode",
                    "important",
                    "Add your postcode to your address. MPs and other elected members reply "
                    "only to people who live in the area they represent.",
                )
            )
        if not letter.sender.address_lines:
            report.missing.append("sender_address")
            notes.append(CoachNote("no_address", "important", "Add your address so they can reply by post."))

    if not words:
        report.length_verdict = "empty"
        notes.append(
            CoachNote(
                "empty",
                "info",
                "Start with a sentence or two about who you are and why "
                "you are writing. The starter sentences can help.",
            )
        )
        return report

    # The request.
    asks = [s for s in sentences if _ASK_PATTERNS.search(s) and not _COURTESY.search(s)]
    report.asks = asks
    report.ask_count = _distinct_asks(asks, k.ask_keywords)
    if asks:
        keyed = [s for s in asks if any(kw in s.lower() for kw in k.ask_keywords)]
        report.main_ask = (keyed or asks)[0]
    if not asks and k.needs_ask:
        notes.append(
            CoachNote(
                "no_ask",
                "suggestion",
                "The letter does not yet ask for anything. Say clearly what you would like "
                "them to do, for example starting with “Please…”.",
            )
        )
    elif report.ask_count > 2:
        notes.append(
            CoachNote(
                "many_asks",
                "suggestion",
                f"The letter asks for {report.ask_count} different things. A letter with one "
                "clear request is more likely to get action: think about which matters most.",
            )
        )
    elif asks:
        notes.append(CoachNote("ask", "info", f"Your request: “{report.main_ask}”"))

    # Own words.
    report.starter_share = starter_share(text, starters)
    if report.starter_share >= STARTER_SHARE_NOTE:
        notes.append(
            CoachNote(
                "mostly_starters",
                "suggestion",
                f"About {round(report.starter_share * 100)}% of the letter is starter text. "
                "The starters are only a beginning: MPs give more weight to letters in the "
                "writer's own words. Try adding what this means for you.",
            )
        )

    # Reading age.
    report.reading_age = _reading_age(text)
    if report.reading_age is not None and report.reading_age > HARD_READING_AGE:
        report.hard_to_read = True
        notes.append(
            CoachNote(
                "hard_to_read",
                "suggestion",
                f"This reads at about age {report.reading_age}. Shorter sentences and everyday "
                "words make it quicker to read for a busy office.",
            )
        )

    # Length.
    low, high = k.word_range
    if report.word_count < low:
        report.length_verdict = "short"
        notes.append(
            CoachNote(
                "short",
                "info",
                f"The letter is short ({report.word_count} words). A few sentences about why "
                "this matters to you will help.",
            )
        )
    elif report.word_count > high:
        report.length_verdict = "long"
        notes.append(
            CoachNote(
                "long",
                "suggestion",
                f"The letter is long ({report.word_count} words). Aim for one page, about "
                f"{high} words at most: busy readers skim long letters.",
            )
        )

    # Private clinical detail in a campaign letter.
    if k.campaign:
        found = [label for label, pattern in _CLINICAL_RE if pattern.search(text)]
        if isinstance(letter, Letter):
            if letter.nhs_number.strip() and "your NHS number" not in found:
                found.append("your NHS number")
            if letter.date_of_birth and "your date of birth" not in found:
                found.append("your date of birth")
        report.clinical_details = found
        if found:
            notes.append(
                CoachNote(
                    "clinical_detail",
                    "suggestion",
                    "A campaign letter does not need " + _join(found) + ". These are private, "
                    "and your MP can make the case without them.",
                )
            )
    return report


def warm_up() -> None:
    """Load textstat and pyphen's dictionary now (about 0.2 s), so the first coach() call is quick.
    The GUI can call this while the window opens."""
    _reading_age("This is a short sentence written only to load the reading age tools. " * 4)


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]

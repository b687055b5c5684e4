"""Text helpers shared by every domain: folding names for matching, cleaning text to print."""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case with accents and punctuation removed, for matching names: "Glyndŵr" -> "glyndwr"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_NOT_ALNUM.sub(" ", plain).split())


def clean_text(text: str) -> str:
    """Text safe to print: no control characters or lone surrogates; tabs become spaces."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or ch in "\u2028\u2029":
            continue
        out.append(ch)
    return "".join(out)

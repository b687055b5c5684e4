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


# Invisible characters that change how text shows or copies without being seen: direction
# overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width space, byte-order mark,
# soft hyphen, word joiner and the tag characters. The joiners U+200C/U+200D stay: Persian,
# Indic scripts and emoji need them.
_INVISIBLE = {*"\u00ad\u200b\u2060\ufeff", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}


def clean_text(text: str) -> str:
    """Text safe to print: no control characters, lone surrogates or invisible format
    characters that could hide or reorder what is printed; tabs become spaces."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or ch in "\u2028\u2029" or ch in _INVISIBLE or 0xE0000 <= ord(ch) <= 0xE007F:
            continue
        out.append(ch)
    return "".join(out)

"""The main risks of SIRT as "out of 100 people", and the picture drawn from them.

``risks.json`` holds a title, a short intro, a caveat and a list of risks, each with a label,
a whole number ``count`` out of 100 people, an optional ``prefix`` (``""``, ``"about"``,
``"up to"`` or ``"fewer than"``), who was studied, and the source. From it this module draws
one picture (an SVG: a square of 100 figures per risk, ``count`` of them dark) and writes the
same numbers as text, both ways round ("26 out of 100 people ... 74 out of 100 did not"), so
a screen reader and a reader who cannot see the picture get exactly what it shows.

A page asks for both with the placeholder ``{{risk_picture}}``. The SVG is made here, not
shipped: it can never disagree with the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

PREFIXES = ("", "about", "up to", "fewer than")
IMAGE_NAME = "generated/risk-picture.svg"
PER = 100

# Colours: dark figures must stand out from light ones for people with low vision and
# colour-blindness (dark blue on very light grey, a contrast of more than 9 to 1).
_DARK = "#1d3f8f"
_LIGHT = "#d9dee8"
_TEXT = "#1a1a1a"


@dataclass(frozen=True)
class Risk:
    id: str
    label: str
    count: int
    prefix: str
    who: str
    source: str

    def amount(self) -> str:
        """``"up to 4 out of 100 people"``."""
        lead = f"{self.prefix} " if self.prefix else ""
        return f"{lead}{self.count} out of {PER} people"

    def others(self) -> str:
        """The other framing: ``"at least 96 out of 100 did not"``."""
        lead = {"": "", "about": "about ", "up to": "at least ", "fewer than": "more than "}[self.prefix]
        return f"{lead}{PER - self.count} out of {PER} did not"

    def sentence(self) -> str:
        amount = self.amount()
        return f"{self.label}: {amount}. {self.others()[0].upper()}{self.others()[1:]}. Who was studied: {self.who}."


@dataclass(frozen=True)
class RiskPicture:
    title: str
    intro: str
    caveat: str
    risks: tuple[Risk, ...]


def parse_risks(data: object) -> tuple[RiskPicture | None, list[str]]:
    """Build a RiskPicture from parsed ``risks.json``; returns every problem found."""
    where = "risks.json: "
    if not isinstance(data, dict):
        return None, [where + "must hold a JSON object"]
    problems: list[str] = []
    for key in ("title", "intro", "caveat"):
        if not str(data.get(key, "")).strip():
            problems.append(f"{where}'{key}' is missing")
    raw = data.get("risks")
    if not isinstance(raw, list) or not raw:
        return None, [*problems, where + "'risks' must be a non-empty list"]
    risks: list[Risk] = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            problems.append(f"{where}risk {index} is not an object")
            continue
        label = f"risk {index} ('{item.get('label', '')}')"
        count = item.get("count")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= PER:
            problems.append(f"{where}{label}: 'count' must be a whole number from 0 to {PER}, out of {PER} people")
            count = 0
        prefix = str(item.get("prefix", ""))
        if prefix not in PREFIXES:
            problems.append(f"{where}{label}: 'prefix' must be one of {', '.join(repr(p) for p in PREFIXES)}")
            prefix = ""
        for key in ("id", "label", "who", "source"):
            if not str(item.get(key, "")).strip():
                problems.append(f"{where}{label}: '{key}' is missing")
        if any(r.id == item.get("id") for r in risks):
            problems.append(f"{where}{label}: repeats the id '{item.get('id')}'")
        risks.append(
            Risk(
                str(item.get("id", "")),
                str(item.get("label", "")).strip(),
                count,
                prefix,
                str(item.get("who", "")).strip(),
                str(item.get("source", "")).strip(),
            )
        )
    if problems:
        return None, problems
    return RiskPicture(
        str(data["title"]).strip(), str(data["intro"]).strip(), str(data["caveat"]).strip(), tuple(risks)
    ), []


def description(picture: RiskPicture) -> str:
    """Everything the picture shows, as plain text (its accessible description)."""
    return " ".join([picture.title + ".", picture.intro, *(r.sentence() for r in picture.risks), picture.caveat])


def _person(x: float, y: float, size: float, fill: str) -> str:
    """One figure: a head and a body, in a ``size`` x ``size`` cell whose top left is (x, y)."""
    head_r = size * 0.17
    cx = x + size / 2
    body_w, body_h = size * 0.56, size * 0.42
    return (
        f'<circle cx="{cx:.1f}" cy="{y + size * 0.24:.1f}" r="{head_r:.1f}" fill="{fill}"/>'
        f'<rect x="{cx - body_w / 2:.1f}" y="{y + size * 0.46:.1f}" width="{body_w:.1f}" height="{body_h:.1f}" '
        f'rx="{size * 0.16:.1f}" fill="{fill}"/>'
    )


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def risk_picture_svg(picture: RiskPicture) -> bytes:
    """One SVG: for each risk, its words and a 10 x 10 square of figures, ``count`` of them dark.

    Dark figures fill from the top left, row by row, so they are easy to count. Plain SVG
    only (no CSS, filters or scripts), with a <title> and <desc> giving every number.
    """
    cell, gap = 26, 64
    square = cell * 10
    font = 22
    columns = 2 if len(picture.risks) > 1 else 1
    panel_w = square + 40
    # Each panel: the label in bold (wrapped), then the number on a line of its own.
    label_lines = [[(line, True) for line in _wrap(r.label, 22)] + [(r.amount(), False)] for r in picture.risks]
    label_h = (max(len(lines) for lines in label_lines) + 0.6) * (font + 6)
    panel_h = label_h + square + 30
    rows = (len(picture.risks) + columns - 1) // columns
    width = columns * panel_w + (columns - 1) * gap + 40
    height = rows * panel_h + (rows - 1) * 30 + 20
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 {width} {height:.0f}" '
            f'width="{width}" height="{height:.0f}">'
        ),
        f"<title>{escape(picture.title)}</title>",
        f"<desc>{escape(description(picture))}</desc>",
        f'<rect x="0" y="0" width="{width}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    for index, (risk, lines) in enumerate(zip(picture.risks, label_lines, strict=True)):
        left = 20 + (index % columns) * (panel_w + gap)
        top = 20 + (index // columns) * (panel_h + 30)
        for number, (line, bold) in enumerate(lines):
            weight = ' font-weight="bold"' if bold else ""
            parts.append(
                f'<text x="{left}" y="{top + (number + 1) * (font + 6)}" font-family="sans-serif" '
                f'font-size="{font}" fill="{_TEXT}"{weight}>{escape(line)}</text>'
            )
        grid_top = top + label_h
        parts.append(f"<g aria-label={quoteattr(risk.amount())}>")
        for n in range(PER):
            row, col = divmod(n, 10)
            parts.append(_person(left + col * cell, grid_top + row * cell, cell, _DARK if n < risk.count else _LIGHT))
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts).encode("utf-8")


def risk_picture_markdown(picture: RiskPicture) -> str:
    """The picture (as a Markdown image) followed by the same numbers written out."""
    alt = f"{picture.title}. The same numbers are written out below the picture."
    lines = [picture.intro, "", f"![{alt}]({IMAGE_NAME})", ""]
    lines += [f"- {r.sentence()}" for r in picture.risks]
    lines += ["", picture.caveat]
    return "\n".join(lines)

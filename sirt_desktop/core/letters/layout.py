"""Page geometry for letters on A4 that fold into a DL window envelope.

All measurements here are millimetres from the page's top-left corner, the way people
measure a printed page with a ruler. ``render.py`` converts them to PDF points.

DL envelope: 220 × 110 mm, window 90 × 35 mm, 20 mm from the left and 15 mm from the bottom.
Folded in three, the letter can slide about in it, so the recipient block must lie within
25–105 mm from the page's left edge and 50–85 mm from its top (``WINDOW_SAFE``), and nothing
else may be printed there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

MM = 72.0 / 25.4  # PDF points per millimetre

PAGE_W = 210.0
PAGE_H = 297.0
MARGIN_LEFT = 25.0
MARGIN_RIGHT = 20.0
MARGIN_TOP = 15.0
MARGIN_BOTTOM = 22.0
CONTENT_RIGHT = PAGE_W - MARGIN_RIGHT
FOLDS = (99.0, 198.0)  # A4 in thirds for a DL envelope

# Where the recipient block may go, and nothing else on page 1.
WINDOW_INSET = 0.6
RECIPIENT_X = 26.0  # a millimetre inside the safe area's left edge
SENDER_MIN_X = 107.0  # the sender block and date stay right of the window area (105 mm)
BODY_GAP_BELOW_WINDOW = 7.0
LATER_PAGE_BODY_TOP = 26.0
FOOTER_BASELINE = 12.0  # from the bottom


@dataclass(frozen=True)
class Rect:
    """A rectangle in mm from the page's top-left: ``x`` across, ``top`` down."""

    x: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def contains(self, other: Rect, tol: float = 1e-6) -> bool:
        return (
            other.x >= self.x - tol
            and other.right <= self.right + tol
            and other.top >= self.top - tol
            and other.bottom <= self.bottom + tol
        )

    def intersects(self, other: Rect) -> bool:
        return not (
            other.right <= self.x or other.x >= self.right or other.bottom <= self.top or other.top >= self.bottom
        )


WINDOW_SAFE = Rect(25.0, 50.0, 80.0, 35.0)


@dataclass(frozen=True)
class TypeSizes:
    body: float
    leading: float
    small: float  # page numbers
    sender: float
    recipient_max: float
    signature_space: float  # mm between the close and the printed name

    @staticmethod
    def for_print(large_print: bool) -> TypeSizes:
        if large_print:
            return TypeSizes(body=16.0, leading=21.0, small=14.0, sender=16.0, recipient_max=16.0, signature_space=20.0)
        return TypeSizes(body=11.0, leading=15.0, small=9.0, sender=10.5, recipient_max=11.0, signature_space=17.0)


@dataclass
class TextBlock:
    """Lines set in one size; ``baselines`` in mm from the top; ``rect`` covers ascent to descent."""

    lines: list[str]
    size: float
    baselines: list[float]
    rect: Rect
    align: str = "left"  # "left" (x is the left edge) or "right" (rect.right is the right edge)


@dataclass
class FirstPageLayout:
    sender: TextBlock
    date: TextBlock
    recipient: TextBlock
    body_top: float  # mm from the top where the greeting starts
    window: Rect = field(default_factory=lambda: WINDOW_SAFE)


Measure = Callable[[str, float], float]  # (text, size in pt) -> width in mm


def _fit_size(lines: list[str], measure: Measure, preferred: float, max_width: float, minimum: float) -> float:
    widest_at_1pt = max((measure(line, 1.0) for line in lines), default=0.0)
    if widest_at_1pt <= 0:
        return preferred
    return max(minimum, min(preferred, max_width / widest_at_1pt))


def recipient_block(lines: list[str], measure: Measure, ascent: float, descent: float, preferred: float) -> TextBlock:
    """The recipient block in the window: the largest size up to ``preferred`` that fits it.

    ``ascent``/``descent`` are the font's, per point of size (descent positive).
    """
    area = Rect(
        WINDOW_SAFE.x + WINDOW_INSET,
        WINDOW_SAFE.top + WINDOW_INSET,
        WINDOW_SAFE.width - 2 * WINDOW_INSET,
        WINDOW_SAFE.height - 2 * WINDOW_INSET,
    )
    n = max(1, len(lines))
    line_factor = 1.2
    # Height in mm of n lines at size s: ((n-1)*1.2 + ascent + descent) * s / MM.
    height_per_pt = ((n - 1) * line_factor + ascent + descent) / MM
    size = min(preferred, area.height / height_per_pt)
    size = _fit_size(lines, measure, size, area.right - RECIPIENT_X, minimum=1.0)
    leading = size * line_factor / MM
    height = height_per_pt * size
    # Centred top to bottom: the folded letter can slide either way in the envelope.
    top = area.top + max(0.0, (area.height - height) / 2)
    first = top + ascent * size / MM
    baselines = [first + i * leading for i in range(len(lines))]
    width = max((measure(line, size) for line in lines), default=0.0)
    return TextBlock(lines, size, baselines, Rect(RECIPIENT_X, top, width, height))


def right_block(
    lines: list[str], measure: Measure, ascent: float, descent: float, preferred: float, top: float
) -> TextBlock:
    """A right-aligned block ending at the right margin, kept right of the window area."""
    size = _fit_size(lines, measure, preferred, CONTENT_RIGHT - SENDER_MIN_X, minimum=1.0)
    leading = size * 1.25 / MM
    first = top + ascent * size / MM
    baselines = [first + i * leading for i in range(len(lines))]
    width = max((measure(line, size) for line in lines), default=0.0)
    height = ((len(lines) - 1) * 1.25 + ascent + descent) * size / MM if lines else 0.0
    return TextBlock(lines, size, baselines, Rect(CONTENT_RIGHT - width, top, width, height), align="right")


def first_page_layout(
    sender_lines: list[str],
    date_text: str,
    recipient_lines: list[str],
    measure: Measure,
    ascent: float,
    descent: float,
    sizes: TypeSizes,
) -> FirstPageLayout:
    sender = right_block(sender_lines, measure, ascent, descent, sizes.sender, MARGIN_TOP)
    date_top = (sender.rect.bottom + sizes.sender * 0.9 / MM) if sender_lines else MARGIN_TOP
    date = right_block([date_text], measure, ascent, descent, sizes.sender, date_top)
    recipient = recipient_block(recipient_lines, measure, ascent, descent, sizes.recipient_max)
    body_top = max(WINDOW_SAFE.bottom + BODY_GAP_BELOW_WINDOW, date.rect.bottom + 8.0)
    return FirstPageLayout(sender=sender, date=date, recipient=recipient, body_top=body_top)

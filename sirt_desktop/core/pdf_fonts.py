"""The TTF font embedded in every PDF the app makes (letters, appointment sheet).

DejaVu Sans covers Latin Extended (Welsh ŵ ŷ, Polish Ł, Irish and Gaelic accents), so every
name prints as typed; ReportLab's built-in Helvetica would print some of them as black boxes.
ReportLab is imported here, so import this module only when rendering.
"""

from __future__ import annotations

from functools import lru_cache

from sirt_desktop.core.resources import resource_path

REGULAR = "SirtSans"
BOLD = "SirtSans-Bold"
ITALIC = "SirtSans-Oblique"
FAMILY = "SirtSans"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the fonts with ReportLab once per process; returns the family name."""
    from reportlab.lib.fonts import addMapping  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415 (start-up: ReportLab)
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415 (start-up: ReportLab)

    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD)
    return FAMILY

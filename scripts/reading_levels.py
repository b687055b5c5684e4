"""Print each page's Flesch-Kincaid grade (running prose only) and word count.

.venv/bin/python scripts/reading_levels.py
"""

from __future__ import annotations

import sys

from sirt_desktop.core.content.parse import GLOSSARY_PAGE_ID
from sirt_desktop.core.content.readability import TARGET_GRADE, reading_level
from sirt_desktop.core.content.store import shipped_content


def main() -> int:
    rows = [reading_level(p) for p in shipped_content().pages if p.id != GLOSSARY_PAGE_ID]
    width = max(len(r.page_id) for r in rows)
    print(f"{'page'.ljust(width)}  FK grade  words  sentences")
    for r in rows:
        flag = "" if r.grade <= TARGET_GRADE else "  (above target)"
        print(f"{r.page_id.ljust(width)}  {r.grade:8.1f}  {r.words:5d}  {r.sentences:9d}{flag}")
    print(f"Target: grade {TARGET_GRADE:g} or below. The glossary is not scored.")
    return 0 if all(r.grade <= TARGET_GRADE for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

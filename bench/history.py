"""My letters with 50,000 letters: time to the first screen and to filter by a word.

    .venv/bin/python bench/history.py [--quick] [--letters N] [--runs N]

Creates the letters in a temporary SIRT_DESKTOP_HOME (bulk insert), then, offscreen, measures
the median of several runs of: building the page (view, model, controller), showing it and
processing events until the first rows are fetched and painted; and applying a search (no
typing pause) until the model holds the first screen of results. A plain repository query
(first 200 rows) is measured in the same run as a baseline. Targets: 300 ms and 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SIRT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="sirt-bench-history-")
os.environ.pop("SIRT_DESKTOP_DATABASE_URL", None)

WORDS = [
    "liver",
    "tumour",
    "neuroendocrine",
    "treatment",
    "funding",
    "hospital",
    "consultant",
    "scan",
    "appointment",
    "family",
    "carer",
    "support",
    "constituency",
    "guidance",
    "recommended",
    "please",
    "would",
    "grateful",
    "write",
    "secretary",
    "England",
    "Wales",
    "Scotland",
    "specialist",
    "centre",
    "waiting",
    "months",
    "tired",
    "energy",
    "work",
    "children",
    "grandchildren",
]
KINDS = ("mp_campaign", "mp_my_case", "clinician", "ifr_statement", "mp_follow_up", "devolved_rep")


def fill(db, count: int) -> None:
    from sqlalchemy import insert

    from sirt_desktop.core.db.models import Letter

    rng = random.Random(2027)
    start = dt.datetime(2020, 1, 1)
    batch = []
    for i in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(120, 260)))
        if i % 500 == 0:
            body += " radioembolisation"  # a rarer word: about 1 letter in 500
        when = start + dt.timedelta(minutes=90 * i)
        subject = f"SIRT for NETs {i}"
        data = {
            "kind": KINDS[i % 6],
            "subject": subject,
            "body": body,
            "sender": {"name": "Siân Llŵyd", "address_lines": ["1 Stryd Fawr", "Llanelli"]},
        }
        sent = (when + dt.timedelta(days=1)).date() if i % 3 else None
        batch.append(
            dict(
                kind=KINDS[i % 6],
                status="finished" if sent else "draft",
                recipient_name=f"Member {i % 650}",
                subject=subject,
                body=body,
                data_json=json.dumps(data, ensure_ascii=False),
                created_at=when,
                updated_at=when,
                sent_at=sent,
                sent_method="posted" if sent else "",
            )
        )
        if len(batch) == 2000:
            with db.session() as s:
                s.execute(insert(Letter), batch)
            batch = []
    if batch:
        with db.session() as s:
            s.execute(insert(Letter), batch)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the My letters page.")
    parser.add_argument("--quick", action="store_true", help="5,000 letters instead of 50,000")
    parser.add_argument("--letters", type=int, default=None)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    count = args.letters or (5_000 if args.quick else 50_000)
    runs = max(5, args.runs)

    from PySide6.QtWidgets import QApplication

    from sirt_desktop.core.db.engine import Database
    from sirt_desktop.core.db.letters_repo import LettersRepository
    from sirt_desktop.core.db.records import LetterFilters
    from sirt_desktop.gui.history.controller import HistoryController
    from sirt_desktop.gui.history.view import HistoryView

    app = QApplication.instance() or QApplication([])
    db = Database.open()
    t0 = time.perf_counter()
    fill(db, count)
    print(
        f"{count:,} letters inserted in {time.perf_counter() - t0:.1f} s "
        f"({os.path.getsize(db.engine.url.database) / 1e6:.0f} MB)"
    )
    repo = LettersRepository(db)

    baseline, baseline_word, first_screen, common, rare, absent = [], [], [], [], [], []
    for _ in range(runs):
        t = time.perf_counter()
        repo.list_page(LetterFilters(), 0, 200)
        baseline.append(time.perf_counter() - t)
        t = time.perf_counter()
        repo.list_page(LetterFilters(text="hospital"), 0, 200)
        baseline_word.append(time.perf_counter() - t)

        t = time.perf_counter()
        view = HistoryView()
        controller = HistoryController(view, repo)
        view.resize(1200, 800)
        view.show()
        app.processEvents()
        view.repaint()
        assert controller.model.rowCount() > 0
        first_screen.append(time.perf_counter() - t)

        for word, bucket in (("hospital", common), ("radioembolisation", rare), ("zebra", absent)):
            view.search.setText(word)
            t = time.perf_counter()
            view.apply_filters_now()
            bucket.append(time.perf_counter() - t)
            view.search.setText("")
            view.apply_filters_now()
        app.processEvents()  # the deferred count runs here, outside the timings
        view.close()
        view.deleteLater()
        controller.deleteLater()
        app.processEvents()

    rows = [
        ("Baseline: repository, first 200 rows", median_ms(baseline), None),
        ("Baseline: repository, 200 rows with a common word", median_ms(baseline_word), None),
        ("Open My letters to first screen", median_ms(first_screen), 300),
        ("Filter by a common word (hospital)", median_ms(common), 100),
        ("Filter by a rare word (1 in 500 letters)", median_ms(rare), 100),
        ("Filter by a word in no letter (full scan)", median_ms(absent), 100),
    ]
    print(f"\nMedians of {runs} runs, {count:,} letters\n")
    print(f"{'Measure':<52}{'median ms':>10}{'target ms':>11}  result")
    for name, value, target in rows:
        verdict = "" if target is None else ("ok" if value <= target else "OVER")
        print(f"{name:<52}{value:>10.1f}{'' if target is None else target:>11}  {verdict}")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

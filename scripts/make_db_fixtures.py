"""Write a small database for every earlier schema version to tests/fixtures/db/.

    .venv/bin/python scripts/make_db_fixtures.py

Each ``schema-<revision>.sqlite3`` is migrated to exactly that revision and filled with a
few rows (non-ASCII text included) through plain SQL of that version's tables. The test
``tests/core/db/test_migrations_fixtures.py`` upgrades a copy of each to the newest schema.
When a new migration is added, add its predecessor's rows to ``ROWS`` and run this again;
existing fixtures are left alone (a released schema never changes), unless --force is given.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "db"
sys.path.insert(0, str(ROOT))

_PROFILES_0001 = [
    (
        1,
        "Me",
        "Siân Llŵyd",
        "1 Stryd Fawr\nLlanelli",
        "SA15 1AA",
        "sian@example.org",
        "01554 000000",
        "2026-01-05 09:00:00.000000",
        "2026-01-05 09:00:00.000000",
    ),
    (
        2,
        "My husband",
        "Zoë O’Brien",
        "Flat 2, 3 Rue Street\nBelfast",
        "BT1 1AA",
        "",
        "",
        "2026-01-06 10:30:00.000000",
        "2026-01-07 11:00:00.000000",
    ),
]
_LETTERS_0001 = [
    (
        1,
        "mp_campaign",
        "draft",
        1,
        "Jane Smith MP",
        "SIRT for NETs — please help",
        "Annwyl Jane,\n\nI have a neuroendocrine tumour in my liver. “SIRT” matters to me ✓.",
        '{"kind": "mp_campaign", "sender": {"name": "Siân Llŵyd"}, "body": "Annwyl Jane"}',
        "2026-01-10 12:00:00.000000",
        "2026-01-11 08:15:00.000000",
    ),
    (
        2,
        "clinician",
        "finished",
        2,
        "Dr Ómar Ali",
        "Is SIRT right for my wife?",
        "Dear Dr Ali,\n\nCould we talk about SIRT at the next appointment? Diolch — 谢谢.",
        '{"kind": "clinician", "sender": {"name": "Zoë O’Brien"}, "body": "Dear Dr Ali"}',
        "2026-01-12 12:00:00.000000",
        "2026-01-13 16:45:00.000000",
    ),
    (
        3,
        "devolved_rep",
        "finished",
        None,
        "Mairi MacLeod MSP",
        "",
        "A letter with no subject and no profile.",
        "{}",
        "2026-01-14 12:00:00.000000",
        "2026-01-14 12:30:00.000000",
    ),
]

# 0002 added, after the 0001 columns: finished_at, sent_at, sent_method, reply_status,
# reply_asked_2w, reply_asked_4w, follow_up_of_id; and the letter_pdfs table.
_LETTERS_0002 = [
    (
        1,
        "mp_campaign",
        "draft",
        1,
        "Jane Smith MP",
        "SIRT for NETs — please help",
        "Annwyl Jane,\n\nI have a neuroendocrine tumour in my liver. “SIRT” matters to me ✓.",
        '{"kind": "mp_campaign", "sender": {"name": "Siân Llŵyd"}, "body": "Annwyl Jane"}',
        "2026-02-10 12:00:00.000000",
        "2026-02-11 08:15:00.000000",
        None,
        None,
        "",
        "none",
        0,
        0,
        None,
    ),
    (
        2,
        "clinician",
        "finished",
        2,
        "Dr Ómar Ali",
        "Is SIRT right for my wife?",
        "Dear Dr Ali,\n\nCould we talk about radioembolisation at the next appointment? Diolch — 谢谢.",
        '{"kind": "clinician", "sender": {"name": "Zoë O’Brien"}, "body": "Dear Dr Ali"}',
        "2026-02-12 12:00:00.000000",
        "2026-02-13 16:45:00.000000",
        "2026-02-13 16:45:00.000000",
        "2026-02-14",
        "posted",
        "replied_helped",
        1,
        0,
        None,
    ),
    (
        3,
        "mp_follow_up",
        "finished",
        1,
        "Jane Smith MP",
        "Following my letter about SIRT",
        'Dear Ms Smith,\n\nI wrote on 11 February and have had no reply yet. 100% of my "hope" is on this.',
        '{"kind": "mp_follow_up", "earlier_letter": {"date": "2026-02-11", "subject": "SIRT for NETs"}}',
        "2026-03-20 09:00:00.000000",
        "2026-03-20 09:30:00.000000",
        "2026-03-20 09:30:00.000000",
        "2026-03-21",
        "emailed",
        "no_reply_yet",
        1,
        1,
        1,
    ),
    (
        4,
        "devolved_rep",
        "draft",
        None,
        "",
        "",
        "",
        "{}",
        "2026-03-22 12:00:00.000000",
        "2026-03-22 12:00:00.000000",
        None,
        None,
        "",
        "none",
        0,
        0,
        None,
    ),
]
_PDF_0002 = b"%PDF-1.4 printed letter \xe2\x9c\x93 %%EOF"
_PDFS_0002 = [
    (1, 2, "2026-02-13 16:46:00.000000", "printed", hashlib.sha256(_PDF_0002).hexdigest(), len(_PDF_0002), _PDF_0002),
]

# Rows written at each earlier revision, as (table, rows) in insert order.
ROWS: dict[str, list[tuple[str, list[tuple]]]] = {
    "0001": [("sender_profiles", _PROFILES_0001), ("letters", _LETTERS_0001)],
    "0002": [("sender_profiles", _PROFILES_0001), ("letters", _LETTERS_0002), ("letter_pdfs", _PDFS_0002)],
    # 0003 added the full-text index only; its triggers index these rows as they go in.
    "0003": [("sender_profiles", _PROFILES_0001), ("letters", _LETTERS_0002), ("letter_pdfs", _PDFS_0002)],
}


def make_fixture(revision: str, target: Path) -> None:
    os.environ["SIRT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="sirt-fixture-")
    from alembic import command

    from sirt_desktop.core import paths
    from sirt_desktop.core.db.engine import _alembic_config, make_engine

    engine = make_engine()
    config = _alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()
    con = sqlite3.connect(paths.database_path())
    with con:
        for table, rows in ROWS[revision]:
            marks = ", ".join("?" * len(rows[0]))
            con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    con.execute("VACUUM")
    con.close()
    target.write_bytes(paths.database_path().read_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rewrite fixtures that already exist")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for revision in ROWS:
        target = OUT / f"schema-{revision}.sqlite3"
        if target.exists() and not args.force:
            print(f"kept    {target.relative_to(ROOT)}")
            continue
        make_fixture(revision, target)
        print(f"written {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

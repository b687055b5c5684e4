"""Every earlier schema version has a fixture database, and each upgrades to the newest
schema with its rows intact and a backup made first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import Database, _alembic_config, make_engine, migration_status
from tests.core.db.test_database import compare_with_models

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "db"


def _earlier_revisions() -> list[str]:
    script = ScriptDirectory.from_config(_alembic_config(make_engine("sqlite://")))
    head = script.get_current_head()
    return [rev.revision for rev in script.walk_revisions() if rev.revision != head]


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # never creates a missing fixture
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        out = {}
        for table in tables:
            cursor = con.execute(f"SELECT * FROM {table} ORDER BY 1")
            out[table] = ([c[0] for c in cursor.description], cursor.fetchall())
        return out
    finally:
        con.close()


def test_every_earlier_revision_has_a_fixture():
    missing = [r for r in _earlier_revisions() if not (FIXTURES / f"schema-{r}.sqlite3").exists()]
    assert missing == [], f"run scripts/make_db_fixtures.py for: {missing}"


@pytest.mark.parametrize("revision", _earlier_revisions())
def test_fixture_upgrades_to_head_with_rows_intact_and_a_backup_first(revision):
    fixture = FIXTURES / f"schema-{revision}.sqlite3"
    before = _rows(fixture)
    assert sum(len(rows) for _cols, rows in before.values()) > 0
    target = paths.database_path()
    shutil.copyfile(fixture, target)

    db = Database.open()
    current, head = migration_status(db.engine)
    assert current == head
    with db.engine.connect() as connection:
        assert compare_with_models(connection) == []
    db.close()

    after = _rows(target)
    for table, (columns, rows) in before.items():
        new_columns, new_rows = after[table]
        positions = [new_columns.index(c) for c in columns]
        assert [tuple(row[i] for i in positions) for row in new_rows] == rows, table

    backups = list(paths.backups_dir().glob("*.sqlite3"))
    assert len(backups) == 1
    assert _rows(backups[0]) == before  # the backup is the database as it was before
    assert (FIXTURES / f"schema-{revision}.sqlite3").read_bytes() == fixture.read_bytes()


def test_upgraded_letters_have_sensible_reply_tracking():
    shutil.copyfile(FIXTURES / "schema-0001.sqlite3", paths.database_path())
    from sirt_desktop.core.db.letters_repo import LettersRepository

    db = Database.open()
    repo = LettersRepository(db)
    draft, finished = repo.get(1), repo.get(2)
    assert draft.body.startswith("Annwyl Jane") and "✓" in draft.body
    assert draft.reply_status == "none" and draft.sent_at is None and draft.finished_at is None
    assert finished.finished_at == finished.updated_at  # best date known for older letters
    assert not finished.reply_asked_2w and finished.follow_up_of_id is None
    assert repo.count() == 3
    db.close()

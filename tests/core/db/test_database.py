from __future__ import annotations

import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import (
    CorruptDatabaseError,
    Database,
    NewerDatabaseError,
    _alembic_config,
    make_engine,
    migration_status,
    upgrade_database,
)
from sirt_desktop.core.db.letter_search import is_fts_table
from sirt_desktop.core.db.models import Base, Letter, SenderProfile


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_database_is_migrated_to_head_with_pragmas():
    db = Database.open()
    current, head = migration_status(db.engine)
    assert current == head
    assert paths.database_path().exists()
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert {"sender_profiles", "letters"} <= set(inspect(db.engine).get_table_names())
    db.close()


def not_the_text_index(name, type_, _parent_names) -> bool:
    """``include_name`` for compare_metadata: skip exactly the full-text index's tables.

    Migration 0003 creates ``letters_fts`` (an FTS5 virtual table) and FTS5 creates its shadow
    tables (``letters_fts_data``, ``_idx``, ``_docsize``, ``_config``); none is a model, so
    without this filter every comparison would report them as tables to drop. Anything else
    (a real table without a model) is still reported."""
    return not (type_ == "table" and is_fts_table(name))


def compare_with_models(connection):
    context = MigrationContext.configure(connection, opts={"include_name": not_the_text_index})
    return compare_metadata(context, Base.metadata)


def test_migrations_match_the_models():
    """A model change without a migration fails here."""
    db = Database.open()
    with db.engine.connect() as connection:
        diff = compare_with_models(connection)
    assert diff == []
    db.close()


def test_the_comparison_ignores_only_the_text_index_tables():
    db = Database.open()
    with db.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert {"letters_fts", "letters_fts_data", "letters_fts_config"} <= tables  # SQLite here has FTS5
        connection.execute(text("CREATE TABLE letters_fts_extra (id INTEGER PRIMARY KEY)"))
        diff = compare_with_models(connection)
    assert [(op, table.name) for op, table in diff] == [("remove_table", "letters_fts_extra")]
    db.close()


def test_session_commits_and_rolls_back():
    db = Database.open()
    with db.session() as session:
        profile = SenderProfile(name="Siân Llŵyd", address="1 Stryd Fawr\nLlanelli", postcode="SA15 1AA")
        session.add(profile)
        session.flush()
        session.add(Letter(kind="mp_campaign", body="Dear...", sender_profile_id=profile.id))
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Letter(kind="clinician", body="lost"))
        raise RuntimeError("unit of work fails")
    with db.session() as session:
        assert session.query(Letter).count() == 1
        assert session.query(SenderProfile).one().name == "Siân Llŵyd"
    db.close()


def test_deleting_a_profile_keeps_its_letters():
    db = Database.open()
    with db.session() as session:
        profile = SenderProfile(name="Carer")
        session.add(profile)
        session.flush()
        session.add(Letter(kind="mp_campaign", sender_profile_id=profile.id))
    with db.session() as session:
        session.delete(session.query(SenderProfile).one())
    with db.session() as session:
        assert session.query(Letter).one().sender_profile_id is None
    db.close()


def _earlier_revisions():
    script = ScriptDirectory.from_config(_alembic_config(make_engine("sqlite://")))
    head = script.get_current_head()
    return [rev.revision for rev in script.walk_revisions() if rev.revision != head]


@pytest.mark.parametrize(
    "revision", _earlier_revisions() or [pytest.param(None, marks=pytest.mark.skip("one schema version so far"))]
)
def test_upgrade_from_earlier_revision_backs_up_first(revision):
    from alembic import command

    engine = make_engine()
    config = _alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    backup = upgrade_database(engine)
    assert backup is not None and backup.exists()
    assert migration_status(engine)[0] == migration_status(engine)[1]


def test_newer_database_is_refused_and_untouched():
    db = Database.open()
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    db.close()
    before = _digest(paths.database_path())
    with pytest.raises(NewerDatabaseError):
        Database.open()
    assert _digest(paths.database_path()) == before


def test_corrupt_database_is_refused_and_untouched():
    path = paths.database_path()
    path.write_bytes(b"this is not a database" * 100)
    before = _digest(path)
    with pytest.raises(CorruptDatabaseError):
        Database.open()
    assert _digest(path) == before


def test_database_file_is_owner_only():
    import os

    if os.name != "posix":
        pytest.skip("POSIX file modes")
    Database.open().close()
    assert paths.database_path().stat().st_mode & 0o077 == 0
    # And SQLite can still open it read-write.
    sqlite3.connect(paths.database_path()).execute("select 1").close()

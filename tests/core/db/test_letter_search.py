"""The full-text index narrows text filters without changing their results."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from sirt_desktop.core import paths
from sirt_desktop.core.db import letter_search
from sirt_desktop.core.db.engine import Database, _alembic_config, make_engine
from sirt_desktop.core.db.letter_search import fts_available, fts_phrase, fts_query, narrowing
from sirt_desktop.core.db.letters_repo import _NEWEST_FIRST, LettersRepository, filter_conditions
from sirt_desktop.core.db.models import Letter
from sirt_desktop.core.db.privacy import auto_delete_finished, delete_everything
from sirt_desktop.core.db.records import LetterFilters

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "db"
CORPUS = [
    ("Jane Smith MP", "SIRT for NETs — please help", "I have a neuroendocrine tumour in my LIVER. “SIRT” ✓"),
    ("Dr Ómar Ali", "Is SIRT right for my wife?", "Could we talk about radioembolisation? Diolch — 谢谢."),
    ("ÓMAR ómar", 'He said "AND" OR NOT', 'quotes "" and * ^ : ( ) NEAR(a b) col:value -x +y'),
    ("", "100% sure_of it", "back\\slash and 50%_off; emoji 🙂 Llŵyd ŴŶ straße STRASSE"),
    ("Member 12", "", "tab\there, new\nline and a NUL\x00after it"),
]


def _like_ids(db: Database, filters: LetterFilters) -> list[int]:
    """Today's semantics: LIKE alone, no index."""
    with db.session() as s:
        query = select(Letter.id).where(*filter_conditions(filters)).order_by(*_NEWEST_FIRST)
        return list(s.scalars(query))


def _fill(repo: LettersRepository, rows=CORPUS) -> None:
    for recipient, subject, body in rows:
        repo.create_draft("mp_campaign", {}, recipient, subject, body)


def _query_text(corpus):
    """Arbitrary text, and pieces of the stored letters (with changed case) to get hits."""
    texts = [t for row in corpus for t in row if t]
    piece = st.builds(
        lambda t, a, n: t[a % len(t) :][:n], st.sampled_from(texts), st.integers(0, 200), st.integers(1, 12)
    )
    recased = st.tuples(piece, st.sampled_from([str, str.upper, str.lower, str.swapcase])).map(lambda p: p[1](p[0]))
    words = st.lists(st.one_of(st.text(max_size=12), piece, recased), min_size=1, max_size=4)
    return st.one_of(st.text(), words.map(" ".join))


def test_migration_makes_the_index_and_the_repository_uses_it():
    db = Database.open()
    repo = LettersRepository(db)
    _fill(repo)
    assert fts_available(db)
    with db.session() as s:
        assert narrowing(db, s, ["radioembolisation"]) is not None
        assert narrowing(db, s, ["ab"]) is None  # too short for a trigram: LIKE alone
    assert [r.recipient_name for r in repo.list_page(LetterFilters(text="RADIOEMBOLISATION"))] == ["Dr Ómar Ali"]
    assert repo.count(LetterFilters(text="zebra")) == 0
    db.close()


def test_fts_query_quotes_every_word():
    assert fts_phrase('say "hi"') == '"say ""hi"""'
    assert fts_query(["ab", "tumour", 'NOT"', "a\x00bc"]) == '"tumour" AND "NOT"""'
    assert fts_query(["ab", "é"]) is None
    assert fts_query(["word"] * 3 + [f"w{i:03d}" for i in range(40)]).count(" AND ") == letter_search.MAX_PHRASES - 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=_query_text(CORPUS))
def test_any_text_gives_the_same_letters_as_like(query):
    db = _corpus_db()
    repo = LettersRepository(db)
    filters = LetterFilters(text=query)
    with db.session() as s:  # the index is really used whenever a word can use it
        assert (narrowing(db, s, filters.words()) is None) == (fts_query(filters.words()) is None)
    assert [s.id for s in repo.list_page(filters)] == _like_ids(db, filters)
    assert repo.count(filters) == len(_like_ids(db, filters))


_DBS: dict[str, Database] = {}


def _corpus_db() -> Database:
    """One small database for every example of the property above (made in this test's home)."""
    key = str(paths.database_path())
    if key not in _DBS:
        for old in _DBS.values():
            old.close()
        _DBS.clear()
        db = Database.open()
        _fill(LettersRepository(db))
        _DBS[key] = db
    return _DBS[key]


letter_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(letter_text, letter_text, letter_text), min_size=1, max_size=5), data=st.data())
def test_arbitrary_letters_and_queries_match_like(rows, data):
    db = _corpus_db()
    repo = LettersRepository(db)
    with db.session() as s:
        s.execute(text("DELETE FROM letters"))
    _fill(repo, rows)
    for _ in range(5):
        filters = LetterFilters(text=data.draw(_query_text(rows + CORPUS)))
        assert [s.id for s in repo.list_page(filters)] == _like_ids(db, filters)


def test_triggers_keep_the_index_in_step_with_edits_and_deletes():
    db = Database.open()
    repo = LettersRepository(db)
    first = repo.create_draft("mp_campaign", {}, "Jane Smith MP", "About funding", "first words")
    second = repo.duplicate(first.id)
    repo.save_draft(first.id, "mp_campaign", "Dr Ali", "About scans", "changed words", {})
    repo.mark_sent(second.id, "posted", dt.date(2026, 3, 1))  # no indexed column changes
    ids = lambda words: [s.id for s in repo.list_page(LetterFilters(text=words))]  # noqa: E731
    assert ids("funding") == [second.id]
    assert ids("scans changed") == [first.id]
    assert ids("Jane") == [second.id]
    repo.delete(second.id)
    assert ids("funding") == [] and ids("words") == [first.id]
    with db.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO letters_fts(letters_fts) VALUES ('integrity-check')")
    db.close()


def test_common_words_skip_the_index_with_the_same_results(monkeypatch):
    db = Database.open()
    repo = LettersRepository(db)
    _fill(repo, [("MP", f"letter {i}", "hospital") for i in range(5)])
    monkeypatch.setattr(letter_search, "NARROW_LIMIT", 3)
    with db.session() as s:
        assert narrowing(db, s, ["hospital"]) is None
    assert len(repo.list_page(LetterFilters(text="hospital"))) == 5
    assert [s.subject for s in repo.list_page(LetterFilters(text="hospital"), 1, 2)] == ["letter 3", "letter 2"]
    db.close()


def test_without_the_index_the_filter_still_works():
    from alembic import command

    db = Database.open()
    _fill(LettersRepository(db))
    config = _alembic_config(db.engine)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    db.close()
    db = Database(make_engine())  # not migrated: schema 0002, no index
    assert not fts_available(db)
    repo = LettersRepository(db)
    assert [s.recipient_name for s in repo.list_page(LetterFilters(text="radioembolisation"))] == ["Dr Ómar Ali"]
    db.close()


def test_migration_does_nothing_on_postgresql():
    from alembic import command
    from alembic.config import Config

    from sirt_desktop.core.db.engine import MIGRATIONS_DIR

    config = Config(stdout=io.StringIO())
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", "postgresql://helpline@localhost/sirt")
    out = io.StringIO()
    with redirect_stdout(out):
        command.upgrade(config, "0002:0003", sql=True)
    assert "0003" in out.getvalue() and "fts" not in out.getvalue().lower()


def test_upgraded_0002_database_is_indexed():
    shutil.copyfile(FIXTURES / "schema-0002.sqlite3", paths.database_path())
    db = Database.open()
    repo = LettersRepository(db)
    assert fts_available(db)
    with db.session() as s:
        assert narrowing(db, s, ["radioembolisation"]) is not None
    assert [s.id for s in repo.list_page(LetterFilters(text="radioembolisation"))] == [2]
    assert [s.id for s in repo.list_page(LetterFilters(text='"hope" 100%'))] == [3]
    assert repo.latest_pdf(2).startswith(b"%PDF")
    db.close()


def _index_rows(db: Database) -> tuple[int, int]:
    with db.engine.connect() as connection:
        blocks = connection.exec_driver_sql("SELECT count(*) FROM letters_fts_data").scalar_one()
        docs = connection.exec_driver_sql("SELECT count(*) FROM letters_fts_docsize").scalar_one()
    return blocks, docs


def test_delete_everything_empties_the_index():
    db = Database.open()
    empty = _index_rows(db)
    repo = LettersRepository(db)
    for i in range(30):
        repo.create_draft("mp_campaign", {}, "MP", f"subject {i}", "qzxjvk marker words " * 100)
    assert _index_rows(db) != empty
    delete_everything(db)
    assert _index_rows(db) == empty  # no segment left holding deleted words
    assert repo.count(LetterFilters(text="qzxjvk")) == 0
    db.close()


def _index_bytes(db: Database) -> bytes:
    with db.engine.connect() as connection:
        return b"".join(row[0] for row in connection.exec_driver_sql("SELECT block FROM letters_fts_data"))


def test_auto_delete_rewrites_the_index_without_the_deleted_letters():
    db = Database.open()
    repo = LettersRepository(db)
    old = repo.create_draft("mp_campaign", {}, "MP", "old", "qzxjvk " * 200)
    repo.finish(old.id, when=dt.datetime(2026, 1, 10))
    repo.create_draft("mp_campaign", {}, "MP", "kept", "other words")
    assert b"qzx" in _index_bytes(db)  # a trigram only the old letter has
    assert auto_delete_finished(db, 6, dt.date(2027, 1, 1)) == 1
    assert b"qzx" not in _index_bytes(db)  # not merely marked deleted: gone
    assert [s.subject for s in repo.list_page(LetterFilters(text="other"))] == ["kept"]
    db.close()


@pytest.fixture(autouse=True)
def _close_corpus_dbs():
    yield
    for db in _DBS.values():
        db.close()
    _DBS.clear()


def test_deleting_one_letter_leaves_no_trace_of_its_words_in_the_file():
    from sirt_desktop.core import paths
    from sirt_desktop.core.db.engine import Database
    from sirt_desktop.core.db.letters_repo import LettersRepository

    db = Database.open()
    repo = LettersRepository(db)
    marker = "Quibblezorkmarker"
    keep = repo.create_draft("mp_campaign", {}, subject="kept", body="ordinary words")
    gone = repo.create_draft("mp_campaign", {}, subject="gone", body=f"secret {marker} words")
    repo.delete(gone.id)
    assert repo.get(keep.id).subject == "kept"
    db.close()
    everything = b"".join(p.read_bytes() for p in paths.data_dir().rglob("*") if p.is_file())
    assert marker.encode() not in everything

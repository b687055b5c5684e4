"""Every saved letter has a version: a save from a copy that is out of date is refused."""

from __future__ import annotations

import pytest

from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.db.errors import StaleLetterError
from sirt_desktop.core.db.letters_repo import LetterNotFoundError, LettersRepository


def _save(repo, letter_id, body, expected):
    return repo.save_draft(letter_id, "mp_campaign", "MP", "Subject", body, {"body": body}, expected_version=expected)


def test_each_save_moves_the_version_on(db):
    repo = LettersRepository(db)
    letter = repo.create_draft("mp_campaign", {}, body="first")
    assert letter.version == 1
    assert _save(repo, letter.id, "second", 1) == 2
    assert _save(repo, letter.id, "third", 2) == 3
    record = repo.get(letter.id)
    assert (record.body, record.version) == ("third", 3)


def test_a_stale_save_is_refused_and_writes_nothing(db):
    repo = LettersRepository(db)
    letter = repo.create_draft("mp_campaign", {}, body="start")
    _save(repo, letter.id, "ALPHAWORDS", 1)
    with pytest.raises(StaleLetterError) as caught:
        _save(repo, letter.id, "BRAVOWORDS", 1)  # this copy still thinks it is at version 1
    assert (caught.value.expected, caught.value.found) == (1, 2)
    assert "changed somewhere else" in str(caught.value)
    assert repo.get(letter.id).body == "ALPHAWORDS"
    assert repo.get(letter.id).version == 2


def test_two_databases_on_one_file_cannot_overwrite_each_other():
    """Two connections to one file (two copies of the app, or a shared database) each read
    the letter, then both save: the second save is refused instead of replacing the first."""
    first, second = Database.open(), Database.open()
    try:
        a, b = LettersRepository(first), LettersRepository(second)
        letter = a.create_draft("mp_campaign", {}, body="Typed here.")
        seen_by_a = a.get(letter.id).version
        seen_by_b = b.get(letter.id).version
        _save(a, letter.id, "Typed here. ALPHAWORDS", seen_by_a)
        with pytest.raises(StaleLetterError):
            _save(b, letter.id, "Typed here. BRAVOWORDS", seen_by_b)
        assert b.get(letter.id).body == "Typed here. ALPHAWORDS"
    finally:
        first.close()
        second.close()


def test_saving_a_deleted_letter_says_it_is_gone(db):
    repo = LettersRepository(db)
    letter = repo.create_draft("mp_campaign", {}, body="x")
    repo.delete(letter.id)
    with pytest.raises(LetterNotFoundError):
        _save(repo, letter.id, "y", 1)
    with pytest.raises(LetterNotFoundError):
        repo.version(letter.id)


def test_tracking_a_reply_does_not_make_the_open_letter_stale(db):
    """Finishing, sending and replies change no words: the writer's next save still applies."""
    repo = LettersRepository(db)
    letter = repo.create_draft("mp_campaign", {}, body="x")
    repo.finish(letter.id)
    repo.reopen(letter.id)
    assert _save(repo, letter.id, "y", 1) == 2


def test_an_unchecked_save_still_moves_the_version(db):
    repo = LettersRepository(db)
    letter = repo.create_draft("mp_campaign", {}, body="x")
    assert repo.save_draft(letter.id, "mp_campaign", "", "", "y", {}) == 2


def test_a_new_letter_given_a_deleted_letters_id_is_not_written_over(db):
    """SQLite hands the highest id out again after a delete: the id alone does not name a letter."""
    from sirt_desktop.core.letters.drafts import DraftStore
    from sirt_desktop.core.letters.model import Letter

    repo = LettersRepository(db)
    here, elsewhere = DraftStore(repo), DraftStore(repo)
    first = here.save(None, Letter(kind="mp_campaign", body="mine"))
    repo.delete(first)
    other = elsewhere.save(None, Letter(kind="mp_campaign", body="someone else's"))
    assert other == first  # the same id, a different letter
    with pytest.raises(StaleLetterError):
        here.save(first, Letter(kind="mp_campaign", body="mine, later"))
    assert repo.get(other).body == "someone else's"

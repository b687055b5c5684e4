from __future__ import annotations

import datetime as dt

import pytest

from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.letters_repo import LetterNotFoundError, LettersRepository
from sirt_desktop.core.db.profiles_repo import ProfilesRepository
from sirt_desktop.core.db.records import LetterFilters
from sirt_desktop.core.letters.schema import letter_from_dict

SENDER = {"name": "Siân Llŵyd", "address_lines": ["1 Stryd Fawr", "Llanelli"], "postcode": "SA15 1AA"}


@pytest.fixture
def repo(db):
    return LettersRepository(db)


def _letter(repo, subject="SIRT funding", body="Please help.", kind="mp_campaign", recipient="Jane Smith MP"):
    data = {"kind": kind, "sender": SENDER, "recipient": {"full_name": recipient}, "subject": subject, "body": body}
    return repo.create_draft(kind, data, recipient, subject, body)


def test_draft_is_created_saved_and_read_back(repo):
    letter = _letter(repo)
    assert letter.status == "draft" and letter.sent_at is None and letter.reply_status == "none"
    data = {"kind": "clinician", "sender": SENDER, "body": "Annwyl Dr Jones — diolch ✓"}
    repo.save_draft(letter.id, "clinician", "Dr Jones", "My scan", data["body"], data)
    again = repo.get(letter.id)
    assert (again.kind, again.recipient_name, again.subject, again.body) == (
        "clinician",
        "Dr Jones",
        "My scan",
        "Annwyl Dr Jones — diolch ✓",
    )
    assert again.data == data
    assert again.updated_at >= letter.updated_at


def test_missing_letter_is_reported(repo):
    with pytest.raises(LetterNotFoundError):
        repo.get(999)
    with pytest.raises(LetterNotFoundError):
        repo.save_draft(999, "mp_campaign", "", "", "", {})
    with pytest.raises(LetterNotFoundError):
        repo.delete(999)


def test_save_draft_rejects_data_that_is_not_a_dict(repo):
    letter = _letter(repo)
    with pytest.raises(TypeError):
        repo.save_draft(letter.id, "mp_campaign", "", "", "", ["not", "a", "dict"])


def test_duplicate_copies_words_but_not_tracking(repo):
    letter = _letter(repo)
    repo.mark_sent(letter.id, "posted", dt.date(2027, 3, 1))
    copy = repo.duplicate(letter.id)
    assert copy.id != letter.id
    assert (copy.subject, copy.body, copy.data) == (letter.subject, letter.body, letter.data)
    assert copy.status == "draft" and copy.sent_at is None and copy.sent_method == ""


def test_finish_mark_sent_and_reply(repo):
    letter = _letter(repo)
    repo.finish(letter.id)
    assert repo.get(letter.id).finished_at is not None
    repo.mark_sent(letter.id, "emailed", dt.date(2027, 3, 1))
    sent = repo.get(letter.id)
    assert (sent.status, sent.sent_at, sent.sent_method) == ("finished", dt.date(2027, 3, 1), "emailed")
    assert sent.status_text().startswith("Sent 1 Mar 2027")
    repo.record_reply(letter.id, "replied_helped")
    assert repo.get(letter.id).reply_status == "replied_helped"
    with pytest.raises(ValueError):
        repo.mark_sent(letter.id, "pigeon", dt.date(2027, 3, 1))
    with pytest.raises(ValueError):
        repo.record_reply(letter.id, "maybe")


def test_recording_a_reply_does_not_move_the_letter_up_the_list(repo):
    first = _letter(repo, subject="first")
    repo.mark_sent(first.id, "posted", dt.date(2027, 3, 1))
    _letter(repo, subject="second")
    repo.record_reply(first.id, "acknowledgement_only")
    assert [s.subject for s in repo.list_page()] == ["second", "first"]


def test_list_is_newest_first_paged_and_filtered(repo):
    for i in range(30):
        kind = "clinician" if i % 3 == 0 else "mp_campaign"
        _letter(
            repo,
            subject=f"Letter {i:02d}",
            body=f"body {i} {'hospital' if i % 5 == 0 else 'parliament'}",
            kind=kind,
            recipient="Dr Ómar Ali" if kind == "clinician" else "Jane Smith MP",
        )
    page = repo.list_page(LetterFilters(), 0, 10)
    assert [s.subject for s in page] == [f"Letter {i:02d}" for i in range(29, 19, -1)]
    assert [s.subject for s in repo.list_page(LetterFilters(), 25, 10)] == [f"Letter {i:02d}" for i in range(4, -1, -1)]
    assert repo.count() == 30
    assert repo.count(LetterFilters(kind="clinician")) == 10
    assert repo.count(LetterFilters(text="hospital")) == 6
    assert repo.count(LetterFilters(text="HOSPITAL letter")) == 6  # every word, any case
    assert repo.count(LetterFilters(text="hospital", kind="clinician")) == 2  # 0, 15
    assert repo.count(LetterFilters(recipient="ómar")) in (0, 10)  # SQLite folds ASCII case only
    assert repo.count(LetterFilters(recipient="Ómar")) == 10
    assert repo.count(LetterFilters(text="Smith")) == 20  # recipient is searched too
    assert repo.count(LetterFilters(text="100%")) == 0  # wildcards are literal
    assert repo.count(LetterFilters(text="_")) == 0


def test_status_filters(repo):
    _draft, finished, waiting, answered = (_letter(repo, subject=s) for s in ("d", "f", "w", "a"))
    repo.finish(finished.id)
    repo.mark_sent(waiting.id, "posted", dt.date(2027, 1, 1))
    repo.mark_sent(answered.id, "posted", dt.date(2027, 1, 1))
    repo.record_reply(answered.id, "replied_not_answered")
    subjects = lambda status: {s.subject for s in repo.list_page(LetterFilters(status=status))}  # noqa: E731
    assert subjects("draft") == {"d"}
    assert subjects("finished") == {"f"}
    assert subjects("sent") == {"w", "a"}
    assert subjects("waiting") == {"w"}
    assert subjects("answered") == {"a"}
    with pytest.raises(ValueError):
        repo.list_page(LetterFilters(status="lost"))


def test_reply_checks_come_at_two_and_four_weeks_once_each(repo):
    letter = _letter(repo)
    sent = dt.date(2027, 3, 1)
    repo.mark_sent(letter.id, "posted", sent)
    assert repo.due_reply_checks(sent + dt.timedelta(days=13)) == []
    [check] = repo.due_reply_checks(sent + dt.timedelta(days=14))
    assert (check.letter.id, check.weeks) == (letter.id, 2)
    repo.record_reply(letter.id, "no_reply_yet", check_weeks=2)
    assert repo.due_reply_checks(sent + dt.timedelta(days=20)) == []
    [check] = repo.due_reply_checks(sent + dt.timedelta(days=28))
    assert check.weeks == 4
    repo.mark_reply_check_asked(letter.id, 4)
    assert repo.due_reply_checks(sent + dt.timedelta(days=90)) == []


def test_a_letter_past_both_checks_is_asked_once_and_answered_letters_never(repo):
    old, answered, not_expecting = _letter(repo), _letter(repo), _letter(repo)
    for letter in (old, answered, not_expecting):
        repo.mark_sent(letter.id, "posted", dt.date(2027, 1, 1))
    repo.record_reply(answered.id, "replied_helped")
    repo.record_reply(not_expecting.id, "not_expecting")
    [check] = repo.due_reply_checks(dt.date(2027, 6, 1))
    assert (check.letter.id, check.weeks) == (old.id, 4)
    repo.record_reply(old.id, "no_reply_yet", check_weeks=4)
    assert repo.due_reply_checks(dt.date(2027, 6, 1)) == []


def test_pdf_versions_are_kept_byte_for_byte(repo):
    letter = _letter(repo)
    assert repo.latest_pdf(letter.id) is None
    first = b"%PDF-1.4\n" + bytes(range(256)) + b"\n%%EOF"
    second = b"%PDF-1.4\nsecond\x00\xff\n%%EOF"
    repo.store_pdf(letter.id, first, "printed")
    repo.store_pdf(letter.id, second, "printed")
    repo.store_pdf(letter.id, b"%PDF saved copy", "saved")
    assert repo.latest_pdf(letter.id) == second
    assert repo.latest_pdf(letter.id, purpose=None) == b"%PDF saved copy"
    versions = repo.pdf_versions(letter.id)
    assert [v.purpose for v in versions] == ["printed", "printed", "saved"]
    assert repo.pdf_bytes(versions[0].id) == first
    with pytest.raises(ValueError):
        repo.store_pdf(letter.id, first, "faxed")
    with pytest.raises(LetterNotFoundError):
        repo.store_pdf(999, first)
    repo.delete(letter.id)
    assert repo.pdf_versions(letter.id) == []


def test_follow_up_quotes_the_earlier_letter_and_links_to_it(repo):
    earlier = _letter(repo, subject="Fund SIRT for NETs")
    repo.mark_sent(earlier.id, "posted", dt.date(2027, 2, 3))
    follow = repo.start_follow_up(earlier.id)
    assert follow.kind == "mp_follow_up" and follow.status == "draft"
    assert follow.follow_up_of_id == earlier.id
    assert follow.data["earlier_letter"] == {"date": "2027-02-03", "subject": "Fund SIRT for NETs"}
    assert (follow.quoted_letter_date, follow.quoted_letter_subject) == ("2027-02-03", "Fund SIRT for NETs")
    assert follow.data["sender"] == SENDER and follow.recipient_name == earlier.recipient_name
    repo.delete(earlier.id)
    assert repo.get(follow.id).follow_up_of_id is None  # the follow-up stays


def test_follow_up_data_is_accepted_by_the_letters_model(repo):

    sent = dt.date.today() - dt.timedelta(days=30)
    recipient = {"full_name": "Jane Smith MP", "address_lines": ["House of Commons", "London"], "postcode": "SW1A 0AA"}
    earlier = repo.create_draft(
        "mp_campaign",
        {"kind": "mp_campaign", "sender": SENDER, "recipient": recipient},
        "Jane Smith MP",
        "Fund SIRT",
        "Please help.",
    )
    repo.mark_sent(earlier.id, "posted", sent)
    follow = repo.start_follow_up(earlier.id)
    letter = letter_from_dict({**follow.data, "body": "Thank you."})
    assert letter.earlier_letter.date == sent and letter.earlier_letter.subject == "Fund SIRT"


def test_editing_a_profile_never_changes_a_letter(db, repo):
    profiles = ProfilesRepository(db)
    patient = profiles.create("Siân Llŵyd", label="Me", address="1 Stryd Fawr\nLlanelli", postcode="SA15 1AA")
    carer = profiles.create("Tom Jones", label="My husband")
    assert [p.label for p in profiles.list()] == ["Me", "My husband"]
    snapshot = patient.sender_snapshot()
    assert snapshot["address_lines"] == ["1 Stryd Fawr", "Llanelli"]
    letter = repo.create_draft("mp_campaign", {"sender": snapshot}, sender_profile_id=patient.id)
    profiles.update(patient.id, address="2 New Road\nSwansea", postcode="SA1 1AA")
    assert profiles.get(patient.id).postcode == "SA1 1AA"
    assert repo.get(letter.id).data["sender"] == snapshot
    profiles.delete(patient.id)
    kept = repo.get(letter.id)
    assert kept.sender_profile_id is None and kept.data["sender"] == snapshot
    assert [p.id for p in profiles.list()] == [carer.id]
    with pytest.raises(ValueError):
        profiles.update(carer.id, favourite_colour="blue")


def test_a_full_disk_is_a_plain_database_error(repo, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    letter = _letter(repo)

    def full(*_args, **_kwargs):
        raise OperationalError("UPDATE letters", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr("sqlalchemy.orm.Session.execute", full)
    with pytest.raises(DatabaseError, match="no space left"):
        repo.save_draft(letter.id, "mp_campaign", "", "", "words", {})

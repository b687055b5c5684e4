from __future__ import annotations

import datetime as dt
import json
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.core.db.models import Letter
from sirt_desktop.core.db.records import LetterFilters
from sirt_desktop.gui.history.controller import HistoryController
from sirt_desktop.gui.history.view import EMPTY_TEXT, HistoryView
from tests.gui.accessibility import unnamed_controls

KINDS = ("mp_campaign", "clinician", "mp_my_case")


class Answers:
    """Stands in for the dialogs: records what was asked, answers as told."""

    def __init__(self) -> None:
        self.delete = True
        self.sent = ("posted", dt.date(2027, 3, 1))
        self.reply = "replied_helped"
        self.told: list[str] = []
        self.problems: list[str] = []

    def confirm_delete(self, letter):
        return self.delete

    def ask_sent(self, letter):
        return self.sent

    def ask_reply(self, letter):
        return self.reply

    def tell(self, title, message):
        self.told.append(title)

    def problem(self, message):
        self.problems.append(message)


@pytest.fixture
def filled(db):
    base = dt.datetime(2025, 1, 1)
    rows = []
    for i in range(350):
        kind = KINDS[i % 3]
        word = "hospital" if i % 7 == 0 else "parliament"
        rows.append(
            dict(
                kind=kind,
                status="draft",
                recipient_name=f"Recipient {i}",
                subject=f"Letter {i:03d}",
                body=f"Words about the {word} — Siân {i}",
                data_json=json.dumps({"n": i}),
                created_at=base + dt.timedelta(minutes=i),
                updated_at=base + dt.timedelta(minutes=i),
            )
        )
    with db.session() as s:
        s.execute(insert(Letter), rows)
    return db


@pytest.fixture
def page(filled, qtbot):
    repo = LettersRepository(filled)
    view = HistoryView()
    answers = Answers()
    controller = HistoryController(view, repo, prompts=answers)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view, controller, repo, answers


def test_first_page_is_fetched_and_more_on_demand(page, qtbot):
    view, controller, _repo, _ = page
    model = controller.model
    assert 0 < model.rowCount() <= 350
    assert model.data(model.index(0, 3)) == "Letter 349"  # newest first
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 350
    qtbot.waitUntil(lambda: view.count_label.text() == "350 letters.")


def test_filters_narrow_the_list(page, qtbot):
    view, controller, _repo, _ = page
    model = controller.model
    view.search.setText("hospital")
    view.apply_filters_now()
    assert model.rowCount() == 50  # every 7th of 350
    assert all("Letter" in model.data(model.index(r, 3)) for r in range(model.rowCount()))
    view.kind.setCurrentIndex(view.kind.findData("clinician"))
    assert model.filters == LetterFilters(text="hospital", kind="clinician")
    assert model.rowCount() == len([i for i in range(350) if i % 7 == 0 and i % 3 == 1])
    assert model.data(model.index(0, 1)) == "To my clinician"
    view.search.setText("nothing-like-this")
    view.apply_filters_now()
    assert model.rowCount() == 0 and view.stack.currentIndex() == 1
    assert "No letters match" in view.empty_text.text()


def test_typing_filters_after_a_pause(page, qtbot):
    view, controller, _repo, _ = page
    with qtbot.waitSignal(view.filters_changed, timeout=5000):
        qtbot.keyClicks(view.search, "hospital")
    assert controller.model.rowCount() == 50


def test_open_emits_the_letter_id(page, qtbot):
    view, controller, _repo, _ = page
    view.table.selectRow(2)
    expected = controller.model.summary(2).id
    with qtbot.waitSignal(controller.open_letter_requested) as blocker:
        view.buttons["open"].click()
    assert blocker.args == [expected]
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(controller.open_letter_requested) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [controller.model.summary(3).id]


def test_every_control_has_an_accessible_name(page):
    view = page[0]
    assert unnamed_controls(view) == []


def test_empty_state_is_plain(db, qtbot):
    view = HistoryView()
    HistoryController(view, LettersRepository(db), prompts=Answers())
    qtbot.addWidget(view)
    assert view.stack.currentIndex() == 1
    assert view.empty_text.text() == EMPTY_TEXT
    assert not view.buttons["open"].isEnabled()
    assert unnamed_controls(view) == []


def test_sent_reply_follow_up_duplicate_and_delete(page, qtbot):
    view, controller, repo, answers = page
    view.table.selectRow(0)
    letter_id = view.selected_letter_id()
    assert not view.buttons["reply"].isEnabled()
    view.buttons["sent"].click()
    assert repo.get(letter_id).sent_at == dt.date(2027, 3, 1)
    assert view.selected_letter_id() == letter_id and view.buttons["reply"].isEnabled()
    view.buttons["reply"].click()
    assert repo.get(letter_id).reply_status == "replied_helped"
    assert "helped" in controller.model.data(controller.model.index(controller.model.row_of(letter_id), 4))

    with qtbot.waitSignal(controller.follow_up_created) as blocker:
        view.buttons["follow_up"].click()
    follow = repo.get(blocker.args[0])
    assert follow.follow_up_of_id == letter_id and follow.kind == "mp_follow_up"
    assert view.selected_letter_id() == follow.id

    view.buttons["duplicate"].click()
    assert repo.count() == 352
    answers.delete = False
    view.buttons["delete"].click()
    assert repo.count() == 352
    answers.delete = True
    doomed = view.selected_letter_id()
    view.buttons["delete"].click()
    assert repo.count() == 351 and controller.model.row_of(doomed) == -1


def test_reprint_sends_the_stored_bytes(page, qtbot):
    view, controller, repo, answers = page
    view.table.selectRow(1)
    letter_id = view.selected_letter_id()
    assert not view.buttons["reprint"].isEnabled()  # never printed: nothing to print again
    controller.act("reprint", letter_id)  # (a list not yet up to date still says why)
    assert answers.told == ["Not printed yet"]
    pdf = b"%PDF-1.4\n\x00\xffexact bytes\n%%EOF"
    repo.store_pdf(letter_id, pdf, "printed")
    controller.refresh(letter_id)
    with qtbot.waitSignal(controller.reprint_requested) as blocker:
        view.buttons["reprint"].click()
    assert blocker.args == [letter_id, pdf]


def test_a_letter_deleted_elsewhere_is_explained(page):
    view, _controller, repo, answers = page
    view.table.selectRow(0)
    repo.delete(view.selected_letter_id())
    view.buttons["sent"].click()
    assert answers.problems and "no longer there" in answers.problems[0]


def test_reply_check_dialog_records_answers_and_skips(db, qtbot):
    from sirt_desktop.gui.history.reply_check_dialog import ReplyCheckDialog
    from sirt_desktop.gui.history.reply_checks import ReplyChecks

    repo = LettersRepository(db)
    first = repo.create_draft("mp_campaign", {}, "Jane Smith MP", "Fund SIRT")
    second = repo.create_draft("mp_campaign", {}, "Dr Ali", "My scan")
    repo.mark_sent(first.id, "posted", dt.date(2027, 1, 1))
    repo.mark_sent(second.id, "emailed", dt.date(2027, 1, 20))
    checks = repo.due_reply_checks(dt.date(2027, 2, 5))
    assert [(c.letter.id, c.weeks) for c in checks] == [(first.id, 4), (second.id, 2)]
    dialog = ReplyCheckDialog(checks)
    qtbot.addWidget(dialog)
    ReplyChecks(repo).connect(dialog)
    assert unnamed_controls(dialog) == []
    assert "Jane Smith MP" in dialog.question.text()
    assert not dialog.save.isEnabled()
    dialog.answers.radios["acknowledgement_only"].click()
    dialog.save.click()
    assert "Dr Ali" in dialog.question.text()
    dialog.later.click()
    assert repo.get(first.id).reply_status == "acknowledgement_only"
    assert repo.get(second.id).reply_asked_2w and repo.get(second.id).reply_status == "none"
    assert repo.due_reply_checks(dt.date(2027, 2, 5)) == []
    assert [c.weeks for c in repo.due_reply_checks(dt.date(2027, 2, 17))] == [4]


def test_your_data_group(db, qtbot, tmp_path):
    from sirt_desktop.core import paths
    from sirt_desktop.core.db.export import read_export
    from sirt_desktop.core.settings import AUTO_DELETE_MONTHS, Settings
    from sirt_desktop.gui.settings.your_data import YourDataController
    from sirt_desktop.gui.settings.your_data_view import DeleteEverythingDialog, YourDataView

    class DataAnswers:
        confirm = False
        told: ClassVar[list[str]] = []

        def export_path(self):
            return str(tmp_path / "export.zip")

        def confirm_delete_everything(self, counts):
            self.counts = counts
            return self.confirm

        def tell(self, title, message):
            self.told.append(title)

        def problem(self, message):
            raise AssertionError(message)

    repo = LettersRepository(db)
    repo.create_draft("mp_campaign", {}, "Jane", "Keep me")
    settings = Settings()
    view = YourDataView(str(paths.data_dir()))
    qtbot.addWidget(view)
    answers = DataAnswers()
    controller = YourDataController(view, lambda: db, settings, prompts=answers)
    assert unnamed_controls(view) == []
    assert view.months.currentText() == "Never"
    view.choose_months(12)
    assert Settings().get(AUTO_DELETE_MONTHS) == 12

    view.export.click()
    qtbot.waitUntil(lambda: "Exported" in answers.told, timeout=10_000)
    assert len(read_export(tmp_path / "export.zip").letters) == 1
    view.delete_all.click()
    assert answers.counts.letters == 1 and repo.count() == 1  # not confirmed
    answers.confirm = True
    with qtbot.waitSignal(controller.everything_deleted):
        view.delete_all.click()
    assert repo.count() == 0

    dialog = DeleteEverythingDialog(answers.counts)
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []
    assert not dialog.delete.isEnabled()
    qtbot.keyClicks(dialog.confirm, "delete")
    assert not dialog.delete.isEnabled()
    dialog.confirm.setText("DELETE")
    assert dialog.delete.isEnabled()


def test_no_reply_after_four_weeks_offers_a_follow_up(db, qtbot):
    """Finding 22: "No reply yet" a month on is followed by "Write a follow-up?"; yes starts one."""
    repo = LettersRepository(db)
    letter = repo.create_draft(
        "mp_campaign",
        {"kind": "mp_campaign"},
        recipient_name="Caroline Nokes MP",
        subject="SIRT funding",
        body="Please help.",
    )
    repo.mark_sent(letter.id, "posted", dt.date(2026, 11, 1))

    class Asked(Answers):
        offers: ClassVar[list] = []
        take = True

        def offer_follow_up(self, letter, weeks):
            self.offers.append(weeks)
            return self.take

    answers = Asked()
    answers.reply = "no_reply_yet"
    view = HistoryView()
    controller = HistoryController(view, repo, prompts=answers, today=lambda: dt.date(2026, 12, 1))
    qtbot.addWidget(view)
    created = []
    controller.follow_up_created.connect(created.append)
    controller.act("reply", letter.id)
    assert answers.offers == [4]
    assert len(created) == 1 and repo.get(created[0]).kind == "mp_follow_up"
    # A reply that came, or "no reply" after only a week or two, offers nothing.
    answers.reply = "replied_helped"
    controller.act("reply", letter.id)
    assert answers.offers == [4]


def test_the_list_says_honestly_what_comes_first():
    from sirt_desktop.core.db.records import SENT_METHODS
    from sirt_desktop.gui.history.model import COLUMNS

    assert COLUMNS[0] == "Last changed"
    labels = list(SENT_METHODS.values())
    assert sum("post" in label.lower() for label in labels) == 1  # "Printed" and "Posted" no longer overlap


def test_print_again_only_for_a_letter_with_a_kept_copy(db, qtbot):
    """Finding 21: "Print again" is not offered for a draft that was never printed or saved."""
    repo = LettersRepository(db)
    draft = repo.create_draft("mp_campaign", {}, subject="Never printed", body="Words.")
    printed = repo.create_draft("mp_campaign", {}, subject="Printed", body="Words.")
    repo.store_pdf(printed.id, b"%PDF-1.4 kept", "printed", finish=True)
    view = HistoryView()
    controller = HistoryController(view, repo, prompts=Answers())
    qtbot.addWidget(view)
    view.controller_kept = controller  # the page keeps its controller, as the shell does
    view.select_letter(draft.id)
    assert not view.buttons["reprint"].isEnabled()
    view.select_letter(printed.id)
    assert view.buttons["reprint"].isEnabled()


def test_your_data_puts_a_set_aside_copy_back(shell, prompts, qtbot, monkeypatch):
    from sirt_desktop.core import paths
    from sirt_desktop.core.db.engine import backup_sqlite
    from sirt_desktop.gui.settings import your_data

    shell.after_first_show()
    letters = LettersRepository(shell.database.get())
    letters.create_draft("mp_campaign", {}, "Jane", "From the old file")
    aside = paths.set_aside_dir() / "sirt-desktop-set-aside-20261201-120000.sqlite3"
    backup_sqlite(paths.database_path(), "manual").rename(aside)
    letters.delete(letters.list_page()[0].id)
    letters.create_draft("mp_campaign", {}, "Jane", "Written since")

    shown = []

    def choose(self, copies):
        shown.extend(your_data.describe_copy(c) for c in copies)
        return copies[0]

    monkeypatch.setattr(your_data.YourDataPrompts, "choose_set_aside", choose)
    shell.go_to("settings")
    group = shell.settings_page.your_data
    group.view.restore_copy.click()
    assert shown and shown[0].endswith(": 1 letter")
    now = LettersRepository(shell.database.get())
    assert [s.subject for s in now.list_page()] == ["From the old file"]
    assert any(title == "Copy put back" for _kind, title, _text in prompts.told)
    assert len(list(paths.set_aside_dir().glob("*.sqlite3"))) == 2  # "Written since" kept aside

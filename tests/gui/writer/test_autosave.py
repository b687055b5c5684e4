"""Autosave keeps up with steady typing, writes off the GUI thread, and never writes over a
letter that was saved from somewhere else."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

from sirt_desktop.core.db.letters_repo import LettersRepository
from sirt_desktop.core.letters.drafts import DraftStore
from sirt_desktop.core.letters.model import Letter
from sirt_desktop.core.letters.schema import letter_to_dict
from tests.gui.writer.test_letter_writer import MemoryDrafts, fill_sender, make


class ThreadNotingDrafts(MemoryDrafts):
    def __init__(self):
        super().__init__()
        self.threads: list[threading.Thread] = []
        self.bodies: list[str] = []

    def save(self, letter_id, letter):
        self.threads.append(threading.current_thread())
        self.bodies.append(letter.body)
        return super().save(letter_id, letter)


def _type_steadily(qtbot, box, text: str, every_ms: int) -> list[int]:
    """One key every ``every_ms`` (never a pause of a second); returns how many saves had
    happened at each key."""
    saves_seen: list[int] = []
    keys = iter(text)
    timer = QTimer()
    timer.setInterval(every_ms)
    done = []

    def press():
        try:
            qtbot.keyClicks(box, next(keys))
        except StopIteration:
            timer.stop()
            done.append(True)

    timer.timeout.connect(press)
    timer.start()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    return saves_seen


def test_steady_typing_is_saved_while_it_goes_on(qtbot):
    """A key every 0.3 s for about 6 s: no pause of a second ever comes, yet saves happen."""
    drafts = ThreadNotingDrafts()
    view, _controller = make(qtbot, drafts)
    fill_sender(view)
    drafts.bodies.clear()
    text = "steady words with no pause at all "[:20]
    _type_steadily(qtbot, view.write_step.body, text, 300)
    typed_while_saving = [b for b in drafts.bodies if b and b != text]
    assert typed_while_saving, "nothing was saved while the typing went on"
    assert all(text.startswith(body) for body in drafts.bodies)  # only ever what was typed


def test_the_write_happens_off_the_gui_thread(qtbot):
    drafts = ThreadNotingDrafts()
    view, _controller = make(qtbot, drafts)
    fill_sender(view)
    qtbot.keyClicks(view.write_step.body, "Words")
    qtbot.waitUntil(lambda: "Draft saved" in view.saved.text(), timeout=5000)
    assert drafts.threads and all(t is not threading.main_thread() for t in drafts.threads)


def test_save_now_waits_for_a_save_in_flight_and_makes_one_letter(qtbot):
    gate = threading.Event()

    class SlowDrafts(MemoryDrafts):
        def save(self, letter_id, letter):
            if threading.current_thread() is not threading.main_thread():
                gate.wait(5)
            return super().save(letter_id, letter)

    drafts = SlowDrafts()
    view, controller = make(qtbot, drafts)
    fill_sender(view)
    qtbot.keyClicks(view.write_step.body, "First")
    controller.autosave()  # now in flight, held at the gate
    qtbot.keyClicks(view.write_step.body, " and more")
    QTimer.singleShot(200, gate.set)
    letter_id = controller.save_now()
    assert list(drafts.saved) == [letter_id]  # the first save's letter, updated, not a second one
    assert drafts.saved[letter_id].body == "First and more"
    assert controller.flush()


def _store():
    from sirt_desktop.core.db.engine import Database

    db = Database.open()
    return db, LettersRepository(db)


def test_a_letter_saved_elsewhere_is_not_written_over(qtbot):
    """Two copies on one letter: the second copy's words become a new letter, both survive."""
    db, letters = _store()
    try:
        start = Letter(kind="mp_campaign", body="Typed here.")
        start.sender.name = "Ann Jones"
        letter_id = letters.create_draft("mp_campaign", letter_to_dict(start), body=start.body).id
        here = DraftStore(letters)
        view, controller = make(qtbot, here)
        controller.load(here.load(letter_id), letter_id)

        elsewhere = DraftStore(letters)
        other = elsewhere.load(letter_id)
        other.body = "Typed here. ALPHAWORDS"
        elsewhere.save(letter_id, other)

        view.write_step.body.setPlainText("Typed here. BRAVOWORDS")
        controller.autosave()
        qtbot.waitUntil(lambda: "Draft saved" in view.saved.text(), timeout=5000)
        assert "changed somewhere else" in view.saved.text()
        bodies = {letters.get(s.id).body for s in letters.list_page()}
        assert bodies == {"Typed here. ALPHAWORDS", "Typed here. BRAVOWORDS"}
        assert controller.letter_id != letter_id
        view.write_step.body.setPlainText("Typed here. BRAVOWORDS and on")
        assert controller.save_now() == controller.letter_id  # goes on saving the new letter
        assert letters.get(letter_id).body == "Typed here. ALPHAWORDS"
    finally:
        db.close()


def test_a_letter_deleted_elsewhere_keeps_the_words_as_a_new_letter(qtbot):
    db, letters = _store()
    try:
        here = DraftStore(letters)
        view, controller = make(qtbot, here)
        fill_sender(view)
        view.write_step.body.setPlainText("Words being typed")
        first = controller.save_now()
        letters.delete(first)  # e.g. from another computer on a shared database
        view.write_step.body.setPlainText("Words being typed, still")
        controller.autosave()
        qtbot.waitUntil(lambda: "deleted somewhere else" in view.saved.text(), timeout=5000)
        qtbot.waitUntil(lambda: "Draft saved" in view.saved.text(), timeout=5000)
        assert [letters.get(s.id).body for s in letters.list_page()] == ["Words being typed, still"]
    finally:
        db.close()

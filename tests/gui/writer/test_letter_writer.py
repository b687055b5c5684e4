from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from sirt_desktop.core.letters.kinds import KINDS
from sirt_desktop.gui.writer.controller import LetterWriterController
from sirt_desktop.gui.writer.view import LetterWriterView
from tests.gui.accessibility import unnamed_controls
from tests.gui.prompts import FakePrompts

TODAY = dt.date(2026, 11, 22)


class MemoryDrafts:
    """Records what the writer saves, as the database-backed store would."""

    def __init__(self):
        self.saved: dict[int, object] = {}
        self.pdfs: list[tuple[int, bytes, str]] = []

    def save(self, letter_id, letter):
        letter_id = letter_id or len(self.saved) + 1
        self.saved[letter_id] = letter
        return letter_id

    def store_pdf(self, letter_id, pdf, purpose):
        self.pdfs.append((letter_id, pdf, purpose))


def make(qtbot, drafts=None, prompts=None):
    """The writer on its own. ``prompts`` answers its questions (none expected by default)."""
    view = LetterWriterView()
    controller = LetterWriterController(
        view, drafts=drafts, today=lambda: TODAY, prompts=prompts if prompts is not None else FakePrompts()
    )
    qtbot.addWidget(view)
    view.show()
    return view, controller


def fill_sender(view):
    s = view.sender_step
    s.name.setText("Mrs Siân Llŵyd")
    s.address.setPlainText("12 Heol y Bont\nLlanelli")
    s.postcode.setText("SA15 1AA")


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_mp_letter_from_postcode_to_pdf(qtbot, tmp_path):
    view, controller = make(qtbot)
    fill_sender(view)
    view.tabs.setCurrentIndex(2)
    # The postcode typed under "From" is looked up straight away…
    assert view.recipient_step.find_mp.postcode.text() == "SA15 1AA"
    assert controller.finder.last_result.postcode == "SA15 1AA"
    # …and can be replaced, e.g. to write to the MP where the patient lives.
    view.recipient_step.find_mp.postcode.clear()
    qtbot.keyClicks(view.recipient_step.find_mp.postcode, "SO51 7AA")
    view.recipient_step.find_mp.card.use_button.click()
    assert view.tabs.currentIndex() == 3
    assert "Caroline Nokes MP" in view.recipient_step.chosen.text()
    assert "MP list correct as of 20 August 2026" in view.recipient_step.chosen.text()
    qtbot.keyClicks(
        view.write_step.body,
        "My husband has a NET in his liver. Please write to the Health Secretary and ask NHS England to fund SIRT.",
    )
    controller.run_coach()
    assert "Your request" in view.write_step.coach.text()
    view.tabs.setCurrentIndex(4)  # laid out in the background
    qtbot.waitUntil(lambda: view.print_step.preview.document.pageCount() == 1, timeout=10_000)
    path = controller.save_pdf(str(tmp_path / "letter.pdf"))
    text = pdf_text((tmp_path / "letter.pdf").read_bytes())
    assert path and "Caroline Nokes MP" in text and "House of Commons" in text and "SW1A 0AA" in text
    assert "Mrs Siân Llŵyd" in text and "22 November 2026" in text
    assert "Dear Caroline Nokes" in text and "Yours sincerely" in text
    assert unnamed_controls(view) == []


def test_every_kind_previews(qtbot):
    view, controller = make(qtbot)
    fill_sender(view)
    for kind in KINDS:
        view.kind_step.set_kind(kind.id)
        assert controller.kind_id == kind.id
        if kind.recipient_kind == "mp":
            controller.finder.find("SO51 7AA")
            controller.finder.use_current()
        else:
            r = view.recipient_step
            r.full_name.setText("Dr Priya Patel")
            r.position.setText("Consultant oncologist")
            r.address.setPlainText("Oncology Department\nCity Hospital\nSouthampton")
            r.postcode.setText("SO16 6YD")
        view.write_step.body.setPlainText("Please consider my request. " * 5)
        with qtbot.waitSignal(controller.output.preview_ready, timeout=10_000):
            view.tabs.setCurrentIndex(4)  # laid out in the background
        assert view.print_step.preview.document.pageCount() >= 1, kind.id
        view.tabs.setCurrentIndex(3)


def test_kind_shows_its_own_fields_and_starters(qtbot):
    view, _controller = make(qtbot)
    view.kind_step.set_kind("clinician")
    assert not view.write_step.nhs_number.isHidden()
    assert view.write_step.consent.isHidden()
    assert view.write_step.starters.count() >= 1
    view.write_step.starters.setCurrentRow(0)
    before = view.write_step.body.toPlainText()
    view.write_step.add_starter.click()
    assert len(view.write_step.body.toPlainText()) > len(before)
    view.write_step.nhs_number.setText("943 476 5918")
    assert view.write_step.nhs_number_problem.text()
    view.write_step.nhs_number.setText("943 476 5919")
    assert view.write_step.nhs_number_problem.text() == ""


def test_autosave_after_typing_stops(qtbot):
    drafts = MemoryDrafts()
    view, _controller = make(qtbot, drafts)
    fill_sender(view)
    qtbot.keyClicks(view.write_step.body, "Words that must never be lost")
    # The write happens in the background; the label says so once it is done.
    qtbot.waitUntil(lambda: "Draft saved" in view.saved.text(), timeout=5000)
    saved = next(iter(drafts.saved.values()))
    assert saved.body == "Words that must never be lost"


def test_copy_text_and_email_draft(qtbot):
    view, controller = make(qtbot)
    fill_sender(view)
    controller.finder.find("SO51 7AA")
    controller.finder.use_current()
    view.write_step.subject.setText("SIRT & funding")
    view.write_step.body.setPlainText("Please help.")
    text = controller.copy_text()
    assert QApplication.clipboard().text() == text
    assert "Please help." in text
    url = controller.email_url().toString()
    assert url.startswith("mailto:?subject=SIRT") and "Please" in url


def test_unfinished_letter_lists_problems_in_plain_words(qtbot):
    view, _controller = make(qtbot)
    view.tabs.setCurrentIndex(4)
    text = view.print_step.problems.text()
    assert "step 2, From" in text and "sender." not in text and "recipient." not in text


def test_helpline_letter_starts_blank_and_is_not_kept_unless_asked(qtbot):
    drafts = MemoryDrafts()
    view, controller = make(qtbot, drafts)
    fill_sender(view)
    view.write_step.body.setPlainText("The last caller's letter.")
    controller.save_now()
    assert len(drafts.saved) == 1
    controller.start_new(for_caller=True, caller_postcode="AB15 8ZZ")
    assert view.sender_step.name.text() == ""
    assert view.sender_step.postcode.text() == "AB15 8ZZ"
    assert view.keep_copy.isVisibleTo(view) and not view.keep_copy.isChecked()
    view.sender_step.name.setText("The caller")
    view.write_step.body.setPlainText("Private words.")
    assert controller.save_now() is None
    assert len(drafts.saved) == 1
    view.keep_copy.setChecked(True)  # the caller asked for a copy to be kept
    assert len(drafts.saved) == 2


def test_devolved_member_is_typed_by_hand(qtbot):
    view, controller = make(qtbot)
    controller.start_new(devolved_nation="Scotland")
    assert controller.kind_id == "devolved_rep"
    assert view.tabs.currentIndex() == 2
    step = view.recipient_step
    assert not step.manual.isHidden()
    # No list imported: no name is guessed; the parliament's address and the MSP title are filled in.
    assert step.full_name.text() == ""
    assert step.position.text() == "MSP"
    assert step.address.toPlainText().splitlines() == ["The Scottish Parliament", "Edinburgh"]
    assert step.postcode.text() == "EH99 1SP"
    assert "parliament.scot" in step.manual_help.text() and "Type the name" in step.manual_help.text()
    assert "Priya" not in step.full_name.placeholderText() and "Oncology" not in step.address.placeholderText()


def test_mp_letter_without_a_postcode_says_so_before_printing(qtbot):
    view, controller = make(qtbot)
    view.sender_step.name.setText("Ann Jones")
    view.sender_step.address.setPlainText("1 High Street")
    controller.finder.find("SO51 7AA")
    controller.finder.use_current()
    view.write_step.body.setPlainText("Please help.")
    view.tabs.setCurrentIndex(4)
    assert "Your postcode is needed" in view.print_step.problems.text()
    assert "Everything a letter needs" not in view.print_step.problems.text()


def test_a_long_letter_is_laid_out_off_the_gui_thread_and_the_window_keeps_turning(qtbot, monkeypatch):
    """Opening "Check and print" with a letter that takes long to lay out: the window keeps
    answering (its event loop turns while the layout is under way) and the preview arrives
    when the layout is done."""
    import threading

    from PySide6.QtCore import QTimer

    from sirt_desktop.gui.writer import output

    real = output.render_letter
    threads, answered = [], []
    under_way, window_turned = threading.Event(), threading.Event()

    def slow(letter, large_print=False):
        threads.append(threading.current_thread())
        under_way.set()
        # A layout that takes as long as the window needs to turn: with the layout on the GUI
        # thread the window cannot turn, and this gives up after 10 s.
        answered.append(window_turned.wait(10))
        return real(letter, large_print=large_print)

    monkeypatch.setattr(output, "render_letter", slow)
    view, controller = make(qtbot)
    fill_sender(view)
    view.write_step.body.setPlainText("\n".join(f"line {i}" for i in range(900)))
    ticker = QTimer()
    ticker.timeout.connect(lambda: under_way.is_set() and window_turned.set())
    ticker.start(20)
    with qtbot.waitSignal(controller.output.preview_ready, timeout=60_000):
        view.tabs.setCurrentIndex(4)
        assert "Laying out" in view.print_step.preview.pages.text()
        assert not view.print_step.print_button.isEnabled()  # nothing half-made is printed
    ticker.stop()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert answered == [True]  # the window went on answering while the letter was laid out
    assert view.print_step.preview.document.pageCount() > 10
    assert view.print_step.print_button.isEnabled()
    controller.refresh_preview()  # printing uses the PDF on screen: no second layout
    assert len(threads) == 1


def test_a_letter_over_the_length_limits_is_not_laid_out(qtbot, monkeypatch):
    from sirt_desktop.gui.writer import output

    calls = []
    monkeypatch.setattr(output, "render_letter", lambda *a, **k: calls.append(1) or b"")
    view, controller = make(qtbot)
    fill_sender(view)
    view.write_step.body.setPlainText("a\n" * 9999 + "a")  # 20,000 characters, 10,000 lines
    view.tabs.setCurrentIndex(4)
    assert calls == []
    assert "at most 1,000 lines" in view.print_step.problems.text()
    assert "too long" in view.print_step.preview.pages.text()
    assert controller.refresh_preview() == b""

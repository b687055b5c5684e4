from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl

from sirt_desktop.core.content import store as content
from sirt_desktop.gui.information.controller import ContentController
from sirt_desktop.gui.information.view import ContentView
from tests.gui.accessibility import unnamed_controls


def make(qtbot, sections=("learn", "support"), today=dt.date(2026, 12, 2), open_page=None):
    links = []
    view = ContentView("Learn about SIRT")
    controller = ContentController(view, sections, links.append, today=lambda: today, open_page=open_page)
    qtbot.addWidget(view)
    view.show()
    return view, controller, links


def test_every_page_renders_with_review_line_sources_and_no_missing_images(qtbot):
    view, controller, _ = make(qtbot, sections=("learn", "for_me", "funding", "support"))
    for page in content.pages():
        controller.show(page.id)
        assert view.page_title.text() == page.title
        assert view.review.text() == content.review_line(page)
        assert "not medical advice" in view.note.text()
        text = view.browser.toPlainText()
        assert "Where does this information come from?" in text
        assert len(text) > 200
        document = view.browser.document()
        names = [image.relative_to(page.base_dir).as_posix() for image in page.images]
        for relative in names + [name for name, _ in page.generated]:
            resource = document.resource(document.ResourceType.ImageResource, QUrl(relative))
            assert resource is not None and not resource.isNull(), f"{page.id}: image {relative} missing"
    assert unnamed_controls(view) == []


def test_links_in_every_page_are_handled(qtbot):
    """Every link target the pages contain resolves: glossary words, pages, app targets."""
    view, controller, links = make(qtbot, sections=("learn", "for_me", "funding", "support"))
    import re

    page_ids = {p.id for p in content.pages()}
    for page in content.pages():
        for target in re.findall(r"\]\(([^)\s]+)\)", content.display_markdown(page)):
            scheme, _, rest = target.partition(":")
            if scheme == "glossary":
                assert content.glossary_term(rest) is not None, f"{page.id}: {target}"
                controller.follow(QUrl(target))
                assert view.meaning.isVisibleTo(view) and view.meaning.text()
            elif scheme == "page":
                assert rest in page_ids, f"{page.id}: {target}"
            elif scheme == "app":
                controller.follow(QUrl(target))
                assert links[-1] == rest
            elif target.startswith("images/"):
                assert (page.base_dir / target).exists()
            elif target.startswith("generated/"):
                assert target in dict(page.generated), f"{page.id}: {target}"
            else:
                assert scheme in ("http", "https"), f"{page.id}: unexpected link {target}"


def test_overdue_page_shows_a_notice(qtbot):
    due = content.get_page("what-is-sirt").next_review
    view, controller, _ = make(qtbot, today=due + dt.timedelta(days=1))
    controller.show("what-is-sirt")
    assert view.notice.isVisibleTo(view)
    assert "out of date" in view.notice.text()
    view2, controller2, _ = make(qtbot)
    controller2.show("what-is-sirt")
    assert not view2.notice.isVisibleTo(view2)


def test_search_across_pages_and_find_in_page(qtbot):
    view, controller, _ = make(qtbot)
    view.search.setText("individual funding request")
    controller.search("individual funding request")
    titles = [view.page_list.item(i).text() for i in range(view.page_list.count())]
    assert any(t.startswith(content.get_page("asking-for-funding").title) for t in titles)
    controller.search("")
    assert view.page_list.count() == len(content.pages("learn")) + len(content.pages("support"))  # no extra panel here
    controller.show("side-effects")
    assert controller.find("liver", backwards=False)
    assert not controller.find("xyzzy-not-there", backwards=False)
    assert "Not found" in view.find_status.text()


def test_ctrl_f_opens_the_find_bar(shell, qtbot):
    from PySide6.QtCore import Qt

    shell.window.show_section("learn")
    view = shell.window.page("learn")
    shell.window.activateWindow()
    view.browser.setFocus()
    qtbot.keyClick(view.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_bar.isVisible()


def test_read_aloud_uses_the_speech_engine(qtbot):
    view, controller, _ = make(qtbot)
    if not view.read_aloud.isVisible():
        import pytest

        pytest.skip("no speech engine on this machine")
    view.read_aloud.click()
    assert controller.speech is not None
    assert controller.speech.engine_name == "mock"
    qtbot.waitUntil(lambda: "Stop" in view.read_aloud.text())
    view.read_aloud.click()
    qtbot.waitUntil(lambda: "Read" in view.read_aloud.text())
    assert not view.speech_status.isVisible()


def test_read_aloud_never_holds_up_the_window_and_says_when_there_is_no_voice(qtbot, monkeypatch):
    """With speech-dispatcher installed and no sound service, starting the engine waits 30 s
    or more: the window must not wait with it, and then says there is no voice and how to get one."""
    import threading

    from PySide6 import QtTextToSpeech
    from PySide6.QtCore import QObject, Signal

    real = QtTextToSpeech.QTextToSpeech
    release = threading.Event()
    progress = []

    class StuckEngine(QObject):
        """Like the speechd engine with no sound service: slow to start, then no voice."""

        State = real.State
        stateChanged = Signal(object)  # noqa: N815 (Qt's name)

        def __init__(self, *args):
            super().__init__(args[-1] if args and isinstance(args[-1], QObject) else None)
            release.wait(20)  # the real one waits on speech-dispatcher
            progress.append("engine ready")

        @staticmethod
        def availableEngines():  # noqa: N802 (Qt's name)
            return ["speechd"]

        def state(self):
            return real.State.Error

        def errorString(self):  # noqa: N802 (Qt's name)
            return "Connection to speech-dispatcher failed"

        def availableVoices(self):  # noqa: N802 (Qt's name)
            return []

        def engine(self):
            return "speechd"

        def say(self, _text):
            progress.append("said")

        def stop(self):
            pass

    monkeypatch.setattr(QtTextToSpeech, "QTextToSpeech", StuckEngine)
    view, controller, _ = make(qtbot)
    view.read_aloud.setVisible(True)
    view.read_aloud.click()
    progress.append("window free")
    release.set()
    qtbot.waitUntil(lambda: view.speech_status.isVisible(), timeout=20_000)
    assert progress[0] == "window free", progress  # the click came back before the engine started
    text = view.speech_status.text()
    assert "no voice" in text and "speech-dispatcher" in text and "espeak-ng" in text
    assert view.read_aloud.text() == "Read &aloud"
    assert "said" not in progress
    controller.speech.shutdown()


def test_appointment_sheet_from_the_checklist(shell, qtbot):
    import io

    from pypdf import PdfReader

    shell.window.show_section("for_me")
    page = shell.window.page("for_me")
    questions = content.checklist_questions()
    checklist = shell.for_me.checklist
    shell.for_me.open_checklist()
    assert page.right.currentWidget() is checklist
    checklist.set_ticked(questions[0].id)
    assert checklist.ticked() == [questions[0].id]
    checklist.name.setText("Siân Llŵyd")
    dialog = shell.show_appointment_sheet(checklist.ticked(), "Siân Llŵyd", "")
    try:
        reader = PdfReader(io.BytesIO(dialog.pdf))
        assert len(reader.pages) == 1
        text = " ".join(reader.pages[0].extract_text().split())
        assert "Siân Llŵyd" in text
        assert dialog.preview.document.pageCount() == 1
    finally:
        dialog.close()


def test_update_information_installs_a_newer_pack_and_refuses_a_bad_one(shell, qtbot, tmp_path):
    import zipfile

    from sirt_desktop.core.content import packs
    from sirt_desktop.core.resources import resource_path

    shell.window.show_section("learn")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("../evil.md", "nope")
    assert shell.update_information(str(bad)).wait() is False
    assert [told[:2] for told in shell.prompts.told] == [("problems", "The information was not updated")]
    assert "../evil.md" in shell.prompts.told[0][2]

    good = packs.build_pack(resource_path("content"), tmp_path / "pack.zip", 99, "2026-11-21")
    try:
        assert shell.update_information(str(good)).wait() is True
        assert shell.prompts.told[-1][:2] == ("tell", "Information updated")
        assert "99" in str(content.content_version())
    finally:
        content.reload_content()


def test_single_page_section_hides_its_list_until_a_search(qtbot, monkeypatch):
    only = content.get_page("funding")
    real_pages = content.pages
    monkeypatch.setattr(content, "pages", lambda section=None: [only] if section == "funding" else real_pages(section))
    view, controller, _ = make(qtbot, sections=("funding",))
    assert view.page_list.isHidden()
    controller.search("liver")
    assert not view.page_list.isHidden()
    controller.search("")
    assert view.page_list.isHidden()


def test_funding_section_lists_its_two_pages(qtbot):
    view, _controller, _ = make(qtbot, sections=("funding",))
    assert not view.page_list.isHidden()
    assert [view.page_list.item(i).text() for i in range(view.page_list.count())] == [
        content.get_page("funding").title,
        content.get_page("asking-for-funding").title,
    ]


def test_a_page_of_another_section_opens_in_its_own_section_not_as_a_copy(qtbot):
    opened = []
    view, controller, _ = make(qtbot, open_page=opened.append)
    controller.show("what-is-sirt")
    controller.follow(QUrl("page:funding"))
    assert opened == ["funding"]
    assert controller.current_id == "what-is-sirt"
    assert view.page_title.text() == content.get_page("what-is-sirt").title
    controller.follow(QUrl("page:side-effects"))  # same section: shown here
    assert controller.current_id == "side-effects" and opened == ["funding"]


def test_background_starts_folded_and_opens_from_a_link(qtbot):
    view, controller, _ = make(qtbot, sections=("funding",))
    background = "NHS England chose 10 hospitals"

    def text():
        return view.browser.toPlainText()

    controller.show("funding")
    assert "Where does it stand in each nation?" in text()
    assert "▸ Show: Background" in text() and background not in text()
    assert "Where does this information come from?" in text()  # sources stay at the foot
    controller.follow(QUrl("toggle:collapsed"))
    assert background in text() and "▾ Hide: Background" in text()
    assert text().index(background) < text().index("Where does this information come from?")
    controller.follow(QUrl("toggle:collapsed"))
    assert background not in text()
    controller.follow(QUrl("toggle:collapsed"))
    controller.show("asking-for-funding")
    controller.show("funding")
    assert background not in text()  # folded again on a new visit


def test_risk_picture_is_drawn_and_readable_as_text(qtbot):
    view, controller, _ = make(qtbot)
    controller.show("side-effects")
    document = view.browser.document()
    image = document.resource(document.ResourceType.ImageResource, QUrl("generated/risk-picture.svg"))
    assert image is not None and not image.isNull() and image.width() >= 700
    description = view.browser.accessibleDescription()
    text = view.browser.toPlainText()
    for risk in content.active_content().risks.risks:
        assert f"{risk.count} out of 100 people" in description
        assert risk.sentence() in text
    controller.show("what-is-sirt")
    assert view.browser.accessibleDescription() == ""


def test_boxes_are_shaded_by_kind_and_the_999_box_comes_first(qtbot):
    view, controller, _ = make(qtbot)
    controller.show("get-help")
    assert view.box_kinds[0] == "emergency" and "uncertain" in view.box_kinds
    base = view.browser.palette().color(view.browser.palette().ColorRole.Base)
    frames = view.browser.document().rootFrame().childFrames()
    assert len(frames) == len(view.box_kinds)
    first = frames[0]
    assert first.firstCursorPosition().block().text().startswith("Call 999")
    assert first.frameFormat().background().color() != base and first.frameFormat().border() >= 2
    assert view.browser.toPlainText().lstrip().startswith("Call 999")  # the box comes first
    controller.show("funding")
    assert view.box_kinds.count("uncertain") == 1  # one "What we do not know" box


def _prose_line_chars(browser) -> float:
    """How many characters fit on a line of the first long paragraph outside any table."""
    block = browser.document().begin()
    while block.isValid():
        layout = block.layout()
        if (
            block.textList() is None
            and layout is not None
            and layout.lineCount() > 2
            and block.document().rootFrame() == block.document().frameAt(block.position())
        ):
            return layout.lineAt(0).width() / browser.fontMetrics().averageCharWidth()
        block = block.next()
    raise AssertionError("no long paragraph found")


def test_lines_are_capped_for_reading_at_any_window_width(qtbot):
    from PySide6.QtGui import QTextTable
    from PySide6.QtWidgets import QTextEdit

    view, controller, _ = make(qtbot)
    browser = view.browser
    view.resize(2400, 900)
    qtbot.waitUntil(lambda: browser.viewport().width() > 1500)
    for page_id in ("get-help", "what-is-sirt", "other-treatments"):  # no table, a small table, the grid
        controller.show(page_id)
        assert browser.lineWrapMode() == QTextEdit.LineWrapMode.FixedPixelWidth
        assert 60 <= _prose_line_chars(browser) <= 90, page_id
    # the grid itself may use more of a wide window than the prose around it
    tables = [f for f in browser.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
    grid_width = browser.document().documentLayout().frameBoundingRect(tables[0]).width()
    assert grid_width > browser.reading_width(75) * 1.5
    view.resize(500, 900)
    qtbot.waitUntil(lambda: browser.viewport().width() < 480)
    assert browser.lineWrapMode() == QTextEdit.LineWrapMode.WidgetWidth
    assert _prose_line_chars(browser) < 75


def test_home_opens_when_to_get_help_and_each_page_opens_in_its_own_section(shell, qtbot):
    window = shell.window
    window.show_section("home")
    window.page("home").buttons["page:get-help"].click()
    assert window.current_section() == "learn"
    learn = shell.information["learn"]
    assert learn.current_id == "get-help"
    assert learn.view.page_title.text() == content.get_page("get-help").title
    learn.show("what-is-sirt")
    learn.follow(QUrl("page:funding"))  # Learn → Funding is the Funding section itself
    assert window.current_section() == "funding"
    assert shell.information["funding"].current_id == "funding"
    assert learn.current_id == "what-is-sirt"
    window.show_section("for_me")
    for_me = shell.information["for_me"]
    for_me.show("other-treatments")  # from the treatment grid to When to get help
    for_me.follow(QUrl("page:get-help"))
    assert window.current_section() == "learn" and learn.current_id == "get-help"


def test_treatment_grid_becomes_one_list_per_option_when_there_is_little_room(qtbot):
    from PySide6.QtGui import QTextTable

    view, controller, _ = make(qtbot, sections=("for_me",))
    browser = view.browser
    grid = content.treatment_grid()

    def tables():
        return [f for f in browser.document().rootFrame().childFrames() if isinstance(f, QTextTable)]

    view.resize(2400, 900)
    qtbot.waitUntil(lambda: browser.room() > 200)
    controller.show("other-treatments")
    assert len(tables()) == 1 and tables()[0].columns() == len(grid.options) + 1
    view.resize(520, 900)  # as at 200% text on a small screen
    qtbot.waitUntil(lambda: not tables())
    text = browser.toPlainText()
    assert text.count("What can it do, and how sure are we?") == len(grid.options)
    for option in grid.options:
        assert option.cells["benefit"] in text
    view.resize(2400, 900)
    qtbot.waitUntil(lambda: len(tables()) == 1)


def _unlaid_blocks(browser) -> list[str]:
    block, missing = browser.document().begin(), []
    while block.isValid():
        if block.text().strip() and (block.layout() is None or block.layout().lineCount() == 0):
            missing.append(block.text()[:40])
        block = block.next()
    return missing


def test_every_line_of_every_page_is_laid_out_after_resizing_and_a_theme_change(qtbot):
    """Boxes and capped lines change formats after the text is set; no text may be left unlaid
    (it would show as blank space)."""
    from PySide6.QtGui import QPalette

    view, controller, _ = make(qtbot, sections=("learn", "for_me", "funding", "support"))
    view.resize(1600, 800)
    qtbot.waitUntil(lambda: view.browser.viewport().width() > 1000)
    for page in content.pages():
        controller.show(page.id)
        qtbot.waitUntil(lambda: _unlaid_blocks(view.browser) == [], timeout=3000)
    controller.show("funding")
    palette = QPalette(view.browser.palette())
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Text))
    view.browser.setPalette(palette)
    view.resize(900, 800)
    qtbot.waitUntil(lambda: view.browser.viewport().width() < 800)
    qtbot.waitUntil(lambda: _unlaid_blocks(view.browser) == [], timeout=3000)  # laid out, if lazily


def test_moving_onto_nothing_found_in_search_results_is_harmless(qtbot):
    """Typing a word no page has, then ↓ into the results, once raised KeyError: '' (the
    "Nothing found" line has no page behind it) and showed "Something went wrong"."""
    from PySide6.QtCore import Qt

    view, controller, _ = make(qtbot)
    shown_before = controller.current_id
    view.search.setFocus()
    qtbot.keyClicks(view.search, "zzqx")
    assert "Nothing found" in view.page_list.item(view.page_list.count() - 1).text()
    view.page_list.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Return):
        qtbot.keyClick(view.page_list, key)
    view.page_list.setCurrentRow(view.page_list.count() - 1)
    assert controller.current_id == shown_before  # the page on the right stays as it was
    # A real result still opens its page.
    view.search.clear()
    qtbot.keyClicks(view.search, "funding")
    view.page_list.setCurrentRow(0)
    assert controller.current_id == view.page_list.item(0).data(Qt.ItemDataRole.UserRole)


def test_read_aloud_stops_once_at_quit_and_again_when_the_page_goes(qtbot):
    """At quit the speech thread is stopped, then the page's removal asks again: the second time
    once raised "Internal C++ object (QThread) already deleted" (found by the soak)."""
    view, controller, _ = make(qtbot)
    view.read_aloud.setVisible(True)
    view.read_aloud.click()
    controller.speech.shutdown()
    controller.speech.shutdown()
    assert not controller.speech._thread.isRunning()

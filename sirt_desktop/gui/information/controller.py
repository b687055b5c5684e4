"""Shows patient-information pages from core.content, and handles their links and search."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument

from sirt_desktop.core import paths
from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.search import search
from sirt_desktop.gui.information.view import ContentView

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)


def sources_markdown(page) -> str:
    lines = ["", "---", "", "### Where this information comes from", ""]
    for source in page.sources:
        date = source.date if source.date and source.date != "undated" else "undated"
        lines.append(f"- {source.title}. {source.publisher}, {date}. {source.address}")
    return "\n".join(lines)


class ContentController(QObject):
    """``app_link(target)`` is called for links into the app (e.g. ``write-letter``)."""

    def __init__(
        self,
        view: ContentView,
        sections: tuple[str, ...],
        app_link: Callable[[str], None],
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.sections = sections
        self.app_link = app_link
        self.today = today
        self.current_id = ""
        self.speech: QTextToSpeech | None = None
        self._section_pages = [p for s in sections for p in content.pages(s)]
        view.page_chosen.connect(self.show)
        view.search_edited.connect(self.search)
        view.find_requested.connect(self.find)
        view.browser.anchorClicked.connect(self.follow)
        view.read_aloud_requested.connect(self.read_aloud)
        view.read_aloud.setVisible(self._speech_available())
        self.list_section()
        if self._section_pages:
            view.select_page(self._section_pages[0].id)

    def reload(self) -> None:
        """After a content update: re-read the pages and show the current one again."""
        self._section_pages = [p for s in self.sections for p in content.pages(s)]
        self.list_section()
        ids = {p.id for p in content.pages()}
        self.show(self.current_id if self.current_id in ids else self._section_pages[0].id)

    def list_section(self) -> None:
        self.view.set_pages([(p.id, p.title, p.summary) for p in self._section_pages])
        # A section with one page needs no list beside it (more room for the text at 200%).
        self.view.page_list.setVisible(self.view.page_list.count() > 1)

    def show(self, page_id: str) -> None:
        page = content.get_page(page_id)
        self.current_id = page.id
        markdown = content.display_markdown(page) + sources_markdown(page)
        self.view.show_page(
            page.title,
            content.review_line(page),
            content.review_notice(page, self.today()),
            markdown,
            [str(page.base_dir)],
        )

    def search(self, query: str) -> None:
        query = query.strip()
        if not query:
            self.list_section()
            self.view.select_page(self.current_id)
            return
        hits = search(query)
        self.view.page_list.setVisible(True)
        self.view.set_pages([(h.page_id, f"{h.title}: …{h.snippet}…", h.snippet) for h in hits])
        if not hits:
            self.view.show_no_results(f"Nothing found for “{query}”. Try a shorter or different word.")

    def find(self, text: str, backwards: bool) -> bool:
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        found = self.view.browser.find(text, flags)
        if not found:  # wrap around once
            cursor = self.view.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backwards else cursor.MoveOperation.Start)
            self.view.browser.setTextCursor(cursor)
            found = self.view.browser.find(text, flags)
        self.view.find_status.setText("" if found else "Not found on this page")
        return found

    def follow(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path() or url.toString().split(":", 1)[-1]
        if scheme == "glossary":
            term = content.glossary_term(target)
            if term is not None:
                self.view.show_meaning(f"{term.term}: {term.definition}")
        elif scheme == "page":
            self.view.select_page(target)
            if self.current_id != target:
                self.show(target)
        elif scheme == "app":
            self.app_link(target)
        elif scheme in ("http", "https"):
            # Opened in the person's own browser, only because they clicked it.
            QDesktopServices.openUrl(url)
        else:
            log.warning("unknown link in page %s: %s", self.current_id, url.toString())

    # Reading aloud -----------------------------------------------------------------------
    def _engine(self) -> str | None:
        return paths.speech_engine()

    def _speech_available(self) -> bool:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 (start-up: QtTextToSpeech, 30 ms; optional, needs libpulse)
        except ImportError:  # QtTextToSpeech needs libpulse0 on Linux
            return False
        engines = QTextToSpeech.availableEngines()
        return bool(engines) and (self._engine() is None or self._engine() in engines)

    def read_aloud(self) -> None:
        """Start or stop reading the page; the engine runs on its own thread (it can take 30 s
        or more to find out there is no voice), so the window never waits for it."""
        if self.speech is None:
            from sirt_desktop.gui.information.speech import ReadAloud  # noqa: PLC0415 (start-up: QtTextToSpeech)

            self.speech = ReadAloud(self._engine(), self)
            self.speech.speaking_changed.connect(self._speech_state)
            self.speech.problem.connect(self.view.show_speech_problem)
            speech = self.speech
            # The thread is stopped before the window goes, never left running at exit.
            self.view.destroyed.connect(lambda *_: speech.shutdown())
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(speech.shutdown)
        self.view.show_speech_problem("")
        self.speech.toggle(self.view.browser.toPlainText())

    def _speech_state(self, speaking: bool) -> None:
        self.view.read_aloud.setText("Stop &reading" if speaking else "Read &aloud")

"""Shows patient-information pages from core.content, and handles their links and search."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor

from sirt_desktop.core import paths
from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.search import search
from sirt_desktop.core.settings import READ_ALOUD_SPEED, Settings
from sirt_desktop.gui.information.view import (
    READING_CHARS,
    TABLE_CHARS,
    WIDE_CHARS,
    ContentView,
)
from sirt_desktop.gui.theme import MARK_BACKGROUND, MARK_TEXT

if TYPE_CHECKING:
    from sirt_desktop.gui.information.speech import ReadAloud

log = logging.getLogger(__name__)


TOGGLE_LINK = "toggle:collapsed"
# Below this many characters across, the treatment grid is shown as one list per option.
GRID_MIN_CHARS = 145


def line_chars(markdown: str) -> int:
    """How many characters a line may hold: tables need more room than prose, and the
    treatment grid (more than four columns) most."""
    columns = max((line.count("|") - 1 for line in markdown.split("\n") if line.strip().startswith("|")), default=0)
    if columns > 4:
        return WIDE_CHARS
    return TABLE_CHARS if columns else READING_CHARS


# Reading speeds (settings names) as QTextToSpeech rates, from -1 (slowest) to 1 (fastest).
SPEECH_RATES = {"much slower": -0.5, "slower": -0.25, "normal": 0.0, "faster": 0.25}


def _result_html(hit) -> str:
    """A search result row: the page title, then the snippet with the found words in bold."""
    parts, last = [], 0
    for start, end in hit.marks:
        parts.append(html.escape(hit.snippet[last:start]))
        parts.append(
            f'<b style="background-color:{MARK_BACKGROUND}; color:{MARK_TEXT}">'
            f"{html.escape(hit.snippet[start:end])}</b>"
        )
        last = end
    parts.append(html.escape(hit.snippet[last:]))
    return f"<b>{html.escape(hit.title)}</b><br>{''.join(parts)}"


class ContentController(QObject):
    """``app_link(target)`` is called for links into the app (e.g. ``write-letter``);
    ``open_page(page_id)`` for a page that belongs to another section, so each page has one
    home (the Funding section's page is never shown as a second copy under Learn)."""

    def __init__(
        self,
        view: ContentView,
        sections: tuple[str, ...],
        app_link: Callable[[str], None],
        today: Callable[[], dt.date] = dt.date.today,
        open_page: Callable[[str], None] | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.settings = settings
        self.sections = sections
        self.app_link = app_link
        self.open_page = open_page
        self.today = today
        self.current_id = ""
        self.expanded = False  # is the page's folded background open?
        self._grid_stacked: bool | None = None  # how the grid is shown now (None: no grid shown)
        self.speech: ReadAloud | None = None
        self._search_terms: tuple[str, ...] = ()
        self._section_pages = [p for s in sections for p in content.pages(s)]
        view.page_chosen.connect(self._chosen)
        view.browser.room_changed.connect(self._room_changed)
        view.search_edited.connect(self.search)
        view.find_requested.connect(self.find)
        view.browser.anchorClicked.connect(self.follow)
        view.read_aloud_requested.connect(self.read_aloud)
        available = self._speech_available()
        view.read_aloud.setVisible(available)
        view.speed.setVisible(available)
        view.speed_label.setVisible(available)
        if settings is not None:
            view.speed.setCurrentIndex(max(0, view.speed.findData(settings.get(READ_ALOUD_SPEED))))
        view.speed.currentIndexChanged.connect(lambda _i: self.set_speed(view.speed.currentData()))
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

    def stacked_grid(self) -> bool:
        return self.view.browser.room() < GRID_MIN_CHARS

    def _room_changed(self, _room: int) -> None:
        """Re-show a page with the grid when the room for it crosses the limit."""
        if self.current_id and self._grid_stacked is not None and self._grid_stacked != self.stacked_grid():
            self.show(self.current_id, keep_scroll=True)

    def owns(self, page_id: str) -> bool:
        return any(p.id == page_id for p in self._section_pages)

    def show(self, page_id: str, keep_scroll: bool = False) -> None:
        if not self.owns(page_id) and self.open_page is not None:
            self.open_page(page_id)  # shown once, in its own section
            return
        page = content.get_page(page_id)
        if page.id != self.current_id:
            self.expanded = False
        self.current_id = page.id
        self.view.mark_page(page.id)
        stacked = self.stacked_grid()
        self._grid_stacked = stacked if content.has_grid(page) else None
        parts = content.display_parts(page, stacked_grid=stacked)
        markdown = parts.main
        if parts.collapsed_title:
            if self.expanded:
                markdown += f"\n[▾ Hide: {parts.collapsed_title}]({TOGGLE_LINK})\n\n{parts.collapsed}"
            else:
                markdown += f"\n[▸ Show: {parts.collapsed_title}]({TOGGLE_LINK})\n"
        markdown += "\n\n---\n\n" + content.sources_markdown(page)
        self.view.show_page(
            page.title,
            content.review_line(page),
            content.review_notice(page, self.today()),
            markdown,
            [str(page.base_dir)],
            generated=page.generated,
            line_chars=line_chars(markdown),
            keep_scroll=keep_scroll,
            description=content.pictures_description(page),
        )

    def _chosen(self, page_id: str) -> None:
        """A page chosen in the list; from search results, the page opens at the first match."""
        self.show(page_id)
        if self.current_id != page_id:
            return  # a page of another section opens there
        if self.view.search.text().strip() and self._search_terms:
            matches = self._matches(self._search_terms)
            self.view.mark(matches, matches[0] if matches else None)
            if matches:
                self.view.reveal(QTextCursor(matches[0]))

    def search(self, query: str) -> None:
        query = query.strip()
        if not query:
            self._search_terms = ()
            self.list_section()
            self.view.select_page(self.current_id)
            return
        hits = search(query)
        self._search_terms = hits[0].terms if hits else ()
        self.view.page_list.setVisible(True)
        self.view.set_pages(
            [(h.page_id, f"{h.title}: {h.snippet}", h.snippet) for h in hits], rich=[_result_html(h) for h in hits]
        )
        if not hits:
            self.view.show_no_results(f"Nothing found for “{query}”. Try a shorter or different word.")

    def _matches(self, terms) -> list[QTextCursor]:
        """Every place on the page where one of ``terms`` occurs, in order."""
        document = self.view.browser.document()
        found = []
        for term in terms:
            cursor = document.find(term, 0)
            while not cursor.isNull():
                found.append(QTextCursor(cursor))
                cursor = document.find(term, cursor)
        found.sort(key=lambda c: c.selectionStart())
        return found

    def find(self, text: str, backwards: bool) -> bool:
        """Find on this page: the next (or previous) match, wrapping round, shown a third of the
        way down with "2 of 5" beside the box; every match is highlighted."""
        matches = self._matches([text]) if text else []
        if not matches:
            self.view.mark([])
            self.view.find_status.setText("Not found on this page" if text else "")
            return False
        here = self.view.browser.textCursor()
        if backwards:
            before = [c for c in matches if c.selectionStart() < here.selectionStart()]
            chosen = before[-1] if before else matches[-1]
        else:
            after = [
                c
                for c in matches
                if c.selectionStart() > here.selectionStart()
                or (c.selectionStart() == here.selectionStart() and not here.hasSelection())
            ]
            chosen = after[0] if after else matches[0]
        self.view.mark(matches, chosen)
        self.view.reveal(QTextCursor(chosen))
        position = next(i for i, c in enumerate(matches) if c.selectionStart() == chosen.selectionStart()) + 1
        self.view.find_status.setText(f"{position} of {len(matches)}")
        return True

    def follow(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path() or url.toString().split(":", 1)[-1]
        if scheme == "glossary":
            term = content.glossary_term(target)
            if term is not None:
                self.view.show_meaning(f"{term.term}: {term.definition}")
        elif scheme == "page":
            if self.current_id != target:
                self.show(target)
        elif scheme == "toggle":
            self.expanded = not self.expanded
            self.show(self.current_id, keep_scroll=True)
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
        self.speech.set_rate(SPEECH_RATES.get(self.view.speed.currentData(), 0.0))
        self.speech.toggle(self.view.browser.toPlainText())

    def set_speed(self, speed: str) -> None:
        """A new reading speed: used at once if reading, and remembered for next time."""
        if self.speech is not None:
            self.speech.set_rate(SPEECH_RATES.get(speed, 0.0))
        if self.settings is not None and speed in SPEECH_RATES:
            self.settings.update(READ_ALOUD_SPEED, speed)

    def _speech_state(self, speaking: bool) -> None:
        self.view.read_aloud.setText("Stop &reading" if speaking else "Read &aloud")

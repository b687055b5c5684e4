"""A section of patient information: the list of its pages, and the page itself.

Pages are Markdown rendered natively by QTextBrowser (no web engine), so they follow the
app's text size and colours. Links are handled by the controller (glossary words, other pages,
parts of the app); nothing here opens a network connection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.gui.common.widgets import Heading, Paragraph

NOT_ADVICE = (
    "This is information, not medical advice. Every person is different: please talk to your NET team "
    "about what is right for you."
)


class FittingBrowser(QTextBrowser):
    """A QTextBrowser whose pictures are scaled to fit its width (the diagram is large)."""

    def fit_images(self) -> None:
        width = max(100, self.viewport().width() - 2 * int(self.document().documentMargin()) - 8)
        document = self.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    natural = document.resource(document.ResourceType.ImageResource, image.name())
                    natural_width = natural.width() if hasattr(natural, "width") and natural.width() > 0 else width
                    target = float(min(width, natural_width))
                    if abs(image.width() - target) > 1:
                        image.setWidth(target)
                        if hasattr(natural, "height") and natural_width > 0:
                            image.setHeight(target * natural.height() / natural_width)
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image)
                iterator += 1
            block = block.next()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_images()


class ContentView(QWidget):
    page_chosen = Signal(str)
    search_edited = Signal(str)
    find_requested = Signal(str, bool)  # text, backwards
    read_aloud_requested = Signal()

    EXTRA_ID = "__extra__"

    def __init__(self, title: str, extra: QWidget | None = None, extra_title: str = "") -> None:
        super().__init__()
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        outer.addWidget(Heading(title))

        search_row = QHBoxLayout()
        search_label = QLabel("&Search all pages:")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search all pages")
        self.search.setPlaceholderText("for example: side effects, funding, IFR")
        self.search.setClearButtonEnabled(True)
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName("Clear the search")
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        outer.addLayout(search_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        self.page_list = QListWidget()
        self.page_list.setAccessibleName("Pages")
        self.page_list.setWordWrap(True)
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_list.setStyleSheet("QListWidget::item { padding: 0.35em 0.4em; }")
        splitter.addWidget(self.page_list)

        article = QWidget()
        page_layout = QVBoxLayout(article)
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.page_title = Heading("", level=2)
        self.review = Paragraph("")
        self.review.setObjectName("ReviewLine")
        self.notice = Paragraph("")
        self.notice.setObjectName("ReviewNotice")
        self.notice.setFrameShape(QFrame.Shape.Box)
        self.note = Paragraph(NOT_ADVICE)
        self.note.setObjectName("NotAdvice")
        for widget in (self.page_title, self.review, self.notice, self.note):
            page_layout.addWidget(widget)

        self.find_bar = QWidget()
        find_layout = QHBoxLayout(self.find_bar)
        find_layout.setContentsMargins(0, 0, 0, 0)
        find_label = QLabel("F&ind on this page:")
        self.find_text = QLineEdit()
        self.find_text.setAccessibleName("Find on this page")
        find_label.setBuddy(self.find_text)
        self.find_next = QPushButton("Next")
        self.find_next.setAccessibleName("Find the next match")
        self.find_previous = QPushButton("Previous")
        self.find_previous.setAccessibleName("Find the previous match")
        self.find_status = QLabel("")
        for find_widget in (find_label, self.find_text, self.find_next, self.find_previous, self.find_status):
            find_layout.addWidget(find_widget)
        self.find_bar.hide()
        page_layout.addWidget(self.find_bar)

        self.browser = FittingBrowser()
        self.browser.setAccessibleName("Page text")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        page_layout.addWidget(self.browser, 1)

        self.meaning = Paragraph("")
        self.meaning.setObjectName("Meaning")
        self.meaning.setFrameShape(QFrame.Shape.StyledPanel)
        self.meaning.setAccessibleName("Meaning of the word")
        self.meaning.hide()
        page_layout.addWidget(self.meaning)

        actions = QHBoxLayout()
        self.read_aloud = QPushButton("Read &aloud")
        self.read_aloud.setAccessibleName("Read this page aloud")
        actions.addWidget(self.read_aloud)
        actions.addStretch(1)
        page_layout.addLayout(actions)
        self.speech_status = Paragraph("")
        self.speech_status.setObjectName("SpeechStatus")
        self.speech_status.setAccessibleName("Reading aloud")
        self.speech_status.hide()
        page_layout.addWidget(self.speech_status)
        # The right side shows a page, or the extra panel (e.g. the checklist) as its own entry.
        self.right = QStackedWidget()
        self.right.addWidget(article)
        self.extra = extra
        self.extra_title = extra_title
        if extra is not None:
            self.right.addWidget(extra)
        splitter.addWidget(self.right)
        self.refresh_fonts()
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)

        self.page_list.currentRowChanged.connect(self._row)
        self.search.textEdited.connect(self.search_edited)
        self.find_text.returnPressed.connect(lambda: self.find_requested.emit(self.find_text.text(), False))
        self.find_next.clicked.connect(lambda: self.find_requested.emit(self.find_text.text(), False))
        self.find_previous.clicked.connect(lambda: self.find_requested.emit(self.find_text.text(), True))
        self.read_aloud.clicked.connect(self.read_aloud_requested)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.show_find_bar)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_bar)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.find_bar.hide)

    def _row(self, row: int) -> None:
        if not 0 <= row < self.page_list.count():
            return
        item = self.page_list.item(row)
        page_id = item.data(Qt.ItemDataRole.UserRole)
        if not page_id:  # a line such as "Nothing found": no page behind it
            return
        if page_id == self.EXTRA_ID and self.extra is not None:
            self.right.setCurrentWidget(self.extra)
        else:
            self.right.setCurrentIndex(0)
            self.page_chosen.emit(page_id)

    def refresh_fonts(self) -> None:
        """Keep page titles readable in the list at large text sizes (the list has a style sheet,
        so it is given the new font explicitly)."""
        self.page_list.setFont(QApplication.font())
        self.page_list.setMinimumWidth(QFontMetrics(QApplication.font()).averageCharWidth() * 24)
        if self.extra is not None and hasattr(self.extra, "refresh_fonts"):
            self.extra.refresh_fonts()

    def show_find_bar(self) -> None:
        self.find_bar.show()
        self.find_text.setFocus()
        self.find_text.selectAll()

    def set_pages(self, entries: list[tuple[str, str, str]]) -> None:
        """(page id, title, summary) for each page in the list."""
        self.page_list.blockSignals(True)
        self.page_list.clear()
        for page_id, title, summary in entries:
            self.page_list.addItem(title)
            item = self.page_list.item(self.page_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            item.setToolTip(summary)
        if self.extra is not None and entries and not self.search.text().strip():
            self.page_list.addItem(self.extra_title)
            self.page_list.item(self.page_list.count() - 1).setData(Qt.ItemDataRole.UserRole, self.EXTRA_ID)
        self.page_list.blockSignals(False)

    def show_speech_problem(self, text: str) -> None:
        self.speech_status.setText(text)
        self.speech_status.setVisible(bool(text))

    def show_no_results(self, text: str) -> None:
        """A line in the list saying nothing matched; it can be read but not chosen."""
        self.page_list.addItem(text)
        item = self.page_list.item(self.page_list.count() - 1)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def select_page(self, page_id: str) -> None:
        for row in range(self.page_list.count()):
            if self.page_list.item(row).data(Qt.ItemDataRole.UserRole) == page_id:
                self.page_list.setCurrentRow(row)
                return

    def show_extra(self) -> None:
        self.select_page(self.EXTRA_ID)
        if self.extra is not None:
            self.right.setCurrentWidget(self.extra)

    def show_page(self, title: str, review: str, notice: str | None, markdown: str, search_paths: list[str]) -> None:
        self.page_title.setText(title)
        self.page_title.setAccessibleName(title)
        self.review.setText(review)
        self.notice.setText(notice or "")
        self.notice.setVisible(bool(notice))
        self.meaning.hide()
        self.right.setCurrentIndex(0)
        self.browser.setSearchPaths(search_paths)
        self.browser.setMarkdown(markdown)
        self.browser.fit_images()
        self.browser.verticalScrollBar().setValue(0)

    def show_meaning(self, text: str) -> None:
        self.meaning.setText(text)
        self.meaning.setVisible(bool(text))

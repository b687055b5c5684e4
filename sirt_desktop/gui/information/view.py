"""A section of patient information: the list of its pages, and the page itself.

Pages are Markdown rendered natively by QTextBrowser (no web engine), so they follow the
app's text size and colours. Links are handled by the controller (glossary words, other pages,
parts of the app); nothing here opens a network connection.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QImageReader,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCursor,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
)
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
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.core.settings import READ_ALOUD_SPEEDS
from sirt_desktop.gui.common.widgets import RICH_TEXT_ROLE, Choices, Heading, Paragraph, ReadingBrowser, wrap_rows
from sirt_desktop.gui.theme import MARK_BACKGROUND, MARK_TEXT, is_dark, mix

# About 75 characters a line is easiest to read; the treatment grid needs more room.
READING_CHARS = 75
TABLE_CHARS = 105
WIDE_CHARS = 150
BROWSER_MIN_LINES = 14

# Boxes (Markdown block quotes) are tinted by what they hold, from the first words.
BOX_KINDS = (("Call 999", "emergency"), ("Not certain", "uncertain"), ("What we do not know", "uncertain"))
_BOX_TINTS = {"emergency": "#d4351c", "uncertain": "#ffb81c", "note": "#005eb8"}
BOX_PROPERTY = QTextFormat.Property.UserProperty + 1  # a box frame's kind

NOT_ADVICE = (
    "This is information, not medical advice. Every person is different: please talk to your NET team "
    "about what is right for you."
)


def picture(data: bytes, scale: float = 2.0) -> QImage:
    """An image from bytes (SVG or PNG), drawn at ``scale`` times its size so it stays sharp
    when the text, and with it the picture, is made bigger."""
    buffer = QBuffer()  # kept alive until the image has been read
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size * scale)
    image = reader.read()
    buffer.close()
    return image


class FittingBrowser(ReadingBrowser):
    """A QTextBrowser for reading: lines no longer than about ``max_chars`` characters at any
    window width, pictures scaled to fit, and boxes (block quotes) shaded to stand out."""

    max_chars = READING_CHARS  # the widest a line may be: more on pages with tables
    room_changed = Signal(int)  # how many average characters now fit across the page
    _room = 0

    def room(self) -> int:
        return self.viewport().width() // max(1, QFontMetrics(self.document().defaultFont()).averageCharWidth())

    def _report_room(self) -> None:
        room = self.room()
        if room != self._room:
            self._room = room
            self.room_changed.emit(room)

    def set_reading_width(self, chars: int) -> None:
        self.max_chars = chars
        self.fit_width()

    def reading_width(self, chars: int | None = None) -> int:
        """The longest line, in pixels, for the current text size."""
        return QFontMetrics(self.document().defaultFont()).averageCharWidth() * (chars or self.max_chars)

    def fit_width(self) -> None:
        """Lines of running text stay within about 75 characters; tables may use up to
        ``max_chars``; on a narrow window everything simply wraps at the window's width."""
        margin = 2 * int(self.document().documentMargin())
        cap = self.reading_width() + margin
        if self.viewport().width() > cap:
            self.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(cap)
        else:
            self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.cap_prose(max(0, self.text_width() - margin - self.reading_width(READING_CHARS)))
        self.fit_images()

    def cap_prose(self, spare: int) -> None:
        """Give running text (not tables) a right margin of ``spare`` pixels, and boxes a width,
        so prose keeps its reading length when a page's tables need a wider page."""
        document = self.document()
        document.setUndoRedoEnabled(False)
        blocks: list[int] = []
        boxes: list[QTextFrame] = []
        it = document.rootFrame().begin()
        while not it.atEnd():  # collect first: changing formats while iterating upsets the layout
            frame: QTextFrame | None = it.currentFrame()
            if frame is None:
                if it.currentBlock().isValid():
                    blocks.append(it.currentBlock().position())
            elif frame.frameFormat().property(BOX_PROPERTY) in _BOX_TINTS:
                boxes.append(frame)
            it += 1
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for position in blocks:
            cursor.setPosition(position)
            fmt = cursor.blockFormat()
            if abs(fmt.rightMargin() - spare) > 0.5:
                fmt.setRightMargin(spare)
                cursor.setBlockFormat(fmt)
        cursor.endEditBlock()
        changed = False
        for box in boxes:
            box_format = box.frameFormat()
            if abs(box_format.rightMargin() - spare) > 0.5:
                box_format.setRightMargin(spare)
                box.setFrameFormat(box_format)
                changed = True
        if changed:  # a changed frame leaves the text after it unlaid: lay the whole page out again
            document.markContentsDirty(0, document.characterCount())

    def text_width(self) -> int:
        if self.lineWrapMode() == QTextBrowser.LineWrapMode.FixedPixelWidth:
            return min(self.viewport().width(), self.lineWrapColumnOrWidth())
        return self.viewport().width()

    def fit_images(self) -> None:
        room = self.text_width() - 2 * int(self.document().documentMargin())
        width = max(100, min(room, self.reading_width(READING_CHARS)) - 8)
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

    def make_boxes(self) -> list[str]:
        """Put each box (a run of block-quote blocks) in a framed, shaded box; returns the kinds
        of box in reading order. Call once after the text is set."""
        document = self.document()
        runs: list[tuple[int, int, str]] = []
        block = document.begin()
        while block.isValid():
            if block.blockFormat().intProperty(QTextFormat.Property.BlockQuoteLevel) > 0:
                first = block
                while (
                    block.next().isValid()
                    and block.next().blockFormat().intProperty(QTextFormat.Property.BlockQuoteLevel) > 0
                ):
                    block = block.next()
                text = first.text().strip()
                kind = next((k for start, k in BOX_KINDS if text.startswith(start)), "note")
                runs.append((first.position(), block.position() + block.length() - 1, kind))
            block = block.next()
        cursor = QTextCursor(document)
        for start, end, kind in reversed(runs):  # from the end, so earlier positions stay valid
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            frame_format = QTextFrameFormat()
            frame_format.setProperty(BOX_PROPERTY, kind)
            frame = cursor.insertFrame(frame_format)
            inner = frame.begin()
            while not inner.atEnd():
                inside = inner.currentBlock()
                if inside.isValid():
                    fmt = inside.blockFormat()
                    fmt.setLeftMargin(0)
                    fmt.setRightMargin(0)
                    block_cursor = QTextCursor(inside)
                    block_cursor.setBlockFormat(fmt)
                inner += 1
        for frame in document.rootFrame().childFrames():  # tables: tighter cells, so the grid fits
            if isinstance(frame, QTextTable):
                table_format = frame.format()
                table_format.setCellPadding(3)
                table_format.setCellSpacing(0)
                table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
                frame.setFormat(table_format)
        self.style_boxes()
        return [kind for _start, _end, kind in runs]

    def style_boxes(self) -> None:
        """Colour the boxes for the current palette (light or dark)."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        dark = is_dark(palette)
        for frame in self.document().rootFrame().childFrames():
            fmt = frame.frameFormat()
            kind = fmt.property(BOX_PROPERTY)
            if kind not in _BOX_TINTS:
                continue
            tint = QColor(_BOX_TINTS[kind])
            fmt.setBackground(mix(tint, base, 0.28 if dark else 0.12))
            fmt.setBorder(3 if kind == "emergency" else 2)
            fmt.setBorderBrush(mix(tint, base, 0.85))
            fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            fmt.setPadding(10)
            fmt.setTopMargin(8)
            fmt.setBottomMargin(8)
            frame.setFrameFormat(fmt)
        document = self.document()
        document.markContentsDirty(0, document.characterCount())  # see cap_prose

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.style_boxes()
        elif event.type() == QEvent.Type.FontChange:
            self.fit_width()
            self._report_room()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_width()
        self._report_room()


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
        self.splitter = splitter
        self._list_share_set_by_hand = False
        splitter.splitterMoved.connect(self._splitter_moved)
        outer.addWidget(splitter, 1)

        self.page_list = QListWidget()
        self.page_list.setAccessibleName("Pages")
        wrap_rows(self.page_list, padding_em=0.35, side_em=0.4)
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
        self.speed_label = QLabel("Reading sp&eed:")
        self.speed = Choices()
        self.speed.setAccessibleName("Reading speed")
        for key in READ_ALOUD_SPEEDS:
            self.speed.addItem(key.capitalize(), key)
        self.speed.setCurrentIndex(READ_ALOUD_SPEEDS.index("normal"))
        self.speed_label.setBuddy(self.speed)
        actions.addWidget(self.speed_label)
        actions.addWidget(self.speed)
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
        """Keep page titles readable in the list at large text sizes."""
        metrics = QFontMetrics(QApplication.font())
        self.page_list.setMinimumWidth(metrics.averageCharWidth() * 12)
        # At large text sizes the page text keeps room for a screenful of lines; the section
        # then scrolls as a whole rather than squeezing the text into a slot.
        self.browser.setMinimumHeight(metrics.lineSpacing() * BROWSER_MIN_LINES)
        self._share_width()
        if self.extra is not None and hasattr(self.extra, "refresh_fonts"):
            self.extra.refresh_fonts()

    def _splitter_moved(self, *_args) -> None:
        if not self._sharing:
            self._list_share_set_by_hand = True

    _sharing = False

    def _share_width(self) -> None:
        """The reading pane gets most of the width: the list of pages takes a quarter (between
        14 and 32 characters; its titles wrap), unless the person has moved the divider."""
        if self._list_share_set_by_hand or self.splitter.width() <= 0 or self.page_list.isHidden():
            return
        char = QFontMetrics(QApplication.font()).averageCharWidth()
        total = self.splitter.width() - self.splitter.handleWidth()
        list_width = max(char * 14, min(char * 32, total // 4))
        self._sharing = True
        self.splitter.setSizes([list_width, max(1, total - list_width)])
        self._sharing = False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._share_width()

    def show_find_bar(self) -> None:
        self.find_bar.show()
        self.find_text.setFocus()
        self.find_text.selectAll()

    def set_pages(self, entries: list[tuple[str, str, str]], rich: list[str] | None = None) -> None:
        """(page id, title, summary) for each page in the list; ``rich``, if given, is what
        each row shows as simple HTML (a search result with the found words in bold)."""
        self.page_list.blockSignals(True)
        self.page_list.clear()
        for n, (page_id, title, summary) in enumerate(entries):
            self.page_list.addItem(title)
            item = self.page_list.item(self.page_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            item.setToolTip(summary)
            if rich is not None:
                item.setData(RICH_TEXT_ROLE, rich[n])
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

    def mark_page(self, page_id: str) -> None:
        """Highlight a page in the list without asking to show it again."""
        self.page_list.blockSignals(True)
        try:
            self.select_page(page_id)
        finally:
            self.page_list.blockSignals(False)

    def show_extra(self) -> None:
        self.select_page(self.EXTRA_ID)
        if self.extra is not None:
            self.right.setCurrentWidget(self.extra)

    def show_page(
        self,
        title: str,
        review: str,
        notice: str | None,
        markdown: str,
        search_paths: list[str],
        generated: tuple[tuple[str, bytes], ...] = (),
        line_chars: int = READING_CHARS,
        keep_scroll: bool = False,
        description: str = "",
    ) -> None:
        """``generated``: pictures made from the data, as (name the text links to, image bytes).
        ``description``: the text a screen reader gives for what the pictures show."""
        scroll = self.browser.verticalScrollBar().value()
        self.page_title.setText(title)
        self.page_title.setAccessibleName(title)
        self.review.setText(review)
        self.notice.setText(notice or "")
        self.notice.setVisible(bool(notice))
        self.meaning.hide()
        self.right.setCurrentIndex(0)
        self.browser.setSearchPaths(search_paths)
        self.browser.setAccessibleDescription(description)
        self.browser.max_chars = line_chars
        self.browser.setMarkdown(markdown)
        document = self.browser.document()  # setMarkdown forgets added resources: add them after
        for name, data in generated:
            document.addResource(document.ResourceType.ImageResource, QUrl(name), picture(data))
        self.box_kinds = self.browser.make_boxes()
        self.browser.fit_width()
        self.browser.verticalScrollBar().setValue(scroll if keep_scroll else 0)

    def reveal(self, cursor: QTextCursor) -> None:
        """Select a match and scroll it to about a third of the way down the page, where the
        eye finds it (never on the bottom line)."""
        self.browser.setTextCursor(cursor)
        rect = self.browser.cursorRect(cursor)
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.browser.viewport().height() // 3)

    def mark(self, cursors: list[QTextCursor], current: QTextCursor | None = None) -> None:
        """Mark every match on the page as a highlighter pen would (black on yellow, 15:1 in
        any colours); the current one is left as the selection, so it stands out from the rest."""
        selections = []
        for cursor in cursors:
            if current is not None and cursor.selectionStart() == current.selectionStart():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(QColor(MARK_BACKGROUND))
            selection.format.setForeground(QColor(MARK_TEXT))
            selections.append(selection)
        self.browser.setExtraSelections(selections)

    def show_meaning(self, text: str) -> None:
        self.meaning.setText(text)
        self.meaning.setVisible(bool(text))

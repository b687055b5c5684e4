"""The "My letters" table: a page of rows at a time from the letters repository, fetched as
the list scrolls, so opening tens of thousands of letters shows the first screen at once."""

from __future__ import annotations

import datetime as dt
import html
import logging

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from sirt_desktop.core.dates import local_date, short_date
from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.letters_repo import PAGE_SIZE, LettersRepository
from sirt_desktop.core.db.records import LetterFilters, LetterSummary
from sirt_desktop.core.letters.kinds import KINDS
from sirt_desktop.gui.common.widgets import RICH_TEXT_ROLE

log = logging.getLogger(__name__)

COLUMNS = ("Last changed", "Kind of letter", "To", "Subject", "Status")
LETTER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = RICH_TEXT_ROLE  # the whole card as simple HTML (column 0), for the card list
_Index = QModelIndex | QPersistentModelIndex


def kind_titles() -> dict[str, str]:
    """Letter kind id -> the title people see ("To my MP — campaign")."""
    return {kind.id: kind.title for kind in KINDS}


def changed_text(letter: LetterSummary) -> str:
    """When the letter was last changed, to the minute, on this computer's clock."""
    moment = letter.updated_at.replace(tzinfo=dt.UTC).astimezone()
    return f"{short_date(moment.date())} at {moment:%H:%M}"


def card_lines(letter: LetterSummary, kind_title: str) -> tuple[str, str, str]:
    """The three lines of a letter's card in My letters: what it is about, who it is to, and
    where it stands. Together they tell apart letters with the same subject."""
    subject = letter.subject or "(no subject)"
    to = f"To {letter.recipient_name or '(no name yet)'} · {kind_title}"
    status = letter.status_text()
    if letter.sent_at is None:
        status = f"{status} · last changed {changed_text(letter)}"
    return subject, to, status


def date_text(letter: LetterSummary) -> str:
    """When it was last changed: the order of the list (the day it was sent is in Status)."""
    return short_date(local_date(letter.updated_at))


class LettersTableModel(QAbstractTableModel):
    load_failed = Signal(str)  # a plain message; the rows shown so far stay

    def __init__(self, repository: LettersRepository, page_size: int = PAGE_SIZE, parent=None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.page_size = page_size
        self.filters = LetterFilters()
        self._rows: list[LetterSummary] = []
        self._complete = False
        self._titles = kind_titles()

    # --- loading --------------------------------------------------------------------------
    def set_filters(self, filters: LetterFilters) -> None:
        """Show the letters matching ``filters``; the first page is fetched straight away."""
        self.filters = filters
        self.reload()

    def reload(self, keep_rows: bool = False) -> None:
        """Fetch again from the start (after a change). ``keep_rows`` reloads as many rows
        as are shown now, so the list does not jump back to its first page."""
        wanted = max(len(self._rows), self.page_size) if keep_rows else self.page_size
        self.beginResetModel()
        self._rows, self._complete = [], False
        self.endResetModel()
        while len(self._rows) < wanted and not self._complete:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._complete:
            return
        try:
            page = self.repository.list_page(self.filters, len(self._rows), self.page_size)
        except DatabaseError as exc:
            log.error("letters list could not be read: %s", exc)
            self._complete = True
            self.load_failed.emit(str(exc))
            return
        if len(page) < self.page_size:
            self._complete = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    @property
    def complete(self) -> bool:
        """True once every matching letter has been fetched."""
        return self._complete

    # --- reading --------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def summary(self, row: int) -> LetterSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, letter_id: int) -> int:
        """The row showing ``letter_id`` among those fetched, or -1."""
        return next((i for i, s in enumerate(self._rows) if s.id == letter_id), -1)

    def kind_title(self, kind: str) -> str:
        return self._titles.get(kind, kind.replace("_", " ").capitalize())

    def cell_text(self, letter: LetterSummary, column: int) -> str:
        if column == 0:
            return date_text(letter)
        if column == 1:
            return self.kind_title(letter.kind)
        if column == 2:
            return letter.recipient_name or "(no name yet)"
        if column == 3:
            return letter.subject or "(no subject)"
        return letter.status_text()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        letter = self.summary(index.row()) if index.isValid() else None
        if letter is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell_text(letter, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if index.column() == 0:  # the card list shows column 0: read the whole card
                return ". ".join(card_lines(letter, self.kind_title(letter.kind)))
            return f"{COLUMNS[index.column()]}: {self.cell_text(letter, index.column())}"
        if role == CARD_ROLE and index.column() == 0:
            subject, to, status = (html.escape(line) for line in card_lines(letter, self.kind_title(letter.kind)))
            return f"<b>{subject}</b><br>{to}<br>{status}"
        if role == LETTER_ID_ROLE:
            return letter.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

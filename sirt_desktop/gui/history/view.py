"""The "My letters" page: find a letter (search, kind, status), then open it, print it again,
record that it was sent or answered, start a follow-up, copy or delete it.

The view shows and asks; ``HistoryController`` does the work. The list is newest first.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.core.db.records import STATUS_FILTERS, LetterFilters, LetterStatus
from sirt_desktop.gui.common.focus import give_focus_back
from sirt_desktop.gui.common.widgets import Choices, Heading, Paragraph, wrap_rows
from sirt_desktop.gui.history.model import LETTER_ID_ROLE, LettersTableModel, kind_titles

SEARCH_DELAY_MS = 350
EMPTY_TEXT = (
    "You have no letters yet. When you write a letter it is kept here, saved as you type, "
    "so you can come back to it, print it again and note when you get a reply."
)
NO_MATCH_TEXT = "No letters match your search. Try fewer words, or choose “All” in the lists above."

# Button key -> (text, accessible description)
ACTIONS: dict[str, tuple[str, str]] = {
    "open": ("&Open", "Open the chosen letter to read or change it"),
    "reprint": ("&Print again", "Print the chosen letter again, exactly as it was printed before"),
    "sent": ("Mark as &sent…", "Note when and how you sent the chosen letter"),
    "reply": ("&Reply…", "Note whether a reply came to the chosen letter"),
    "follow_up": ("Star&t a follow-up", "Write a follow-up letter that mentions the chosen letter"),
    "duplicate": ("Make a &copy", "Start a new draft with the same words as the chosen letter"),
    "delete": ("&Delete…", "Delete the chosen letter, after asking you to confirm"),
}


class LetterCards(QListView):
    """One card per letter, newest first; each card wraps to the list's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSpacing(1)
        wrap_rows(self, padding_em=0.4, side_em=0.5)

    def selectRow(self, row: int) -> None:  # noqa: N802 (the name QTableView uses)
        model = self.model()
        if model is not None and 0 <= row < model.rowCount():
            index = model.index(row, 0)
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.scrollTo(index)


class HistoryView(QWidget):
    """Signals carry what the person chose; the letter is the one selected in the list."""

    filters_changed = Signal(object)  # LetterFilters, after the typing pause
    action_requested = Signal(str, int)  # ACTIONS key, letter id
    new_letter_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("My letters")
        self.model: LettersTableModel | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(Heading("My letters"))
        layout.addWidget(
            Paragraph("The letter you changed last is first. Choose a letter, then choose what to do with it.")
        )

        filters = QGridLayout()
        self.search = QLineEdit()
        self.search.setAccessibleName("Search your letters")
        self.search.setAccessibleDescription(
            "Finds letters with all these words in the subject, the letter or the name it is to"
        )
        self.search.setPlaceholderText("Words to find")
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):
            clear.setAccessibleName("Clear the search")
        self.kind = Choices()
        self.kind.setAccessibleName("Kind of letter")
        self.kind.addItem("All kinds of letter", "")
        for kind_id, title in kind_titles().items():
            self.kind.addItem(title, kind_id)
        self.status = Choices()
        self.status.setAccessibleName("Letters to show")
        for key, label in STATUS_FILTERS.items():
            self.status.addItem(label, key)
        # One filter per row: each keeps its full width at 200% text.
        for row, (text, field) in enumerate(
            (("F&ind:", self.search), ("&Kind:", self.kind), ("&Letters to show:", self.status))
        ):
            row_label = QLabel(text)
            row_label.setBuddy(field)
            filters.addWidget(row_label, row, 0)
            filters.addWidget(field, row, 1)
        filters.setColumnStretch(1, 1)
        layout.addLayout(filters)

        self.count_label = QLabel("")
        self.count_label.setAccessibleName("Number of letters shown")
        layout.addWidget(self.count_label)
        # What the last action did ("Copy made of …"), until the list is searched again.
        self.note = Paragraph("")
        self.note.setObjectName("HistoryNote")
        self.note.setAccessibleName("What was done")
        self.note.hide()
        layout.addWidget(self.note)

        self.stack = QStackedWidget()
        # A list of cards, not a table: at large text sizes every card wraps and shows all it
        # says (subject, who it is to, kind, status and date), where table columns were cut.
        self.table = LetterCards()
        self.table.setAccessibleName("Your letters")
        self.table.setAccessibleDescription("The letter changed last is first. Press Enter to open the chosen letter.")
        self.table.activated.connect(lambda _index: self._request("open"))
        self.table.doubleClicked.connect(lambda _index: self._request("open"))
        self.stack.addWidget(self.table)

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        self.empty_text = Paragraph(EMPTY_TEXT)
        self.write_button = QPushButton("&Write a letter")
        self.write_button.setAccessibleName("Write a letter")
        self.write_button.clicked.connect(self.new_letter_requested)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        self.stack.addWidget(empty)
        layout.addWidget(self.stack, 1)

        buttons = QGridLayout()
        self.button_area = QWidget()
        self.button_area.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, (text, description)) in enumerate(ACTIONS.items()):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            button.clicked.connect(lambda _=False, k=key: self._request(k))
            buttons.addWidget(button, i // 4, i % 4)
            self.buttons[key] = button
        layout.addWidget(self.button_area)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters_now)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.kind.currentIndexChanged.connect(lambda _i: self.apply_filters_now())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters_now())
        self.update_buttons()

    # --- wiring ---------------------------------------------------------------------------
    def set_model(self, model: LettersTableModel) -> None:
        self.model = model
        self.table.setModel(model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        model.modelReset.connect(self.update_buttons)

    def filters(self) -> LetterFilters:
        return LetterFilters(
            text=self.search.text().strip(), kind=self.kind.currentData() or "", status=self.status.currentData() or ""
        )

    def apply_filters_now(self) -> None:
        """Apply the filters without waiting for the pause in typing."""
        self._search_timer.stop()
        self.show_note("")
        self.filters_changed.emit(self.filters())

    # --- what is shown --------------------------------------------------------------------
    def selected_letter_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(LETTER_ID_ROLE) if rows else None

    def select_letter(self, letter_id: int) -> bool:
        if self.model is None:
            return False
        row = self.model.row_of(letter_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def show_count(self, count: int | None) -> None:
        """Show how many letters match (None while unknown); the empty state when none."""
        filtered = self.filters() != LetterFilters()
        if count is None:
            self.count_label.setText("")
        elif count == 0:
            # The empty page says it in full; the count line would only repeat it.
            self.count_label.setText("No letters match." if filtered else "")
        else:
            noun = "letter" if count == 1 else "letters"
            self.count_label.setText(f"{count:,} {noun}" + (" match." if filtered else "."))
        empty = count == 0
        self.empty_text.setText(NO_MATCH_TEXT if filtered else EMPTY_TEXT)
        self.write_button.setVisible(not filtered)
        self.stack.setCurrentIndex(1 if empty else 0)
        self.button_area.setVisible(not empty)

    def show_note(self, text: str) -> None:
        """Say what an action did, on its own line under the count, and to a screen reader."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
        if text:
            event = QAccessibleAnnouncementEvent(self.note, text)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)

    def focus_list(self) -> None:
        """The keyboard on the list, on the chosen letter (or on "Write a letter" when the list
        is empty). Also when a dialog has just closed and the window is not active again yet:
        the window gives the focus back to it then."""
        target: QWidget = self.table if self.stack.currentIndex() == 0 else self.write_button
        if not target.isVisibleTo(self):
            target = self.search
        give_focus_back(target)

    def update_buttons(self) -> None:
        letter = None
        if self.model is not None and self.table.selectionModel() is not None:
            rows = self.table.selectionModel().selectedRows()
            letter = self.model.summary(rows[0].row()) if rows else None
        for key in ("open", "sent", "duplicate", "delete"):
            self.buttons[key].setEnabled(letter is not None)
        # "Print again" prints the very copy kept when it was printed or saved: only then.
        self.buttons["reprint"].setEnabled(letter is not None and letter.has_pdf)
        self.buttons["reply"].setEnabled(letter is not None and letter.is_sent)
        self.buttons["follow_up"].setEnabled(
            letter is not None and (letter.is_sent or letter.status == LetterStatus.FINISHED)
        )

    def _request(self, action: str) -> None:
        letter_id = self.selected_letter_id()
        if letter_id is not None and self.buttons[action].isEnabled():
            self.action_requested.emit(action, int(letter_id))

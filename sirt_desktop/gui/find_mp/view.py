"""'Find my MP': a postcode field, a result card, the candidates when unsure, and a name search.

The view only lays widgets out and shows what it is given; ``FindMpController`` decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.gui.common.widgets import Heading, Paragraph


class ResultCard(QFrame):
    """The MP (or the seat, when vacant) with how to write to them by post."""

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("ResultCard")
        layout = QVBoxLayout(self)
        self.title = Heading("", level=2)
        self.details = Paragraph("")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address = Paragraph("")
        self.advice = Paragraph("")
        self.advice.setObjectName("DevolvedAdvice")
        self.as_of = Paragraph("")
        for widget in (self.title, self.details, self.address, self.advice, self.as_of):
            layout.addWidget(widget)
        self.use_button = QPushButton("Write to this MP")
        self.use_button.setAccessibleName("Write a letter to this MP")
        self.devolved_button = QPushButton("Write to my MSP, MS or MLA instead")
        self.devolved_button.setAccessibleName(
            "Write to my member of the Scottish Parliament, Senedd or Assembly instead"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.devolved_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.hide()


class DevolvedPanel(QFrame):
    """The person's Senedd, Scottish Parliament or Assembly constituency: what the data says,
    a list to choose from when it cannot say, the Members (imported names, or where they are
    published) and a button to write to one of them."""

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("DevolvedPanel")
        layout = QVBoxLayout(self)
        self.title = Heading("", level=2)
        self.message = Paragraph("")
        self.message.setObjectName("DevolvedMessage")
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        search_row = QHBoxLayout()
        self.search_label = QLabel("Search the &list:")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search the list of constituencies")
        self.search.setPlaceholderText("part of the name, or the region")
        self.search.setClearButtonEnabled(True)
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName("Clear the search")
        self.search_label.setBuddy(self.search)
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)
        self.options_label = QLabel("")
        self.options_label.setWordWrap(True)
        self.options = QListWidget()
        self.options.setAccessibleName("Devolved constituencies to choose from")
        self.options_label.setBuddy(self.options)
        layout.addWidget(self.options_label)
        layout.addWidget(self.options)
        self.members_label = QLabel("")
        self.members_label.setWordWrap(True)
        self.members = QListWidget()
        self.members.setAccessibleName("Members to write to")
        self.members_label.setBuddy(self.members)
        layout.addWidget(self.members_label)
        layout.addWidget(self.members)
        self.names_help = Paragraph("")
        self.names_help.setObjectName("WhereNamesAre")
        layout.addWidget(self.names_help)
        buttons = QHBoxLayout()
        self.write_button = QPushButton("Write to a devolved Member")
        self.write_button.setAccessibleName("Write to a devolved Member")
        buttons.addWidget(self.write_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.hide()

    @staticmethod
    def _fill(widget: QListWidget, lines: list[str], current: int = -1, most: int = 8) -> None:
        widget.blockSignals(True)
        widget.clear()
        for line in lines:
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, line)
            widget.addItem(item)
        if 0 <= current < len(lines):
            widget.setCurrentRow(current)
        widget.blockSignals(False)
        rows = max(1, min(len(lines), most))
        height = widget.sizeHintForRow(0) if lines else widget.fontMetrics().height()
        widget.setFixedHeight(rows * (height + 2) + 2 * widget.frameWidth() + 4)
        widget.setVisible(bool(lines))

    def show_result(
        self,
        title: str,
        message: str,
        search: bool,
        options_heading: str,
        options: list[str],
        current: int,
        members_heading: str,
        members: list[str],
        names_help: str,
        button: str,
    ) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.message.setText(message)
        self.search_label.setVisible(search)
        self.search.setVisible(search)
        self.options_label.setText(options_heading)
        self.options_label.setVisible(bool(options))
        self._fill(self.options, options, current)
        self.members_label.setText(members_heading)
        self.members_label.setVisible(bool(members))
        self._fill(self.members, members, 0 if members else -1)
        self.names_help.setText(names_help)
        self.names_help.setVisible(bool(names_help))
        self.write_button.setText(button)
        self.write_button.setAccessibleName(button)
        self.write_button.setVisible(bool(button))
        self.show()


class FindMpView(QWidget):
    postcode_edited = Signal(str)
    find_requested = Signal(str)
    search_edited = Signal(str)
    candidate_selected = Signal(int)  # row in the candidate list
    use_requested = Signal()
    devolved_requested = Signal()
    suggestion_requested = Signal(str)  # "Did you mean …?": the postcode to look up instead
    devolved_search_edited = Signal(str)
    devolved_option_selected = Signal(int)  # row in the devolved options list
    devolved_write_requested = Signal()

    def __init__(self, show_heading: bool = True) -> None:
        super().__init__()
        self.setAccessibleName("Find my MP")
        layout = QVBoxLayout(self)
        if show_heading:
            layout.addWidget(Heading("Find your MP"))
        self.intro = Paragraph(
            "Type your home postcode. The app looks it up on this computer; nothing is sent anywhere."
        )
        layout.addWidget(self.intro)

        row = QHBoxLayout()
        label = QLabel("&Postcode:")
        self.postcode = QLineEdit()
        self.postcode.setAccessibleName("Postcode")
        self.postcode.setAccessibleDescription("Your home postcode, for example SO51 7AA")
        self.postcode.setPlaceholderText("for example SO51 7AA")
        self.postcode.setMaxLength(40)
        label.setBuddy(self.postcode)
        self.find_button = QPushButton("F&ind")
        self.find_button.setAccessibleName("Find the MP for this postcode")
        row.addWidget(label)
        row.addWidget(self.postcode, 1)
        row.addWidget(self.find_button)
        layout.addLayout(row)
        self.hint = Paragraph("")
        self.hint.setObjectName("PostcodeHint")
        self.hint.setAccessibleName("Postcode check")
        layout.addWidget(self.hint)
        self.suggestion = QPushButton("")
        self.suggestion.setObjectName("PostcodeSuggestion")
        self.suggestion.setAccessibleName("Look up the suggested postcode")
        self.suggestion.hide()
        layout.addWidget(self.suggestion, 0, Qt.AlignmentFlag.AlignLeft)

        self.message = Paragraph("")
        self.message.setObjectName("LookupMessage")
        layout.addWidget(self.message)
        self.card = ResultCard()
        layout.addWidget(self.card)

        self.candidates_label = QLabel("")
        self.candidates_label.setWordWrap(True)
        self.candidates = QListWidget()
        self.candidates.setAccessibleName("Possible constituencies")
        self.candidates.setAccessibleDescription("Choose the constituency you live in to see its MP")
        self.candidates_label.setBuddy(self.candidates)
        layout.addWidget(self.candidates_label)
        layout.addWidget(self.candidates)
        self.devolved = DevolvedPanel()
        layout.addWidget(self.devolved)

        search_row = QHBoxLayout()
        search_label = QLabel("Or search by constituency or MP na&me:")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search by constituency or MP name")
        self.search.setPlaceholderText("for example Romsey, or Nokes")
        self.search.setClearButtonEnabled(True)
        for button in self.search.findChildren(QToolButton):  # the built-in clear button
            button.setAccessibleName("Clear the search")
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)
        layout.addStretch(1)
        self.show_candidates([], "")
        self.devolved.search.textEdited.connect(self.devolved_search_edited)
        self.devolved.options.currentRowChanged.connect(self._devolved_row_changed)
        self.devolved.write_button.clicked.connect(self.devolved_write_requested)
        self.devolved.members.itemActivated.connect(lambda _item: self.devolved_write_requested.emit())

        self.postcode.textEdited.connect(self.postcode_edited)
        self.postcode.returnPressed.connect(lambda: self.find_requested.emit(self.postcode.text()))
        self.find_button.clicked.connect(lambda: self.find_requested.emit(self.postcode.text()))
        self.search.textEdited.connect(self.search_edited)
        self.candidates.currentRowChanged.connect(self._row_changed)
        self.candidates.itemActivated.connect(lambda _item: self.use_requested.emit())
        self.card.use_button.clicked.connect(self.use_requested)
        self.suggestion.clicked.connect(lambda: self.suggestion_requested.emit(self.suggestion.property("postcode")))
        self.card.devolved_button.clicked.connect(self.devolved_requested)

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.candidate_selected.emit(row)

    def _devolved_row_changed(self, row: int) -> None:
        if row >= 0:  # -1 when the list is cleared
            self.devolved_option_selected.emit(row)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)

    # Shown by the controller ---------------------------------------------------------
    def set_hint(self, text: str) -> None:
        self.hint.setText(text)

    def show_suggestion(self, postcode: str) -> None:
        """A button to look up the real postcode that was probably meant ("" hides it)."""
        self.suggestion.setProperty("postcode", postcode)
        self.suggestion.setText(f"Look up {postcode} instead" if postcode else "")
        self.suggestion.setAccessibleName(f"Look up {postcode} instead" if postcode else "Suggested postcode")
        self.suggestion.setVisible(bool(postcode))

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_candidates(self, lines: list[str], heading: str) -> None:
        self.candidates.blockSignals(True)
        self.candidates.clear()
        for line in lines:
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, line)
            self.candidates.addItem(item)
        self.candidates.blockSignals(False)
        # Tall enough for every row up to eight, then it scrolls.
        rows = max(1, min(len(lines), 8))
        row_height = self.candidates.sizeHintForRow(0) if lines else self.fontMetrics().height()
        self.candidates.setFixedHeight(rows * (row_height + 2) + 2 * self.candidates.frameWidth() + 4)
        self.candidates_label.setText(heading)
        visible = bool(lines)
        self.candidates_label.setVisible(visible)
        self.candidates.setVisible(visible)

    def show_card(
        self, title: str, details: str, address: str, advice: str, as_of: str, can_use: bool, devolved: str
    ) -> None:
        self.card.title.setText(title)
        self.card.title.setAccessibleName(title)
        self.card.details.setText(details)
        self.card.address.setText(address)
        self.card.address.setVisible(bool(address))
        self.card.advice.setText(advice)
        self.card.advice.setVisible(bool(advice))
        self.card.as_of.setText(as_of)
        self.card.use_button.setEnabled(can_use)
        # ``devolved`` names the member to write to instead ("my MSP", "the caller's MS"), or is empty.
        self.card.devolved_button.setText(f"Write to {devolved} instead")
        self.card.devolved_button.setAccessibleName(f"Write to {devolved} instead")
        self.card.devolved_button.setVisible(bool(devolved))
        self.card.setVisible(self.mp_card_allowed())

    def hide_card(self) -> None:
        self.card.hide()

    def set_mp_card_allowed(self, allowed: bool) -> None:
        """Writing to a devolved Member: the MP card and its buttons stay out of the way."""
        self._mp_card_allowed = allowed
        if not allowed:
            self.card.hide()

    def mp_card_allowed(self) -> bool:
        return getattr(self, "_mp_card_allowed", True)

    def announce(self, text: str) -> None:
        """Tell a screen reader the result without moving the focus."""
        event = QAccessibleAnnouncementEvent(self, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

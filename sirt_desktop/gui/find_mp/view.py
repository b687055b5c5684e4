"""'Find my MP': a postcode field, a result card, the candidates when unsure, and a name search.

The view only lays widgets out and shows what it is given; ``FindMpController`` decides.
"""

from __future__ import annotations

from collections.abc import Callable

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

from sirt_desktop.gui.common.widgets import Heading, Paragraph, WholeList

MOST_ROWS = 8  # a list is as tall as this many rows (each whole), then it scrolls


class ChoiceList(WholeList):
    """A list of seats or constituencies to choose from. Its rows wrap and show whole at any
    text size; it is as tall as its first eight rows and never scrolls sideways."""

    def __init__(self) -> None:
        super().__init__(most_rows=MOST_ROWS)

    def fill(self, lines: list[str], current: int = -1) -> None:
        """Show ``lines`` (without telling anyone: nothing is chosen by filling), with row
        ``current`` chosen if there is one."""
        self.blockSignals(True)
        self.clear()
        for line in lines:
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, line)
            self.addItem(item)
        if 0 <= current < len(lines):
            self.setCurrentRow(current)
        self.blockSignals(False)
        self.fit_height()
        self.setVisible(bool(lines))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """An arrow key with nothing chosen yet chooses the row the focus is on, where Qt would
        not move at all (the only row of a search's results, or an arrow past either end)."""
        arrows = (Qt.Key.Key_Up, Qt.Key.Key_Down)
        current = self.currentRow()
        super().keyPressEvent(event)
        if event.key() in arrows and not self.selectedItems() and self.currentRow() == current >= 0:
            self.setCurrentRow(current)


def when_chosen(widget: QListWidget, choose: Callable[[int], None]) -> None:
    """Call ``choose(row)`` when the person really chooses a row: moving to it with the arrow
    keys, Space or Enter on it, or a click (each selects it). Tabbing into the list chooses
    nothing: Qt gives the list a current row on focus without selecting it, so reacting to the
    current row chose the first entry just by moving through the page."""

    def selection_changed() -> None:
        rows = [widget.row(item) for item in widget.selectedItems()]
        if rows and rows[0] >= 0:
            choose(rows[0])

    def activated(item: QListWidgetItem) -> None:
        row = widget.row(item)
        if row >= 0 and not item.isSelected():
            widget.setCurrentRow(row)  # Enter on a row that was only current: choose it first

    widget.itemSelectionChanged.connect(selection_changed)
    widget.itemActivated.connect(activated)


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
        self.options = ChoiceList()
        self.options.setAccessibleName("Devolved constituencies to choose from")
        self.options_label.setBuddy(self.options)
        layout.addWidget(self.options_label)
        layout.addWidget(self.options)
        self.members_label = QLabel("")
        self.members_label.setWordWrap(True)
        self.members = ChoiceList()
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
        self.options.fill(options, current)
        self.members_label.setText(members_heading)
        self.members_label.setVisible(bool(members))
        self.members.fill(members, 0 if members else -1)
        self.names_help.setText(names_help)
        self.names_help.setVisible(bool(names_help))
        self.write_button.setText(button)
        self.write_button.setAccessibleName(button)
        self.write_button.setVisible(bool(button))
        self.show()


def _labelled_choices(layout: QVBoxLayout, name: str, description: str) -> tuple[QLabel, ChoiceList]:
    """A list to choose from, under a label that says what it holds (the label is its buddy)."""
    label = QLabel("")
    label.setWordWrap(True)
    choices = ChoiceList()
    choices.setAccessibleName(name)
    choices.setAccessibleDescription(description)
    label.setBuddy(choices)
    layout.addWidget(label)
    layout.addWidget(choices)
    return label, choices


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
        # The message that explains the suggestion comes before its button, to the eye and
        # to a screen reader.
        self.message = Paragraph("")
        self.message.setObjectName("LookupMessage")
        layout.addWidget(self.message)
        self.suggestion = QPushButton("")
        self.suggestion.setObjectName("PostcodeSuggestion")
        self.suggestion.setAccessibleName("Look up the suggested postcode")
        self.suggestion.hide()
        layout.addWidget(self.suggestion, 0, Qt.AlignmentFlag.AlignLeft)
        self.card = ResultCard()
        layout.addWidget(self.card)
        self._layout = layout
        self._card_under_search = False

        self.candidates_label, self.candidates = _labelled_choices(
            layout, "Possible constituencies", "Choose the constituency you live in to see its MP"
        )
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
        # What the search found, after the box it answers.
        self.search_message = Paragraph("")
        self.search_message.setObjectName("SearchMessage")
        layout.addWidget(self.search_message)
        self.search_results_label, self.search_results = _labelled_choices(
            layout, "Constituencies and MPs found", "Choose a constituency to see its MP"
        )
        layout.addStretch(1)
        self.set_message("")
        self.show_candidates([], "")
        self.show_search_results([], "")
        self.devolved.search.textEdited.connect(self.devolved_search_edited)
        when_chosen(self.devolved.options, self.devolved_option_selected.emit)
        self.devolved.write_button.clicked.connect(self.devolved_write_requested)
        self.devolved.members.itemActivated.connect(lambda _item: self.devolved_write_requested.emit())

        self.postcode.textEdited.connect(self.postcode_edited)
        self.postcode.returnPressed.connect(lambda: self.find_requested.emit(self.postcode.text()))
        self.find_button.clicked.connect(lambda: self.find_requested.emit(self.postcode.text()))
        self.search.textEdited.connect(self.search_edited)
        for seats in (self.candidates, self.search_results):
            when_chosen(seats, self.candidate_selected.emit)
            seats.itemActivated.connect(lambda _item: self.use_requested.emit())  # after it is chosen
        self.card.use_button.clicked.connect(self.use_requested)
        self.suggestion.clicked.connect(lambda: self.suggestion_requested.emit(self.suggestion.property("postcode")))
        self.card.devolved_button.clicked.connect(self.devolved_requested)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)

    def set_for_caller(self, for_caller: bool) -> None:
        """The words above the postcode: for the person, or for a volunteer about their caller."""
        whose = "the caller's" if for_caller else "your"
        self.set_intro(f"Type {whose} home postcode. The app looks it up on this computer; nothing is sent anywhere.")
        self.postcode.setAccessibleDescription(f"{whose.capitalize()} home postcode, for example SO51 7AA")

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
        """The seats a postcode may be in, below the postcode."""
        self.candidates.fill(lines)
        self.candidates_label.setText(heading)
        self.candidates_label.setVisible(bool(lines))

    def show_search_results(self, lines: list[str], heading: str, message: str = "") -> None:
        """What a search by name found (or ``message`` when nothing), below the search box."""
        self.search_results.fill(lines)
        self.search_results_label.setText(heading)
        self.search_results_label.setVisible(bool(lines))
        self.search_message.setText(message)
        self.search_message.setVisible(bool(message))

    def focus_result(self) -> None:
        """Keyboard focus to what a lookup found: the card's button, else the list to choose from."""
        for widget in (self.card.use_button, self.candidates, self.devolved.options, self.devolved.write_button):
            if widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

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

    def place_card(self, under_search: bool) -> None:
        """The MP's card goes under the list it was chosen from, in reading and Tab order: a
        search's results are below the search box, and at 200% a card shown above the box was
        out of sight while the volunteer chose from them."""
        if under_search == self._card_under_search:
            return
        self._card_under_search = under_search
        layout = self._layout
        layout.removeWidget(self.card)
        if under_search:
            layout.insertWidget(layout.indexOf(self.search_results) + 1, self.card)
            QWidget.setTabOrder(self.search_results, self.card.use_button)
        else:
            layout.insertWidget(layout.indexOf(self.suggestion) + 1, self.card)
            QWidget.setTabOrder(self.suggestion, self.card.use_button)
        QWidget.setTabOrder(self.card.use_button, self.card.devolved_button)

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

"""The steps of the letter writer: kind, from, to, write, check and print.

Views only: each step lays out its fields and exposes them; the controller reads and fills them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.core.letters.kinds import KINDS
from sirt_desktop.gui.common.date_field import DateField
from sirt_desktop.gui.common.pdf_preview import PdfPreview
from sirt_desktop.gui.common.widgets import Choices, Heading, LinesBox, Paragraph, WholeList, tab_to_checked
from sirt_desktop.gui.find_mp.view import FindMpView


def _line(name: str, placeholder: str = "", max_length: int = 200) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(name)
    field.setPlaceholderText(placeholder)
    field.setMaxLength(max_length)
    return field


class SelectingLinesBox(LinesBox):
    """A few lines (an address) that grows to show them all. Tabbing into it selects what is
    there, as a one-line box does, so typing replaces details filled in from before instead of
    running on from them."""

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        if (
            event.reason()
            in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason)
            and self.toPlainText()
        ):
            self.selectAll()


class WordByWordEdit(QPlainTextEdit):
    """The letter's text. Ctrl+Z takes back the last word typed, not the whole paragraph: each
    space or punctuation mark is its own edit, which ends the run of typing before it."""

    _BREAKS = frozenset(" .,;:!?")

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        text = event.text()
        if len(text) == 1 and text in self._BREAKS and not self.isReadOnly():
            cursor = self.textCursor()
            cursor.beginEditBlock()
            cursor.insertText(text)
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)


def _lines_box(name: str, placeholder: str, rows: int = 4) -> LinesBox:
    box = SelectingLinesBox(rows)  # grows to show every line, at any text size
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    return box


def scrolling(widget: QWidget) -> QScrollArea:
    """Wrap a step so it scrolls at 200% text size instead of being cut off."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a Tab stop of its own (an invisible one): Tab goes straight to the fields, and the
    # area still scrolls each field into view as it gets the focus.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class KindStep(QWidget):
    kind_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(Heading("What kind of letter?", level=2))
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for kind in KINDS:
            radio = QRadioButton(kind.title)
            radio.setAccessibleName(kind.title)
            radio.setAccessibleDescription(kind.to_whom)
            self.group.addButton(radio)
            self.radios[kind.id] = radio
            layout.addWidget(radio)
            about = Paragraph(kind.to_whom)
            about.setContentsMargins(radio.sizeHint().height(), 0, 0, 8)
            layout.addWidget(about)
            radio.toggled.connect(lambda on, k=kind.id: self.kind_chosen.emit(k) if on else None)
        tab_to_checked(self.group)
        layout.addStretch(1)

    def set_kind(self, kind_id: str) -> None:
        radio = self.radios.get(kind_id)
        if radio is not None and not radio.isChecked():
            radio.setChecked(True)


class SenderStep(QWidget):
    profile_chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(Heading("Who is the letter from?", level=2))
        self.intro = Paragraph("")
        layout.addWidget(self.intro)
        self.set_for_caller(False)
        form = QFormLayout()
        self.profiles = Choices()
        self.profiles.setAccessibleName("Saved details")
        self.profiles_label = QLabel("&Saved details:")
        self.profiles_label.setBuddy(self.profiles)
        form.addRow(self.profiles_label, self.profiles)
        self.name = _line("Your name", "for example Mrs Ann Jones")
        self.address = _lines_box(
            "Your address, one line per line (without the postcode)", "for example:\n12 High Street\nRomsey"
        )
        self.postcode = _line("Your postcode", "for example SO51 7AA", 12)
        # Checked when the person leaves the box: a postcode that is not real, with the fix.
        self.postcode_check = Paragraph("")
        self.postcode_check.setObjectName("SenderPostcodeCheck")
        self.postcode_check.setAccessibleName("Postcode check")
        self.postcode_check.hide()
        self.use_suggestion = QPushButton("")
        self.use_suggestion.setAccessibleName("Use the suggested postcode")
        self.use_suggestion.hide()
        postcode_box = QWidget()
        postcode_rows = QVBoxLayout(postcode_box)
        postcode_rows.setContentsMargins(0, 0, 0, 0)
        postcode_rows.addWidget(self.postcode)
        postcode_rows.addWidget(self.postcode_check)
        postcode_rows.addWidget(self.use_suggestion, 0, Qt.AlignmentFlag.AlignLeft)
        self.email = _line("Your email (optional)")
        self.phone = _line("Your phone number (optional)", max_length=40)
        for label, field, shown in (
            ("Na&me:", self.name, self.name),
            ("&Address:", self.address, self.address),
            ("&Postcode:", self.postcode, postcode_box),
            ("&Email (optional):", self.email, self.email),
            ("Phone (opt&ional):", self.phone, self.phone),
        ):
            row_label = QLabel(label)
            row_label.setBuddy(field)
            form.addRow(row_label, shown)
        self.remember = QCheckBox("Remember these details for next time")
        self.remember.setAccessibleName("Remember these details for next time")
        form.addRow("", self.remember)
        layout.addLayout(form)
        layout.addStretch(1)
        self.profiles.activated.connect(lambda i: self.profile_chosen.emit(int(self.profiles.itemData(i) or 0)))

    def set_for_caller(self, for_caller: bool, note: str = "") -> None:
        """Speak to the volunteer about the caller, or to the writer about themselves; ``note``
        says why the address matters for this kind of letter."""
        self._for_caller = for_caller
        whose = "The caller's" if for_caller else "Your"
        self.intro.setText(f"{whose} name and full address, with the postcode. {note}".strip())

    def set_note(self, note: str) -> None:
        self.set_for_caller(getattr(self, "_for_caller", False), note)

    def show_postcode_check(self, problem: str, suggestion: str = "") -> None:
        """What is wrong with the postcode ("" when nothing), and a button for the likely fix."""
        self.postcode_check.setText(problem)
        self.postcode_check.setVisible(bool(problem))
        self.use_suggestion.setProperty("postcode", suggestion)
        self.use_suggestion.setText(f"Use {suggestion}" if suggestion else "")
        self.use_suggestion.setAccessibleName(
            f"Use {suggestion} as the postcode" if suggestion else "Use the suggested postcode"
        )
        self.use_suggestion.setVisible(bool(suggestion))


class RecipientStep(QWidget):
    """For MP letters the 'Find my MP' finder; for others, the recipient typed by hand."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(Heading("Who is the letter to?", level=2))
        self.chosen = Paragraph("")
        self.chosen.setObjectName("ChosenRecipient")
        layout.addWidget(self.chosen)
        self.find_mp = FindMpView(show_heading=False)
        layout.addWidget(self.find_mp)

        self.manual = QGroupBox("Their name and address")
        form = QFormLayout(self.manual)
        self.title = _line("Their title", "Dr, Mr, Ms, Professor…", 40)
        self.full_name = _line("Their name", "for example Dr Priya Patel")
        self.position = _line("Their job or role", "for example Consultant oncologist, or GP")
        self.address = _lines_box(
            "Their address, one line per line (without the postcode)",
            "for example:\nOncology Department\nCity Hospital\nSOUTHAMPTON",
        )
        self.postcode = _line("Their postcode", max_length=12)
        for label, field in (
            ("N&ame:", self.full_name),
            ("&Role:", self.position),
            ("A&ddress:", self.address),
            ("P&ostcode:", self.postcode),
        ):
            row_label = QLabel(label)
            row_label.setBuddy(field)
            form.addRow(row_label, field)
        self.title.hide()
        self.manual_help = Paragraph("")
        form.addRow(self.manual_help)
        self.reused = Paragraph("")
        self.reused.setObjectName("ReusedDetails")
        self.reused.hide()
        form.addRow(self.reused)
        layout.addWidget(self.manual)
        layout.addStretch(1)

    def use_finder(self, finder: bool, help_text: str = "", devolved: bool = False) -> None:
        """The MP finder alone (``finder``), the typed form alone, or for a devolved Member
        (``devolved``) both: the finder for the constituency and the form for the name."""
        self.find_mp.setVisible(finder or devolved)
        self.find_mp.set_mp_card_allowed(not devolved)
        self.manual.setVisible(not finder or devolved)
        self.manual_help.setText(help_text)
        self.manual_help.setVisible(bool(help_text))

    def set_placeholders(
        self, kind: str, member_title: str = "", post_nominal: str = "", address: tuple[str, ...] = ()
    ) -> None:
        """Examples in the empty fields that fit the person written to: a clinician, or a Member."""
        if kind == "devolved":
            self.full_name.setPlaceholderText(f"the name of the {member_title or 'Member'}, as published")
            self.position.setPlaceholderText(f"for example {post_nominal or 'MSP, MS or MLA'}")
            self.address.setPlaceholderText(
                "for example:\n" + "\n".join(address) if address else "filled in when the postcode above is found"
            )
            self.postcode.setPlaceholderText("")
        elif kind == "clinician":
            self.full_name.setPlaceholderText("for example Dr Priya Patel")
            self.position.setPlaceholderText("for example Consultant oncologist, GP, NET specialist nurse")
            self.address.setPlaceholderText("for example:\nOncology Department\nCity Hospital\nSOUTHAMPTON")
        else:
            self.full_name.setPlaceholderText("their name as it should appear on the envelope")
            self.position.setPlaceholderText("their job or role, if it helps")
            self.address.setPlaceholderText("their address, one line per line")


class WriteStep(QWidget):
    starter_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.addWidget(Heading("Write your letter", level=2))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        outer.addWidget(splitter, 1)

        left = QWidget()
        form = QFormLayout(left)
        self.subject = _line("Subject line", "for example: Please help fund SIRT for NET patients", 200)
        self.greeting = _line("Greeting (leave empty to use the usual one)", "Dear …", 120)
        self.body = WordByWordEdit()
        self.body.setAccessibleName("Your letter")
        self.body.setAccessibleDescription("Write in your own words. Leave an empty line between paragraphs.")
        self.body.setPlaceholderText("Write in your own words. Leave an empty line between paragraphs.")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 6)
        for label, field in (("S&ubject:", self.subject), ("&Greeting:", self.greeting)):
            row_label = QLabel(label)
            row_label.setBuddy(field)
            form.addRow(row_label, field)
        body_label = QLabel("&Letter:")
        body_label.setBuddy(self.body)
        form.addRow(body_label, self.body)

        # Fields only some kinds use; the controller shows the ones the kind needs.
        self.consent = QCheckBox("My MP may share the details of my case with the NHS on my behalf")
        self.consent.setAccessibleName("Consent for the MP to share my details with the NHS")
        self.nhs_number = _line("NHS number (optional)", "for example 943 476 5919", 14)
        self.nhs_number_problem = Paragraph("")
        self.date_of_birth = DateField("Date of birth (optional)", earliest=dt.date(1900, 1, 1))
        self.reply_format = Choices()
        self.reply_format.setAccessibleName("How I would like the reply")
        self.reply_format.setEditable(True)
        self.reply_format.addItems(["", "large print", "email", "audio", "braille", "easy read"])
        reply_line = self.reply_format.lineEdit()
        if reply_line is not None:
            reply_line.setMaxLength(200)
        self.earlier_date = DateField("Date of my earlier letter", earliest=dt.date(2000, 1, 1))
        self.earlier_subject = _line("Subject of my earlier letter")
        self.extra_rows: dict[str, tuple[QLabel | None, QWidget]] = {}
        extra_fields: tuple[tuple[str, str | None, QWidget], ...] = (
            ("consent_to_share", None, self.consent),
            ("nhs_number", "NHS numbe&r:", self.nhs_number),
            ("date_of_birth", "Date of b&irth:", self.date_of_birth),
            ("reply_format", "Reply f&ormat:", self.reply_format),
            ("earlier_letter.date", "Earlier letter's &date:", self.earlier_date),
            ("earlier_letter.subject", "Earlier letter's subj&ect:", self.earlier_subject),
        )
        for key, extra_label, extra_field in extra_fields:
            extra_row_label = QLabel(extra_label) if extra_label else None
            if extra_row_label is not None:
                extra_row_label.setBuddy(extra_field)
                form.addRow(extra_row_label, extra_field)
            else:
                form.addRow(extra_field)
            self.extra_rows[key] = (extra_row_label, extra_field)
        form.addRow(self.nhs_number_problem)
        splitter.addWidget(left)

        right = QWidget()
        side = QVBoxLayout(right)
        side.addWidget(Heading("How your letter reads", level=3))
        self.coach = Paragraph("")
        self.coach.setObjectName("CoachNotes")
        self.coach.setAccessibleName("Writing coach")
        side.addWidget(self.coach)
        side.addWidget(Heading("Ideas to start from", level=3))
        self.starters = WholeList()  # every idea shows whole, at any text size
        self.starters.setAccessibleName("Starter sentences")
        self.starters.setAccessibleDescription(
            "Press Enter to add the chosen sentence to your letter, then change it into your own words"
        )
        side.addWidget(self.starters)
        self.starter_text = Paragraph("")
        self.starter_text.setObjectName("StarterPreview")
        side.addWidget(self.starter_text)
        self.add_starter = QPushButton("Add this sentence")
        self.add_starter.setAccessibleName("Add the chosen starter sentence to my letter")
        side.addWidget(self.add_starter)
        side.addWidget(Heading("Tips", level=3))
        self.tips = Paragraph("")
        side.addWidget(self.tips)
        self.nation_heading = Heading("Who decides, and where funding stands", level=3)
        side.addWidget(self.nation_heading)
        self.nation_note = Paragraph("")
        self.nation_note.setObjectName("NationNote")
        self.nation_note.setAccessibleName("Who decides NHS funding where the writer lives")
        side.addWidget(self.nation_note)
        side.addStretch(1)
        # Not a scroll area of its own: the whole step scrolls as one, so at large text sizes
        # the ideas and tips are never squeezed into a sliver that scrolls inside the page.
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.starters.currentRowChanged.connect(self.show_starter)
        self.add_starter.clicked.connect(lambda: self.starter_requested.emit(self.starters.currentRow()))
        self.starters.itemActivated.connect(lambda _i: self.starter_requested.emit(self.starters.currentRow()))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Side by side when there is room for both; at large text sizes the coach, ideas and
        tips go under the letter instead of into a narrow column."""
        super().resizeEvent(event)
        room = self.width() / max(1, self.fontMetrics().averageCharWidth())
        wanted = Qt.Orientation.Horizontal if room >= 120 else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            total = self.height() if wanted == Qt.Orientation.Vertical else self.width()
            self.splitter.setSizes([round(total * 0.55), round(total * 0.45)])

    def set_starters(self, labels: list[str], texts: list[str]) -> None:
        self.starters.clear()
        for label, text in zip(labels, texts, strict=True):
            self.starters.addItem(label)
            item = self.starters.item(self.starters.count() - 1)
            item.setToolTip(text)
        self.starters.fit_height()
        self.starter_text.setText("")

    def show_starter(self, row: int) -> None:
        item = self.starters.item(row)
        self.starter_text.setText(f"“{item.toolTip()}”" if item else "")

    def show_fields(self, keys: set[str]) -> None:
        for key, (label, field) in self.extra_rows.items():
            visible = key in keys
            field.setVisible(visible)
            if label is not None:
                label.setVisible(visible)


class PrintStep(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(Heading("Check and print", level=2))
        self.problems = Paragraph("")
        self.problems.setObjectName("LetterProblems")
        layout.addWidget(self.problems)
        self.preview = PdfPreview()
        layout.addWidget(self.preview, 1)
        options = QHBoxLayout()
        buttons = QHBoxLayout()
        self.large_print = QCheckBox("Large print (for my own copy)")
        self.large_print.setAccessibleName("Large print, for my own copy")
        self.print_button = QPushButton("&Print…")
        self.print_button.setAccessibleName("Print the letter")
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.setAccessibleName("Save the letter as a PDF file")
        self.copy_button = QPushButton("&Copy text")
        self.copy_button.setAccessibleName("Copy the letter's text, to paste into an email")
        self.email_button = QPushButton("&Email draft…")
        self.email_button.setAccessibleName("Open an email draft with the letter in your email program")
        options.addWidget(self.large_print)
        options.addStretch(1)
        for button in (self.print_button, self.save_button, self.copy_button, self.email_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(options)
        layout.addLayout(buttons)
        self.status = Paragraph("")
        self.status.setObjectName("PrintStatus")
        layout.addWidget(self.status)

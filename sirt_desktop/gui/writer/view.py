"""The 'Write a letter' page: five steps as tabs, with Back and Next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.gui.common.widgets import Paragraph
from sirt_desktop.gui.writer.steps import KindStep, PrintStep, RecipientStep, SenderStep, WriteStep, scrolling

STEP_TITLES = ("1. Kind of letter", "2. From", "3. To", "4. Write", "5. Check and print")


class LetterWriterView(QWidget):
    new_letter_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Write a letter")
        self.kind_step = KindStep()
        self.sender_step = SenderStep()
        self.recipient_step = RecipientStep()
        self.write_step = WriteStep()
        self.print_step = PrintStep()

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Letter steps")
        self.tabs.setDocumentMode(True)
        # The steps take whatever height is left (each scrolls inside its tab). Without this, a
        # wrapped notice below makes the layout add up the tallest step's full height, and at
        # large text the whole page — Back and Next with it — scrolls off the window.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        for title, step in zip(
            STEP_TITLES,
            (self.kind_step, self.sender_step, self.recipient_step, self.write_step, self.print_step),
            strict=True,
        ):
            page = scrolling(step)  # each step scrolls inside its tab; Back and Next stay in view
            self.tabs.addTab(page, title)

        self.saved = Paragraph("")
        self.saved.setObjectName("DraftSaved")
        self.saved.setAccessibleName("Draft saved")
        # Shown only for a helpline caller's letter: nothing is kept unless the caller asks.
        self.keep_copy = QCheckBox("&Keep a copy in My letters (only if the caller asks)")
        self.keep_copy.setAccessibleName("Keep a copy of this letter in My letters, only if the caller asks")
        self.keep_copy.hide()
        self.back_button = QPushButton("← &Back")
        self.back_button.setAccessibleName("Back to the previous step")
        self.next_button = QPushButton("&Next →")
        self.next_button.setAccessibleName("On to the next step")
        self.new_button = QPushButton("Start a ne&w letter")
        self.new_button.setAccessibleName("Start a new letter")
        nav = QHBoxLayout()
        nav.addWidget(self.new_button)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.keep_copy)
        layout.addWidget(self.saved)  # its own line, so a long notice never pushes the buttons away
        layout.addLayout(nav)

        self.back_button.clicked.connect(lambda: self.go(self.tabs.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.tabs.currentIndex() + 1))
        self.new_button.clicked.connect(self.new_letter_requested)
        self.tabs.currentChanged.connect(self._update_nav)
        # Alt+Right / Alt+Left also move between steps (as in a web browser).
        for keys, offset in (("Alt+Right", 1), ("Alt+Left", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda st=offset: self.go(self.tabs.currentIndex() + st))
        self._update_nav(0)

    def go(self, index: int) -> None:
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def _update_nav(self, index: int) -> None:
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.tabs.count() - 1)
        first = self.first_field(index)
        if first is not None and self.isVisible():
            # As if tabbed to: a box with details in it has them selected, so typing replaces them.
            # (The tab widget may already have moved the focus there, so no focus-in event comes:
            # select here too.)
            first.setFocus(Qt.FocusReason.TabFocusReason)
            if isinstance(first, QLineEdit | QPlainTextEdit):
                first.selectAll()

    def first_field(self, index: int) -> QWidget | None:
        """Where typing should go when a step opens, so keyboard users start in the right place."""
        if index == 0:
            return self.kind_step.group.checkedButton()
        if index == 1:
            return self.sender_step.name
        if index == 2:
            finder = self.recipient_step.find_mp
            return finder.postcode if not finder.isHidden() else self.recipient_step.full_name
        if index == 3:
            return self.write_step.body
        return self.print_step.print_button

"""The "Your data" settings group: where everything is kept, export it, delete it all, and
delete finished letters after a number of months."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.core.db.records import StoredCounts
from sirt_desktop.gui.common.widgets import Choices, Paragraph

CONFIRM_WORD = "DELETE"


def _button(text: str, description: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setAccessibleDescription(description)
    button.setToolTip(description)
    return button


class YourDataView(QGroupBox):
    open_folder_requested = Signal()
    export_requested = Signal()
    delete_everything_requested = Signal()
    restore_copy_requested = Signal()
    auto_delete_months_chosen = Signal(int)

    def __init__(self, data_folder: str, parent: QWidget | None = None) -> None:
        super().__init__("Your data", parent)
        self.setAccessibleName("Your data")
        layout = QVBoxLayout(self)
        layout.addWidget(Paragraph("Everything you write stays on this computer, in this folder:"))
        self.folder = QLabel(data_folder)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        self.folder.setAccessibleName(f"Data folder: {data_folder}")
        layout.addWidget(self.folder)

        row = QHBoxLayout()
        self.open_folder = _button("&Open the folder", "Show the folder where your letters are kept")
        self.export = _button(
            "&Export everything…", "Save all your letters, profiles and printed copies in one ZIP file"
        )
        self.restore_copy = _button(
            "&Restore an older copy…",
            "Put back a copy of your letters that was set aside (when the app started fresh or restored a backup)",
        )
        row.addWidget(self.open_folder)
        row.addWidget(self.export)
        row.addWidget(self.restore_copy)
        row.addStretch(1)
        layout.addLayout(row)

        months_row = QHBoxLayout()
        label = QLabel("Delete finished letters &after:")
        # A list of choices: spin-box arrows are too small to hit at large text sizes.
        self.months = Choices()
        self.months.setAccessibleName("Delete finished letters after")
        self.months.setAccessibleDescription("Drafts are never deleted.")
        for months in MONTH_CHOICES:
            self.months.addItem(_months_label(months), months)
        label.setBuddy(self.months)
        months_row.addWidget(label)
        months_row.addWidget(self.months)
        months_row.addStretch(1)
        layout.addLayout(months_row)
        layout.addWidget(
            Paragraph("Finished letters older than this are deleted when the app starts. Drafts are never deleted.")
        )

        # Set apart from the everyday buttons above, and says what it does before it is pressed.
        danger = QFrame()
        danger.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(danger)
        layout.addWidget(
            Paragraph(
                "Careful: this removes every letter, saved detail and backup from this "
                "computer. It asks you to confirm first, and it cannot be undone."
            )
        )
        self.delete_all = _button(
            "&Delete everything…", "Delete all your letters, profiles, printed copies and backups from this computer"
        )
        layout.addWidget(self.delete_all, 0, Qt.AlignmentFlag.AlignLeft)

        # Shown while an export or a deletion runs in the background: the window keeps answering,
        # and the buttons wait until the work is done.
        self.busy_label = Paragraph("")
        self.busy_label.setAccessibleName("Working")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # no percentage: it says only that work is under way
        self.busy_bar.setAccessibleName("Working, please wait")
        self.busy_bar.setTextVisible(False)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        self.set_busy(None)

        self.open_folder.clicked.connect(self.open_folder_requested)
        self.export.clicked.connect(self.export_requested)
        self.restore_copy.clicked.connect(self.restore_copy_requested)
        self.delete_all.clicked.connect(self.delete_everything_requested)
        self.months.currentIndexChanged.connect(lambda _i: self.auto_delete_months_chosen.emit(self.months_chosen()))

    def set_busy(self, message: str | None) -> None:
        """``message`` while slow work runs (buttons wait); None when it is done."""
        busy = message is not None
        self.busy_label.setText(message or "")
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        for button in (self.export, self.delete_all):
            button.setEnabled(not busy)

    def is_busy(self) -> bool:
        return not self.busy_bar.isHidden()

    def months_chosen(self) -> int:
        return int(self.months.currentData())

    def choose_months(self, months: int) -> None:
        """Pick a choice as the person would (emits the change)."""
        self.months.setCurrentIndex(self._index_for(months))

    def _index_for(self, months: int) -> int:
        index = self.months.findData(months)
        if index < 0:  # a value saved by hand or by an older version: offer it too
            self.months.addItem(_months_label(months), months)
            index = self.months.count() - 1
        return index

    def show_months(self, months: int) -> None:
        self.months.blockSignals(True)
        self.months.setCurrentIndex(self._index_for(months))
        self.months.blockSignals(False)


MONTH_CHOICES = (0, 3, 6, 12, 18, 24, 36, 60)


def _months_label(months: int) -> str:
    return "Never" if months == 0 else f"{months} months"


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} " + (word if n == 1 else many or f"{word}s")


class DeleteEverythingDialog(QDialog):
    """Names what will go; the Delete button works only once DELETE is typed."""

    def __init__(self, counts: StoredCounts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete everything?")
        layout = QVBoxLayout(self)
        items = [
            _plural(counts.letters, "letter") + " (drafts, finished and sent)",
            _plural(counts.profiles, "sender profile"),
            f"{counts.pdfs:,} printed " + ("copy" if counts.pdfs == 1 else "copies"),
            _plural(counts.backup_files, "backup") + " of your letters",
            (
                _plural(counts.set_aside, "set-aside copy", "set-aside copies")
                if counts.set_aside
                else "no set-aside copies"
            )
            + " of your letters (older files put aside when the app started fresh or restored a backup: "
            "they are deleted too)",
        ]
        if counts.other_files:
            items.append(_plural(counts.other_files, "other saved file") + " (saved PDFs)")
        layout.addWidget(
            Paragraph(
                "This deletes from this computer:\n\n• "
                + "\n• ".join(items)
                + "\n\nIt cannot be undone. Letters you exported or printed are not affected. "
                "Your settings (text size, colours) are kept."
            )
        )
        prompt = QLabel(f"To confirm, type {CONFIRM_WORD} in &capitals, then press Enter:")
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(f"Type {CONFIRM_WORD} to confirm")
        prompt.setBuddy(self.confirm)
        layout.addWidget(prompt)
        layout.addWidget(self.confirm)
        # Said in words when Enter is pressed before the word is typed: never a silent cancel.
        self.hint = Paragraph("")
        self.hint.setObjectName("ConfirmHint")
        self.hint.setAccessibleName("Confirmation check")
        self.hint.hide()
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete = self.buttons.addButton("Delete everything", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete.setAccessibleName("Delete everything")
        self.delete.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        # No button takes Enter by default: in the box, Enter means "delete" once the word is
        # there, and "what is missing" before. Cancel is Escape, or the Cancel button itself.
        for button in (cancel, self.delete):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.confirm.textChanged.connect(self._word_changed)
        self.confirm.returnPressed.connect(self._enter_pressed)
        self.delete.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.confirm.setFocus()

    def confirmed(self) -> bool:
        """The word is typed, in capitals (spaces around it ignored)."""
        return self.confirm.text().strip() == CONFIRM_WORD

    def _word_changed(self, _text: str) -> None:
        self.delete.setEnabled(self.confirmed())
        if self.confirmed():
            self.hint.hide()

    def _enter_pressed(self) -> None:
        if self.confirmed():
            self.accept()
            return
        self.hint.setText(
            f"Nothing has been deleted. To delete everything, type {CONFIRM_WORD} in capital "
            "letters and press Enter. To keep everything, press Escape or choose Cancel."
        )
        self.hint.show()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.confirm.setFocus()  # typing goes straight into the box


class SetAsideDialog(QDialog):
    """The set-aside copies of the letters, newest first: ``copies`` is (label, can be put back)
    for each. ``chosen()`` is the index picked, once accepted."""

    def __init__(self, copies: list[tuple[str, bool]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Put back an older copy of your letters")
        layout = QVBoxLayout(self)
        layout.addWidget(
            Paragraph(
                "These copies of your letters were set aside, never deleted, when the app started "
                "fresh or restored a backup. Putting one back sets the letters you have now aside "
                "in their turn, so nothing is lost."
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName("Set-aside copies of your letters")
        for label, usable in copies:
            item = QListWidgetItem(label)
            if not usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.put_back = self.buttons.addButton("Put this copy back", QDialogButtonBox.ButtonRole.AcceptRole)
        self.put_back.setAccessibleName("Put the chosen copy back")
        self.put_back.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.list.currentRowChanged.connect(lambda row: self.put_back.setEnabled(row >= 0 and copies[row][1]))
        self.put_back.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> int:
        return self.list.currentRow()

"""A date typed as people type it ("12 March 1952", "12/03/1952", "12 3 1952"), read by
``core.dates.read_date`` and said back in words, so a slip in the day or month shows at once.

It replaces spin-box date fields, which turned "12 March 1952" typed over the old value into
"2 March 1952" and jumped to 1900 on the arrow keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from sirt_desktop.core.dates import EXAMPLE, DateReading, long_date, read_date


class DateField(QWidget):
    """A line for the date and, under it, what was read ("Read as 12 March 1952.") or why it
    could not be. Empty means no date (for optional dates)."""

    value_changed = Signal()

    def __init__(
        self,
        name: str,
        earliest: dt.date | None = None,
        not_in_future: bool = True,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.earliest = earliest
        self.not_in_future = not_in_future
        self.today = today
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(f"for example {EXAMPLE}")
        self.edit.setMaxLength(40)
        self.echo = QLabel("")
        self.echo.setObjectName("DateRead")
        self.echo.setWordWrap(True)
        self.echo.setTextFormat(Qt.TextFormat.PlainText)
        self.echo.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)  # room for the focus ring between the line and what was read
        layout.addWidget(self.edit)
        layout.addWidget(self.echo)
        self.setFocusProxy(self.edit)
        # A label's Alt key gives the focus only to a widget that takes focus; Tab still goes
        # straight to the line (Qt skips a widget whose focus proxy is set).
        self.setFocusPolicy(self.edit.focusPolicy())
        self._value: dt.date | None = None
        self.edit.textChanged.connect(self._read)
        self.edit.editingFinished.connect(self._tidy)

    def reading(self) -> DateReading:
        today = self.today()
        return read_date(
            self.edit.text(), earliest=self.earliest, latest=today if self.not_in_future else None, today=today
        )

    def value(self) -> dt.date | None:
        """The date read, or None when the field is empty or cannot be read."""
        return self._value

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setText(long_date(value) if value else "")
        self.edit.setCursorPosition(0)

    def text(self) -> str:
        return self.edit.text()

    def _read(self, _text: str = "") -> None:
        reading = self.reading()
        if reading.problem:
            message = reading.problem
        elif reading.value is not None and self.edit.text().strip() != long_date(reading.value):
            message = f"Read as {long_date(reading.value)}."
        else:
            message = ""
        self.echo.setText(message)
        self.echo.setVisible(bool(message))
        self.edit.setAccessibleDescription(message)
        if reading.value != self._value:
            self._value = reading.value
            self.value_changed.emit()

    def _tidy(self) -> None:
        """On leaving the field, show a date that was read in full words."""
        if self._value is not None and self.edit.text() != long_date(self._value):
            self.edit.setText(long_date(self._value))

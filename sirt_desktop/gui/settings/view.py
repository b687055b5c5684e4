"""Settings page: text size and colours. Changes apply at once and are remembered."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sirt_desktop.core.settings import TEXT_SCALES, THEMES
from sirt_desktop.gui.common.widgets import Choices, Heading, Paragraph, tab_to_checked

THEME_LABELS = {
    "system": "Same as my computer",
    "light": "Light (dark text on a light background)",
    "dark": "Dark (light text on a dark background)",
}


class SettingsView(QWidget):
    text_scale_chosen = Signal(int)
    theme_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Settings")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(Heading("Settings"))

        text_group = QGroupBox("Text size")
        text_form = QFormLayout(text_group)
        self.text_scale = Choices()
        self.text_scale.setAccessibleName("Text size")
        self.text_scale.setAccessibleDescription("Makes all the text in the app larger, up to twice the normal size.")
        for scale in TEXT_SCALES:
            label = f"{scale}%" + (" (normal)" if scale == 100 else " (largest)" if scale == 200 else "")
            self.text_scale.addItem(label, scale)
        text_form.addRow("Size of &text:", self.text_scale)
        text_form.addRow(
            Paragraph(
                "The change applies straight away, everywhere in the app. Anywhere in the app, "
                "Ctrl and + makes text bigger, Ctrl and − smaller, and Ctrl and 0 normal."
            )
        )
        self.layout_.addWidget(text_group)

        theme_group = QGroupBox("Colours")
        theme_layout = QVBoxLayout(theme_group)
        self.theme_buttons = QButtonGroup(self)
        self.theme_radios: dict[str, QRadioButton] = {}
        for theme in THEMES:
            radio = QRadioButton(THEME_LABELS[theme])
            radio.setAccessibleName(f"Colours: {THEME_LABELS[theme]}")
            self.theme_buttons.addButton(radio)
            self.theme_radios[theme] = radio
            theme_layout.addWidget(radio)
        tab_to_checked(self.theme_buttons)
        self.layout_.addWidget(theme_group)
        self.layout_.addStretch(1)

        self.text_scale.currentIndexChanged.connect(
            lambda _i: self.text_scale_chosen.emit(int(self.text_scale.currentData()))
        )
        for scheme, scheme_radio in self.theme_radios.items():
            scheme_radio.toggled.connect(lambda checked, t=scheme: self.theme_chosen.emit(t) if checked else None)

    def add_group(self, group: QWidget) -> None:
        """Other features add their own settings groups (e.g. 'Your data') above the stretch."""
        self.layout_.insertWidget(self.layout_.count() - 1, group)

    def show_values(self, text_scale: int, theme: str) -> None:
        """Display the current values without emitting change signals."""
        self.text_scale.blockSignals(True)
        index = self.text_scale.findData(text_scale)
        if index < 0:  # a value between the steps, e.g. from an older version: show nearest
            index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - text_scale))
        self.text_scale.setCurrentIndex(index)
        self.text_scale.blockSignals(False)
        radio = self.theme_radios.get(theme, self.theme_radios["system"])
        radio.blockSignals(True)
        radio.setChecked(True)
        radio.blockSignals(False)

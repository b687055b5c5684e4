"""Connects the Settings page to the settings registry and the theme; the View menu's text
size steps use ``step_text_size`` too, so both change the setting the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sirt_desktop.core.settings import TEXT_SCALE, TEXT_SCALES, THEME, Settings
from sirt_desktop.gui.settings.view import SettingsView
from sirt_desktop.gui.theme import Theme

if TYPE_CHECKING:
    from sirt_desktop.gui.settings.your_data import YourDataController


def step_text_size(settings: Settings, theme: Theme, step: int) -> int:
    """One step larger (+1) or smaller (-1) through 100–200%, or back to normal (0); saved and
    applied at once. Returns the new scale."""
    current = settings.get(TEXT_SCALE)
    if step == 0:
        scale = TEXT_SCALES[0]
    else:
        index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - current))
        scale = TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index + step))]
    settings.update(TEXT_SCALE, scale)
    theme.apply(scale, settings.get(THEME))
    return scale


class SettingsController:
    def __init__(self, view: SettingsView, settings: Settings, theme: Theme) -> None:
        self.view = view
        self.settings = settings
        self.theme = theme
        self.your_data: YourDataController | None = None  # the Your data group, when there is a database
        self.show_current()
        view.text_scale_chosen.connect(self.set_text_scale)
        view.theme_chosen.connect(self.set_theme)

    def show_current(self) -> None:
        """Show the settings in use (after the View menu changed the text size, say)."""
        self.view.show_values(self.settings.get(TEXT_SCALE), self.settings.get(THEME))

    def set_text_scale(self, scale: int) -> None:
        self.settings.update(TEXT_SCALE, scale)
        self.apply()

    def set_theme(self, theme: str) -> None:
        self.settings.update(THEME, theme)
        self.apply()

    def apply(self) -> None:
        self.theme.apply(self.settings.get(TEXT_SCALE), self.settings.get(THEME))

"""Connects the Settings page to the settings registry and the theme."""

from __future__ import annotations

from sirt_desktop.core.settings import TEXT_SCALE, THEME, Settings
from sirt_desktop.gui.theme import Theme
from sirt_desktop.gui.settings.view import SettingsView


class SettingsController:
    def __init__(self, view: SettingsView, settings: Settings, theme: Theme) -> None:
        self.view = view
        self.settings = settings
        self.theme = theme
        view.show_values(settings.get(TEXT_SCALE), settings.get(THEME))
        view.text_scale_chosen.connect(self.set_text_scale)
        view.theme_chosen.connect(self.set_theme)

    def set_text_scale(self, scale: int) -> None:
        self.settings.update(TEXT_SCALE, scale)
        self.apply()

    def set_theme(self, theme: str) -> None:
        self.settings.update(THEME, theme)
        self.apply()

    def apply(self) -> None:
        self.theme.apply(self.settings.get(TEXT_SCALE), self.settings.get(THEME))

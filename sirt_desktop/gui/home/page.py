"""Builds the Home page."""

from __future__ import annotations

from collections.abc import Callable

from sirt_desktop.gui.home.view import HomeView
from sirt_desktop.gui.sections import Page


def build(shortcuts: list[tuple[str, str, str]], go_to: Callable[[str], None]) -> Page[None]:
    return Page(HomeView(shortcuts, go_to), None)

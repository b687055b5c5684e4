"""The app's sections, in the order the navigation shows them, and what a page builder returns.

A section is registered with a builder that receives the services it needs and returns its
page widget. Pages are built the first time they are shown, so start-up loads only the first
screen. Sections whose feature is not part of this build are simply not registered.

Each feature's ``page.py`` returns a ``Page``: the widget (the main window shows it) and its
controller (the shell keeps it, typed), so nothing is stuck onto a widget as an attribute.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

C = TypeVar("C")


@dataclass(frozen=True)
class Page(Generic[C]):
    widget: QWidget
    controller: C


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str  # for screen readers and the tooltip
    build: Callable[[], QWidget]

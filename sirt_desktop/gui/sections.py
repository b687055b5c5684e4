"""The app's sections, in the order the navigation shows them.

A section is registered with a builder that receives the services it needs and returns
its page. Pages are built the first time they are shown, so start-up loads only the first
screen. Sections whose feature is not part of this build are simply not registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str  # for screen readers and the tooltip
    build: Callable[[], QWidget]

"""One registry of typed settings, each declared once with its default.

Settings are stored as JSON in ``paths.settings_file()``. A value that is missing, of the
wrong type or out of range falls back to its default, so a damaged or older file can never
stop the app from starting. The saved window state carries a version number: a state saved
by a different layout version is ignored rather than restored.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, TypeVar

from sirt_desktop.core import paths
from sirt_desktop.core.files import write_atomically

log = logging.getLogger(__name__)
T = TypeVar("T")

# Bump when the main window's layout changes so that old saved geometry/state is dropped.
WINDOW_STATE_VERSION = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key, type, default and an optional check of allowed values."""

    key: str
    type: type[T]
    default: T
    label: str
    check: Callable[[Any], bool] | None = None

    def coerce(self, value: Any) -> T:
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            return self.default
        if self.check is not None and not self.check(value):
            return self.default
        return value


TEXT_SCALES = (100, 125, 150, 175, 200)


class ColourScheme(StrEnum):
    """The colours setting (``gui.theme.Theme`` applies it). Values as stored in settings.json."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


THEMES = tuple(ColourScheme)

OPTIONS: dict[str, Option[Any]] = {}


def _register(option: Option[T]) -> Option[T]:
    if option.key in OPTIONS:
        raise ValueError(f"setting registered twice: {option.key}")
    OPTIONS[option.key] = option
    return option


TEXT_SCALE = _register(Option("text_scale", int, 100, "Text size (%)", lambda v: 100 <= v <= 200))
THEME = _register(Option("theme", str, ColourScheme.SYSTEM.value, "Colours", lambda v: v in THEMES))
LAST_PAGE = _register(Option("last_page", str, "", "Last page shown"))
WINDOW_GEOMETRY = _register(Option("window_geometry", str, "", "Window position and size"))
WINDOW_STATE = _register(Option("window_state", str, "", "Window layout"))
WINDOW_STATE_VERSION_OPT = _register(Option("window_state_version", int, 0, "Window layout version"))
# Reading aloud: how fast, as the names people see; gui maps each to a speech rate.
READ_ALOUD_SPEEDS = ("much slower", "slower", "normal", "faster")
READ_ALOUD_SPEED = _register(
    Option("read_aloud_speed", str, "normal", "Reading-aloud speed", lambda v: v in READ_ALOUD_SPEEDS)
)
AUTO_DELETE_MONTHS = _register(
    Option(
        "auto_delete_finished_months",
        int,
        0,
        "Delete finished letters after (months, 0 = never)",
        lambda v: 0 <= v <= 120,
    )
)


class Settings:
    """The user's settings, loaded from and saved to one JSON file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_file()
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raw = {}
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable, using defaults: %s", exc)
            raw = {}
        if not isinstance(raw, dict):
            raw = {}
        self._values = {key: option.coerce(raw[key]) for key, option in OPTIONS.items() if key in raw}

    def get(self, option: Option[T]) -> T:
        value: T = self._values.get(option.key, option.default)
        return value

    def set(self, option: Option[T], value: T) -> None:
        coerced = option.coerce(value)
        if coerced != value:
            raise ValueError(f"{option.label}: {value!r} is not allowed")
        self._values[option.key] = coerced

    def save(self) -> None:
        """Write atomically, owner-only, so a crash mid-write never leaves a broken file.
        Raises ``OSError`` if the file cannot be written (``try_save`` logs it instead)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, json.dumps(self._values, indent=2, sort_keys=True))

    def try_save(self) -> bool:
        """Save; if the settings folder cannot be written (read-only, full), log it and go on:
        the setting still applies until the app closes. False when not saved."""
        try:
            self.save()
        except OSError as exc:
            log.warning("settings not saved: %s", exc)
            return False
        return True

    def update(self, option: Option[T], value: T) -> bool:
        """Set ``option`` (``ValueError`` if the value is not allowed) and save at once.
        The one way the window changes a setting. False when it could not be saved."""
        self.set(option, value)
        return self.try_save()

    # Window state: stored with a version so a stale layout is never restored.
    def window_state(self) -> tuple[str, str] | None:
        """(geometry, state) as base64 strings, or None when absent or from another layout version."""
        if self.get(WINDOW_STATE_VERSION_OPT) != WINDOW_STATE_VERSION:
            return None
        geometry, state = self.get(WINDOW_GEOMETRY), self.get(WINDOW_STATE)
        if not geometry and not state:
            return None
        return geometry, state

    def set_window_state(self, geometry: str, state: str) -> None:
        self.set(WINDOW_GEOMETRY, geometry)
        self.set(WINDOW_STATE, state)
        self.set(WINDOW_STATE_VERSION_OPT, WINDOW_STATE_VERSION)

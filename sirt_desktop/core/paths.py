"""Where SIRT Desktop keeps its files. Nothing else in the app builds a user path.

By default the folders follow the platform's conventions (platformdirs). Setting
``SIRT_DESKTOP_HOME`` moves every one of them under that folder: tests use it, and so
does a portable install on a USB stick.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "sirt-desktop"
HOME_ENV = "SIRT_DESKTOP_HOME"
DATABASE_URL_ENV = "SIRT_DESKTOP_DATABASE_URL"
#: The text-to-speech engine Qt should use for "Read aloud" (e.g. "speechd"); unset: Qt's default.
SPEECH_ENGINE_ENV = "SIRT_DESKTOP_SPEECH_ENGINE"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _ensure(path: Path) -> Path:
    """Create the folder owner-only. An existing folder loses any group and other permissions
    (letters hold health data and political opinions), but the owner's own are left alone: a
    folder someone made read-only on purpose stays read-only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode & 0o777
            if mode & 0o077:
                path.chmod(mode & 0o700)
    return path


def data_dir(create: bool = True) -> Path:
    """The database, saved PDFs and backups live here."""
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    return _ensure(path) if create else path


def config_dir(create: bool = True) -> Path:
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    return _ensure(path) if create else path


def cache_dir(create: bool = True) -> Path:
    home = _home()
    path = home / "cache" if home else Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))
    return _ensure(path) if create else path


def log_dir(create: bool = True) -> Path:
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))
    return _ensure(path) if create else path


def backups_dir(create: bool = True) -> Path:
    path = data_dir(create) / "backups"
    return _ensure(path) if create else path


def pdf_dir(create: bool = True) -> Path:
    """PDFs exactly as they were printed or saved, kept so a re-print is identical."""
    path = data_dir(create) / "pdfs"
    return _ensure(path) if create else path


def content_override_dir(create: bool = True) -> Path:
    """Installed content packs (newer than the shipped pages) live here."""
    path = data_dir(create) / "content"
    return _ensure(path) if create else path


def set_aside_dir(create: bool = True) -> Path:
    """Databases moved out of the way by "start fresh" and "restore a backup" (never deleted)."""
    path = data_dir(create) / "set-aside"
    return _ensure(path) if create else path


def imported_mps_file(create: bool = True) -> Path:
    """An MP list imported to replace the shipped one (``data import-mps``)."""
    return data_dir(create) / "mps-imported.csv"


def documents_dir() -> Path:
    """Where "Save as PDF" and "Export" start: the person's Documents folder, or their home
    folder when there is none (never the folder the app was started from)."""
    try:
        documents = Path(platformdirs.user_documents_dir())
    except Exception:  # noqa: BLE001 - an odd platform setting must not stop a save
        documents = Path()
    if documents.is_absolute() and documents.is_dir():
        return documents
    return Path.home()


def speech_engine() -> str | None:
    """``SIRT_DESKTOP_SPEECH_ENGINE``, or None for Qt's default engine."""
    return os.environ.get(SPEECH_ENGINE_ENV, "").strip() or None


def settings_file() -> Path:
    return config_dir() / "settings.json"


def log_file() -> Path:
    return log_dir() / "sirt-desktop.log"


def database_path() -> Path:
    return data_dir() / "sirt-desktop.sqlite3"


def database_url() -> str:
    """``SIRT_DESKTOP_DATABASE_URL`` if set (e.g. PostgreSQL for a shared helpline), else SQLite."""
    value = os.environ.get(DATABASE_URL_ENV, "").strip()
    if value:
        return value
    return f"sqlite:///{database_path()}"


def all_folders() -> dict[str, Path]:
    """The folders, by name, for the 'Your data' page and ``--version``."""
    return {
        "data": data_dir(create=False),
        "config": config_dir(create=False),
        "cache": cache_dir(create=False),
        "logs": log_dir(create=False),
    }

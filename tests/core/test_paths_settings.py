from __future__ import annotations

import json
import os

import pytest

from sirt_desktop.core import paths
from sirt_desktop.core.settings import (
    OPTIONS,
    TEXT_SCALE,
    THEME,
    WINDOW_STATE_VERSION,
    ColourScheme,
    Settings,
)


def test_home_moves_every_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SIRT_DESKTOP_HOME", str(tmp_path / "portable"))
    for name, folder in paths.all_folders().items():
        assert folder.is_relative_to(tmp_path / "portable"), name
    assert paths.database_url() == f"sqlite:///{tmp_path / 'portable' / 'data' / 'sirt-desktop.sqlite3'}"


def test_database_url_override(monkeypatch):
    monkeypatch.setenv("SIRT_DESKTOP_DATABASE_URL", "postgresql+psycopg://u@127.0.0.1/x")
    assert paths.database_url() == "postgresql+psycopg://u@127.0.0.1/x"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_data_folder_is_owner_only():
    assert paths.data_dir().stat().st_mode & 0o077 == 0


def test_defaults_when_no_file():
    settings = Settings()
    assert settings.get(TEXT_SCALE) == 100
    assert settings.get(THEME) == "system"
    assert settings.window_state() is None


def test_round_trip_and_range_checks():
    settings = Settings()
    settings.set(TEXT_SCALE, 175)
    settings.set(THEME, "dark")
    settings.save()
    again = Settings()
    assert again.get(TEXT_SCALE) == 175 and again.get(THEME) == "dark"
    with pytest.raises(ValueError):
        settings.set(TEXT_SCALE, 250)
    with pytest.raises(ValueError):
        settings.set(THEME, "purple")


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[1, 2]", json.dumps({"text_scale": "big", "theme": 7}), json.dumps({"text_scale": 999})],
)
def test_damaged_file_falls_back_to_defaults(content):
    paths.settings_file().write_text(content, encoding="utf-8")
    settings = Settings()
    assert settings.get(TEXT_SCALE) == 100
    assert settings.get(THEME) == "system"


def test_stale_window_state_is_ignored():
    settings = Settings()
    settings.set_window_state("Z2VvbQ==", "c3RhdGU=")
    settings.save()
    assert Settings().window_state() == ("Z2VvbQ==", "c3RhdGU=")
    raw = json.loads(paths.settings_file().read_text())
    raw["window_state_version"] = WINDOW_STATE_VERSION + 1
    paths.settings_file().write_text(json.dumps(raw))
    assert Settings().window_state() is None


def test_every_option_default_passes_its_own_check():
    for option in OPTIONS.values():
        assert option.coerce(option.default) == option.default


def test_log_rotates_when_large(tmp_path):
    from sirt_desktop.core.logs import rotate

    log = tmp_path / "app.log"
    log.write_bytes(b"x" * 10)
    assert rotate(str(log), max_bytes=100) is False
    for generation in range(5):
        log.write_bytes(str(generation).encode() * 200)
        assert rotate(str(log), max_bytes=100) is True
    assert not log.exists()
    assert (tmp_path / "app.log.1").read_bytes()[:1] == b"4"
    assert (tmp_path / "app.log.3").read_bytes()[:1] == b"2"
    assert not (tmp_path / "app.log.4").exists()


def test_update_saves_at_once():
    settings = Settings()
    assert settings.update(TEXT_SCALE, 150) is True
    assert Settings().get(TEXT_SCALE) == 150


def test_update_that_cannot_be_saved_still_applies_and_says_so(tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be")
    settings = Settings(blocker / "settings.json")
    assert settings.update(THEME, ColourScheme.DARK) is False  # no exception from a slot
    assert settings.get(THEME) == "dark"
    assert "settings not saved" in caplog.text
    with pytest.raises(ValueError):
        settings.update(THEME, "purple")


def test_colour_schemes_keep_their_stored_values():
    assert [scheme.value for scheme in ColourScheme] == ["system", "light", "dark"]

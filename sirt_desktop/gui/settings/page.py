"""Builds Settings, with the Your data group when there is a database."""

from __future__ import annotations

from collections.abc import Callable

from sirt_desktop.core import paths
from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.settings import Settings
from sirt_desktop.gui.prompts import Prompts
from sirt_desktop.gui.sections import Page
from sirt_desktop.gui.settings.controller import SettingsController
from sirt_desktop.gui.settings.view import SettingsView
from sirt_desktop.gui.settings.your_data import YourDataController, YourDataPrompts
from sirt_desktop.gui.settings.your_data_view import YourDataView
from sirt_desktop.gui.theme import Theme


def build(
    settings: Settings,
    theme: Theme,
    database: Callable[[], Database] | None,
    on_everything_deleted: Callable[[], None],
    prompts: Prompts,
    replace_database: Callable[[Callable[[], object]], object] | None = None,
) -> Page[SettingsController]:
    """``database`` opens the database for the Your data group (None: no such group)."""
    view = SettingsView()
    controller = SettingsController(view, settings, theme)
    if database is not None:
        group = YourDataView(str(paths.data_dir()))
        view.add_group(group)
        controller.your_data = YourDataController(
            group,
            database,
            settings,
            prompts=YourDataPrompts(prompts, group),
            parent=view,
            replace_database=replace_database,
        )
        controller.your_data.everything_deleted.connect(on_everything_deleted)
    return Page(view, controller)

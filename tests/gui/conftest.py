from __future__ import annotations

import pytest

from tests.gui.prompts import FakePrompts


@pytest.fixture
def prompts():
    """The questions and messages of the shell's pages (``shell.prompts``): queue answers with
    ``prompts.expect(...)``; an unexpected question fails the test."""
    return FakePrompts()


@pytest.fixture
def shell(qapp, qtbot, prompts):
    """The real main window with every section this build registers."""
    from sirt_desktop.core.settings import Settings
    from sirt_desktop.gui.app import build_window, create_application
    from sirt_desktop.gui.theme import Theme

    create_application()
    settings = Settings()
    theme = Theme(qapp)
    theme.apply(100, "system")
    shell = build_window(settings, theme, prompts=prompts)
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    yield shell
    theme.apply(100, "system")
    shell.shutdown()
    prompts.assert_all_answered()


@pytest.fixture
def inline_tasks():
    """Background tasks (gui/tasks.py) run at once on the test's thread, callbacks included."""
    from sirt_desktop.gui.tasks import run_inline

    with run_inline():
        yield

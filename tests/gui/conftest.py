from __future__ import annotations

import pytest


@pytest.fixture
def shell(qapp, qtbot):
    """The real main window with every section this build registers."""
    from sirt_desktop.core.settings import Settings
    from sirt_desktop.gui.app import build_window, create_application
    from sirt_desktop.gui.theme import Theme

    create_application()
    settings = Settings()
    theme = Theme(qapp)
    theme.apply(100, "system")
    shell = build_window(settings, theme)
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    yield shell
    theme.apply(100, "system")
    shell.shutdown()


@pytest.fixture(autouse=True)
def _no_unexpected_questions(monkeypatch):
    """A question box nobody answers would hang the suite: fail instead. Tests that expect a
    question patch QMessageBox.question themselves."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(_parent, title, text, *args, **kwargs):
        raise AssertionError(f"unexpected question: {title}: {text}")

    monkeypatch.setattr(QMessageBox, "question", unexpected)


@pytest.fixture(autouse=True)
def _no_unexpected_writer_questions(monkeypatch):
    """The letter writer's own questions (who is it from, print anyway) fail the test when
    nobody expected them; a test that expects one gives the writer its own prompts."""
    from sirt_desktop.gui.writer.prompts import WriterPrompts

    def unexpected(name):
        def ask(self, *args, **kwargs):
            raise AssertionError(f"unexpected question from the letter writer: {name}{args}")
        return ask

    for name in ("who_is_it_from", "send_unfinished"):
        monkeypatch.setattr(WriterPrompts, name, unexpected(name))

"""Help: a Getting started page with a keys list that matches the app's real shortcuts, and
an About written for people, with the versions lower down."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu

from sirt_desktop.gui.common.dialogs import KEYS, GettingStartedDialog, about_markdown, getting_started_markdown


def _app_shortcuts(window) -> set[str]:
    """Every key sequence the main window and its pages answer to (portable text)."""
    found: set[str] = set()
    actions = list(window.actions())
    for menu in window.menuBar().findChildren(QMenu):
        actions.extend(menu.actions())
    for action in actions:
        for sequence in action.shortcuts():
            found.add(sequence.toString(QKeySequence.SequenceFormat.PortableText))
    for shortcut in window.findChildren(QShortcut):
        sequences = shortcut.keys()
        for sequence in sequences:
            found.add(sequence.toString(QKeySequence.SequenceFormat.PortableText))
    return {s for s in found if s}


def test_the_keys_list_matches_the_apps_shortcuts(shell):
    window = shell.window
    for section_id in window.section_ids():
        window.page(section_id)  # every page built, with its own shortcuts
    real = _app_shortcuts(window)
    listed = {s for key in KEYS for s in key.shortcuts}
    assert real - listed == set(), "shortcuts missing from Help → Getting started"
    sections = len(window.section_ids())
    stale = {s for s in listed - real if not (s.startswith("Ctrl+") and s[5:].isdigit() and int(s[5:]) > sections)}
    assert stale == set(), "keys listed that the app does not have"


def test_f1_opens_getting_started_with_every_section(shell, qtbot):
    from PySide6.QtCore import QTimer

    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = isinstance(dialog, GettingStartedDialog)
        seen["text"] = dialog.browser.toPlainText() if seen["dialog"] else ""
        dialog.reject()

    action = next(a for a in shell.window.actions() if QKeySequence("F1") in a.shortcuts())
    QTimer.singleShot(200, look)
    action.trigger()
    assert seen.get("dialog")
    for section in shell.sections:
        assert section.title in seen["text"]
    assert "Ctrl+F" in seen["text"] and "Tab" in seen["text"]


def test_getting_started_numbers_sections_with_their_keys():
    text = getting_started_markdown([("Home", "Start here"), ("Settings", "Text size")])
    assert "1. **Home** (Ctrl+1): Start here." in text and "2. **Settings** (Ctrl+2)" in text


def test_about_speaks_to_people_before_versions():
    text = about_markdown(
        "SIRT Desktop 1.0\nPython 3.11.2\nBundled data:\n  MP list: as of 2026-08-20",
        [("MP list", "2026-08-20")],
        "## Sources\n\nOS data",
    )
    people = text.index("information, not medical advice")
    assert text.index("MP list: as of 20 August 2026") < text.index("Python 3.11.2")
    assert people < text.index("Python 3.11.2") < text.index("## Sources")
    assert "```" not in text  # no wide code block: nothing scrolls sideways

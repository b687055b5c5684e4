"""The main flows with the keyboard alone: Tab, arrows, Enter and the underlined Alt keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _next_step(qtbot, page):
    """Tab to "Next" and press Space (Alt+N also works in a real window; QTest cannot send it)."""
    assert _tab_until(qtbot, page.next_button)
    qtbot.keyClick(page.next_button, Qt.Key.Key_Space)


def _tab_until(qtbot, widget, limit=80) -> bool:
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return True
        qtbot.keyClick(QApplication.focusWidget() or widget.window(), Qt.Key.Key_Tab)
    return QApplication.focusWidget() is widget


def test_write_a_letter_with_the_keyboard_only(shell, qtbot):
    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.nav.setFocus()
    ids = window.section_ids()
    for _ in range(ids.index("write")):
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_section() == "write"
    page = window.page("write")

    _next_step(qtbot, page)
    assert page.tabs.currentIndex() == 1
    assert QApplication.focusWidget() is page.sender_step.name  # the step starts in its first field
    qtbot.keyClicks(page.sender_step.name, "Ann Jones")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.sender_step.address
    qtbot.keyClicks(page.sender_step.address, "1 High Street")
    qtbot.keyClick(page.sender_step.address, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.sender_step.postcode
    qtbot.keyClicks(page.sender_step.postcode, "SO51 7AA")

    _next_step(qtbot, page)
    assert page.tabs.currentIndex() == 2
    finder = page.recipient_step.find_mp
    assert QApplication.focusWidget() is finder.postcode
    qtbot.keyClicks(finder.postcode, "SO51 7AA")
    assert _tab_until(qtbot, finder.card.use_button)
    qtbot.keyClick(finder.card.use_button, Qt.Key.Key_Space)
    assert page.tabs.currentIndex() == 3

    assert QApplication.focusWidget() is page.write_step.body
    qtbot.keyClicks(page.write_step.body, "Please ask NHS England to fund SIRT for NETs.")
    _next_step(qtbot, page)
    assert page.tabs.currentIndex() == 4
    qtbot.waitUntil(
        lambda: page.print_step.preview.document.pageCount() == 1, timeout=10_000
    )  # laid out in the background
    assert _tab_until(qtbot, page.print_step.print_button)


def test_find_an_mp_by_keyboard_on_the_helpline_page(shell, qtbot):
    window = shell.window
    window.activateWindow()
    window.show_section("helpline")
    page = window.page("helpline")
    window.nav.setFocus()
    assert _tab_until(qtbot, page.find_mp.postcode)
    qtbot.keyClicks(page.find_mp.postcode, "AB15 8ZZ")
    qtbot.keyClick(page.find_mp.postcode, Qt.Key.Key_Return)
    assert _tab_until(qtbot, page.find_mp.candidates)
    qtbot.keyClick(page.find_mp.candidates, Qt.Key.Key_Down)
    assert "Aberdeen North" in page.find_mp.card.details.text()


def test_enter_presses_a_focused_button(shell, qtbot):
    window = shell.window
    window.show_section("home")
    button = window.page("home").buttons["settings"]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_section() == "settings", timeout=2000)


def _mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    cleaned = text.replace("&&", "")
    return cleaned[index + 1].lower() if 0 <= index < len(cleaned) - 1 else None


def _visible_mnemonics(window) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = [(_mnemonic(a.text()), f"menu {a.text()}") for a in window.menuBar().actions()]
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        letter = _mnemonic(widget.text())
        if letter:
            found.append((letter, widget.text()))
    return [(k, t) for k, t in found if k]


def test_no_alt_key_does_two_things_on_any_screen(shell, qtbot):
    from collections import Counter

    window = shell.window
    letters, _profiles = shell.repositories()
    letters.create_draft("mp_campaign", {}, recipient_name="X", subject="Y", body="Z")  # My letters shows its buttons
    screens = []
    for section_id in window.section_ids():
        window.show_section(section_id)
        if section_id == "write":
            page = window.page("write")
            for step in range(page.tabs.count()):
                page.go(step)
                screens.append((f"write step {step + 1}", _visible_mnemonics(window)))
        else:
            screens.append((section_id, _visible_mnemonics(window)))
    clashes = []
    for name, pairs in screens:
        counts = Counter(k for k, _t in pairs)
        for key, n in counts.items():
            if n > 1:
                clashes.append(f"{name}: Alt+{key.upper()} on " + ", ".join(t for k, t in pairs if k == key))
    assert clashes == []

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


def _every_screen(shell):
    """(name, how to show it) for every screen: each section, the checklist page, the find bar
    of each information section, a found MP on the helpline, and every step of every kind of
    letter (the steps show different fields for each kind)."""
    from sirt_desktop.core.letters.kinds import KINDS

    window = shell.window
    screens = []
    for section_id in window.section_ids():
        if section_id != "write":
            screens.append((section_id, lambda sid=section_id: window.show_section(sid)))
    for section_id in ("learn", "for_me", "funding"):

        def find_bar(sid=section_id):
            window.show_section(sid)
            window.page(sid).show_find_bar()

        screens.append((f"{section_id} with the find bar", find_bar))

    def checklist():
        window.show_section("for_me")
        window.page("for_me").show_extra()

    screens.append(("for_me: my questions to take", checklist))

    def helpline_found():
        window.show_section("helpline")
        finder = window.page("helpline").find_mp
        finder.postcode.setText("SO51 7AA")
        finder.find_button.click()

    screens.append(("helpline with an MP found", helpline_found))
    for kind in KINDS:
        for step in range(5):

            def show(kind_id=kind.id, step=step):
                window.show_section("write")
                page = window.page("write")
                page.kind_step.set_kind(kind_id)
                page.go(step)

            screens.append((f"write {kind.id} step {step + 1}", show))
    return screens


def test_no_alt_key_does_two_things_on_any_screen(shell, qtbot):
    from collections import Counter

    window = shell.window
    letters, _profiles = shell.repositories()
    letters.create_draft("mp_campaign", {}, recipient_name="X", subject="Y", body="Z")  # My letters shows its buttons
    from PySide6.QtWidgets import QLabel

    clashes = []
    for name, show in _every_screen(shell):
        show()
        QApplication.processEvents()
        for label in window.findChildren(QLabel):
            buddy = label.buddy()
            # Alt and the letter focuses the buddy only if it takes the focus.
            visible_key = buddy is not None and label.isVisibleTo(window) and _mnemonic(label.text())
            if visible_key and buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:
                clashes.append(f"{name}: Alt+{_mnemonic(label.text()).upper()} ({label.text()}) goes nowhere")
        pairs = _visible_mnemonics(window)
        counts = Counter(k for k, _t in pairs)
        for key, n in counts.items():
            if n > 1:
                clashes.append(f"{name}: Alt+{key.upper()} on " + ", ".join(t for k, t in pairs if k == key))
    assert clashes == []


def test_no_alt_key_does_two_things_in_any_dialog(shell, qtbot, db):
    from collections import Counter

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from sirt_desktop.core.db.letters_repo import LettersRepository
    from sirt_desktop.gui.history.dialogs import ReplyDialog, SentDialog

    letters = LettersRepository(db)
    letters.create_draft("mp_campaign", {}, recipient_name="X", subject="Y", body="Z")
    summary = letters.list_page()[0]
    for dialog in (SentDialog(summary), ReplyDialog(summary)):
        qtbot.addWidget(dialog)
        keys = []
        for widget in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel):
            if isinstance(widget, QLabel) and widget.buddy() is None:
                continue
            letter = _mnemonic(widget.text())
            if letter:
                keys.append(letter)
        assert [k for k, n in Counter(keys).items() if n > 1] == [], type(dialog).__name__


def test_keep_a_copy_and_the_preview_buttons_have_their_own_alt_keys(shell, qtbot):
    """The "Keep a copy in My letters" box (a caller's letter, every step) and Smaller / Fit width /
    Larger on the preview each have an underlined letter that nothing else on the step uses."""
    from collections import Counter

    window = shell.window
    writer = window.page("write")
    for name, show in _every_screen(shell):
        if not name.startswith("write "):
            continue
        show()
        writer.keep_copy.show()
        QApplication.processEvents()
        pairs = _visible_mnemonics(window)
        keys = dict((t, k) for k, t in pairs)
        assert keys.get(writer.keep_copy.text()) == "k", name
        counts = Counter(k for k, _t in pairs)
        assert [k for k, n in counts.items() if n > 1] == [], name
    preview = writer.print_step.preview
    assert [_mnemonic(b.text()) for b in (preview.zoom_out, preview.zoom_fit, preview.zoom_in)] == ["m", "i", "l"]
    writer.keep_copy.hide()

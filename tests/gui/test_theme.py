"""Colours: a theme switched at run time reaches every widget at once, and links, selections
and the focus ring are readable in every theme. (A widget with its own style sheet keeps the
palette it had when styled, so the app uses none; the first test catches one coming back.)

Contrast is computed from what is actually applied after the switch: each widget's own
palette, and the colour each link in a rendered page was given (pages bake their link colour
in when they are rendered, so a page rendered before the switch is the one that can go wrong).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTextEdit, QWidget

from sirt_desktop.gui.theme import _DARK, Theme, contrast, with_contrast

SCHEMES = ("light", "dark", "system")
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
Role = QPalette.ColorRole


def _visit_every_section(window) -> None:
    for section_id in window.section_ids():
        window.show_section(section_id)
        QApplication.processEvents()


def _links(browser: QTextEdit) -> list[tuple[str, QColor]]:
    """(text, colour) of every link fragment in the browser's document, as it will be drawn."""
    found = []
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                brush = fmt.foreground()
                colour = brush.color() if brush.style() != 0 else browser.palette().color(Role.Text)
                found.append((fragment.text(), colour))
            iterator += 1
        block = block.next()
    return found


def _switch(shell, scheme: str, qtbot) -> None:
    shell.window.show_section("settings")
    shell.window.page("settings").theme_radios[scheme].click()
    for _ in range(3):
        QApplication.processEvents()


def _rendered_background(widget: QWidget) -> QColor:
    """The colour actually painted near the bottom-right of a widget (an empty part of a list)."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 6, image.height() - 6)


@pytest.mark.parametrize("first", ["system", "light"])
def test_switching_colours_at_run_time_reaches_every_widget(shell, qtbot, first):
    window = shell.window
    window.resize(1280, 800)
    _switch(shell, first, qtbot)
    _visit_every_section(window)  # every page is built (and its lists styled) before the switch
    for scheme in ("dark", "light", "dark", "system"):
        _switch(shell, scheme, qtbot)
        app_palette = QApplication.palette()
        wrong = []
        for section_id in window.section_ids():
            window.show_section(section_id)
            QApplication.processEvents()
            for widget in window.findChildren(QWidget):
                if not widget.isVisibleTo(window):
                    continue
                for role in (Role.Base, Role.Window, Role.Text, Role.Highlight):
                    group = QPalette.ColorGroup.Active
                    if widget.palette().color(group, role) != app_palette.color(group, role):
                        wrong.append(
                            f"{scheme} {section_id}: {type(widget).__name__} "
                            f"{widget.objectName() or widget.accessibleName()!r} {role.name}"
                        )
            for lst in (window.nav, *window.page(section_id).findChildren(QAbstractItemView)):
                if lst.isVisibleTo(window) and lst.model() is not None:
                    painted = _rendered_background(lst)
                    if contrast(painted, app_palette.color(Role.Base)) > 1.05:
                        wrong.append(f"{scheme} {section_id}: {lst.accessibleName()!r} painted {painted.name()}")
        assert wrong == [], "\n".join(sorted(set(wrong))[:40])


def test_links_and_selections_reach_4_5_to_1_after_switching(shell, qtbot):
    window = shell.window
    _switch(shell, "light", qtbot)
    _visit_every_section(window)
    for page_id in ("learn", "for_me", "funding"):
        window.show_section(page_id)
    figures = {}
    for scheme in ("dark", "light", "system", "dark"):
        _switch(shell, scheme, qtbot)
        low = []
        worst = 21.0
        for section_id in ("learn", "for_me", "funding"):
            window.show_section(section_id)
            browser = window.page(section_id).browser
            links = _links(browser)
            assert links, f"{section_id} shows no links"
            background = browser.viewport().palette().color(Role.Base)
            for text, colour in links:
                ratio = contrast(colour, background)
                worst = min(worst, ratio)
                if ratio < 4.5:
                    low.append(
                        f"{scheme} {section_id}: link {text!r} {colour.name()} on {background.name()} = {ratio:.2f}"
                    )
        palette = window.nav.palette()
        for group in GROUPS:
            for fg, bg in (
                (Role.HighlightedText, Role.Highlight),
                (Role.Link, Role.Base),
                (Role.Link, Role.Window),
                (Role.LinkVisited, Role.Base),
                (Role.Text, Role.Base),
                (Role.PlaceholderText, Role.Base),
            ):
                ratio = contrast(palette.color(group, fg), palette.color(group, bg))
                worst = min(worst, ratio)
                if ratio < 4.5:
                    low.append(f"{scheme} {group.name}: {fg.name} on {bg.name} = {ratio:.2f}")
        figures[scheme] = worst
        assert low == [], "\n".join(low[:30])
    assert all(v >= 4.5 for v in figures.values())


def test_a_dark_desktop_with_weak_link_and_selection_colours_is_made_readable(qapp):
    """'Same as my computer' keeps the desktop's colours but lifts any below 4.5:1."""
    original = QPalette(qapp.palette())
    desktop = QPalette()
    for role, colour in _DARK.items():
        desktop.setColor(getattr(Role, role), QColor(colour))
    desktop.setColor(Role.Link, QColor("#0000ff"))  # 1.7:1 on the dark base
    desktop.setColor(Role.Highlight, QColor("#308cc6"))  # 3.4:1 with white
    desktop.setColor(Role.HighlightedText, QColor("#ffffff"))
    qapp.setPalette(desktop)
    try:
        theme = Theme(qapp)
        theme.apply(100, "system")
        applied = qapp.palette()
        for group in GROUPS:
            assert contrast(applied.color(group, Role.Link), applied.color(group, Role.Base)) >= 4.5
            assert contrast(applied.color(group, Role.HighlightedText), applied.color(group, Role.Highlight)) >= 4.5
        # The desktop's own choices that were already readable are kept.
        assert applied.color(Role.Base) == QColor(_DARK["Base"])
    finally:
        qapp.setPalette(original)


def test_contrast_figures():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#0000ff"), QColor("#26282b")) < 2
    lifted = with_contrast(QColor("#0000ff"), [QColor("#26282b")], 4.5)
    assert 4.6 <= contrast(lifted, QColor("#26282b")) < 5.1  # only as much lighter as needed, a little to spare
    selection = with_contrast(QColor("#308cc6"), [QColor("#ffffff")], 4.5)
    assert 4.6 <= contrast(selection, QColor("#ffffff")) < 5.1
    assert selection.blue() > selection.red() + 40  # still a blue, not black
    kept = with_contrast(QColor("#0b4f8a"), [QColor("#ffffff")], 4.5)
    assert kept == QColor("#0b4f8a")


def test_dialog_buttons_carry_words_not_dark_icons(qapp):
    from PySide6.QtWidgets import QStyle

    theme = Theme(qapp)
    theme.install_style()
    assert qapp.style().styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons) == 0

"""The navigation shell: a list of sections on the left, the chosen page on the right.

It knows nothing about what the pages do: the shell hands it the sections, the menus and
``close_guard`` (asked before the window closes; False keeps it open).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from sirt_desktop import APP_NAME
from sirt_desktop.gui.common.widgets import EnterPressesButtons, FollowsAppFont, wrap_rows
from sirt_desktop.gui.sections import Section


class MainWindow(FollowsAppFont, QMainWindow):
    section_changed = Signal(str)
    closing = Signal()

    def __init__(
        self, sections: list[Section], close_guard: Callable[[], bool] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._close_guard = close_guard
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self._sections = sections
        self._pages: dict[str, QWidget] = {}
        self._holders: dict[str, QScrollArea] = {}
        self._enter = EnterPressesButtons(self)

        self.nav = QListWidget()
        self.nav.setObjectName("Navigation")
        self.nav.setAccessibleName("Sections")
        self.nav.setAccessibleDescription("Choose a part of the app. Use the up and down arrow keys.")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(2)
        # Roomy targets, sized relative to the text (em), for tired eyes and shaky hands.
        wrap_rows(self.nav, padding_em=0.45, side_em=0.6)
        for index, section in enumerate(sections):
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            item.setToolTip(section.description)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, section.description)
            self.nav.addItem(item)
            if index < 9:
                action = QAction(self)
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
                action.triggered.connect(lambda _=False, sid=section.id: self.show_section(sid))
                self.addAction(action)

        self.stack = QStackedWidget()
        self.stack.setObjectName("Pages")
        self.stack.setAccessibleName("Page")

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.nav, 0)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._fit_navigation()

        self.nav.currentRowChanged.connect(self._on_row)
        self.setFocusProxy(self.nav)

    def _fit_navigation(self) -> None:
        """Wide enough for every title, but never more than a fifth of the window: at large
        text sizes a long title wraps onto two lines and the page keeps most of the width."""
        metrics = QFontMetrics(QApplication.font())
        widest = max((metrics.horizontalAdvance(s.title) for s in self._sections), default=100)
        wanted = widest + metrics.averageCharWidth() * 6
        limit = max(metrics.averageCharWidth() * 14, self.width() // 5)
        width = min(wanted, limit)
        if self.nav.width() != width or self.nav.minimumWidth() != width:
            self.nav.setFixedWidth(width)

    def refresh_fonts(self) -> None:
        """Called when the text size changes: the list stays wide enough for every title."""
        self._fit_navigation()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_navigation()

    # Sections -----------------------------------------------------------------
    def section_ids(self) -> list[str]:
        return [s.id for s in self._sections]

    def page(self, section_id: str) -> QWidget:
        """The page for a section, built on first use."""
        if section_id not in self._pages:
            section = next(s for s in self._sections if s.id == section_id)
            page = section.build()
            page.setObjectName(f"page-{section_id}")
            if not page.accessibleName():
                page.setAccessibleName(section.title)
            self._pages[section_id] = page
            self._enter.watch(page)
            # At large text sizes a page may need more room than the screen has: it scrolls
            # rather than pushing the window off the screen.
            holder = QScrollArea()
            holder.setWidget(page)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            holder.setObjectName(f"scroll-{section_id}")
            holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop; it still follows the focus
            self._holders[section_id] = holder
            self.stack.addWidget(holder)
        return self._pages[section_id]

    def built_page(self, section_id: str) -> QWidget | None:
        """The section's page if it has been built already (never builds it)."""
        return self._pages.get(section_id)

    def show_section(self, section_id: str) -> None:
        ids = self.section_ids()
        if section_id not in ids:
            section_id = ids[0]
        row = ids.index(section_id)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # emits currentRowChanged → _on_row
        else:
            self._on_row(row)

    def current_section(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        section = self._sections[row]
        self.page(section.id)
        self.stack.setCurrentWidget(self._holders[section.id])
        self.section_changed.emit(section.id)

    # Window state ---------------------------------------------------------------
    def saved_state(self) -> tuple[str, str]:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        state = bytes(self.saveState().toBase64().data()).decode("ascii")
        return geometry, state

    def restore_saved_state(self, geometry: str, state: str) -> bool:
        ok_geometry = self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        ok_state = self.restoreState(QByteArray.fromBase64(state.encode("ascii")))
        return bool(ok_geometry and ok_state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        # ``close_guard`` (from the shell) saves unsaved work; False means the person chose to stay.
        if self._close_guard is not None and not self._close_guard():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)

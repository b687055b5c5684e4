"""Helpers to check what a screen reader would be told about widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractSlider)
LISTS = (QAbstractItemView,)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Buttons, fields and lists under ``root`` that a screen reader could not name.

    Buttons may be named by their visible text; fields and lists need an explicit name
    (their visible content is not a name).
    """
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        # Parts of composite widgets (a combo box's popup list, a spin box's editor,
        # scroll bars) are named through their owner.
        if widget.objectName().startswith("qt_") or isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        if widget.window().windowType() == Qt.WindowType.Popup:
            continue
        if (
            isinstance(widget, QAbstractSlider)
            and widget.parent() is not None
            and widget.parent().objectName().startswith("qt_scrollarea")
        ):
            continue
        if isinstance(widget, QAbstractButton):
            if not accessible_name(widget).strip():
                problems.append(f"button {type(widget).__name__} {widget.objectName()!r}")
        elif isinstance(widget, FIELDS + LISTS) and not widget.accessibleName().strip():
            problems.append(f"{type(widget).__name__} {widget.objectName()!r} (tooltip {widget.toolTip()!r})")
    return problems

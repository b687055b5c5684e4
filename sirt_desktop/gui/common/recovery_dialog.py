"""When the saved letters cannot be opened: say why in plain words and offer safe ways on.

Nothing offered here deletes or overwrites the file: starting fresh and restoring a backup
both move the old file aside first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

START_FRESH = "fresh"
RESTORE = "restore"
CARRY_ON = "carry_on"


def ask_recovery(parent: QWidget | None, reason: str, file_path: str, newest_backup: str | None) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Your saved letters could not be opened")
    text = (
        f"{reason}\n\nNothing has been changed or deleted. The file is here:\n{file_path}\n\n"
        "You can start with an empty set of letters (the old file is kept, set aside), "
    )
    text += f"or go back to the last backup, made {newest_backup}." if newest_backup else "or carry on without saving."
    box.setText(text)
    fresh = box.addButton("Start fresh (keep the old file)", QMessageBox.ButtonRole.AcceptRole)
    restore = box.addButton("Restore the last backup", QMessageBox.ButtonRole.AcceptRole) if newest_backup else None
    carry_on = box.addButton("Carry on without saving", QMessageBox.ButtonRole.RejectRole)
    for button, name in (
        (fresh, "Start fresh and keep the old file aside"),
        (restore, "Restore the last backup"),
        (carry_on, "Carry on without saving letters"),
    ):
        if button is not None:
            button.setAccessibleName(name)
    box.setDefaultButton(carry_on)
    box.exec()
    clicked = box.clickedButton()
    if clicked is fresh:
        return START_FRESH
    if restore is not None and clicked is restore:
        return RESTORE
    return CARRY_ON

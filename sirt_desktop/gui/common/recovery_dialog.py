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


TRY_AGAIN = "try_again"
START_EMPTY = "start_empty"

# A storage fault is not damage: the file is sound, so the only offers are to try again (once
# space is freed, the folder is writable, the drive is back, the other program is closed) or
# to carry on without saving. Never "start fresh": that would hide letters that are fine.
STORAGE_TITLES = {
    "DiskFullError": "The disk is full",
    "ReadOnlyError": "Your letters' folder cannot be written to",
    "MissingStorageError": "Your letters' folder is not there",
    "LockedError": "Your letters are in use",
    "StorageError": "The disk is not working properly",
}


def ask_storage_problem(parent: QWidget | None, kind: str, reason: str) -> str:
    """TRY_AGAIN or CARRY_ON, for a full disk, a read-only or missing folder, a busy file."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(STORAGE_TITLES.get(kind, STORAGE_TITLES["StorageError"]))
    box.setText(
        f"{reason}\n\nYour letters file has not been changed, and nothing is set aside. "
        "When you have put this right, choose Try again."
    )
    again = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole)
    carry_on = box.addButton("Carry on without saving", QMessageBox.ButtonRole.RejectRole)
    again.setAccessibleName("Try again to open your letters")
    carry_on.setAccessibleName("Carry on without saving letters")
    box.setDefaultButton(again)
    box.exec()
    return TRY_AGAIN if box.clickedButton() is again else CARRY_ON


def ask_missing_file(parent: QWidget | None, reason: str, newest_backup: str | None) -> str:
    """RESTORE, START_EMPTY or CARRY_ON, when the letters file has gone from its folder."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Your letters file is missing")
    text = f"{reason}\n\nIf you moved it, put it back and start the app again."
    if newest_backup:
        text += f" The last backup was made {newest_backup}."
    box.setText(text)
    restore = box.addButton("Restore the last backup", QMessageBox.ButtonRole.AcceptRole) if newest_backup else None
    empty = box.addButton("Start with no letters", QMessageBox.ButtonRole.AcceptRole)
    carry_on = box.addButton("Carry on without saving", QMessageBox.ButtonRole.RejectRole)
    empty.setAccessibleName("Start with no letters")
    carry_on.setAccessibleName("Carry on without saving letters")
    if restore is not None:
        restore.setAccessibleName("Restore the last backup")
    box.setDefaultButton(carry_on)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return RESTORE
    return START_EMPTY if clicked is empty else CARRY_ON

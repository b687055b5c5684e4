"""The writer's saved details (a patient, a carer…): choose them, or remember new ones.

A letter keeps its own copy of the sender, so editing saved details never changes a letter
already written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sirt_desktop.core.letters.model import Sender

if TYPE_CHECKING:
    from sirt_desktop.core.db.profiles_repo import ProfilesRepository
    from sirt_desktop.gui.writer.steps import SenderStep


class SenderProfiles:
    """``profiles`` is a ProfilesRepository (or None without a database); ``step`` the 'From'
    step view; ``changed`` is called when chosen details fill the form."""

    def __init__(self, profiles: ProfilesRepository | None, step: SenderStep, changed: Callable[[], None]) -> None:
        self.profiles = profiles
        self.step = step
        self.changed = changed
        self.profile_id: int | None = None
        step.profile_chosen.connect(self.use)
        self.refresh()

    def refresh(self) -> None:
        step = self.step
        step.profiles.clear()
        step.profiles.addItem("New details (type them below)", 0)
        records = self.profiles.list() if self.profiles is not None else []
        for record in records:
            label = f"{record.label}: {record.name}" if record.label else record.name
            step.profiles.addItem(label, record.id)
        visible = bool(records)
        step.profiles.setVisible(visible)
        step.profiles_label.setVisible(visible)
        step.remember.setVisible(self.profiles is not None)

    def matches(self, sender: Sender) -> bool:
        """Whether these details are one of the saved ones (so they may carry into a new letter)."""
        if self.profiles is None or not sender.name:
            return False
        return any(record.name == sender.name and record.postcode == sender.postcode for record in self.profiles.list())

    def forget_choice(self) -> None:
        """For a letter that is someone else's (a helpline caller's): no saved details in use."""
        self.profile_id = None
        self.step.profiles.setCurrentIndex(0)
        self.step.remember.setChecked(False)

    def use(self, profile_id: int) -> None:
        if not profile_id or self.profiles is None:
            self.profile_id = None
            return
        try:
            record = self.profiles.get(profile_id)
        except LookupError:  # deleted meanwhile (e.g. Delete everything): offer what is left
            self.profile_id = None
            self.refresh()
            return
        self.profile_id = record.id
        s = self.step
        s.name.setText(record.name)
        s.address.setPlainText("\n".join(record.address_lines()))
        s.postcode.setText(record.postcode)
        s.email.setText(record.email)
        s.phone.setText(record.phone)
        s.remember.setChecked(True)
        self.changed()

    def remember(self, sender: Sender) -> None:
        """Save (or update) the details when "Remember these details" is ticked."""
        if self.profiles is None or not self.step.remember.isChecked() or not sender.name:
            return
        values = dict(
            address="\n".join(sender.address_lines), postcode=sender.postcode, email=sender.email, phone=sender.phone
        )
        if self.profile_id:
            try:
                self.profiles.update(self.profile_id, name=sender.name, **values)
                return
            except LookupError:  # the saved details were deleted: save them afresh
                self.profile_id = None
        if not self.profile_id:
            self.profile_id = self.profiles.create(sender.name, **values).id
            self.refresh()
            self.step.profiles.setCurrentIndex(self.step.profiles.findData(self.profile_id))

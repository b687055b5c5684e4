"""The writer's saved details (a patient, a carer…): choose them, or remember new ones.

Saved details change only when the person says so. The tick box under the 'From' step says
what it will do, and starts unticked whenever that changes:

- no saved details in use: "Remember these details for next time";
- saved details in use, and the form still shows them: no tick box (nothing to save);
- saved details in use, with the same name but a changed address, postcode, email or phone:
  "Also change the saved details of <name>";
- a different name typed over saved details: that is someone else, so the saved details are
  no longer in use, and the box offers to remember the new person.

What is ticked is saved at a pause, not as each letter is typed: when the person leaves the
'From' step, when the letter is printed or saved, and when it is put away. A letter keeps its
own copy of the sender, so editing saved details never changes a letter already written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sirt_desktop.core.letters.model import Sender

if TYPE_CHECKING:
    from sirt_desktop.core.db.profiles_repo import ProfilesRepository
    from sirt_desktop.gui.writer.steps import SenderStep

REMEMBER_NEW = "Remember these details for next time"


def _same(a: Sender, b: Sender) -> bool:
    def key(s: Sender) -> tuple:
        return (
            s.name.strip(),
            [line.strip() for line in s.address_lines if line.strip()],
            s.postcode.strip().upper(),
            s.email.strip(),
            s.phone.strip(),
        )

    return key(a) == key(b)


def _sender_of(record) -> Sender:
    return Sender(
        name=record.name,
        address_lines=record.address_lines(),
        postcode=record.postcode.upper(),
        email=record.email,
        phone=record.phone,
    )


class SenderProfiles:
    """``profiles`` is a ProfilesRepository (or None without a database); ``step`` the 'From'
    step view; ``changed`` is called when chosen details fill the form; ``read`` reads the
    sender from the form."""

    def __init__(
        self,
        profiles: ProfilesRepository | None,
        step: SenderStep,
        changed: Callable[[], None],
        read: Callable[[], Sender],
    ) -> None:
        self.profiles = profiles
        self.step = step
        self.changed = changed
        self.read = read
        self.profile_id: int | None = None
        self.saved: Sender | None = None  # the saved details in use, as they are stored
        self.for_caller = False  # a helpline caller never becomes saved details
        self._mode = ""
        step.profile_chosen.connect(self.use)
        for field in (step.name, step.postcode, step.email, step.phone):
            field.textEdited.connect(lambda _text: self.sync())
        step.address.textChanged.connect(self.sync)
        self.refresh()

    def refresh(self) -> None:
        step = self.step
        step.profiles.clear()
        step.profiles.addItem("New details (type them below)", 0)
        records = self.records()
        for record in records:
            step.profiles.addItem(self._label(record), record.id)
        visible = bool(records)
        step.profiles.setVisible(visible)
        step.profiles_label.setVisible(visible)
        if self.profile_id:
            step.profiles.setCurrentIndex(max(0, step.profiles.findData(self.profile_id)))
        self.sync()

    def records(self) -> list:
        return self.profiles.list() if self.profiles is not None else []

    @staticmethod
    def _label(record) -> str:
        return f"{record.label}: {record.name}" if record.label else record.name

    def matches(self, sender: Sender) -> bool:
        """Whether these details are one of the saved ones (so they may carry into a new letter)."""
        if self.profiles is None or not sender.name:
            return False
        return any(record.name == sender.name and record.postcode == sender.postcode for record in self.profiles.list())

    def choices(self, previous: Sender | None) -> list[tuple[str, int | Sender | None]]:
        """Who a new letter can be from: each saved person, the last letter's sender if they are
        not saved, and "Someone new" (None), as (label, what to fill)."""
        options: list[tuple[str, int | Sender | None]] = []
        for record in self.records():
            options.append((f"{self._label(record)} (saved details)", record.id))
        if previous is not None and previous.name and not self.matches(previous):
            options.append((f"{previous.name} (as in the last letter)", previous))
        options.append(("Someone new", None))
        return options

    def forget_choice(self) -> None:
        """No saved details in use (someone new, or a letter that is someone else's)."""
        self.profile_id = None
        self.saved = None
        self.step.profiles.setCurrentIndex(0)
        self.step.remember.setChecked(False)
        self._mode = ""
        self.sync()

    def use(self, profile_id: int) -> None:
        if not profile_id or self.profiles is None:
            self.forget_choice()
            return
        try:
            record = self.profiles.get(profile_id)
        except LookupError:  # deleted meanwhile (e.g. Delete everything): offer what is left
            self.profile_id = None
            self.saved = None
            self.refresh()
            return
        self.profile_id = record.id
        self.saved = _sender_of(record)
        self.step.profiles.setCurrentIndex(max(0, self.step.profiles.findData(record.id)))
        self.fill(self.saved)
        self.changed()

    def fill(self, sender: Sender) -> None:
        s = self.step
        s.name.setText(sender.name)
        s.address.setPlainText("\n".join(sender.address_lines))
        s.postcode.setText(sender.postcode)
        s.email.setText(sender.email)
        s.phone.setText(sender.phone)
        self.sync()

    # What the tick box offers -----------------------------------------------------------
    def sync(self) -> None:
        """Set the tick box to what it would do now (see the module's notes)."""
        box = self.step.remember
        if self.profiles is None or self.for_caller:
            box.setVisible(False)
            box.setChecked(False)
            self._mode = "off"
            return
        sender = self.read()
        if self.profile_id and self.saved is not None and sender.name and sender.name != self.saved.name:
            # Someone else's name over saved details: those details are not in use any more.
            self.profile_id, self.saved = None, None
            self.step.profiles.setCurrentIndex(0)
        if self.profile_id and self.saved is not None:
            mode = "same" if _same(sender, self.saved) else "update"
        else:
            mode = "new"
        if mode != self._mode:
            box.setChecked(False)  # each new offer starts unticked: the person says so
            self._mode = mode
        if mode == "update" and self.saved is not None:
            box.setText(f"Also change the saved details of {self.saved.name} to these")
        else:
            box.setText(REMEMBER_NEW)
        box.setAccessibleName(box.text())
        box.setVisible(mode != "same")

    def commit(self, sender: Sender) -> None:
        """Save what the ticked box says: new saved details, or changes to those in use."""
        if self.profiles is None or self.for_caller or not self.step.remember.isChecked() or not sender.name:
            return
        values = dict(
            address="\n".join(sender.address_lines), postcode=sender.postcode, email=sender.email, phone=sender.phone
        )
        if self._mode == "update" and self.profile_id:
            try:
                self.profiles.update(self.profile_id, name=sender.name, **values)
                self.saved = sender
            except LookupError:  # the saved details were deleted meanwhile: save them afresh
                self.profile_id, self.saved = None, None
        if self._mode == "new" or not self.profile_id:
            self.profile_id = self.profiles.create(sender.name, **values).id
            self.saved = sender
        self.refresh()

"""Sender profiles: the people letters are written from (a patient, a carer, a volunteer).

A letter copies its sender into its own data when it is written, so editing or deleting a
profile never changes a letter already written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import delete, select

from sirt_desktop.core.db.engine import Database, affected_rows
from sirt_desktop.core.db.failures import plain_database_errors
from sirt_desktop.core.db.models import SenderProfile, utcnow

EDITABLE = ("label", "name", "address", "postcode", "email", "phone")


@dataclass(frozen=True)
class ProfileRecord:
    id: int
    label: str  # "Me", "My mum"...
    name: str
    address: str  # one line per line, without the postcode
    postcode: str
    email: str
    phone: str
    created_at: dt.datetime
    updated_at: dt.datetime

    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    def sender_snapshot(self) -> dict[str, Any]:
        """The ``sender`` part of a letter's data (the letters model's field names)."""
        return {
            "name": self.name,
            "address_lines": self.address_lines(),
            "postcode": self.postcode,
            "email": self.email,
            "phone": self.phone,
        }


class ProfileNotFoundError(LookupError):
    """No profile has this id."""


def record_from_row(profile: SenderProfile) -> ProfileRecord:
    """The plain record of a stored profile."""
    return ProfileRecord(**{f.name: getattr(profile, f.name) for f in fields(ProfileRecord)})


def _check(values: dict[str, Any]) -> dict[str, str]:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not a profile field: {', '.join(sorted(unknown))}")
    for key, value in values.items():
        if not isinstance(value, str):
            raise TypeError(f"{key} should be text")
    return values


class ProfilesRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[ProfileRecord]:
        with plain_database_errors(), self.db.session() as s:
            return [record_from_row(p) for p in s.scalars(select(SenderProfile).order_by(SenderProfile.id))]

    def get(self, profile_id: int) -> ProfileRecord:
        with plain_database_errors(), self.db.session() as s:
            profile = s.get(SenderProfile, profile_id)
            if profile is None:
                raise ProfileNotFoundError(profile_id)
            return record_from_row(profile)

    def create(self, name: str, **values: str) -> ProfileRecord:
        values = _check(values)
        with plain_database_errors(), self.db.session() as s:
            profile = SenderProfile(name=name, **values)
            s.add(profile)
            s.flush()
            return record_from_row(profile)

    def update(self, profile_id: int, **values: str) -> ProfileRecord:
        """Changes the profile only; letters keep the sender they were written with."""
        values = _check(values)
        with plain_database_errors(), self.db.session() as s:
            profile = s.get(SenderProfile, profile_id)
            if profile is None:
                raise ProfileNotFoundError(profile_id)
            for key, value in values.items():
                setattr(profile, key, value)
            profile.updated_at = utcnow()
            s.flush()
            return record_from_row(profile)

    def delete(self, profile_id: int) -> None:
        """Letters written from this profile stay (their sender is in their own data)."""
        with plain_database_errors(), self.db.session() as s:
            # Core DELETE: the database unlinks the letters (ON DELETE SET NULL) without loading them.
            if affected_rows(s.execute(delete(SenderProfile).where(SenderProfile.id == profile_id))) == 0:
                raise ProfileNotFoundError(profile_id)

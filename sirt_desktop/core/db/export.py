"""Everything stored, in one ZIP a person can keep or take elsewhere.

The ZIP holds ``sirt-desktop-export.json`` (profiles, letters with every field and their reply
tracking) and ``pdfs/<letter-id>-<n>.pdf``, each PDF exactly as it was printed or saved. It is
written to an owner-only temporary file beside the target and then renamed, so a failure never
leaves half a file. ``read_export`` checks an export field by field and byte by byte.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import os
import zipfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from sirt_desktop import __version__
from sirt_desktop.core import paths
from sirt_desktop.core.db import profiles_repo
from sirt_desktop.core.db.engine import Database
from sirt_desktop.core.db.errors import DatabaseError
from sirt_desktop.core.db.failures import plain_database_errors
from sirt_desktop.core.db.letters_repo import RECORD_COLUMNS, record_from_row
from sirt_desktop.core.db.models import Letter, LetterPdf, SenderProfile
from sirt_desktop.core.db.profiles_repo import ProfileRecord
from sirt_desktop.core.db.records import (
    PDF_PURPOSES,
    REPLY_STATUSES,
    SENT_METHODS,
    LetterRecord,
    LetterStatus,
    ReplyStatus,
)
from sirt_desktop.core.files import atomic_writer, output_problem

log = logging.getLogger(__name__)

FORMAT = "sirt-desktop-export"
FORMAT_VERSION = 1
JSON_NAME = "sirt-desktop-export.json"
_DATETIME_FIELDS = {"created_at", "updated_at", "finished_at"}
_DATE_FIELDS = {"sent_at"}


class ExportFormatError(ValueError):
    """The file is not a SIRT Desktop export this version can read, or it is damaged."""


@dataclass(frozen=True)
class ExportedPdf:
    file: str  # name inside the ZIP
    letter_id: int
    created_at: dt.datetime
    purpose: str
    sha256: str
    size: int
    data: bytes


@dataclass(frozen=True)
class ExportContents:
    exported_at: dt.datetime
    app_version: str
    profiles: list[ProfileRecord]
    letters: list[LetterRecord]
    pdfs: dict[int, list[ExportedPdf]]  # by letter id, oldest first


@dataclass(frozen=True)
class DamagedLetter:
    """A letter that could not be read whole: left out of the letters, its raw columns kept
    in ``damaged-letters.json`` inside the export."""

    id: int
    subject: str
    reason: str


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    profiles: int
    letters: int
    pdfs: int
    damaged: tuple[DamagedLetter, ...] = ()


DAMAGED_NAME = "damaged-letters.json"
_BATCH = 500


def _plain(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _raw_letter(s: Session, letter_id: int) -> dict[str, Any]:
    """Every column of one letter as SQLite holds it, with no conversion that could fail."""
    result = s.connection().exec_driver_sql("SELECT * FROM letters WHERE id = ?", (letter_id,))
    row = result.fetchone()
    columns = list(result.keys())
    return {c: _plain(v) for c, v in zip(columns, row, strict=True)} if row is not None else {"id": letter_id}


def _why(exc: BaseException) -> str:
    if isinstance(exc, DatabaseError):
        return str(exc)
    return f"a stored value could not be read ({type(exc).__name__})"


def _readable_letters(s: Session) -> tuple[list[LetterRecord], list[tuple[DamagedLetter, dict[str, Any]]]]:
    """Every letter that can be read, and every one that cannot (with its raw columns): one
    damaged letter never stops the others."""
    ids = [row[0] for row in s.execute(select(Letter.id).order_by(Letter.id))]
    good: list[LetterRecord] = []
    damaged: list[tuple[DamagedLetter, dict[str, Any]]] = []

    def one(letter_id: int, row: Any = None) -> None:
        try:
            if row is None:
                row = s.execute(select(*RECORD_COLUMNS).where(Letter.id == letter_id)).first()
                if row is None:  # deleted while the export ran
                    return
            good.append(record_from_row(row))
        except (DatabaseError, ValueError, TypeError, LookupError, UnicodeError) as exc:
            raw = _raw_letter(s, letter_id)
            subject = str(raw.get("subject") or "") if isinstance(raw.get("subject"), str) else ""
            damaged.append((DamagedLetter(letter_id, subject, _why(exc)), raw))
            log.warning("letter %s left out of the export: %s", letter_id, type(exc).__name__)

    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        try:
            rows = s.execute(select(*RECORD_COLUMNS).where(Letter.id.in_(chunk)).order_by(Letter.id)).all()
        except (ValueError, TypeError, LookupError, UnicodeError):  # a value in this batch will not convert
            for letter_id in chunk:
                one(letter_id)
            continue
        for row in rows:
            one(row[0], row)
    return good, damaged


def _write_zip(handle: BinaryIO, db: Database) -> tuple[int, int, int, tuple[DamagedLetter, ...]]:
    letters_out: list[dict[str, Any]] = []
    pdf_count = 0
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with plain_database_errors(), db.session() as s:
            profiles = [
                {k: _plain(v) for k, v in asdict(profiles_repo.record_from_row(p)).items()}
                for p in s.scalars(select(SenderProfile).order_by(SenderProfile.id))
            ]
            records, damaged = _readable_letters(s)
            for record in records:
                # has_pdf follows from the PDFs listed with the letter: not written twice.
                item = {k: _plain(v) for k, v in asdict(record).items() if k != "has_pdf"}
                item["pdfs"] = []
                letters_out.append(item)
            damaged_out = [dict(raw, pdfs=[], reason=info.reason) for info, raw in damaged]
            pdf_rows = s.execute(
                select(LetterPdf).order_by(LetterPdf.letter_id, LetterPdf.id).execution_options(yield_per=20)
            )
            by_letter = {item["id"]: item for item in letters_out}
            by_letter.update({item["id"]: item for item in damaged_out})
            for (pdf,) in pdf_rows:
                entry = by_letter.get(pdf.letter_id)
                if entry is None:  # a letter written after the export read the letters
                    continue
                name = f"pdfs/{pdf.letter_id}-{len(entry['pdfs']) + 1}.pdf"
                info = zipfile.ZipInfo(name, date_time=dt.datetime.now().timetuple()[:6])
                info.external_attr = 0o600 << 16
                archive.writestr(info, bytes(pdf.pdf), compress_type=zipfile.ZIP_STORED)
                entry["pdfs"].append(
                    {
                        "file": name,
                        "created_at": _plain(pdf.created_at),
                        "purpose": pdf.purpose,
                        "sha256": pdf.sha256,
                        "size": pdf.size,
                    }
                )
                pdf_count += 1
        document = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "exported_at": dt.datetime.now(dt.UTC).isoformat(),
            "app_version": __version__,
            "profiles": profiles,
            "letters": letters_out,
        }
        info = zipfile.ZipInfo(JSON_NAME, date_time=dt.datetime.now().timetuple()[:6])
        info.external_attr = 0o600 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, json.dumps(document, ensure_ascii=False, indent=1))
        if damaged_out:
            info = zipfile.ZipInfo(DAMAGED_NAME, date_time=dt.datetime.now().timetuple()[:6])
            info.external_attr = 0o600 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(
                info, json.dumps({"format": FORMAT, "damaged_letters": damaged_out}, ensure_ascii=False, indent=1)
            )
    return len(profiles), len(letters_out), pdf_count, tuple(info for info, _raw in damaged)


def export_everything(db: Database, path: str | os.PathLike[str]) -> ExportSummary:
    """Write the export to ``path`` (owner-only; replaced only once complete). Letters that
    cannot be read are left out of the letters, kept raw in ``damaged-letters.json`` and named
    in the summary."""
    target = Path(path).expanduser().absolute()
    with atomic_writer(target) as handle:
        counts = _write_zip(handle, db)
    return ExportSummary(target, *counts)


# --- reading back -----------------------------------------------------------------------
def _need(obj: dict[str, Any], key: str, kinds: type | tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise ExportFormatError(f"{where}: '{key}' is missing")
    value = obj[key]
    if not isinstance(value, kinds) or (isinstance(value, bool) and kinds is not bool):
        raise ExportFormatError(f"{where}: '{key}' has the wrong type")
    return value


def _typed(record_type: type, obj: Any, where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise ExportFormatError(f"{where}: should be an object")
    out: dict[str, Any] = {}
    for f in fields(record_type):
        if f.name == "has_pdf":  # not in the file: it follows from the letter's PDFs
            continue
        if f.name == "version" and record_type is LetterRecord:  # exports before schema 0004 have none
            out[f.name] = _need(obj, f.name, int, where) if "version" in obj else 1
            continue
        optional = f.name in {"finished_at", "sent_at", "follow_up_of_id", "sender_profile_id"}
        if optional and obj.get(f.name) is None:
            if f.name not in obj:
                raise ExportFormatError(f"{where}: '{f.name}' is missing")
            out[f.name] = None
            continue
        try:
            if f.name in _DATETIME_FIELDS:
                out[f.name] = dt.datetime.fromisoformat(_need(obj, f.name, str, where))
            elif f.name in _DATE_FIELDS:
                out[f.name] = dt.date.fromisoformat(_need(obj, f.name, str, where))
            elif f.name == "data":
                out[f.name] = _need(obj, f.name, dict, where)
            elif f.name.startswith("reply_asked"):
                out[f.name] = _need(obj, f.name, bool, where)
            elif f.name == "id" or f.name.endswith("_id"):
                out[f.name] = _need(obj, f.name, int, where)
            else:
                out[f.name] = _need(obj, f.name, str, where)
        except ValueError as exc:
            if isinstance(exc, ExportFormatError):
                raise
            raise ExportFormatError(f"{where}: '{f.name}' is not a valid date") from exc
    return out


def read_export(path: str | os.PathLike[str]) -> ExportContents:
    """Parse and check an export; raises ``ExportFormatError`` naming the first problem."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ExportFormatError(f"Not a readable ZIP file: {exc}") from exc
    with archive:
        try:
            document = json.loads(archive.read(JSON_NAME).decode("utf-8"))
        except KeyError as exc:
            raise ExportFormatError(f"{JSON_NAME} is missing: this is not a SIRT Desktop export") from exc
        except (ValueError, zipfile.BadZipFile) as exc:
            raise ExportFormatError(f"{JSON_NAME} is damaged: {exc}") from exc
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ExportFormatError("This is not a SIRT Desktop export")
        version = document.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise ExportFormatError("This export was made by a newer version of SIRT Desktop")
        profiles = [
            ProfileRecord(**_typed(ProfileRecord, p, f"profile {i + 1}"))
            for i, p in enumerate(_need(document, "profiles", list, "export"))
        ]
        letters: list[LetterRecord] = []
        pdfs: dict[int, list[ExportedPdf]] = {}
        for i, item in enumerate(_need(document, "letters", list, "export")):
            where = f"letter {i + 1}"
            letter = LetterRecord(**_typed(LetterRecord, item, where))
            if letter.status not in set(LetterStatus):
                raise ExportFormatError(f"{where}: unknown status {letter.status!r}")
            if letter.reply_status != ReplyStatus.NONE and letter.reply_status not in REPLY_STATUSES:
                raise ExportFormatError(f"{where}: unknown reply status {letter.reply_status!r}")
            if letter.sent_method and letter.sent_method not in SENT_METHODS:
                raise ExportFormatError(f"{where}: unknown way of sending {letter.sent_method!r}")
            letters.append(letter)
            for entry in _need(item, "pdfs", list, where):
                pdfs.setdefault(letter.id, []).append(_read_pdf(archive, entry, letter.id, where))
        exported = _need(document, "exported_at", str, "export")
        try:
            exported_at = dt.datetime.fromisoformat(exported)
        except ValueError as exc:
            raise ExportFormatError("export: 'exported_at' is not a valid date") from exc
        letters = [replace(letter, has_pdf=bool(pdfs.get(letter.id))) for letter in letters]
        return ExportContents(exported_at, str(document.get("app_version", "")), profiles, letters, pdfs)


def _read_pdf(archive: zipfile.ZipFile, entry: Any, letter_id: int, where: str) -> ExportedPdf:
    if not isinstance(entry, dict):
        raise ExportFormatError(f"{where}: a PDF entry should be an object")
    name = _need(entry, "file", str, where)
    purpose = _need(entry, "purpose", str, where)
    if purpose not in PDF_PURPOSES:
        raise ExportFormatError(f"{where}: unknown PDF purpose {purpose!r}")
    try:
        data = archive.read(name)
    except KeyError as exc:
        raise ExportFormatError(f"{where}: {name} is missing from the ZIP") from exc
    sha = _need(entry, "sha256", str, where)
    if hashlib.sha256(data).hexdigest() != sha or len(data) != _need(entry, "size", int, where):
        raise ExportFormatError(f"{where}: {name} is damaged (it does not match its checksum)")
    try:
        created = dt.datetime.fromisoformat(_need(entry, "created_at", str, where))
    except ValueError as exc:
        raise ExportFormatError(f"{where}: a PDF date is not valid") from exc
    return ExportedPdf(name, letter_id, created, purpose, sha, len(data), data)


# --- command line -------------------------------------------------------------------------
def export_target_problem(path: str | os.PathLike[str]) -> str | None:
    """Why an export cannot be written to ``path``, in plain words; None when it can."""
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        return f"Cannot export to {target}: that is a folder. Give a file name ending in .zip."
    if not target.parent.is_dir():
        return f"Cannot export: the folder {target.parent} does not exist."
    problem = output_problem(target, paths.database_path())
    if problem:
        return f"Cannot export: {problem}."
    if not os.access(target.parent, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        return (
            f"Cannot export: you do not have permission to write in {target.parent}. "
            "Choose another folder, for example your Documents folder."
        )
    return None


def damaged_lines(summary: ExportSummary) -> list[str]:
    """One line per letter left out because it could not be read."""
    if not summary.damaged:
        return []
    count = len(summary.damaged)
    lines = [
        f"{count} letter{'s' if count != 1 else ''} could not be read and "
        f"{'were' if count != 1 else 'was'} left out; everything stored for "
        f"{'them' if count != 1 else 'it'} is in {DAMAGED_NAME} inside the export:"
    ]
    for letter in summary.damaged:
        subject = f" “{' '.join(letter.subject.split())[:80]}”" if letter.subject.strip() else ""
        lines.append(f"  letter {letter.id}{subject}: {letter.reason}")
    return lines


def count_in_words(n: int, one: str, many: str) -> str:
    """ "1 letter", "2 letters", "no saved details": a count as people say it."""
    if n == 0:
        return f"no {many}"
    return f"{n:,} {one if n == 1 else many}"


def summary_lines(summary: ExportSummary) -> list[str]:
    """What was exported ("Saved 1 letter, no saved details and 1 printed copy to …"), and
    the warning that goes with it."""
    saved = (
        f"{count_in_words(summary.letters, 'letter', 'letters')}, "
        f"{count_in_words(summary.profiles, 'saved details', 'saved details')} and "
        f"{count_in_words(summary.pdfs, 'printed copy', 'printed copies')}"
    )
    return [
        f"Saved {saved} to:\n{summary.path}",
        *damaged_lines(summary),
        "Keep this file safe: anyone who opens it can read your letters.",
    ]

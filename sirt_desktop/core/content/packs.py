"""Content packs: newer patient information, delivered as one ZIP file.

A pack holds the same files as ``resources/content/``: pages (``*.md``), ``manifest.json``
(``{"version": 2 or "1.2.0", "date": "2026-12-01"}``), ``glossary.json``,
``checklist.json``, ``treatment_grid.json`` and ``images/``. Files may sit at the top of
the ZIP or all inside one folder.

:func:`validate_pack` checks the whole pack and lists every problem. :func:`install_pack`
installs a pack only when it is valid and newer than the content in use: it writes the files
to a temporary folder beside the packs, checks them again, then renames the folder into
place in one step, so a failed or refused install changes nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sirt_desktop.core import paths
from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.page import ContentError, ContentManifest
from sirt_desktop.core.content.parse import IMAGE_SUFFIXES, parse_content_files
from sirt_desktop.core.dates import long_date
from sirt_desktop.core.files import write_atomically

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_FILES = 200
ALLOWED_SUFFIXES = (".md", ".json", *IMAGE_SUFFIXES)
ALLOWED_FOLDERS = ("", "images")


@dataclass
class PackReport:
    """What :func:`validate_pack` found. ``ok`` means no problems at all."""

    path: str
    problems: list[str] = field(default_factory=list)
    manifest: ContentManifest | None = None
    page_count: int = 0
    term_count: int = 0
    files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems


def _member_problems(info: zipfile.ZipInfo) -> list[str]:
    name = info.filename
    problems: list[str] = []
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        problems.append(f"{name}: links (symlinks) are not allowed")
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        problems.append(f"{name}: absolute or Windows-style paths are not allowed")
    if any(part in ("..", ".") for part in PurePosixPath(name).parts) or "\x00" in name:
        problems.append(f"{name}: paths that leave the pack ('..') are not allowed")
    if info.file_size > MAX_FILE_BYTES:
        problems.append(f"{name}: too large ({info.file_size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
    return problems


def _strip_common_folder(names: list[str]) -> str:
    """If every file sits in one top folder (as zip tools often do), that folder's prefix."""
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) == 1 and all("/" in n for n in names):
        top = tops.pop()
        if top not in ALLOWED_FOLDERS[1:]:
            return top + "/"
    return ""


def validate_pack(path: str | os.PathLike[str]) -> PackReport:
    """Check a pack ZIP as a whole. Every problem is listed; nothing is written anywhere."""
    report = PackReport(path=str(path))
    problems = report.problems
    pack_path = Path(path)
    if pack_path.is_dir():
        problems.append(f"{pack_path} is a folder: give the pack's .zip file")
        return report
    if not pack_path.is_file():
        problems.append(f"the file {pack_path} was not found")
        return report
    try:
        archive = zipfile.ZipFile(pack_path)
    except (zipfile.BadZipFile, OSError) as exc:
        problems.append(f"not a readable ZIP file ({exc})")
        return report
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_FILES:
            problems.append(f"too many files ({len(infos)}; the limit is {MAX_FILES})")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            problems.append(f"the pack is too large unpacked ({total:,} bytes; the limit is {MAX_TOTAL_BYTES:,})")
        if total > MAX_TOTAL_BYTES or len(infos) > MAX_FILES:
            return report  # nothing more is read, so "missing file" problems would not be real
        prefix = _strip_common_folder([i.filename for i in infos])
        seen: set[str] = set()
        for info in infos:
            if info.filename in seen:  # a ZIP may hold two entries of one name: which one wins is unclear
                problems.append(f"{info.filename}: is in the pack twice")
                continue
            seen.add(info.filename)
            member = _member_problems(info)
            problems += member
            name = info.filename[len(prefix) :]
            folder, _, base = name.rpartition("/")
            if not member:
                if folder not in ALLOWED_FOLDERS or not base.lower().endswith(ALLOWED_SUFFIXES) or base.startswith("."):
                    problems.append(
                        f"{info.filename}: unexpected file (only .md, .json, and .svg or .png in images/ are allowed)"
                    )
                    continue
                if folder == "images" and not base.lower().endswith(IMAGE_SUFFIXES):
                    problems.append(f"{info.filename}: only images belong in images/")
                    continue
                if not folder and base.lower().endswith(IMAGE_SUFFIXES):
                    problems.append(f"{info.filename}: images belong in images/")
                    continue
            if member or total > MAX_TOTAL_BYTES or len(infos) > MAX_FILES:
                continue
            try:
                with archive.open(info) as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                problems.append(f"{info.filename}: cannot be read ({exc})")
                continue
            if len(data) > MAX_FILE_BYTES:
                problems.append(f"{info.filename}: too large (over {MAX_FILE_BYTES:,} bytes)")
                continue
            report.files[name] = data
    parsed = parse_content_files(report.files)
    problems += parsed.problems
    report.manifest = parsed.manifest
    report.page_count = len(parsed.pages)
    report.term_count = len(parsed.glossary.terms) if parsed.glossary else 0
    return report


@dataclass
class InstallResult:
    installed: bool
    report: PackReport
    message: str  # plain words for the person: what happened, and if refused, why
    folder: Path | None = None


def _folder_name(manifest: ContentManifest) -> str:
    version = "-".join(str(p) for p in manifest.version)
    return f"{content.PACK_DIR_PREFIX}{version}-{manifest.date.isoformat()}"


def install_pack(path: str | os.PathLike[str]) -> InstallResult:
    """Install a pack if it is valid and newer than the content in use; else change nothing."""
    report = validate_pack(path)
    if not report.ok or report.manifest is None:
        return InstallResult(False, report, "This content pack was not installed. Nothing has changed.")
    current = content.active_content().manifest
    new = report.manifest
    if new.version <= current.version:
        report.problems.append(
            f"the pack is version {new.version_text}, but version {current.version_text} is already in use; "
            "only a newer version can be installed"
        )
        return InstallResult(False, report, "This content pack was not installed. Nothing has changed.")
    base = paths.content_override_dir()
    target = base / _folder_name(new)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=base))
    try:
        for name, data in report.files.items():
            destination = staging / name
            destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomically(destination, data, durable=False)  # owner-only, like all the app keeps
        content.build_content_set(staging, "pack")  # check again, exactly as written to disk
        if target.exists():
            shutil.rmtree(target)  # a leftover of an older, unused install of the same version
        os.replace(staging, target)
    except (OSError, ContentError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        problems = exc.problems if isinstance(exc, ContentError) else [str(exc)]
        report.problems += problems
        return InstallResult(False, report, "This content pack was not installed. Nothing has changed.")
    content.reload_content()
    _remove_older_packs(keep=target)
    return InstallResult(
        True,
        report,
        f"Installed patient information version {new.version_text}, dated {long_date(new.date)}: "
        f"{report.page_count} pages and {report.term_count} words explained. "
        f"It replaces version {current.version_text}, dated {long_date(current.date)}.",
        target,
    )


def _remove_older_packs(keep: Path) -> None:
    for folder, _content, _problems in content.installed_packs():
        if folder != keep:
            shutil.rmtree(folder, ignore_errors=True)
    content.reload_content()


def build_pack(source: Path, out: Path, version: int | str, when: str) -> Path:
    """Zip a content folder into a pack, writing a fresh manifest.json with version and date."""
    manifest_path = source / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    manifest.update({"version": version, "date": when})
    files = content.read_content_dir(source)
    files["manifest.json"] = (json.dumps(manifest, indent=2) + "\n").encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            if name.endswith(ALLOWED_SUFFIXES) and not name.startswith("."):
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, files[name])
    return out

"""Build the Debian/Ubuntu package from the frozen app (what `make dist` runs second).

    python3 scripts/build_deb.py [--bundle dist/sirt-desktop] [--out dist]

Lays out the package tree in build/deb/root and packs it with dpkg-deb (zstd):

  /opt/sirt-desktop/                      the one-folder bundle (scripts/build_dist.py)
  /usr/bin/sirt-desktop, sirt-desktop-cli links to /opt/sirt-desktop/sirt-desktop
  /usr/share/applications/<id>.desktop    the launcher (packaging/linux)
  /usr/share/metainfo/<id>.metainfo.xml   AppStream: what software centres show
  /usr/share/icons/hicolor/*/apps/<id>.*  the icon, 16 to 512 px and scalable (scripts/make_icons.py)
  /usr/share/doc/sirt-desktop/            copyright and changelog

Depends and Recommends come from what the bundle's binaries link to, through dpkg-shlibdeps:
a library that only an optional part needs (read-aloud's speech engine, the Wayland screen)
is a Recommends, so the app installs and runs without it (Qt falls back to X11; Read aloud is
hidden). Programs the app runs or opens, rather than links to, are added by hand.

Reproducible: every file's time is SOURCE_DATE_EPOCH (the last commit's time by default),
owners are root, modes are normalised and gzip stores no names or times, so the same bundle
gives the same .deb byte for byte.

The screenshot in the AppStream file needs a web address where it is published (AppStream
allows nothing else). Set SIRT_DESKTOP_SCREENSHOT_URL to the release's copy of
docs/screenshot.png (docs/release.md); without it the package is built without one.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "uk.org.sirtdesktop.SirtDesktop"
PACKAGE = "sirt-desktop"
LINUX = ROOT / "packaging" / "linux"
SCREENSHOT_ENV = "SIRT_DESKTOP_SCREENSHOT_URL"
DEBIAN_REVISION = "1"
ZSTD_LEVEL = 9  # 51 MB in about 15 s; -19 saves 5 MB more but takes 5 minutes on two cores

# Parts whose system libraries are Recommends, not Depends (see the module docstring).
OPTIONAL = re.compile(
    r"plugins/(texttospeech|platforms/libqwayland|wayland-)|Qt6?(TextToSpeech|Multimedia|WaylandClient)"
    r"|PySide6/Qt(TextToSpeech|Multimedia)\."
)
# Programs, not libraries: `lp` prints the PDF itself; speech-dispatcher speaks; xdg-open
# opens the data and log folders.
EXTRA_RECOMMENDS = ["cups-client", "speech-dispatcher", "xdg-utils"]

DESCRIPTION = """\
Understand SIRT for NETs, see NHS funding, and write letters
 SIRT Desktop is an offline app for people in the UK living with
 neuroendocrine tumours (NETs) that have spread to the liver, their carers,
 and charity helpline volunteers.
 .
 It explains selective internal radiation therapy (SIRT) in plain English,
 with sources and dates; shows where NHS funding stands in England,
 Scotland, Wales and Northern Ireland; finds a person's MP from their
 postcode without going online; and writes, prints and keeps letters to MPs
 and clinicians, laid out for a window envelope.
 .
 Everything stays on the computer. It is information, not medical advice."""


def app_version() -> str:
    text = (ROOT / "sirt_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, flags=re.M)
    if not match:
        raise SystemExit("no __version__ in sirt_desktop/__init__.py")
    return match.group(1)


def source_date_epoch() -> int:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


def _is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def _elf_type(path: Path) -> str:
    out = subprocess.run(["readelf", "-h", str(path)], capture_output=True, text=True, check=True).stdout
    return "exec" if re.search(r"Type:\s+(EXEC|DYN \(Position-Independent Executable)", out) else "lib"


def copy_bundle(bundle: Path, dest: Path) -> None:
    shutil.copytree(bundle, dest, symlinks=True)


def metainfo(dest: Path, version: str) -> None:
    """The AppStream file: the repository's, with this release and, when published, the screenshot."""
    tree = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml")
    component = tree.getroot()
    releases = component.find("releases")
    upstream = version.split("~", 1)[0]  # a snapshot before a release belongs to that release
    if releases is None or not any(r.get("version") == upstream for r in releases.findall("release")):
        raise SystemExit(f'{APP_ID}.metainfo.xml has no <release version="{version}">: add it (docs/release.md)')
    url = os.environ.get(SCREENSHOT_ENV, "").strip()
    if url:
        if not url.startswith("https://"):
            raise SystemExit(f"{SCREENSHOT_ENV} must be an https:// address")
        shots = ElementTree.SubElement(component, "screenshots")
        shot = ElementTree.SubElement(shots, "screenshot", type="default")
        ElementTree.SubElement(shot, "caption").text = "Finding your MP from a postcode, and the letter writer"
        image = ElementTree.SubElement(shot, "image", type="source", width="1280", height="800")
        image.text = url
    else:
        print(f"note: {SCREENSHOT_ENV} is not set, so the AppStream file has no screenshot", file=sys.stderr)
    ElementTree.indent(tree, space="  ")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tree.write(dest, encoding="UTF-8", xml_declaration=True)
    with dest.open("a", encoding="utf-8") as fh:
        fh.write("\n")


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: SIRT Desktop
Comment:
 This package holds a frozen build of SIRT Desktop (PyInstaller) with the Python
 interpreter, Qt and the Python libraries it runs on. Each part keeps its own licence,
 listed below. The licence files of the Python libraries are in
 /opt/sirt-desktop/_internal/*.dist-info/ where their authors ship them.

Files: *
Copyright: SIRT Desktop contributors
License: GPL-3+

Files: opt/sirt-desktop/_internal/PySide6/* opt/sirt-desktop/_internal/shiboken6/*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
Comment: Qt 6 and PySide6 (Qt for Python), unmodified, from their PyPI wheels.

Files: opt/sirt-desktop/_internal/PySide6/Qt/lib/libicu*
Copyright: Unicode, Inc. and others
License: Unicode-3.0

Files: opt/sirt-desktop/_internal/libpython* opt/sirt-desktop/_internal/python3*
Copyright: Python Software Foundation
License: PSF-2.0

Files: opt/sirt-desktop/_internal/sqlalchemy/* opt/sirt-desktop/_internal/markupsafe/*
 opt/sirt-desktop/_internal/charset_normalizer/*
Copyright: the SQLAlchemy, Pallets and charset-normalizer authors
License: MIT or BSD-3-clause (see each .dist-info)
Comment: Alembic, Mako, platformdirs and textstat (MIT) are inside the program file.

Files: opt/sirt-desktop/_internal/PIL/* opt/sirt-desktop/_internal/pillow.libs/*
Copyright: Secret Labs AB, Fredrik Lundh, Jeffrey A. Clark and contributors
License: MIT-CMU

Files: opt/sirt-desktop/_internal/reportlab/*
Copyright: ReportLab Europe Ltd.
License: BSD-3-clause

Files: opt/sirt-desktop/_internal/pyphen/*
Copyright: Kozea and the Hunspell dictionary authors
License: GPL-2+ or LGPL-2.1+ or MPL-1.1

Files: opt/sirt-desktop/_internal/sirt_desktop/resources/fonts/*
Copyright: Bitstream, Inc.; DejaVu changes are in the public domain
License: Bitstream-Vera
 See opt/sirt-desktop/_internal/sirt_desktop/resources/fonts/DejaVu-LICENSE.txt.

Files: opt/sirt-desktop/_internal/sirt_desktop/resources/data/*
Copyright: Crown copyright; Royal Mail; UK Parliament; mySociety
License: OGL-UK-3.0 and Open-Parliament-Licence-3.0 and CC-BY-4.0
 Contains OS data © Crown copyright and database right 2023. Contains Royal Mail
 data © Royal Mail copyright and database right 2023. Contains National Statistics
 data © Crown copyright and database right 2023. Contains Parliamentary information
 licensed under the Open Parliament Licence v3.0. Constituency assignment from
 mySociety (CC BY 4.0). The full attribution, with dates, is in
 opt/sirt-desktop/_internal/sirt_desktop/resources/data/ATTRIBUTION.md.

License: GPL-3+
 On Debian systems the full text of the GNU General Public License version 3 is in
 /usr/share/common-licenses/GPL-3.

License: LGPL-3
 On Debian systems the full text of the GNU Lesser General Public License version 3
 is in /usr/share/common-licenses/LGPL-3.
"""


def changelog(version: str, epoch: int) -> bytes:
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(epoch))
    text = (
        f"{PACKAGE} ({version}-{DEBIAN_REVISION}) unstable; urgency=medium\n\n"
        f"  * SIRT Desktop {version}: see CHANGELOG.md in the source for what changed.\n\n"
        f" -- {maintainer()}  {date}\n"
    )
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def maintainer() -> str:
    return os.environ.get("DEB_MAINTAINER", "SIRT Desktop contributors <sirt-desktop@localhost>")


def _shlibdeps(root: Path, app: Path) -> tuple[list[str], list[str]]:
    """Depends and Recommends from dpkg-shlibdeps over every ELF file in the bundle."""
    core, optional = [], []
    for path in sorted(app.rglob("*")):
        if path.is_file() and not path.is_symlink() and _is_elf(path):
            rel = path.relative_to(app).as_posix()
            (optional if OPTIONAL.search(rel) else core).append(str(path))
    libdirs = sorted({str(Path(p).parent) for p in core + optional})
    cmd = [
        "dpkg-shlibdeps",
        "-O",
        "--ignore-missing-info",
        "--warnings=0",
        *[f"-l{d}" for d in libdirs],
        "-dDepends",
        *core,
        "-dRecommends",
        *optional,
    ]
    # dpkg-shlibdeps reads debian/control from where it runs, as in a source package.
    scratch = root.parent / "shlibdeps"
    (scratch / "debian").mkdir(parents=True, exist_ok=True)
    (scratch / "debian" / "control").write_text(f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n")
    result = subprocess.run(cmd, cwd=scratch, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"dpkg-shlibdeps failed:\n{result.stderr[-3000:]}")
    fields: dict[str, list[str]] = {"Depends": [], "Recommends": []}
    for line in result.stdout.splitlines():
        match = re.match(r"shlibs:(\w+)=(.*)", line)
        if match:
            fields[match.group(1)] = [d.strip() for d in match.group(2).split(",") if d.strip()]
    return fields["Depends"], fields["Recommends"]


def _normalise(root: Path, epoch: int) -> None:
    """Modes and times the same on every build (and as Debian policy wants them)."""
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_symlink():
            os.utime(path, (epoch, epoch), follow_symlinks=False)
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif "DEBIAN" in path.relative_to(root).parts[:1]:
            path.chmod(0o755 if path.name in {"postinst", "postrm", "prerm", "preinst"} else 0o644)
        else:
            executable = path.is_file() and _is_elf(path) and _elf_type(path) == "exec"
            path.chmod(0o755 if executable else 0o644)
        os.utime(path, (epoch, epoch))
    os.utime(root, (epoch, epoch))


def _installed_size_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if "DEBIAN" in path.relative_to(root).parts[:1]:
            continue
        total += 1 if path.is_dir() or path.is_symlink() else -(-path.stat().st_size // 1024)
    return total


def build(bundle: Path, icons: Path, out_dir: Path, work: Path, version: str | None = None) -> Path:
    version = version or app_version()
    epoch = source_date_epoch()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"{bundle} has no {PACKAGE}: run scripts/build_dist.py first")

    root = work / "root"
    shutil.rmtree(work, ignore_errors=True)
    app = root / "opt" / PACKAGE
    copy_bundle(bundle, app)
    # Bytecode is never written beside the bundle: removing the package leaves nothing behind.
    for cache in list(app.rglob("__pycache__")):
        shutil.rmtree(cache)

    (root / "usr/bin").mkdir(parents=True)
    # Absolute, as Debian policy wants for a link between top-level folders. sirt-desktop-cli is
    # the name the README's headless commands use (on Windows it is the console program); on
    # Linux the one program does both.
    for name in (PACKAGE, f"{PACKAGE}-cli"):
        (root / "usr/bin" / name).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")

    share = root / "usr/share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    metainfo(share / "metainfo" / f"{APP_ID}.metainfo.xml", version)
    if not (icons / "hicolor").is_dir():
        raise SystemExit(f"{icons}/hicolor is missing: run scripts/make_icons.py first")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")

    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    (doc / "changelog.Debian.gz").write_bytes(changelog(version, epoch))
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / PACKAGE).write_text(LINTIAN_OVERRIDES, encoding="utf-8")

    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text("Package: x\n", encoding="utf-8")  # dpkg-shlibdeps wants a DEBIAN folder
    depends, recommends = _shlibdeps(root, app)
    recommends = [r for r in recommends if r.split()[0] not in {d.split()[0] for d in depends}]
    recommends += [r for r in EXTRA_RECOMMENDS if r not in recommends]

    md5 = []
    for path in sorted(
        p
        for p in root.rglob("*")
        if (p.is_file() and not p.is_symlink()) and "DEBIAN" not in p.relative_to(root).parts[:1]
    ):
        md5.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root).as_posix()}\n")
    (debian / "md5sums").write_text("".join(md5), encoding="utf-8")
    control = (
        f"Package: {PACKAGE}\n"
        f"Version: {version}-{DEBIAN_REVISION}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {maintainer()}\n"
        f"Installed-Size: {_installed_size_kib(root)}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(recommends)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )
    (debian / "control").write_text(control, encoding="utf-8")
    _normalise(root, epoch)

    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{version}-{DEBIAN_REVISION}_{arch}.deb"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zzstd", f"-z{ZSTD_LEVEL}", "--build", str(root), str(deb)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return deb


# Tags that follow from shipping a frozen app under /opt rather than Debian's own libraries.
LINTIAN_OVERRIDES = """\
# A frozen app under /opt: Python, Qt and the Python libraries come inside the bundle, as built
# by their authors (PyPI wheels), rather than from Debian's packages.
sirt-desktop: dir-or-file-in-opt *
sirt-desktop: embedded-library *
sirt-desktop: hardening-no-fortify-functions *
sirt-desktop: hardening-no-pie [opt/sirt-desktop/sirt-desktop]
sirt-desktop: unstripped-binary-or-object *
sirt-desktop: shared-library-lacks-prerequisites *
# The PDF fonts are read from the bundle by path, so every letter prints with the same font.
sirt-desktop: duplicate-font-file *
# No manual page yet: `sirt-desktop --help` describes every command.
sirt-desktop: no-manual-page *
# Not an upload to Debian's archive.
sirt-desktop: initial-upload-closes-no-bugs *
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--icons", type=Path, default=ROOT / "build" / "icons")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    parser.add_argument("--version", help="the package's upstream version (default: sirt_desktop.__version__)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    deb = build(args.bundle, args.icons, args.out, args.work, args.version)
    size = deb.stat().st_size
    print(
        f"{deb.relative_to(ROOT) if deb.is_relative_to(ROOT) else deb}: {size / 1e6:.1f} MB "
        f"(zstd -{ZSTD_LEVEL}, {time.monotonic() - start:.0f} s)"
    )
    print(
        subprocess.run(
            ["dpkg-deb", "--field", str(deb), "Depends", "Recommends", "Installed-Size"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

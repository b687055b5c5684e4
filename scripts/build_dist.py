"""Build the frozen one-folder app in dist/sirt-desktop/ (what `make dist` runs first).

    .venv-dist/bin/python scripts/build_dist.py

1. Builds a wheel of the checkout and installs it into this (clean) virtual environment, so
   the bundle holds exactly what a wheel holds and nothing the checkout has lying around.
2. Makes the icons (scripts/make_icons.py).
3. Runs PyInstaller on packaging/pyinstaller/sirt-desktop.spec from outside the checkout.
4. Checks the bundle: every library each binary links to is either in the bundle or a system
   library (on Linux), the data files and migrations are there, and the frozen app answers
   ``--version``.
5. Prints what the bundle is made of, part by part, and writes it to build/dist-report.json.

Run it with the Python of a virtual environment made only for it (make dist makes
.venv-dist with constraints.txt and ".[dist]"): PyInstaller bundles whatever it can import.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "sirt-desktop.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
REPORT = BUILD / "dist-report.json"

sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))
sys.path.insert(0, str(ROOT / "scripts"))

# What each large part of the bundle is for, in the order they are matched.
PARTS: list[tuple[str, str, str]] = [
    (
        "PySide6 bindings",
        r"PySide6/Qt\w+\.(abi3\.so|pyd)$|shiboken|pyside6\.",
        "the Python side of each Qt module used",
    ),
    ("ICU data", r"libicudata", "Unicode tables QtCore links to (collation, line breaking, text boundaries)"),
    ("ICU code", r"libicu(uc|i18n)", "Unicode algorithms QtCore links to"),
    ("QtPdf", r"Qt6?Pdf", "the print preview and the raster print path (PDFium inside)"),
    (
        "Read aloud",
        r"Qt6?(TextToSpeech|Multimedia|Network|Concurrent)\b|plugins/texttospeech",
        "read-aloud (QtTextToSpeech needs QtMultimedia and QtNetwork to load)",
    ),
    ("Qt plugins", r"/plugins/", "X11 and Wayland screens, SVG images and icons, CUPS printing, input methods"),
    ("QtGui", r"Qt6?(Gui|XcbQpa|WaylandClient|DBus|Svg)\b", "drawing, fonts, the X11/Wayland connection, SVG"),
    ("QtWidgets", r"Qt6?(Widgets|PrintSupport)\b", "every window, form and dialog, and the print dialog"),
    ("QtCore", r"Qt6?Core\b", "Qt's base library"),
    (
        "Python",
        r"libpython|python3\d*\.dll|base_library\.zip|python3\.\d+/|lib-dynload|/Python$",
        "the interpreter and its standard library's compiled modules",
    ),
    (
        "Python code",
        r"^(sirt-desktop|sirt-desktop-cli)(\.exe)?$",
        "the launcher with all Python code compressed inside (app, standard library, dependencies)",
    ),
    ("SQLAlchemy", r"sqlalchemy", "the database layer's compiled speed-ups"),
    ("Pillow", r"PIL/|pillow\.libs", "ReportLab imports Pillow's image module on start"),
    ("App data", r"sirt_desktop/", "postcodes, MPs, patient pages, fonts, migrations"),
]


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, check=True, **kwargs)


def source_date_epoch() -> str:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(int(time.time()))


def install_wheel(source: Path, build: Path, target: Path | None = None) -> Path:
    """Build the source's wheel from scratch and install it: into this venv in place of any
    earlier one, or, with ``target``, into a folder of its own (another release's build)."""
    # setuptools reuses <source>/build/lib: a module moved or deleted since the last build
    # would otherwise still ship.
    for stale in [source / "build" / "lib", *(source / "build").glob("bdist.*"), build / "wheel"]:
        shutil.rmtree(stale, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    run([*pip, "wheel", "--no-deps", "-w", str(build / "wheel"), str(source)])
    wheel = next((build / "wheel").glob("sirt_desktop-*.whl"))
    if target is None:
        run([*pip, "install", "--no-deps", "--force-reinstall", str(wheel)])
    else:
        shutil.rmtree(target, ignore_errors=True)
        run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)])
    return wheel


def run_pyinstaller(epoch: str, dist: Path, build: Path, package_path: Path | None) -> None:
    shutil.rmtree(dist / "sirt-desktop", ignore_errors=True)
    shutil.rmtree(dist / "SIRT Desktop.app", ignore_errors=True)
    work = build / "pyinstaller"
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED="0", SIRT_DESKTOP_ICON_DIR=str(build / "icons"))
    env.pop("PYTHONPATH", None)
    if package_path is not None:
        env["PYTHONPATH"] = str(package_path)
    # From outside the checkout, so `import sirt_desktop` finds the installed wheel.
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        cwd=work,
        env=env,
    )


def _elf_needed(path: Path) -> list[str] | None:
    with path.open("rb") as fh:
        if fh.read(4) != b"\x7fELF":
            return None
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out.stdout)


def _system_libraries() -> set[str]:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True)
    return set(re.findall(r"^\s+(\S+) \(", out.stdout, flags=re.M))


# Libraries an optional part links to: when the system lacks them, that part alone is off
# (Qt skips the plugin; the app hides Read aloud). They are Recommends in the .deb.
OPTIONAL_PARTS = re.compile(
    r"plugins/(texttospeech|platforms/libqwayland|wayland-)|Qt6?(TextToSpeech|Multimedia|WaylandClient)"
    r"|PySide6/Qt(TextToSpeech|Multimedia)\."
)


def check_links(bundle: Path) -> dict[str, list[str]]:
    """Every ELF file's libraries resolve to the bundle or the system. Returns the system ones."""
    bundled = {p.name for p in bundle.rglob("*") if p.is_file() or p.is_symlink()}
    system = _system_libraries()
    needs: dict[str, list[str]] = {}
    missing: list[str] = []
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        needed = _elf_needed(path)
        if needed is None:
            continue
        rel = path.relative_to(bundle).as_posix()
        for lib in needed:
            if lib in bundled:
                continue
            needs.setdefault(lib, []).append(rel)
            # A Qt library is never the system's: one missing was dropped from the bundle.
            if lib.startswith(("libQt6", "libpyside6", "libshiboken6")) or (
                lib not in system and not OPTIONAL_PARTS.search(rel)
            ):
                missing.append(f"{rel} needs {lib}")
    if missing:
        raise SystemExit("libraries neither bundled nor on this system:\n  " + "\n  ".join(missing))
    return needs


def check_contents(bundle: Path) -> None:
    import bundle as spec_rules

    internal = bundle / "_internal"
    for dest in spec_rules.data_folders_in(internal / "sirt_desktop"):
        if not (internal / dest).is_dir():
            raise SystemExit(f"data folder missing from the bundle: {dest}")
    for required in (
        "sirt_desktop/resources/data/manifest.json",
        "sirt_desktop/resources/fonts/DejaVuSans.ttf",
        "sirt_desktop/core/db/migrations/env.py",
    ):
        if not (internal / required).is_file():
            raise SystemExit(f"missing from the bundle: {required}")
    leftovers = [
        p.relative_to(bundle).as_posix()
        for p in bundle.rglob("*")
        if spec_rules.is_unused(p.relative_to(bundle).as_posix()) and p.is_file()
    ]
    if leftovers:
        raise SystemExit("files the app never uses are in the bundle:\n  " + "\n  ".join(leftovers[:20]))


def size_report(bundle: Path) -> dict:
    parts = {name: 0 for name, _, _ in PARTS}
    parts["other"] = 0
    files = 0
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        files += 1
        rel = path.relative_to(bundle).as_posix()
        size = path.stat().st_size
        for name, pattern, _why in PARTS:
            if re.search(pattern, rel):
                parts[name] += size
                break
        else:
            parts["other"] += size
    total = sum(parts.values())
    return {"total_bytes": total, "files": files, "parts": parts}


def print_report(report: dict) -> None:
    why = {name: text for name, _, text in PARTS}
    why["other"] = (
        "small compiled helpers (charset-normalizer, MarkupSafe, rl_accel), pyphen's English dictionary, metadata"
    )
    print(
        f"\nBundle: {report['total_bytes'] / 1e6:.1f} MB in {report['files']} files"
        f" (built in {report.get('build_seconds', 0):.0f} s)"
    )
    for name, size in sorted(report["parts"].items(), key=lambda kv: -kv[1]):
        print(f"  {size / 1e6:6.1f} MB  {name:<20} {why[name]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-wheel", action="store_true", help="freeze the already installed package")
    parser.add_argument(
        "--source",
        type=Path,
        default=ROOT,
        help="freeze this source tree instead (an earlier release: its wheel goes into a folder "
        "of its own, and this venv keeps the checkout's)",
    )
    parser.add_argument("--dist", type=Path, default=DIST, help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=BUILD, help="where the build's own files go")
    args = parser.parse_args(argv)
    if sys.prefix == sys.base_prefix:
        raise SystemExit("run this with a virtual environment's Python made for it (make dist)")
    start = time.monotonic()
    epoch = source_date_epoch()
    source = args.source.resolve()
    package_path = None if source == ROOT else args.work / "site"
    if not args.skip_wheel:
        install_wheel(source, args.work, package_path)
    from make_icons import make_icons

    make_icons(args.work / "icons")
    run_pyinstaller(epoch, args.dist, args.work, package_path)
    bundle = args.dist / "sirt-desktop"
    check_contents(bundle)
    needs: dict[str, list[str]] = {}
    if sys.platform.startswith("linux"):
        needs = check_links(bundle)
    # The frozen app answers --version with no display (on Windows the console program does).
    program = bundle / ("sirt-desktop-cli.exe" if sys.platform.startswith("win") else "sirt-desktop")
    env = dict(os.environ, SIRT_DESKTOP_HOME=str(args.work / "smoke-home"))
    env.pop("DISPLAY", None)
    out = run([str(program), "--version"], capture_output=True, text=True, env=env)
    print(out.stdout.strip())
    shutil.rmtree(args.work / "smoke-home", ignore_errors=True)
    report = size_report(bundle)
    report["build_seconds"] = round(time.monotonic() - start, 1)
    report["system_libraries"] = sorted(needs)
    if source == ROOT:
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

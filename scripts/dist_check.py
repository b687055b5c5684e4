"""Prove the .deb on a bare machine: a fresh Debian 12 minbase root (what `make dist-check` runs).

    sudo python3 scripts/dist_check.py [--deb dist/sirt-desktop_*.deb] [--previous-deb FILE]

In a root made by ``debootstrap --variant=minbase bookworm`` (nothing but Debian's required
packages; no Python, no Qt, no fonts, no X), as a person would:

1. install the package with apt, taking only what Depends names (no Recommends);
2. as an ordinary user: ``sirt-desktop --version`` with no display, a postcode lookup, a
   letter rendered to PDF headless, and the window for a few seconds, offscreen and on a
   real X server (the host's Xvfb, shared into the root: the app still gets only the
   root's libraries), where the first start's window must fit the screen and be centred;
3. upgrade safety: remove it, install the previous release (built from the git commit in
   packaging/previous-release.txt), let it make its database and settings, write a letter
   into that database, install the new package over it, reopen, and check the letter and
   settings came through (the database migrated, a backup made first);
4. purge the package: nothing it installed is left, and the user's data folder is exactly
   as it was.

The pristine root is cached as a tar file (``$SIRT_DESKTOP_DIST_CACHE``, by default
~/.cache/sirt-desktop-dist) for a week, and unpacked anew for every run, so a run never sees
what an earlier one left. The previous release's .deb is cached there too, by commit.
Needs root (chroot, mount) and debootstrap, Xvfb and xdotool (scripts/install-system-deps.sh --dist).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "dist-check"
CACHE = Path(os.environ.get("SIRT_DESKTOP_DIST_CACHE", Path.home() / ".cache" / "sirt-desktop-dist"))
MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")
SUITE = "bookworm"
CACHE_DAYS = 7
USER = "patient"
HOME = f"/home/{USER}"
PACKAGE = "sirt-desktop"
SCREEN = (1280, 800)
POSTCODE = "SO51 7AA"
PREVIOUS = ROOT / "packaging" / "previous-release.txt"

TIMES: dict[str, float] = {}


class CheckFailed(SystemExit):
    pass


def fail(message: str) -> None:
    raise CheckFailed(f"dist-check FAILED: {message}")


@contextlib.contextmanager
def step(name: str) -> Iterator[None]:
    print(f"== {name}", flush=True)
    start = time.monotonic()
    yield
    TIMES[name] = time.monotonic() - start
    print(f"   ({TIMES[name]:.1f} s)", flush=True)


def sh(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("check", True)
    return subprocess.run(cmd, **kwargs)


# The pristine root ------------------------------------------------------------------------------
def pristine_tarball() -> Path:
    arch = sh(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    tarball = CACHE / f"{SUITE}-minbase-{arch}.tar"
    if tarball.is_file() and time.time() - tarball.stat().st_mtime < CACHE_DAYS * 86400:
        print(f"   cached root: {tarball} (made {time.ctime(tarball.stat().st_mtime)})")
        return tarball
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        target = Path(tmp) / "root"
        sh(["debootstrap", "--variant=minbase", SUITE, str(target), MIRROR], stdout=subprocess.DEVNULL)
        partial = Path(tmp) / "root.tar"
        sh(["tar", "-C", str(target), "-cf", str(partial), "."])
        partial.replace(tarball)
    return tarball


class Root:
    """A fresh copy of the pristine root with /proc, /dev and the X socket folder mounted."""

    def __init__(self, tarball: Path, path: Path):
        self.tarball, self.path = tarball, path
        self.mounts: list[Path] = []

    def __enter__(self) -> Root:
        self._unmount_all()
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        sh(["tar", "-C", str(self.path), "-xf", str(self.tarball)])
        shutil.copyfile("/etc/resolv.conf", self.path / "etc" / "resolv.conf")
        self._mount(["-t", "proc", "proc"], self.path / "proc")
        self._mount(["--bind", "/dev"], self.path / "dev")
        (self.path / "tmp" / ".X11-unix").mkdir(parents=True, exist_ok=True)
        self._mount(["--bind", "/tmp/.X11-unix"], self.path / "tmp" / ".X11-unix")
        self.run(["useradd", "--create-home", "--shell", "/bin/bash", USER])
        return self

    def _mount(self, args: list[str], where: Path) -> None:
        sh(["mount", *args, str(where)])
        self.mounts.append(where)

    def _unmount_all(self) -> None:
        for where in reversed(self.mounts):
            subprocess.run(["umount", "-l", str(where)], check=False)
        self.mounts.clear()
        # Also anything an interrupted earlier run left mounted under this root.
        for line in reversed(Path("/proc/mounts").read_text().splitlines()):
            where = line.split()[1]
            if where.startswith(str(self.path) + "/"):
                subprocess.run(["umount", "-l", where], check=False)

    def __exit__(self, *exc) -> None:
        self._unmount_all()

    def run(
        self,
        cmd: list[str],
        user: bool = False,
        env: dict[str, str] | None = None,
        check: bool = True,
        timeout: float = 600,
        **kwargs,
    ) -> subprocess.CompletedProcess:
        base_env = {"PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"}
        if user:
            base_env |= {"HOME": HOME, "USER": USER, "XDG_RUNTIME_DIR": f"/tmp/runtime-{USER}"}
        else:
            base_env |= {"HOME": "/root", "DEBIAN_FRONTEND": "noninteractive"}
        base_env |= env or {}
        prefix = ["chroot"] + ([f"--userspec={USER}:{USER}"] if user else []) + [str(self.path)]
        envs = ["/usr/bin/env", "-i", *[f"{k}={v}" for k, v in base_env.items()]]
        return subprocess.run(prefix + envs + cmd, check=check, timeout=timeout, **kwargs)

    def out(self, cmd: list[str], **kwargs) -> str:
        result = self.run(cmd, capture_output=True, text=True, check=False, **kwargs)
        if result.returncode != 0:
            fail(f"{' '.join(cmd)} exited {result.returncode}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
        return result.stdout

    def host(self, inside: str) -> Path:
        return self.path / inside.lstrip("/")

    def apt_install(self, deb: Path) -> None:
        dest = self.host(f"/tmp/{deb.name}")
        shutil.copyfile(deb, dest)
        self.out(["apt-get", "install", "-y", "-q", "--no-install-recommends", f"/tmp/{deb.name}"])


# The X server on the host ------------------------------------------------------------------------
@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp", "-ac"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as fh:
            number = fh.readline().strip()
        if not number:
            fail("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


# Checks --------------------------------------------------------------------------------------------
def tree_digest(path: Path) -> dict[str, str]:
    """Every file under ``path`` with its SHA-256 (the user's data, to prove it untouched)."""
    digest = {}
    for item in sorted(path.rglob("*")):
        if item.is_file() and not item.is_symlink():
            digest[item.relative_to(path).as_posix()] = hashlib.sha256(item.read_bytes()).hexdigest()
    return digest


def check_headless(root: Root, version: str) -> None:
    out = root.out([PACKAGE, "--version"], user=True)
    if not out.startswith(f"SIRT Desktop {version}") or "Qt 6." not in out or "Bundled data:" not in out:
        fail(f"--version said:\n{out}")
    print("   " + out.splitlines()[0])

    out = root.out([f"{PACKAGE}-cli", "lookup", "--json", POSTCODE], user=True)
    found = json.loads(out.splitlines()[0])
    if found["status"] != "found" or not found["candidates"][0]["mp"]["name"]:
        fail(f"lookup {POSTCODE} said: {out}")
    print(f"   lookup {POSTCODE}: {found['candidates'][0]['constituency']}, {found['candidates'][0]['mp']['name']}")

    shutil.copyfile(ROOT / "examples" / "mp_campaign.json", root.host("/tmp/letter.json"))
    root.out([PACKAGE, "letter", "--data", "/tmp/letter.json", "--out", f"{HOME}/letter.pdf"], user=True)
    pdf = root.host(f"{HOME}/letter.pdf")
    info = sh(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    text = sh(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    expected = json.loads((ROOT / "examples" / "mp_campaign.json").read_text(encoding="utf-8"))
    if "Pages:" not in info or expected["sender"]["name"].split()[-1] not in text:
        fail(f"the rendered letter is not right:\n{info}\n{text[:500]}")
    fonts = sh(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    if "DejaVuSans" not in fonts:
        fail(f"the letter does not embed the shipped font:\n{fonts}")
    pages = re.search(r"Pages:\s+(\d+)", info).group(1)
    print(f"   letter: {pdf.stat().st_size} bytes, {pages} page(s), DejaVu Sans embedded")


def run_window(root: Root, display: str | None, seconds: float = 6.0, shot: Path | None = None) -> dict:
    """Open the window for a few seconds; on X, check where the first start puts it."""
    env = {"QT_QPA_PLATFORM": "offscreen"} if display is None else {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    proc = subprocess.Popen(
        [
            "chroot",
            f"--userspec={USER}:{USER}",
            str(root.path),
            "/usr/bin/env",
            "-i",
            f"HOME={HOME}",
            "PATH=/usr/bin:/bin",
            "LANG=C.UTF-8",
            *[f"{k}={v}" for k, v in env.items()],
            PACKAGE,
            "--no-crash-dialog",
            "--quit-after-ms",
            str(int(seconds * 1000)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    geometry: dict = {}
    try:
        if display is not None:
            xenv = dict(os.environ, DISPLAY=display)
            deadline = time.monotonic() + 60
            window = ""
            while time.monotonic() < deadline and proc.poll() is None and not window:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", "^SIRT Desktop$"],
                    capture_output=True,
                    text=True,
                    env=xenv,
                )
                window = found.stdout.split()[0] if found.stdout.split() else ""
                time.sleep(0.2)
            if not window:
                fail(f"no SIRT Desktop window appeared on {display}")
            info = subprocess.run(["xwininfo", "-id", window], capture_output=True, text=True, env=xenv).stdout
            geometry = {
                k: int(re.search(rf"{pattern}:\s+(-?\d+)", info).group(1))
                for k, pattern in (
                    ("x", "Absolute upper-left X"),
                    ("y", "Absolute upper-left Y"),
                    ("w", "Width"),
                    ("h", "Height"),
                )
            }
            if shot is not None and shutil.which("import"):
                time.sleep(2)  # for the picture only: let the first screen paint
                subprocess.run(["import", "-window", "root", str(shot)], env=xenv, check=False)
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
    if proc.returncode != 0:
        fail(f"the window exited {proc.returncode} ({'offscreen' if display is None else 'X11'}):\n{err[-3000:]}")
    if geometry:
        w, h = SCREEN
        fits = geometry["w"] <= w and geometry["h"] <= h and geometry["x"] >= 0 and geometry["y"] >= 0
        centred = (
            abs(geometry["x"] + geometry["w"] / 2 - w / 2) <= 2 and abs(geometry["y"] + geometry["h"] / 2 - h / 2) <= 2
        )
        if not (fits and centred):
            fail(f"first start window {geometry} does not fit and sit centred on a {w}x{h} screen")
        print(
            f"   window on X: {geometry['w']}x{geometry['h']} at {geometry['x']},{geometry['y']} (centred on {w}x{h})"
        )
    return geometry


def data_folders(root: Root) -> dict[str, Path]:
    return {
        "data": root.host(f"{HOME}/.local/share/{PACKAGE}"),
        "config": root.host(f"{HOME}/.config/{PACKAGE}"),
    }


def check_first_start_folders(root: Root) -> None:
    folders = data_folders(root)
    db = folders["data"] / "sirt-desktop.sqlite3"
    if not db.is_file() or not (folders["config"] / "settings.json").is_file():
        fail(f"first start did not make the platform's folders: {sorted(str(p) for p in folders.values())}")
    mode = folders["data"].stat().st_mode & 0o777
    if mode != 0o700:
        fail(f"the data folder is {oct(mode)}, not owner-only")
    print(f"   first start made ~/.local/share/{PACKAGE} (mode 700) and ~/.config/{PACKAGE}/settings.json")


def owned_paths(root: Root) -> list[str]:
    return [p for p in root.out(["dpkg-query", "-L", PACKAGE]).splitlines() if p.strip() and p != "/."]


def check_purged(root: Root, owned: list[str], user_before: dict[str, str]) -> None:
    root.out(["apt-get", "purge", "-y", "-q", PACKAGE])
    left = [p for p in owned if os.path.lexists(root.host(p)) and not root.host(p).is_dir()]
    left += [p for p in (f"/opt/{PACKAGE}", f"/usr/share/doc/{PACKAGE}") if os.path.lexists(root.host(p))]
    status = root.run(["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True, check=False)
    if status.returncode == 0 and "not-installed" not in status.stdout:
        left.append(f"dpkg still lists the package: {status.stdout}")
    stray = subprocess.run(
        [
            "find",
            str(root.path),
            "-xdev",
            "(",
            "-path",
            str(root.host(HOME)),
            "-o",
            "-path",
            str(root.host("/tmp")),
            "-o",
            "-path",
            str(root.host("/proc")),
            "-o",
            "-path",
            str(root.host("/dev")),
            ")",
            "-prune",
            "-o",
            "-iname",
            "*sirt*",
            "-print",
        ],
        capture_output=True,
        text=True,
    ).stdout.split()
    left += [s.removeprefix(str(root.path)) for s in stray if not s.endswith((".deb",))]
    if left:
        fail("left behind after purge:\n  " + "\n  ".join(left[:30]))
    after = tree_digest(root.host(HOME))
    if after != user_before:
        changed = sorted(set(after.items()) ^ set(user_before.items()))
        fail(f"the user's folder changed when the package was removed: {changed[:10]}")
    print(f"   purged: none of its {len(owned)} paths left; the user's {len(after)} files untouched")


# Upgrade safety ------------------------------------------------------------------------------------
def previous_release() -> tuple[str, str]:
    """(commit, schema head) of the release the upgrade check starts from."""
    fields = dict(
        line.split("=", 1)
        for line in PREVIOUS.read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )
    return fields["commit"].strip(), fields["schema"].strip()


def build_previous_deb(commit: str) -> Path:
    """The previous release as a .deb, built from its commit with today's spec and venv (cached)."""
    constraints = hashlib.sha256((ROOT / "constraints.txt").read_bytes()).hexdigest()[:12]
    cached = CACHE / f"previous-{commit[:12]}-{constraints}.deb"
    if cached.is_file():
        print(f"   cached previous release: {cached.name}")
        return cached
    work = ROOT / "build" / "previous"
    shutil.rmtree(work, ignore_errors=True)
    src = work / "src"
    src.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True).stdout
    sh(["tar", "-C", str(src), "-x"], input=archive)
    python = ROOT / ".venv-dist" / "bin" / "python"
    stamp = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%cd.%h", "--date=format:%Y%m%d", commit],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    old_version = re.search(r'__version__ = "([^"]+)"', (src / "sirt_desktop" / "__init__.py").read_text()).group(1)
    # "~" sorts before the release itself: 0.1.0~git20261122.3325b27 < 0.1.0.
    version = f"{old_version}~git{stamp}"
    sh(
        [
            str(python),
            str(ROOT / "scripts" / "build_dist.py"),
            "--source",
            str(src),
            "--dist",
            str(work / "dist"),
            "--work",
            str(work / "build"),
        ]
    )
    sh(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_deb.py"),
            "--bundle",
            str(work / "dist" / PACKAGE),
            "--icons",
            str(work / "build" / "icons"),
            "--out",
            str(work),
            "--work",
            str(work / "deb"),
            "--version",
            version,
        ]
    )
    deb = next(work.glob(f"{PACKAGE}_*.deb"))
    CACHE.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(deb, cached)
    return cached


def write_letter_in_old_schema(db: Path, schema: str) -> str:
    """A letter saved into the database the previous release made, through that schema's own
    tables (its columns read from the file, as the migration fixtures are written). The frozen
    previous release has no headless command that saves a letter."""
    body = "Annwyl Jane,\n\nI wrote this before the upgrade. Siân Llŵyd — “SIRT” ✓"
    con = sqlite3.connect(db)
    try:
        head = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        if not head.startswith(schema):
            fail(f"the previous release made a database at schema {head}, not {schema}")
        columns = {row[1]: row for row in con.execute("PRAGMA table_info(letters)")}
        values = {
            "kind": "mp_campaign",
            "status": "draft",
            "recipient_name": "Jane Smith MP",
            "subject": "Before the upgrade",
            "body": body,
            "data_json": "{}",
            "created_at": "2026-11-20 10:00:00.000000",
            "updated_at": "2026-11-20 10:05:00.000000",
        }
        for name, (_cid, _n, _type, notnull, default, _pk) in columns.items():
            if name not in values and notnull and default is None and name != "id":
                values[name] = "" if "CHAR" in _type.upper() or "TEXT" in _type.upper() else 0
        values = {k: v for k, v in values.items() if k in columns}
        con.execute(
            f"INSERT INTO letters ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})", list(values.values())
        )
        con.commit()
    finally:
        con.close()
    return body


def check_upgrade(root: Root, new_deb: Path, previous_deb: Path, schema: str, display: str) -> None:
    root.apt_install(previous_deb)
    old_version = root.out(["dpkg-query", "-W", "-f=${Version}", PACKAGE]).strip()
    run_window(root, display=None, seconds=4)  # makes the database (migrated by its own Alembic) and settings
    folders = data_folders(root)
    db = folders["data"] / "sirt-desktop.sqlite3"
    body = write_letter_in_old_schema(db, schema)
    settings_file = folders["config"] / "settings.json"
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    settings["text_scale"] = 150  # the person made the text bigger
    settings_file.write_text(json.dumps(settings), encoding="utf-8")
    sh(["chown", "--reference", str(folders["config"]), str(settings_file)])

    root.apt_install(new_deb)
    new_version = root.out(["dpkg-query", "-W", "-f=${Version}", PACKAGE]).strip()
    if sh(["dpkg", "--compare-versions", new_version, "gt", old_version], check=False).returncode != 0:
        fail(f"{new_version} does not upgrade {old_version}")
    run_window(root, display=display, seconds=5)  # reopen: the database migrates at start-up
    root.out([PACKAGE, "data", "export", f"{HOME}/export.zip"], user=True)
    with zipfile.ZipFile(root.host(f"{HOME}/export.zip")) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".json"))
        exported = json.loads(archive.read(name))
    letters = [letter for letter in exported.get("letters", []) if letter.get("body") == body]
    if not letters:
        fail(f"the letter written before the upgrade is not in the export ({len(exported.get('letters', []))} letters)")
    con = sqlite3.connect(db)
    head = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    newest = max(p.name[:4] for p in (ROOT / "sirt_desktop").glob("**/migrations/versions/0*.py"))
    if not head.startswith(newest):
        fail(f"the database is at schema {head} after the upgrade, not {newest}")
    backups = list((folders["data"] / "backups").glob("*.sqlite3"))
    if newest != schema and not backups:
        fail("no backup was made before the database was upgraded")
    after = json.loads(settings_file.read_text(encoding="utf-8"))
    if after.get("text_scale") != 150:
        fail(f"the text size set before the upgrade was lost: {after.get('text_scale')}")
    print(
        f"   {old_version} -> {new_version}: the letter is there, schema {schema} -> {head} "
        f"({'backup ' + backups[0].name if backups else 'no migration needed'}), text size kept"
    )


# lintian tags that are expected and say nothing about the package's quality: Debian 12's lintian
# does not know zstd members yet (dpkg 1.21 and apt install them), and a local build has no
# maintainer address until DEB_MAINTAINER is set for a release (docs/release.md).
LINTIAN_EXPECTED = {"malformed-deb-archive"}
LINTIAN_EXPECTED_LOCAL = {"bogus-mail-host", "bogus-mail-host-in-debian-changelog"}


def check_lintian(deb: Path) -> None:
    result = subprocess.run(["lintian", "--tag-display-limit", "0", str(deb)], capture_output=True, text=True)
    expected = LINTIAN_EXPECTED | (set() if os.environ.get("DEB_MAINTAINER") else LINTIAN_EXPECTED_LOCAL)
    found = [line for line in result.stdout.splitlines() if re.match(r"[EW]: ", line)]
    unexpected = [line for line in found if line.split()[2] not in expected]
    if unexpected:
        fail("lintian:\n  " + "\n  ".join(unexpected))
    print(f"   lintian: no errors or warnings beyond the expected {sorted({line.split()[2] for line in found})}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", type=Path, help="the package to check (default: the newest in dist/)")
    parser.add_argument("--previous-deb", type=Path, help="the previous release's package (default: build it)")
    parser.add_argument("--no-upgrade", action="store_true", help="skip the upgrade check")
    parser.add_argument("--no-lintian", action="store_true", help="skip lintian (about a minute)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        fail("needs root (chroot and mount): sudo make dist-check")
    tools = ["debootstrap", "Xvfb", "xdotool", "xwininfo", "pdfinfo", "pdftotext", "pdffonts"]
    for tool in tools + ([] if args.no_lintian else ["lintian"]):
        if shutil.which(tool) is None:
            fail(f"{tool} is missing: bash scripts/install-system-deps.sh --dist")
    deb = args.deb or max((ROOT / "dist").glob(f"{PACKAGE}_*.deb"), key=lambda p: p.stat().st_mtime, default=None)
    if deb is None or not deb.is_file():
        fail("no .deb in dist/: run make dist first")
    version = sh(["dpkg-deb", "--field", str(deb), "Version"], capture_output=True, text=True).stdout.strip()
    upstream = version.rsplit("-", 1)[0]
    total = time.monotonic()
    WORK.mkdir(parents=True, exist_ok=True)

    with step("bare Debian 12 root (debootstrap --variant=minbase; cached for a week)"):
        tarball = pristine_tarball()
    previous = None
    if not args.no_upgrade:
        commit, schema = previous_release()
        with step(f"previous release ({commit[:12]}, schema {schema})"):
            previous = args.previous_deb or build_previous_deb(commit)

    with xvfb() as display, Root(tarball, WORK / "root") as root:
        with step(f"install {deb.name} ({deb.stat().st_size / 1e6:.1f} MB) with apt, Depends only"):
            before = set(root.out(["dpkg-query", "-W", "-f=${Package}\\n"]).split())
            root.out(["apt-get", "update", "-q"])
            root.apt_install(deb)
            added = set(root.out(["dpkg-query", "-W", "-f=${Package}\\n"]).split()) - before - {PACKAGE}
            print(f"   apt added {len(added)} packages from Depends")
        with step("as a user: --version, lookup, letter to PDF (no display)"):
            check_headless(root, upstream)
        with step("as a user: the window offscreen, then on X11"):
            run_window(root, display=None)
            check_first_start_folders(root)
            run_window(root, display=display, shot=WORK / "window.png")
        with step("purge: nothing left, the user's data untouched"):
            owned = owned_paths(root)
            check_purged(root, owned, tree_digest(root.host(HOME)))
        if previous is not None:
            with step("upgrade: previous release, a letter, this package over it, reopen"):
                shutil.rmtree(root.host(HOME))  # a person who never had the app
                root.host(HOME).mkdir()
                root.run(["chown", f"{USER}:{USER}", HOME])
                check_upgrade(root, deb, previous, schema, display)
                owned = owned_paths(root)
                check_purged(root, owned, tree_digest(root.host(HOME)))

    if not args.no_lintian:
        with step("lintian"):
            check_lintian(deb)
    shutil.rmtree(WORK / "root", ignore_errors=True)  # kept only when a check failed, to look into
    TIMES["total"] = time.monotonic() - total
    print("\ndist-check passed. Times (s): " + ", ".join(f"{k}: {v:.0f}" for k, v in TIMES.items()))
    (WORK / "times.json").write_text(json.dumps({k: round(v, 1) for k, v in TIMES.items()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

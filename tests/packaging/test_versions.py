"""One version everywhere a release names it, and one app id."""

from __future__ import annotations

import configparser
import re
from xml.etree import ElementTree

import sirt_desktop
from tests.packaging.conftest import REPO

LINUX = REPO / "packaging" / "linux"


def test_metainfo_lists_this_release():
    tree = ElementTree.parse(LINUX / f"{sirt_desktop.APP_ID}.metainfo.xml")
    assert tree.getroot().findtext("id") == sirt_desktop.APP_ID
    newest = tree.getroot().find("releases/release")
    assert newest is not None and newest.get("version") == sirt_desktop.__version__


def test_changelog_has_this_release_first():
    """The newest version heading below [Unreleased] is this version; once it has a date, the
    metainfo gives the same one."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](.*)$", text, flags=re.M)
    released = [(name, rest) for name, rest in headings if name != "Unreleased"]
    assert released and released[0][0] == sirt_desktop.__version__
    metainfo = ElementTree.parse(LINUX / f"{sirt_desktop.APP_ID}.metainfo.xml").getroot()
    date = metainfo.find("releases/release").get("date")
    when = released[0][1]
    assert "not yet released" in when or date in when, (
        f"CHANGELOG.md gives {when.strip()!r} for {sirt_desktop.__version__}; the metainfo says {date}"
    )


def test_inno_setup_default_version_and_app():
    iss = (REPO / "packaging" / "windows" / "sirt-desktop.iss").read_text(encoding="utf-8")
    assert re.search(r'#define AppVersion "([^"]+)"', iss).group(1) == sirt_desktop.__version__
    assert re.search(r'#define AppName "([^"]+)"', iss).group(1) == sirt_desktop.APP_NAME
    assert "dist\\sirt-desktop\\*" in iss and "sirt-desktop.ico" in iss


def test_desktop_entry_names_the_app():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / f"{sirt_desktop.APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == sirt_desktop.APP_ID
    assert desktop["Exec"].split()[0] == "sirt-desktop"
    assert desktop["Terminal"] == "false"


def test_spec_and_package_agree(bundle_rules):
    assert bundle_rules.BUNDLE_ID == sirt_desktop.APP_ID
    assert bundle_rules.APP_NAME == sirt_desktop.APP_NAME
    script = (REPO / "packaging" / "macos" / "make-dmg.sh").read_text(encoding="utf-8")
    assert f'APP="dist/{sirt_desktop.APP_NAME}.app"' in script


def test_previous_release_is_older_and_named_by_commit():
    fields = dict(
        line.split("=", 1)
        for line in (REPO / "packaging" / "previous-release.txt").read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert re.fullmatch(r"[0-9a-f]{40}", fields["commit"])
    versions = sorted(
        p.name[:4] for p in (REPO / "sirt_desktop" / "core" / "db" / "migrations" / "versions").glob("0*.py")
    )
    assert fields["schema"] in versions and fields["schema"] <= versions[-1], (
        "the previous release's schema cannot be newer than this release's newest migration"
    )


def _appstream_validate(path):
    import shutil
    import subprocess

    import pytest

    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli not installed (scripts/install-system-deps.sh --test)")
    return subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(path)], capture_output=True, text=True
    )


def test_packaged_metainfo_is_valid_with_and_without_a_screenshot(tmp_path, monkeypatch):
    from tests.packaging.conftest import load

    build_deb = load("build_deb", REPO / "scripts" / "build_deb.py")
    monkeypatch.delenv(build_deb.SCREENSHOT_ENV, raising=False)
    plain = tmp_path / "plain.metainfo.xml"
    build_deb.metainfo(plain, sirt_desktop.__version__)
    result = _appstream_validate(plain)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ElementTree.parse(plain).getroot().find("screenshots") is None

    monkeypatch.setenv(build_deb.SCREENSHOT_ENV, "https://downloads.example.org/sirt-desktop/0.1.0/screenshot.png")
    shot = tmp_path / "shot.metainfo.xml"
    build_deb.metainfo(shot, sirt_desktop.__version__)
    result = _appstream_validate(shot)
    assert result.returncode == 0, result.stdout + result.stderr
    image = ElementTree.parse(shot).getroot().find("screenshots/screenshot/image")
    assert image is not None and image.text.endswith("screenshot.png")

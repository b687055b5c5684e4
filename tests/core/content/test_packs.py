"""Content packs: whole-pack checks, safe installs, and the CLI import."""

from __future__ import annotations

import json
import os
import re
import stat
import zipfile
from pathlib import Path

import pytest

from sirt_desktop.core import paths
from sirt_desktop.core.content import store as content
from sirt_desktop.core.content.packs import (
    MAX_FILE_BYTES,
    build_pack,
    install_pack,
    validate_pack,
)
from tests.cli.run import cli

SHIPPED_FILES = content.read_content_dir(content.shipped_root())


@pytest.fixture(autouse=True)
def _fresh_content():
    content.reload_content()
    yield
    content.reload_content()


def make_pack(
    tmp_path: Path, version=2, when="2026-12-01", changes=None, extra=None, name="pack.zip", folder=""
) -> Path:
    """A pack from the shipped files, with some files changed (None removes one) or added."""
    files = dict(SHIPPED_FILES)
    files["manifest.json"] = json.dumps({"version": version, "date": when}).encode()
    for key, value in (changes or {}).items():
        if value is None:
            files.pop(key, None)
        else:
            files[key] = value.encode() if isinstance(value, str) else value
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for key, value in files.items():
            archive.writestr(folder + key, value)
        for info, value in extra or []:
            archive.writestr(info, value)
    return path


def snapshot() -> dict[str, int]:
    base = paths.content_override_dir()
    return {str(p.relative_to(base)): p.stat().st_size for p in base.rglob("*")}


def retitle(page_id: str, new_title: str) -> str:
    text = SHIPPED_FILES[f"{page_id}.md"].decode()
    old = next(line for line in text.split("\n") if line.startswith("title: "))
    return text.replace(old, f"title: {new_title}", 1)


def test_shipped_content_is_used_when_no_pack_is_installed():
    assert content.active_content().origin == "shipped"
    assert content.content_version() == "1"


def test_good_pack_installs_and_is_used(tmp_path):
    pack = make_pack(tmp_path, changes={"support.md": retitle("support", "Help and support")})
    report = validate_pack(pack)
    assert report.ok, report.problems
    result = install_pack(pack)
    assert result.installed, result.report.problems
    assert content.active_content().origin == "pack"
    assert content.get_page("support").title == "Help and support"
    assert content.content_version() == "2"
    assert not any(p.name.startswith(".incoming") for p in paths.content_override_dir().iterdir())


def test_pack_inside_one_folder_and_semver_versions_work(tmp_path):
    assert install_pack(make_pack(tmp_path, version="1.5.0", folder="content-1.5/")).installed
    assert content.content_version() == "1.5.0"
    assert install_pack(make_pack(tmp_path, version=2, name="b.zip")).installed
    assert content.content_version() == "2"
    assert len(list(paths.content_override_dir().glob("pack-*"))) == 1  # the older pack was tidied away


def test_older_or_same_pack_is_refused_and_changes_nothing(tmp_path):
    assert install_pack(make_pack(tmp_path, version=3)).installed
    before = snapshot()
    for version in (2, 3, "1.0.0"):
        result = install_pack(make_pack(tmp_path, version=version, name=f"v{version}.zip"))
        assert not result.installed
        assert any("only a newer version" in p for p in result.report.problems)
    assert snapshot() == before
    assert content.content_version() == "3"


def test_pack_not_newer_than_shipped_is_refused(tmp_path):
    result = install_pack(make_pack(tmp_path, version=1))
    assert not result.installed and snapshot() == {}


def test_bad_pack_lists_every_problem_and_changes_nothing(tmp_path):
    broken_link = SHIPPED_FILES["side-effects.md"].decode().replace("(app:checklist)", "(page:nowhere)")
    broken_link += "\nSee [this](app:self-destruct).\n"
    no_sources = SHIPPED_FILES["support.md"].decode()
    header_end = no_sources.index("\n---\n", 4)
    start = no_sources.index("sources:")
    no_sources = no_sources[:start] + "order2: 5" + no_sources[header_end:]
    no_summary = "\n".join(
        line for line in SHIPPED_FILES["funding.md"].decode().split("\n") if not line.startswith("summary:")
    )
    pack = make_pack(
        tmp_path,
        changes={
            "side-effects.md": broken_link,
            "support.md": no_sources,
            "funding.md": no_summary,
            "glossary.json": None,
        },
        extra=[
            ("../evil.md", b"gotcha"),
            ("images/huge.svg", b"<svg/>" + b" " * (MAX_FILE_BYTES + 10)),
            ("run.exe", b"MZ"),
        ],
    )
    before = snapshot()
    result = install_pack(pack)
    assert not result.installed
    problems = "\n".join(result.report.problems)
    for expected in (
        "../evil.md: paths that leave the pack",
        "images/huge.svg: too large",
        "run.exe: unexpected file",
        "glossary.json is missing",
        "side-effects.md: link to missing page 'nowhere'",
        "side-effects.md: link to unknown app target 'self-destruct'",
        "support.md: line",
        "support.md: 'sources' is missing",
        "funding.md: 'summary' is missing",
    ):
        assert expected in problems, expected
    assert snapshot() == before
    assert content.active_content().origin == "shipped"
    assert not (tmp_path / "evil.md").exists() and not (tmp_path.parent / "evil.md").exists()


@pytest.mark.parametrize(
    "bad_name", ["../evil.md", "/etc/evil.md", "images/../../evil.md", "C:/evil.md", "a\\..\\evil.md"]
)
def test_paths_outside_the_pack_are_refused(tmp_path, bad_name):
    result = install_pack(make_pack(tmp_path, extra=[(bad_name, b"x")]))
    assert not result.installed
    assert any("not allowed" in p for p in result.report.problems)
    assert snapshot() == {}


def test_symlinks_are_refused(tmp_path):
    info = zipfile.ZipInfo("images/link.svg")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    result = install_pack(make_pack(tmp_path, extra=[(info, "/etc/passwd")]))
    assert not result.installed
    assert any("symlinks" in p for p in result.report.problems)


def test_review_date_too_far_ahead_and_stale_newest_fact_are_refused(tmp_path):
    text = re.sub(r"(?m)^next_review: .*$", "next_review: 2028-01-14", SHIPPED_FILES["what-is-sirt.md"].decode())
    funding = re.sub(r"(?m)^newest_fact: .*$", "newest_fact: 2026-09-01", SHIPPED_FILES["funding.md"].decode())
    assert "2028-01-14" in text and "2026-09-01" in funding
    report = validate_pack(make_pack(tmp_path, changes={"what-is-sirt.md": text, "funding.md": funding}))
    assert any("what-is-sirt.md: 'next_review' must be within 12 months" in p for p in report.problems)
    assert any(
        "funding.md: the first line must give the newest fact's date ('1 September 2026')" in p for p in report.problems
    )


def test_bad_svg_and_missing_image_are_refused(tmp_path):
    report = validate_pack(
        make_pack(
            tmp_path,
            changes={
                "images/sirt-diagram.svg": "<svg xmlns='http://www.w3.org/2000/svg'><style>x{}</style></svg>",
                "support.md": SHIPPED_FILES["support.md"].decode() + "\n![A picture](images/gone.svg)\n",
            },
        )
    )
    assert any("<style> is not allowed" in p for p in report.problems)
    assert any("image 'images/gone.svg' is missing" in p for p in report.problems)


def test_not_a_zip_and_missing_file(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    assert "not a readable ZIP" in validate_pack(junk).problems[0]
    assert "was not found" in validate_pack(tmp_path / "absent.zip").problems[0]


def test_broken_installed_pack_is_ignored():
    folder = paths.content_override_dir() / "pack-9-0-0-2027-01-01"
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text('{"version": 9, "date": "2027-01-01"}')
    assert content.active_content().origin == "shipped"
    assert any(problems for _f, c, problems in content.installed_packs() if c is None)


def test_cli_import_success_and_failure(tmp_path):
    ran = cli("content", "import", str(make_pack(tmp_path)))
    out, err = ran.out, ran.err
    assert ran.code == 0
    assert "Installed patient information version 2, dated 1 December 2026" in out
    assert err == ""

    bad = make_pack(tmp_path, version=5, name="bad.zip", extra=[("../evil.md", b"x")], changes={"checklist.json": None})
    ran = cli("content", "import", bad)
    assert ran.code == 1
    text = ran.err
    assert "not installed. Nothing has changed." in text and "2 problems found:" in text
    assert "  - ../evil.md" in text and "  - checklist.json is missing" in text
    assert "Traceback" not in text and ran.out == ""


def test_cli_import_of_missing_or_unreadable_file_never_tracebacks(tmp_path):
    ran = cli("content", "import", str(tmp_path / "nope.zip"))
    _out, err = ran.out, ran.err
    assert ran.code == 1
    assert "was not found" in err and "Traceback" not in err
    folder = tmp_path / "a-folder.zip"
    folder.mkdir()
    assert cli("content", "import", folder).code == 1


def test_build_pack_script_output_installs(tmp_path):
    import importlib.util

    script = Path(__file__).resolve().parents[3] / "scripts" / "build_content_pack.py"
    spec = importlib.util.spec_from_file_location("build_content_pack", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "dist" / "content-2.zip"
    assert module.main(["--version", "2", "--date", "2026-12-01", "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("manifest.json"))["date"] == "2026-12-01"
        assert "images/sirt-diagram.svg" in archive.namelist()
    assert install_pack(out).installed


def test_build_pack_function_writes_manifest(tmp_path):
    out = build_pack(content.shipped_root(), tmp_path / "p.zip", "1.2.3", "2027-01-01")
    assert validate_pack(out).manifest.version == (1, 2, 3)
    assert os.path.getsize(out) > 1000


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_installed_pack_is_owner_only(tmp_path):
    result = install_pack(make_pack(tmp_path))
    assert result.installed
    assert result.folder is not None
    for path in [result.folder, *result.folder.rglob("*")]:
        assert path.stat().st_mode & 0o077 == 0, path


@pytest.mark.parametrize(
    "version, when, words",
    [
        (10**30, "2026-12-01", "not a real version"),
        ("1.99999.0", "2026-12-01", "not a real version"),
        (2, "2999-01-01", "more than a year ahead"),
    ],
)
def test_a_version_or_date_that_would_block_later_updates_is_refused(tmp_path, version, when, words):
    report = validate_pack(make_pack(tmp_path, version=version, when=when))
    assert not report.ok and any(words in p for p in report.problems)


@pytest.mark.parametrize(
    "markup, words",
    [
        ('<img src="file:///etc/passwd">', "raw HTML"),
        ('<a href="smb://198.51.100.7/share">notes</a>', "raw HTML"),
        ("See <file:///etc/passwd> for more.", "file:"),
        ("Read [this][1].\n\n[1]: file:///home/someone/notes.txt", "file:"),
    ],
)
def test_raw_html_and_links_to_files_are_refused_in_pages(tmp_path, markup, words):
    page = SHIPPED_FILES["support.md"].decode() + "\n\n" + markup + "\n"
    report = validate_pack(make_pack(tmp_path, changes={"support.md": page}))
    assert not report.ok and any(words in p for p in report.problems), report.problems


def test_an_svg_image_with_a_plain_href_to_a_file_is_refused(tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd" width="1" height="1"/></svg>'
    svgs = [n for n in SHIPPED_FILES if n.startswith("images/") and n.endswith(".svg")]
    if not svgs:
        pytest.skip("no shipped SVG to replace")
    report = validate_pack(make_pack(tmp_path, changes={svgs[0]: svg}))
    assert not report.ok and any("outside links" in p for p in report.problems)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_name_twice_in_the_zip_is_refused(tmp_path):
    report = validate_pack(make_pack(tmp_path, extra=[("support.md", SHIPPED_FILES["support.md"])]))
    assert not report.ok and any("twice" in p for p in report.problems)


def test_a_folder_is_called_a_folder(tmp_path):
    report = validate_pack(tmp_path)
    assert report.problems == [f"{tmp_path} is a folder: give the pack's .zip file"]

"""pyproject.toml lists every package by hand (resources/ ships as sirt_desktop.resources, which
setuptools' package finder cannot map). A folder missing from that list would be left out of the
wheel, or installed with a deprecation warning; this test names it at once."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def listed_packages() -> set[str]:
    with open(REPO / "pyproject.toml", "rb") as f:
        return set(tomllib.load(f)["tool"]["setuptools"]["packages"])


def folders_that_ship() -> set[str]:
    found = set()
    for init in (REPO / "sirt_desktop").rglob("__init__.py"):
        found.add(".".join(init.parent.relative_to(REPO).parts))
    resources = REPO / "resources"
    found.add("sirt_desktop.resources")
    for folder in resources.rglob("*"):
        if folder.is_dir() and "__pycache__" not in folder.parts and any(p.is_file() for p in folder.iterdir()):
            found.add(".".join(("sirt_desktop", "resources", *folder.relative_to(resources).parts)))
    return found


def test_every_package_and_resource_folder_is_listed():
    assert folders_that_ship() - listed_packages() == set()


def test_nothing_listed_that_does_not_exist():
    assert listed_packages() - folders_that_ship() == set()

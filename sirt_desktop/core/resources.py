"""Access to the files shipped in ``resources/`` (installed as ``sirt_desktop.resources``).

Works the same from a source checkout, an editable install, a wheel and a frozen build.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sirt_desktop.resources as package  # type: ignore[import-not-found]  # resources/ ships as this package

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PACKAGE = "sirt_desktop.resources"


def root() -> Traversable:
    from importlib import resources as _ir  # noqa: PLC0415 (start-up: importlib.resources, about 14 ms)

    return _ir.files(PACKAGE)


@lru_cache(maxsize=1)
def _package_dir() -> Path | None:
    """The resources folder on disk (a checkout, a wheel, a frozen build), if it is one."""
    folder = Path(package.__file__).parent if getattr(package, "__file__", None) else None
    return folder if folder is not None and folder.is_dir() else None


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. ``resource("data", "mps.csv")``."""
    node = root()
    for part in parts:
        node = node / part
    return node


def resource_path(*parts: str) -> Path:
    """A real filesystem path to a shipped file (wheels and checkouts keep files on disk)."""
    folder = _package_dir()
    path = folder.joinpath(*parts) if folder is not None else Path(str(resource(*parts)))
    if not path.exists():
        raise FileNotFoundError(f"shipped resource missing: {'/'.join(parts)}")
    return path


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()


@lru_cache(maxsize=1)
def data_manifest() -> dict[str, Any]:
    """``resources/data/manifest.json``: each bundled data set with its date, source and licence.

    Returns ``{"datasets": []}`` when no data has been built, so ``--version`` still works.
    """
    node = resource("data", "manifest.json")
    if not node.is_file():
        return {"datasets": []}
    manifest: dict[str, Any] = json.loads(node.read_text(encoding="utf-8"))
    return manifest

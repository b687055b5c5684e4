"""Access to the files shipped in ``resources/`` (installed as ``sirt_desktop.resources``).

Works the same from a source checkout, an editable install, a wheel and a frozen build.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources as _ir
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "sirt_desktop.resources"


def root() -> Traversable:
    return _ir.files(PACKAGE)


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. ``resource("data", "mps.csv")``."""
    node = root()
    for part in parts:
        node = node / part
    return node


def resource_path(*parts: str) -> Path:
    """A real filesystem path to a shipped file (wheels and checkouts keep files on disk)."""
    node = resource(*parts)
    path = Path(str(node))
    if not path.exists():
        raise FileNotFoundError(f"shipped resource missing: {'/'.join(parts)}")
    return path


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()


@lru_cache(maxsize=1)
def data_manifest() -> dict:
    """``resources/data/manifest.json``: each bundled data set with its date, source and licence.

    Returns ``{"datasets": []}`` when no data has been built, so ``--version`` still works.
    """
    node = resource("data", "manifest.json")
    if not node.is_file():
        return {"datasets": []}
    return json.loads(node.read_text(encoding="utf-8"))

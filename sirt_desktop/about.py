"""What this copy of SIRT Desktop is: its version, what it runs on, and the date of each
bundled data set. Shared by ``sirt-desktop --version`` and the About box.

``importlib.metadata`` (about 40 ms) and Qt are imported inside ``version_report`` so that
importing this module costs nothing at start-up; Qt's version is read without creating an
application, so ``--version`` needs no display.
"""

from __future__ import annotations

import platform

from sirt_desktop import APP_NAME, __version__
from sirt_desktop.core.resources import data_manifest, resource


def version_report() -> str:
    """The app version, the versions it runs on, and the date of each bundled data set."""
    from importlib import metadata  # noqa: PLC0415 (start-up: importlib.metadata, about 40 ms)

    def dist_version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    lines = [f"{APP_NAME} {__version__}"]
    lines.append(f"Python {platform.python_version()}")
    # qVersion without creating an application or needing a display.
    try:
        from PySide6 import QtCore  # noqa: PLC0415 (start-up: Qt, only when asked)
        from PySide6 import __version__ as pyside_version  # noqa: PLC0415 (start-up: Qt, only when asked)

        lines.append(f"Qt {QtCore.qVersion()}")
        lines.append(f"PySide6 {pyside_version}")
    except ImportError as exc:  # pragma: no cover - only on a broken install
        lines.append(f"Qt unavailable ({exc})")
    lines.append(f"SQLAlchemy {dist_version('SQLAlchemy')}")
    lines.append(f"ReportLab {dist_version('reportlab')}")
    datasets = data_manifest().get("datasets", [])
    if datasets:
        lines.append("Bundled data:")
        for item in datasets:
            lines.append(f"  {item['title']}: as of {item['as_of']}")
    else:
        lines.append("Bundled data: none built (run scripts/build_data.py)")
    return "\n".join(lines)


def attributions() -> str:
    """Where the bundled data and fonts come from, and their licences (for the About box)."""
    parts = []
    for node in (resource("data", "ATTRIBUTION.md"), resource("fonts", "ATTRIBUTION.md")):
        if node.is_file():
            parts.append(node.read_text(encoding="utf-8"))
    return "\n\n".join(parts)

"""sirt_desktop.core must never import Qt: everything the GUI can do, core can do headless."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import sirt_desktop.core

CORE = Path(sirt_desktop.core.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "sirt_desktop.gui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_no_core_module_imports_qt_or_gui():
    offenders = []
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 5, "core package not found"
    for path in files:
        for name in _imports(path):
            if name.split(".")[0] in FORBIDDEN or name.startswith("sirt_desktop.gui"):
                offenders.append(f"{path.relative_to(CORE.parent)} imports {name}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    """Also catches Qt pulled in indirectly, through a dependency."""
    modules = sorted(
        "sirt_desktop." + ".".join(p.relative_to(CORE.parent).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "env.py"  # Alembic's env.py runs only inside Alembic
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr

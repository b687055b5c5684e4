"""What the window writes stays owner-only and inside the app's own folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter

from sirt_desktop.core import paths
from sirt_desktop.gui.app import create_application
from sirt_desktop.gui.printing import send_to_printer


def test_qts_own_settings_file_is_inside_the_app_folders(qapp):
    create_application()
    qt_settings = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    qt_settings.setValue("test/last-folder", "/somewhere")
    qt_settings.sync()
    where = Path(qt_settings.fileName())
    assert where.is_relative_to(paths.config_dir()), where
    assert where.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_print_to_file_is_owner_only(qapp, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "letter.pdf"
    printer.setOutputFileName(str(target))
    outcome = send_to_printer(b"%PDF-1.4 a letter %%EOF", printer)
    assert outcome.method == "file"
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_mode & 0o077 == 0

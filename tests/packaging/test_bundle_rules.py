"""What the frozen app collects and what it leaves out (packaging/pyinstaller/bundle.py),
checked here for every platform's file names, with no build needed."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import REPO


def tracked(folder: str) -> list[Path]:
    out = subprocess.run(["git", "ls-files", folder], cwd=REPO, capture_output=True, text=True, check=True)
    return [REPO / line for line in out.stdout.splitlines() if line]


def test_data_list_has_every_shipped_resource_and_every_migration(bundle_rules):
    datas = bundle_rules.data_files(pkg=REPO / "sirt_desktop", resources=REPO / "resources")
    collected = {Path(src).resolve(): dest for src, dest in datas}
    resources = [p for p in tracked("resources") if p.name != "__init__.py" or p.parent.name == "resources"]
    assert resources, "no tracked resources?"
    for path in resources:
        rel = path.relative_to(REPO / "resources").parent
        assert collected.get(path.resolve()) == ("sirt_desktop/resources" / rel).as_posix(), path
    migrations = [p for p in tracked("sirt_desktop") if "migrations" in p.parts]
    assert any(p.name == "env.py" for p in migrations) and any("versions" in p.parts for p in migrations)
    for path in migrations:
        assert collected.get(path.resolve()) == path.parent.relative_to(REPO).as_posix(), path
    assert not [src for src in collected if "__pycache__" in src.parts or src.suffix == ".pyc"]


def test_the_checkout_itself_is_never_frozen(bundle_rules, monkeypatch):
    # Under the editable test install sirt_desktop is the checkout's, which has no resources
    # inside it: the spec must refuse it rather than ship an app with no data.
    with pytest.raises(SystemExit, match="not from an installed wheel"):
        bundle_rules.package_dir()


@pytest.mark.parametrize(
    "dest",
    [
        # The virtual keyboard and, with it, QtQuick and QML, on each platform.
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt6Qml.dll",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
        # FFmpeg, its media plugin, OpenGL helpers, translations, the silent test voice.
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6/plugins/multimedia/ffmpegmediaplugin.dll",
        "PySide6/Qt/lib/libavcodec.so.61",
        "PySide6/avformat-61.dll",
        "PySide6/Qt/lib/libQt6OpenGL.so.6",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libwl-shell-plugin.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    ],
)
def test_left_out(bundle_rules, dest):
    assert bundle_rules.is_unused(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",  # QtPdf and QtTextToSpeech link to it
        "PySide6/Qt/lib/libQt6Multimedia.so.6",  # QtTextToSpeech links to it
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so",
        "PySide6/plugins/texttospeech/qtexttospeech_sapi.dll",
        "PySide6/plugins/multimedia/windowsmediaplugin.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "sirt_desktop/resources/data/postcode_units.u16",
        "sirt_desktop/core/db/migrations/versions/0001_profiles_and_letters.py",
    ],
)
def test_kept(bundle_rules, dest):
    assert not bundle_rules.is_unused(dest)


def test_system_libraries_come_from_the_package_manager_on_linux(bundle_rules):
    system = bundle_rules.is_system_library
    assert system("/lib/x86_64-linux-gnu/libX11.so.6", "linux")
    assert system("/usr/lib/x86_64-linux-gnu/pulseaudio/libpulsecommon-16.1.so", "linux")
    assert not system("/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "linux")
    assert not system("/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "linux")
    assert not system("/work/.venv-dist/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6", "linux")
    assert not system("C:/Windows/System32/msvcp140.dll", "win32")
    assert not system("/usr/lib/libz.1.dylib", "darwin")


def test_only_english_hyphenation(bundle_rules):
    assert not bundle_rules.is_unused_pyphen_dictionary("pyphen/dictionaries/hyph_en_US.dic")
    assert not bundle_rules.is_unused_pyphen_dictionary("pyphen/dictionaries/hyph_en_GB.dic")
    assert bundle_rules.is_unused_pyphen_dictionary("pyphen/dictionaries/hyph_de_DE.dic")


def test_spec_is_valid_python_using_the_rules():
    source = (REPO / "packaging" / "pyinstaller" / "sirt-desktop.spec").read_text(encoding="utf-8")
    tree = ast.parse(source)
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "bundle"
    }
    assert {"data_files", "EXCLUDED_MODULES", "keep", "icon_path", "windows_version_file", "info_plist"} <= used
    assert (REPO / "packaging" / "pyinstaller" / "launch.py").is_file()


def test_windows_version_resource(bundle_rules):
    assert bundle_rules.windows_version_tuple("0.1.0") == (0, 1, 0, 0)
    assert bundle_rules.windows_version_tuple("1.2") == (1, 2, 0, 0)
    assert bundle_rules.windows_version_tuple("2.0.1rc1") == (2, 0, 1, 0)
    with pytest.raises(ValueError):
        bundle_rules.windows_version_tuple("next")

    # PyInstaller evaluates the file with its version-resource classes: do the same with
    # stand-ins that record what they are given.
    class Rec:
        def __init__(self, *args, **kwargs):
            self.args, self.kwargs = args, kwargs

    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    classes = {name: type(name, (Rec,), {}) for name in names}
    info = eval(bundle_rules.windows_version_text("0.1.0"), {"__builtins__": {}}, classes)
    assert info.kwargs["ffi"].kwargs["filevers"] == (0, 1, 0, 0)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == strings["FileVersion"] == "0.1.0"
    assert strings["OriginalFilename"] == "sirt-desktop.exe"
    assert table.args[0] == "080904B0"  # English (United Kingdom), Unicode


def test_macos_info_plist(bundle_rules):
    import sirt_desktop

    plist = bundle_rules.info_plist()
    assert plist["CFBundleIdentifier"] == sirt_desktop.APP_ID
    assert plist["CFBundleShortVersionString"] == sirt_desktop.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleName"] == sirt_desktop.APP_NAME

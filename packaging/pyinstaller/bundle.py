"""What goes into the frozen app, as plain functions the spec and the tests both use.

The spec (``sirt-desktop.spec``) asks this module for the data files to collect, the modules
to leave out, and whether a collected file is one the app never uses. Keeping these rules
here, outside PyInstaller, lets ``tests/packaging`` check them on any machine, including the
parts that only matter on Windows and macOS.

Every rule that drops something says why the app does not need it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path, PurePath

# The installed package the spec freezes (see package_dir); imported when the spec starts.
import sirt_desktop
import sirt_desktop.resources

APP_NAME = "SIRT Desktop"
EXE_NAME = "sirt-desktop"
BUNDLE_ID = "uk.org.sirtdesktop.SirtDesktop"

# Distributions whose metadata the app reads at run time (importlib.metadata).
METADATA = ["sirt-desktop", "SQLAlchemy", "reportlab", "alembic"]

# Python modules nobody imports at run time. PyInstaller would otherwise follow optional imports
# from the standard library and from the dependencies into them.
EXCLUDED_MODULES = [
    "tkinter",
    "unittest",
    "pydoc",
    "pdb",
    "doctest",
    "lib2to3",
    "setuptools",
    "pkg_resources",
    "distutils",
    "pip",
    "PyInstaller",
    # ReportLab imports Pillow's Image module at start but draws no pictures in a letter:
    # Pillow's optional codecs and viewers stay out (with their libraries, about 10 MB).
    "reportlab.graphics.renderPM",
    "PIL.ImageQt",
    "PIL.ImageTk",
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingft",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL._imagingmath",
    "PIL._imagingmorph",
    "PIL.AvifImagePlugin",
    "PIL.WebPImagePlugin",
    "numpy",
    # Tests and test tools never ship.
    "pytest",
    "pytestqt",
    "hypothesis",
    "psycopg",
    "psycopg_binary",
    # Qt modules the app never imports (QtCore, QtGui, QtWidgets, QtPdf, QtPdfWidgets,
    # QtPrintSupport, QtTextToSpeech and QtSvg are all it uses).
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.Qt3DCore",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtNfc",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "PySide6.QtAsyncio",
]

# Qt libraries (by module name, any platform's spelling) that nothing the app uses needs.
# Each is pulled in only by a plugin or a module dropped below.
_UNUSED_QT_LIBS = (
    # The virtual keyboard's input plugin is the only reason QtQuick and QML came along.
    "VirtualKeyboard",
    "VirtualKeyboardQml",
    "VirtualKeyboardSettings",
    "Quick",
    "QuickControls2",
    "QuickTemplates2",
    "QuickLayouts",
    "QuickShapes",
    "QuickWidgets",
    "QuickEffects",
    "QuickParticles",
    "QuickDialogs2",
    "QuickDialogs2Utils",
    "QuickDialogs2QuickImpl",
    "QuickVectorImage",
    "QuickVectorImageGenerator",
    "QuickVectorImageHelpers",
    "QuickTest",
    "Qml",
    "QmlCore",
    "QmlMeta",
    "QmlModels",
    "QmlWorkerScript",
    "QmlNetwork",
    "QmlCompiler",
    "MultimediaQuick",
    "PdfQuick",
    "LabsSharedImage",
    "LabsQmlModels",
    # OpenGL helper libraries: the widgets draw in software; only the xcb/EGL glue is kept.
    "OpenGL",
    "OpenGLWidgets",
    "ShaderTools",
    # FFmpeg's stubs: read-aloud talks to speech-dispatcher and needs no media backend.
    "FFmpegStub-crypto",
    "FFmpegStub-ssl",
    "FFmpegStub-va",
    "FFmpegStub-va-drm",
    "FFmpegStub-va-x11",
    # Wayland compositor-side helpers (the app is a client, never a compositor).
    "WaylandCompositor",
    "WaylandEglCompositorHwIntegration",
    "WlShellIntegration",
    # Embedded-device screens.
    "EglFSDeviceIntegration",
    "EglFsKmsSupport",
)

_QT_LIB = re.compile(
    r"(?:^|/)(?:lib)?Qt6?(?P<name>[A-Za-z0-9-]+?)(?:\.so(?:\.\d+)*|\.dll|\.dylib|\.framework(?:/.*)?)$"
)

# Qt plugins: folders dropped whole, and single plugins dropped from folders that stay.
_UNUSED_PLUGIN_DIRS = {
    "qmltooling",
    "qmllint",
    "renderers",
    "sceneparsers",
    "assetimporters",
    "geometryloaders",
    "renderplugins",
    "geoservices",
    "position",
    "sensors",
    "canbus",
    "sqldrivers",
    "designer",
    "scxmldatamodel",
    "webview",
    "networkinformation",
    "tls",
    "egldeviceintegrations",
    "wayland-graphics-integration-server",
    # OpenGL and server-buffer glue for Wayland: the widgets draw into shared memory; the
    # EGL plugin would bring back QtOpenGL.
    "wayland-graphics-integration-client",
    "generic",  # evdev/tuio input for screens without a window system
    "vectorimageformats",
}
_UNUSED_PLUGINS = {
    # QtMultimedia's FFmpeg and GStreamer media backends (21 MB with FFmpeg): read-aloud on
    # Linux (speech-dispatcher) and macOS (AVSpeechSynthesizer) plays its own sound. On
    # Windows the native media plugin (windowsmediaplugin.dll, Media Foundation) stays, for
    # the WinRT voice's audio output.
    "multimedia/libffmpegmediaplugin.so",
    "multimedia/libgstreamermediaplugin.so",
    "multimedia/ffmpegmediaplugin.dll",
    "multimedia/libffmpegmediaplugin.dylib",
    # The virtual keyboard: it alone pulls in QtQuick and QML (18 MB). The compose plugin
    # (dead keys for accented letters) and ibus (input methods) stay.
    "platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "platforminputcontexts/qtvirtualkeyboardplugin.dll",
    "platforminputcontexts/libqtvirtualkeyboardplugin.dylib",
    # Qt's test engine for read-aloud: it "speaks" in silence, so with it installed the app
    # would offer Read aloud on a computer that cannot speak.
    "texttospeech/libqtexttospeech_mock.so",
    "texttospeech/qtexttospeech_mock.dll",
    "texttospeech/libqtexttospeech_mock.dylib",
    # Wayland shells other than xdg-shell (what every desktop speaks): in-car screens, kiosks,
    # Qt's own compositor, and the obsolete wl-shell (which needs a library left out above).
    "wayland-shell-integration/libwl-shell-plugin.so",
    "wayland-shell-integration/libivi-shell.so",
    "wayland-shell-integration/libfullscreen-shell-v1.so",
    "wayland-shell-integration/libqt-shell.so",
    # Screens without a window system, and VNC.
    "platforms/libqeglfs.so",
    "platforms/libqlinuxfb.so",
    "platforms/libqminimalegl.so",
    "platforms/libqvkkhrdisplay.so",
    "platforms/libqvnc.so",
    # The GTK 3 theme would make GTK 3 a dependency; the xdg-desktop-portal theme still gives
    # native file dialogs where the desktop offers them.
    "platformthemes/libqgtk3.so",
    # Image formats the content never uses (pages use SVG and PNG; the app icon is PNG, ICO or ICNS).
    "imageformats/libqgif.so",
    "imageformats/libqjpeg.so",
    "imageformats/libqpdf.so",
    "imageformats/libqtga.so",
    "imageformats/libqtiff.so",
    "imageformats/libqwbmp.so",
    "imageformats/libqwebp.so",
    "imageformats/qgif.dll",
    "imageformats/qjpeg.dll",
    "imageformats/qpdf.dll",
    "imageformats/qtga.dll",
    "imageformats/qtiff.dll",
    "imageformats/qwbmp.dll",
    "imageformats/qwebp.dll",
    "imageformats/libqgif.dylib",
    "imageformats/libqjpeg.dylib",
    "imageformats/libqpdf.dylib",
    "imageformats/libqtga.dylib",
    "imageformats/libqtiff.dylib",
    "imageformats/libqwbmp.dylib",
    "imageformats/libqwebp.dylib",
}


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def package_dir() -> Path:
    """The installed ``sirt_desktop`` package that is frozen: a wheel's, never the checkout's.

    The checkout's ``sirt_desktop/`` has no ``resources`` inside it (setuptools maps the
    top-level ``resources/`` there when it builds the wheel), so freezing it would ship an app
    without its data. Run PyInstaller from outside the checkout (scripts/build_dist.py does).
    """
    pkg = Path(sirt_desktop.__file__).resolve().parent
    if not (pkg / "resources" / "__init__.py").is_file():
        raise SystemExit(
            f"sirt_desktop was imported from {pkg}, not from an installed wheel: "
            "build with scripts/build_dist.py (make dist)"
        )
    return pkg


def resources_dir() -> Path:
    """The folder that is ``sirt_desktop.resources`` (in a wheel, an editable install or a checkout)."""
    return Path(sirt_desktop.resources.__file__).resolve().parent


def version() -> str:
    return sirt_desktop.__version__


def data_files(pkg: Path | None = None, resources: Path | None = None) -> list[tuple[str, str]]:
    """(source file, destination folder) for every file the app reads from disk.

    - ``sirt_desktop/resources``: data, content, fonts and icons, read through
      importlib.resources and real paths.
    - Alembic's migrations folder: Alembic loads ``env.py``, the template and each revision
      from ``.py`` files by path, so they are collected as files, not only as modules.
    """
    pkg = pkg or package_dir()
    resources = resources or resources_dir()
    out: list[tuple[str, str]] = []
    folders = [(resources, PurePath("sirt_desktop/resources"))]
    folders += [(m, PurePath("sirt_desktop") / m.relative_to(pkg)) for m in migration_dirs(pkg)]
    for folder, dest_root in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            dest = dest_root / path.parent.relative_to(folder)
            out.append((str(path), dest.as_posix()))
    return out


def data_folders_in(pkg: Path) -> list[str]:
    """The destination folders data_files() fills, for a bundle's ``sirt_desktop`` folder."""
    out = [
        "sirt_desktop/resources",
        "sirt_desktop/resources/data",
        "sirt_desktop/resources/content",
        "sirt_desktop/resources/fonts",
    ]
    out += [f"sirt_desktop/{m.relative_to(pkg).as_posix()}" for m in migration_dirs(pkg)]
    return out


def migration_dirs(pkg: Path | None = None) -> list[Path]:
    pkg = pkg or package_dir()
    return sorted(p for p in pkg.glob("**/migrations") if (p / "env.py").is_file())


def qt_lib_name(dest: str) -> str | None:
    """``Quick`` for ``PySide6/Qt/lib/libQt6Quick.so.6``, ``Qt6Quick.dll`` or ``QtQuick.framework/...``."""
    dest = dest.replace("\\", "/")
    if "/plugins/" in dest:
        return None
    match = _QT_LIB.search(dest)
    return match.group("name") if match else None


def is_unused(dest: str) -> bool:
    """True for a collected file (by its destination inside the bundle) the app never uses."""
    dest = dest.replace("\\", "/")
    if "/qml/" in dest or dest.endswith("/qml") or "/Qt/qml/" in dest:
        return True  # QML modules: the app has no QML
    if "/translations/" in dest and dest.endswith(".qm"):
        return True  # Qt's own translations: the app is in English only and installs no QTranslator
    if "/plugins/" in dest:
        plugin = dest.split("/plugins/", 1)[1]
        folder = plugin.split("/", 1)[0]
        return folder in _UNUSED_PLUGIN_DIRS or plugin in _UNUSED_PLUGINS
    name = qt_lib_name(dest)
    if name is not None and name in _UNUSED_QT_LIBS:
        return True
    # FFmpeg itself, bundled for QtMultimedia's media backend.
    base = dest.rsplit("/", 1)[-1]
    return bool(re.match(r"(lib)?(avcodec|avformat|avutil|swresample|swscale|avfilter|avdevice)[-.]", base))


# Debian's multiarch and plain library folders. On Linux the bundle takes none of the
# system's own libraries (the .deb declares them in Depends, worked out from what the bundle
# links to), except libpython, so the bundle's Python is the one it was built and tested with.
_SYSTEM_LIB_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")
_PYTHON_STDLIB = re.compile(r"/python3(\.\d+)?/")


def is_system_library(source: str, platform: str | None = None) -> bool:
    """True for a shared library PyInstaller found in the Linux system's own folders."""
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return False
    if not source.startswith(_SYSTEM_LIB_DIRS) or _PYTHON_STDLIB.search(source):
        return False  # the venv's packages, and Python's own extension modules, stay
    return not re.match(r"libpython3", source.rsplit("/", 1)[-1])


def is_unused_pyphen_dictionary(dest: str) -> bool:
    """textstat counts syllables in English (its default, en_US); the other 70 languages stay out."""
    dest = dest.replace("\\", "/")
    return "pyphen/dictionaries/" in dest and not re.search(r"/hyph_en(_[A-Z]{2})?\.dic$", dest)


def keep(toc, platform: str | None = None):
    """A PyInstaller TOC without the unused files (works for binaries and datas)."""
    return [
        entry
        for entry in toc
        if not is_unused(entry[0])
        and not is_unused_pyphen_dictionary(entry[0])
        and not is_system_library(entry[1] or "", platform)
    ]


def icon_path(platform: str | None = None) -> str | None:
    """The icon for the executable: .ico on Windows, .icns on macOS (made by scripts/make_icons.py)."""
    platform = platform or sys.platform
    icons = Path(os.environ.get("SIRT_DESKTOP_ICON_DIR") or repo_root() / "build" / "icons")
    if platform.startswith("win"):
        path = icons / "sirt-desktop.ico"
    elif platform == "darwin":
        path = icons / "sirt-desktop.icns"
    else:
        return None
    if not path.is_file():
        raise SystemExit(f"{path} is missing: run scripts/make_icons.py first (make icons)")
    return str(path)


def info_plist(ver: str | None = None) -> dict:
    """macOS Info.plist entries for the .app bundle."""
    ver = ver or version()
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": ver,
        "CFBundleVersion": ver,
        "CFBundleDevelopmentRegion": "en_GB",
        "LSApplicationCategoryType": "public.app-category.medical",
        "LSMinimumSystemVersion": "12.0",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follows dark mode
        "NSHumanReadableCopyright": "GPL-3.0-or-later, SIRT Desktop contributors",
    }


def windows_version_tuple(ver: str) -> tuple[int, int, int, int]:
    """ "0.1.0" → (0, 1, 0, 0): Windows wants four numbers; a suffix ("0.2.0rc1") is dropped."""
    match = re.match(r"(\d+)\.(\d+)(?:\.(\d+))?", ver)
    if not match:
        raise ValueError(f"not a release version: {ver!r}")
    major, minor, patch = (int(g or 0) for g in match.groups())
    return (major, minor, patch, 0)


def windows_version_text(ver: str | None = None) -> str:
    """The version resource of the Windows .exe (Properties → Details), in the text form
    PyInstaller reads from a version file (PyInstaller's own classes need pefile, which only
    Windows builds have, so the text is written here and checked on any machine)."""
    ver = ver or version()
    parts = windows_version_tuple(ver)
    strings = {
        "CompanyName": "SIRT Desktop contributors",
        "FileDescription": APP_NAME,
        "FileVersion": ver,
        "InternalName": EXE_NAME,
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": f"{EXE_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": ver,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "# Made by packaging/pyinstaller/bundle.py; do not edit.\n"
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={parts!r}, prodvers={parts!r}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable('080904B0', [\n"  # English (United Kingdom), Unicode
        f"{table}\n"
        "      ])\n"
        "    ]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0809, 1200])])\n"
        "  ]\n"
        ")\n"
    )


def windows_version_file(folder: Path, ver: str | None = None) -> str:
    path = Path(folder) / "version-info.txt"
    path.write_text(windows_version_text(ver), encoding="utf-8")
    return str(path)

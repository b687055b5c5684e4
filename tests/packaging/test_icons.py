"""The icons made from the SVG (scripts/make_icons.py) are valid containers with every size
each platform asks for, read here by their file formats, not by the library that wrote them."""

from __future__ import annotations

import shutil
import struct
import subprocess

import pytest

from tests.packaging.conftest import REPO, load

make_icons = load("make_icons", REPO / "scripts" / "make_icons.py")

# Apple's PNG-based icon element types and the pixel size of each.
ICNS_TYPES = {
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
    b"ic11": 32,
    b"ic12": 64,
    b"ic13": 256,
    b"ic14": 512,
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
}
PNG = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    return make_icons.make_icons(tmp_path_factory.mktemp("icons"))


def test_ico_has_every_windows_size(icons):
    data = icons["ico"].read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count == len(make_icons.ICO_SIZES)
    sizes = []
    for i in range(count):
        width, height, _colours, _res, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        image = data[offset : offset + length]
        assert len(image) == length and offset + length <= len(data)
        side = width or 256  # 0 means 256
        assert (width or 256) == (height or 256)
        if image[:8] == PNG:
            assert png_size(image) == (side, side)
        else:  # a BMP without its file header
            assert struct.unpack("<I", image[:4])[0] == 40
        assert bits in (0, 32)
        sizes.append(side)
    assert sorted(sizes) == sorted(make_icons.ICO_SIZES)


@pytest.mark.skipif(shutil.which("icotool") is None, reason="icoutils not installed")
def test_icotool_reads_the_ico(icons):
    listing = subprocess.run(["icotool", "-l", str(icons["ico"])], capture_output=True, text=True, check=True).stdout
    assert listing.count("--icon") == len(make_icons.ICO_SIZES)


def test_icns_has_every_macos_size(icons):
    data = icons["icns"].read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    offset, sizes = 8, set()
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        assert length >= 8 and offset + length <= len(data)
        body = data[offset + 8 : offset + length]
        if kind != b"TOC ":
            assert kind in ICNS_TYPES, kind
            assert png_size(body) == (ICNS_TYPES[kind], ICNS_TYPES[kind]), kind
            sizes.add(ICNS_TYPES[kind])
        offset += length
    assert offset == len(data)
    assert {32, 64, 128, 256, 512, 1024} <= sizes


def test_linux_theme_sizes(icons):
    for size in make_icons.HICOLOR_SIZES:
        path = icons[f"png{size}"]
        assert path.parent.parent.name == f"{size}x{size}" and path.name == f"{make_icons.APP_ID}.png"
        assert png_size(path.read_bytes()) == (size, size)
    assert icons["svg"].read_bytes() == (REPO / "resources" / "icons" / "sirt-desktop.svg").read_bytes()


def test_icon_is_drawn_not_blank(icons):
    from PySide6.QtGui import QImage

    image = QImage(str(icons["png48"]))
    centre, corner = image.pixelColor(24, 24), image.pixelColor(0, 0)
    assert centre.alpha() == 255 and corner.alpha() < 255  # rounded corners stay transparent

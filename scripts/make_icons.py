"""Make every platform's icon from the one SVG (resources/icons/sirt-desktop.svg).

    python scripts/make_icons.py [--out build/icons]

Writes, into the output folder:
  sirt-desktop.ico                 Windows: 16, 20, 24, 32, 40, 48, 64, 128 and 256 px in one file
  sirt-desktop.icns                macOS: 16 to 1024 px (the @2x sizes included)
  hicolor/NxN/apps/<app id>.png    Linux: the freedesktop icon theme sizes, 16 to 512 px
  hicolor/scalable/apps/<app id>.svg

Qt's own SVG renderer draws each size (no extra tool is needed: PySide6 is already installed),
and Pillow (which ReportLab already needs) writes the .ico and .icns containers. The result
depends only on the SVG and those two libraries' versions (constraints.txt). The output is a
build product: make dist and the CI workflow run this script; nothing it writes is committed.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "sirt-desktop.svg"
APP_ID = "uk.org.sirtdesktop.SirtDesktop"

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size × size pixels with a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication(sys.argv[:1])  # kept alive for later calls
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def make_icons(out: Path, svg: Path = SVG) -> dict[str, Path]:
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(ICO_SIZES) | set(ICNS_SIZES) | set(HICOLOR_SIZES))
    images = {size: Image.open(io.BytesIO(render_png(svg, size))).convert("RGBA") for size in sizes}
    for image in images.values():
        image.load()

    written: dict[str, Path] = {}
    ico = out / "sirt-desktop.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    written["ico"] = ico

    icns = out / "sirt-desktop.icns"
    images[1024].save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES if s != 1024])
    written["icns"] = icns

    hicolor = out / "hicolor"
    if hicolor.exists():
        shutil.rmtree(hicolor)
    for size in HICOLOR_SIZES:
        path = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True)
        images[size].save(path, format="PNG", optimize=True)
        written[f"png{size}"] = path
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(svg, scalable)
    written["svg"] = scalable
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "icons")
    parser.add_argument("--svg", type=Path, default=SVG)
    args = parser.parse_args(argv)
    written = make_icons(args.out, args.svg)
    print(f"icons: {len(written)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Render resources/icons/rectdesk.svg to the PNG sizes and the Windows .ico.

Run after changing the SVG: ``python3 installer/make_icons.py``; ``--check`` only compares
(used by the tests). Needs PySide6 (QtSvg) and Pillow, both present in the dev environment.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "rectdesk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def png_path(size: int) -> Path:
    return ICONS / f"rectdesk-{size}.png"


def write_all() -> None:
    from PIL import Image

    for size in SIZES:
        png_path(size).write_bytes(render(size))
    largest = Image.open(io.BytesIO(render(256)))
    largest.save(ICONS / "rectdesk.ico", sizes=[(s, s) for s in ICO_SIZES])


def differences() -> list[str]:
    """PNG files that are missing or no longer match the SVG (by mean pixel difference)."""
    from PIL import Image, ImageChops, ImageStat

    stale = []
    for size in SIZES:
        path = png_path(size)
        if not path.exists():
            stale.append(f"{path.name}: missing")
            continue
        kept = Image.open(path).convert("RGBA")
        fresh = Image.open(io.BytesIO(render(size))).convert("RGBA")
        if kept.size != fresh.size:
            stale.append(f"{path.name}: size {kept.size}")
            continue
        mean = sum(ImageStat.Stat(ImageChops.difference(kept, fresh)).mean) / 4
        if mean > 2.0:
            stale.append(f"{path.name}: differs from the SVG (mean {mean:.1f})")
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    if parser.parse_args().check:
        stale = differences()
        print("\n".join(stale) or "icons are up to date")
        return 1 if stale else 0
    write_all()
    print(f"wrote {len(SIZES)} PNG files and rectdesk.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

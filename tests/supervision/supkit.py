"""Helpers of the supervision tests: the day, planted personal data, photos and PDFs."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from PIL import Image, ImageDraw

TEST_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
TODAY = dt.date(2026, 3, 16)
#: Personal data planted in item texts: none of it may reach a masked output.
PLANTED = "联系人王五13911112222，身份证450102199001015678"


def photo(path: Path, seed: int, *, quality: int = 90, size: tuple[int, int] = (1200, 900)) -> Path:
    """A photo-like JPEG: the same seed draws the same picture."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        w, h = rng.randrange(40, size[0] // 3), rng.randrange(40, size[1] // 3)
        draw.ellipse([x, y, x + w, y + h], fill=tuple(rng.randrange(256) for _ in range(3)))
    image.save(path, "JPEG", quality=quality)
    return path


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A small PDF with these lines of (Latin) text."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for n, line in enumerate(lines):
        canvas.drawString(72, 760 - 18 * n, line)
    canvas.showPage()
    canvas.save()
    return path

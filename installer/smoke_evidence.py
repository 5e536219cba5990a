"""Put an installed RectDesk's compiled libraries to work through its own command line.

A frozen bundle has no Python prompt, so what pypdf, Pillow, ImageHash (with numpy, scipy and
PyWavelets) and chinesecalendar bring is proven by the commands that use them: two photos that
differ in every byte but not to the eye, given as evidence to two items, must be found by the
reuse guard's perceptual hash; a 销号 binder must take in a photo and a PDF; a deadline in
working days must skip the National Day holiday of 2025. The files are made here with the
standard library, so nothing of the build machine's Python reaches the root.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from typing import Any

import xwd

#: The evidence files, written into the root's /tmp (names with a space, in Chinese).
PHOTO, PHOTO_AGAIN, PLAN_PDF = "现场照片.png", "现场照片 复制.png", "整改方案.pdf"
#: A deadline across the National Day holiday (1–8 October 2025; Saturday 11 October worked).
DEADLINE_TEXT, DEADLINE_FROM, DEADLINE_DUE = "收到之日起20个工作日内", "2025-09-28", "2025-10-31"
_SIZE = (320, 240)


class EvidenceCheckFailed(Exception):
    """The program's answer shows a library did not do its work."""


def photo(brighter: int = 0) -> bytes:
    """A PNG with a gradient, a disc and a bar; ``brighter`` lifts every pixel (new bytes, the
    same picture to the eye and to a perceptual hash)."""
    width, height = _SIZE
    rgb = bytearray()
    for y in range(height):
        for x in range(width):
            value = (x * 255 // width + y * 255 // height) // 2
            if (x - 100) ** 2 + (y - 120) ** 2 < 50**2:
                value = 230
            if 200 < x < 280 and 40 < y < 200:
                value = 30
            value = min(255, value + brighter)
            rgb += bytes((value, value // 2 + 60, 255 - value))
    return xwd.png(width, height, bytes(rgb))


def photos() -> dict[str, bytes]:
    """The two evidence photos by file name."""
    return {PHOTO: photo(), PHOTO_AGAIN: photo(brighter=6)}


Check = Callable[[str], str]


def steps(cli: Callable[[str], str], db: str, folder: str) -> list[tuple[str, str, Check | None]]:
    """(name, shell script, check of its output) of each step; ``cli`` turns rectdesk-cli
    arguments into a command run as the user. Items 1–3 are the sample data's first three."""

    def run(*args: str) -> str:
        return cli(" ".join(shlex.quote(a) for a in ["--db", db, *args]))

    def evidence(item: int, name: str) -> str:
        text = "现场照片和方案"
        return run("progress", str(item), "--text", text, "--evidence", f"{folder}/{name}")

    pdf = f"{folder}/{PLAN_PDF}"
    attach = [
        run("report", "plan", "--format", "pdf", "--batch", "1", "--output", pdf),
        evidence(1, PHOTO), evidence(2, PHOTO_AGAIN), evidence(3, PLAN_PDF),
    ]  # fmt: skip
    binder = run("binder", "--item", "1", "3", "--output", f"{folder}/销号 材料.pdf", "--json")
    deadline = run("deadline-explain", DEADLINE_TEXT, "--from", DEADLINE_FROM, "--json")
    return [
        ("photos and a PDF as evidence of items 1, 2 and 3", " && ".join(attach), None),
        ("evidence-reuse: the near-identical photo (Pillow, numpy, scipy, PyWavelets)",
         run("evidence-reuse", "--json"), similar_photos),
        ("binder of items 1 and 3 (a photo and a PDF; pypdf)", binder, binder_embedded),
        ("deadline over the National Day holiday (chinesecalendar)", deadline, deadline_counted),
    ]  # fmt: skip


def _json(output: str) -> Any:
    start = output.find("{")
    if start < 0:
        raise EvidenceCheckFailed(f"no JSON in the output: {output[-300:]}")
    try:
        return json.JSONDecoder().raw_decode(output[start:])[0]
    except json.JSONDecodeError as error:
        raise EvidenceCheckFailed(f"unreadable JSON ({error}): {output[-300:]}") from error


def similar_photos(output: str) -> str:
    """The reuse guard found the two photos as one picture, by its perceptual hash."""
    found = _json(output)
    groups = [g for g in found.get("groups", []) if g.get("kind") == "similar_image"]
    if not any(sorted(g.get("items", [])) == [1, 2] for g in groups):
        raise EvidenceCheckFailed(f"the two photos were not found alike: {found.get('groups')}")
    distance = next(g["distance"] for g in groups if sorted(g["items"]) == [1, 2])
    return f"near-identical photos found (pHash distance {distance})"


def binder_embedded(output: str) -> str:
    """The binder took in the photo and the PDF, not just listed them."""
    found = _json(output)
    if found.get("embedded") != 2 or found.get("listed") != 0 or not found.get("pages"):
        raise EvidenceCheckFailed(f"the binder did not embed both files: {found}")
    return f"binder: 2 files embedded, {found['pages']} pages"


def deadline_counted(output: str) -> str:
    """The working-day deadline skipped the holiday the calendar carries."""
    found = _json(output)
    if found.get("deadline") != DEADLINE_DUE or found.get("missing_years"):
        raise EvidenceCheckFailed(f"deadline {found.get('deadline')}, wanted {DEADLINE_DUE}: "
                                  f"{found}")  # fmt: skip
    return f"20 working days from {DEADLINE_FROM}: {DEADLINE_DUE}"

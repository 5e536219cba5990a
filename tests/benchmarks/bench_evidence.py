"""The reuse guard on 10,000 evidence files: ``python tests/benchmarks/bench_evidence.py``.

Makes a store with 2,000 items and 10,000 evidence files — photos (1024×768 JPEG, as phones
and chat programs pass them on), text PDFs and other files — with some reuse planted: copies
of one file, photos saved again at another quality and size, and PDFs re-made with the same
text. Prints the time of the first check (every file read into its fingerprint) and of a
check after that (fingerprints kept), and whether every planted reuse was found.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from rectdesk.domain.evidence import ReuseKind
from rectdesk.domain.model import Assignment, BatchDraft, BatchKind, ItemDraft
from rectdesk.services import evidence_guard
from rectdesk.store import Store

UNITS = ("医政股", "疾控股", "办公室", "基层股", "中医股")


def make_photo(path: Path, seed: int, *, quality: int = 85, size: tuple[int, int] = (1024, 768)):
    """A smooth photo-like picture: a small random colour grid scaled up."""
    rng = random.Random(seed)
    grid = Image.new("RGB", (12, 9))
    grid.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(12 * 9)])
    grid.resize(size, Image.Resampling.BICUBIC).save(path, "JPEG", quality=quality)


def make_pdf(path: Path, seed: int) -> None:
    canvas = Canvas(str(path))
    canvas.drawString(
        72, 760, f"Minutes of rectification meeting number {seed}, held by unit {seed % 7}."
    )
    canvas.drawString(72, 740, "Attendees discussed the measures and agreed on the next steps.")
    canvas.showPage()
    canvas.save()


def build(folder: Path, files: int) -> tuple[Store, dict[ReuseKind, int]]:
    store = Store.open(folder / "bench.rdk")
    batch = store.add_batch(BatchDraft(BatchKind.INSPECTION, "bench", year=2026))
    items = store.add_items(batch, [
        ItemDraft(content=f"问题{n}", number=f"{n:016d}",
                  departments=[Assignment(UNITS[n % len(UNITS)])])
        for n in range(files // 5)
    ])  # fmt: skip
    source = folder / "source"
    source.mkdir()
    planted = {ReuseKind.SAME_FILE: 0, ReuseKind.SIMILAR_IMAGE: 0, ReuseKind.SAME_TEXT: 0}
    rng = random.Random(1)
    started = time.perf_counter()
    for n in range(files):
        item = items[n % len(items)]
        roll = n % 10
        path = source / f"{n:05d}"
        if roll < 7:
            path = path.with_suffix(".jpg")
            if n % 500 == 6:  # the same photo saved again for another item
                make_photo(path, n - 1, quality=40, size=(800, 600))
                planted[ReuseKind.SIMILAR_IMAGE] += 1
            else:
                make_photo(path, n)
        elif roll < 9:
            path = path.with_suffix(".pdf")
            make_pdf(path, n - 1 if n % 500 == 8 else n)
            planted[ReuseKind.SAME_TEXT] += n % 500 == 8
        else:
            path = path.with_suffix(".docx")
            path.write_bytes(rng.randbytes(2000))
        if n % 1000 == 9:  # one file attached to a second item
            store.add_attachment(items[(n + 1) % len(items)], path)
            planted[ReuseKind.SAME_FILE] += 1
        store.add_attachment(item, path)
    print(f"made {files} evidence files in {time.perf_counter() - started:.0f} s")
    return store, planted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store, planted = build(Path(tmp), args.files)
        started = time.perf_counter()
        first = evidence_guard.check(store)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        second = evidence_guard.check(store)
        warm = time.perf_counter() - started
        found = {kind: sum(1 for g in first.groups if g.kind is kind) for kind in ReuseKind}
        print(f"first check ({first.files} files, {first.read_now} read): {cold:8.1f} s")
        print(f"next check (fingerprints kept):            {warm:8.2f} s")
        print(f"groups planted: { {k.value: v for k, v in planted.items()} }")
        print(f"groups found:   { {k.value: v for k, v in found.items()} }")
        assert second.groups == first.groups
        store.close()
        missed = [k for k, v in planted.items() if found[k] < v]
        if missed:
            print("missed:", missed)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

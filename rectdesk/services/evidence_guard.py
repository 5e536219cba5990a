"""The reuse guard: the same evidence file, photo or PDF text closing more than one item.

Every evidence content is read once (keyed by its SHA-256) into a fingerprint — a perceptual
hash of a photo (``imagehash``'s pHash on a small greyscale copy; a JPEG is decoded at an
eighth of its size for it), the hash of a PDF's text — kept in the store; a check then only
compares the fingerprints (domain/evidence.py). A hostile file (a pixel bomb, a broken or
encrypted PDF) is noted and left out of the comparison, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, Listing, Message, written
from rectdesk.domain.evidence import (
    MIN_TEXT_CHARS,
    EvidenceUse,
    FileKind,
    Fingerprint,
    ReuseGroup,
    file_kind,
    find_reuse,
    flags_by_item,
)
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Attachment
from rectdesk.domain.privacy import OutputMode, mask_data
from rectdesk.reports.layout import Align, Column, Paragraph, ParagraphStyle, Report, Row, Table
from rectdesk.reports.masking import mask_report
from rectdesk.store.evidence import FingerprintBook

log = logging.getLogger(__name__)

#: Images with more pixels than this are not decoded (a photo has 12–50 million).
MAX_PIXELS = 120_000_000
#: PDF pages read for the text comparison, and the file size beyond which none is.
PDF_PAGES = 10
PDF_MAX_BYTES = 64 * 1024 * 1024
_SPACE = re.compile(r"\s+")


def fingerprint(path: Path, sha256: str) -> Fingerprint:
    """Read one file into its fingerprint; a file that cannot be read says why in ``note``."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return Fingerprint(sha256, FileKind.OTHER, note="文件缺失或无法读取")
    kind = file_kind(head)
    if kind is FileKind.IMAGE:
        phash, note = image_hash(path)
        return Fingerprint(sha256, kind, phash=phash, note=note)
    if kind is FileKind.PDF:
        text_hash, note = pdf_text_hash(path)
        return Fingerprint(sha256, kind, text_hash=text_hash, note=note)
    return Fingerprint(sha256, kind)


def image_hash(path: Path) -> tuple[int | None, str]:
    """The 64-bit perceptual hash of a photo, or None and why not."""
    import imagehash
    from PIL import Image, ImageOps, ImageStat

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                if image.width * image.height > MAX_PIXELS:
                    return None, "图片像素过多，未比对"
                # A JPEG decodes straight to a small greyscale copy (1/8 scale): the
                # hash looks at 32×32 pixels only.
                image.draft("L", (256, 256))
                small = ImageOps.exif_transpose(image.convert("L"))
                small.thumbnail((256, 256))
                if ImageStat.Stat(small).stddev[0] < 2.0:
                    return None, "图片几乎是纯色，未比对"
                return int(str(imagehash.phash(small)), 16), ""
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            return None, "图片像素过多，未比对"
        except (OSError, ValueError, SyntaxError, MemoryError) as exc:
            log.info("image not readable for the reuse guard: %s", type(exc).__name__)
            return None, "图片已损坏或格式不支持，未比对"


def pdf_text_hash(path: Path) -> tuple[str, str]:
    """The hash of a PDF's text (first pages, whitespace left out), or '' and why not."""
    try:
        if path.stat().st_size > PDF_MAX_BYTES:
            return "", "PDF过大，未比对文字"
    except OSError:
        return "", "文件缺失或无法读取"
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(str(path), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                return "", "PDF已加密，未比对文字"
            parts = []
            for index, page in enumerate(reader.pages):
                if index >= PDF_PAGES:
                    break
                parts.append(page.extract_text() or "")
        except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError,
                IndexError, RecursionError, MemoryError, NotImplementedError) as exc:  # fmt: skip
            log.info("pdf not readable for the reuse guard: %s", type(exc).__name__)
            return "", "PDF无法读取，未比对文字"
    text = _SPACE.sub("", "".join(parts))
    if len(text) < MIN_TEXT_CHARS:
        return "", "" if text else "PDF没有文字（可能是扫描件），只比对文件本身"
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), ""


def remember(store: LedgerStore, attachments: Sequence[Attachment]) -> int:
    """Fingerprint the contents just attached that were never read, so their items' reuse
    flags show at once; returns how many were read. Earlier files wait for the check."""
    book = FingerprintBook(store)
    known = book.known([a.sha256 for a in attachments])
    new = {a.sha256: a.stored_path for a in attachments if a.sha256 not in known}
    book.save([fingerprint(store.files_dir / stored, sha) for sha, stored in new.items()])
    return len(new)


# -- the check ---------------------------------------------------------------------------------


@dataclass
class ReuseCheck:
    """The guard's answer: the groups found, and how much was read to find them."""

    groups: list[ReuseGroup]
    files: int
    contents: int
    read_now: int
    notes: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def by_item(self) -> dict[int, list[ReuseGroup]]:
        return flags_by_item(self.groups)


Progress = Callable[[int, int], None]


def refresh(store: LedgerStore, *, progress: Progress | None = None, workers: int = 2) -> int:
    """Fingerprint every evidence content not read yet; returns how many were read."""
    book = FingerprintBook(store)
    missing = book.missing()
    if not missing:
        return 0
    base = store.files_dir

    def read(entry: tuple[str, str]) -> Fingerprint:
        sha, stored = entry
        return fingerprint(base / stored, sha)

    done: list[Fingerprint] = []
    # Decoding a photo and hashing it release the GIL; two threads keep both cores busy.
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for found in pool.map(read, missing, chunksize=64) if workers > 1 else map(read, missing):
            done.append(found)
            if len(done) % 500 == 0:
                book.save(done[-500:])
                if progress is not None:
                    progress(len(done), len(missing))
    book.save(done[len(done) - len(done) % 500 :] if len(done) % 500 else [])
    if progress is not None:
        progress(len(done), len(missing))
    return len(done)


def check(
    store: LedgerStore, *, progress: Progress | None = None, fresh: bool = True
) -> ReuseCheck:
    """Find every evidence reused across items (fingerprinting new files first)."""
    import time

    started = time.perf_counter()
    read_now = refresh(store, progress=progress) if fresh and not store.readonly else 0
    book = FingerprintBook(store)
    uses = book.uses()
    prints = book.prints()
    groups = find_reuse(uses, prints)
    notes = {p.sha256: p.note for p in prints.values() if p.note}
    return ReuseCheck(
        groups=groups,
        files=len(uses),
        contents=len({u.sha256 for u in uses}),
        read_now=read_now,
        notes=notes,
        seconds=time.perf_counter() - started,
    )


def group_dict(group: ReuseGroup) -> dict[str, Any]:
    return {
        "kind": group.kind.value,
        "label": group.kind.label,
        "items": group.item_ids,
        "units": group.units,
        "across_units": group.across_units,
        "distance": group.distance,
        "files": [
            {"attachment": u.attachment_id, "item": u.item_id, "item_label": u.item_label,
             "unit": u.unit, "name": u.name, "sha256": u.sha256}
            for u in group.uses
        ],
    }  # fmt: skip


def check_json(result: ReuseCheck, mode: OutputMode = OutputMode.MASKED) -> dict[str, Any]:
    """The check as the command line prints it (names masked unless ``mode`` is full)."""
    data = {
        "files": result.files,
        "contents": result.contents,
        "read_now": result.read_now,
        "groups": [group_dict(g) for g in result.groups],
        "flagged_items": sorted(result.by_item),
    }
    masked: dict[str, Any] = mask_data(data, mode)
    return masked


#: One group of reused evidence, said with or without the near images' distance and the units.
_SAID = {
    (False, False): QT_TRANSLATE_NOOP("Errors", "{kind}：{names} 同时用于事项 {items}"),
    (False, True): QT_TRANSLATE_NOOP(
        "Errors", "{kind}：{names} 同时用于事项 {items}，涉及不同单位：{units}"
    ),
    (True, False): QT_TRANSLATE_NOOP(
        "Errors", "{kind}（相差{distance}位）：{names} 同时用于事项 {items}"
    ),
    (True, True): QT_TRANSLATE_NOOP(
        "Errors", "{kind}（相差{distance}位）：{names} 同时用于事项 {items}，涉及不同单位：{units}"
    ),
}


def description(group: ReuseGroup) -> Message:
    """One sentence about ``group``, translated when it is read."""
    values: dict[str, object] = {
        "kind": Label(group.kind.label),
        "names": Listing(dict.fromkeys(u.name for u in group.uses)),
        "items": Listing(dict.fromkeys(u.item_label for u in group.uses)),
    }
    if group.distance:
        values["distance"] = group.distance
    if group.across_units:
        values["units"] = Listing(group.units)
    return Message(_SAID[bool(group.distance), group.across_units], **values)


def describe(group: ReuseGroup, *, document: bool = False) -> str:
    """One sentence for the item and the list in the interface language; for a document
    (the binder), in Chinese whatever the interface language."""
    said = description(group)
    return written(said.template, **said.values) if document else str(said)


def reuse_report(
    store: LedgerStore, result: ReuseCheck, *, today: dt.date, mode: OutputMode = OutputMode.MASKED
) -> Report:
    """佐证材料复用清单: a printable list of every group, item by item."""
    table = Table(
        columns=[
            Column("seq", "序号", 0.5, Align.CENTER),
            Column("kind", "情形", 1.0, Align.CENTER),
            Column("number", "事项", 1.6, Align.CENTER),
            Column("unit", "责任单位", 1.3, Align.LEFT),
            Column("name", "佐证材料", 2.6, Align.LEFT),
            Column("sha", "SHA-256（前16位）", 1.6, Align.CENTER),
        ],
        font_size=10.5,
        header_size=10.5,
    )
    for number, group in enumerate(result.groups, start=1):
        for place, use in enumerate(group.uses):
            label = group.kind.label + (f"（相差{group.distance}位）" if group.distance else "")
            table.rows.append(Row((
                str(number) if place == 0 else "", label if place == 0 else "",
                use.item_label, use.unit, use.name, use.sha256[:16],
            )))  # fmt: skip
    summary = (
        f"截至{today.year}年{today.month}月{today.day}日，共检查佐证材料{result.files}份"
        f"（内容不同的{result.contents}份），发现{len(result.groups)}组同一份材料用于不同事项，"
        f"涉及事项{len(result.by_item)}条。同一文件、近似图片（同一照片另存、压缩或缩放）"
        "和文字相同的PDF都可能是“纸面销号”的迹象，请逐项核实。"
    )
    blocks: list[Paragraph | Table] = [
        Paragraph("佐证材料复用清单", ParagraphStyle.TITLE),
        Paragraph(summary),
    ]
    if result.groups:
        blocks.append(table)
    report = Report("evidence_reuse", "佐证材料复用清单", blocks, landscape=True)
    return mask_report(report) if mode.masks else report


def flags_for(store: LedgerStore, item_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each item's reuse findings as sentences (from the fingerprints already read)."""
    result = check(store, fresh=False)
    wanted = set(item_ids)
    return {
        item_id: [describe(g) for g in groups]
        for item_id, groups in result.by_item.items()
        if item_id in wanted
    }


__all__ = ["EvidenceUse", "ReuseCheck", "check", "check_json", "fingerprint", "reuse_report"]

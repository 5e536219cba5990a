"""The 销号 binder as one PDF: cover, contents, and per item its text and its evidence.

Text goes through the report PDF writer (fonts, page numbers, tables); photos are drawn on
its pages; evidence PDFs are put in whole, between the writer's pages, and the page numbers
count them. Every evidence file is checked before it goes in: a pixel bomb, a broken,
encrypted or oversized PDF is listed with its SHA-256 and the reason instead, and what goes
in keeps no actions (scripts, launch or link actions are taken off its pages).
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from rectdesk.domain.errors import UserError
from rectdesk.domain.evidence import FileKind, file_kind
from rectdesk.reports.fonts import FontPlan, plan_fonts
from rectdesk.reports.layout import Align, Paragraph, ParagraphStyle, Report, Role, Table
from rectdesk.reports.pdf import BODY_PITCH, MM, _PdfWriter, characters_by_role
from rectdesk.reports.textwrap_cjk import wrap

log = logging.getLogger(__name__)

#: Limits on what is put into a binder (beyond them a file is listed, not embedded).
MAX_IMAGE_PIXELS = 80_000_000
MAX_PDF_PAGES = 100
MAX_PDF_BYTES = 64 * 1024 * 1024
#: Photos are put in at most this many pixels on the long side (about 250 dpi on A4).
IMAGE_EDGE = 1800
CAPTION_SIZE = 10.5


@dataclass
class BinderFile:
    """One evidence file of an item and how the binder takes it."""

    name: str
    sha256: str
    size: int
    path: Path | None
    kind: str = "other"  # image, pdf, other (set by prepare())
    note: str = ""
    #: Images: width and height as drawn; PDFs: pages to put in.
    width: int = 0
    height: int = 0
    pages: int = 0
    #: Where it ended up: "第5页", "第7—9页", or "" when only listed.
    placed: str = ""


@dataclass
class BinderItem:
    """One item: its heading, its text blocks and its evidence files."""

    title: str
    blocks: list[Paragraph | Table]
    files: list[BinderFile] = field(default_factory=list)


@dataclass
class BinderDoc:
    """The whole binder."""

    title: str
    subtitle: str
    unit: str
    date_text: str
    items: list[BinderItem]
    closing: list[Paragraph | Table] = field(default_factory=list)
    #: Built from the files once placed: the evidence table of each item.
    evidence_table: Callable[[BinderItem], Table] | None = None


@dataclass(frozen=True)
class BinderResult:
    pages: int
    embedded_images: int
    embedded_pdfs: int
    listed: int
    fonts: FontPlan


# -- checking the evidence ---------------------------------------------------------------------


def prepare(doc: BinderDoc) -> dict[str, Any]:
    """Decide for every file whether it is drawn, put in or only listed (and why).

    Returns the opened evidence PDFs by SHA-256, for putting their pages in.
    """
    readers: dict[str, Any] = {}
    for item in doc.items:
        for f in item.files:
            if f.path is None or not f.path.is_file():
                f.kind, f.note = "other", f.note or "文件缺失，仅列出"
                continue
            try:
                with f.path.open("rb") as handle:
                    head = handle.read(1024)
            except OSError:
                f.kind, f.note = "other", "文件无法读取，仅列出"
                continue
            kind = file_kind(head)
            if kind is FileKind.IMAGE:
                size = _image_size(f.path)
                if isinstance(size, str):
                    f.kind, f.note = "other", size
                else:
                    f.kind, (f.width, f.height) = "image", size
            elif kind is FileKind.PDF:
                opened = readers.get(f.sha256) or _pdf_pages(f.path)
                if isinstance(opened, str):
                    f.kind, f.note = "other", opened
                else:
                    readers[f.sha256] = opened
                    f.kind, f.pages = "pdf", opened[1]
                    total = len(opened[0].pages)
                    if total > f.pages:
                        f.note = f"共{total}页，只收录前{f.pages}页"
            else:
                f.kind = "other"
    return readers


def _image_size(path: Path) -> tuple[int, int] | str:
    """Width and height as the photo is shown (EXIF rotation applied), or why it is not."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return f"图片过大（{width}×{height}像素），未嵌入，仅列出"
                orientation = image.getexif().get(0x0112, 1)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            return "图片像素过多（可能是恶意文件），未嵌入，仅列出"
        except (OSError, ValueError, SyntaxError) as exc:
            log.info("image left out of the binder: %s", type(exc).__name__)
            return "图片无法读取，未嵌入，仅列出"
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _image_bytes(path: Path) -> io.BytesIO | None:
    """The photo as a JPEG of at most IMAGE_EDGE pixels on its long side; None if broken."""
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                image.draft("RGB", (IMAGE_EDGE, IMAGE_EDGE))
                shown = ImageOps.exif_transpose(image)
                shown = shown.convert("RGB")
                shown.thumbnail((IMAGE_EDGE, IMAGE_EDGE))
                out = io.BytesIO()
                shown.save(out, "JPEG", quality=85)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError, OSError,
                ValueError, SyntaxError, MemoryError) as exc:  # fmt: skip
            log.info("image could not be drawn in the binder: %s", type(exc).__name__)
            return None
    out.seek(0)
    return out


def _pdf_pages(path: Path) -> tuple[Any, int] | str:
    """An opened evidence PDF and how many of its pages go in, or why it is only listed."""
    from pypdf import PdfReader

    if path.stat().st_size > MAX_PDF_BYTES:
        return "PDF超过64MB，未嵌入，仅列出"
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(str(path), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                return "PDF已加密，未嵌入，仅列出"
            count = len(reader.pages)
            if count == 0:
                return "PDF没有页面，仅列出"
            for index in range(min(count, MAX_PDF_PAGES)):
                # Each page's content is decoded once here (pypdf caps what one stream may
                # expand to): a compression bomb or a broken page is found now, not later.
                page = reader.pages[index]
                contents = page.get_contents()
                if contents is not None:
                    contents.get_data()
                page.mediabox  # noqa: B018  (a page without a size cannot be placed)
        except Exception as exc:  # any failure of a hostile file means "do not embed"
            log.info("pdf left out of the binder: %s", type(exc).__name__)
            return "PDF已损坏或无法安全读取，未嵌入，仅列出"
    return reader, min(count, MAX_PDF_PAGES)


# -- writing -----------------------------------------------------------------------------------


def write_binder_pdf(doc: BinderDoc, target: Path | BinaryIO) -> BinderResult:
    """Write the binder; the file gets every text page and every evidence page in order."""
    from pypdf import PdfReader, PdfWriter

    from rectdesk.reports.pdf import _plain_streams

    readers = prepare(doc)
    report = _report(doc)
    chars = characters_by_role(report)
    chars[Role.TITLE].update(doc.title + doc.subtitle)
    chars[Role.BODY].update(doc.unit + doc.date_text + "目录第页共条份张附件：（）—·0123456789")
    for item in doc.items:
        chars[Role.BODY].update(item.title)
        for f in item.files:
            chars[Role.BODY].update(f"图{f.name}（{f.note}）")
    plan = plan_fonts({r: {c for c in v if not c.isspace()} for r, v in chars.items()})
    if plan.missing:
        raise UserError(plan.refusal())
    with _plain_streams():
        # Measuring passes (nothing decoded) until every page number stands still: the
        # contents name the pages of the items, the evidence tables those of the files.
        starts: list[int] = []
        for _attempt in range(4):
            trial = _BinderPdf(doc, report, io.BytesIO(), plan, starts, measuring=True)
            trial.run()
            if trial.found == starts:
                break
            starts = trial.found
        text = io.BytesIO()
        writer = _BinderPdf(doc, report, text, plan, starts)
        writer.run()
    text.seek(0)
    pages = PdfReader(text)
    out = PdfWriter()
    inserts = dict(writer.inserts)
    for index in range(len(pages.pages) + 1):
        for sha, count in inserts.get(index, []):
            reader = readers[sha][0]
            for number in range(count):
                _put_page(out, reader.pages[number])
        if index < len(pages.pages):
            out.add_page(pages.pages[index])
    out.add_metadata({"/Title": doc.title, "/Creator": "RectDesk"})
    if isinstance(target, Path):
        with target.open("wb") as handle:
            out.write(handle)
    else:
        out.write(target)
    files = [f for item in doc.items for f in item.files]
    return BinderResult(
        pages=writer.page,
        embedded_images=sum(1 for f in files if f.kind == "image"),
        embedded_pdfs=sum(1 for f in files if f.kind == "pdf"),
        listed=sum(1 for f in files if f.kind == "other"),
        fonts=plan,
    )


def _put_page(out: Any, page: Any) -> None:
    """Copy an evidence page without anything that acts (scripts, launches, links, forms)."""
    from pypdf.generic import NameObject

    added = out.add_page(page)
    for key in ("/AA",):
        if NameObject(key) in added:
            del added[NameObject(key)]
    annots = added.get("/Annots")
    if annots is not None:
        for ref in list(annots.get_object()):
            annot = ref.get_object()
            for key in ("/A", "/AA"):
                if NameObject(key) in annot:
                    del annot[NameObject(key)]


def _report(doc: BinderDoc) -> Report:
    """The binder's text as a report layout; marks stand where the writer draws itself."""
    blocks: list[Paragraph | Table] = [Paragraph(_COVER, ParagraphStyle.SIGNOFF),
                                       Paragraph(_CONTENTS, ParagraphStyle.SIGNOFF)]  # fmt: skip
    for index, item in enumerate(doc.items):
        blocks.append(Paragraph(f"{_ITEM}{index}", ParagraphStyle.SIGNOFF))
        blocks.extend(item.blocks)
        blocks.append(Paragraph(f"{_FILES}{index}", ParagraphStyle.SIGNOFF))
    blocks.extend(doc.closing)
    return Report("binder", doc.title, blocks)


_COVER = "\x1ecover"
_CONTENTS = "\x1econtents"
_ITEM = "\x1eitem:"
_FILES = "\x1efiles:"


class _BinderPdf(_PdfWriter):
    """The report writer, drawing the cover, contents, photos and places for PDF pages."""

    def __init__(
        self, doc: BinderDoc, report: Report, target: BinaryIO, plan: FontPlan,
        starts: list[int], *, measuring: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(report, target, plan)
        self.doc = doc
        self.measuring = measuring
        self.starts: list[int] = starts or [0] * len(doc.items)
        self.found: list[int] = []
        #: Canvas pages finished so far, and (after canvas page n) the PDFs put in there.
        self.canvas_pages = 0
        self.inserts: dict[int, list[tuple[str, int]]] = {}

    def finish_page(self) -> None:
        super().finish_page()
        self.canvas_pages += 1

    def run(self) -> int:
        self.start_page()
        blocks = self.report.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, Paragraph) and block.text.startswith("\x1e"):
                self._mark(block.text)
                continue
            tail = self._tail(blocks[index + 1 :])
            if isinstance(block, Paragraph):
                self.paragraph(block, tail=tail)
            else:
                self.table(block, tail=tail)
        if self.y < self.y_top:
            self.finish_page()
        else:
            self.page -= 1  # an empty last page (after a PDF put in) is not printed
        self.c.save()
        return self.page

    def _fresh_page(self) -> None:
        if self.y < self.y_top:
            self.new_page()

    def _mark(self, mark: str) -> None:
        if mark == _COVER:
            self._cover()
        elif mark == _CONTENTS:
            self._contents()
        elif mark.startswith(_ITEM):
            self._fresh_page()
            self.found.append(self.page)
            item = self.doc.items[int(mark[len(_ITEM) :])]
            self.paragraph(Paragraph(item.title, ParagraphStyle.HEADING1), keep_next=True)
        elif mark.startswith(_FILES):
            self._files(self.doc.items[int(mark[len(_FILES) :])])

    # -- cover and contents ------------------------------------------------------------------

    def _centre(self, role: Role, size: float, text: str, pitch: float) -> None:
        for line in wrap(text, self.x1 - self.x0, self.widths(role, size)):
            self.draw(role, size, (self.x0 + self.x1) / 2, self.y - pitch / 2 - 0.36 * size,
                      line, Align.CENTER)  # fmt: skip
            self.y -= pitch

    def _cover(self) -> None:
        doc = self.doc
        self.y -= 45 * MM
        self._centre(Role.TITLE, 26, doc.title, 26 * 1.6)
        self.y -= 8 * MM
        self._centre(Role.BODY, 16, doc.subtitle, BODY_PITCH)
        self.y = self.y_bottom + 55 * MM
        self._centre(Role.BODY, 16, doc.unit, BODY_PITCH)
        self._centre(Role.BODY, 16, doc.date_text, BODY_PITCH)
        self.new_page()

    def _contents(self) -> None:
        self._centre(Role.HEADING, 16, "目　录", BODY_PITCH * 1.5)
        widths = self.widths(Role.BODY, 14)
        for index, item in enumerate(self.doc.items):
            number = str(self.starts[index]) if index < len(self.starts) else "0"
            room = self.x1 - self.x0 - widths.text_width("00000") - 10
            title = item.title
            while title and widths.text_width(title) > room:
                title = title[:-2] + "…"
            if self.y - BODY_PITCH < self.y_bottom:
                self.new_page()
            baseline = self.y - BODY_PITCH / 2 - 0.36 * 14
            self.draw(Role.BODY, 14, self.x0, baseline, title, Align.LEFT)
            self.draw(Role.BODY, 14, self.x1, baseline, number, Align.RIGHT)
            left = self.x0 + widths.text_width(title) + 4
            right = self.x1 - widths.text_width(number) - 4
            if right > left and not self.dry:
                self.c.setDash(1, 2)
                self.c.line(left, baseline, right, baseline)
                self.c.setDash()
            self.y -= BODY_PITCH
        self.new_page()

    # -- evidence ----------------------------------------------------------------------------

    def _files(self, item: BinderItem) -> None:
        figure = 0
        for f in item.files:
            if f.kind == "image":
                figure += 1
                self._image(f, figure)
        # Where the photos fell is known now: the evidence table says it.
        if self.doc.evidence_table is not None and item.files:
            self.paragraph(Paragraph("佐证材料清单", ParagraphStyle.HEADING2), keep_next=True)
            self.table(self.doc.evidence_table(item))
        for f in item.files:
            if f.kind == "pdf":
                self._pdf(f)

    def _image(self, f: BinderFile, figure: int) -> None:
        area = self.x1 - self.x0
        caption = f"图{figure}　{f.name}"
        # Two photos to a page at most; a small picture is not blown up past 96 dpi.
        tallest = 0.6 * (self.y_top - self.y_bottom)
        scale = min(area / f.width, tallest / f.height, 72 / 96)
        width, height = f.width * scale, f.height * scale
        if self.y - height - BODY_PITCH < self.y_bottom:
            self.new_page()
        top = self.y - 2 * MM
        x = (self.x0 + self.x1 - width) / 2
        if not self.measuring:
            data = _image_bytes(f.path) if f.path is not None else None
            if data is not None:
                from reportlab.lib.utils import ImageReader

                self.c.drawImage(ImageReader(data), x, top - height, width, height)
            else:
                self.c.rect(x, top - height, width, height)
                self.draw(Role.BODY, CAPTION_SIZE, (self.x0 + self.x1) / 2, top - height / 2,
                          "图片无法解码，未能嵌入", Align.CENTER)  # fmt: skip
        self.y = top - height - 1 * MM
        self._centre(Role.BODY, CAPTION_SIZE, caption, CAPTION_SIZE * 1.8)
        f.placed = f"第{self.page}页"

    def _pdf(self, f: BinderFile) -> None:
        if self.y < self.y_top:
            self.finish_page()
        else:
            self.page -= 1  # the page just opened stays unused
        first = self.page + 1
        self.inserts.setdefault(self.canvas_pages, []).append((f.sha256, f.pages))
        self.page += f.pages
        f.placed = f"第{first}页" if f.pages == 1 else f"第{first}—{self.page}页"
        self.start_page()

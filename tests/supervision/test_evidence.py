"""The reuse guard and the 销号 binder, with the files that try to break them."""

from __future__ import annotations

import datetime as dt
import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from supkit import PLANTED, TODAY, photo, text_pdf

from rectdesk.cli import main
from rectdesk.domain.evidence import ReuseKind, hamming, near_groups
from rectdesk.domain.privacy import OutputMode
from rectdesk.services import binder, evidence_guard
from rectdesk.services.items import ItemService
from rectdesk.store import Store

MINUTES = ["Minutes of the rectification meeting of 12 October 2025,", "item one: done."]


def kinds(store: Store) -> dict[ReuseKind, list[int]]:
    result = evidence_guard.check(store)
    return {g.kind: g.item_ids for g in result.groups}


def test_a_photo_saved_again_at_another_quality_is_flagged(store: Store, tmp_path: Path) -> None:
    ids = [i.id for i in store.items()]
    original = photo(tmp_path / "现场.jpg", 7, quality=92)
    again = tmp_path / "现场-微信.jpg"
    with Image.open(original) as image:
        image.resize((900, 675)).save(again, "JPEG", quality=35)
    other = photo(tmp_path / "培训.jpg", 8)
    store.add_attachment(ids[0], original)
    store.add_attachment(ids[2], again)
    store.add_attachment(ids[3], other)
    assert original.read_bytes() != again.read_bytes()
    found = kinds(store)
    assert found == {ReuseKind.SIMILAR_IMAGE: [ids[0], ids[2]]}
    groups = evidence_guard.check(store).groups
    assert groups[0].across_units and groups[0].units == ["医政股", "疾控股"]


def test_the_same_file_and_the_same_pdf_text(store: Store, tmp_path: Path) -> None:
    ids = [i.id for i in store.items()]
    minutes = text_pdf(tmp_path / "纪要.pdf", MINUTES)
    copy = text_pdf(tmp_path / "纪要（重新导出）.pdf", [" ".join(MINUTES)])
    store.add_attachment(ids[0], minutes)
    store.add_attachment(ids[1], minutes)
    store.add_attachment(ids[4], copy)
    # One file attached twice to the same item is not reuse.
    store.add_attachment(ids[5], photo(tmp_path / "a.jpg", 3))
    store.add_attachment(ids[5], photo(tmp_path / "a.jpg", 3))
    found = kinds(store)
    assert found[ReuseKind.SAME_FILE] == [ids[0], ids[1]]
    assert found[ReuseKind.SAME_TEXT] == [ids[0], ids[1], ids[4]]
    assert ReuseKind.SIMILAR_IMAGE not in found


def test_hostile_files_are_noted_never_trusted(store: Store, tmp_path: Path) -> None:
    ids = [i.id for i in store.items()]
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header(60_000, 60_000))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer")
    blank = tmp_path / "blank.jpg"
    Image.new("RGB", (800, 600), "white").save(blank)
    for path in (bomb, broken, blank):
        store.add_attachment(ids[0], path)
        store.add_attachment(ids[1], photo(tmp_path / f"x{path.stem}.jpg", hash(path.stem) % 97))
    result = evidence_guard.check(store)
    assert result.groups == []
    notes = set(result.notes.values())
    assert "图片像素过多，未比对" in notes
    assert "PDF无法读取，未比对文字" in notes
    assert "图片几乎是纯色，未比对" in notes


def test_evidence_attached_through_the_services_is_flagged_at_once(
    store: Store, tmp_path: Path
) -> None:
    ids = [i.id for i in store.items()]
    original = photo(tmp_path / "现场.jpg", 7, quality=92)
    resaved, again = tmp_path / "现场-微信.jpg", tmp_path / "现场-压缩.jpg"
    with Image.open(original) as image:
        image.resize((900, 675)).save(resaved, "JPEG", quality=35)
        image.resize((600, 450)).save(again, "JPEG", quality=50)
    store.add_attachment(ids[0], original)  # attached before: not read until the check
    service = ItemService(store, lambda: "李明")
    service.add_progress([ids[2]], TODAY, "现场照片", [resaved]).do()
    assert evidence_guard.flags_for(store, ids) == {}
    service.close_off([ids[4]], TODAY, evidence=again).do()
    # Both new photos were read as they were attached: the flag shows without a check.
    assert list(evidence_guard.flags_for(store, ids)) == [ids[2], ids[4]]
    result = evidence_guard.check(store)
    assert result.read_now == 1
    assert [g.item_ids for g in result.groups] == [[ids[0], ids[2], ids[4]]]


def test_near_groups_follow_chains_and_keep_strangers_apart() -> None:
    a = 0x0F0F_0F0F_0F0F_0F0F
    b = a ^ 0b111  # 3 bits from a
    c = b ^ (0b111 << 20)  # 3 bits from b, 6 from a
    far = ~a & (2**64 - 1)
    groups = {tuple(g) for g in near_groups([a, b, c, far])}
    assert tuple(sorted((a, b, c))) in groups and (far,) in groups
    assert hamming(a, far) == 64


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares a huge size (the pixels are never there)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))  # fmt: skip

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))  # fmt: skip


def bomb_pdf(path: Path) -> Path:
    """A one-page PDF whose content stream inflates to 200 MB of zeros."""
    packed = zlib.compress(b"\x00" * (200 * 1024 * 1024), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed
        + b"\nendstream",
    ]  # fmt: skip
    return _pdf(path, objects)


_TEXT = b"BT /F1 24 Tf 72 720 Td (evidence page) Tj ET"


def script_pdf(path: Path) -> Path:
    """A PDF with a script run on opening and on the page, and a launch link."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
        b" /AA << /O << /S /JavaScript /JS (app.alert(2)) >> >> /Annots [5 0 R] >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_TEXT), _TEXT),
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (cmd.exe) >> >>",
    ]
    return _pdf(path, objects)


def _pdf(path: Path, objects: list[bytes]) -> Path:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    path.write_bytes(out.getvalue())
    return path


def test_binder_with_hostile_pdfs_and_a_huge_image(store: Store, tmp_path: Path) -> None:
    ids = [i.id for i in store.items()]
    good = text_pdf(tmp_path / "会议纪要.pdf", MINUTES)
    store.add_attachment(ids[0], photo(tmp_path / "现场.jpg", 1))
    store.add_attachment(ids[0], good)
    store.add_attachment(ids[0], script_pdf(tmp_path / "带脚本.pdf"))
    store.add_attachment(ids[1], bomb_pdf(tmp_path / "压缩炸弹.pdf"))
    huge = tmp_path / "超大图.png"
    huge.write_bytes(png_header(40_000, 40_000))
    store.add_attachment(ids[1], huge)
    (tmp_path / "台账.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    store.add_attachment(ids[1], tmp_path / "台账.xlsx")
    encrypted = tmp_path / "加密.pdf"
    _encrypt(good, encrypted)
    store.add_attachment(ids[1], encrypted)
    store.add_attachment(ids[2], photo(tmp_path / "现场-另存.jpg", 1, quality=40))

    out = binder.write_binder(store, tmp_path / "销号材料.pdf", item_ids=ids[:3], today=TODAY)
    assert out.items == 3 and out.files == 8 and out.flagged == 2
    reader = PdfReader(str(out.path))
    text = "".join(p.extract_text() or "" for p in reader.pages)
    assert out.pages == len(reader.pages)
    # The script PDF's page went in (without anything that acts); the bomb did not.
    assert "evidence page" in text and "item one: done." in text
    raw = out.path.read_bytes()
    for forbidden in (b"/JavaScript", b"/Launch", b"/OpenAction", b"app.alert"):
        assert forbidden not in raw
    # Table cells wrap: the notes are read with line breaks taken out.
    flat = text.replace("\n", "").replace(" ", "")
    assert "PDF已损坏或无法安全读取，未嵌入，仅列出" in flat
    assert "图片像素过多（可能是恶意文件），未嵌入，仅列出" in flat
    assert "PDF已加密，未嵌入，仅列出" in flat
    assert "台账.xlsx" in flat and "复用提示" in flat and "近似图片" in flat
    # Every file is listed with its full SHA-256.
    for attachment in store.attachments(ids[1]):
        assert attachment.sha256 in flat


def _encrypt(source: Path, target: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(source))
    writer.encrypt("secret")
    with target.open("wb") as handle:
        writer.write(handle)


def test_binder_contents_page_numbers_are_right(store: Store, tmp_path: Path) -> None:
    ids = [i.id for i in store.items()]
    pages = [f"page {n} of the long minutes" for n in range(3)]
    from reportlab.pdfgen.canvas import Canvas

    long_pdf = tmp_path / "长纪要.pdf"
    canvas = Canvas(str(long_pdf))
    for line in pages:
        canvas.drawString(72, 720, line)
        canvas.showPage()
    canvas.save()
    store.add_attachment(ids[0], long_pdf)
    store.add_attachment(ids[1], photo(tmp_path / "p.jpg", 5))
    out = binder.write_binder(store, tmp_path / "b.pdf", item_ids=ids[:3], today=TODAY)
    reader = PdfReader(str(out.path))
    texts = [p.extract_text() or "" for p in reader.pages]
    contents = texts[1]
    for item in store.items_by_ids(ids[:3]):
        number = next(n for n, t in enumerate(texts, start=1) if item.number and item.number in t
                      and n > 2)  # fmt: skip
        title_line = next(line for line in contents.splitlines() if item.number in line)
        assert title_line.rstrip().endswith(str(number)), (title_line, number)
    # The evidence PDF's three pages follow item 1's text, and the numbers count them.
    at = next(n for n, t in enumerate(texts) if "page 0 of the long minutes" in t)
    assert [pages[k] in texts[at + k] for k in range(3)] == [True] * 3
    assert f"第{at + 1}—{at + 3}页" in "".join(texts).replace("\n", "")


def test_binder_is_masked_and_the_zip_has_an_index(store: Store, tmp_path: Path) -> None:
    ids = [i.id for i in store.items()]
    store.add_attachment(ids[0], photo(tmp_path / "现场.jpg", 1))
    store.add_attachment(ids[0], tmp_path / "现场.jpg")
    out = binder.write_binder(store, tmp_path / "b.pdf", item_ids=ids[:1], today=TODAY)
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out.path)).pages)
    assert "13911112222" not in text.replace(" ", "") and "139****2222" in text
    full = binder.write_binder(store, tmp_path / "f.pdf", item_ids=ids[:1], today=TODAY,
                               mode=OutputMode.FULL)  # fmt: skip
    assert "13911112222" in "".join(p.extract_text() or "" for p in PdfReader(str(full.path)).pages)
    archive = binder.write_binder(store, tmp_path / "b.zip", batch_id=store.batches()[0].id,
                                  today=TODAY)  # fmt: skip
    with zipfile.ZipFile(archive.path) as z:
        names = z.namelist()
        index = z.read("index.html").decode("utf-8")
    assert "index.html" in names and "001/01-现场.jpg" in names
    assert store.attachments(ids[0])[0].sha256 in index
    assert PLANTED not in index and "139****2222" in index


def test_binder_refuses_wrong_names(store: Store, tmp_path: Path) -> None:
    from rectdesk.domain.errors import UserError

    with pytest.raises(UserError, match=r"\.pdf 或 \.zip"):
        binder.write_binder(store, tmp_path / "b.docx", item_ids=[1], today=TODAY)
    with pytest.raises(UserError, match="不存在"):
        binder.write_binder(store, tmp_path / "b.pdf", item_ids=[999], today=TODAY)


def test_command_line(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = [i.id for i in store.items()]
    store.add_attachment(ids[0], photo(tmp_path / "a.jpg", 4))
    store.add_attachment(ids[3], tmp_path / "a.jpg")
    db = str(store.path)
    store.close()
    assert main(["--db", db, "evidence-reuse", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [g["kind"] for g in data["groups"]] == ["same_file"]
    assert data["flagged_items"] == [ids[0], ids[3]]
    assert main(["--db", db, "evidence-reuse"]) == 0
    assert "同一文件：a.jpg" in capsys.readouterr().out
    listing = tmp_path / "复用清单.pdf"
    assert main(["--db", db, "evidence-reuse", "--print", str(listing)]) == 0
    assert "佐证材料复用清单" in "".join(p.extract_text() or "" for p in
                                         PdfReader(str(listing)).pages)  # fmt: skip
    out = tmp_path / "b.pdf"
    assert main(["--db", db, "binder", "--item", str(ids[0]), "--output", str(out)]) == 0
    assert out.is_file() and "复用提示" in capsys.readouterr().out
    assert main(["--db", db, "binder", "--batch", "1", "--output", str(tmp_path / "b.zip"),
                 "--json"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out)["items"] == 6


def test_evidence_guard_is_dated(store: Store) -> None:
    report = evidence_guard.reuse_report(store, evidence_guard.check(store), today=TODAY)
    assert "截至2026年3月16日" in "".join(report.texts())
    assert dt.date.today()  # the check itself never depends on the clock


def test_binder_ledger_dates_are_written_as_the_office_writes_them(
    store: Store, tmp_path: Path
) -> None:
    """The 台账记录 table prints 2026年3月2日, never 2026-03-02 (an upper level reads it)."""
    from rectdesk.domain.model import LedgerKind

    item = store.items()[0].id
    store.add_ledger_entry(item, dt.date(2026, 3, 2), LedgerKind.PROGRESS, "已召开专题会议。")
    out = binder.write_binder(store, tmp_path / "b.pdf", item_ids=[item], today=TODAY)
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out.path)).pages)
    flat = "".join(text.split())
    assert "2026年3月2日" in flat
    assert "2026-03-02" not in flat

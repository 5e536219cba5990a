"""A corpus of hostile files, made on the spot: each must be refused or read, never crash."""

from __future__ import annotations

import base64
import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

DATA = Path(__file__).resolve().parent / "data"

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&lol4;</t></si></sst>'
)


def valid_xlsx(rows: int = 3) -> bytes:
    """A small genuine workbook with a header and a few items."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "问题描述", "责任单位", "整改时限"])
    for i in range(rows):
        sheet.append([i + 1, f"问题{i + 1}", "办公室", "2024年6月30日"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, body in (add or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    base = zipfile.ZipFile(io.BytesIO(valid_xlsx()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in base.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with target.open(info.filename, "w", force_zip64=True) as handle:
                    handle.write(b'<?xml version="1.0"?><worksheet><sheetData>')
                    chunk = b" " * (1 << 20)
                    for _ in range(64):  # 64 MB of blanks, a few dozen KB compressed
                        handle.write(chunk)
                    handle.write(b"</sheetData></worksheet>")
            else:
                target.writestr(info.filename, base.read(info.filename))
    return out.getvalue()


def _with_shared_strings(data: bytes, strings: bytes) -> bytes:
    """A workbook whose first cell reads from a shared-strings part with the given body."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    types = archive.read("[Content_Types].xml").decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    start = sheet.index('<c r="B2"')
    end = sheet.index("</c>", start) + 4
    sheet = sheet[:start] + '<c r="B2" t="s"><v>0</v></c>' + sheet[end:]
    return _rewrite(
        data,
        {"xl/_rels/workbook.xml.rels": rels.encode(), "[Content_Types].xml": types.encode(),
         "xl/worksheets/sheet1.xml": sheet.encode()},
        {"xl/sharedStrings.xml": strings},
    )  # fmt: skip


def _entity_bomb() -> bytes:
    return _with_shared_strings(valid_xlsx(), BILLION_LAUGHS.encode())


def _absurd_shared_string_count() -> bytes:
    # Readers that trust this attribute and reserve room for four billion strings die.
    sst = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" count="4000000000" uniqueCount="4000000000"><si><t>办公室</t></si></sst>'
    )
    return _with_shared_strings(valid_xlsx(), sst.encode())


def _sheet_entity_bomb() -> bytes:
    sheet = BILLION_LAUGHS.replace("<sst", "<worksheet").replace("sst>", "worksheet>")
    return _rewrite(valid_xlsx(), {"xl/worksheets/sheet1.xml": sheet.encode()})


def _absurd_dimensions() -> bytes:
    data = valid_xlsx(20)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace('<dimension ref="A1:D21"/>', '<dimension ref="A1:XFD1048576"/>')
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远</t></is></c></row>'
    sheet = sheet.replace("</sheetData>", far + "</sheetData>")
    return _rewrite(data, {"xl/worksheets/sheet1.xml": sheet.encode()})


def _megabyte_cells() -> bytes:
    # openpyxl itself cuts long strings when writing, so the cells are written by hand.
    data = valid_xlsx(3)
    archive = zipfile.ZipFile(io.BytesIO(data))
    sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    rng = random.Random(4)
    # 2 M characters of varied text: repeated text would compress like a bomb.
    huge = "问题" + base64.b64encode(rng.randbytes(1_500_000)).decode()
    for row in (2, 3, 4):
        start = sheet.index(f'<c r="B{row}"')
        end = sheet.index("</c>", start) + 4
        cell = f'<c r="B{row}" t="inlineStr"><is><t>{huge}</t></is></c>'
        sheet = sheet[:start] + cell + sheet[end:]
    return _rewrite(data, {"xl/worksheets/sheet1.xml": sheet.encode()})


def _external_links() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["问题描述", "责任单位", "备注"])
    sheet.append(["外部链接行", "办公室", "='[上级.xlsx]Sheet1'!A1"])
    sheet.append(["公式行", "办公室", '=WEBSERVICE("http://example.invalid/")'])
    buffer = io.BytesIO()
    book.save(buffer)
    link = (
        b'<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships"/></externalLink>'
    )
    return _rewrite(buffer.getvalue(), {}, {"xl/externalLinks/externalLink1.xml": link})


def _merge_bomb() -> bytes:
    # A few KB: one value, a row at the sheet's last line, and a merge over everything between.
    data = valid_xlsx(3)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    far = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>远</t></is></c></row>'
    sheet = sheet.replace("</sheetData>", far + "</sheetData>")
    sheet = sheet.replace("</worksheet>", '<mergeCells count="1"><mergeCell ref="B5:GR1048575"/>'
                          "</mergeCells></worksheet>")  # fmt: skip
    return _rewrite(data, {"xl/worksheets/sheet1.xml": sheet.encode()})


def _xlsb() -> bytes:
    # What Excel's binary workbook looks like from outside: a zip with a .bin workbook part.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        target.writestr("xl/workbook.bin", b"\x83\x01\x00" * 50)
        target.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00" * 50)
    return out.getvalue()


def _future_zip() -> bytes:
    # Found by fuzzing: a central directory asking for a newer unzip than Python has.
    data = bytearray(valid_xlsx())
    at = data.find(b"PK\x01\x02")
    data[at + 6 : at + 8] = (175).to_bytes(2, "little")
    return bytes(data)


def _encrypted() -> bytes:
    # What Office writes for a password-protected workbook: an OLE container holding
    # EncryptionInfo and EncryptedPackage streams instead of a zip.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    directory += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 50
    return header + directory + b"\x5a" * 4096


def _ole_garbage() -> bytes:
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "Workbook".encode("utf-16-le")
        + (b"\x13" * 3000)
    )


def _empty_workbook() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


def _docx_as_xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def _instructions_only() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "填表说明"
    sheet.append(["1. 每个问题填一行。"])
    sheet.append(["2. 时限写到日。"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


#: name, file name, maker, and whether the file should import (True) or be refused (False).
CORPUS: list[tuple[str, str, Callable[[], bytes], bool]] = [
    ("zero bytes", "空.xlsx", lambda: b"", False),
    ("only blanks", "空白.csv", lambda: b" \r\n\r\n  ", False),
    ("empty workbook", "空表.xlsx", _empty_workbook, False),
    ("instructions only", "说明.xlsx", _instructions_only, False),
    ("truncated xlsx", "截断.xlsx", lambda: valid_xlsx()[:1500], False),
    ("truncated tail", "截断尾.xlsx", lambda: valid_xlsx()[:-200], False),
    ("zip of garbage", "乱码.xlsx", lambda: b"PK\x03\x04" + b"\x17" * 5000, False),
    ("zip needing a newer unzip", "新版.xlsx", _future_zip, False),
    ("random binary", "二进制.xlsx", lambda: bytes(range(256)) * 40, False),
    ("encrypted workbook", "加密.xlsx", _encrypted, False),
    ("ole garbage as xls", "坏.xls", _ole_garbage, False),
    ("truncated xls", "截断.xls", lambda: (DATA / "整改台账.xls").read_bytes()[:5000], False),
    ("decompression bomb", "炸弹.xlsx", _bomb, False),
    ("xml entity bomb (shared strings)", "实体.xlsx", _entity_bomb, False),
    ("xml entity bomb (sheet)", "实体2.xlsx", _sheet_entity_bomb, False),
    ("pdf named xlsx", "文件.xlsx", lambda: b"%PDF-1.7\n" + b"x" * 100, False),
    ("word named xlsx", "文档.xlsx", _docx_as_xlsx, False),
    ("html named xls", "网页.xls", lambda: "<html><table><tr><td>问题</td></tr>".encode(), False),
    ("undecodable csv", "乱码.csv", lambda: b"\xd6\xd0,\x80\x80\xff\xfe\xff\n" * 20, False),
    ("csv with NUL", "空字符.csv", lambda: b"a,b\n\x00\x00\x00,c\n", False),
    ("merge-cell bomb", "合并.xlsx", _merge_bomb, False),
    ("binary workbook (xlsb)", "二进制.xlsb", _xlsb, False),
    (
        "csv with an unclosed quote",
        "引号.csv",
        lambda: '问题描述,责任单位\n"问题一,办公室\n问题二,办公室\n'.encode(),
        False,
    ),
    (
        "unicode text (utf-16)",
        "Unicode文本.txt",
        lambda: "问题描述\t责任单位\n问题一\t办公室\n".encode("utf-16"),
        True,
    ),
    ("absurd dimensions", "维度.xlsx", _absurd_dimensions, True),
    ("absurd shared-string count", "计数.xlsx", _absurd_shared_string_count, True),
    ("megabyte cells", "大单元格.xlsx", _megabyte_cells, True),
    ("formulas and external links", "外链.xlsx", _external_links, True),
    ("xlsx named csv", "伪装.csv", valid_xlsx, True),
    (
        "csv named xlsx",
        "伪装.xlsx",
        lambda: "问题描述,责任单位\n问题一,办公室\n".encode("gbk"),
        True,
    ),
]

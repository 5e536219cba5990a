"""Decide what a file is from its bytes, and refuse what is unsafe before any parser runs."""

from __future__ import annotations

import stat
import zipfile
from enum import Enum
from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Message, UserError

#: Files larger than this are refused outright (a county ledger is a few MB at most).
MAX_FILE_BYTES = 150 * 1024 * 1024
#: What a workbook may expand to when unzipped, in total: only a sanity bound, since memory is
#: bounded by the text actually kept (readers.MAX_TOTAL_CHARS) and each part's ratio below. A
#: genuine 125 MB workbook of 100,000 long rows unzips to about a gigabyte.
MAX_UNZIPPED_BYTES = 2 * 1024 * 1024 * 1024
#: A member bigger than this must not be compressed more than MAX_RATIO times.
RATIO_FLOOR_BYTES = 2 * 1024 * 1024
MAX_RATIO = 150

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class Format(str, Enum):
    """A spreadsheet format RectDesk can read."""

    XLSX = "xlsx"
    XLS = "xls"
    CSV = "csv"


def refuse(path: Path, problem: str, detail: str = "", **values: object) -> UserError:
    """One sentence naming the file and the problem (a template, with its ``values``)."""
    return UserError(
        QT_TRANSLATE_NOOP("Errors", "无法导入“{name}”：{problem}"),
        detail,
        name=path.name,
        problem=Message(problem, **values),
    )


def utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(path: Path) -> Format:
    """The file's real format, whatever its name says; a UserError for anything else."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(str(path))
        if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
            raise refuse(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors", "这不是普通文件（可能是管道或设备），请选择保存在磁盘上的表格文件。"
                ),
            )
        size = info.st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
    except FileNotFoundError as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "文件不存在，请检查路径。"),
            str(exc),
        ) from exc
    except IsADirectoryError as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "这是一个文件夹，请选择表格文件。"),
            str(exc),
        ) from exc
    except OSError as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "文件无法读取，请检查是否有权限或是否被其他程序占用。"),
            str(exc),
        ) from exc
    if size == 0 or not head.strip(b" \t\r\n\x00"):
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "文件是空的，请确认上级下发的表格已完整保存。"),
        )
    if size > MAX_FILE_BYTES:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "文件超过 150 MB，不像是整改清单，请检查是否选错了文件。"),
        )
    if head.startswith(ZIP_MAGIC):
        check_zip(path)
        return Format.XLSX
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"%PDF"):
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors", "这是 PDF 文件，请向上级索取 Excel 表格，或复制到 Excel 后另存为 xlsx。"
            ),
        )
    lowered = head[:2048].lower()
    if b"<html" in lowered or b"<table" in lowered or b"<?xml" in lowered:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors",
                "这是网页或 XML 格式伪装的表格，"
                "请用 WPS 或 Excel 打开后另存为 xlsx 再导入。",
            ),
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Format.CSV  # UTF-16 text: Excel's and WPS's "Unicode 文本" save
    if b"\x00" in head:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "文件内容不是表格，也不是文本，请检查是否选错了文件。"),
        )
    return Format.CSV


def check_zip(path: Path) -> None:
    """Refuse zip bombs and archives that are not workbooks, before openpyxl sees them."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors", "文件已损坏或不完整（可能下载或拷贝中断），请重新获取原文件。"
            ),
            str(exc),
        ) from exc
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "这是 Word 文档，不是表格，请选择 Excel 表格。"),
        )
    if "xl/workbook.bin" in names:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors",
                "这是 Excel 二进制工作簿（.xlsb），"
                "请在 Excel 或 WPS 中另存为“Excel 工作簿（.xlsx）”后再导入。",
            ),
        )
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors", "这是一个压缩包，不是 Excel 表格，请解压后选择其中的表格。"
            ),
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise refuse(
                path,
                QT_TRANSLATE_NOOP(
                    "Errors", "文件解压后异常巨大（疑似恶意构造的压缩炸弹），已拒绝打开。"
                ),
                f"{info.filename}: {info.compress_size} -> {info.file_size}",
            )
    if total > MAX_UNZIPPED_BYTES:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "文件解压后超过 2 GB，已拒绝打开；请确认是否选错了文件。"),
            str(total),
        )


def _ole_kind(path: Path) -> Format:
    data = path.read_bytes()
    if utf16("EncryptionInfo") in data or utf16("EncryptedPackage") in data:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP(
                "Errors", "表格设置了打开密码，请在 WPS 或 Excel 中取消密码后另存，再导入。"
            ),
        )
    if utf16("WordDocument") in data:
        raise refuse(
            path,
            QT_TRANSLATE_NOOP("Errors", "这是 Word 文档，不是表格，请选择 Excel 表格。"),
        )
    if utf16("Workbook") in data or utf16("Book") in data:
        return Format.XLS
    raise refuse(
        path,
        QT_TRANSLATE_NOOP("Errors", "文件不是可识别的 Excel 或 WPS 表格，请另存为 xlsx 后再导入。"),
    )

"""Cell values as the ledger wants them: exact 编号 text, plain text, status words."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, TransitionError, localized
from rectdesk.domain.model import Status
from rectdesk.domain.status import parse_status
from rectdesk.importers.readers import CellValue

_TRIM = " \t\r\n\u3000\xa0\u200b\ufeff"
_DOT_ZERO = re.compile(r"(\d+)\.0+")
_E_NOTATION = re.compile(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+")
_ORDINAL = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[)）]"
    r"|第[一二三四五六七八九十]+[部分章节类项]\s*[、.．:：]?|\d{1,2}\s*[、．])\s*"
)
#: Excel stores 15 significant digits: an integral float below this is exactly its digits.
EXACT_LIMIT = 10**15


def cell_text(value: CellValue) -> str:
    """Any cell as trimmed text; line breaks inside are kept."""
    if value is None:
        return ""
    if isinstance(value, str):
        if "\r" in value:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value.strip(_TRIM)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < EXACT_LIMIT:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return format_cn_date(value.date())
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return format_cn_date(value)
    return str(value)


def restore_number(value: CellValue) -> tuple[str | None, str]:
    """编号 as exact text, or None with a warning when Excel has lost digits."""
    if value is None or isinstance(value, bool):
        return None, ""
    if isinstance(value, int):
        return str(value), ""
    if isinstance(value, float):
        if value.is_integer() and 0 <= value < EXACT_LIMIT:
            return str(int(value)), ""
        return None, localized(
            QT_TRANSLATE_NOOP(
                "Errors", "编号“{number}”已被表格转成数字并丢失了位数，请对照原件手工补录"
            ),
            number=f"{value:.6g}",
        )
    if isinstance(value, dt.date | dt.time):
        return None, localized(
            QT_TRANSLATE_NOOP("Errors", "编号“{number}”被表格当成了日期，请对照原件手工补录"),
            number=cell_text(value),
        )
    text = cell_text(value)
    if not text:
        return None, ""
    match = _DOT_ZERO.fullmatch(text)
    if match:
        return match.group(1), ""
    if _E_NOTATION.fullmatch(text):
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None, localized(
                QT_TRANSLATE_NOOP("Errors", "编号“{number}”无法识别，请手工补录"), number=text
            )
        digits = len(number.as_tuple().digits)
        if number == number.to_integral_value() and number >= 0:
            whole = str(int(number))
            if len(whole) <= digits:
                return whole, ""
        return None, localized(
            QT_TRANSLATE_NOOP(
                "Errors", "编号“{number}”是科学计数法，位数已丢失，请对照原件手工补录"
            ),
            number=text,
        )
    return text, ""


def strip_ordinal(text: str) -> str:
    """A section title without its 一、/（一）/1、 prefix."""
    return _ORDINAL.sub("", text, count=1).strip(_TRIM)


def has_ordinal(text: str) -> bool:
    return _ORDINAL.match(text) is not None


_STATUS_WORDS: tuple[tuple[str, Status], ...] = (
    ("已销号", Status.CLOSED),
    ("不予整改", Status.DECLINED),
    ("非建设性", Status.DECLINED),
    ("无须整改", Status.DECLINED),
    ("无需整改", Status.DECLINED),
    ("长期坚持", Status.ONGOING),
    ("持续推进", Status.ONGOING),
    ("长期", Status.ONGOING),
    ("未完成", Status.IN_PROGRESS),
    ("未启动", Status.PENDING),
    ("未开始", Status.PENDING),
    ("基本完成", Status.IN_PROGRESS),
    ("部分完成", Status.IN_PROGRESS),
    ("正在", Status.IN_PROGRESS),
    ("整改中", Status.IN_PROGRESS),
    ("推进中", Status.IN_PROGRESS),
    ("进行中", Status.IN_PROGRESS),
    ("已完成", Status.COMPLETED),
    ("已整改", Status.COMPLETED),
    ("已办结", Status.COMPLETED),
    ("办结", Status.COMPLETED),
    ("完成", Status.COMPLETED),
)


def status_from_text(text: str) -> Status | None:
    """A 完成情况 cell as a status, or None when it says nothing recognisable."""
    flat = text.strip(_TRIM)
    if not flat:
        return None
    try:
        return parse_status(flat)
    except TransitionError:
        pass
    for word, status in _STATUS_WORDS:
        if word in flat:
            return status
    return None


_YES = frozenset({"是", "√", "✓", "✔", "已销号", "销号", "y", "yes", "已", "1"})
_NO = frozenset({"否", "×", "✗", "未销号", "n", "no", "未", "0"})


def yes_no(text: str) -> bool | None:
    """是/否/√ cells: True, False, or None when blank or unclear."""
    flat = text.strip(_TRIM).lower()
    if flat in _YES:
        return True
    if flat in _NO:
        return False
    return None

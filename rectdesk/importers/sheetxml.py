"""A lean streaming reader for one worksheet part of an xlsx: values and merged ranges only.

openpyxl builds a dictionary and a tree per cell; a ledger of 10,000 long rows spends most of
its import there. This reader keeps only what an import needs, with expat callbacks. Like
defusedxml it refuses any DTD or entity declaration, so entity bombs never expand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import IO, Any
from xml.parsers import expat

Value = str | int | float | bool | dt.datetime | dt.date | dt.time | None

_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})$")
_DIGITS = "0123456789"
#: Element names and column letters remembered while reading (a hostile file cannot grow them).
_TAGS_KEPT = 256
_COLUMNS_KEPT = 1024
#: Bytes handed to expat at a time (and the longest run of text given in one piece).
_BUFFER = 1 << 16
_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


class ForbiddenXml(Exception):
    """The part declares a DTD or entities."""


class BadSheet(Exception):
    """The part is not a worksheet we can read."""


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def split_ref(ref: str) -> tuple[int, int] | None:
    """'B12' -> (12, 2); None when it is not a cell reference."""
    match = _REF.match(ref)
    if match is None:
        return None
    return int(match.group(2)), column_number(match.group(1))


class SheetReader:
    """Streams a sheet part; ``on_row(index, values)`` gets each row with its values."""

    def __init__(
        self,
        shared: Sequence[Any],
        convert_number: Callable[[str, int], Value],
        on_row: Callable[[int, list[Value]], None],
        max_columns: int,
    ) -> None:
        self.shared = shared
        self.convert_number = convert_number
        self.on_row = on_row
        self.max_columns = max_columns
        self.merges: list[str] = []
        self.wide = False
        self._row_index = 0
        self._values: list[Value] = []
        self._column = 0
        self._type = "n"
        self._style = 0
        self._text: list[str] = []
        self._collect = False
        self._in_cell = False
        self._in_is = False
        self._in_rph = False
        self._tags: dict[str, str] = {}
        self._columns: dict[str, int] = {}

    def parse(self, source: IO[bytes]) -> None:
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.buffer_size = _BUFFER
        parser.StartDoctypeDeclHandler = self._forbid
        parser.EntityDeclHandler = self._forbid
        parser.UnparsedEntityDeclHandler = self._forbid
        parser.ExternalEntityRefHandler = self._forbid_external
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._chars
        _feed(parser, source)

    def _forbid(self, *_args: object) -> None:
        raise ForbiddenXml

    def _forbid_external(self, *_args: object) -> int:
        raise ForbiddenXml

    def _local(self, name: str) -> str:
        """An element's name without its namespace, remembered per name."""
        tag = self._tags.get(name)
        if tag is None:
            tag = name.rpartition("}")[2]
            if len(self._tags) < _TAGS_KEPT:
                self._tags[name] = tag
        return tag

    def _column_of(self, ref: str) -> int | None:
        """The column of a cell reference such as 'B12', or None when it is not one."""
        letters = ref.rstrip(_DIGITS)
        column = self._columns.get(letters)
        if column is not None and 0 < len(ref) - len(letters) <= 7:
            return column  # letters seen valid before, followed by one to seven digits
        found = _REF.match(ref)
        if found is None:
            return None
        column = column_number(found.group(1))
        if len(self._columns) < _COLUMNS_KEPT:
            self._columns[found.group(1)] = column
        return column

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self._tags.get(name) or self._local(name)
        if tag == "c":
            ref = attrs.get("r")
            column = self._column_of(ref) if ref else None
            self._column = column if column is not None else self._column + 1
            self._type = attrs.get("t", "n")
            style = attrs.get("s")
            self._style = int(style) if style and style.isdigit() else 0
            self._text = []
            self._in_cell = True
        elif tag == "v":
            if self._in_cell:
                self._collect = True
        elif tag == "is":
            if self._in_cell:
                self._in_is = True
        elif tag == "t":
            if self._in_is and not self._in_rph:
                self._collect = True
        elif tag == "rPh":
            self._in_rph = True  # phonetic runs are not part of the text
        elif tag == "row":
            ref = attrs.get("r", "")
            self._row_index = int(ref) if ref.isdigit() else self._row_index + 1
            self._values = []
            self._column = 0
        elif tag == "mergeCell":
            self.merges.append(attrs.get("ref", ""))

    def _chars(self, data: str) -> None:
        if self._collect:
            self._text.append(data)

    def _end(self, name: str) -> None:
        tag = self._tags.get(name) or self._local(name)
        if tag == "c":
            self._in_cell = False
            self._cell_done()
        elif tag == "v" or tag == "t":
            self._collect = False
        elif tag == "row":
            if self._values:
                self.on_row(self._row_index, self._values)
        elif tag == "rPh":
            self._in_rph = False
        elif tag == "is":
            self._in_is = False

    def _cell_done(self) -> None:
        column = self._column
        if column > self.max_columns or column < 1:
            self.wide = self.wide or column > self.max_columns
            return
        raw = "".join(self._text)
        kind = self._type
        value: Value
        if kind == "s":
            try:
                item = self.shared[int(raw)]
            except (ValueError, IndexError):
                value = None
            else:
                value = item if isinstance(item, str) else str(item) if item is not None else None
        elif kind in ("inlineStr", "str"):
            value = raw
        elif kind == "b":
            value = raw.strip() == "1"
        elif kind == "e" or not raw:
            value = None
        elif kind == "d":
            try:
                value = dt.datetime.fromisoformat(raw.strip())
            except ValueError:
                value = raw
        else:
            value = self.convert_number(raw, self._style)
        if value is None:
            return
        values = self._values
        if len(values) < column - 1:
            values.extend([None] * (column - 1 - len(values)))
        if len(values) == column - 1:
            values.append(value)
        else:
            values[column - 1] = value


class TooMuchText(Exception):
    """The shared-string table holds more text than any ledger could."""


class _SharedStrings:
    """Collects the text of each <si>, leaving out phonetic runs, within a text budget."""

    def __init__(self, max_chars: int, max_strings: int) -> None:
        self.strings: list[str] = []
        self.max_chars = max_chars
        self.max_strings = max_strings
        self._chars = 0
        self._parts: list[str] = []
        self._collect = False
        self._in_rph = False
        self._tags: dict[str, str] = {}

    def start(self, name: str, _attrs: dict[str, str]) -> None:
        tag = self._tags.get(name) or self._local(name)
        if tag == "si":
            self._parts = []
        elif tag == "t":
            if not self._in_rph:
                self._collect = True
        elif tag == "rPh":
            self._in_rph = True

    def end(self, name: str) -> None:
        tag = self._tags.get(name) or self._local(name)
        if tag == "t":
            self._collect = False
        elif tag == "si":
            if len(self.strings) >= self.max_strings:
                raise TooMuchText(f"more than {self.max_strings} shared strings")
            self.strings.append("".join(self._parts))
        elif tag == "rPh":
            self._in_rph = False

    def _local(self, name: str) -> str:
        tag = self._tags.get(name)
        if tag is None:
            tag = name.rpartition("}")[2]
            if len(self._tags) < _TAGS_KEPT:
                self._tags[name] = tag
        return tag

    def chars(self, data: str) -> None:
        if self._collect:
            self._chars += len(data)
            if self._chars > self.max_chars:
                raise TooMuchText(f"more than {self.max_chars} characters of shared strings")
            self._parts.append(data)


def read_shared_strings(
    source: IO[bytes], *, max_chars: int = 120_000_000, max_strings: int = 4_000_000
) -> list[str]:
    """The shared-string table as plain text, DTDs refused; TooMuchText beyond the limits.

    Memory follows what is kept, so the limits are on the text read, not on the part's size:
    a genuine 100,000-row workbook fits well within them, a padded hostile one does not.
    """
    table = _SharedStrings(max_chars, max_strings)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.buffer_size = _BUFFER
    for handler in ("StartDoctypeDeclHandler", "EntityDeclHandler", "UnparsedEntityDeclHandler"):
        setattr(parser, handler, _refuse_dtd)
    parser.ExternalEntityRefHandler = _refuse_dtd
    parser.StartElementHandler = table.start
    parser.EndElementHandler = table.end
    parser.CharacterDataHandler = table.chars
    _feed(parser, source)
    return table.strings


def _feed(parser: Any, source: IO[bytes]) -> None:
    """The whole stream through the parser, in large pieces (ParseFile reads 2 KB at a time)."""
    try:
        while True:
            chunk = source.read(_BUFFER)
            parser.Parse(chunk, not chunk)
            if not chunk:
                break
    except expat.ExpatError as exc:
        raise BadSheet(str(exc)) from exc


def _refuse_dtd(*_args: object) -> Any:
    raise ForbiddenXml


__all__ = [
    "BadSheet",
    "ForbiddenXml",
    "SheetReader",
    "TooMuchText",
    "read_shared_strings",
    "split_ref",
]

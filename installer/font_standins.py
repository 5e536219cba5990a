"""Stand-ins for the Windows and official Chinese fonts, for checking font discovery under Wine.

SimSun, FangSong, 方正小标宋简体 and the rest cannot be shipped or downloaded here. A stand-in is
one face of a free Chinese TrueType font (WenQuanYi Zen Hei) written out as a single font
under the real font's file name and family names, so the program must find it in
C:\\Windows\\Fonts by its name table, exactly as it finds the real one. The glyphs stay
WenQuanYi's: this checks discovery and embedding, not the look of the real fonts.
"""

from __future__ import annotations

import struct
from pathlib import Path

#: File name in C:\Windows\Fonts → (English family, Chinese family, PostScript name).
WINDOWS_FONTS = {
    "simsun.ttc": ("SimSun", "宋体", "SimSun"),
    "simfang.ttf": ("FangSong", "仿宋", "FangSong"),
    "simhei.ttf": ("SimHei", "黑体", "SimHei"),
    "simkai.ttf": ("KaiTi", "楷体", "KaiTi"),
}
OFFICIAL_FONTS = {
    "方正小标宋简体.ttf": ("FZXiaoBiaoSong-B05S", "方正小标宋简体", "FZXBSJW--GB1-0"),
    "仿宋_GB2312.ttf": ("FangSong_GB2312", "仿宋_GB2312", "FangSong_GB2312"),
    "楷体_GB2312.ttf": ("KaiTi_GB2312", "楷体_GB2312", "KaiTi_GB2312"),
}

_ENGLISH = 0x409
_SIMPLIFIED_CHINESE = 0x804


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(padded) // 4}I", padded)
    return sum(words) & 0xFFFFFFFF


def name_table(english: str, chinese: str, postscript: str) -> bytes:
    """A format-0 'name' table giving the family in English and in Simplified Chinese."""
    records: list[tuple[int, int, bytes]] = []  # (language, name id, UTF-16BE text)
    for language, family in ((_ENGLISH, english), (_SIMPLIFIED_CHINESE, chinese)):
        for name_id, name in ((1, family), (2, "Regular"), (3, f"{family} stand-in"),
                              (4, family)):  # fmt: skip
            records.append((language, name_id, name.encode("utf-16-be")))
    records.append((_ENGLISH, 6, postscript.encode("utf-16-be")))
    records.sort()
    header = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    entries, strings = b"", b""
    for language, name_id, encoded in records:
        entries += struct.pack(">HHHHHH", 3, 1, language, name_id, len(encoded), len(strings))
        strings += encoded
    return header + entries + strings


def _tables(data: bytes, face: int) -> dict[bytes, bytes]:
    base = 0
    if data[:4] == b"ttcf":
        base = struct.unpack_from(">I", data, 12 + 4 * face)[0]
    count = struct.unpack_from(">H", data, base + 4)[0]
    tables = {}
    for i in range(count):
        tag, _sum, offset, length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        tables[tag] = data[offset : offset + length]
    return tables


def single_font(tables: dict[bytes, bytes]) -> bytes:
    """A standalone TrueType file of ``tables``, with checksums and head's adjustment."""
    tags = sorted(tables)
    head = bytearray(tables[b"head"])
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    tables = {**tables, b"head": bytes(head)}
    power = 1
    while power * 2 <= len(tags):
        power *= 2
    directory = struct.pack(">4sHHHH", b"\0\1\0\0", len(tags), power * 16,
                            power.bit_length() - 1, len(tags) * 16 - power * 16)  # fmt: skip
    offset = 12 + 16 * len(tags)
    body = b""
    for tag in tags:
        table = tables[tag]
        directory += struct.pack(">4sIII", tag, _checksum(table), offset + len(body), len(table))
        body += table + b"\0" * (-len(table) % 4)
    font = bytearray(directory + body)
    head_at = _table_offset(font, b"head")
    adjustment = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
    font[head_at + 8 : head_at + 12] = struct.pack(">I", adjustment)
    return bytes(font)


def _table_offset(font: bytearray, wanted: bytes) -> int:
    count = struct.unpack_from(">H", font, 4)[0]
    for i in range(count):
        tag, _sum, offset, _length = struct.unpack_from(">4sIII", font, 12 + 16 * i)
        if tag == wanted:
            return int(offset)
    raise ValueError(f"no {wanted!r} table")


def write_standins(
    source: Path, fonts: dict[str, tuple[str, str, str]], folder: Path
) -> list[Path]:
    """Write each stand-in of ``fonts`` into ``folder``, built from face 0 of ``source``."""
    tables = _tables(source.read_bytes(), 0)
    written = []
    for file_name, (english, chinese, postscript) in fonts.items():
        font = single_font({**tables, b"name": name_table(english, chinese, postscript)})
        path = folder / file_name
        path.write_bytes(font)
        written.append(path)
    return written

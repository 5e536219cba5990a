"""Find font files and read just enough of them: family names, outline type, Chinese support."""

from __future__ import annotations

import functools
import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
_GB2312_BIT = 1 << 18
_BIG5_BIT = 1 << 20


@dataclass(frozen=True)
class FontFace:
    """One face in a font file (a .ttc holds several)."""

    path: Path
    index: int
    families: tuple[str, ...]  # every family name the file gives, Chinese ones first
    truetype: bool  # TrueType (glyf) outlines: the only kind reportlab can embed
    chinese: bool  # declares the GB2312 or Big5 code page

    @property
    def name(self) -> str:
        """The family name to show and to write into Word/Excel files."""
        return self.families[0] if self.families else self.path.stem

    def matches(self, family: str) -> bool:
        wanted = family.casefold()
        return any(f.casefold() == wanted for f in self.families)


def default_font_dirs() -> list[Path]:
    """Where the system and the user keep fonts."""
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local" / "share" / "fonts"]  # fmt: skip
    if sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]
    return dirs


def _fc_list_files() -> list[Path]:
    """Chinese-capable font files fontconfig knows (Linux), or nothing."""
    if shutil.which("fc-list") is None:
        return []
    try:
        result = subprocess.run(
            ["fc-list", "--format", "%{file}\\n", ":lang=zh"],
            capture_output=True, text=True, timeout=20, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line) for line in dict.fromkeys(result.stdout.splitlines()) if line.strip()]


def _walk(dirs: list[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            found.extend(Path(root) / f for f in files if f.lower().endswith(FONT_SUFFIXES))
    return found


#: A folder that, when set, is the only place fonts are looked for (a portable fonts folder,
#: or a test that shows what a machine with only those fonts prints).
FONT_DIR_VARIABLE = "RECTDESK_FONT_DIR"


def _font_files(dirs: tuple[Path, ...] | None) -> list[Path]:
    if dirs is None and os.environ.get(FONT_DIR_VARIABLE):
        dirs = (Path(os.environ[FONT_DIR_VARIABLE]),)
    if dirs is None:
        return list(dict.fromkeys(_fc_list_files() + _walk(default_font_dirs())))
    return list(dict.fromkeys(_walk(list(dirs))))


def scan_faces(dirs: tuple[Path, ...] | None = None) -> tuple[FontFace, ...]:
    """Every Chinese font face found: in ``dirs``, else via fontconfig and the font folders."""
    return _scan(dirs, os.environ.get(FONT_DIR_VARIABLE, ""), chinese=True)


def scan_other_faces(dirs: tuple[Path, ...] | None = None) -> tuple[FontFace, ...]:
    """TrueType faces without Chinese (Latin fonts): stand-ins for digits and letters."""
    return _scan(dirs, os.environ.get(FONT_DIR_VARIABLE, ""), chinese=False)


@functools.lru_cache(maxsize=16)
def _scan(dirs: tuple[Path, ...] | None, _override: str, *, chinese: bool) -> tuple[FontFace, ...]:
    faces: list[FontFace] = []
    for path in _font_files(dirs):
        faces.extend(f for f in read_faces(path) if f.chinese == chinese and f.truetype)
    return tuple(faces)


def read_faces(path: Path) -> list[FontFace]:
    """The faces of a font file; an unreadable or foreign file gives none."""
    try:
        with path.open("rb") as handle:
            return _faces(handle, path)
    except (OSError, struct.error, ValueError, UnicodeDecodeError):
        return []


def _faces(handle: object, path: Path) -> list[FontFace]:
    from typing import BinaryIO, cast

    stream = cast(BinaryIO, handle)
    head = stream.read(12)
    if head[:4] == b"ttcf":
        count = struct.unpack(">I", head[8:12])[0]
        offsets = struct.unpack(f">{min(count, 64)}I", stream.read(4 * min(count, 64)))
    else:
        offsets = (0,)
    faces = []
    for index, offset in enumerate(offsets):
        face = _face(stream, path, index, offset)
        if face is not None:
            faces.append(face)
    return faces


def _face(stream: object, path: Path, index: int, offset: int) -> FontFace | None:
    from typing import BinaryIO, cast

    f = cast(BinaryIO, stream)
    f.seek(offset)
    version, num_tables = struct.unpack(">4sH", f.read(6))
    if version not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        return None
    f.seek(offset + 12)
    tables: dict[bytes, tuple[int, int]] = {}
    for _ in range(min(num_tables, 200)):
        tag, _checksum, table_offset, length = struct.unpack(">4sIII", f.read(16))
        tables[tag] = (table_offset, length)
    families = _families(f, tables.get(b"name"))
    chinese = _chinese(f, tables.get(b"OS/2")) or any(_has_han(n) for n in families)
    truetype = b"glyf" in tables and b"CFF " not in tables
    return FontFace(path, index, tuple(families), truetype, chinese)


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _families(f: object, where: tuple[int, int] | None) -> list[str]:
    from typing import BinaryIO, cast

    stream = cast(BinaryIO, f)
    if where is None:
        return []
    base, _length = where
    stream.seek(base)
    _format, count, string_offset = struct.unpack(">HHH", stream.read(6))
    records = [struct.unpack(">HHHHHH", stream.read(12)) for _ in range(min(count, 500))]
    chinese: list[tuple[int, str]] = []
    other: list[tuple[int, str]] = []
    for platform, encoding, language, name_id, length, offset in records:
        if name_id not in (1, 16):
            continue
        stream.seek(base + string_offset + offset)
        raw = stream.read(length)
        if platform == 3 or platform == 0:
            text = raw.decode("utf-16-be", errors="ignore")
        elif platform == 1 and encoding == 0:
            text = raw.decode("latin-1")
        else:
            continue
        text = text.strip("\x00 ")
        if not text:
            continue
        target = chinese if _has_han(text) or language in (0x804, 0x404, 0xC04) else other
        # Simplified Chinese (0x804) names first, then other Chinese, then English.
        rank = 0 if language == 0x804 else 1
        if all(text != t for _r, t in chinese + other):
            target.append((rank, text))
    return [t for _r, t in sorted(chinese, key=lambda p: p[0])] + [t for _r, t in other]


def _chinese(f: object, where: tuple[int, int] | None) -> bool:
    from typing import BinaryIO, cast

    stream = cast(BinaryIO, f)
    if where is None or where[1] < 86:
        return False
    stream.seek(where[0])
    version = struct.unpack(">H", stream.read(2))[0]
    if version < 1:
        return False
    stream.seek(where[0] + 78)
    code_pages = struct.unpack(">I", stream.read(4))[0]
    return bool(code_pages & (_GB2312_BIT | _BIG5_BIT))

"""SQLite's on-disk formats as far as RectDesk must read them itself, before SQLite does.

SQLite merges a ``-wal`` file and plays back a hot ``-journal`` file that it finds beside a
database without asking whose they are: neither file names the database it was written for.
This module reads the three headers (database, rollback journal, write-ahead log) with the
layouts of SQLite's file-format documentation, so that a file left beside a store by another
database can be recognised and moved aside before SQLite touches the store.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
WAL_MAGIC = 0x377F0682
WAL_VERSION = 3007000
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
#: SQLite locks this byte of the file; the page holding it is never used or journaled.
PENDING_BYTE = 0x40000000


@dataclass(frozen=True)
class DbHeader:
    """The fields of a database file's first 100 bytes that RectDesk looks at."""

    page_size: int
    wal_mode: bool
    change_counter: int
    header_pages: int
    version_valid_for: int
    application_id: int
    user_version: int
    file_size: int

    @property
    def file_pages(self) -> int:
        """Pages in the file, counting a partial last page (as SQLite does)."""
        return (self.file_size + self.page_size - 1) // self.page_size

    @property
    def header_pages_valid(self) -> bool:
        """SQLite trusts the in-header page count only when this holds."""
        return self.header_pages > 0 and self.change_counter == self.version_valid_for


def parse_db_header(first: bytes, file_size: int) -> DbHeader | None:
    """The header of a database file from its first 100 bytes; None if not SQLite's."""
    if len(first) < 100 or not first.startswith(SQLITE_MAGIC):
        return None
    raw_size = struct.unpack(">H", first[16:18])[0]
    page_size = 65536 if raw_size == 1 else raw_size
    if page_size < 512 or page_size & (page_size - 1):
        return None
    return DbHeader(
        page_size=page_size,
        wal_mode=first[18] == 2 or first[19] == 2,
        change_counter=_u32(first, 24),
        header_pages=_u32(first, 28),
        version_valid_for=_u32(first, 92),
        application_id=_u32(first, 68),
        user_version=_u32(first, 60),
        file_size=file_size,
    )


def read_db_header(path: Path) -> DbHeader | None:
    """The header of the database file at ``path``; None if it is not a SQLite file."""
    with path.open("rb") as handle:
        first = handle.read(100)
        size = handle.seek(0, 2)
    return parse_db_header(first, size)


def read_page(path: Path, number: int, page_size: int) -> bytes:
    """One page of a database file (short or empty beyond its end)."""
    with path.open("rb") as handle:
        handle.seek((number - 1) * page_size)
        return handle.read(page_size)


# -- rollback journal ---------------------------------------------------------------------


def journal_is_hot(path: Path) -> bool:
    """Whether SQLite would take this journal file for one to roll back (not empty, not zeroed)."""
    try:
        with path.open("rb") as handle:
            return handle.read(1) not in (b"", b"\x00")
    except FileNotFoundError:
        return False


@dataclass(frozen=True)
class Journal:
    """What SQLite would do with a hot journal: truncate to ``original_pages``, write ``pages``."""

    page_size: int
    original_pages: int
    #: Page number -> original content, for every record SQLite would play back.
    pages: dict[int, bytes]
    super_journal: bool


def read_journal(path: Path) -> Journal | str:
    """Read a hot journal the way SQLite plays it back; a reason when it would play nothing."""
    data = path.read_bytes()
    if len(data) < 28 or not data.startswith(JOURNAL_MAGIC):
        return "no rollback-journal header"
    sector_size, page_size = _u32(data, 20), _u32(data, 24)
    if not _power_of_two(page_size, 512, 65536) or not _power_of_two(sector_size, 32, 65536):
        return f"page size {page_size} or sector size {sector_size} out of range"
    original_pages = _u32(data, 16)
    record = page_size + 8
    stop_page = PENDING_BYTE // page_size + 1
    pages: dict[int, bytes] = {}
    offset = 0
    first = True
    while offset + sector_size <= len(data) and data[offset : offset + 8] == JOURNAL_MAGIC:
        count, nonce = _u32(data, offset + 8), _u32(data, offset + 12)
        offset += sector_size
        if count == 0xFFFFFFFF and first:
            count = (len(data) - sector_size) // record
        first = False
        for _ in range(count):
            if offset + record > len(data):
                return Journal(page_size, original_pages, pages, _has_super(data))
            number = _u32(data, offset)
            content = data[offset + 4 : offset + 4 + page_size]
            if number in (0, stop_page):
                return Journal(page_size, original_pages, pages, _has_super(data))
            if number <= original_pages:
                if _journal_checksum(nonce, content) != _u32(data, offset + 4 + page_size):
                    return Journal(page_size, original_pages, pages, _has_super(data))
                pages.setdefault(number, content)
            offset += record
        # The next header starts on the next sector boundary.
        offset = -(-offset // sector_size) * sector_size
    return Journal(page_size, original_pages, pages, _has_super(data))


def journal_mismatch(db_path: Path, journal_path: Path) -> str | None:
    """Why a hot journal beside ``db_path`` was not written for it; None when it was.

    The rules follow from how SQLite writes a journal (pager.c): the journal's page size is
    the database's; every transaction that changes page 1 first copies its original into the
    journal, and writing page 1 to the database always advances the change counter by one.
    So when the journal holds page 1, the database's page 1 is either that very page
    (byte for byte) or its successor (counter + 1, same original size); when it does not,
    page 1 was never touched and still records the size the journal starts from.
    """
    try:
        db = read_db_header(db_path)
    except OSError:
        return None
    if db is None:
        if db_path.stat().st_size == 0:
            return "the database file is empty"
        return None  # a broken header cannot be compared; the check will report the file
    journal = read_journal(journal_path)
    if isinstance(journal, str):
        return journal
    if journal.super_journal:
        return "names a super-journal (RectDesk never writes one)"
    if journal.page_size != db.page_size:
        return f"page size {journal.page_size}, the store's is {db.page_size}"
    if journal.original_pages == 0:
        return "starts from an empty database"
    first = journal.pages.get(1)
    if first is None:
        if db.header_pages_valid and db.header_pages != journal.original_pages:
            return (
                f"starts from {journal.original_pages} pages, the store's page 1 says "
                f"{db.header_pages}"
            )
        if db.file_pages < journal.original_pages:
            return f"starts from {journal.original_pages} pages, the store has {db.file_pages}"
        return None
    before = parse_db_header(first[:100], journal.original_pages * db.page_size)
    if before is None or before.page_size != db.page_size:
        return "its copy of page 1 is not a page 1 of this page size"
    if before.header_pages_valid and before.header_pages != journal.original_pages:
        return "its copy of page 1 disagrees with its own original size"
    if db.change_counter == before.change_counter:
        if read_page(db_path, 1, db.page_size) != first:
            return "its copy of page 1 differs from the store's unchanged page 1"
        return None
    if db.change_counter == (before.change_counter + 1) & 0xFFFFFFFF:
        if db.header_pages_valid and db.header_pages < journal.original_pages:
            return "the store is smaller than the journal's original size"
        return None
    return (
        f"change counter {before.change_counter} does not precede the store's {db.change_counter}"
    )


# -- write-ahead log -------------------------------------------------------------------------


def wal_mismatch(db_path: Path, wal_path: Path) -> str | None:
    """Why a ``-wal`` file beside ``db_path`` cannot be the store's own; None when it can.

    A database in rollback-journal mode (the header's version bytes are 1, as in every store
    RectDesk writes) has no write-ahead log: SQLite removes the log when it leaves WAL mode,
    so any log beside such a file came from elsewhere. For a file in WAL mode the log must
    carry a valid header with the database's page size, and the newest committed copy of
    page 1 in it must belong to the same application.
    """
    try:
        db = read_db_header(db_path)
    except OSError:
        return None
    if db is None:
        if db_path.stat().st_size == 0:
            return "the database file is empty"
        return None
    data = wal_path.read_bytes()
    if len(data) < WAL_HEADER:
        return None  # SQLite treats it as an empty log and replaces it
    if not db.wal_mode:
        return "the store is in rollback-journal mode and has no write-ahead log"
    magic, version, page_size = struct.unpack(">III", data[:12])
    if magic not in (WAL_MAGIC, WAL_MAGIC | 1) or version != WAL_VERSION:
        return "no write-ahead-log header"
    if page_size != db.page_size:
        return f"page size {page_size}, the store's is {db.page_size}"
    big_endian = bool(magic & 1)
    sums = _wal_checksum(data[:24], (0, 0), big_endian)
    if sums != struct.unpack(">II", data[24:32]):
        return "write-ahead-log header checksum is wrong"
    first = _last_committed_page_one(data, page_size, sums, big_endian)
    if first is not None:
        before = parse_db_header(first[:100], 0)
        if before is None or before.page_size != db.page_size:
            return "its page 1 is not a database header"
        if before.application_id != db.application_id:
            return f"its page 1 has application id {before.application_id:#x}"
    return None


def _last_committed_page_one(
    data: bytes, page_size: int, sums: tuple[int, int], big_endian: bool
) -> bytes | None:
    salts = data[16:24]
    frame = WAL_FRAME_HEADER + page_size
    pending: bytes | None = None
    committed: bytes | None = None
    offset = WAL_HEADER
    while offset + frame <= len(data):
        header = data[offset : offset + WAL_FRAME_HEADER]
        if header[8:16] != salts:
            break
        content = data[offset + WAL_FRAME_HEADER : offset + frame]
        sums = _wal_checksum(header[:8] + content, sums, big_endian)
        if sums != struct.unpack(">II", header[16:24]):
            break
        number, commit = struct.unpack(">II", header[:8])
        if number == 1:
            pending = content
        if commit:
            committed = pending if pending is not None else committed
        offset += frame
    return committed


def _wal_checksum(data: bytes, start: tuple[int, int], big_endian: bool) -> tuple[int, int]:
    s1, s2 = start
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


# -- small helpers ------------------------------------------------------------------------------


def _u32(data: bytes, offset: int) -> int:
    return int(struct.unpack(">I", data[offset : offset + 4])[0])


def _power_of_two(value: int, low: int, high: int) -> bool:
    return low <= value <= high and value & (value - 1) == 0


def _journal_checksum(nonce: int, content: bytes) -> int:
    total = nonce
    index = len(content) - 200
    while index > 0:
        total += content[index]
        index -= 200
    return total & 0xFFFFFFFF


def _has_super(data: bytes) -> bool:
    # A super-journal name is stored at the end: name, its length, a checksum, the magic.
    if len(data) < 16 or data[-8:] != JOURNAL_MAGIC:
        return False
    length = _u32(data, len(data) - 16)
    return 0 < length <= len(data) - 16

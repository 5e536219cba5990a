"""The newest glibc and libstdc++ symbol versions the ELF files of a folder or a .deb require.

    python3 installer/elf_versions.py dist/rectdesk_0.1.0_amd64.deb --max-glibc 2.28
    python3 installer/elf_versions.py dist/linux-x86_64/rectdesk

Reads each ELF file's version-needed section (.gnu.version_r) directly, so it works for any
architecture on any machine (no objdump for the target needed). A program that references
``memcpy@GLIBC_2.14`` cannot start on a glibc older than 2.14; the highest such version over
all files is the oldest glibc the package runs on. The same holds for GLIBCXX_ (libstdc++).

With ``--page-size`` it also checks that every loadable segment starts at the same place in a
page of the file as in memory, which the dynamic loader requires ("ELF load command
address/offset not page-aligned"); ``strip`` breaks this in libraries auditwheel has patched.
"""

from __future__ import annotations

import argparse
import io
import re
import struct
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SHT_GNU_VERNEED = 0x6FFFFFFE
PT_LOAD = 1
_VERSION = re.compile(r"^(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)*)$")

Version = tuple[int, ...]


def parse_version(text: str) -> Version:
    return tuple(int(part) for part in text.split("."))


def show(version: Version) -> str:
    return ".".join(str(part) for part in version)


class ElfError(ValueError):
    """The bytes are not an ELF file this reader understands."""


def needed_versions(data: bytes) -> set[str]:
    """Every version name (``GLIBC_2.17``, ``GLIBCXX_3.4.21``, ...) the ELF image requires."""
    if data[:4] != b"\x7fELF":
        raise ElfError("not an ELF file")
    is64 = data[4] == 2
    endian = {1: "<", 2: ">"}.get(data[5])
    if data[4] not in (1, 2) or endian is None:
        raise ElfError("unknown ELF class or byte order")
    if is64:
        (shoff,) = struct.unpack_from(endian + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x3A)
        section = endian + "IIQQQQIIQQ"
    else:
        (shoff,) = struct.unpack_from(endian + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x2E)
        section = endian + "IIIIIIIIII"
    sections = []
    for index in range(shnum):
        start = shoff + index * shentsize
        if start + struct.calcsize(section) > len(data):
            raise ElfError("section table beyond the end of the file")
        fields = struct.unpack_from(section, data, start)
        # name, type, flags, addr, offset, size, link, info, addralign, entsize
        sections.append((fields[1], fields[4], fields[5], fields[6], fields[7]))
    found: set[str] = set()
    for kind, offset, _size, link, count in sections:
        if kind != SHT_GNU_VERNEED or link >= len(sections):
            continue
        strings = sections[link][1]
        entry = offset
        for _ in range(count):  # Verneed: version, cnt, file, aux, next
            _ver, aux_count, _file, aux, next_entry = struct.unpack_from(
                endian + "HHIII", data, entry
            )
            aux_at = entry + aux
            for _ in range(aux_count):  # Vernaux: hash, flags, other, name, next
                _hash, _flags, _other, name, next_aux = struct.unpack_from(
                    endian + "IHHII", data, aux_at
                )
                found.add(_c_string(data, strings + name))
                if not next_aux:
                    break
                aux_at += next_aux
            if not next_entry:
                break
            entry += next_entry
    return found


def misaligned_loads(data: bytes, page: int) -> list[str]:
    """The loadable segments whose file offset and address differ by a part of ``page``
    (the loader refuses such a file on a system with that page size)."""
    if data[:4] != b"\x7fELF":
        raise ElfError("not an ELF file")
    endian = {1: "<", 2: ">"}.get(data[5])
    if data[4] not in (1, 2) or endian is None:
        raise ElfError("unknown ELF class or byte order")
    if data[4] == 2:
        (phoff,) = struct.unpack_from(endian + "Q", data, 0x20)
        phentsize, phnum = struct.unpack_from(endian + "HH", data, 0x36)
        header, where = endian + "IIQQ", (2, 3)  # type, flags, offset, vaddr
    else:
        (phoff,) = struct.unpack_from(endian + "I", data, 0x1C)
        phentsize, phnum = struct.unpack_from(endian + "HH", data, 0x2A)
        header, where = endian + "IIII", (1, 2)  # type, offset, vaddr, paddr
    wrong = []
    for index in range(phnum):
        start = phoff + index * phentsize
        if start + struct.calcsize(header) > len(data):
            raise ElfError("program header beyond the end of the file")
        fields = struct.unpack_from(header, data, start)
        offset, address = fields[where[0]], fields[where[1]]
        if fields[0] == PT_LOAD and (address - offset) % page:
            wrong.append(f"segment {index}: offset {offset:#x}, address {address:#x}")
    return wrong


def _c_string(data: bytes, start: int) -> str:
    end = data.index(b"\0", start)
    return data[start:end].decode("ascii", "replace")


@dataclass
class Scan:
    """The newest version of each kind over many files, and which file asks for it."""

    files: int = 0
    newest: dict[str, Version] = field(default_factory=dict)
    culprit: dict[str, str] = field(default_factory=dict)
    over: list[str] = field(default_factory=list)
    misaligned: list[str] = field(default_factory=list)

    def add(
        self, name: str, data: bytes, *, max_glibc: Version | None = None, page: int = 0
    ) -> None:
        try:
            versions = needed_versions(data)
            wrong = misaligned_loads(data, page) if page else []
        except (ElfError, struct.error, ValueError):
            return
        self.files += 1
        if wrong:
            self.misaligned.append(f"{name}: {wrong[0]}")
        for version in versions:
            match = _VERSION.match(version)
            if not match:
                continue
            kind, number = match.group(1), parse_version(match.group(2))
            if number > self.newest.get(kind, ()):
                self.newest[kind] = number
                self.culprit[kind] = name
            if kind == "GLIBC" and max_glibc is not None and number > max_glibc:
                self.over.append(f"{name}: {version}")

    def glibc(self) -> str:
        return show(self.newest["GLIBC"]) if "GLIBC" in self.newest else ""

    def summary(self) -> str:
        parts = [f"{self.files} ELF files"]
        for kind in ("GLIBC", "GLIBCXX", "CXXABI"):
            if kind in self.newest:
                parts.append(f"{kind} {show(self.newest[kind])} ({self.culprit[kind]})")
        return "; ".join(parts)


def _elf_members(deb: Path) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every ELF file in a .deb, read through dpkg-deb without unpacking."""
    tar_bytes = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as archive:
        for member in archive:
            if not member.isfile():
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            if handle.read(4) != b"\x7fELF":
                continue
            yield member.name, b"\x7fELF" + handle.read()


def _elf_files(folder: Path) -> Iterator[tuple[str, bytes]]:
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
            yield path.relative_to(folder).as_posix(), b"\x7fELF" + handle.read()


def scan(target: Path, *, max_glibc: str = "", page: int = 0) -> Scan:
    """Scan a folder, a single file or a .deb (``page``: check segment alignment too)."""
    limit = parse_version(max_glibc) if max_glibc else None
    result = Scan()
    if target.is_dir():
        members: Iterator[tuple[str, bytes]] = _elf_files(target)
    elif target.suffix == ".deb":
        members = _elf_members(target)
    else:
        members = iter([(target.name, target.read_bytes())])
    for name, data in members:
        result.add(name, data, max_glibc=limit, page=page)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="a folder, an ELF file or a .deb")
    parser.add_argument("--max-glibc", default="", metavar="X.Y",
                        help="exit 1 when any file needs a newer glibc")  # fmt: skip
    parser.add_argument("--page-size", type=int, default=0, metavar="BYTES",
                        help="exit 1 when a file cannot load with pages this large")  # fmt: skip
    args = parser.parse_args(argv)
    result = scan(args.target, max_glibc=args.max_glibc, page=args.page_size)
    print(result.summary())
    if result.files == 0:
        print("no ELF file found", file=sys.stderr)
        return 1
    if result.over:
        print(f"needs glibc newer than {args.max_glibc}:", file=sys.stderr)
        for line in result.over[:50]:
            print(f"  {line}", file=sys.stderr)
    if result.misaligned:
        print(f"cannot be loaded with {args.page_size}-byte pages:", file=sys.stderr)
        for line in result.misaligned[:50]:
            print(f"  {line}", file=sys.stderr)
    return 1 if result.over or result.misaligned else 0


if __name__ == "__main__":
    sys.exit(main())

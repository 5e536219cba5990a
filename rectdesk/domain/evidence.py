"""The reuse guard's rules: which evidence files count as the same proof used twice.

纸面销号 often shows as one photo or document closing several items: the same file (same
SHA-256), the same photo saved again (at another JPEG quality, resized: a near perceptual
hash), or a PDF with the same text. Each is flagged only when it serves different items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

#: Perceptual hashes at most this many bits apart (of 64) are the same photo.
NEAR_BITS = 6
#: A PDF's text must have this many characters (whitespace left out) to be compared.
MIN_TEXT_CHARS = 30


class FileKind(str, Enum):
    """What the guard can read of a file."""

    IMAGE = "image"
    PDF = "pdf"
    OTHER = "other"


_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"RIFF")


def file_kind(head: bytes) -> FileKind:
    """What a file is by its first bytes (never by its name: a renamed file is the same)."""
    if b"%PDF-" in head[:1024]:
        return FileKind.PDF
    if head.startswith(_IMAGE_MAGIC) and (not head.startswith(b"RIFF") or head[8:12] == b"WEBP"):
        return FileKind.IMAGE
    return FileKind.OTHER


class ReuseKind(str, Enum):
    """How two evidence files were found to be the same proof."""

    SAME_FILE = "same_file"
    SIMILAR_IMAGE = "similar_image"
    SAME_TEXT = "same_text"

    @property
    def label(self) -> str:
        return REUSE_LABELS[self]


REUSE_LABELS: dict[ReuseKind, str] = {
    ReuseKind.SAME_FILE: "同一文件",
    ReuseKind.SIMILAR_IMAGE: "近似图片",
    ReuseKind.SAME_TEXT: "PDF文字相同",
}


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the guard compares of one file content (keyed by its SHA-256)."""

    sha256: str
    kind: FileKind
    phash: int | None = None
    text_hash: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class EvidenceUse:
    """One evidence file attached to one item."""

    attachment_id: int
    item_id: int
    name: str
    sha256: str
    unit: str = ""
    item_label: str = ""


@dataclass(frozen=True, slots=True)
class ReuseGroup:
    """Evidence files that are one proof, used for more than one item."""

    kind: ReuseKind
    uses: tuple[EvidenceUse, ...]
    #: For near images, the largest distance (bits) between two members; 0 otherwise.
    distance: int = 0

    @property
    def item_ids(self) -> list[int]:
        return sorted({u.item_id for u in self.uses})

    @property
    def units(self) -> list[str]:
        return sorted({u.unit for u in self.uses if u.unit})

    @property
    def across_units(self) -> bool:
        return len(self.units) > 1


def hamming(a: int, b: int) -> int:
    """Bits in which two 64-bit hashes differ."""
    return (a ^ b).bit_count()


def _bands(bits: int = 64, parts: int = NEAR_BITS + 1) -> list[tuple[int, int]]:
    """(shift, mask) of ``parts`` slices covering the hash: two hashes within NEAR_BITS agree
    on at least one whole slice (pigeonhole), so only hashes sharing a slice are compared."""
    sizes = [bits // parts + (1 if i < bits % parts else 0) for i in range(parts)]
    out, shift = [], 0
    for size in sizes:
        out.append((shift, (1 << size) - 1))
        shift += size
    return out


def near_groups(hashes: Iterable[int], limit: int = NEAR_BITS) -> list[list[int]]:
    """Distinct hashes joined where some chain of them lies within ``limit`` bits each
    (every hash is in exactly one group; a lone hash is a group of one)."""
    values = sorted(set(hashes))
    parent = list(range(len(values)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for shift, mask in _bands(parts=limit + 1):
        buckets: dict[int, list[int]] = defaultdict(list)
        for index, value in enumerate(values):
            buckets[(value >> shift) & mask].append(index)
        for members in buckets.values():
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    if hamming(values[i], values[j]) <= limit:
                        a, b = root(i), root(j)
                        if a != b:
                            parent[a] = b
    groups: dict[int, list[int]] = defaultdict(list)
    for index, value in enumerate(values):
        groups[root(index)].append(value)
    return list(groups.values())


def find_reuse(uses: Sequence[EvidenceUse], prints: Mapping[str, Fingerprint]) -> list[ReuseGroup]:
    """Every proof used for more than one item, the plainest kind first."""
    groups: list[ReuseGroup] = []
    by_sha: dict[str, list[EvidenceUse]] = defaultdict(list)
    for use in uses:
        by_sha[use.sha256].append(use)
    for members in by_sha.values():
        if len({u.item_id for u in members}) > 1:
            groups.append(ReuseGroup(ReuseKind.SAME_FILE, tuple(members)))

    by_hash: dict[int, list[str]] = defaultdict(list)
    by_text: dict[str, list[str]] = defaultdict(list)
    for sha in by_sha:
        found = prints.get(sha)
        if found is None:
            continue
        if found.phash is not None:
            by_hash[found.phash].append(sha)
        if found.text_hash:
            by_text[found.text_hash].append(sha)
    for near in near_groups(by_hash):
        shas = [s for value in near for s in by_hash[value]]
        members = [u for s in shas for u in by_sha[s]]
        if len(shas) > 1 and len({u.item_id for u in members}) > 1:
            distance = max(hamming(a, b) for a in near for b in near)
            groups.append(ReuseGroup(ReuseKind.SIMILAR_IMAGE, tuple(members), distance))
    for shas in by_text.values():
        members = [u for s in shas for u in by_sha[s]]
        if len(shas) > 1 and len({u.item_id for u in members}) > 1:
            groups.append(ReuseGroup(ReuseKind.SAME_TEXT, tuple(members)))
    order = list(ReuseKind)
    groups.sort(key=lambda g: (order.index(g.kind), g.item_ids))
    return groups


def flags_by_item(groups: Sequence[ReuseGroup]) -> dict[int, list[ReuseGroup]]:
    """For each flagged item, the groups that name it."""
    found: dict[int, list[ReuseGroup]] = defaultdict(list)
    for group in groups:
        for item_id in group.item_ids:
            found[item_id].append(group)
    return dict(found)

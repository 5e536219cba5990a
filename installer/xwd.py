"""Xvfb's screen (an XWD image, from ``Xvfb -fbdir``) to PNG, with the standard library."""

from __future__ import annotations

import struct
import zlib

_HEADER_FIELDS = 25


class XwdError(ValueError):
    """Not a 24/32-bit TrueColor XWD image."""


def rgb_from_xwd(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, RGB bytes) of an XWD image with 32 bits per pixel."""
    if len(data) < _HEADER_FIELDS * 4:
        raise XwdError("too short for an XWD header")
    fields = struct.unpack_from(">25I", data)
    header_size, version = fields[0], fields[1]
    width, height, byte_order = fields[4], fields[5], fields[7]
    bits_per_pixel, bytes_per_line, ncolors = fields[11], fields[12], fields[19]
    if version != 7 or bits_per_pixel != 32:
        raise XwdError(f"XWD version {version}, {bits_per_pixel} bits per pixel: not supported")
    start = header_size + ncolors * 12
    rows = bytearray()
    for y in range(height):
        offset = start + y * bytes_per_line
        rows += data[offset : offset + width * 4]
    if len(rows) != width * height * 4:
        raise XwdError("the image data is shorter than its header says")
    # LSBFirst: each pixel is B, G, R, X in memory; MSBFirst: X, R, G, B.
    red, green, blue = (2, 1, 0) if byte_order == 0 else (1, 2, 3)
    rgb = bytearray(width * height * 3)
    rgb[0::3] = rows[red::4]
    rgb[1::3] = rows[green::4]
    rgb[2::3] = rows[blue::4]
    return width, height, bytes(rgb)


def png(width: int, height: int, rgb: bytes) -> bytes:
    """An RGB PNG file."""
    stride = width * 3
    raw = b"".join(b"\0" + rgb[y * stride : (y + 1) * stride] for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))  # fmt: skip

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))  # fmt: skip


def painted_fraction(rgb: bytes) -> float:
    """The share of the screen that is not black (Xvfb -br starts all black)."""
    if not rgb:
        return 0.0
    return 1.0 - rgb.count(0) / len(rgb)

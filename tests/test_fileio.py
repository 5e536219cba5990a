"""Atomic writes: the old file survives any failure."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from rectdesk.domain.errors import UserError
from rectdesk.fileio import atomic_path, describe_os_error, write_bytes_atomic


def test_success_replaces_target(tmp_path: Path) -> None:
    target = tmp_path / "out" / "表.pdf"
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["表.pdf"]


def test_failure_keeps_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "表.docx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("writer failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["表.docx"]


def test_disk_full_is_a_plain_message(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(UserError, match="磁盘空间不足"), atomic_path(target) as temporary:
        temporary.write_bytes(b"x")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_bytes() == b"old"


def test_messages_name_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    assert "权限" in str(describe_os_error(OSError(errno.EACCES, "denied"), path))
    assert "U 盘" in str(describe_os_error(OSError(errno.ENODEV, "gone"), path))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    write_bytes_atomic(new, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~mask
    old = tmp_path / "old.txt"
    old.write_bytes(b"old")
    old.chmod(0o640)
    write_bytes_atomic(old, b"new")
    assert old.stat().st_mode & 0o777 == 0o640

"""A symbolic link planted among the evidence files never carries anything out of it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from rectdesk.cli import main
from rectdesk.store.backup import files_dir_of

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges there")

SECRET = "机密：王五13911112222"


def _everything(folder: Path) -> str:
    return "".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink() and p.suffix != ".sqlite3"
    )


def test_backup_and_restore_never_follow_a_planted_link(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "demo"]) == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    files = files_dir_of(db_path)
    files.mkdir(parents=True, exist_ok=True)
    os.symlink(outside / "secret.txt", files / "link-to-file.txt")
    os.symlink(outside, files / "link-to-folder")
    stick = tmp_path / "U盘"
    stick.mkdir()
    assert main(["--db", str(db_path), "backup", "--output", str(stick)]) == 0, capsys.readouterr()
    assert SECRET not in _everything(stick)
    assert not any(p.is_symlink() for p in stick.rglob("*"))
    # A backup folder with a link planted in it: restoring does not copy the target in.
    (backup,) = [p for p in stick.iterdir() if p.is_dir()]
    planted = backup / files.name / "attachments" / "1"
    planted.mkdir(parents=True, exist_ok=True)
    os.symlink(outside / "secret.txt", planted / "planted.txt")
    os.symlink(outside, backup / files.name / "linked-folder")
    capsys.readouterr()
    code = main(["--db", str(db_path), "restore", str(backup)])
    assert code in (0, 1), capsys.readouterr()
    assert SECRET not in _everything(files)

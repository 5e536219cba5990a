"""The quick check at every start: is the store sound, and if not, which backup can replace it."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk.services.location import location_warning
from rectdesk.store.backup import (
    BackupInfo,
    check_file,
    default_backup_dir,
    list_backups,
    verify_backup,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartupHealth:
    """What the start-up check found."""

    path: Path
    problems: list[str] = field(default_factory=list)
    newest_good: BackupInfo | None = None
    location_warning: str | None = None
    #: The store is large: its check runs in the background once the window shows.
    deferred: bool = False

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    def message(self) -> str:
        """The plain Chinese sentence the clerk reads when the store is damaged."""
        if not self.damaged:
            return ""
        if self.newest_good is None:
            return (
                f"数据文件“{self.path.name}”已损坏，而且没有找到可用的备份。"
                "请不要再往这个文件写入，把它复制一份后联系技术支持；"
                "如有 U 盘上的备份，可以选择它来恢复。"
            )
        when = f"{self.newest_good.created_at:%Y年%m月%d日 %H:%M}"
        return (
            f"数据文件“{self.path.name}”已损坏。找到了 {when} 的完好备份，"
            "可以用它恢复（之后的修改需要重新录入）；损坏的文件会另存一份，不会删除。"
        )


#: Stores larger than this are checked in the background: a quick check reads the whole file
#: (about 1.5 s for 900 MB from the cache, far longer from a cold disk).
BACKGROUND_CHECK_BYTES = 64 * 1024 * 1024


def checked_in_background(db_path: Path) -> bool:
    """Whether the start-up check of this store runs after the window shows."""
    try:
        return db_path.stat().st_size > BACKGROUND_CHECK_BYTES
    except OSError:
        return False


def startup_check(
    db_path: Path, *, backups: Path | None = None, defer_large: bool = False
) -> StartupHealth:
    """PRAGMA quick_check on the store (when it exists), the newest good backup if damaged.

    With ``defer_large``, a large store is not read here (see ``background_problems``).
    """
    warning = location_warning(db_path)
    if not db_path.exists():
        return StartupHealth(db_path, location_warning=warning)
    if defer_large and checked_in_background(db_path):
        return StartupHealth(db_path, location_warning=warning, deferred=True)
    problems = check_file(db_path, quick=True)
    if not problems:
        return StartupHealth(db_path, location_warning=warning)
    log.error("store %s failed its quick check: %s", db_path, "; ".join(problems[:5]))
    good = newest_good_backup(db_path, backups or default_backup_dir(db_path))
    return StartupHealth(db_path, problems, good, warning)


def newest_good_backup(db_path: Path, folder: Path) -> BackupInfo | None:
    """The newest backup of this store that passes the full verification."""
    for info in list_backups(folder, db_path.stem):
        if info.verified and not verify_backup(info.path):
            return info
        log.warning("backup %s skipped: %s", info.path, info.problem or "verification failed")
    return None


def background_problems(db_path: Path) -> list[str]:
    """The quick check of a large store, on its own connection (safe on a worker thread)."""
    problems = check_file(db_path, quick=True)
    if problems:
        log.error("store %s failed its quick check: %s", db_path, "; ".join(problems[:5]))
    return problems

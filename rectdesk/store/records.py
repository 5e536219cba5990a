"""Ledger entries, evidence files, the audit log, settings and report templates."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.model import Attachment, AuditEntry, LedgerEntry, LedgerKind
from rectdesk.fileio import format_size, free_bytes, portable_name
from rectdesk.store import rows
from rectdesk.store.versions import BUMP, os_identity

if TYPE_CHECKING:
    import sqlite_utils

    from rectdesk.domain.model import Item

#: Ledger kinds whose text becomes the item's latest progress (整改进展).
PROGRESS_KINDS = frozenset({LedgerKind.PROGRESS, LedgerKind.CLOSE_OFF})
#: One evidence file at most (a scanned binder of a few hundred pages fits well within it).
MAX_EVIDENCE_BYTES = 1024 * 1024 * 1024
#: Room left on the disk after copying evidence, so the store and its backups can still grow.
EVIDENCE_SPARE_BYTES = 64 * 1024 * 1024


class RecordsMixin:
    """The store's records around items; mixed into Store, which owns the connection."""

    db: sqlite_utils.Database
    path: Path | None

    if TYPE_CHECKING:

        def transaction(self) -> contextlib.AbstractContextManager[Any]: ...
        def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]: ...
        def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
        def item(self, item_id: int) -> Item: ...

        @property
        def files_dir(self) -> Path: ...

    # -- ledger --------------------------------------------------------------------------

    def add_ledger_entry(
        self,
        item_id: int,
        on: dt.date,
        kind: LedgerKind,
        text: str,
        *,
        author: str = "",
    ) -> int:
        """Add a ledger line; a progress line newer than the last becomes the item's progress."""
        if not text.strip() and kind is not LedgerKind.CLOSE_OFF:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "台账内容不能为空，请填写进展情况。"))
        with self.transaction():
            item = self.item(item_id)
            cursor = self.db.execute(
                "INSERT INTO ledger (item_id, on_date, kind, text, author, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [item_id, on.isoformat(), kind.value, text, author, rows.now_text()],
            )
            entry_id = int(cursor.lastrowid or 0)
            if (
                kind in PROGRESS_KINDS
                and text.strip()
                and (item.progress_on is None or on >= item.progress_on)
            ):
                self.db.execute(
                    "UPDATE items SET progress = ?, progress_on = ?, updated_at = ?,"
                    " version = version + 1 WHERE id = ?",
                    [text, on.isoformat(), rows.now_text(), item_id],
                )
            else:
                self.db.execute(BUMP, [item_id])
            self.audit(author, item_id, "ledger", kind.value, "", text[:200])
        return entry_id

    def ledger(self, item_id: int) -> list[LedgerEntry]:
        """An item's ledger, oldest first."""
        found = self._rows("SELECT * FROM ledger WHERE item_id = ? ORDER BY on_date, id", [item_id])
        return [rows.ledger_from_row(r) for r in found]

    def delete_ledger_entry(self, entry_id: int, *, actor: str = "") -> None:
        """Remove a ledger line and recompute the item's latest progress."""
        with self.transaction():
            found = self._rows("SELECT * FROM ledger WHERE id = ?", [entry_id])
            if not found:
                raise UserError(QT_TRANSLATE_NOOP("Errors", "找不到这条台账记录，可能已被删除。"))
            entry = rows.ledger_from_row(found[0])
            self.db.execute("DELETE FROM ledger WHERE id = ?", [entry_id])
            self._refresh_progress(entry.item_id)
            self.audit(
                actor, entry.item_id, "delete_ledger", entry.kind.value, entry.text[:200], ""
            )

    def _refresh_progress(self, item_id: int) -> None:
        kinds = ",".join(f"'{k.value}'" for k in PROGRESS_KINDS)
        latest = self._rows(
            f"SELECT text, on_date FROM ledger WHERE item_id = ? AND kind IN ({kinds})"
            " AND text != '' ORDER BY on_date DESC, id DESC LIMIT 1",
            [item_id],
        )
        text, on = (latest[0]["text"], latest[0]["on_date"]) if latest else ("", None)
        self.db.execute(
            "UPDATE items SET progress = ?, progress_on = ?, updated_at = ?,"
            " version = version + 1 WHERE id = ?",
            [text, on, rows.now_text(), item_id],
        )

    # -- evidence files ------------------------------------------------------------------

    def add_attachment(
        self, item_id: int, source: Path, *, ledger_id: int | None = None, actor: str = ""
    ) -> Attachment:
        """Copy an evidence file beside the store and record it with its size and sha256."""
        source = Path(source)
        if not source.is_file():
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "找不到佐证材料文件“{path}”，请重新选择。"),
                path=str(source),
            )
        size = source.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "佐证材料“{name}”有 {size}，超过单个文件 {limit} 的上限；"
                    "请压缩或只选取关键页后再添加。",
                ),
                name=source.name,
                size=format_size(size),
                limit=format_size(MAX_EVIDENCE_BYTES),
            )
        free = free_bytes(self.files_dir)
        if free is not None and free < size + EVIDENCE_SPARE_BYTES:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "磁盘空间不足：复制佐证材料“{name}”需要约 {needed}，"
                    "只剩 {free}；请清理磁盘后再添加。",
                ),
                name=source.name,
                needed=format_size(size + EVIDENCE_SPARE_BYTES),
                free=format_size(free),
            )
        digest = _sha256(source)
        folder = self.files_dir / "attachments" / str(item_id)
        folder.mkdir(parents=True, exist_ok=True)
        # The original name stays in the record; the copy's name is safe on any disk.
        target = folder / f"{digest[:12]}-{portable_name(source.name)}"
        partial = target.with_name(target.name + ".part")
        try:
            shutil.copyfile(source, partial)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "无法复制佐证材料“{name}”，请检查磁盘空间和文件权限。"),
                str(exc),
                name=source.name,
            ) from exc
        relative = target.relative_to(self.files_dir).as_posix()
        try:
            with self.transaction():
                self.item(item_id)
                cursor = self.db.execute(
                    "INSERT INTO attachments (item_id, ledger_id, name, stored_path, size,"
                    " sha256, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [item_id, ledger_id, source.name, relative, target.stat().st_size, digest,
                     rows.now_text()],
                )  # fmt: skip
                attachment_id = int(cursor.lastrowid or 0)
                self.db.execute(BUMP, [item_id])
                self.audit(actor, item_id, "attach", "attachment", "", source.name)
        except BaseException:
            if not self._scalar("SELECT 1 FROM attachments WHERE stored_path = ?", [relative]):
                target.unlink(missing_ok=True)
            raise
        return self.attachment(attachment_id)

    def attachment(self, attachment_id: int) -> Attachment:
        """One evidence record."""
        found = self._rows("SELECT * FROM attachments WHERE id = ?", [attachment_id])
        if not found:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "找不到这份佐证材料，可能已被删除。"))
        return _attachment(found[0])

    def attachments(self, item_id: int) -> list[Attachment]:
        """An item's evidence files, oldest first."""
        found = self._rows("SELECT * FROM attachments WHERE item_id = ? ORDER BY id", [item_id])
        return [_attachment(r) for r in found]

    def attachment_path(self, attachment: Attachment) -> Path:
        """Where the evidence file lies on disk."""
        return self.files_dir / attachment.stored_path

    # -- audit log -----------------------------------------------------------------------

    def audit(
        self, actor: str, item_id: int | None, action: str, field: str, old: str, new: str
    ) -> None:
        """Record one change (called inside the caller's transaction, after the write).

        Besides the clerk (``actor``, 填报人), the entry keeps the computer account and the
        machine, and for an item the version the change made, so a later refusal can say
        who changed what and when (store/versions.py).
        """
        os_user, machine = os_identity()
        self.db.execute(
            "INSERT INTO audit_log (at, actor, item_id, action, field, old, new, item_version,"
            " os_user, machine) VALUES (?, ?, ?, ?, ?, ?, ?,"
            " (SELECT version FROM items WHERE id = ?), ?, ?)",
            [rows.now_text(), actor, item_id, action, field, old, new, item_id, os_user,
             machine],
        )  # fmt: skip

    def audit_log(self, item_id: int | None = None, *, limit: int = 1000) -> list[AuditEntry]:
        """Recorded changes, newest first; one item's when ``item_id`` is given."""
        if item_id is None:
            found = self._rows("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit])
        else:
            found = self._rows(
                "SELECT * FROM audit_log WHERE item_id = ? ORDER BY id DESC LIMIT ?",
                [item_id, limit],
            )
        return [rows.audit_from_row(r) for r in found]

    # -- settings ------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        """A stored setting (JSON value), or the default."""
        raw = self._scalar("SELECT value FROM settings WHERE key = ?", [key])
        return default if raw is None else json.loads(raw)

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting as JSON."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    # -- report templates ----------------------------------------------------------------

    def save_template(
        self, name: str, definition: dict[str, Any], *, base: str = "", builtin: bool = False
    ) -> int:
        """Create or replace a report template by name."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO templates (name, base, definition, builtin, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET base = excluded.base,"
                " definition = excluded.definition, updated_at = excluded.updated_at",
                [name, base, json.dumps(definition, ensure_ascii=False), int(builtin),
                 rows.now_text()],
            )  # fmt: skip
            return int(self._scalar("SELECT id FROM templates WHERE name = ?", [name]))

    def templates(self) -> list[dict[str, Any]]:
        """Stored templates with their definitions."""
        return [
            {**dict(r), "definition": json.loads(r["definition"]), "builtin": bool(r["builtin"])}
            for r in self._rows("SELECT * FROM templates ORDER BY builtin DESC, name")
        ]

    def delete_template(self, name: str) -> None:
        """Remove a user template (built-in ones are restored at start)."""
        with self.transaction():
            self.db.execute("DELETE FROM templates WHERE name = ? AND builtin = 0", [name])


def _attachment(row: sqlite3.Row) -> Attachment:
    return Attachment(
        id=row["id"],
        item_id=row["item_id"],
        ledger_id=row["ledger_id"],
        name=row["name"],
        stored_path=row["stored_path"],
        size=row["size"],
        sha256=row["sha256"],
        added_at=row["added_at"],
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

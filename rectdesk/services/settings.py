"""Settings kept in the store, declared once with their type and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Label, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.lights import LightRules


@dataclass(frozen=True)
class Setting:
    """One setting: its key, Python type, default and Chinese label."""

    key: str
    type: type
    default: Any
    label: str


#: Settings that belong to the ledger (shared by the window and the command line).
SETTINGS: tuple[Setting, ...] = (
    Setting("unit_name", str, "", "填报单位"),
    Setting("clerk_name", str, "", "填报人"),
    Setting("clerk_phone", str, "", "联系电话"),
    Setting("warn_days", int, 10, "临期提醒天数"),
    Setting("stale_days", int, 90, "长期坚持事项多少天未更新算久未更新"),
    Setting("remind_at_start", bool, True, "启动时提醒逾期和临期事项"),
    Setting("backup_daily", bool, True, "每天首次启动时自动备份"),
    Setting("backup_daily_days", int, 14, "每日备份保留天数"),
    Setting("backup_weekly_weeks", int, 8, "每周备份保留周数"),
    Setting("backup_folder", str, "", "自动备份文件夹（留空则为数据文件旁的 backups）"),
)
_BY_KEY = {s.key: s for s in SETTINGS}
#: The name of each setting, for the audit log.
SETTING_LABELS = {s.key: s.label for s in SETTINGS}


def get(store: LedgerStore, key: str) -> Any:
    """A setting's stored value, or its default."""
    setting = _BY_KEY[key]
    value = store.setting(key, setting.default)
    try:
        return setting.type(value)
    except (TypeError, ValueError):
        return setting.default


def put(store: LedgerStore, key: str, value: Any) -> None:
    """Store a setting after checking its type."""
    setting = _BY_KEY.get(key)
    if setting is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "没有名为“{key}”的设置。"), key=key)
    try:
        converted = setting.type(value)
    except (TypeError, ValueError) as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "“{setting}”的值“{value}”不正确。"),
            setting=Label(setting.label),
            value=value,
        ) from exc
    if setting.type is int and converted < 0:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "“{setting}”不能是负数。"),
            setting=Label(setting.label),
        )
    store.set_setting(key, converted)


def save(store: LedgerStore, values: dict[str, Any], *, keep_empty: bool = False) -> list[str]:
    """Store changed settings together, each change in the audit log; the keys changed.

    With ``keep_empty`` an empty text leaves the setting as it was (the welcome page, where
    an untouched field means "not now", not "clear it").
    """
    for key in values:
        if key not in _BY_KEY:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "没有名为“{key}”的设置。"), key=key)
    changed = {
        k: v for k, v in values.items() if (v or v == 0 or not keep_empty) and v != get(store, k)
    }
    if not changed:
        return []
    who = actor(store)
    with store.transaction():
        for key, value in changed.items():
            old = get(store, key)
            put(store, key, value)
            store.audit(who, None, "settings", key, str(old), str(get(store, key)))
    return list(changed)


def light_rules(store: LedgerStore) -> LightRules:
    """The bureau's warning-light thresholds."""
    return LightRules(warn_days=get(store, "warn_days"), stale_days=get(store, "stale_days"))


def actor(store: LedgerStore) -> str:
    """Who is making changes, for the audit log."""
    import getpass

    name = str(get(store, "clerk_name"))
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""

"""Domain labels in the interface language.

The domain modules name statuses, batch kinds, ledger kinds, lights and fields in Chinese (the
words of the official tables). Those texts live outside the interface code, so
``pyside6-lupdate`` cannot find them where they are used; every one is listed here once, in the
``Labels`` context, and shown through :func:`tr_label`. A text not listed (a category or a unit
name typed by the clerk) comes back unchanged.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rectdesk.domain.lights import Signal
from rectdesk.domain.model import Light, Status

CONTEXT = "Labels"

_MARKED: tuple[object, ...] = (
    # Status (完成情况)
    QT_TRANSLATE_NOOP("Labels", "未启动"),
    QT_TRANSLATE_NOOP("Labels", "整改中"),
    QT_TRANSLATE_NOOP("Labels", "已完成（待销号）"),
    QT_TRANSLATE_NOOP("Labels", "已销号"),
    QT_TRANSLATE_NOOP("Labels", "长期坚持"),
    QT_TRANSLATE_NOOP("Labels", "不予整改"),
    QT_TRANSLATE_NOOP("Labels", "已完成待销号"),
    # BatchKind
    QT_TRANSLATE_NOOP("Labels", "社会评价意见建议"),
    QT_TRANSLATE_NOOP("Labels", "巡察反馈问题"),
    QT_TRANSLATE_NOOP("Labels", "人大评议"),
    QT_TRANSLATE_NOOP("Labels", "政协提案"),
    QT_TRANSLATE_NOOP("Labels", "审计整改"),
    QT_TRANSLATE_NOOP("Labels", "其他"),
    # LedgerKind
    QT_TRANSLATE_NOOP("Labels", "整改进展"),
    QT_TRANSLATE_NOOP("Labels", "催办"),
    QT_TRANSLATE_NOOP("Labels", "答复"),
    QT_TRANSLATE_NOOP("Labels", "沟通"),
    QT_TRANSLATE_NOOP("Labels", "销号"),
    # Light
    QT_TRANSLATE_NOOP("Labels", "逾期"),
    QT_TRANSLATE_NOOP("Labels", "临期"),
    QT_TRANSLATE_NOOP("Labels", "正常"),
    QT_TRANSLATE_NOOP("Labels", "已办结"),
    # Signal (see signal_label)
    QT_TRANSLATE_NOOP("Labels", "逾期{0}天"),
    QT_TRANSLATE_NOOP("Labels", "今日到期"),
    QT_TRANSLATE_NOOP("Labels", "{0}天内到期"),
    QT_TRANSLATE_NOOP("Labels", "立行立改"),
    QT_TRANSLATE_NOOP("Labels", "长期坚持·久未更新"),
    # The light column where the light alone says too little (see light_key)
    QT_TRANSLATE_NOOP("Labels", "未定时限"),
    QT_TRANSLATE_NOOP("Labels", "待销号"),
    # OutputMode
    QT_TRANSLATE_NOOP("Labels", "公开发布"),
    QT_TRANSLATE_NOOP("Labels", "脱敏（默认）"),
    QT_TRANSLATE_NOOP("Labels", "完整（仅内部使用）"),
    # FIELD_LABELS and the items table's other columns
    QT_TRANSLATE_NOOP("Labels", "序号"),
    QT_TRANSLATE_NOOP("Labels", "意见建议编号"),
    QT_TRANSLATE_NOOP("Labels", "类别"),
    QT_TRANSLATE_NOOP("Labels", "意见来源"),
    QT_TRANSLATE_NOOP("Labels", "意见建议内容"),
    QT_TRANSLATE_NOOP("Labels", "责任单位"),
    QT_TRANSLATE_NOOP("Labels", "责任领导"),
    QT_TRANSLATE_NOOP("Labels", "责任人"),
    QT_TRANSLATE_NOOP("Labels", "整改措施"),
    QT_TRANSLATE_NOOP("Labels", "整改可检验成果"),
    QT_TRANSLATE_NOOP("Labels", "整改时限"),
    QT_TRANSLATE_NOOP("Labels", "完成情况"),
    QT_TRANSLATE_NOOP("Labels", "状态说明"),
    QT_TRANSLATE_NOOP("Labels", "销号日期"),
    QT_TRANSLATE_NOOP("Labels", "备注"),
    QT_TRANSLATE_NOOP("Labels", "办理结果类别"),
    QT_TRANSLATE_NOOP("Labels", "满意度"),
    QT_TRANSLATE_NOOP("Labels", "预警"),
    QT_TRANSLATE_NOOP("Labels", "逾期天数"),
    QT_TRANSLATE_NOOP("Labels", "最后修改"),
    # Import column fields (importers.headers.FIELD_NAMES)
    QT_TRANSLATE_NOOP("Labels", "编号"),
    QT_TRANSLATE_NOOP("Labels", "来源"),
    QT_TRANSLATE_NOOP("Labels", "问题/意见内容"),
    QT_TRANSLATE_NOOP("Labels", "配合单位"),
    QT_TRANSLATE_NOOP("Labels", "可检验成果"),
    QT_TRANSLATE_NOOP("Labels", "是否销号"),
    # Import preview actions (services.importing.ACTION_LABELS)
    QT_TRANSLATE_NOOP("Labels", "新增"),
    QT_TRANSLATE_NOOP("Labels", "更新"),
    QT_TRANSLATE_NOOP("Labels", "无变化"),
    # Satisfaction (满意度)
    QT_TRANSLATE_NOOP("Labels", "满意"),
    QT_TRANSLATE_NOOP("Labels", "基本满意"),
    QT_TRANSLATE_NOOP("Labels", "不满意"),
    # Audit actions and records (detail panel history, audit log)
    QT_TRANSLATE_NOOP("Labels", "修改"),
    QT_TRANSLATE_NOOP("Labels", "撤销"),
    QT_TRANSLATE_NOOP("Labels", "重做"),
    QT_TRANSLATE_NOOP("Labels", "记台账"),
    QT_TRANSLATE_NOOP("Labels", "删台账"),
    QT_TRANSLATE_NOOP("Labels", "添加佐证"),
    QT_TRANSLATE_NOOP("Labels", "删除"),
    QT_TRANSLATE_NOOP("Labels", "添加"),
    QT_TRANSLATE_NOOP("Labels", "新增批次"),
    QT_TRANSLATE_NOOP("Labels", "删除批次"),
    QT_TRANSLATE_NOOP("Labels", "添加事项"),
    QT_TRANSLATE_NOOP("Labels", "删除事项"),
    QT_TRANSLATE_NOOP("Labels", "删除台账记录"),
    QT_TRANSLATE_NOOP("Labels", "添加佐证材料"),
    QT_TRANSLATE_NOOP("Labels", "导出完整个人信息"),
    QT_TRANSLATE_NOOP("Labels", "从备份恢复"),
    QT_TRANSLATE_NOOP("Labels", "修改设置"),
    QT_TRANSLATE_NOOP("Labels", "删除报表模板"),
    QT_TRANSLATE_NOOP("Labels", "台账"),
    QT_TRANSLATE_NOOP("Labels", "佐证材料"),
    QT_TRANSLATE_NOOP("Labels", "其他字段"),
    QT_TRANSLATE_NOOP("Labels", "其他列"),
    QT_TRANSLATE_NOOP("Labels", "事项"),
    QT_TRANSLATE_NOOP("Labels", "批次"),
    QT_TRANSLATE_NOOP("Labels", "进展日期"),
    QT_TRANSLATE_NOOP("Labels", "报表"),
    QT_TRANSLATE_NOOP("Labels", "审计日志"),
    QT_TRANSLATE_NOOP("Labels", "回填原表"),
    QT_TRANSLATE_NOOP("Labels", "报表模板"),
    QT_TRANSLATE_NOOP("Labels", "交换包"),
    QT_TRANSLATE_NOOP("Labels", "下发"),
    # Backup reasons (services.backup)
    QT_TRANSLATE_NOOP("Labels", "每日自动"),
    QT_TRANSLATE_NOOP("Labels", "手动"),
    QT_TRANSLATE_NOOP("Labels", "导入前"),
    QT_TRANSLATE_NOOP("Labels", "备份到指定位置"),
    QT_TRANSLATE_NOOP("Labels", "恢复前另存"),
    QT_TRANSLATE_NOOP("Labels", "恢复前另存（原文件已损坏）"),
    QT_TRANSLATE_NOOP("Labels", "升级数据结构前"),
    # Overview figures (services.dashboard)
    QT_TRANSLATE_NOOP("Labels", "（未分类）"),
    # A date written out (date_text)
    QT_TRANSLATE_NOOP("Labels", "{0}年{1}月{2}日"),
    # Where an imported table's year came from (importers.tables: ParsedFile.year_source)
    QT_TRANSLATE_NOOP("Labels", "填报日期"),
    QT_TRANSLATE_NOOP("Labels", "标题"),
    QT_TRANSLATE_NOOP("Labels", "表中时限"),
    # 督办 letters, close-off reviews, the reuse guard and proposals (domain/supervision.py,
    # closure.py, evidence.py, proposals.py) and their records in the change history
    QT_TRANSLATE_NOOP("Labels", "督办通知"),
    QT_TRANSLATE_NOOP("Labels", "预警提醒函"),
    QT_TRANSLATE_NOOP("Labels", "督办"),
    QT_TRANSLATE_NOOP("Labels", "已答复"),
    QT_TRANSLATE_NOOP("Labels", "逾期未复"),
    QT_TRANSLATE_NOOP("Labels", "待答复"),
    QT_TRANSLATE_NOOP("Labels", "已整改到位"),
    QT_TRANSLATE_NOOP("Labels", "正在整改"),
    QT_TRANSLATE_NOOP("Labels", "说明情况"),
    QT_TRANSLATE_NOOP("Labels", "未按要求答复"),
    QT_TRANSLATE_NOOP("Labels", "已申请，待审核"),
    QT_TRANSLATE_NOOP("Labels", "审核通过，可销号"),
    QT_TRANSLATE_NOOP("Labels", "审核未通过"),
    QT_TRANSLATE_NOOP("Labels", "同一文件"),
    QT_TRANSLATE_NOOP("Labels", "近似图片"),
    QT_TRANSLATE_NOOP("Labels", "PDF文字相同"),
    QT_TRANSLATE_NOOP("Labels", "人大代表建议"),
    QT_TRANSLATE_NOOP("Labels", "政协委员提案"),
    QT_TRANSLATE_NOOP("Labels", "主办"),
    QT_TRANSLATE_NOOP("Labels", "会办"),
    QT_TRANSLATE_NOOP("Labels", "面对面沟通"),
    QT_TRANSLATE_NOOP("Labels", "电话沟通"),
    QT_TRANSLATE_NOOP("Labels", "座谈"),
    QT_TRANSLATE_NOOP("Labels", "实地考察"),
    QT_TRANSLATE_NOOP("Labels", "督办函"),
    QT_TRANSLATE_NOOP("Labels", "督办答复"),
    QT_TRANSLATE_NOOP("Labels", "申请销号"),
    QT_TRANSLATE_NOOP("Labels", "销号审核"),
    QT_TRANSLATE_NOOP("Labels", "建议提案"),
    QT_TRANSLATE_NOOP("Labels", "沟通记录"),
    # File dialog filter of the import wizard
    QT_TRANSLATE_NOOP("Labels", "表格文件 (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;所有文件 (*)"),
)

#: Every label listed above, in the source language.
LABELS: tuple[str, ...] = tuple(str(text) for text in _MARKED)


def tr_label(text: str) -> str:
    """``text`` in the interface language; unchanged when it is not a listed label."""
    return QCoreApplication.translate(CONTEXT, text)


def signal_label(signal: Signal) -> str:
    """A light's label (``Signal.label``) in the interface language, the day counts filled in."""
    if signal.light is Light.RED:
        return tr_label("逾期{0}天").format(signal.overdue_days)
    if signal.light is Light.YELLOW and signal.days_left is not None:
        if signal.days_left == 0:
            return tr_label("今日到期")
        return tr_label("{0}天内到期").format(signal.days_left)
    if signal.light is Light.YELLOW:
        return tr_label("立行立改")
    if signal.light is Light.BLUE and signal.stale:
        return tr_label("长期坚持·久未更新")
    return tr_label(signal.label)


#: The light column's text for each finished status: each reads differently.
_FINISHED = {Status.COMPLETED: ("completed", "待销号"), Status.CLOSED: ("closed", "已销号"),
             Status.DECLINED: ("declined", "不予整改")}  # fmt: skip


def date_text(day: dt.date) -> str:
    """A date in the interface language: 2023年11月30日, or 2023-11-30 in English."""
    return tr_label("{0}年{1}月{2}日").format(day.year, day.month, day.day)


def light_key(signal: Signal, status: Status) -> str:
    """What the light column shows: a light, or a finished status, or "no deadline".

    Finished items share the grey light, but 待销号 still needs a step and 不予整改 was never
    done; an item without a deadline is green by the rules, yet it is not "on track".
    """
    if signal.light is Light.GREY and status in _FINISHED:
        return _FINISHED[status][0]
    if signal.light is Light.GREEN and signal.days_left is None:
        return "no_deadline"
    return signal.light.value


def light_text(signal: Signal, status: Status) -> str:
    """The light column's label in the interface language (see light_key)."""
    key = light_key(signal, status)
    if key == "no_deadline":
        return tr_label("未定时限")
    if signal.light is Light.GREY and status in _FINISHED:
        return tr_label(_FINISHED[status][1])
    return signal_label(signal)


def light_texts() -> list[str]:
    """Every label the light column may show (long day counts included), for sizing it."""
    from rectdesk.domain.lights import Signal as _Signal

    signals = [_Signal(Light.RED, -999), _Signal(Light.YELLOW, 99), _Signal(Light.YELLOW, 0),
               _Signal(Light.YELLOW), _Signal(Light.GREEN, 99), _Signal(Light.BLUE),
               _Signal(Light.BLUE, stale=True), _Signal(Light.GREEN)]  # fmt: skip
    texts = [light_text(s, Status.IN_PROGRESS) for s in signals]
    return texts + [tr_label(label) for _key, label in _FINISHED.values()]

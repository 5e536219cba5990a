"""The 督办 menu: letters and their register, 销号 binders and reviews, the reuse guard, and
the proposals' yearly figures."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.privacy import mask_text
from rectdesk.fileio import atomic_path
from rectdesk.reports.layout import Report
from rectdesk.services import binder, closure, evidence_guard, proposals
from rectdesk.services.reporting import write
from rectdesk.ui import file_dialogs
from rectdesk.ui.tasks import Progress, open_reader, open_writer
from rectdesk.ui.undo import busy, show_error

if TYPE_CHECKING:
    from rectdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


_CONTEXT = "SupervisionMenu"
#: Every text of the menu, listed where the translation tools find it (shown through _tr).
_TEXTS = (
    QT_TRANSLATE_NOOP("SupervisionMenu", "正在生成销号材料汇编…"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "正在检查佐证材料…"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "督办(&S)"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "生成督办/预警函…"),
    QT_TRANSLATE_NOOP(
        "SupervisionMenu", "给逾期、临期或选中事项的责任单位各发一份编号的督办通知或预警提醒函"
    ),
    QT_TRANSLATE_NOOP("SupervisionMenu", "督办登记簿…"),
    QT_TRANSLATE_NOOP(
        "SupervisionMenu", "每份督办函的文号、事项、答复期限和答复情况；登记答复，打印登记簿"
    ),
    QT_TRANSLATE_NOOP("SupervisionMenu", "申请销号（选中事项）…"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "为已完成的选中事项提出销号申请，待审核后销号"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "销号审核…"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "审核待审的销号申请，记录审核人和意见"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "生成销号材料汇编…"),
    QT_TRANSLATE_NOOP(
        "SupervisionMenu", "选中事项或当前批次的问题、措施、台账和佐证材料，汇成一份PDF或zip"
    ),
    QT_TRANSLATE_NOOP("SupervisionMenu", "佐证材料复用检查…"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "查找同一文件、近似照片或文字相同的PDF被用于不同事项"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "建议提案年度统计…"),
    QT_TRANSLATE_NOOP(
        "SupervisionMenu", "按年统计承办件数、沟通次数、征求意见、满意率和会办按时情况"
    ),
    QT_TRANSLATE_NOOP("SupervisionMenu", "节假日安排…"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "查看或录入某年的法定节假日和调休，工作日期限按此计算"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "销号须经审核"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "打开后，事项须经“申请—审核”通过才能销号"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "申请销号"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "请先在列表中选择已完成的事项。"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "申请说明（整改完成情况）："),
    QT_TRANSLATE_NOOP("SupervisionMenu", "已为{0}条事项提出销号申请。"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "销号审核"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "没有待审核的销号申请。"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "审核人："),
    QT_TRANSLATE_NOOP("SupervisionMenu", "事项：{0}\n申请人：{1}（{2}）\n说明：{3}\n\n审核意见："),
    QT_TRANSLATE_NOOP("SupervisionMenu", "同意销号"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "退回补充"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "暂不审核"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "需要补充什么："),
    QT_TRANSLATE_NOOP("SupervisionMenu", "销号材料汇编"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "请先选择事项或批次。"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "保存销号材料汇编"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "销号材料汇编.pdf"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "PDF (*.pdf);;ZIP (*.zip)"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "打印…"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "打印"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)"),
    QT_TRANSLATE_NOOP(
        "SupervisionMenu", "检查佐证材料{0}份（内容不同的{1}份），发现{2}组用于不同事项。"
    ),
    QT_TRANSLATE_NOOP("SupervisionMenu", "佐证材料复用检查"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "建议提案年度统计"),
    QT_TRANSLATE_NOOP("SupervisionMenu", "年份："),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def add_supervision_menu(window: MainWindow) -> QMenu:
    """Add the 督办 menu and return it."""
    menu = window.menuBar().addMenu(_tr("督办(&S)"))
    entries = (
        (_tr("生成督办/预警函…"), lambda: issue_letters(window), True,
         _tr("给逾期、临期或选中事项的责任单位各发一份编号的督办通知或预警提醒函")),
        (_tr("督办登记簿…"), lambda: show_register(window), False,
         _tr("每份督办函的文号、事项、答复期限和答复情况；登记答复，打印登记簿")),
        None,
        (_tr("申请销号（选中事项）…"), lambda: apply_close(window), True,
         _tr("为已完成的选中事项提出销号申请，待审核后销号")),
        (_tr("销号审核…"), lambda: review_close(window), True,
         _tr("审核待审的销号申请，记录审核人和意见")),
        (_tr("生成销号材料汇编…"), lambda: make_binder(window), False,
         _tr("选中事项或当前批次的问题、措施、台账和佐证材料，汇成一份PDF或zip")),
        (_tr("佐证材料复用检查…"), lambda: check_reuse(window), False,
         _tr("查找同一文件、近似照片或文字相同的PDF被用于不同事项")),
        None,
        (_tr("建议提案年度统计…"), lambda: proposal_figures(window), False,
         _tr("按年统计承办件数、沟通次数、征求意见、满意率和会办按时情况")),
        (_tr("节假日安排…"), lambda: show_holidays(window), False,
         _tr("查看或录入某年的法定节假日和调休，工作日期限按此计算")),
    )  # fmt: skip
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, slot, edits, tip = entry
        action = window._action(text, slot, edits=edits)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        menu.addAction(action)
        if edits and window.context.readonly:
            action.setEnabled(False)
    review = window._action(_tr("销号须经审核"), lambda: None, edits=True)
    review.setCheckable(True)
    review.setChecked(closure.review_required(window.context.store))
    review.toggled.connect(lambda on: closure.set_review_required(window.context.store, on))
    review.setStatusTip(_tr("打开后，事项须经“申请—审核”通过才能销号"))
    review.setEnabled(not window.context.readonly)
    menu.addAction(review)
    return menu


def issue_letters(window: MainWindow) -> None:
    from rectdesk.ui.letters_dialog import LettersDialog

    LettersDialog(window.context, window.selected_ids(), window).exec()
    window.detail.reload()


def show_register(window: MainWindow) -> None:
    from rectdesk.ui.register_view import RegisterDialog

    RegisterDialog(window.context, window).exec()


def apply_close(window: MainWindow) -> None:
    ids = window.selected_ids()
    if not ids:
        QMessageBox.information(
            window,
            _tr("申请销号"),
            _tr("请先在列表中选择已完成的事项。"),
        )
        return
    note, ok = QInputDialog.getText(
        window,
        _tr("申请销号"),
        _tr("申请说明（整改完成情况）："),
    )
    if not ok:
        return
    try:
        made = closure.apply(window.context.store, ids, on=window.context.today(),
                             applicant=window.context.actor(), note=note)  # fmt: skip
    except UserError as exc:
        show_error(window, exc)
        return
    window.statusBar().showMessage(
        _tr("已为{0}条事项提出销号申请。").format(len(made)),
        8000,
    )
    window.detail.reload()


def review_close(window: MainWindow) -> None:
    """Go through the open applications one by one: approve or return with an opinion."""
    store = window.context.store
    waiting = closure.pending(store)
    if not waiting:
        QMessageBox.information(
            window,
            _tr("销号审核"),
            _tr("没有待审核的销号申请。"),
        )
        return
    reviewer, ok = QInputDialog.getText(window, _tr("销号审核"), _tr("审核人："),
                                        text=window.context.actor())  # fmt: skip
    if not ok or not reviewer.strip():
        return
    for review in waiting:
        item = store.item(review.item_id)
        question = _tr("事项：{0}\n申请人：{1}（{2}）\n说明：{3}\n\n审核意见：").format(
            mask_text(f"{item.number or item.seq} {item.content[:60]}"), review.applicant,
            review.applied_on.isoformat(), review.note or "—",
        )  # fmt: skip
        choices = [
            _tr("同意销号"),
            _tr("退回补充"),
            _tr("暂不审核"),
        ]
        choice, ok = QInputDialog.getItem(
            window,
            _tr("销号审核"),
            question,
            choices,
            0,
            False,
        )
        if not ok:
            break
        if choice == choices[2]:
            continue
        opinion = ""
        if choice == choices[1]:
            opinion, ok = QInputDialog.getText(
                window,
                _tr("退回补充"),
                _tr("需要补充什么："),
            )
            if not ok:
                continue
        try:
            closure.decide(store, review.id, approve=choice == choices[0], reviewer=reviewer,
                           on=window.context.today(), opinion=opinion)  # fmt: skip
        except UserError as exc:
            show_error(window, exc)
    window.detail.reload()


def make_binder(window: MainWindow) -> None:
    """Write the binder on a worker (photos and PDFs take a while), then say what it holds."""
    ids = window.selected_ids()
    batch_id = None if ids else window.current_batch_id()
    if not ids and batch_id is None:
        QMessageBox.information(window, _tr("销号材料汇编"), _tr("请先选择事项或批次。"))
        return
    target = file_dialogs.save_file(
        window, "binder", _tr("保存销号材料汇编"), _tr("销号材料汇编.pdf"),
        _tr("PDF (*.pdf);;ZIP (*.zip)"),
    )  # fmt: skip
    if not target:
        return
    context = window.context
    today, actor = context.today(), context.actor()

    def work(_progress: Progress) -> binder.BinderOutput:
        with open_reader(context.store) as reader:
            return binder.write_binder(reader, Path(target), item_ids=ids or None,
                                       batch_id=batch_id, today=today, actor=actor)  # fmt: skip

    def done(result: binder.BinderOutput) -> None:
        message = _tr("已生成销号材料汇编：事项{0}条，佐证材料{1}份（收录{2}份，仅列出{3}份）。")
        message = message.format(result.items, result.files, result.embedded, result.listed)
        if result.flagged:
            message += "\n" + _tr("{0}条事项有佐证材料复用提示，请逐项核实。").format(
                result.flagged
            )
        QMessageBox.information(window, _tr("销号材料汇编"), message)

    window.runner.run(work, done, on_error=lambda exc: _failed(window, exc),
                      title=_tr("正在生成销号材料汇编…"), parent=window)  # fmt: skip


def _failed(window: QWidget, exc: BaseException) -> None:
    if isinstance(exc, UserError):
        show_error(window, exc)
        return
    raise exc


class TextDialog(QDialog):
    """A text to read, with a button to print what it came from."""

    def __init__(self, title: str, text: str, report: Report, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 460)
        self.report = report
        self.view = QPlainTextEdit(text, self)
        self.view.setReadOnly(True)
        printing = QPushButton(_tr("打印…"), self)
        printing.clicked.connect(self.print_report)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(printing)

    def print_report(self) -> None:
        target = file_dialogs.save_file(
            self, "lists", _tr("打印"), f"{self.report.title}.pdf",
            _tr("PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx)"),
        )  # fmt: skip
        if not target:
            return
        path = Path(target)
        fmt = path.suffix.lower().lstrip(".") or "pdf"
        try:
            with busy(), atomic_path(path.with_suffix("." + fmt)) as temporary:
                write(self.report, fmt, temporary)
        except UserError as exc:
            show_error(self, exc)


def check_reuse(window: MainWindow) -> None:
    """Fingerprint new evidence and compare on a worker, with progress; then list the finds."""
    context = window.context

    def work(progress: Progress) -> evidence_guard.ReuseCheck:
        store = context.store
        if store.readonly:
            with open_reader(store) as reader:
                return evidence_guard.check(reader, fresh=False)
        with open_writer(store) as writer:
            return evidence_guard.check(
                writer, progress=lambda done, total: progress.report(done, total)
            )

    def done(result: evidence_guard.ReuseCheck) -> None:
        lines = [_tr("检查佐证材料{0}份（内容不同的{1}份），发现{2}组用于不同事项。").format(
            result.files, result.contents, len(result.groups))]  # fmt: skip
        lines += [mask_text(f"{n}. {evidence_guard.describe(g)}")
                  for n, g in enumerate(result.groups, start=1)]  # fmt: skip
        report = evidence_guard.reuse_report(context.store, result, today=context.today())
        TextDialog(_tr("佐证材料复用检查"), "\n".join(lines), report, window).exec()
        window.detail.reload()

    window.runner.run(work, done, on_error=lambda exc: _failed(window, exc),
                      title=_tr("正在检查佐证材料…"), parent=window)  # fmt: skip


def proposal_figures(window: MainWindow) -> None:
    today = window.context.today()
    year, ok = QInputDialog.getInt(window, _tr("建议提案年度统计"), _tr("年份："), today.year,
                                   2000, 2100)  # fmt: skip
    if not ok:
        return
    report = proposals.year_report(window.context.store, year)
    text = "\n".join(report.texts())
    TextDialog(_tr("建议提案年度统计"), text, report, window).exec()


def show_holidays(window: MainWindow) -> None:
    from rectdesk.ui.holidays_dialog import HolidaysDialog

    HolidaysDialog(window.context, window).exec()

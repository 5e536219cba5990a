"""下发: choose the batch (or the selected items), the round and its cut-off, and a folder."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import Capability, LedgerStore
from rectdesk.domain.privacy import OutputMode
from rectdesk.services import dispatch as dispatching
from rectdesk.services.context import AppContext
from rectdesk.services.rounds import next_round
from rectdesk.ui import file_dialogs
from rectdesk.ui.tasks import Progress, TaskRunner, open_writer

log = logging.getLogger(__name__)


class DispatchDialog(QDialog):
    """Write one workbook per responsible unit and the covering notice."""

    dispatched = Signal(int)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        batch_id: int | None = None,
        item_ids: Sequence[int] | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner or TaskRunner(self)
        self.item_ids = list(item_ids or [])
        self.outcome: dispatching.DispatchResult | None = None
        self.setWindowTitle(self.tr("下发报送表"))
        self.resize(640, 520)
        intro = QLabel(
            self.tr(
                "为每个责任单位生成一份报送表（Excel），单位填写整改措施、进展和完成情况后报回；"
                "同时生成报送通知（Word）。报送表中意见来源的电话和身份证号默认脱敏。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.batch = QComboBox(self)
        for batch in context.store.batches():
            self.batch.addItem(
                self.tr("{0}（{1} 条）").format(batch.name, batch.item_count), batch.id
            )
        if batch_id is not None:
            self.batch.setCurrentIndex(max(self.batch.findData(batch_id), 0))
        self.whole = QRadioButton(self.tr("整个批次（已销号和不予整改的除外）"), self)
        self.selected = QRadioButton(
            self.tr("只下发选中的 {0} 条事项").format(len(self.item_ids)), self
        )
        self.selected.setVisible(bool(self.item_ids))
        (self.selected if self.item_ids else self.whole).setChecked(True)
        self.round = QSpinBox(self)
        self.round.setRange(1, 999)
        self.round_note = QLabel(self)
        self.has_cut_off = QCheckBox(self.tr("报送截止"), self)
        self.has_cut_off.setChecked(True)
        self.cut_off = QDateEdit(self)
        self.cut_off.setCalendarPopup(True)
        self.cut_off.setDisplayFormat("yyyy-MM-dd")
        today = context.today()
        self.cut_off.setDate(QDate(today.year, today.month, today.day).addDays(10))
        self.has_cut_off.toggled.connect(self.cut_off.setEnabled)
        self.folder = QLineEdit(self)
        self.folder.setText(file_dialogs.last_folder("dispatch"))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_folder)
        self.full = QCheckBox(
            self.tr("保留完整个人信息（不脱敏，仅限内部使用，记入审计日志）"), self
        )
        self.notice = QCheckBox(self.tr("同时生成报送通知（Word）"), self)
        self.notice.setChecked(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        round_row = QHBoxLayout()
        round_row.addWidget(self.round)
        round_row.addWidget(self.round_note, 1)
        cut_row = QHBoxLayout()
        cut_row.addWidget(self.has_cut_off)
        cut_row.addWidget(self.cut_off)
        cut_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("批次"), self.batch)
        form.addRow(self.tr("范围"), self.whole)
        form.addRow("", self.selected)
        form.addRow(self.tr("轮次"), round_row)
        form.addRow(self.tr("截止日期"), cut_row)
        form.addRow(self.tr("保存到"), folder_row)
        form.addRow("", self.notice)
        form.addRow("", self.full)
        self.message = QPlainTextEdit(self)
        self.message.setReadOnly(True)
        self.message.setPlaceholderText(self.tr("下发后，这里列出为每个单位生成的文件。"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.send_button = self.buttons.addButton(
            self.tr("下发"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button = self.buttons.addButton(
            self.tr("打开文件夹"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setEnabled(False)
        self.send_button.clicked.connect(self.send)
        self.open_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.buttons)
        self.batch.currentIndexChanged.connect(self._batch_changed)
        self._batch_changed()
        if context.readonly:
            self.send_button.setEnabled(False)
            self.message.setPlainText(self.tr("当前以只读方式打开，不能下发。"))

    def _batch_changed(self) -> None:
        batch_id = self.batch.currentData()
        if batch_id is None:
            self.send_button.setEnabled(False)
            return
        upcoming = next_round(self.context.store, int(batch_id))
        self.round.setRange(1, upcoming)
        self.round.setValue(upcoming)
        if upcoming > 1:
            self.round_note.setText(
                self.tr("第{0}轮是新的一轮；选择之前的轮次则重新下发该轮。").format(upcoming)
            )
        else:
            self.round_note.setText(self.tr("这个批次第一次下发。"))

    def choose_folder(self) -> None:
        chosen = file_dialogs.choose_folder(self, "dispatch", self.tr("选择保存报送表的文件夹"))
        if chosen:
            self.folder.setText(chosen)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text().strip()))

    def send(self) -> None:
        batch_id = self.batch.currentData()
        folder = self.folder.text().strip()
        if batch_id is None or not folder:
            self.message.setPlainText(self.tr("请选择批次和保存报送表的文件夹。"))
            return
        context = self.context
        picked = self.item_ids if self.selected.isChecked() else None
        day = self.cut_off.date()
        cut_off = (
            dt.date(day.year(), day.month(), day.day()) if self.has_cut_off.isChecked() else None
        )
        mode = OutputMode.FULL if self.full.isChecked() else OutputMode.MASKED
        number, notice = self.round.value(), self.notice.isChecked()
        actor, today = context.actor(), context.today()
        writing = self.tr("已生成 {0} / {1} 个单位的报送表…")

        def work(progress: Progress) -> dispatching.DispatchResult:
            def report(done: int, total: int) -> None:
                progress.report(done, total, writing.format(done, total))

            def run(store: LedgerStore) -> dispatching.DispatchResult:
                return dispatching.dispatch(
                    store, int(batch_id), Path(folder), round_number=number, cut_off=cut_off,
                    item_ids=picked, mode=mode, notice=notice, actor=actor, today=today,
                    progress=report,
                )  # fmt: skip

            if Capability.CONNECTIONS not in context.store.capabilities:
                return run(context.store)
            with open_writer(context.store) as writer:
                result = run(writer)
            progress.settle()
            return result

        self.send_button.setEnabled(False)
        self.runner.run(
            work, self._done, on_error=self._failed,
            on_cancel=lambda: self._failed(UserError(self.tr("已取消下发，没有生成任何文件。"))),
            title=self.tr("正在下发…"), parent=self, blocking=True,
        )  # fmt: skip

    def _done(self, result: dispatching.DispatchResult) -> None:
        self.outcome = result
        self.send_button.setEnabled(True)
        self._batch_changed()  # the next 下发 is the next round
        self.open_button.setEnabled(True)
        if result.resent:
            head = self.tr("重新下发第{0}轮").format(result.round_number)
        else:
            head = self.tr("已下发第{0}轮").format(result.round_number)
        lines = [self.tr("{0}：{1} 个单位，文件保存在“{2}”。").format(
            head, len(result.files), self.folder.text().strip())]  # fmt: skip
        for sent in result.files:
            lines.append(
                self.tr("{0}：牵头 {1} 条、配合 {2} 条 — {3}").format(
                    sent.unit, sent.lead, sent.assist, sent.path.name
                )
            )
        if result.notice is not None:
            lines.append(self.tr("报送通知：{0}").format(result.notice.name))
        if result.mode is OutputMode.FULL:
            lines.append(self.tr("本次下发保留了完整个人信息，已记入审计日志。"))
        lines.extend(result.warnings)
        self.message.setPlainText("\n".join(lines))
        self.dispatched.emit(result.round_number)

    def _failed(self, exc: BaseException) -> None:
        self.send_button.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        log.info("dispatch refused: %s (%s)", exc.message, exc.detail)
        self.message.setPlainText(exc.message)

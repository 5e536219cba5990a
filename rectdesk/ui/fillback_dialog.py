"""Fill the upper level's own sheet back with the batch's progress, saved as a new file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.services.context import AppContext
from rectdesk.services.fillback import FillBackResult, fill_back

log = logging.getLogger(__name__)


class FillBackDialog(QDialog):
    """Choose the original (the copy kept with the batch by default) and where to save."""

    def __init__(self, context: AppContext, parent: QWidget | None, batch_id: int) -> None:
        super().__init__(parent)
        self.context = context
        self.batch_id = batch_id
        self.outcome: FillBackResult | None = None
        batch = context.store.batch(batch_id)
        self.setWindowTitle(self.tr("回填整改进展到原表"))
        self.resize(640, 260)
        intro = QLabel(
            self.tr(
                "把批次“{name}”的整改进展、完成情况、是否销号和销号日期写进上级下发的原表，"
                "原表的工作表、格式和合并单元格保持不变；原表没有这些列时在右侧添加。"
            ).format(name=batch.name),
            self,
        )
        intro.setWordWrap(True)
        # A full-data output: say so before, and that it is recorded (issue 15).
        self.notice = QLabel(
            self.tr(
                "注意：回填的是完整信息，群众的姓名、手机号、身份证号等原样写入新文件，"
                "不做脱敏，仅用于报送上级；每次回填都会记入审计日志。"
            ),
            self,
        )
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #a61b1b;")
        original = ""
        if batch.source_file and context.store.path is not None:
            kept = context.store.files_dir / batch.source_file
            original = str(kept) if kept.exists() else ""
        self.original = QLineEdit(original, self)
        self.output = QLineEdit(self)
        if original:
            stem = Path(original).stem.split("-", 1)[-1]
            self.output.setText(str(Path.home() / f"{stem}（回填）.xlsx"))
        pick_original = QPushButton(self.tr("浏览…"), self)
        pick_original.clicked.connect(self.choose_original)
        pick_output = QPushButton(self.tr("浏览…"), self)
        pick_output.clicked.connect(self.choose_output)
        form = QFormLayout()
        form.addRow(self.tr("上级原表"), self._row(self.original, pick_original))
        form.addRow(self.tr("另存为"), self._row(self.output, pick_output))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.fill_button = self.buttons.addButton(
            self.tr("回填"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.fill_button.clicked.connect(self.fill)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _row(self, edit: QLineEdit, button: QPushButton) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(button)
        return holder

    def choose_original(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择上级原表"), "", self.tr("Excel 表格 (*.xlsx *.xlsm)")
        )
        if name:
            self.original.setText(name)

    def choose_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), self.output.text(), self.tr("Excel 表格 (*.xlsx)")
        )
        if name:
            self.output.setText(name)

    def fill(self) -> None:
        original, output = self.original.text().strip(), self.output.text().strip()
        if not original or not output:
            self.message.setText(self.tr("请选择上级原表和保存位置。"))
            return
        try:
            result = fill_back(
                self.context.store, self.batch_id, Path(original), Path(output),
                actor=self.context.actor(),
            )  # fmt: skip
        except UserError as exc:
            log.info("fill-back refused: %s (%s)", exc.message, exc.detail)
            self.message.setText(exc.message)
            return
        self.outcome = result
        text = self.tr("已回填 {n} 行，保存为“{path}”。").format(n=result.matched, path=output)
        text += self.tr("本次回填含完整个人信息，已记入审计日志。")
        if result.added_columns:
            text += self.tr("新增列：{cols}。").format(cols="、".join(result.added_columns))
        if result.unmatched:
            rows = "、".join(f"{sheet}第{row}行" for sheet, row in result.unmatched[:10])
            text += self.tr("没有对应事项、未回填：{rows}。").format(rows=rows)
        self.message.setText(text)

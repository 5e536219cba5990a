"""The import wizard: file → detected tables and mapping → target batch → preview → summary."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import Capability
from rectdesk.domain.model import BatchDraft, BatchKind
from rectdesk.importers.headers import FIELD_NAMES
from rectdesk.importers.kinds import guess_kind
from rectdesk.importers.tables import ParsedFile, apply_year
from rectdesk.services import importing
from rectdesk.services.context import AppContext
from rectdesk.ui import file_dialogs
from rectdesk.ui.field_review import FieldChangesModel
from rectdesk.ui.labels import tr_label
from rectdesk.ui.tasks import Progress, TaskHandle, TaskRunner, open_writer
from rectdesk.ui.undo import ImportUndoCommand

log = logging.getLogger(__name__)

FILE_FILTER = "表格文件 (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;所有文件 (*)"
_Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Every row of the plan: what happens to it, where it came from, its warnings."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PreviewModel", "操作"),
        QT_TRANSLATE_NOOP("PreviewModel", "工作表"),
        QT_TRANSLATE_NOOP("PreviewModel", "行"),
        QT_TRANSLATE_NOOP("PreviewModel", "编号"),
        QT_TRANSLATE_NOOP("PreviewModel", "类别"),
        QT_TRANSLATE_NOOP("PreviewModel", "内容"),
        QT_TRANSLATE_NOOP("PreviewModel", "责任单位"),
        QT_TRANSLATE_NOOP("PreviewModel", "整改时限"),
        QT_TRANSLATE_NOOP("PreviewModel", "状态"),
        QT_TRANSLATE_NOOP("PreviewModel", "提示"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[importing.PreviewRow] = []

    def set_plan(self, plan: importing.ImportPlan | None) -> None:
        self.beginResetModel()
        self.rows = list(plan.rows) if plan is not None else []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("PreviewModel", str(self.HEADERS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (5, 9):
            return self._text(row, index.column(), full=True)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.warnings:
                return QBrush(QColor("#fff3cd"))
            if row.action == importing.NEW:
                return QBrush(QColor("#eaf7ea"))
            if row.action == importing.UPDATED:
                return QBrush(QColor("#e8f0fe"))
        return None

    def _text(self, row: importing.PreviewRow, column: int, *, full: bool = False) -> str:
        draft = row.parsed.draft
        if column == 0:
            return tr_label(importing.ACTION_LABELS[row.action])
        if column == 1:
            return row.parsed.sheet
        if column == 2:
            return str(row.parsed.row)
        if column == 3:
            return draft.number or ""
        if column == 4:
            return draft.category
        if column == 5:
            return draft.content if full else " ".join(draft.content.split())[:60]
        if column == 6:
            return "、".join(a.department for a in draft.departments)
        if column == 7:
            return draft.deadline.text
        if column == 8:
            return tr_label(draft.status.label)
        return QCoreApplication.translate("PreviewModel", "；").join(row.warnings)


class FilePage(QWizardPage):
    """Choose the file; reading it runs in the background with a cancellable progress dialog."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("选择上级下发的表格"))
        self.setSubTitle(self.tr("支持 xlsx、xlsm、xls、WPS 的 et 和 csv；按文件内容识别格式。"))
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("表格文件的位置"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.setToolTip(self.tr("在电脑上找到上级下发的表格"))
        # Enter after choosing a file means 下一步, never "browse again".
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a61b1b;")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def browse(self) -> None:
        name = file_dialogs.open_file(self, "import", self.tr("选择表格"), tr_label(FILE_FILTER))
        if name:
            self.path_edit.setText(name)
            self.path_edit.setFocus()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip())
        if self.owner.parsed is not None and self.owner.parsed_path == path:
            return True
        self.error_label.clear()
        self.owner.parse(path, None)
        return self.owner.parsed is not None and self.owner.parsed_path == path


class MappingPage(QWizardPage):
    """The tables found and how each column maps; a mapping can be changed per column."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("MappingPage", "工作表"),
        QT_TRANSLATE_NOOP("MappingPage", "表头所在行"),
        QT_TRANSLATE_NOOP("MappingPage", "表头"),
        QT_TRANSLATE_NOOP("MappingPage", "导入为"),
        QT_TRANSLATE_NOOP("MappingPage", "识别情况"),
    )

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("识别到的表格和列"))
        self.setSubTitle(self.tr("请核对每一列导入为哪个字段；不对应任何字段的列保留为附加字段。"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("MappingPage", str(c)) for c in self.COLUMNS]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(3, 170)
        self.table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.verticalHeader().setVisible(False)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        self._shown: list[tuple[str, str, str | None]] = []

    def initializePage(self) -> None:
        parsed = self.owner.parsed
        assert parsed is not None
        self.table.setRowCount(0)
        self._shown = []
        for table in parsed.tables:
            for column in table.columns:
                row = self.table.rowCount()
                self.table.insertRow(row)
                header = column.header.replace("\n", "")
                for col, text in enumerate((table.sheet, str(table.header_row), header)):
                    item = QTableWidgetItem(text)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, col, item)
                combo = QComboBox(self.table)
                combo.addItem(self.tr("（保留为附加字段）"), None)
                for name, label in FIELD_NAMES.items():
                    combo.addItem(tr_label(label), name)
                combo.setCurrentIndex(max(combo.findData(column.field), 0))
                self.table.setCellWidget(row, 3, combo)
                sure = QTableWidgetItem(self._sureness(column.confidence) if column.field else "")
                sure.setFlags(sure.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, 4, sure)
                self._shown.append((table.sheet, column.header, column.field))
        rows = len(parsed.rows)
        self.summary.setText(
            self.tr("“{name}”：找到 {tables} 个表格、{rows} 条事项。标题：{title}").format(
                name=parsed.workbook.path.name, tables=len(parsed.tables), rows=rows,
                title=parsed.title or self.tr("（无）"),
            )
        )  # fmt: skip
        self.notes.setText("\n".join(parsed.notes))

    def _sureness(self, confidence: float) -> str:
        """How sure the reading of a header is, in words rather than a percentage."""
        if confidence >= 0.9:
            return self.tr("表头明确")
        if confidence >= 0.6:
            return self.tr("按相近的表头认出，请核对")
        return self.tr("没有把握，请核对")

    def combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 3)
        assert isinstance(widget, QComboBox)
        return widget

    def overrides(self) -> dict[str, dict[str, str | None]]:
        """Only the columns whose mapping the clerk changed."""
        changed: dict[str, dict[str, str | None]] = {}
        for row, (sheet, header, field) in enumerate(self._shown):
            chosen = self.combo(row).currentData()
            if chosen != field:
                changed.setdefault(sheet, {})[header] = chosen
        return changed

    def validatePage(self) -> bool:
        changed = self.overrides()
        if not changed:
            return True
        merged = {k: dict(v) for k, v in self.owner.overrides.items()}
        for sheet, columns in changed.items():
            merged.setdefault(sheet, {}).update(columns)
        path = self.owner.parsed_path
        assert path is not None
        self.owner.parsed = None  # read again with the new mapping, then move on
        self.owner.parse(path, merged)
        if self.owner.parsed is None:
            return False
        self.initializePage()
        return not self.overrides()


class BatchPage(QWizardPage):
    """Import into a new batch (kind, name, year, 文号) or into one that exists."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("导入到哪个批次"))
        self.new_radio = QRadioButton(self.tr("新建批次"), self)
        self.existing_radio = QRadioButton(
            self.tr("导入到已有批次（按编号或内容匹配，更新已有事项）"), self
        )
        group = QButtonGroup(self)
        group.addButton(self.new_radio)
        group.addButton(self.existing_radio)
        self.new_radio.setChecked(True)
        self.kind = QComboBox(self)
        for kind in BatchKind:
            self.kind.addItem(tr_label(kind.label), kind.value)
        self.name = QLineEdit(self)
        self.year = QSpinBox(self)
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText(self.tr("未定"))
        self.doc_number = QLineEdit(self)
        self.doc_number.setPlaceholderText(self.tr("如 安人常办〔2021〕72号"))
        self.existing = QComboBox(self)
        # A list sent again is found by its items (编号 and content), not by its name.
        self.match_note = QLabel(self)
        self.match_note.setWordWrap(True)
        self.match_note.setStyleSheet("color: #1a4f8b;")
        form = QFormLayout()
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("年份"), self.year)
        form.addRow(self.tr("文号"), self.doc_number)
        self.year_note = QLabel(self)
        self.year_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.new_radio)
        layout.addLayout(form)
        layout.addWidget(self.year_note)
        layout.addWidget(self.existing_radio)
        layout.addWidget(self.existing)
        layout.addWidget(self.match_note)
        layout.addStretch(1)
        self.new_radio.toggled.connect(self._toggle)
        self.name.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        parsed = self.owner.parsed
        assert parsed is not None
        self.name.setText((parsed.title or parsed.workbook.path.stem)[:80])
        self.year.setValue(parsed.year or 0)
        self.doc_number.setText(parsed.doc_number)
        source = tr_label(parsed.year_source) if parsed.year_source else self.tr("未找到")
        self.year_note.setText(
            self.tr("未写年份的整改时限按此年份理解（年份来源：{source}）。").format(source=source)
        )
        self.existing.clear()
        for batch in self.owner.context.store.batches():
            self.existing.addItem(f"{batch.name}（{batch.item_count} 条）", batch.id)
        self.existing_radio.setEnabled(self.existing.count() > 0)
        store = self.owner.context.store
        self.kind.setCurrentIndex(
            max(self.kind.findData(guess_kind(parsed, parsed.workbook.path.name).value), 0)
        )
        matched = importing.match_batch(store, parsed)
        same = store.batch(matched.batch_id) if matched else store.find_batch(self.name.text())
        self.match_note.clear()
        if matched is not None:
            self.match_note.setText(
                self.tr(
                    "这个表格的 {rows} 条事项中有 {matched} 条已在批次“{name}”中"
                    "（按编号和内容比对），可能是重发的清单：建议导入到这个批次，"
                    "逐项核对修改，不要新建重复的批次。"
                ).format(rows=matched.rows, matched=matched.matched, name=matched.name)
            )
        if same is not None:
            self.existing_radio.setChecked(True)
            self.existing.setCurrentIndex(self.existing.findData(same.id))
        self._toggle()

    def _toggle(self) -> None:
        new = self.new_radio.isChecked()
        for widget in (self.kind, self.name, self.year, self.doc_number):
            widget.setEnabled(new)
        self.existing.setEnabled(not new)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) if self.new_radio.isChecked() else True

    def validatePage(self) -> bool:
        parsed = self.owner.parsed
        assert parsed is not None
        try:
            if self.new_radio.isChecked():
                year = self.year.value() or None
                apply_year(parsed, year)
                self.owner.new_batch = BatchDraft(
                    kind=BatchKind(self.kind.currentData()), name=self.name.text().strip(),
                    doc_number=self.doc_number.text().strip(), year=year,
                )  # fmt: skip
                batch_id = None
            else:
                self.owner.new_batch = None
                batch_id = int(self.existing.currentData())
                apply_year(parsed, self.owner.context.store.batch(batch_id).year)
            self.owner.plan = importing.plan_import(self.owner.context.store, parsed, batch_id)
        except UserError as exc:
            self.year_note.setText(exc.message)
            return False
        return True


class PreviewPage(QWizardPage):
    """Every row with what will happen to it and its warnings; 导入 writes them all at once."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("预览"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))
        self.counts = QLabel(self)
        self.model = PreviewModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        # Fixed widths: measuring contents would read every row of a large file.
        for column, width in enumerate((48, 90, 44, 140, 130, 320, 130, 100, 80, 260)):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        # 修改明细: every field an update would change, old → new, each to keep or drop.
        self.fields = FieldChangesModel(self)
        self.fields_view = QTableView(self)
        self.fields_view.setModel(self.fields)
        self.fields_view.setWordWrap(False)
        for column, width in enumerate((48, 110, 200, 110, 280)):
            self.fields_view.setColumnWidth(column, width)
        self.fields_view.horizontalHeader().setStretchLastSection(True)
        self.fields_view.verticalHeader().setDefaultSectionSize(24)
        keep_all = QPushButton(self.tr("全部采纳"), self)
        drop_all = QPushButton(self.tr("全部不采纳"), self)
        keep_all.clicked.connect(lambda: self.fields.set_all(True))
        drop_all.clicked.connect(lambda: self.fields.set_all(False))
        fields_page = QWidget(self)
        fields_layout = QVBoxLayout(fields_page)
        fields_buttons = QHBoxLayout()
        fields_buttons.addWidget(keep_all)
        fields_buttons.addWidget(drop_all)
        fields_buttons.addStretch(1)
        fields_layout.addLayout(fields_buttons)
        fields_layout.addWidget(self.fields_view, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.view, self.tr("逐行预览"))
        self.tabs.addTab(fields_page, self.tr("修改明细"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a61b1b;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)

    def initializePage(self) -> None:
        plan = self.owner.plan
        assert plan is not None
        self.model.set_plan(plan)
        self.fields.set_plan(plan)
        self.tabs.setTabText(1, self.tr("修改明细（{0} 处）").format(self.fields.rowCount()))
        warned = sum(1 for row in plan.rows if row.warnings)
        self.counts.setText(
            self.tr("新增 {new} 条，更新 {updated} 条，无变化 {same} 条；"
                    "{warned} 条有提示（黄色）。")
            .format(new=plan.count(importing.NEW), updated=plan.count(importing.UPDATED),
                    same=plan.count(importing.UNCHANGED), warned=warned)
        )  # fmt: skip
        self.error_label.clear()

    def validatePage(self) -> bool:
        # 导入 starts the write on a worker (see ImportWizard.commit); when it is done the
        # wizard moves on by itself and this returns True.
        if self.owner.outcome is not None:
            return True
        if not self.owner.busy:
            self.error_label.clear()
            self.owner.commit()
        return self.owner.outcome is not None


class SummaryPage(QWizardPage):
    """What the import did, and a way to take it back whole."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("导入完成"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("撤销这次导入"), self)
        self.undo_button.clicked.connect(self.undo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.owner.outcome
        assert result is not None
        batch = self.owner.context.store.batch(result.batch_id or 0)
        self.text.setText(
            self.tr(
                "已导入到批次“{batch}”：新增 {created} 条，更新 {updated} 条，无变化 {same} 条，"
                "提示 {warnings} 条。原表已随批次保存，可用于回填。"
            ).format(batch=batch.name, created=result.created, updated=result.updated,
                     same=result.unchanged, warnings=len(result.warnings))
        )  # fmt: skip
        self.undo_button.setEnabled(result.import_id is not None)

    def undo(self) -> None:
        result = self.owner.outcome
        assert result is not None and result.import_id is not None
        stack, command = self.owner.undo_stack, self.owner.undo_command
        if (
            stack is not None
            and command is not None
            and stack.index() > 0
            and (stack.command(stack.index() - 1) is command)
        ):
            stack.undo()  # the same step as 编辑 → 撤销 (Ctrl+Z)
            undone = command.undone
        else:
            context = self.owner.context
            try:
                importing.undo_import(context.store, result.import_id, actor=context.actor())
            except UserError as exc:
                self.text.setText(exc.message)
                return
            undone = True
            self.owner.items_imported.emit(0)
        if undone:
            self.undo_button.setEnabled(False)
            self.text.setText(self.tr("已撤销这次导入，数据恢复到导入之前。"))


class ImportWizard(QWizard):
    """Import an upper level's spreadsheet in one pass with a preview."""

    items_imported = Signal(int)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        path: Path | str | None = None,
        *,
        runner: TaskRunner | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner or TaskRunner(self)
        self.undo_stack = undo_stack
        self.undo_command: ImportUndoCommand | None = None
        #: The read or the write running now (the wizard waits for it, see reject()).
        self.task: TaskHandle | None = None
        self.parsed: ParsedFile | None = None
        self.parsed_path: Path | None = None
        self.overrides: dict[str, dict[str, str | None]] = {}
        self.plan: importing.ImportPlan | None = None
        self.new_batch: BatchDraft | None = None
        self.outcome: importing.ImportResult | None = None
        self.setWindowTitle(self.tr("导入上级下发的表格"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(980, 640)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.batch_page = BatchPage(self)
        self.preview_page = PreviewPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.mapping_page, self.batch_page, self.preview_page,
                     self.summary_page):  # fmt: skip
            self.addPage(page)
        if context.readonly:
            self.file_page.error_label.setText(self.tr("当前以只读方式打开，不能导入。"))
            self.file_page.setEnabled(False)
        if path is not None:
            self.file_page.path_edit.setText(str(path))

    @property
    def busy(self) -> bool:
        """Whether a read or the write is running."""
        return self.task is not None and not self.task.done

    def reject(self) -> None:
        # 取消 or Esc while a task runs stops the task (a write rolls back) and keeps the
        # wizard open, so no result arrives after the wizard is gone.
        if self.busy:
            assert self.task is not None
            self.task.cancel()
            return
        super().reject()

    def parse(self, path: Path, overrides: dict[str, dict[str, str | None]] | None) -> None:
        """Read the file off the GUI thread; on success the wizard moves on by itself."""
        if self.busy:
            return  # 下一步 pressed again while the file is still being read
        chosen = overrides or {}

        reading = self.tr("已读取 {n} 行…")

        def work(progress: Progress) -> ParsedFile:
            def report(rows: int) -> None:
                if not progress.cancelled:  # a cancel is noticed through ``cancelled``
                    progress.report(rows, 0, reading.format(n=rows))

            return importing.read_file(
                path, overrides=chosen, progress=report, cancelled=lambda: progress.cancelled
            )

        waiting = self.currentPage()

        def done(parsed: ParsedFile) -> None:
            self.parsed, self.parsed_path, self.overrides = parsed, path, chosen
            if not self.runner.synchronous and self.currentPage() is waiting:
                if waiting is self.mapping_page:
                    self.mapping_page.initializePage()
                self.next()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                log.info("import refused: %s (%s)", exc.message, exc.detail)
                self._error(exc.message)
            else:
                log.exception("unexpected failure reading %s", path.name, exc_info=exc)
                self._error(self.tr("读取表格时发生意外错误，详情已写入日志文件。"))

        self.task = self.runner.run(
            work, done, on_error=failed, on_cancel=lambda: self._error(self.tr("已取消读取。")),
            title=self.tr("正在读取“{name}”…").format(name=path.name), parent=self,
        )  # fmt: skip

    def commit(self) -> None:
        """Write the plan in one transaction on a connection of its own, off the GUI thread.

        The window goes on painting meanwhile; its connection never sees the open
        transaction, so nothing it does can read half an import or write into it.
        """
        plan, new_batch, context = self.plan, self.new_batch, self.context
        assert plan is not None
        # Fields unticked in 修改明细 are left out: the ledger keeps its own value there.
        plan.reject(self.preview_page.fields.rejected())
        actor, today = context.actor(), context.today()
        writing = self.tr("已写入 {0} / {1} 条…")

        def work(progress: Progress) -> importing.ImportResult:
            def report(done: int, total: int) -> None:
                progress.report(done, total, writing.format(done, total))

            if (
                Capability.CONNECTIONS not in context.store.capabilities
            ):  # a store in memory (tests): no second connection
                result = importing.commit_import(
                    context.store, plan, new_batch=new_batch, actor=actor, today=today
                )
            else:
                with open_writer(context.store) as writer:
                    result = importing.commit_import(
                        writer, plan, new_batch=new_batch, actor=actor, today=today,
                        progress=report,
                    )  # fmt: skip
            progress.settle()  # committed: a 取消 pressed now comes too late to undo it
            return result

        def done(result: importing.ImportResult) -> None:
            self.outcome = result
            if self.undo_stack is not None and result.import_id is not None:
                self.undo_command = ImportUndoCommand(context, result, plan.parsed, self.parent())
                self.undo_stack.push(self.undo_command)
            self.items_imported.emit(result.created + result.updated)
            if not self.runner.synchronous and self.currentPage() is self.preview_page:
                self.next()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                raise exc  # the crash hook reports it; the transaction was rolled back
            log.info("import refused: %s (%s)", exc.message, exc.detail)
            self.preview_page.error_label.setText(exc.message)

        def cancelled() -> None:
            self.preview_page.error_label.setText(self.tr("已取消导入，没有写入任何内容。"))

        self.task = self.runner.run(
            work, done, on_error=failed, on_cancel=cancelled,
            title=self.tr("正在导入“{name}”…").format(name=plan.parsed.workbook.path.name),
            parent=self, blocking=True,
        )  # fmt: skip

    def _error(self, message: str) -> None:
        page = self.currentPage()
        label = getattr(page, "error_label", None) or self.file_page.error_label
        label.setText(message)

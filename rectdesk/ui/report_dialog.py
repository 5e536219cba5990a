"""Export and print dialog: template, scope, format, personal data, fonts, preview, print."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import UserError
from rectdesk.domain.ledger import Capability, LedgerStore
from rectdesk.domain.privacy import OutputMode
from rectdesk.domain.query import ItemQuery
from rectdesk.reports.layout import Report
from rectdesk.services import reporting
from rectdesk.services.context import AppContext
from rectdesk.ui.file_dialogs import save_file
from rectdesk.ui.print_preview import PrintPreviewDialog
from rectdesk.ui.tasks import Progress, TaskRunner, open_reader

_SELECTED = "selected"
_FILTERED = "filtered"
_ALL = "all"
#: The remembered folder of exported reports (file_dialogs).
FOLDER_PURPOSE = "report"


def narrowed(query: ItemQuery) -> bool:
    """Whether the ledger's filter keeps fewer items than its batch (status, search …)."""
    return bool(
        query.statuses or query.lights or query.overdue or query.due_within is not None
        or query.department or query.category or query.search.strip()
        or query.deadline_from or query.deadline_to or query.ids is not None
    )  # fmt: skip


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while a report is built."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class ReportDialog(QDialog):
    """Two clicks from the ledger to the official table on paper or in a file."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        batch_id: int | None = None,
        item_ids: Sequence[int] | None = None,
        filter_query: ItemQuery | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner or TaskRunner(self)
        self.last_result: reporting.ExportResult | None = None
        self.item_ids = list(item_ids) if item_ids else None
        #: The items the ledger table shows now (its filter), printed as they are.
        self.filtered_ids: list[int] | None = None
        self._narrowed = filter_query is not None and narrowed(filter_query)
        if filter_query is not None:
            self.filtered_ids = context.store.item_ids(replace(filter_query, limit=None, offset=0))
        self.setWindowTitle(self.tr("打印和导出报表"))
        self.resize(640, 520)

        self.template = QComboBox(self)
        self.design_button = QPushButton(self.tr("设计模板…"), self)
        self.design_button.clicked.connect(self.open_designer)
        self.scope = QComboBox(self)
        self.format = QComboBox(self)
        for fmt, label in reporting.FORMATS.items():
            self.format.addItem(label, fmt)
        self.privacy = QComboBox(self)
        self.privacy.addItem(self.tr("脱敏（默认）"), OutputMode.MASKED.value)
        self.privacy.addItem(self.tr("公开发布（去掉意见来源列）"), OutputMode.PUBLISH.value)
        self.privacy.addItem(self.tr("完整（仅内部使用，需确认）"), OutputMode.FULL.value)
        self.privacy.setToolTip(
            self.tr(
                "脱敏：手机号、身份证号打星号；公开发布：另去掉意见来源列；完整：仅限内部使用。"
            )
        )
        self.fonts = QPlainTextEdit(self)
        self.fonts.setReadOnly(True)
        self.fonts.setMinimumHeight(140)

        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.design_button)
        form = QFormLayout()
        form.addRow(self.tr("模板"), template_row)
        form.addRow(self.tr("范围"), self.scope)
        form.addRow(self.tr("格式"), self.format)
        form.addRow(self.tr("个人信息"), self.privacy)
        form.addRow(self.tr("字体和检查"), self.fonts)

        self.check_button = QPushButton(self.tr("检查"), self)
        self.preview_button = QPushButton(self.tr("打印预览…"), self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setDefault(True)
        close = QPushButton(self.tr("关闭"), self)
        self.check_button.clicked.connect(self.check)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_now)
        self.export_button.clicked.connect(self.export)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        for button in (self.preview_button, self.print_button, self.export_button, close):
            buttons.addWidget(button)
        # After an export: open the file or the folder it went to.
        self.open_file_button = QPushButton(self.tr("打开文件"), self)
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹"), self)
        self.open_file_button.clicked.connect(self.open_exported_file)
        self.open_folder_button.clicked.connect(self.open_exported_folder)
        opened = QHBoxLayout()
        opened.addStretch(1)
        opened.addWidget(self.open_file_button)
        opened.addWidget(self.open_folder_button)
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(opened)
        layout.addLayout(buttons)

        self._fill_templates()
        self._fill_scope(batch_id)
        self._font_timer = QTimer(self)
        self._font_timer.setSingleShot(True)
        self._font_timer.setInterval(150)
        self._font_timer.timeout.connect(self.show_fonts)
        for combo in (self.template, self.scope):
            combo.currentIndexChanged.connect(lambda _i: self._font_timer.start())
        self.template.currentIndexChanged.connect(self._template_privacy)
        self._template_privacy()
        self.show_fonts()

    # -- choices ---------------------------------------------------------------------------

    def _fill_templates(self, select: str | None = None) -> None:
        current = select or self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for spec in reporting.templates(self.context.store):
            suffix = "" if spec.builtin else self.tr("（自定义）")
            self.template.addItem(spec.label + suffix, spec.name)
        index = self.template.findData(current) if current else 0
        self.template.setCurrentIndex(max(index, 0))
        self.template.blockSignals(False)

    def _template_privacy(self, *_args: object) -> None:
        """A template may default to 公开发布; 完整 is never a default."""
        try:
            spec = reporting.get_template(self.context.store, self.template_name())
        except UserError:
            return
        if spec.privacy in (OutputMode.MASKED.value, OutputMode.PUBLISH.value):
            self.privacy.setCurrentIndex(self.privacy.findData(spec.privacy))

    def _fill_scope(self, batch_id: int | None) -> None:
        if self.filtered_ids is not None:
            self.scope.addItem(
                self.tr("当前筛选结果（{0} 条）").format(len(self.filtered_ids)), _FILTERED
            )
        if self.item_ids:
            self.scope.addItem(self.tr("选中的 {0} 条事项").format(len(self.item_ids)), _SELECTED)
        for batch in self.context.store.batches():
            self.scope.addItem(
                self.tr("批次：{0}（{1} 条）").format(batch.name, batch.item_count), batch.id
            )
        self.scope.addItem(self.tr("全部事项"), _ALL)
        if self.item_ids:
            self.scope.setCurrentIndex(self.scope.findData(_SELECTED))
        elif self._narrowed:
            self.scope.setCurrentIndex(self.scope.findData(_FILTERED))
        elif batch_id is not None:
            self.scope.setCurrentIndex(max(self.scope.findData(batch_id), 0))

    def template_name(self) -> str:
        return str(self.template.currentData())

    def output_format(self) -> str:
        return str(self.format.currentData())

    def mode(self) -> OutputMode:
        return OutputMode(self.privacy.currentData())

    def set_choice(self, combo: QComboBox, data: object) -> None:
        """Select an entry by its data (tests and callers)."""
        combo.setCurrentIndex(combo.findData(data))

    def scope_ids(self) -> list[int] | None:
        """The items of the chosen scope when it is a list (selection, filter), else None."""
        scope = self.scope.currentData()
        if scope == _SELECTED:
            return self.item_ids
        if scope == _FILTERED:
            return self.filtered_ids
        return None

    def build(self, mode: OutputMode | None = None) -> Report:
        """The report as chosen now."""
        scope = self.scope.currentData()
        return reporting.build(
            self.context.store,
            self.template_name(),
            batch_id=scope if isinstance(scope, int) else None,
            item_ids=self.scope_ids(),
            mode=mode or self.mode(),
            today=self.context.today(),
        )

    def suggested_name(self) -> str:
        """A file name from the report's title (batch and template), safe on Windows."""
        try:
            title = self.build(OutputMode.MASKED).title
        except UserError:
            title = self.template.currentText()
        return reporting.file_name(
            title, self.output_format(), self.context.today(), self.template.currentText()
        )

    # -- fonts and checks -------------------------------------------------------------------

    def show_fonts(self) -> None:
        """Which font is used for what, and what characters are missing."""
        from rectdesk.reports.fonts import plan_fonts
        from rectdesk.reports.pdf import characters_by_role

        try:
            report = self.build(OutputMode.MASKED)
            plan = plan_fonts(characters_by_role(report))
        except UserError as exc:
            self.fonts.setPlainText(exc.message)
            return
        self.fonts.setPlainText("\n".join(plan.describe()))

    def check(self) -> list[str]:
        """The full pre-print check: fonts, missing glyphs, narrow columns, tall rows."""
        try:
            with busy():
                preview = reporting.render_preview(self.build(OutputMode.MASKED))
        except UserError as exc:
            self.fonts.setPlainText(exc.message)
            return [exc.message]
        lines = preview.font_notes + [w for w in preview.warnings if w not in preview.font_notes]
        lines.append(self.tr("共 {0} 页。").format(preview.pages))
        self.fonts.setPlainText("\n".join(lines))
        return lines

    # -- personal data ----------------------------------------------------------------------

    def confirm_full(self) -> bool:
        """Keeping phone and ID numbers is asked every time, never remembered."""
        if self.mode() is not OutputMode.FULL:
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("输出完整个人信息"),
            self.tr(
                "“完整”模式会原样输出群众的姓名、手机号和身份证号，仅限内部使用，"
                "页面将标注“内部资料 注意保密”，并记入审计日志。确定要输出完整信息吗？"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _audit_full(self, what: str) -> None:
        if self.mode() is OutputMode.FULL:
            reporting.record_full_export(self.context.store, self.context.actor(), what)

    # -- actions ----------------------------------------------------------------------------

    def export(self) -> reporting.ExportResult | None:
        """Ask where to save, then export."""
        if not self.confirm_full():
            return None
        fmt = self.output_format()
        path = save_file(
            self, FOLDER_PURPOSE, self.tr("导出报表"), self.suggested_name(),
            f"{reporting.FORMATS[fmt]} (*.{fmt})",
        )  # fmt: skip
        if not path:
            return None
        return self.export_to(Path(path))

    def export_to(self, path: Path) -> reporting.ExportResult | None:
        """Export in the background (a read connection of its own); the result is shown.

        Returns the result when the runner finished at once (tests), else None.
        """
        scope = self.scope.currentData()
        ids = self.scope_ids()
        mode = self.mode()
        template, fmt, today = self.template_name(), self.output_format(), self.context.today()
        store = self.context.store
        self.last_result = None
        try:
            reporting.output_path(path, fmt)
            if mode is OutputMode.FULL:
                reporting.record_full_export(
                    self.context.store, self.context.actor(),
                    f"{self.template.currentText()} {reporting.FORMATS[fmt]} → {path.name}"
                    "（完整个人信息）",
                )  # fmt: skip
        except UserError as exc:
            QMessageBox.warning(self, self.tr("导出失败"), exc.message)
            return None

        def work(_progress: Progress) -> reporting.ExportResult:
            def export(store: LedgerStore) -> reporting.ExportResult:
                return reporting.export_report(
                    store, template, fmt, path,
                    batch_id=scope if isinstance(scope, int) else None,
                    item_ids=ids, mode=mode, today=today, audit=False,
                )  # fmt: skip

            if Capability.CONNECTIONS not in store.capabilities:
                return export(store)  # a ledger in memory has no second connection
            with open_reader(store) as reader:
                return export(reader)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            if not isinstance(exc, UserError):
                raise exc
            QMessageBox.warning(self, self.tr("导出失败"), exc.message)

        self.export_button.setEnabled(False)
        self.runner.run(
            work, self._exported, on_error=failed,
            on_cancel=lambda: self.export_button.setEnabled(True),
            title=self.tr("正在导出报表…"), parent=self,
        )  # fmt: skip
        return self.last_result

    def _exported(self, result: reporting.ExportResult) -> None:
        self.export_button.setEnabled(True)
        self.last_result = result
        lines = [self.tr("已导出到：{0}").format(result.path)]
        if result.pages is not None:
            lines.append(self.tr("共 {0} 页。").format(result.pages))
        lines += result.font_notes
        if result.missing_chars:
            lines.append(self.tr("缺字（打印时会空白）：{0}").format(result.missing_chars))
        self.fonts.setPlainText("\n".join(lines))
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(True)

    def open_exported_file(self) -> bool:
        """Open the exported file in its program (WPS, Word, Excel, a PDF reader)."""
        if self.last_result is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_result.path)))

    def open_exported_folder(self) -> bool:
        """Open the folder the file went to."""
        if self.last_result is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_result.path.parent)))

    def preview_dialog(self) -> PrintPreviewDialog | None:
        """The preview of the very PDF pages, or None after a plain message."""
        if not self.confirm_full():
            return None
        try:
            with busy():
                report = self.build()
                preview = reporting.render_preview(report)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("无法预览"), exc.message)
            return None
        self._audit_full(f"{self.template.currentText()} 打印预览（完整个人信息）")
        notes = preview.font_notes + preview.warnings
        self.fonts.setPlainText("\n".join(dict.fromkeys(notes)))
        return PrintPreviewDialog(preview.data, report.title, self)

    def preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.exec()

    def print_now(self) -> int:
        """Straight to the system print dialog (the pages are those of the preview)."""
        dialog = self.preview_dialog()
        if dialog is None:
            return 0
        try:
            return dialog.print_pages()
        finally:
            dialog.deleteLater()

    def open_designer(self) -> None:
        """Edit templates; the list is reloaded afterwards."""
        from rectdesk.ui.report_designer import ReportDesigner

        designer = ReportDesigner(self.context, self, template=self.template_name())
        designer.exec()
        self._fill_templates(select=designer.saved_name or None)
        self.show_fonts()

    def done(self, result: int) -> None:
        """Closing drops any pending refresh (the store may close right after)."""
        self._font_timer.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._font_timer.stop()
        super().closeEvent(event)

"""The report designer: change a template and see the real pages as you edit."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.privacy import OutputMode
from rectdesk.domain.query import ItemQuery
from rectdesk.fileio import write_bytes_atomic
from rectdesk.reports.fields import FIELD_HEADERS
from rectdesk.reports.layout import PAGE_SIZES_MM
from rectdesk.reports.templates import (
    DEFAULT_SIZES,
    FONT_NAMES,
    KIND_TABLE,
    PARTS,
    ColumnSpec,
    TemplateSpec,
)
from rectdesk.services import reporting
from rectdesk.services.context import AppContext
from rectdesk.ui.print_preview import PdfPages

#: How many items the live preview shows (the export always has them all).
PREVIEW_ITEMS = 30
TEMPLATE_SUFFIX = ".rectdesk-template.json"

C_FIELD, C_HEADER, C_WIDTH, C_ALIGN = range(4)
#: A deadline date box at its minimum means "no limit".
NO_DATE = QDate(2000, 1, 1)

#: Which items a template keeps: (statuses, lights).
ITEM_FILTERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "all": ((), ()),
    "open": (("pending", "in_progress", "ongoing"), ()),
    "finished": (("completed", "closed"), ()),
    "closed": (("closed",), ()),
    "warn": ((), ("red", "yellow")),
}


class ReportDesigner(QDialog):
    """Edit title, columns, grouping, page and sign-off of a template; save it by name."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, template: str | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_name = ""
        self.preview_seconds = 0.0
        self.setWindowTitle(self.tr("报表设计器"))
        self._fit_screen()
        self._loading = False
        #: The template as last loaded or saved, to tell whether the form holds changes.
        self._clean: dict[str, object] | None = None

        self.base = QComboBox(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("保存时使用的模板名称"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(
            self.tr("留空：批次名称加模板名称；可写 {batch} {unit} {year}")
        )
        self.subtitle = QLineEdit(self)
        self.attachment = QLineEdit(self)
        self.landscape = QComboBox(self)
        self.landscape.addItem(self.tr("横向（宽表）"), True)
        self.landscape.addItem(self.tr("纵向"), False)
        self.font_size = QDoubleSpinBox(self)
        self.font_size.setRange(6, 22)
        self.font_size.setSingleStep(0.5)
        self.font_size.setSuffix(self.tr(" 磅"))
        self.title_size = QDoubleSpinBox(self)
        self.title_size.setRange(10, 36)
        self.title_size.setSingleStep(1)
        self.title_size.setSuffix(self.tr(" 磅"))
        self.title_size.setToolTip(self.tr("2号字为 22 磅"))
        self.page_size = QComboBox(self)
        for size in PAGE_SIZES_MM:
            self.page_size.addItem(size, size)
        self.page_number_style = QComboBox(self)
        for value, label in (
            ("dash", self.tr("— 1 —（单页居右、双页居左）")),
            ("page", self.tr("第 1 页（居中）")),
            ("page_of", self.tr("第 1 页 共 N 页（居中）")),
            ("hyphen", self.tr("- 1 -（居中）")),
            ("none", self.tr("不加页码")),
        ):
            self.page_number_style.addItem(label, value)  # fmt: skip
        part_labels = {
            "title": self.tr("标题"),
            "subtitle": self.tr("副标题和附件标注"),
            "header": self.tr("表头"),
            "body": self.tr("表格和正文"),
            "section": self.tr("分组行和合计行"),
            "signoff": self.tr("落款行"),
            "page_number": self.tr("页码"),
        }
        self.part_fonts: dict[str, QComboBox] = {}
        self.part_sizes: dict[str, QDoubleSpinBox] = {}
        font_grid = QGridLayout()
        for row, part in enumerate(PARTS):
            combo = QComboBox(self)
            combo.addItem(self.tr("默认（公文规定字体）"), "")
            for name in FONT_NAMES:
                combo.addItem(name, name)
            self.part_fonts[part] = combo
            if part == "title":
                spin = self.title_size
            elif part == "body":
                spin = self.font_size
            else:
                spin = QDoubleSpinBox(self)
                spin.setRange(0 if DEFAULT_SIZES[part] == 0 else 6, 36)
                spin.setSingleStep(0.5)
                spin.setSuffix(self.tr(" 磅"))
                if DEFAULT_SIZES[part] == 0:
                    spin.setSpecialValueText(self.tr("同表格字号"))
                self.part_sizes[part] = spin
            font_grid.addWidget(QLabel(part_labels[part], self), row, 0)
            font_grid.addWidget(combo, row, 1)
            font_grid.addWidget(spin, row, 2)
        self.group_by = QComboBox(self)
        for value, label in (
            ("", self.tr("不分组")),
            ("category", self.tr("按类别")),
            ("department", self.tr("按责任单位")),
            ("status", self.tr("按状态")),
        ):
            self.group_by.addItem(label, value)  # fmt: skip
        self.numbering = QComboBox(self)
        for value, label in (
            ("continuous", self.tr("连续编号")),
            ("section", self.tr("每组重新编号")),
            ("source", self.tr("沿用原表序号")),
        ):
            self.numbering.addItem(label, value)  # fmt: skip
        self.sort = QComboBox(self)
        for value, label in (
            ("source", self.tr("原表顺序")),
            ("deadline", self.tr("整改时限")),
            ("number", self.tr("编号")),
            ("department", self.tr("责任单位")),
            ("closed_on", self.tr("销号日期")),
        ):
            self.sort.addItem(label, value)  # fmt: skip
        self.signoff = QCheckBox(
            self.tr("表尾加填报单位、填报人、审核人、联系电话、填报日期"), self
        )
        self.margins = [QDoubleSpinBox(self) for _ in range(4)]
        margin_row = QHBoxLayout()
        for box, label in zip(self.margins, (self.tr("上"), self.tr("下"), self.tr("左"),
                                             self.tr("右")), strict=True):  # fmt: skip
            box.setRange(5, 60)
            box.setSuffix(" mm")
            margin_row.addWidget(QLabel(label, self))
            margin_row.addWidget(box)
        self.which = QComboBox(self)
        for key, label in (
            ("all", self.tr("全部事项")),
            ("open", self.tr("未办结的事项")),
            ("finished", self.tr("已完成和已销号的事项")),
            ("closed", self.tr("已销号的事项")),
            ("warn", self.tr("逾期和临期的事项")),
        ):
            self.which.addItem(label, key)  # fmt: skip
        self.deadline_from = QDateEdit(self)
        self.deadline_to = QDateEdit(self)
        for date_box in (self.deadline_from, self.deadline_to):
            date_box.setCalendarPopup(True)
            date_box.setDisplayFormat("yyyy-MM-dd")
            date_box.setMinimumDate(NO_DATE)
            date_box.setSpecialValueText(self.tr("不限"))
            date_box.setDate(NO_DATE)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline_from, 1)
        deadline_row.addWidget(QLabel(self.tr("至"), self))
        deadline_row.addWidget(self.deadline_to, 1)
        self.department = QComboBox(self)
        self.department.addItem(self.tr("全部单位"), "")
        for name in context.store.departments():
            self.department.addItem(name, name)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("全部类别"), "")
        for name in context.store.categories():
            self.category.addItem(name, name)
        self.privacy = QComboBox(self)
        self.privacy.addItem(self.tr("脱敏（默认）"), OutputMode.MASKED.value)
        self.privacy.addItem(self.tr("公开发布（去掉意见来源列）"), OutputMode.PUBLISH.value)
        self.privacy.setToolTip(self.tr("“完整”模式不能设为默认，每次导出时单独选择并确认。"))
        self.header_groups = QLineEdit(self)
        self.header_groups.setPlaceholderText(self.tr("两行表头，如：基本情况:2-3；整改情况:6-8"))

        self.columns = QTableWidget(0, 4, self)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("表头文字"), self.tr("宽度（毫米）"), self.tr("对齐")]
        )
        width_header = self.columns.horizontalHeaderItem(C_WIDTH)
        if width_header is not None:
            width_header.setToolTip(self.tr("“自动”：宽度随内容；填毫米数则固定该列宽度。"))
        self.columns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns.horizontalHeader().setStretchLastSection(True)
        column_buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("添加列"), self.add_column),
            (self.tr("删除列"), self.remove_column),
            (self.tr("上移"), lambda: self.move_column(-1)),
            (self.tr("下移"), lambda: self.move_column(1)),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            column_buttons.addWidget(button)  # fmt: skip

        form = QFormLayout()
        form.addRow(self.tr("基于"), self.base)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("副标题"), self.subtitle)
        form.addRow(self.tr("附件标注"), self.attachment)
        form.addRow(self.tr("纸张"), self.page_size)
        form.addRow(self.tr("纸张方向"), self.landscape)
        form.addRow(self.tr("字体和字号"), font_grid)
        form.addRow(self.tr("分组"), self.group_by)
        form.addRow(self.tr("编号"), self.numbering)
        form.addRow(self.tr("排序"), self.sort)
        form.addRow(self.tr("包含"), self.which)
        form.addRow(self.tr("整改时限"), deadline_row)
        form.addRow(self.tr("责任单位"), self.department)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("个人信息"), self.privacy)
        form.addRow(self.tr("页边距"), margin_row)
        form.addRow(self.tr("表头分组"), self.header_groups)
        form.addRow(self.signoff)
        form.addRow(self.tr("页码"), self.page_number_style)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        # The settings scroll on a small screen; the column list keeps its own share.
        settings_box = QWidget(self)
        settings_box.setLayout(form)
        for combo in settings_box.findChildren(QComboBox):  # long labels never widen the form
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        settings = QScrollArea(self)
        settings.setWidgetResizable(True)
        settings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        settings.setFrameShape(QFrame.Shape.NoFrame)
        settings.setWidget(settings_box)
        # Nothing of the settings is cut off on the right (English labels are longer): the
        # left side keeps at least their width, the preview takes what is left.
        settings.setMinimumWidth(
            settings_box.minimumSizeHint().width() + settings.verticalScrollBar().sizeHint().width()
        )
        left_layout.addWidget(settings, 3)
        left_layout.addWidget(QLabel(self.tr("列"), self))
        left_layout.addWidget(self.columns, 2)
        left_layout.addLayout(column_buttons)

        self.scope = QComboBox(self)
        for batch in context.store.batches():
            self.scope.addItem(batch.name, batch.id)
        self.scope.addItem(self.tr("全部事项"), None)
        self.pages = PdfPages(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel(self.tr("预览数据"), self))
        scope_row.addWidget(self.scope, 1)
        right_layout.addLayout(scope_row)
        right_layout.addWidget(self.pages, 1)
        right_layout.addWidget(self.status)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([600, 680])

        save = QPushButton(self.tr("保存模板"), self)
        save.clicked.connect(self.save)
        export = QPushButton(self.tr("导出模板文件…"), self)
        export.clicked.connect(self.export_file)
        import_ = QPushButton(self.tr("导入模板文件…"), self)
        import_.clicked.connect(self.import_file)
        delete = QPushButton(self.tr("删除模板"), self)
        delete.clicked.connect(self.delete)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (import_, export, delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_preview)
        self._fill_bases(template)
        self.base.currentIndexChanged.connect(lambda _i: self.load_spec(self.selected_base()))
        self._connect_edits()
        self.load_spec(self.selected_base())

    # -- templates --------------------------------------------------------------------------

    def _fill_bases(self, select: str | None) -> None:
        self.base.blockSignals(True)
        self.base.clear()
        for spec in reporting.templates(self.context.store):
            self.base.addItem(spec.label if spec.builtin else spec.name, spec.name)
        self.base.setCurrentIndex(max(self.base.findData(select), 0) if select else 0)
        self.base.blockSignals(False)

    def selected_base(self) -> TemplateSpec:
        return reporting.get_template(self.context.store, str(self.base.currentData()))

    def _connect_edits(self) -> None:
        for line in (
            self.name,
            self.title_edit,
            self.subtitle,
            self.attachment,
            self.header_groups,
        ):
            line.textChanged.connect(self.schedule_preview)  # fmt: skip
        for combo in (self.landscape, self.group_by, self.numbering, self.sort, self.scope,
                      self.which, self.privacy, self.page_size, self.page_number_style,
                      self.department, self.category, *self.part_fonts.values()):  # fmt: skip
            combo.currentIndexChanged.connect(self.schedule_preview)
        for box in (self.font_size, self.title_size, *self.margins, *self.part_sizes.values()):
            box.valueChanged.connect(self.schedule_preview)
        for date in (self.deadline_from, self.deadline_to):
            date.dateChanged.connect(self.schedule_preview)
        self.signoff.toggled.connect(self.schedule_preview)
        self.columns.itemChanged.connect(self.schedule_preview)

    def load_spec(self, spec: TemplateSpec) -> None:
        """Show a template in the form."""
        self._loading = True
        try:
            self._spec = spec
            self.name.setText("" if spec.builtin else spec.name)
            self.title_edit.setText(spec.title)
            self.subtitle.setText(spec.subtitle)
            self.attachment.setText(spec.attachment)
            self.landscape.setCurrentIndex(0 if spec.landscape else 1)
            self.font_size.setValue(spec.font_size)
            self.title_size.setValue(spec.title_size)
            style = spec.page_number_style if spec.page_numbers else "none"
            self.page_number_style.setCurrentIndex(max(self.page_number_style.findData(style), 0))
            self.page_size.setCurrentIndex(max(self.page_size.findData(spec.page_size), 0))
            for part, combo in self.part_fonts.items():
                combo.setCurrentIndex(max(combo.findData(spec.fonts.get(part, "")), 0))
            for part, box in self.part_sizes.items():
                box.setValue(spec.part_size(part))
            first, last = spec.deadline_range()
            for date_box, day in ((self.deadline_from, first), (self.deadline_to, last)):
                date_box.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
            for choice, wanted in ((self.department, spec.department),
                                   (self.category, spec.category)):  # fmt: skip
                if wanted and choice.findData(wanted) < 0:
                    choice.addItem(wanted, wanted)
                choice.setCurrentIndex(max(choice.findData(wanted), 0))
            self.group_by.setCurrentIndex(max(self.group_by.findData(spec.group_by), 0))
            self.numbering.setCurrentIndex(max(self.numbering.findData(spec.numbering), 0))
            self.sort.setCurrentIndex(max(self.sort.findData(spec.sort), 0))
            self.signoff.setChecked(spec.signoff)
            which = next(
                (k for k, v in ITEM_FILTERS.items() if v == (spec.statuses, spec.lights)), "all"
            )
            self.which.setCurrentIndex(max(self.which.findData(which), 0))
            self.privacy.setCurrentIndex(max(self.privacy.findData(spec.privacy), 0))
            for box, value in zip(self.margins, spec.margins_mm, strict=True):
                box.setValue(value)
            self.header_groups.setText(
                "；".join(f"{t}:{s + 1}-{s + n}" for t, s, n in spec.header_groups)
            )
            self.columns.setRowCount(0)
            for column in spec.columns:
                self._append_column(column)
            self.columns.setEnabled(spec.kind == KIND_TABLE or bool(spec.columns))
        finally:
            self._loading = False
        self._clean = self._form_state()
        self.refresh_preview()

    def _form_state(self) -> dict[str, object] | None:
        """The form's template as data (None when the form cannot make one yet)."""
        try:
            data = self.spec_from_form().to_dict()
        except UserError:
            return None
        data.pop("base", None)
        return data

    def has_changes(self) -> bool:
        """Whether the form holds changes not saved as a template."""
        return self._form_state() != self._clean

    def _fit_screen(self) -> None:
        """As large as useful, never larger than the screen (1366 × 768 laptops)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1280, 820
        if screen is not None:
            width = min(width, screen.width() - 24)
            height = min(height, screen.height() - 48)
        self.resize(width, height)

    def _append_column(self, column: ColumnSpec, row: int | None = None) -> None:
        row = self.columns.rowCount() if row is None else row
        self.columns.insertRow(row)
        fields = QComboBox(self.columns)
        for key, header in FIELD_HEADERS.items():
            fields.addItem(header, key)
        fields.setCurrentIndex(max(fields.findData(column.field), 0))
        fields.currentIndexChanged.connect(self.schedule_preview)
        self.columns.setCellWidget(row, C_FIELD, fields)
        self.columns.setItem(row, C_HEADER, QTableWidgetItem(column.header_text()))
        width = QDoubleSpinBox(self.columns)
        width.setRange(0, 250)
        width.setDecimals(0)
        width.setSingleStep(1)
        width.setSuffix(self.tr(" 毫米"))
        width.setSpecialValueText(self.tr("自动"))
        width.setValue(column.width_mm)
        width.setProperty("weight", column.width)
        width.valueChanged.connect(self.schedule_preview)
        self.columns.setCellWidget(row, C_WIDTH, width)
        align = QComboBox(self.columns)
        for value, label in (
            ("", self.tr("自动")),
            ("left", self.tr("左对齐")),
            ("center", self.tr("居中")),
            ("right", self.tr("右对齐")),
        ):
            align.addItem(label, value)  # fmt: skip
        align.setCurrentIndex(max(align.findData(column.align), 0))
        align.currentIndexChanged.connect(self.schedule_preview)
        self.columns.setCellWidget(row, C_ALIGN, align)

    def _column(self, row: int) -> ColumnSpec:
        fields = self.columns.cellWidget(row, C_FIELD)
        width = self.columns.cellWidget(row, C_WIDTH)
        align = self.columns.cellWidget(row, C_ALIGN)
        header = self.columns.item(row, C_HEADER)
        assert isinstance(fields, QComboBox) and isinstance(align, QComboBox)
        assert isinstance(width, QDoubleSpinBox)
        weight = width.property("weight")
        return ColumnSpec(
            field=str(fields.currentData()),
            header=header.text().strip() if header is not None else "",
            width=float(weight) if weight else 1.0,
            align=str(align.currentData()),
            width_mm=float(width.value()),
        )

    def add_column(self) -> None:
        row = self.columns.currentRow()
        self._append_column(ColumnSpec("remarks", "备注", 1.2), None if row < 0 else row + 1)
        self.schedule_preview()

    def remove_column(self) -> None:
        row = self.columns.currentRow()
        if row >= 0:
            self.columns.removeRow(row)
            self.schedule_preview()

    def move_column(self, step: int) -> None:
        row = self.columns.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.columns.rowCount():
            return
        column = self._column(row)
        self.columns.removeRow(row)
        self._append_column(column, target)
        self.columns.setCurrentCell(target, C_HEADER)
        self.schedule_preview()

    def _groups(self) -> list[tuple[str, int, int]]:
        groups = []
        text = self.header_groups.text().replace(";", "；").replace("：", ":")
        for part in filter(None, (p.strip() for p in text.split("；"))):
            try:
                name, span = part.rsplit(":", 1)
                first, last = (int(x) for x in span.replace("—", "-").split("-", 1))
            except ValueError as exc:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "表头分组“{part}”写法不对，请写成 分组名:起始列-结束列，如 基本情况:2-3。",
                    ),
                    part=part,
                ) from exc
            if first < 1 or last < first:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "表头分组“{part}”的列号不对，起始列应不大于结束列。"
                    ),
                    part=part,
                )
            groups.append((name.strip(), first - 1, last - first + 1))
        return groups

    def spec_from_form(self) -> TemplateSpec:
        """The template as the form shows it now."""
        base = self._spec
        data = base.to_dict()
        data.update(
            name=self.name.text().strip() or base.name,
            label=self.name.text().strip() or base.label,
            title=self.title_edit.text(),
            subtitle=self.subtitle.text(),
            attachment=self.attachment.text(),
            landscape=bool(self.landscape.currentData()),
            font_size=float(self.font_size.value()),
            title_size=float(self.title_size.value()),
            page_numbers=self.page_number_style.currentData() != "none",
            page_number_style=str(self.page_number_style.currentData()),
            page_size=str(self.page_size.currentData()),
            fonts={p: str(c.currentData()) for p, c in self.part_fonts.items() if c.currentData()},
            sizes={
                p: float(b.value())
                for p, b in self.part_sizes.items()
                if float(b.value()) != DEFAULT_SIZES[p]
            },
            deadline_from=self._date_text(self.deadline_from),
            deadline_to=self._date_text(self.deadline_to),
            department=str(self.department.currentData() or ""),
            category=str(self.category.currentData() or ""),
            group_by=str(self.group_by.currentData()),
            numbering=str(self.numbering.currentData()),
            sort=str(self.sort.currentData()),
            signoff=self.signoff.isChecked(),
            statuses=list(ITEM_FILTERS[str(self.which.currentData())][0]),
            lights=list(ITEM_FILTERS[str(self.which.currentData())][1]),
            privacy=str(self.privacy.currentData()),
            margins_mm=[float(b.value()) for b in self.margins],
            header_groups=[list(g) for g in self._groups()],
            columns=[vars(self._column(r)) for r in range(self.columns.rowCount())],
            base=base.base or base.name,
            builtin=False,
        )
        return TemplateSpec.from_dict(data)

    @staticmethod
    def _date_text(box: QDateEdit) -> str:
        day = box.date()
        return "" if day <= NO_DATE else day.toString("yyyy-MM-dd")

    # -- preview ----------------------------------------------------------------------------

    def schedule_preview(self, *_args: object) -> None:
        if not self._loading:
            self._timer.start()

    def preview_ids(self) -> list[int]:
        batch_id = self.scope.currentData()
        query = ItemQuery(batch_id=batch_id, limit=PREVIEW_ITEMS, today=self.context.today())
        return self.context.store.item_ids(query)

    def refresh_preview(self) -> int:
        """Render the real PDF pages of the form's template; returns the page count."""
        started = time.perf_counter()
        try:
            spec = self.spec_from_form()
            report = reporting.build(
                self.context.store, spec, item_ids=self.preview_ids(), mode=OutputMode.MASKED,
                today=self.context.today(),
            )  # fmt: skip
            preview = reporting.render_preview(report)
        except UserError as exc:
            self.status.setText(exc.message)
            return 0
        count = self.pages.load(preview.data)
        self.preview_seconds = time.perf_counter() - started
        notes = [self.tr("预览前 {0} 条事项，{1} 页，用时 {2:.2f} 秒。").format(
            PREVIEW_ITEMS, count, self.preview_seconds)]  # fmt: skip
        # Official fonts missing are routine (the export dialog lists them); a font the clerk
        # chose for a part and that is missing is said here, with what is used instead.
        chosen = set(spec.role_fonts())
        routine = {line for role, line in preview.fallbacks.items() if role not in chosen}
        notes += [w for w in preview.warnings if w not in routine][:8]
        self.status.setText("\n".join(notes))
        return count

    # -- saving and sharing -----------------------------------------------------------------

    def save(self) -> bool:
        """Keep the template under its name for the dialog, the CLI and every format."""
        try:
            if not self.name.text().strip():
                raise UserError(QT_TRANSLATE_NOOP("Errors", "请先在“名称”中填写模板名称，再保存。"))
            spec = self.spec_from_form()
            reporting.save_template(self.context.store, spec)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("无法保存模板"), exc.message)
            return False
        self.saved_name = spec.name
        self._fill_bases(spec.name)
        self._spec = reporting.get_template(self.context.store, spec.name)
        self._clean = self._form_state()
        self.status.setText(self.tr("已保存模板“{0}”。").format(spec.name))
        return True

    def delete(self) -> None:
        spec = self._spec
        if spec.builtin:
            QMessageBox.information(self, self.tr("删除模板"), self.tr("内置模板不能删除。"))
            return
        try:
            reporting.delete_template(self.context.store, spec.name, self.context.actor())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("删除模板"), exc.message)
            return
        self._fill_bases(None)
        self.load_spec(self.selected_base())

    def export_file(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("导出模板文件"), str(Path.home() / f"{self.name.text() or '模板'}"
                                                 f"{TEMPLATE_SUFFIX}"),
            self.tr("RectDesk 模板 (*.json)"),
        )  # fmt: skip
        if path:
            self.write_template_file(Path(path))

    def write_template_file(self, path: Path) -> None:
        """Save the form's template as a file to share with the next office."""
        try:
            data = json.dumps(self.spec_from_form().to_dict(), ensure_ascii=False, indent=1)
            write_bytes_atomic(path, data.encode("utf-8"))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("无法导出模板"), exc.message)

    def import_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("导入模板文件"), str(Path.home()), self.tr("RectDesk 模板 (*.json)")
        )
        if path:
            self.read_template_file(Path(path))

    def read_template_file(self, path: Path) -> bool:
        """Load a shared template into the form (saved when the clerk presses 保存)."""
        try:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise UserError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "无法读取模板文件“{name}”，请确认它是 RectDesk 导出的模板文件。"
                    ),
                    name=path.name,
                ) from exc
            if not isinstance(data, dict):
                raise UserError(
                    QT_TRANSLATE_NOOP("Errors", "“{name}”不是 RectDesk 模板文件。"),
                    name=path.name,
                )
            spec = TemplateSpec.from_dict({**data, "builtin": False})
        except UserError as exc:
            QMessageBox.warning(self, self.tr("无法导入模板"), exc.message)
            return False
        self.load_spec(spec)
        self.name.setText(spec.name)
        return True

    def confirm_close(self) -> bool:
        """Ask before unsaved changes are dropped: save, discard or stay (a designer that is
        not on screen has nobody to ask)."""
        if not self.isVisible() or not self.has_changes():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("模板有改动"),
            self.tr("对模板的改动还没有保存。要先保存吗？"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def done(self, result: int) -> None:
        """Closing asks about unsaved changes, then drops any pending refresh."""
        if not self.confirm_close():
            return
        self._timer.stop()
        self._clean = self._form_state()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_close():
            event.ignore()
            return
        self._timer.stop()
        self._clean = self._form_state()
        super().closeEvent(event)

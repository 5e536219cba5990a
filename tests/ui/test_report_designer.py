"""The report designer: edits show in the live preview; templates saved, shared and used."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from rectdesk.reports import fonts
from rectdesk.reports.fontfiles import read_faces
from rectdesk.services import reporting
from rectdesk.services.context import AppContext
from rectdesk.store import Store
from rectdesk.ui.report_designer import C_HEADER, ReportDesigner
from rectdesk.ui.report_dialog import ReportDialog

TEST_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
TODAY = dt.date(2023, 11, 20)


@pytest.fixture(autouse=True)
def _test_font(monkeypatch: pytest.MonkeyPatch) -> None:
    faces = tuple(f for f in read_faces(TEST_FONT) if f.truetype) if TEST_FONT.exists() else ()
    if not faces:
        pytest.skip("需要中文 TrueType 字体 fonts-wqy-zenhei（python3 tests/run_all.py 会安装）")
    monkeypatch.setattr(fonts, "scan_faces", lambda dirs=None: faces)


@pytest.fixture
def designer(qtbot: Any, demo_store: Store, db_path: Path) -> Iterator[ReportDesigner]:
    context = AppContext(demo_store, db_path, lambda: TODAY)
    widget = ReportDesigner(context, None, template="plan")
    qtbot.addWidget(widget)
    plan = next(b.id for b in demo_store.batches() if "整改工作方案" in b.name)
    widget.scope.setCurrentIndex(widget.scope.findData(plan))
    yield widget
    widget._clean = widget._form_state()  # a test's edits are dropped without asking
    widget.close()  # before the store closes: no preview may run on a closed store


@pytest.fixture
def dialogs(designer: ReportDesigner) -> Iterator[list[ReportDialog]]:
    made: list[ReportDialog] = []
    yield made
    for dialog in made:
        dialog.close()


def test_edits_reach_the_live_preview(qtbot: Any, designer: ReportDesigner) -> None:
    first = designer.refresh_preview()
    assert first > 1 and designer.pages.page_count() == first
    # The seed's 18-item plan re-renders well within the designer's budget.
    assert designer.preview_seconds < 1.5
    designer.title_edit.setText("测试标题")
    designer.columns.setCurrentCell(5, C_HEADER)  # 整改措施, the longest text
    designer.remove_column()
    qtbot.waitUntil(lambda: not designer._timer.isActive(), timeout=3000)
    spec = designer.spec_from_form()
    assert spec.title == "测试标题"
    assert [c.field for c in spec.columns] == [
        "seq", "category", "number", "content", "departments", "outcomes", "deadline",
    ]  # fmt: skip
    assert 0 < designer.pages.page_count() < first  # fewer pages without the long column


def test_columns_reorder_and_rename(designer: ReportDesigner) -> None:
    designer.columns.setCurrentCell(1, C_HEADER)
    designer.move_column(1)
    designer.columns.setItem(2, C_HEADER, QTableWidgetItem("类别"))
    designer.landscape.setCurrentIndex(1)
    designer.header_groups.setText("基本情况:2-3")
    spec = designer.spec_from_form()
    assert [c.field for c in spec.columns][:3] == ["seq", "number", "category"]
    assert spec.columns[2].header == "类别"
    assert spec.landscape is False
    assert spec.header_groups == [("基本情况", 1, 2)]
    designer.header_groups.setText("基本情况:三到四")
    assert designer.refresh_preview() == 0
    assert "写法不对" in designer.status.text()


def test_save_needs_a_name_and_is_used_everywhere(
    designer: ReportDesigner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    qtbot: Any,
    dialogs: list[ReportDialog],
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    assert designer.save() is False and "名称" in warnings[0]
    designer.name.setText("我的方案表")
    designer.title_edit.setText("{unit}整改清单")
    assert designer.save() is True
    store = designer.context.store
    assert reporting.get_template(store, "我的方案表").title == "{unit}整改清单"
    dialog = ReportDialog(designer.context)
    qtbot.addWidget(dialog)
    dialogs.append(dialog)
    assert dialog.template.findData("我的方案表") >= 0
    for fmt in ("pdf", "docx", "xlsx"):
        result = reporting.export_report(store, "我的方案表", fmt, tmp_path / f"a.{fmt}")
        assert result.path.exists()


def test_template_files_round_trip(
    designer: ReportDesigner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    designer.name.setText("分享的模板")
    designer.subtitle.setText("（2023年第四季度）")
    path = tmp_path / "shared.rectdesk-template.json"
    designer.write_template_file(path)
    designer.load_spec(reporting.get_template(designer.context.store, "summary"))
    assert designer.subtitle.text() == ""
    assert designer.read_template_file(path)
    assert designer.name.text() == "分享的模板"
    assert designer.subtitle.text() == "（2023年第四季度）"
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    assert designer.read_template_file(bad) is False
    assert "无法读取模板文件" in warnings[0]


def test_item_filter_and_privacy_default(
    designer: ReportDesigner, dialogs: list[ReportDialog], qtbot: Any
) -> None:
    designer.which.setCurrentIndex(designer.which.findData("closed"))
    designer.privacy.setCurrentIndex(designer.privacy.findData("publish"))
    designer.name.setText("销号公示表")
    assert designer.save()
    spec = reporting.get_template(designer.context.store, "销号公示表")
    assert spec.statuses == ("closed",) and spec.privacy == "publish"
    report = reporting.build(designer.context.store, spec)
    assert report.tables()[0].rows[0].cells[0] == "暂无符合条件的事项。"  # no closed demo item
    dialog = ReportDialog(designer.context)
    qtbot.addWidget(dialog)
    dialogs.append(dialog)
    dialog.set_choice(dialog.template, "销号公示表")
    assert dialog.mode().value == "publish"
    designer.load_spec(spec)
    assert designer.which.currentData() == "closed"


def test_page_fonts_numbers_and_deadline_controls(
    designer: ReportDesigner, qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QDate

    portrait = designer.refresh_preview()
    assert portrait > 0
    designer.page_size.setCurrentIndex(designer.page_size.findData("A3"))
    designer.page_number_style.setCurrentIndex(designer.page_number_style.findData("page_of"))
    header_font = designer.part_fonts["header"]
    header_font.setCurrentIndex(header_font.findData("楷体_GB2312"))
    designer.part_sizes["page_number"].setValue(12)
    designer.part_sizes["header"].setValue(11)
    designer.deadline_from.setDate(QDate(2023, 9, 1))
    designer.deadline_to.setDate(QDate(2023, 12, 31))
    qtbot.waitUntil(lambda: not designer._timer.isActive(), timeout=3000)
    spec = designer.spec_from_form()
    assert spec.page_size == "A3" and spec.page_number_style == "page_of"
    assert spec.fonts == {"header": "楷体_GB2312"}
    assert spec.sizes == {"header": 11.0, "page_number": 12.0}
    assert (spec.deadline_from, spec.deadline_to) == ("2023-09-01", "2023-12-31")
    assert 0 < designer.refresh_preview() < portrait  # an A3 sheet holds more

    designer.name.setText("A3时限表")
    assert designer.save()
    saved = reporting.get_template(designer.context.store, "A3时限表")
    assert (saved.page_size, saved.page_number_style, saved.fonts) == (
        "A3", "page_of", {"header": "楷体_GB2312"},
    )  # fmt: skip
    path = tmp_path / "a3.rectdesk-template.json"
    designer.write_template_file(path)
    designer.load_spec(reporting.get_template(designer.context.store, "plan"))
    assert designer.page_size.currentData() == "A4"
    assert designer.page_number_style.currentData() == "dash"
    assert designer.part_fonts["header"].currentData() == ""
    assert designer.deadline_from.date() == designer.deadline_from.minimumDate()
    assert designer.read_template_file(path)
    assert designer.page_size.currentData() == "A3"
    assert designer.part_fonts["header"].currentData() == "楷体_GB2312"
    assert designer.part_sizes["page_number"].value() == 12
    assert designer.deadline_to.date() == QDate(2023, 12, 31)
    section_font = designer.part_fonts["section"]
    section_font.setCurrentIndex(section_font.findData("方正小标宋简体"))
    designer.refresh_preview()
    assert "分组行和合计行：方正小标宋简体 未安装，改用" in designer.status.text()
    assert "正文和表格：" not in designer.status.text()  # official fonts: the export dialog's
    designer.page_number_style.setCurrentIndex(designer.page_number_style.findData("none"))
    assert designer.spec_from_form().page_numbers is False


def test_close_asks_before_dropping_changes(
    designer: ReportDesigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    assert not designer.has_changes()
    designer.title_edit.setText("改过的标题")
    assert designer.has_changes()
    asked: list[str] = []

    def answer(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    designer.show()
    designer.close()
    assert asked and "没有保存" in asked[0] and designer.isVisible()  # Cancel: stays open
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)  # fmt: skip
    designer.close()
    assert not designer.isVisible()


def test_columns_show_chinese_names_and_millimetres(designer: ReportDesigner) -> None:
    from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

    fields = designer.columns.cellWidget(0, 0)
    width = designer.columns.cellWidget(0, 2)
    assert isinstance(fields, QComboBox) and isinstance(width, QDoubleSpinBox)
    names = [fields.itemText(i) for i in range(fields.count())]
    assert "整改措施" in names and not any("measures" in n or "（" in n for n in names)
    assert width.suffix().strip() == "毫米" and width.specialValueText() == "自动"
    width.setValue(40)
    assert designer.spec_from_form().columns[0].width_mm == 40


def test_designer_fits_a_small_screen(designer: ReportDesigner) -> None:
    screen = designer.screen().availableGeometry()
    assert designer.width() <= screen.width() and designer.height() <= screen.height()


def test_settings_are_not_cut_off_in_english_on_a_laptop(
    qtbot: Any, demo_store: Store, db_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from rectdesk.services.paths import translations_dir

    translator = QTranslator()
    assert translator.load("rectdesk_en", str(translations_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        widget = ReportDesigner(AppContext(demo_store, db_path, lambda: TODAY), template="plan")
        qtbot.addWidget(widget)
        widget.resize(1342, 720)  # 1366 × 768 less the frame and a taskbar
        widget.show()
        qtbot.waitExposed(widget)
        box = widget.part_sizes["header"].parentWidget()
        assert box is not None
        area = box.parentWidget()  # the scroll area's viewport
        assert area is not None
        for spin in widget.part_sizes.values():  # the right-most settings, whole in view
            right = spin.mapTo(area, spin.rect().topRight()).x()
            assert right <= area.width(), (spin.specialValueText(), right, area.width())
        widget._clean = widget._form_state()
        widget.close()
    finally:
        QCoreApplication.removeTranslator(translator)

"""Custom templates in all three writers and the command line; the report commands."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from readback import docx_entries, pdf_pages, resolve_spans, squash, xlsx_entries

from rectdesk.cli import main
from rectdesk.domain.errors import UserError
from rectdesk.reports.fontfiles import FontFace
from rectdesk.reports.layout import RowKind
from rectdesk.reports.templates import ColumnSpec, TemplateSpec, builtin
from rectdesk.services import reporting
from rectdesk.services.demo import load_demo
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)


def custom_spec() -> TemplateSpec:
    spec = builtin("plan")
    spec.name = "县局督办表"
    spec.label = "督办表"
    spec.title = "{unit}督办事项清单"
    spec.columns = [
        ColumnSpec("deadline", "完成时限", 1.5),
        ColumnSpec("number", "编号", 3.0),
        ColumnSpec("content", "问题", 4.0),
        ColumnSpec("departments", "牵头科室", 1.5, align="center"),
    ]
    spec.group_by = "department"
    spec.numbering = "section"
    spec.landscape = False
    spec.header_groups = [("基本情况", 1, 2)]
    return spec


def test_template_round_trip_and_checks(demo_store: Store) -> None:
    spec = custom_spec()
    assert TemplateSpec.from_dict(spec.to_dict()) == spec
    reporting.save_template(demo_store, spec)
    found = reporting.get_template(demo_store, "县局督办表")
    assert found.columns == spec.columns and found.builtin is False
    with pytest.raises(UserError, match="内置模板"):
        reporting.save_template(demo_store, builtin("plan"))
    broken = spec.to_dict() | {"group_by": "月亮"}
    with pytest.raises(UserError, match="分组方式"):
        TemplateSpec.from_dict(broken)


def test_custom_template_in_every_writer(
    demo_store: Store, font_env: list[FontFace], tmp_path: Path
) -> None:
    from rectdesk.services import settings

    settings.put(demo_store, "unit_name", "某县卫生健康局")
    reporting.save_template(demo_store, custom_spec())
    report = reporting.build(demo_store, "县局督办表", today=TODAY)
    assert report.title == "某县卫生健康局督办事项清单" and not report.landscape
    table = report.tables()[0]
    assert table.header_grid()[0][:3] == ["完成时限", "基本情况", "基本情况"]
    assert table.header_grid()[1][:3] == ["完成时限", "编号", "问题"]
    assert table.rows[0].kind is RowKind.SECTION
    for fmt in ("pdf", "docx", "xlsx"):
        path = tmp_path / f"custom.{fmt}"
        reporting.export_report(demo_store, "县局督办表", fmt, path, today=TODAY)
        assert path.stat().st_size > 0
    docx_rows = resolve_spans(docx_entries(tmp_path / "custom.docx"))
    assert ("row", ("完成时限", "基本情况", "基本情况", "牵头科室")) in docx_rows
    assert ("row", ("完成时限", "编号", "问题", "牵头科室")) in docx_rows
    xlsx_text = "".join("".join(cells) for _k, cells in xlsx_entries(tmp_path / "custom.xlsx"))
    assert "基本情况" in xlsx_text and "牵头科室" in xlsx_text
    pdf_text = squash("".join(pdf_pages(tmp_path / "custom.pdf")))
    assert "某县卫生健康局督办事项清单" in pdf_text and "基本情况" in pdf_text


def test_cli_report_export_and_templates(
    tmp_path: Path, font_env: list[FontFace], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ledger.sqlite3"
    with Store.open(db) as store:
        load_demo(store)
        reporting.save_template(store, custom_spec())
    assert main(["--db", str(db), "templates", "--json"]) == 0
    names = [t["name"] for t in json.loads(capsys.readouterr().out)]
    assert names[:6] == ["plan", "summary", "ledger", "narrative", "warnings", "closures"]
    assert "县局督办表" in names

    out = tmp_path / "plan.pdf"
    code = main(["--db", str(db), "report", "plan", "--format", "pdf", "--output", str(out),
                 "--batch", "2", "--today", "2023-11-20", "--json"])  # fmt: skip
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["pages"] >= 1 and result["privacy"] == "masked" and out.exists()

    out = tmp_path / "summary.xlsx"
    code = main(["--db", str(db), "export", "--template", "summary", "--format", "xlsx",
                 "--output", str(out), "--personal-data", "full"])  # fmt: skip
    assert code == 0 and "已导出" in capsys.readouterr().out
    with Store.open(db, readonly=True) as store:
        assert any(e.action == "export_full" for e in store.audit_log())

    code = main(["--db", str(db), "report", "县局督办表", "--format", "docx", "--output",
                 str(tmp_path / "custom")])  # fmt: skip
    assert code == 0 and (tmp_path / "custom.docx").exists()

    code = main(["--db", str(db), "report", "nope", "--format", "pdf", "--output",
                 str(tmp_path / "x.pdf")])  # fmt: skip
    assert code == 1 and "没有名为“nope”的报表模板" in capsys.readouterr().err
    code = main(["--db", str(db), "report", "plan", "--format", "pdf", "--output",
                 str(tmp_path / "x.docx")])  # fmt: skip
    assert code == 1 and "扩展名" in capsys.readouterr().err

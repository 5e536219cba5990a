"""Report use cases: list templates, build a report from the store, export it, preview it."""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Listing, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.privacy import OutputMode
from rectdesk.domain.query import ItemQuery
from rectdesk.fileio import atomic_path
from rectdesk.reports.build import ReportScope, build_report
from rectdesk.reports.layout import Report, Role
from rectdesk.reports.masking import mask_report
from rectdesk.reports.templates import BUILTINS, TemplateSpec, builtin
from rectdesk.services import settings
from rectdesk.services.audit import note_full_export

log = logging.getLogger(__name__)

FORMATS: dict[str, str] = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote and what the clerk should know about it."""

    path: Path
    template: str
    format: str
    items: int
    pages: int | None
    fonts_used: dict[str, str]
    missing_chars: str
    font_notes: list[str] = field(default_factory=list)
    mode: OutputMode = OutputMode.MASKED
    seconds: float = 0.0


# -- templates -------------------------------------------------------------------------------


def templates(store: LedgerStore) -> list[TemplateSpec]:
    """The built-in templates, then the clerk's own (by name)."""
    found = [builtin(name) for name in BUILTINS]
    for row in store.templates():
        if row["name"] in BUILTINS:
            continue
        try:
            found.append(TemplateSpec.from_dict({**row["definition"], "name": row["name"]}))
        except UserError:
            log.warning("template %s is damaged and left out", row["name"])
    return found


def get_template(store: LedgerStore, name: str) -> TemplateSpec:
    """A template by name or Chinese label; a plain message listing the names otherwise."""
    wanted = name.strip()
    for spec in templates(store):
        if wanted in (spec.name, spec.label):
            return spec
    names = Listing(f"{s.name}（{s.label}）" for s in templates(store))
    raise UserError(
        QT_TRANSLATE_NOOP("Errors", "没有名为“{name}”的报表模板，可用的有：{names}。"),
        name=name,
        names=names,
    )


def save_template(store: LedgerStore, spec: TemplateSpec) -> None:
    """Keep a clerk's template under its name (built-in names are reserved)."""
    name = spec.name.strip()
    if not name:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "请给模板起一个名称再保存。"))
    if name in BUILTINS or name in {s.label for s in BUILTINS.values()}:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "“{name}”是内置模板的名称，请换一个名称保存。"),
            name=name,
        )
    spec.validate()
    spec.builtin = False
    store.save_template(name, spec.to_dict(), base=spec.base)


def delete_template(store: LedgerStore, name: str, actor: str) -> None:
    """Delete a clerk's template (built-in ones stay), and say so in the audit log."""
    if name in BUILTINS:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "内置模板不能删除。"))
    with store.transaction():
        store.delete_template(name)
        store.audit(actor, None, "delete_template", "template", name, "")


# -- building --------------------------------------------------------------------------------


def report_scope(
    store: LedgerStore,
    spec: TemplateSpec,
    *,
    batch_id: int | None = None,
    item_ids: Sequence[int] | None = None,
    mode: OutputMode = OutputMode.MASKED,
    today: dt.date | None = None,
) -> ReportScope:
    """The items and facts a report is built from."""
    day = today or dt.date.today()
    rules = settings.light_rules(store)
    first, last = spec.deadline_range()
    query = ItemQuery(
        sort=spec.sort,
        today=day,
        rules=rules,
        deadline_from=first,
        deadline_to=last,
        department=spec.department.strip() or None,
        category=spec.category.strip() or None,
    )
    if item_ids is not None:
        query = replace(query, ids=tuple(item_ids))
    else:
        if batch_id is not None:
            store.batch(batch_id)
        query = replace(query, batch_id=batch_id)
    items = store.items(query)
    batch_ids = {i.batch_id for i in items} or ({batch_id} if batch_id is not None else set())
    batch_name, year, issuer, doc_number, received_on = "", None, "", "", None
    if len(batch_ids) == 1:
        batch = store.batch(next(iter(batch_ids)))
        batch_name, year = batch.name, batch.year
        issuer, doc_number, received_on = batch.issuer, batch.doc_number, batch.received_on
    return ReportScope(
        items=items,
        today=day,
        rules=rules,
        mode=mode,
        batch_name=batch_name,
        year=year,
        unit=str(settings.get(store, "unit_name")),
        clerk=str(settings.get(store, "clerk_name")),
        phone=str(settings.get(store, "clerk_phone")),
        issuer=issuer,
        doc_number=doc_number,
        received_on=received_on,
    )


def build(
    store: LedgerStore,
    template: str | TemplateSpec,
    *,
    batch_id: int | None = None,
    item_ids: Sequence[int] | None = None,
    mode: OutputMode = OutputMode.MASKED,
    today: dt.date | None = None,
) -> Report:
    """The format-neutral report for a template and scope, masked unless ``mode`` is full."""
    spec = get_template(store, template) if isinstance(template, str) else template
    scope = report_scope(store, spec, batch_id=batch_id, item_ids=item_ids, mode=mode, today=today)
    report = build_report(spec, scope)
    # One place for every report output (export, preview, designer): all of its texts.
    return mask_report(report) if mode.masks else report


def write(report: Report, fmt: str, target: Path | io.BytesIO) -> tuple[int | None, object]:
    """Render a report in a format; returns pages (PDF only) and the font plan or names."""
    if fmt == "pdf":
        from rectdesk.reports.pdf import write_pdf

        result = write_pdf(report, target)
        return result.pages, result.fonts
    if fmt == "docx":
        from rectdesk.reports.docx import write_docx

        return None, write_docx(report, target)
    if fmt == "xlsx":
        from rectdesk.reports.xlsx import write_xlsx

        return None, write_xlsx(report, target)
    raise UserError(
            QT_TRANSLATE_NOOP("Errors", "不支持“{fmt}”格式，请选择 pdf、docx 或 xlsx。"),
            fmt=fmt,
        )


def file_name(title: str, fmt: str, day: dt.date, fallback: str = "报表") -> str:
    """A file name from a report's title and date, safe on Windows and within 255 bytes."""
    name = "".join(ch for ch in title if ch not in '\\/:*?"<>|' and ch.isprintable()).strip(" .")
    return f"{name[:80] or fallback}_{day:%Y%m%d}.{fmt}"


def output_path(output: Path, fmt: str, title: str = "", day: dt.date | None = None) -> Path:
    """The file to write: the format's extension is added when the name has none.

    A folder given as the output gets a file named from the report's *title* inside it.
    """
    output = Path(output)
    if fmt not in FORMATS:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "不支持“{fmt}”格式，请选择 pdf、docx 或 xlsx。"),
            fmt=fmt,
        )
    if output.is_dir():
        return output / file_name(title, fmt, day or dt.date.today())
    if not output.suffix:
        return output.with_suffix("." + fmt)
    if output.suffix.lower() != "." + fmt:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "输出文件“{name}”的扩展名与格式不符，请以 .{fmt} 结尾。"),
            name=output.name,
            fmt=fmt,
        )
    return output


def record_full_export(
    store: LedgerStore, actor: str, what: str, *, output: str = "report"
) -> None:
    """Keeping personal data unmasked is always written to the audit log, in its own step."""
    with store.transaction():
        note_full_export(store, actor, output, what)


def export_report(
    store: LedgerStore,
    template: str,
    fmt: str,
    output: Path,
    *,
    batch_id: int | None = None,
    item_ids: Sequence[int] | None = None,
    mode: OutputMode = OutputMode.MASKED,
    today: dt.date | None = None,
    actor: str = "",
    audit: bool = True,
) -> ExportResult:
    """Build and write one report; the file appears whole or not at all.

    ``audit=False`` is for a caller that has already recorded a ``full`` export on the
    writable store (a background export reads through a read-only connection of its own).
    """
    started = time.perf_counter()
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "不支持“{fmt}”格式，请选择 pdf、docx 或 xlsx。"),
            fmt=fmt,
        )
    spec = get_template(store, template)
    report = build(store, spec, batch_id=batch_id, item_ids=item_ids, mode=mode, today=today)
    path = output_path(Path(output), fmt, report.title or spec.label, today)
    count = sum(len(t.rows) for t in report.tables())
    if mode is OutputMode.FULL and audit:
        record_full_export(
            store, actor or settings.actor(store),
            f"{spec.label} {FORMATS[fmt]} → {path.name}（完整个人信息）",
        )  # fmt: skip
    with atomic_path(path) as temporary:
        pages, fonts = write(report, fmt, temporary)
    fonts_used, missing, notes = describe_fonts(fonts)
    return ExportResult(
        path=path,
        template=spec.name,
        format=fmt,
        items=count,
        pages=pages,
        fonts_used=fonts_used,
        missing_chars=missing,
        font_notes=notes,
        mode=mode,
        seconds=time.perf_counter() - started,
    )


def describe_fonts(fonts: object) -> tuple[dict[str, str], str, list[str]]:
    """Fonts used, missing characters and Chinese notes from any writer's font answer."""
    from rectdesk.reports.fonts import FontPlan, role_font_line

    if isinstance(fonts, FontPlan):
        return fonts.fonts_used(), fonts.missing_chars(), fonts.describe()
    if isinstance(fonts, dict):
        used = {str(k): str(v) for k, v in fonts.items()}
        return used, "", [role_font_line(k, v) for k, v in used.items()]
    return {}, "", []


@dataclass(frozen=True)
class Preview:
    """A report rendered for the screen: the PDF bytes and what to warn about."""

    data: bytes
    pages: int
    font_notes: list[str]
    missing_chars: str
    warnings: list[str]
    #: For each role set in a stand-in for its official font, the warning that says so.
    fallbacks: dict[Role, str] = field(default_factory=dict)


def render_preview(report: Report) -> Preview:
    """The very PDF an export would write, in memory, with the pre-print check."""
    from rectdesk.reports.pdf import write_pdf
    from rectdesk.reports.pdf_check import check_layout

    buffer = io.BytesIO()
    result = write_pdf(report, buffer, strict=False)
    return Preview(
        data=buffer.getvalue(),
        pages=result.pages,
        font_notes=result.fonts.describe(),
        missing_chars=result.fonts.missing_chars(),
        warnings=check_layout(report, result.fonts),
        fallbacks={
            c.role: c.describe() for c in result.fonts.choices.values() if not c.official
        },
    )

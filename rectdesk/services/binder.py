"""The 销号 binder of an item or a batch: one PDF, or one .zip with an index.

Per item: the problem, measures, results, ledger entries, the close-off review, reuse
findings of the guard, and every evidence file (photos and PDFs in the PDF, the rest listed
with SHA-256). Texts and file names are masked like every output unless the full form is
chosen, which the audit log records; the evidence files themselves go as they are.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rectdesk.domain.deadlines import format_cn_date
from rectdesk.domain.errors import QT_TRANSLATE_NOOP, UserError
from rectdesk.domain.ledger import LedgerStore
from rectdesk.domain.model import Item
from rectdesk.domain.privacy import OutputMode, apply_mode
from rectdesk.domain.query import ItemQuery
from rectdesk.fileio import atomic_path, format_size
from rectdesk.reports.binder import BinderDoc, BinderFile, BinderItem, write_binder_pdf
from rectdesk.reports.layout import Align, Column, Paragraph, ParagraphStyle, Row, Table
from rectdesk.services import evidence_guard, settings
from rectdesk.store.evidence import ReviewBook

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
#: Items in one binder at most (a whole ledger is printed as a report, not a binder).
MAX_ITEMS = 2000


@dataclass(frozen=True)
class BinderOutput:
    """What a binder holds and where it went."""

    path: Path
    items: int
    files: int
    pages: int | None
    embedded: int
    listed: int
    flagged: int


def _items(store: LedgerStore, item_ids: list[int] | None, batch_id: int | None) -> list[Item]:
    if item_ids:
        found = store.items(ItemQuery(ids=tuple(item_ids)))
        if len(found) != len(set(item_ids)):
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "有的事项编号不存在，请用“items”查看后重新填写。")
            )
        by_id = {i.id: i for i in found}
        return [by_id[i] for i in dict.fromkeys(item_ids)]
    if batch_id is None:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "请指定事项（--item）或批次（--batch）。"))
    store.batch(batch_id)
    found = store.items(ItemQuery(batch_id=batch_id))
    if not found:
        raise UserError(QT_TRANSLATE_NOOP("Errors", "这个批次还没有事项，无法生成销号材料。"))
    return found


def _label(item: Item) -> str:
    return item.number or (f"第{item.seq}项" if item.seq else f"#{item.id}")


def build_binder(
    store: LedgerStore,
    *,
    item_ids: list[int] | None = None,
    batch_id: int | None = None,
    today: dt.date,
    mode: OutputMode = OutputMode.MASKED,
) -> BinderDoc:
    """Gather the binder's contents (texts masked unless ``mode`` is full)."""
    items = _items(store, item_ids, batch_id)
    if len(items) > MAX_ITEMS:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "一次最多汇编{count}条事项，请按批次或单位分开生成。"),
            count=MAX_ITEMS,
        )

    def m(text: str) -> str:
        return apply_mode(text, mode)

    check = evidence_guard.check(store, fresh=not store.readonly)
    flags = check.by_item
    reviews = ReviewBook(store).latest([i.id for i in items])
    doc_items = []
    for number, item in enumerate(items, start=1):
        blocks: list[Paragraph | Table] = []

        def field(label: str, text: str, blocks: list[Paragraph | Table] = blocks) -> None:
            if text.strip():
                blocks.append(Paragraph(f"{label}：{m(' '.join(text.split()))}"))

        field("问题", item.content)
        field("责任单位", "、".join(item.department_names))
        field("整改时限", item.deadline.text or (
            format_cn_date(item.deadline.date) if item.deadline.date else ""))  # fmt: skip
        state = item.status.label + (f"（{format_cn_date(item.closed_on)}）"
                                     if item.closed_on else "")  # fmt: skip
        field("完成情况", state)
        field("整改措施", item.measures)
        field("整改可检验成果", item.outcomes)
        review = reviews.get(item.id)
        if review is not None:
            applicant = review.applicant or "—"
            text = f"{format_cn_date(review.applied_on)}由{applicant}申请，{review.state.label}"
            if review.reviewer:
                text += f"；审核人{review.reviewer}"
            if review.reviewed_on:
                text += f"（{format_cn_date(review.reviewed_on)}）"
            if review.opinion:
                text += f"，审核意见：{review.opinion}"
            field("销号审核", text)
        for group in flags.get(item.id, []):
            said = evidence_guard.describe(group, document=True)
            blocks.append(Paragraph(m("【复用提示】" + said)))
        ledger = store.ledger(item.id)
        if ledger:
            blocks.append(Paragraph("台账记录", ParagraphStyle.HEADING2))
            blocks.append(Table(
                columns=[Column("on", "日期", 1.5, Align.CENTER),
                         Column("kind", "类别", 0.9, Align.CENTER),
                         Column("text", "内容", 5.0, Align.LEFT),
                         Column("author", "记录人", 1.0, Align.CENTER)],
                rows=[Row((format_cn_date(e.on), e.kind.label, m(e.text) or "—", m(e.author)))
                      for e in ledger],
                font_size=10.5, header_size=10.5,
            ))  # fmt: skip
        files = [
            BinderFile(
                name=m(a.name), sha256=a.sha256, size=a.size, path=_path(store, a.stored_path)
            )
            for a in store.attachments(item.id)
        ]
        if not files:
            blocks.append(Paragraph("佐证材料：无。"))
        content = " ".join(item.content.split())
        title = f"{number}. {_label(item)}　{content[:30]}{'…' if len(content) > 30 else ''}"
        doc_items.append(BinderItem(m(title), blocks, files))
    unit = str(settings.get(store, "unit_name"))
    flagged = sum(1 for i in items if i.id in flags)
    files_count = sum(len(i.files) for i in doc_items)
    subtitle = f"事项{len(items)}条　佐证材料{files_count}份"
    if batch_id is not None:
        subtitle = m(store.batch(batch_id).name) + "\n" + subtitle
    closing: list[Paragraph | Table] = []
    if flagged:
        closing.append(Paragraph(
            f"说明：{flagged}条事项的佐证材料与其他事项相同或近似（见各事项的“复用提示”），"
            "请在销号审核时逐项核实。"))  # fmt: skip
    return BinderDoc(
        title="销号佐证材料汇编",
        subtitle=subtitle,
        unit=m(unit),
        date_text=format_cn_date(today),
        items=doc_items,
        closing=closing,
        evidence_table=_evidence_table,
    )


def _path(store: LedgerStore, stored: str) -> Path | None:
    if store.path is None:
        return None
    path = (store.files_dir / stored).resolve()
    # A stored path that climbs out of the evidence folder is not followed.
    root = store.files_dir.resolve()
    return path if root in path.parents else None


def _evidence_table(item: BinderItem) -> Table:
    kinds = {"image": "图片", "pdf": "PDF", "other": "其他"}
    rows = []
    for k, f in enumerate(item.files, start=1):
        how = f"已收录，{f.placed}" if f.kind != "other" and f.placed else "仅列出"
        if f.note:
            how += f"（{f.note}）"
        rows.append(Row((str(k), f.name, kinds.get(f.kind, "其他"), format_size(f.size),
                         f.sha256, how)))  # fmt: skip
    return Table(
        columns=[
            Column("seq", "序号", 0.5, Align.CENTER), Column("name", "文件名", 2.0),
            Column("kind", "类型", 0.6, Align.CENTER), Column("size", "大小", 0.8, Align.CENTER),
            Column("sha", "SHA-256", 3.0), Column("how", "收录情况", 1.6),
        ],
        rows=rows, font_size=9.0, header_size=9.0,
    )  # fmt: skip


def write_binder(
    store: LedgerStore,
    output: Path,
    *,
    item_ids: list[int] | None = None,
    batch_id: int | None = None,
    today: dt.date | None = None,
    mode: OutputMode = OutputMode.MASKED,
    actor: str = "",
) -> BinderOutput:
    """Write the binder as .pdf or .zip (by the output's extension)."""
    output = Path(output)
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "zip"):
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "销号材料只能生成 .pdf 或 .zip 文件，请换一个文件名。")
        )
    day = today or dt.date.today()
    doc = build_binder(store, item_ids=item_ids, batch_id=batch_id, today=day, mode=mode)
    if mode is OutputMode.FULL:
        from rectdesk.services.reporting import record_full_export

        record_full_export(store, actor or settings.actor(store),
                           f"销号材料 → {output.name}（完整个人信息）")  # fmt: skip
    files = [f for item in doc.items for f in item.files]
    flagged = sum(1 for item in doc.items if any("【复用提示】" in b.text for b in item.blocks
                                                 if isinstance(b, Paragraph)))  # fmt: skip
    with atomic_path(output) as temporary:
        if fmt == "pdf":
            result = write_binder_pdf(doc, temporary)
            pages: int | None = result.pages
            embedded, listed = result.embedded_images + result.embedded_pdfs, result.listed
        else:
            pages, listed = None, _write_zip(doc, temporary)
            embedded = len(files) - listed
    return BinderOutput(output, len(doc.items), len(files), pages, embedded, listed, flagged)


def _write_zip(doc: BinderDoc, target: Path) -> int:
    """The files in one folder per item, and index.html listing everything with SHA-256."""
    missing = 0
    rows = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, item in enumerate(doc.items, start=1):
            folder = f"{number:03d}"
            rows.append(f"<h2>{html.escape(item.title)}</h2>")
            rows.extend(f"<p>{html.escape(b.text)}</p>" for b in item.blocks
                        if isinstance(b, Paragraph))  # fmt: skip
            rows.append("<table><tr><th>文件</th><th>大小</th><th>SHA-256</th></tr>")
            for k, f in enumerate(item.files, start=1):
                name = f"{folder}/{k:02d}-{_UNSAFE.sub('_', f.name)[:100]}"
                if f.path is not None and f.path.is_file():
                    archive.write(f.path, name)
                    link = f'<a href="{html.escape(name)}">{html.escape(f.name)}</a>'
                else:
                    missing += 1
                    link = html.escape(f.name) + "（文件缺失）"
                rows.append(f"<tr><td>{link}</td><td>{format_size(f.size)}</td>"
                            f"<td><code>{f.sha256}</code></td></tr>")  # fmt: skip
            rows.append("</table>")
        page = (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{html.escape(doc.title)}</title><style>body{{font-family:sans-serif}}"
            "table{border-collapse:collapse}td,th{border:1px solid #888;padding:2px 6px}"
            f"</style></head><body><h1>{html.escape(doc.title)}</h1>"
            f"<p>{html.escape(doc.subtitle)}　{html.escape(doc.unit)}　{doc.date_text}</p>"
            + "".join(rows)
            + "".join(f"<p>{html.escape(b.text)}</p>" for b in doc.closing
                      if isinstance(b, Paragraph))
            + "</body></html>"
        )  # fmt: skip
        archive.writestr("index.html", page)
    return missing

"""Messy workbooks in the layouts of the seed tables, with invented names and numbers."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

#: Seed 000's sections: (category, [(number, origin, content, unit, measures)]).
SEED_000: list[tuple[str, list[tuple[str, str, str, str, str]]]] = [
    ("反馈问题整改", [
        ("120200740100001", "甲市", "卫生健康委工作人员太少，建议增加人员。", "人事处",
         "非建设性建议。按照干部管理权限，由其自行负责。"),
        ("120200740100002", "乙区", "妇幼专项基金要明细，且要与相关文件同时下发。", "妇幼处",
         "每年下发项目实施方案，明确任务数和经费标准。"),
        ("120200740100003", "乙区", "财务培训太少，建议一年至少五、六次。", "财务处",
         "已初步拟定培训计划，6月份开展经济管理大讲堂。"),
    ]),
    ("本系统干部职工评议的意见建议", [
        ("0220200740200334", "丙市\n丁区", "应多听取基层意见建议。", "办公室",
         "加大到基层指导调研力度。"),
        ("0220200740200337", "戊县\n王某某13900001111", "项目、资金安排上多照顾重点县。",
         "财务处\n规划处", "1、统筹考虑重点县因素。\n2.优先安排有关项目。"),
    ]),
    ("热点难点工作的意见建议", [
        ("120200740400001", "甲市", "希望加大疫苗供应。", "疾控处", "加强与生产企业对接。"),
        ("120200740400002", "李女士13800002222", "加强入境人员核酸检测。", "疾控处",
         "做好重点人群应检尽检工作。"),
    ]),
]  # fmt: skip

SEED_001_HEADERS = [
    "序号", "主题", "意见建议编号", "整改内容", "整改部门", "整改措施", "整改可检验成果",
    "整改时限",
]  # fmt: skip

SEED_001: list[tuple[str, str, str, str, str, str, object]] = [
    ("本系统市县两级干部职工", "0220220630700418", "县级有工作任务却无机构编制人员。", "办公室",
     "1.开展管理体系调研梳理情况并通报。\n2.指导各地主动汇报工作。",
     "1.通报1次。\n2.专题汇报1次。", "2023年12月31日"),
    ("落实整改评价", "120220630600003", "希望对某医院中层以上领导的管理水平进行整顿。", "办公室",
     "1.5月底前完成调查工作。\n2.6月底前函告有关单位。", "将整改建议函告有关单位。",
     "2023年11月30日"),
    ("落实整改评价", "120220630600001", "解决民众反映问题，尽快落实房产证。", "办公室",
     "1.4月底前行文申请加快执行。", "分别行文申请。", dt.datetime(2023, 11, 30)),
    ("落实整改评价", "120220630600002", "希望能由院方出面解释或道歉。", "医政处、中医处",
     "督促医院加强医患沟通。", "医患沟通制度1份。", "6月底前"),
    ("本系统市县两级干部职工", "0220220630700415", "建议协调市县成立中医药管理局。", "办公室",
     "推动建立健全管理机构。", "挂牌成立机构。", "2024年底前，并长期坚持"),
]  # fmt: skip


def _box(ws: Worksheet, row: int, width: int, *, bold: bool = False) -> None:
    for col in range(1, width + 1):
        cell = ws.cell(row, col)
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if bold:
            cell.font = Font(bold=True)


def seed_000_workbook(path: Path) -> Path:
    """意见建议汇总表: count table with 合计, then a section per category with its own header."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "汇总表"
    ws.append(["自治区卫生健康委2020年度社会评价意见建议汇总表"])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["序号", "评议类型及对象", "数量（条）"])
    total = 0
    for i, (category, rows) in enumerate(SEED_000, 1):
        ws.append([i, category, len(rows)])
        total += len(rows)
    ws.append(["合计", None, total])
    ws.append([])
    ordinals = "一二三四五"
    for i, (category, rows) in enumerate(SEED_000):
        ws.append([f"{ordinals[i]}、{category}"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
        ws.append(["序号", "意见建议编号", "意见\n来源", "意见或建议内容", "责任处室", "整改措施"])
        _box(ws, ws.max_row, 6, bold=True)
        for seq, (number, origin, content, unit, measures) in enumerate(rows, 1):
            ws.append([seq, number, origin, content, unit, measures])
            _box(ws, ws.max_row, 6)
            ws.cell(ws.max_row, 2).number_format = "@"
        ws.append([])
    ws.append(["填报单位（盖章）：", None, "填报人：", None, "联系电话：0771-0000000"])
    book.save(path)
    return path


def seed_001_workbook(path: Path, *, rows: int | None = None, long_text: int = 0) -> Path:
    """整改工作方案: 附件 line, two title lines, eight columns; ``rows`` repeats the items."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "整改工作方案"
    ws.append(["附件"])
    ws.append(["自治区中医药局2022年度绩效考评"])
    ws.merge_cells("A2:H2")
    ws.append(["社会评价意见建议整改工作方案"])
    ws.merge_cells("A3:H3")
    ws.append(SEED_001_HEADERS)
    _box(ws, 4, 8, bold=True)
    count = rows if rows is not None else len(SEED_001)
    padding = "推进整改落实，" * (long_text // 7) if long_text else ""
    for i in range(count):
        topic, number, content, unit, measures, outcomes, deadline = SEED_001[i % len(SEED_001)]
        if rows is not None:
            number = f"{1202206306 + i // 100000:010d}{i % 100000:05d}"
            content = f"{content}（第{i + 1}条）"
        if padding:  # every row's long text its own, as in a real plan
            measures, outcomes = (
                f"{measures}（{i + 1}）{padding}",
                f"{outcomes}（{i + 1}）{padding}",
            )
        ws.append([i + 1, topic, number, content, unit, measures, outcomes, deadline])
        if rows is None:
            _box(ws, ws.max_row, 8)
    book.save(path)
    return path


def ledger_workbook(path: Path) -> Path:
    """A 整改台账 with a two-row merged header, vertical merges, 示例 row and progress columns."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "台账"
    ws.append(["县卫生健康局巡察反馈问题整改台账"])
    ws.merge_cells("A1:I1")
    ws.append(["填报日期：2024年3月5日"])
    ws.append(["序号", "问题描述", "责任单位", None, "整改时限", "整改进展", "完成情况",
               "是否销号", "销号日期"])  # fmt: skip
    ws.append([None, None, "牵头单位", "配合单位"])
    for col in "ABEFGHI":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("C3:D3")
    ws.append(["示例", "（示例）某问题", "某科室", None, "6月底前", None, None, None, None])
    ws.append(["（一）党的建设方面"])
    ws.merge_cells(start_row=6, start_column=1, end_row=6, end_column=9)
    ws.append([1, "学习制度落实不到位。", "办公室", "人事股", "6月底前", "已制定学习计划",
               "整改中", "否", None])  # fmt: skip
    ws.append([2, "会议记录不规范。", "办公室", None, "立行立改", "已规范", "已完成", "是",
               dt.datetime(2024, 2, 1)])  # fmt: skip
    ws.append(["（二）业务工作方面"])
    ws.merge_cells(start_row=9, start_column=1, end_row=9, end_column=9)
    ws.append([3, "基层培训次数不足。", "医政股", "基层股", "长期坚持", None, None, None, None])
    ws.append([4, "药品采购流程待完善。", None, None, "2024.12.31", None, None, None, None])
    ws.merge_cells("C10:C11")  # the same unit leads both rows
    ws.append(["审核人：", None, "联系电话："])
    book.save(path)
    return path


_INLINE = re.compile(
    r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>'
    r"(.*?)</t></is></c>",
    re.DOTALL,
)


_CHAR_REF = re.compile(r"&#([0-9]{3,6});")


def to_shared_strings(path: Path) -> Path:
    """Rewrite openpyxl's inline strings as a shared-string table, as Excel and WPS save."""
    source = zipfile.ZipFile(path)
    parts = {name: source.read(name) for name in source.namelist()}
    source.close()
    table: dict[str, int] = {}

    def shared(match: re.Match[str]) -> str:
        index = table.setdefault(match.group(3), len(table))
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"><v>{index}</v></c>'

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        # openpyxl writes &#NNNNN; for every Chinese character; Excel writes plain UTF-8.
        text = _CHAR_REF.sub(lambda m: chr(int(m.group(1))), parts[name].decode())
        parts[name] = _INLINE.sub(shared, text).encode()
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in table)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="{len(table)}" uniqueCount="{len(table)}">{items}</sst>'
    ).encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in parts.items():
            target.writestr(name, body)
    return path

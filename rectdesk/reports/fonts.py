"""Choose the official fonts or their closest installed equivalents, and check coverage."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk.domain.errors import UserError
from rectdesk.reports.fontfiles import FontFace, scan_faces
from rectdesk.reports.layout import Role

#: Official name → family names to try in order (the official one first, then equivalents).
FAMILIES: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": (
        "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05",
        "华文中宋", "STZhongsong", "宋体", "SimSun", "新宋体", "NSimSun", "AR PL UMing CN",
        "黑体", "SimHei",
    ),
    "仿宋_GB2312": (
        "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong",
        "宋体", "SimSun", "AR PL UMing CN",
    ),
    "黑体": (
        "黑体", "SimHei", "方正黑体简体", "方正黑体_GBK", "FZHei-B01S", "微软雅黑",
        "Microsoft YaHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    ),
    "楷体_GB2312": (
        "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti", "AR PL UKai CN",
    ),
    "宋体": ("宋体", "SimSun", "新宋体", "NSimSun", "AR PL UMing CN"),
}  # fmt: skip

#: The official font of every role.
OFFICIAL: dict[Role, str] = {
    Role.TITLE: "方正小标宋简体",
    Role.BODY: "仿宋_GB2312",
    Role.HEADING: "黑体",
    Role.KAI: "楷体_GB2312",
    Role.PAGE_NUMBER: "宋体",
    Role.ATTACHMENT: "黑体",
    Role.SUBTITLE: "楷体_GB2312",
    Role.TABLE_HEADER: "黑体",
    Role.SECTION: "黑体",
    Role.SIGNOFF: "仿宋_GB2312",
}

#: Role → (official name, family names to try in order).
PREFERENCES: dict[Role, tuple[str, tuple[str, ...]]] = {
    role: (name, FAMILIES[name]) for role, name in OFFICIAL.items()
}


def preferences(wanted: dict[Role, str] | None = None) -> dict[Role, tuple[str, tuple[str, ...]]]:
    """Each role's wanted font and the families to try, a template's choices applied."""
    found = dict(PREFERENCES)
    for role, name in (wanted or {}).items():
        if name in FAMILIES:
            found[role] = (name, FAMILIES[name])
    return found


#: Generic Chinese TrueType families, used when none of a role's preferences is installed.
GENERIC = (
    "AR PL UMing CN", "AR PL UMing", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    "Droid Sans Fallback", "Noto Sans SC", "Noto Serif SC",
)  # fmt: skip

ROLE_LABELS: dict[Role, str] = {
    Role.TITLE: "标题",
    Role.BODY: "正文和表格",
    Role.HEADING: "一级标题",
    Role.KAI: "二级标题",
    Role.PAGE_NUMBER: "页码",
    Role.ATTACHMENT: "附件标注",
    Role.SUBTITLE: "副标题",
    Role.TABLE_HEADER: "表头",
    Role.SECTION: "分组行和合计行",
    Role.SIGNOFF: "落款行",
}


@dataclass(frozen=True)
class FontChoice:
    """Which installed face a role is set in."""

    role: Role
    wanted: str
    face: FontFace

    @property
    def official(self) -> bool:
        return self.face.matches(self.wanted)

    @property
    def family(self) -> str:
        return self.face.name

    def describe(self) -> str:
        label = ROLE_LABELS[self.role]
        if self.official:
            return f"{label}：{self.wanted}"
        return f"{label}：{self.wanted} 未安装，改用 {self.family}"


@dataclass
class FontPlan:
    """The fonts of one report and the characters they cannot show."""

    choices: dict[Role, FontChoice]
    missing: dict[Role, str] = field(default_factory=dict)

    def family(self, role: Role) -> str:
        return self.choices[role].family

    def fonts_used(self) -> dict[str, str]:
        """Role label → family used (for ExportResult and the dialog)."""
        return {ROLE_LABELS[r]: c.family for r, c in self.choices.items()}

    def missing_chars(self) -> str:
        """Every character some font of the report lacks, in order."""
        seen: dict[str, None] = {}
        for chars in self.missing.values():
            seen.update(dict.fromkeys(chars))
        return "".join(seen)

    def describe(self) -> list[str]:
        """One Chinese line per role, then one per missing set."""
        lines = [c.describe() for c in self.choices.values()]
        for role, chars in self.missing.items():
            lines.append(f"{ROLE_LABELS[role]}字体缺少这些字，打印时会空白：{chars}")
        return lines


def _pick(faces: Sequence[FontFace], names: Iterable[str]) -> FontFace | None:
    for name in names:
        for face in faces:
            if face.truetype and face.matches(name):
                return face
    return None


def choose_fonts(
    faces: Sequence[FontFace] | None = None, wanted: dict[Role, str] | None = None
) -> dict[Role, FontChoice]:
    """The best installed TrueType face for every role; refuses plainly when there is none."""
    available = list(scan_faces() if faces is None else faces)
    fallback = _pick(available, GENERIC) or next((f for f in available if f.truetype), None)
    if fallback is None:
        raise UserError(
            "本机没有可嵌入 PDF 的中文 TrueType 字体（如宋体、仿宋、黑体），无法生成 PDF；"
            "请安装中文字体后重试，或改为导出 Word/Excel。"
        )
    choices: dict[Role, FontChoice] = {}
    for role, (name, names) in preferences(wanted).items():
        face = _pick(available, names) or fallback
        choices[role] = FontChoice(role, name, face)
    return choices


def nominal_families(wanted: dict[Role, str] | None = None) -> dict[Role, str]:
    """Font names to write into Word/Excel: the installed choice, else the official name."""
    try:
        return {role: choice.family for role, choice in choose_fonts(None, wanted).items()}
    except UserError:
        return {role: name for role, (name, _names) in preferences(wanted).items()}


@functools.lru_cache(maxsize=16)
def load_font(path: Path, index: int) -> tuple[str, frozenset[int]]:
    """Register a face with reportlab once; returns its name and the code points it covers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    digest = hashlib.sha1(f"{path}|{index}".encode()).hexdigest()[:10]
    name = f"RD{digest}"
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except (TTFError, OSError) as exc:
        raise UserError(
            f"字体文件“{path.name}”无法读取或不是 TrueType 字体，请换用其他中文字体。", str(exc)
        ) from exc
    pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph)


def plan_fonts(
    characters_by_role: dict[Role, set[str]],
    faces: Sequence[FontFace] | None = None,
    wanted: dict[Role, str] | None = None,
) -> FontPlan:
    """Choose fonts and check each role's characters against its font."""
    choices = choose_fonts(faces, wanted)
    plan = FontPlan(choices)
    for role, chars in characters_by_role.items():
        choice = choices[role]
        _name, covered = load_font(choice.face.path, choice.face.index)
        lacking = sorted(ch for ch in chars if ord(ch) not in covered and not ch.isspace())
        if lacking:
            plan.missing[role] = "".join(lacking)
    return plan

"""Choose the official fonts or their closest installed equivalents, and check coverage."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rectdesk.domain.errors import QT_TRANSLATE_NOOP, Message, UserError, localized
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

#: Each role's name (Chinese; shown in the interface language through the Errors context).
ROLE_LABELS: dict[Role, str] = {
    Role.TITLE: QT_TRANSLATE_NOOP("Errors", "标题"),
    Role.BODY: QT_TRANSLATE_NOOP("Errors", "正文和表格"),
    Role.HEADING: QT_TRANSLATE_NOOP("Errors", "一级标题"),
    Role.KAI: QT_TRANSLATE_NOOP("Errors", "二级标题"),
    Role.PAGE_NUMBER: QT_TRANSLATE_NOOP("Errors", "页码"),
    Role.ATTACHMENT: QT_TRANSLATE_NOOP("Errors", "附件标注"),
    Role.SUBTITLE: QT_TRANSLATE_NOOP("Errors", "副标题"),
    Role.TABLE_HEADER: QT_TRANSLATE_NOOP("Errors", "表头"),
    Role.SECTION: QT_TRANSLATE_NOOP("Errors", "分组行和合计行"),
    Role.SIGNOFF: QT_TRANSLATE_NOOP("Errors", "落款行"),
}


def role_font_line(label: str, font: str) -> str:
    """One line of a font list: a role (its Chinese label) and the font it is set in."""
    return localized(
        QT_TRANSLATE_NOOP("Errors", "{role}：{font}"),
        role=Message(label),
        font=font,
    )



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
        label = Message(ROLE_LABELS[self.role])
        if self.official:
            return role_font_line(ROLE_LABELS[self.role], self.wanted)
        return localized(
            QT_TRANSLATE_NOOP("Errors", "{role}：{font} 未安装，改用 {used}"),
            role=label,
            font=self.wanted,
            used=self.family,
        )


@dataclass
class FontPlan:
    """The fonts of one report and the characters they cannot show."""

    choices: dict[Role, FontChoice]
    missing: dict[Role, str] = field(default_factory=dict)
    #: Characters a role's font lacks, each drawn in another installed face that has it.
    stand_ins: dict[Role, dict[str, FontFace]] = field(default_factory=dict)

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
        """One line per role, then one per missing set (in the interface language)."""
        return [c.describe() for c in self.choices.values()] + self.gaps()

    def gaps(self) -> list[str]:
        """One line per set of characters a role's font lacks: drawn in another face, or blank."""
        lines: list[str] = []
        for role, found in self.stand_ins.items():
            by_face: dict[str, str] = {}
            for ch, face in found.items():
                by_face[face.name] = by_face.get(face.name, "") + ch
            for name, chars in by_face.items():
                shown = chars if len(chars) <= 20 else chars[:20] + "…"
                lines.append(
                    localized(
                        QT_TRANSLATE_NOOP("Errors", "{role}字体缺少“{chars}”，这些字改用 {font}"),
                        role=Message(ROLE_LABELS[role]),
                        chars=shown,
                        font=name,
                    )
                )
        for role, chars in self.missing.items():
            lines.append(
                localized(
                    QT_TRANSLATE_NOOP("Errors", "{role}字体缺少这些字，打印时会空白：{chars}"),
                    role=Message(ROLE_LABELS[role]),
                    chars=chars,
                )
            )
        return lines

    def refusal(self) -> Message:
        """The one sentence an export says when no installed font has some character."""
        chars = self.missing_chars()
        shown = chars if len(chars) <= 20 else chars[:20] + "…"
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors",
                "本机所有字体都没有“{chars}”这些字，PDF 中会印成空白，因此没有导出；"
                "请安装含这些字的中文字体（如宋体、仿宋）后再导出，或改为导出 Word/Excel。",
            ),
            chars=shown,
        )


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
    fallback = (
        _pick([f for f in available if f.chinese], GENERIC)
        or next((f for f in available if f.truetype and f.chinese), None)
        or _pick(available, GENERIC)
    )
    if fallback is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "本机没有可嵌入 PDF 的中文 TrueType 字体（如宋体、仿宋、黑体），无法生成 PDF；"
                "请安装中文字体后重试，或改为导出 Word/Excel。",
            )
        )
    choices: dict[Role, FontChoice] = {}
    for role, (name, names) in preferences(wanted).items():
        face = _pick(available, names) or fallback
        choices[role] = FontChoice(role, name, face)
    return choices


#: The Windows font that stands in for each official font where it is not installed (every
#: Windows PC has these); Word and WPS read it from the file's font table.
WINDOWS_FALLBACK: dict[str, str] = {
    "方正小标宋简体": "宋体",
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "黑体": "SimHei",
    "宋体": "SimSun",
}


def official_families(wanted: dict[Role, str] | None = None) -> dict[Role, str]:
    """The font each role names in Word and Excel files: the official one (or the template's
    choice), whatever this machine has — the file is read on the recipient's computer."""
    return {role: name for role, (name, _names) in preferences(wanted).items()}


@functools.lru_cache(maxsize=64)
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
            QT_TRANSLATE_NOOP(
                "Errors", "字体文件“{name}”无法读取或不是 TrueType 字体，请换用其他中文字体。"
            ),
            str(exc),
            name=path.name,
        ) from exc
    pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph)


def plan_fonts(
    characters_by_role: dict[Role, set[str]],
    faces: Sequence[FontFace] | None = None,
    wanted: dict[Role, str] | None = None,
) -> FontPlan:
    """Choose fonts and check each role's characters against its font.

    A character the role's font lacks is drawn in the first other installed face that has
    it (Chinese faces first, then Latin ones for digits and letters); what no face has is
    listed as missing.
    """
    choices = choose_fonts(faces, wanted)
    plan = FontPlan(choices)
    others: list[FontFace] | None = None
    for role, chars in characters_by_role.items():
        choice = choices[role]
        _name, covered = load_font(choice.face.path, choice.face.index)
        lacking = sorted(ch for ch in chars if ord(ch) not in covered and not ch.isspace())
        if not lacking:
            continue
        if others is None:
            others = _stand_in_faces(faces)
        found: dict[str, FontFace] = {}
        for ch in lacking:
            for face in others:
                if face == choice.face:
                    continue
                if ord(ch) in load_font(face.path, face.index)[1]:
                    found[ch] = face
                    break
        if found:
            plan.stand_ins[role] = found
        still = "".join(ch for ch in lacking if ch not in found)
        if still:
            plan.missing[role] = still
    return plan


def _stand_in_faces(faces: Sequence[FontFace] | None) -> list[FontFace]:
    """Installed TrueType faces to take a missing glyph from, Chinese ones first."""
    from rectdesk.reports.fontfiles import scan_other_faces

    chinese = list(scan_faces() if faces is None else faces)
    latin = list(scan_other_faces()) if faces is None else []
    ordered = [f for f in chinese if f.chinese] + [f for f in chinese if not f.chinese] + latin
    usable = []
    for face in ordered:
        if not face.truetype:
            continue
        try:
            load_font(face.path, face.index)
        except UserError:
            continue
        usable.append(face)
    return usable

"""Tests for splitting responsible-unit cells (rectdesk.domain.departments)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectdesk.domain.departments import UNIT_SUFFIXES, parse_departments, split_departments

# Every distinct 责任处室 cell of seed 000, with the units it names.
SEED_000_CELLS = [
    ("人事处", ["人事处"]),
    ("妇幼处", ["妇幼处"]),
    ("财务处", ["财务处"]),
    ("基层处", ["基层处"]),
    ("办公室", ["办公室"]),
    ("各处室", ["各处室"]),
    ("财务处\n规划处", ["财务处", "规划处"]),
    ("宣传处", ["宣传处"]),
    ("监督处\n医政医管处", ["监督处", "医政医管处"]),
    ("财务处\n体改处\n医政医管处", ["财务处", "体改处", "医政医管处"]),
    ("机关党委", ["机关党委"]),
    ("疾控处", ["疾控处"]),
]


@pytest.mark.parametrize(("cell", "names"), SEED_000_CELLS)
def test_seed_cells(cell: str, names: list[str]) -> None:
    """Seed cells split at line breaks, no unit marked lead."""
    assert split_departments(cell) == names
    assert parse_departments(cell) == [(name, False) for name in names]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("", []),
        ("   \n ", []),
        ("医政医管处", ["医政医管处"]),
        ("计划生育协会", ["计划生育协会"]),
        ("各处室", ["各处室"]),
        ("财务处\r\n规划处\r科教处", ["财务处", "规划处", "科教处"]),
        (
            "财务处、规划处，科教处,人事处；宣传处;监督处/疾控处",
            [
                "财务处",
                "规划处",
                "科教处",
                "人事处",
                "宣传处",
                "监督处",
                "疾控处",
            ],
        ),
        ("财务处 规划处\u3000科教处", ["财务处", "规划处", "科教处"]),
        ("\u00a0医政处\u00a0\u3000", ["医政处"]),
        ("医政处\u200b、科教处", ["医政处", "科教处"]),
        ("医政处、\n、医政处；科教处、", ["医政处", "科教处"]),
        # Conjunctions split only between two whole unit names.
        ("医政处和科教处", ["医政处", "科教处"]),
        ("监督处与医政医管处及科教处", ["监督处", "医政医管处", "科教处"]),
        ("办公室以及人事处", ["办公室", "人事处"]),
        ("疾控中心和卫生监督所", ["疾控中心", "卫生监督所"]),
        ("疾控处及各县（区）卫健局", ["疾控处", "各县（区）卫健局"]),
        ("妇幼与社区卫生处", ["妇幼与社区卫生处"]),
        ("人口监测与家庭发展处", ["人口监测与家庭发展处"]),
        ("老龄健康和职业健康处", ["老龄健康和职业健康处"]),
        # Brackets that are not role markers belong to the name.
        ("自治区中医药局（医政处、科教处）", ["自治区中医药局（医政处、科教处）"]),
        ("医政处（牵头", ["医政处（牵头"]),
        ("医政处（牵头\n科教处）", ["医政处（牵头", "科教处）"]),
        ("财务处、规划处等", ["财务处", "规划处"]),
    ],
)
def test_split(cell: str, names: list[str]) -> None:
    """Cells split at separators and conjunctions, trimmed and without repeats."""
    assert split_departments(cell) == names


@pytest.mark.parametrize(
    ("cell", "parsed"),
    [
        ("医政处（牵头）、科教处", [("医政处", True), ("科教处", False)]),
        ("科教处、医政处(牵头)", [("科教处", False), ("医政处", True)]),
        ("医政处 （ 牵头 ）\u3000科教处", [("医政处", True), ("科教处", False)]),
        ("医政处（牵头）科教处", [("医政处", True), ("科教处", False)]),
        ("医政处和科教处（牵头）", [("医政处", False), ("科教处", True)]),
        ("医政处（牵头单位）/科教处（配合）", [("医政处", True), ("科教处", False)]),
        ("牵头：疾控处", [("疾控处", True)]),
        ("牵头：疾控处 配合：宣传处", [("疾控处", True), ("宣传处", False)]),
        (
            "牵头单位：医政医管处；配合单位：科教处、财务处",
            [("医政医管处", True), ("科教处", False), ("财务处", False)],
        ),
        ("牵头处室: 医政处\n配合处室: 科教处", [("医政处", True), ("科教处", False)]),
        ("责任单位：医政处、科教处", [("医政处", False), ("科教处", False)]),
        ("医政医管处牵头，科教处配合", [("医政医管处", True), ("科教处", False)]),
        ("医政处 牵头 科教处", [("医政处", True), ("科教处", False)]),
        ("医政处、医政处（牵头）", [("医政处", True)]),
        ("牵头", []),
        ("（牵头）", []),
    ],
)
def test_parse_lead_markers(cell: str, parsed: list[tuple[str, bool]]) -> None:
    """Lead markers are stripped from names and reported beside them."""
    assert parse_departments(cell) == parsed
    assert split_departments(cell) == [name for name, _ in parsed]


_NAMES = st.sampled_from(
    [
        "医政医管处",
        "科教处",
        "办公室",
        "疾控中心",
        "计划生育协会",
        "机关党委",
        "各处室",
        "卫生监督所",
    ]
)
_GLUE = st.sampled_from(
    ["\n", "、", "，", ",", "；", ";", "/", " ", "\u3000", "\u00a0", "和", "及", "与", "以及",
     "（牵头）", "(牵头)", "牵头：", "配合单位：", "等", "（", "）", "：", "\r\n"]
)  # fmt: skip
_CELLS = st.one_of(
    st.text(),
    st.lists(st.one_of(_NAMES, _GLUE, st.text(max_size=2)), max_size=10).map("".join),
)


@settings(max_examples=400)
@given(_CELLS)
def test_names_are_never_empty(cell: str) -> None:
    """Names are non-empty, trimmed, single-line and distinct; parsing never raises."""
    parsed = parse_departments(cell)
    names = [name for name, _ in parsed]
    assert all(name and name == name.strip() and "\n" not in name for name in names)
    assert len(set(names)) == len(names)
    assert split_departments(cell) == names


@given(st.lists(_NAMES, min_size=1, max_size=6), st.sampled_from(["\n", "、", "；", " ", "和"]))
def test_joined_names_split_back(names: list[str], separator: str) -> None:
    """Known unit names joined by any separator come back in order, once each."""
    expected = list(dict.fromkeys(names))
    assert split_departments(separator.join(names)) == expected


def test_suffixes_cover_seed_units() -> None:
    """Every unit of seed 000 ends in a known suffix, so conjunctions can split it."""
    for _, names in SEED_000_CELLS:
        assert all(name.endswith(UNIT_SUFFIXES) for name in names)

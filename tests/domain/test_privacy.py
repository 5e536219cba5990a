"""Tests for finding and masking phone and ID numbers (rectdesk.domain.privacy)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectdesk.domain.privacy import (
    DEFAULT_OUTPUT_MODE,
    OutputMode,
    PersonalDatum,
    apply_mode,
    contains_personal_data,
    find_personal_data,
    mask_text,
)

# Every 意见来源 cell of seed 000 that holds a phone number, with its masked form.
SEED_000_ORIGINS = [
    ("贺州市富川瑶族自治县\n宋启成13978476053", "贺州市富川瑶族自治县\n宋启成139****6053"),
    ("南宁市\n陈志军15978170808", "南宁市\n陈志军159****0808"),
    ("龙胜县\n石先生13877351962", "龙胜县\n石先生138****1962"),
    ("龙胜县乐江乡凉坪村周胜友13878351458", "龙胜县乐江乡凉坪村周胜友138****1458"),
    ("龙胜县马堤乡马堤村\n侯发贵13877850568", "龙胜县马堤乡马堤村\n侯发贵138****0568"),
    ("龙胜县乐江乡金坪村\n侯万政15877013367", "龙胜县乐江乡金坪村\n侯万政158****3367"),
    ("瞿女士13481011435", "瞿女士134****1435"),
]

# Every 意见建议编号 of seed 000: text that looks numeric but is never personal data.
SEED_000_NUMBERS = [
    "120200740100001",
    "120200740100002",
    "120200740100003",
    "120200740100004",
    "0220200740200334",
    "0220200740200335",
    "0220200740200336",
    "0220200740200337",
    "0220200740300701",
    "0220200740300702",
    "0220200740300703",
    "0220200740300704",
    "120200740500001",
    "120200740500002",
    "120200740500004",
    "120200740500005",
    "120200740500006",
    "120200740500007",
    "120200740500008",
    "120200740400001",
    "120200740400002",
]

# Seed 000 origin cells without a phone, and other numeric text from the seeds.
NOT_PERSONAL = [
    "崇左市",
    "柳州市\n柳北区",
    "龙胜县马堤乡马堤村",
    "中医药人才队伍项目2023年预算资金安排13295万元，较2022年预算资金安排10553万元增长23.98%。",
    "我们已于2020年12月23日将2021年第一批补助资金分配明细表下发各市",
    "2021-2022年，开展评价",
    "每个村至少发1000-2000个口罩",
    "金额12345678元",
    "共计87654321人次",
    "hotel 7654321",
    "编号：0220200740200334、0220200740200335",
    "139784760531",
    "1139784760531",
    "23978476053",
    "12978476053",
    "450102199013011234",
    "450102199002301234",
    "000102199001011234",
    "990102199001011234",
    "",
]


@pytest.mark.parametrize(("origin", "masked"), SEED_000_ORIGINS)
def test_seed_origins_are_masked(origin: str, masked: str) -> None:
    """Each seed phone is found once as a mobile and masked to 139****6053 form."""
    found = find_personal_data(origin)
    assert [d.kind for d in found] == ["mobile"]
    assert origin[found[0].start : found[0].end] == found[0].text
    assert re.fullmatch(r"1[3-9][0-9]{9}", found[0].text)
    assert mask_text(origin) == masked
    assert contains_personal_data(origin)
    assert not contains_personal_data(masked)


@pytest.mark.parametrize("number", SEED_000_NUMBERS)
def test_seed_numbers_are_not_personal(number: str) -> None:
    """The 15–16 digit 意见建议编号 are never taken for a phone or ID."""
    assert find_personal_data(number) == []
    assert find_personal_data(f"编号{number}号") == []
    assert mask_text(number) == number


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_not_personal(text: str) -> None:
    """Amounts, dates, long digit runs and impossible IDs are left alone."""
    assert find_personal_data(text) == []
    assert not contains_personal_data(text)
    assert mask_text(text) == text


@pytest.mark.parametrize(
    ("text", "kind", "found", "masked"),
    [
        # Mobiles, in every way clerks write them.
        ("13978476053", "mobile", "13978476053", "139****6053"),
        ("宋启成13978476053", "mobile", "13978476053", "宋启成139****6053"),
        ("电话：139 7847 6053。", "mobile", "139 7847 6053", "电话：139****6053。"),
        ("139-7847-6053", "mobile", "139-7847-6053", "139****6053"),
        ("139 7847-6053", "mobile", "139 7847-6053", "139****6053"),
        ("+86 139 7847 6053", "mobile", "+86 139 7847 6053", "+86 139****6053"),
        ("+8613978476053", "mobile", "+8613978476053", "+86139****6053"),
        ("8613978476053", "mobile", "8613978476053", "86139****6053"),
        ("86-139-7847-6053", "mobile", "86-139-7847-6053", "86-139****6053"),
        ("（+86）13978476053", "mobile", "（+86）13978476053", "(+86)139****6053"),
        ("手机１３９７８４７６０５３", "mobile", "１３９７８４７６０５３", "手机139****6053"),
        ("Tel13978476053", "mobile", "13978476053", "Tel139****6053"),
        ("1.13978476053", "mobile", "13978476053", "1.139****6053"),
        ("联系人19912345678。", "mobile", "19912345678", "联系人199****5678。"),
        # Landlines with an area code need no keyword.
        ("0771-1234567", "landline", "0771-1234567", "0771-****567"),
        ("(0771)1234567", "landline", "(0771)1234567", "(0771)****567"),
        ("（0771）1234567", "landline", "（0771）1234567", "(0771)****567"),
        ("0771 12345678", "landline", "0771 12345678", "0771 ****5678"),
        ("010-12345678", "landline", "010-12345678", "010-****5678"),
        ("０７７１－２３４５６７８", "landline", "０７７１－２３４５６７８", "0771-****678"),
        ("办公室0771-5812345转", "landline", "0771-5812345", "办公室0771-****345转"),
        # Bare local numbers only after a phone keyword.
        ("电话：1234567", "landline", "1234567", "电话：****567"),
        ("联系电话 87654321", "landline", "87654321", "联系电话 ****4321"),
        ("Tel: 7654321", "landline", "7654321", "Tel: ****321"),
        ("TEL.2345678", "landline", "2345678", "TEL.****678"),
        ("座机5812345", "landline", "5812345", "座机****345"),
        ("电话：07715812345", "landline", "07715812345", "电话：0771****345"),
        # Resident IDs, 18 and 15 digits.
        ("450102199001011234", "id_card", "450102199001011234", "450102********1234"),
        (
            "身份证45010219900101123X号",
            "id_card",
            "45010219900101123X",
            "身份证450102********123X号",
        ),
        ("45010220120229123x", "id_card", "45010220120229123x", "450102********123x"),
        ("450102900101123", "id_card", "450102900101123", "450102*****1123"),
    ],
)
def test_detect_and_mask(text: str, kind: str, found: str, masked: str) -> None:
    """Each form is found with its exact span and masked as documented."""
    data = find_personal_data(text)
    assert len(data) == 1
    datum = data[0]
    assert (datum.kind, datum.text) == (kind, found)
    assert text[datum.start : datum.end] == found
    assert mask_text(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # A phone followed by more digits after a separator is still a phone: masking a
        # number that only looks like one costs a glance, leaking one costs a citizen.
        ("13978476053.5", "139****6053.5"),
        ("139 7847 6053 1", "139****6053 1"),
    ],
)
def test_phone_beside_other_digits_is_masked(text: str, masked: str) -> None:
    assert mask_text(text) == masked


def test_several_data_in_one_text() -> None:
    """All numbers in a text are found in order and masked independently."""
    text = "宋启成13978476053，座机0771-1234567，身份证450102199001011234。"
    data = find_personal_data(text)
    assert [d.kind for d in data] == ["mobile", "landline", "id_card"]
    assert data[0] == PersonalDatum("mobile", 3, 14, "13978476053")
    assert mask_text(text) == "宋启成139****6053，座机0771-****567，身份证450102********1234。"
    # A space after a mobile does not make the next number part of it.
    assert mask_text("13978476053 0771-1234567") == "139****6053 0771-****567"


def test_output_modes() -> None:
    """FULL keeps text, the other modes mask it; labels are the Chinese names."""
    text = "陈志军15978170808"
    assert apply_mode(text, OutputMode.FULL) == text
    assert apply_mode(text, OutputMode.MASKED) == "陈志军159****0808"
    assert apply_mode(text, OutputMode.PUBLISH) == "陈志军159****0808"
    assert DEFAULT_OUTPUT_MODE is OutputMode.MASKED
    assert [m.label for m in OutputMode] == ["公开发布", "脱敏（默认）", "完整（仅内部使用）"]
    assert [m.drops_origin for m in OutputMode] == [True, False, False]
    assert OutputMode("masked") is OutputMode.MASKED


# Text built from pieces that look like parts of phone numbers, so that hypothesis
# explores the boundaries (separators, prefixes, keywords, long digit runs).
_PIECES = st.sampled_from(
    ["1", "3", "9", "0", "13978476053", "0771", "-", " ", "+86", "86", "(", ")", "（", "）",
     "电话", "：", ".", "X", "１３９", "７８４７", "6053", "宋启成", "\u3000", "450102",
     "19900101", "123"]
)  # fmt: skip
_PHONEY_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=12).map("".join)
_ANY_TEXT = st.one_of(st.text(), _PHONEY_TEXT)


@settings(max_examples=400)
@given(_ANY_TEXT)
def test_mask_never_lengthens(text: str) -> None:
    """Masking keeps or shortens text: mobiles lose only separators, the rest keep length."""
    assert len(mask_text(text)) <= len(text)


@settings(max_examples=400)
@given(_ANY_TEXT)
def test_masked_text_has_no_mobile(text: str) -> None:
    """No mobile number can be found again once a text is masked."""
    masked = mask_text(text)
    assert [d for d in find_personal_data(masked) if d.kind == "mobile"] == []
    assert mask_text(masked) == masked


@settings(max_examples=400)
@given(_ANY_TEXT)
def test_data_are_consistent(text: str) -> None:
    """Spans are ordered, disjoint and match the text; detection never raises."""
    data = find_personal_data(text)
    previous_end = 0
    for datum in data:
        assert previous_end <= datum.start < datum.end <= len(text)
        assert text[datum.start : datum.end] == datum.text
        assert datum.kind in {"mobile", "landline", "id_card"}
        previous_end = datum.end
    assert contains_personal_data(text) == bool(data)
    assert apply_mode(text, OutputMode.FULL) == text


@given(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.sampled_from(["", "宋启成", "电话：", "联系人 ", "\n"]),
    st.sampled_from(["", "。", "\n", "，座机", " 先生"]),
)
def test_any_mobile_is_masked(number: str, before: str, after: str) -> None:
    """Every well-formed mobile is masked to its first 3 and last 4 digits."""
    assert mask_text(before + number + after) == before + number[:3] + "****" + number[-4:] + after


@given(st.from_regex(r"[0-9]{12,20}", fullmatch=True))
def test_long_digit_runs_hold_no_phone(digits: str) -> None:
    """No phone is ever cut out of a longer run of digits."""
    kinds = {d.kind for d in find_personal_data(f"编号{digits}号")}
    assert kinds <= {"id_card"}

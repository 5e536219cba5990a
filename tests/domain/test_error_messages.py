"""Messages below the window: a Chinese template, named values, the translator installed."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectdesk.domain import errors
from rectdesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    Label,
    Listing,
    Message,
    StoreEmptyError,
    StoreLockedError,
    TransitionError,
    UserError,
    install_translator,
    localized,
)
from rectdesk.domain.model import Status
from rectdesk.domain.status import check_change

MISSING = "找不到编号为 {item_id} 的事项，可能已被删除。"
ENGLISH = {
    ("Errors", MISSING): "No item {item_id}; it may have been deleted.",
    ("Errors", "“{name}”不是日期。"): "“{name}” is not a date.",
    ("Errors", "需要 {wanted}。"): "{unknown} is needed.",
    ("Errors", "、"): ", ",
    ("Labels", "已销号"): "Closed",
    ("Labels", "整改中"): "In progress",
}


def _english(context: str, text: str) -> str:
    return ENGLISH.get((context, text), text)


@pytest.fixture
def english() -> Iterator[None]:
    install_translator(_english)
    yield
    install_translator(None)


def test_the_noop_marker_returns_its_text() -> None:
    assert QT_TRANSLATE_NOOP("Errors", "原文") == "原文"


def test_without_a_translator_the_message_is_the_chinese_template_filled_in() -> None:
    exc = UserError(QT_TRANSLATE_NOOP("Errors", MISSING), item_id=7)
    assert exc.message == "找不到编号为 7 的事项，可能已被删除。"
    assert str(exc) == exc.message
    assert exc.template == MISSING
    assert exc.values == {"item_id": 7}


def test_with_a_translator_the_message_is_translated_then_filled_in(english: None) -> None:
    exc = UserError(MISSING, "detail for the log", item_id=7)
    assert exc.message == "No item 7; it may have been deleted."
    assert str(exc) == exc.message
    assert exc.detail == "detail for the log"


def test_the_language_is_chosen_when_the_message_is_read() -> None:
    exc = UserError(MISSING, item_id=3)
    install_translator(_english)
    try:
        assert exc.message.startswith("No item 3")
    finally:
        install_translator(None)
    assert exc.message.startswith("找不到编号为 3")


@given(st.text())
def test_any_value_is_shown_as_it_is(value: str) -> None:
    """Braces, {0}, {name!r} or %s in a clerk's text are values, never part of the template."""
    assert UserError("“{name}”不是日期。", name=value).message == f"“{value}”不是日期。"


@pytest.mark.parametrize("value", ["{}", "{0}", "{name}", "{{", "}", "{0.__class__}", "%s"])
def test_braces_in_values_do_not_break_the_message(english: None, value: str) -> None:
    assert UserError("“{name}”不是日期。", name=value).message == f"“{value}” is not a date."


def test_a_plain_message_keeps_its_braces() -> None:
    """A message written whole (no values) is shown exactly, braces and all."""
    assert UserError("文件“{a}.xlsx”无法打开。").message == "文件“{a}.xlsx”无法打开。"


def test_a_translation_naming_a_value_the_message_lacks_falls_back_to_chinese(
    english: None,
) -> None:
    assert UserError("需要 {wanted}。", wanted="x").message == "需要 x。"


def test_a_template_naming_a_value_not_given_shows_the_template_rather_than_failing() -> None:
    assert UserError("需要 {wanted}。", other=1).message == "需要 {wanted}。"


def test_labels_and_listings_are_shown_in_the_interface_language(english: None) -> None:
    text = localized("从“{old}”可改为：{allowed}。", old=Label("已销号"),
                     allowed=Listing([Label("整改中"), Label("自定义单位")]))  # fmt: skip
    assert text == "从“Closed”可改为：In progress, 自定义单位。"
    install_translator(None)
    assert localized("{allowed}", allowed=Listing([Label("整改中"), 3])) == "整改中、3"


def test_a_refused_status_change_names_its_statuses_in_the_interface_language() -> None:
    with pytest.raises(TransitionError) as raised:
        check_change(Status.CLOSED, Status.PENDING)
    assert raised.value.message == "不能把状态从“已销号”直接改为“未启动”，可改为：整改中。"
    install_translator(_english)
    try:
        # No English for the template here: the Chinese sentence, its labels translated.
        assert raised.value.message == "不能把状态从“Closed”直接改为“未启动”，可改为：In progress。"
    finally:
        install_translator(None)


@pytest.mark.parametrize("kind", [UserError, StoreLockedError, StoreEmptyError, TransitionError])
def test_errors_survive_copy_and_pickle(kind: type[UserError]) -> None:
    exc = kind(MISSING, "why", item_id=9)
    for again in (copy.copy(exc), pickle.loads(pickle.dumps(exc))):
        assert type(again) is kind
        assert (again.message, again.detail, again.values) == (exc.message, "why", {"item_id": 9})


def test_subclasses_are_still_user_errors() -> None:
    with pytest.raises(UserError, match="正由另一个程序写入"):
        raise StoreLockedError("数据文件正由另一个程序写入。")
    assert isinstance(StoreEmptyError("空"), errors.StoreDamagedError)


def test_a_translator_that_returns_nothing_leaves_the_chinese() -> None:
    install_translator(lambda context, text: "")
    try:
        assert localized("需要 {wanted}。", wanted=1) == "需要 1。"
    finally:
        install_translator(None)


def test_a_message_made_elsewhere_is_translated_inside_the_one_raised(english: None) -> None:
    reason = Message("“{name}”不是日期。", name="{0}")
    assert str(reason) == "“{0}” is not a date."
    outer = UserError("需要 {wanted}。", wanted=reason)
    install_translator(None)
    assert outer.message == "需要 “{0}”不是日期。。"


def test_a_message_as_the_whole_of_an_error_keeps_its_values() -> None:
    exc = StoreLockedError(Message(MISSING, item_id=4), "why")
    assert (exc.template, exc.values, exc.detail) == (MISSING, {"item_id": 4}, "why")
    again = pickle.loads(pickle.dumps(Message(MISSING, item_id=4)))
    assert again == Message(MISSING, item_id=4) and str(again) == exc.message

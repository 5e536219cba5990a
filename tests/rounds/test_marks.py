"""Row and file marks: sealed with the store's secret, refused when changed in any part."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from rectdesk.domain.model import Role
from rectdesk.domain.rounds import (
    FileMark,
    RowMark,
    digest,
    file_token,
    looks_like_token,
    read_file_token,
    read_row_token,
    row_token,
    same_number,
)

SECRET = bytes(range(32))
OTHER = bytes(range(1, 33))

marks = st.builds(
    RowMark,
    st.integers(1, 10**6),
    st.integers(1, 999),
    st.integers(1, 10**9),
    st.integers(1, 10**6),
    st.sampled_from(list(Role)),
)


@given(marks)
def test_a_row_mark_reads_back(mark: RowMark) -> None:
    token = row_token(SECRET, mark)
    assert looks_like_token(token)
    assert read_row_token(SECRET, token) == mark
    assert read_row_token(SECRET, f"  {token}\n") == mark  # a re-save may pad it


@given(marks, st.data())
def test_any_changed_character_breaks_the_seal(mark: RowMark, data: st.DataObject) -> None:
    token = row_token(SECRET, mark)
    place = data.draw(st.integers(0, len(token) - 1))
    replacement = data.draw(st.sampled_from(string.ascii_uppercase + string.digits + "."))
    changed = token[:place] + replacement + token[place + 1 :]
    if changed != token:
        assert read_row_token(SECRET, changed) is None


@given(marks)
def test_another_store_or_another_item_is_refused(mark: RowMark) -> None:
    token = row_token(SECRET, mark)
    assert read_row_token(OTHER, token) is None
    # The item, round or unit typed over by hand, the seal kept: refused.
    parts = token.split(".")
    for index in (1, 2, 3, 4):
        forged = parts.copy()
        forged[index] = str(int(parts[index]) + 1)
        assert read_row_token(SECRET, ".".join(forged)) is None
    forged = parts.copy()
    forged[5] = "A" if parts[5] == "L" else "L"  # 配合 made 牵头
    assert read_row_token(SECRET, ".".join(forged)) is None


def test_file_marks_and_row_marks_do_not_stand_in_for_each_other() -> None:
    whole = file_token(SECRET, FileMark(3, 2, 7))
    assert read_file_token(SECRET, whole) == FileMark(3, 2, 7)
    assert read_row_token(SECRET, whole) is None
    row = row_token(SECRET, RowMark(3, 2, 10, 7, Role.LEAD))
    assert read_file_token(SECRET, row) is None
    assert read_file_token(OTHER, whole) is None


def test_fingerprints_ignore_spacing_and_numbers_their_lost_zero() -> None:
    assert digest("整改 措施\n1.") == digest("整改措施 1.")
    assert digest("整改措施") != digest("整改措旋")
    assert same_number("0220200740200334", "220200740200334")
    assert not same_number("0220200740200334", "0220200740200335")
    assert not same_number("", "")

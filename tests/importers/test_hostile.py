"""Hostile files: one plain Chinese sentence naming the file, exit 1, nothing written, bounded."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import hostile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectdesk.cli import main
from rectdesk.domain.errors import UserError
from rectdesk.importers.readers import ImportCancelled, read_workbook
from rectdesk.services import importing
from rectdesk.store import Store

#: Seconds and megabytes any one hostile file may cost.
TIME_LIMIT = 10.0
MEMORY_LIMIT_MB = 200


@pytest.mark.parametrize(
    ("name", "filename", "make", "readable"), hostile.CORPUS, ids=[c[0] for c in hostile.CORPUS]
)
def test_hostile_file(
    name: str,
    filename: str,
    make: object,
    readable: bool,
    tmp_path: Path,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / filename
    path.write_bytes(make())  # type: ignore[operator]
    tracemalloc.start()
    started = time.perf_counter()
    code = main(["--db", str(db_path), "import", str(path)])
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out, err = capsys.readouterr()
    assert elapsed < TIME_LIMIT
    assert peak < MEMORY_LIMIT_MB * 1024 * 1024
    with Store.open(db_path) as store:
        batches = store.batches()
    if readable:
        assert code == 0, err
        assert len(batches) == 1 and batches[0].item_count >= 1
    else:
        assert code == 1, (out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and filename in lines[0] and "Traceback" not in err
        assert out == ""  # nothing on stdout: a --json reader sees no stray text
        assert batches == []
        assert not (db_path.parent / (db_path.stem + "-files")).exists()


def test_megabyte_cells_are_cut_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "大.xlsx"
    path.write_bytes(dict((c[0], c[2]) for c in hostile.CORPUS)["megabyte cells"]())
    parsed = importing.read_file(path)
    assert all(len(r.draft.content) <= 32767 for r in parsed.rows)
    assert any("截断" in note for note in parsed.notes)


def test_absurd_dimensions_read_only_what_is_there(tmp_path: Path) -> None:
    path = tmp_path / "维度.xlsx"
    path.write_bytes(dict((c[0], c[2]) for c in hostile.CORPUS)["absurd dimensions"]())
    parsed = importing.read_file(path)
    assert len(parsed.rows) == 20


def test_formulas_are_not_evaluated(tmp_path: Path) -> None:
    path = tmp_path / "外链.xlsx"
    path.write_bytes(dict((c[0], c[2]) for c in hostile.CORPUS)["formulas and external links"]())
    rows = importing.read_file(path).rows
    assert [r.draft.remarks for r in rows] == ["", ""]


def test_reading_can_be_cancelled(tmp_path: Path) -> None:
    path = tmp_path / "大表.xlsx"
    path.write_bytes(hostile.valid_xlsx(2000))
    seen: list[int] = []
    with pytest.raises(ImportCancelled):
        read_workbook(path, progress=seen.append, cancelled=lambda: bool(seen))
    assert seen == [500]


# -- fuzzing: a short budget here; tests/benchmarks/fuzz_import.py runs for minutes ----------

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SEED = hostile.valid_xlsx(5)


def read_or_refuse(path: Path) -> None:
    """The only acceptable outcomes: a parsed file, or a UserError naming the file."""
    try:
        importing.read_file(path)
    except UserError as exc:
        assert path.name in exc.message


@FUZZ
@given(data=st.binary(max_size=4096))
def test_fuzz_random_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(data)
    read_or_refuse(path)


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), max_size=8))
def test_fuzz_mutated_workbook(tmp_path: Path, edits: list[tuple[int, int]]) -> None:
    data = bytearray(SEED)
    for position, value in edits:
        data[position] = value
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(data))
    read_or_refuse(path)


@FUZZ
@given(sheet=st.text(max_size=2000))
def test_fuzz_sheet_xml(tmp_path: Path, sheet: str) -> None:
    source = zipfile.ZipFile(io.BytesIO(SEED))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = sheet.encode("utf-8", "surrogatepass")
            target.writestr(info.filename, body)
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(out.getvalue())
    read_or_refuse(path)


@FUZZ
@given(
    text=st.text(alphabet=st.sampled_from('问题描述责任单位,"\n\r\t编号0123456789'), max_size=500)
)
def test_fuzz_csv_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(text.encode("utf-8"))
    read_or_refuse(path)

"""Every row of an Excel table is tall enough for LibreOffice with this machine's fonts.

Excel never grows a row whose height a file sets, so a row written too short prints with
its last line cut off. The rows are sized for the tallest font that stands in for 仿宋_GB2312
(Noto Sans CJK on most Linux desktops); LibreOffice itself says how tall it needs each row
(``lo_rows.py``, run with LibreOffice's own Python). Where Noto Sans CJK is installed this is
the strictest check there is; at 12 pt LibreOffice sets its lines 1.49 em apart, and the
summary's tallest rows lost the bottom of their last line while rows were sized at 1.45 em.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from rectdesk.reports import xlsx
from rectdesk.reports.templates import BUILTINS
from rectdesk.services.reporting import export_report
from rectdesk.store import Store

SYSTEM_PYTHON = "/usr/bin/python3"
CHECKER = Path(__file__).with_name("lo_rows.py")


def _has_uno() -> bool:
    if shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not _has_uno(), reason="LibreOffice with its Python (python3-uno) not installed"
    ),
]


def _check(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SYSTEM_PYTHON, str(CHECKER), *map(str, paths)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def _export_all(store: Store, folder: Path) -> list[Path]:
    paths = []
    batches = [None, *(b.id for b in store.batches())]
    for template in BUILTINS:
        for batch in batches:
            path = folder / f"{template}-{batch or 'all'}.xlsx"
            export_report(store, template, "xlsx", path, batch_id=batch,
                          today=dt.date(2026, 12, 5), audit=False)  # fmt: skip
            paths.append(path)
    return paths


def test_no_row_of_any_template_is_cut(demo_store: Store, tmp_path: Path) -> None:
    paths = _export_all(demo_store, tmp_path)
    result = _check(paths)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"checked {len(paths)} files, 0 rows cut" in result.stdout


def test_the_check_finds_rows_sized_too_short(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows sized at 1.2 em (a Windows font's pitch): LibreOffice needs the tall ones taller.
    monkeypatch.setattr(xlsx, "line_pitch", lambda size: size * 1.2)
    path = tmp_path / "plan.xlsx"
    export_report(demo_store, "plan", "xlsx", path, today=dt.date(2026, 12, 5), audit=False)
    result = _check([path])
    assert result.returncode == 1
    cut = [line.split() for line in result.stdout.splitlines() if line.startswith(str(path))]
    assert cut and all(float(needed) > float(written) for _f, _r, written, needed in cut)

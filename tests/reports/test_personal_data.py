"""Every template in every format and every mode: personal data absent or masked (issue 6)."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PLANTED_ID, PLANTED_MOBILE, font_faces, plant_personal_data
from readback import all_xml, pdf_pages, squash

from rectdesk.domain.privacy import ID_CARD, MOBILE, OutputMode, find_personal_data
from rectdesk.reports import fonts
from rectdesk.reports.fontfiles import FontFace
from rectdesk.reports.layout import CONFIDENTIAL_MARK
from rectdesk.reports.templates import BUILTINS
from rectdesk.services.demo import load_demo
from rectdesk.services.reporting import FORMATS, export_report
from rectdesk.store import Store

TODAY = dt.date(2023, 11, 20)
#: Numbers a citizen gave: two in the demo's origins, two planted by the fixture.
KNOWN = ("13978476053", "15978170808", PLANTED_MOBILE, PLANTED_ID)


def output_text(path: Path) -> list[str]:
    """The visible text of an export, one string per page (PDF) or per part."""
    if path.suffix == ".pdf":
        return pdf_pages(path)
    return [html.unescape(re.sub(r"<[^>]+>", "\n", all_xml(path)))]


def leaks(texts: list[str]) -> list[str]:
    """Mobile and ID numbers found, whole or broken over lines."""
    found = [
        d.text
        for text in texts
        for line in text.splitlines()
        for d in find_personal_data(line)
        if d.kind in (MOBILE, ID_CARD)
    ]
    joined = squash("".join(texts))
    found += [number for number in KNOWN if number in joined]
    return found


@pytest.fixture(scope="module")
def exports(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[tuple[str, str, OutputMode], list[str]]]:
    """Every template x format x mode, exported once for the whole module."""
    faces = font_faces()
    if not faces:
        pytest.skip("需要中文 TrueType 字体 fonts-wqy-zenhei（python3 tests/run_all.py 会安装）")
    folder = tmp_path_factory.mktemp("exports")
    produced = {}
    with pytest.MonkeyPatch.context() as patch, Store.open(folder / "ledger.sqlite3") as store:
        patch.setattr(fonts, "scan_faces", lambda dirs=None: tuple(faces))
        load_demo(store, actor="测试")
        plant_personal_data(store)
        for template in BUILTINS:
            for fmt in FORMATS:
                for mode in OutputMode:
                    path = folder / f"{template}-{mode.value}.{fmt}"
                    export_report(store, template, fmt, path, mode=mode, today=TODAY, actor="测试")
                    produced[(template, fmt, mode)] = output_text(path)
    yield produced


def test_masked_and_publish_outputs_hold_no_phone_or_id(
    exports: dict[tuple[str, str, OutputMode], list[str]],
) -> None:
    found = {key: leaks(texts) for key, texts in exports.items() if key[2] is not OutputMode.FULL}
    assert len(found) == len(BUILTINS) * len(FORMATS) * 2
    assert {key: numbers for key, numbers in found.items() if numbers} == {}


def test_the_scan_finds_numbers_in_full_mode(
    exports: dict[tuple[str, str, OutputMode], list[str]],
) -> None:
    # The same scan must see the numbers when they are kept, or it proves nothing above.
    for fmt in FORMATS:
        found = leaks(exports[("summary", fmt, OutputMode.FULL)])
        assert "13978476053" in found and PLANTED_ID in found, fmt
        assert PLANTED_ID in leaks(exports[("plan", fmt, OutputMode.FULL)]), fmt


def test_masked_keeps_the_unmasked_part(
    exports: dict[tuple[str, str, OutputMode], list[str]],
) -> None:
    for fmt in FORMATS:
        text = squash("".join(exports[("summary", fmt, OutputMode.MASKED)]))
        assert "139****6053" in text, fmt
        assert "宋启成" in text, fmt


def test_publish_drops_the_origin_column(
    exports: dict[tuple[str, str, OutputMode], list[str]],
) -> None:
    for fmt in FORMATS:
        masked = squash("".join(exports[("summary", fmt, OutputMode.MASKED)]))
        published = squash("".join(exports[("summary", fmt, OutputMode.PUBLISH)]))
        assert "意见来源" in masked, fmt
        assert "意见来源" not in published, fmt
        assert "宋启成" not in published, fmt


def test_full_pages_carry_the_confidential_mark(
    exports: dict[tuple[str, str, OutputMode], list[str]],
) -> None:
    mark = squash(CONFIDENTIAL_MARK)
    for template in BUILTINS:
        pages = exports[(template, "pdf", OutputMode.FULL)]
        assert all(mark in squash(page) for page in pages), template
        assert not any(mark in squash(p) for p in exports[(template, "pdf", OutputMode.MASKED)])
        for fmt in ("docx", "xlsx"):
            assert mark in squash(exports[(template, fmt, OutputMode.FULL)][0]), (template, fmt)
            assert mark not in squash(exports[(template, fmt, OutputMode.MASKED)][0])


def test_full_exports_are_audited(
    report_store: Store, font_env: list[FontFace], tmp_path: Path
) -> None:
    before = [e for e in report_store.audit_log() if e.action == "export_full"]
    export_report(report_store, "plan", "pdf", tmp_path / "a.pdf", mode=OutputMode.MASKED)
    export_report(report_store, "plan", "xlsx", tmp_path / "b.xlsx", mode=OutputMode.FULL,
                  actor="王五")  # fmt: skip
    after = [e for e in report_store.audit_log() if e.action == "export_full"]
    assert len(after) == len(before) + 1
    assert after[0].actor == "王五" and "b.xlsx" in after[0].new

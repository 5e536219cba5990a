"""Fixtures for the importer tests: the seed-layout workbooks, built fresh in each test folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import samples


@pytest.fixture
def seed_000(tmp_path: Path) -> Path:
    return samples.seed_000_workbook(tmp_path / "意见建议汇总表.xlsx")


@pytest.fixture
def seed_001(tmp_path: Path) -> Path:
    return samples.seed_001_workbook(tmp_path / "整改工作方案.xlsx")


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return samples.ledger_workbook(tmp_path / "整改台账.xlsx")

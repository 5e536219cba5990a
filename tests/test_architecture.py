"""Imports point one way: app -> ui -> services -> store/importers/reports -> domain."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "rectdesk"

#: Layer -> module prefixes it must never import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("PySide6", "shiboken6", "sqlite3", "sqlite_utils", "rectdesk.store",
               "rectdesk.services", "rectdesk.ui", "rectdesk.app", "rectdesk.importers",
               "rectdesk.reports"),
    "store": ("PySide6", "shiboken6", "rectdesk.services", "rectdesk.ui", "rectdesk.app",
              "rectdesk.importers", "rectdesk.reports"),
    "importers": ("PySide6", "shiboken6", "sqlite3", "sqlite_utils", "rectdesk.ui", "rectdesk.app"),
    "reports": ("PySide6", "shiboken6", "sqlite3", "sqlite_utils", "rectdesk.ui", "rectdesk.app"),
    "services": ("PySide6", "shiboken6", "rectdesk.ui"),
    "cli": ("PySide6", "shiboken6", "rectdesk.ui"),
    "ui": ("sqlite3", "sqlite_utils"),
}  # fmt: skip


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _files(layer: str) -> list[Path]:
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    files = _files(layer)
    assert files, f"layer {layer} has no modules"
    offences = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in files
        for module in sorted(imported_modules(path))
        if any(module == bad or module.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert offences == []


def test_the_checker_itself_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from PySide6.QtCore import Qt\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_sql_only_in_store() -> None:
    """Outside store/, no module runs SQL text of its own."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        text = path.read_text(encoding="utf-8")
        if ".execute(" in text and ("SELECT " in text or "INSERT " in text or "UPDATE " in text):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []

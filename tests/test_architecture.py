"""The layers keep to their doors: the window and the command line reach the ledger only
through the LedgerStore protocol and the services, never through a store implementation, and
never open a transaction of their own; services know nothing of the programs above them."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rectdesk"

#: Packages no layer below the window may import.
QT = ("PySide6", "shiboken6")
#: Those of the SQLite engine.
SQLITE = ("sqlite3", "sqlite_utils")
#: The programs on top, which start the window or the command line.
PROGRAMS = ("rectdesk.app", "rectdesk.ui", "rectdesk.cli")

#: For each layer, the modules it must never import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "ui": ("rectdesk.store", "rectdesk.app", "rectdesk.cli", *SQLITE),
    "cli": ("rectdesk.store", "rectdesk.ui", *QT),
    "services": (*PROGRAMS, *QT),
    "store": ("rectdesk.services", "rectdesk.importers", "rectdesk.reports", *PROGRAMS, *QT),
    "domain": ("rectdesk.store", "rectdesk.services", "rectdesk.reports", "rectdesk.importers",
               *PROGRAMS, *QT, *SQLITE),
    "reports": ("rectdesk.store", "rectdesk.services", *PROGRAMS, *QT, *SQLITE),
    "importers": ("rectdesk.store", "rectdesk.services", *PROGRAMS, *QT, *SQLITE),
}  # fmt: skip

#: Layers that write only through the services.
NO_TRANSACTIONS = ("ui", "cli")


@dataclass(frozen=True)
class Breach:
    where: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.what}"


def imported_modules(tree: ast.AST, module: str) -> list[tuple[int, str]]:
    """(line, module) for every import in the tree, relative imports resolved, including
    imports inside functions and under TYPE_CHECKING."""
    found: list[tuple[int, str]] = []
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            # "from rectdesk import store" imports the package named by the alias
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return found


def breaches(source: str, module: str, layer: str) -> list[Breach]:
    """What a module of ``layer`` does that its layer must not."""
    tree = ast.parse(source)
    found: list[Breach] = []
    for line, name in imported_modules(tree, module):
        for banned in FORBIDDEN.get(layer, ()):
            if name == banned or name.startswith(banned + "."):
                found.append(Breach(module, line, f"imports {name}"))
    if layer in NO_TRANSACTIONS:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"transaction", "atomic"}
            ):
                found.append(Breach(module, node.lineno, "opens a transaction"))
    return found


def modules() -> list[tuple[Path, str, str]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        layer = parts[1] if len(parts) > 2 else ""
        out.append((path, ".".join(parts), layer))
    return out


def test_every_layer_keeps_to_its_doors() -> None:
    found = [
        str(b) for path, module, layer in modules()
        for b in breaches(path.read_text(encoding="utf-8"), module, layer)
    ]  # fmt: skip
    assert found == []


def test_every_layer_is_known() -> None:
    layers = {layer for _path, _module, layer in modules() if layer}
    assert {"ui", "cli", "services", "store", "domain"} <= layers
    assert layers - set(FORBIDDEN) <= {"app"}  # app starts the window: it may import all


@pytest.mark.parametrize(
    ("source", "layer", "what"),
    [
        ("from rectdesk.store import Store", "ui", "imports rectdesk.store"),
        ("from rectdesk import store", "cli", "imports rectdesk.store"),
        ("import rectdesk.store.backup as b", "ui", "imports rectdesk.store.backup"),
        ("def f():\n    from rectdesk.store.lock import StoreLock", "cli",
         "imports rectdesk.store.lock"),
        ("from ..store import Store", "ui", "imports rectdesk.store"),
        ("from rectdesk.app.context import AppContext", "services", "imports rectdesk.app.context"),
        ("from rectdesk.app.paths import data_dir", "ui", "imports rectdesk.app.paths"),
        ("def f(s):\n    with s.transaction():\n        pass", "ui", "opens a transaction"),
        ("def f(ctx):\n    with ctx.store.db.atomic():\n        pass", "cli",
         "opens a transaction"),
        ("from PySide6.QtCore import Qt", "services", "imports PySide6.QtCore"),
        ("import sqlite3", "domain", "imports sqlite3"),
    ],
)  # fmt: skip
def test_each_kind_of_breach_is_caught(source: str, layer: str, what: str) -> None:
    found = breaches(source, f"rectdesk.{layer}.example", layer)
    assert [b.what for b in found][:1] == [what]


def test_what_is_allowed_passes() -> None:
    source = (
        "from rectdesk.domain.ledger import LedgerStore\n"
        "from rectdesk.services import settings\n"
        "from rectdesk.services.ledger import open_ledger\n"
        "def f(s):\n    settings.save(s, {})\n"
    )
    assert breaches(source, "rectdesk.ui.example", "ui") == []
    assert breaches("from rectdesk.store import Store", "rectdesk.services.x", "services") == []


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

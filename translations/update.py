"""Refresh the translation files: ``python3 translations/update.py [--check]``.

The source language of the interface is Chinese (``self.tr("…")`` in rectdesk/ui and rectdesk/app,
``QT_TRANSLATE_NOOP("Errors", "…")`` for the messages raised or written below the window);
``rectdesk_en.ts`` holds the English texts. This script runs ``pyside6-lupdate`` over every Python
file that can show text, keeping the translations already written and dropping obsolete ones, then
compiles ``rectdesk_en.qm`` with ``pyside6-lrelease``. With ``--check`` it changes nothing and
exits 1 when a string is new, a translation is missing, or the ``.qm`` is out of date.
``--missing FILE`` writes the untranslated sources as a JSON object (source → ""), and
``--fill FILE`` takes such an object with the English texts filled in.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TS = HERE / "rectdesk_en.ts"
QM = HERE / "rectdesk_en.qm"
#: Folders and modules whose text reaches the clerk: the window, and the messages of the layers
#: below it (the command line speaks Chinese and is left out).
SOURCE_DIRS = (
    "rectdesk/ui",
    "rectdesk/app",
    "rectdesk/domain",
    "rectdesk/services",
    "rectdesk/store",
    "rectdesk/importers",
    "rectdesk/reports",
    "rectdesk/fileio.py",
)


def sources() -> list[Path]:
    """The Python files scanned for translatable strings, in a stable order."""
    found: set[Path] = set()
    for name in SOURCE_DIRS:
        path = ROOT / name
        found.update(path.rglob("*.py") if path.is_dir() else [path])
    return sorted(found)


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def lupdate(target: Path) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    command = [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *files]
    subprocess.run([*command, "-ts", str(target)], cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation, or None when unfinished or empty."""
    result: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            done = (
                translation is not None
                and translation.get("type") not in ("unfinished", "obsolete", "vanished")
                and (translation.text or "").strip()
            )
            result[(name, source)] = translation.text if done and translation is not None else None
    return result


def problems() -> list[str]:
    """What is out of date, as lines for a person to read."""
    found: list[str] = []
    if not TS.exists() or not QM.exists():
        return [f"{TS.name} or {QM.name} is missing"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / TS.name
        shutil.copy(TS, fresh)
        lupdate(fresh)
        current, committed = messages(fresh), messages(TS)
        for key in sorted(current.keys() - committed.keys()):
            found.append(f"new string not in {TS.name}: {key[0]}: {key[1]!r}")
        for key in sorted(committed.keys() - current.keys()):
            found.append(f"obsolete string in {TS.name}: {key[0]}: {key[1]!r}")
        for key, text in sorted(committed.items()):
            if text is None:
                found.append(f"no English translation: {key[0]}: {key[1]!r}")
        qm = Path(tmp) / QM.name
        lrelease(TS, qm)
        if qm.read_bytes() != QM.read_bytes():
            found.append(f"{QM.name} is not compiled from the current {TS.name}")
    return found


def fill(texts: dict[str, str]) -> int:
    """Write the given English texts into the .ts for every unfinished source; returns how many."""
    tree = ET.parse(TS)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        english = texts.get(source, "").strip()
        if translation is None or not english or translation.get("type") != "unfinished":
            continue
        translation.text = english
        del translation.attrib["type"]
        count += 1
    ET.indent(tree)
    text = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", "utf-8")
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("--missing", type=Path, help="write untranslated sources to this JSON")
    parser.add_argument("--fill", type=Path, help="take English texts from this JSON")
    args = parser.parse_args()
    if args.missing:
        missing = sorted({k[1] for k, v in messages(TS).items() if v is None})
        args.missing.write_text(
            json.dumps(dict.fromkeys(missing, ""), ensure_ascii=False, indent=1), "utf-8"
        )
        print(f"{len(missing)} untranslated sources written to {args.missing}")
        return 0
    if args.fill:
        print(f"{fill(json.loads(args.fill.read_text('utf-8')))} translations filled in")
    if args.check:
        lines = problems()
        print("\n".join(lines) or "translations are up to date")
        return 1 if lines else 0
    lupdate(TS)
    lrelease(TS, QM)
    missing = [k for k, v in messages(TS).items() if v is None]
    print(f"{TS.name}: {len(messages(TS))} strings, {len(missing)} without translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())

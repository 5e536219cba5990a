"""Every installer carries every run-time dependency the project declares, at a version the
declaration accepts: a library added to pyproject.toml and not to installer/requirements-*.txt
would leave the installed program without it."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement

tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later

ROOT = Path(__file__).resolve().parent.parent.parent
PIN_FILES = sorted((ROOT / "installer").glob("requirements-*.txt"))
#: Declared distributions the installers take from another wheel: before Qt 6.12 QtPdf is in
#: PySide6-Addons (only QtPdf is taken from it).
STAND_INS = {"pyside6-pdf": "pyside6-addons"}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """name -> exact version of every ``name==version`` line (hash lines and comments skipped)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", line)
        if match:
            found[_normal(match.group(1))] = match.group(2)
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in project["dependencies"]]


def extra_requirements(requirement: Requirement) -> list[Requirement]:
    """What the requirement's extras add (read from the distribution installed here)."""
    added = []
    for extra in requirement.extras:
        for text in importlib.metadata.requires(requirement.name) or []:
            needed = Requirement(text)
            # Only what the extra adds: the marker names it and holds for it.
            marker = needed.marker
            if marker is not None and "extra" in str(marker) and marker.evaluate({"extra": extra}):
                added.append(needed)
    return added


def test_pin_reader_sees_plain_and_hashed_lines(tmp_path: Path) -> None:
    sample = tmp_path / "requirements-x.txt"
    sample.write_text(
        "# ImageHash==1.0 in a comment\nPySide6_Essentials==6.9.3\n"
        "psycopg-binary==3.3.9 \\\n    --hash=sha256:" + "a" * 64 + "\n",
        encoding="utf-8",
    )
    assert pins(sample) == {"pyside6-essentials": "6.9.3", "psycopg-binary": "3.3.9"}


def test_an_extra_brings_its_own_distributions() -> None:
    pytest.importorskip("psycopg")
    added = extra_requirements(Requirement("psycopg[binary]>=3.1"))
    assert [_normal(r.name) for r in added] == ["psycopg-binary"]
    assert extra_requirements(Requirement("psycopg>=3.1")) == []


def test_there_are_three_installers() -> None:
    assert [p.name for p in PIN_FILES] == [
        "requirements-linux-aarch64.txt", "requirements-linux-x86_64.txt",
        "requirements-windows.txt",
    ]  # fmt: skip


@pytest.mark.parametrize("pin_file", PIN_FILES, ids=lambda p: p.stem)
def test_every_declared_dependency_is_pinned_at_an_accepted_version(pin_file: Path) -> None:
    pinned = pins(pin_file)
    wanted = [r for r in declared() if r.marker is None or r.marker.evaluate()]
    wanted += [extra for r in wanted for extra in extra_requirements(r)]
    missing, refused = [], []
    for requirement in wanted:
        name = _normal(requirement.name)
        if name in STAND_INS:
            if STAND_INS[name] not in pinned:
                missing.append(f"{requirement} (as {STAND_INS[name]})")
            continue
        if name not in pinned:
            missing.append(str(requirement))
        elif not requirement.specifier.contains(pinned[name], prereleases=True):
            refused.append(f"{name}=={pinned[name]} (declared {requirement})")
    assert not missing, f"{pin_file.name} lacks {missing}"
    assert not refused, f"{pin_file.name} pins versions pyproject.toml refuses: {refused}"

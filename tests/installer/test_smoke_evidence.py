"""The installed package's compiled libraries are proven through rectdesk-cli (the .deb smoke):
the same steps run here against the development tree, and their checks refuse wrong answers."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLER = ROOT / "installer"
if str(INSTALLER) not in sys.path:
    sys.path.insert(0, str(INSTALLER))

import smoke_evidence as evidence  # noqa: E402


def test_the_photos_are_new_bytes_of_the_same_picture(tmp_path: Path) -> None:
    """Not one file twice (that would be found by its SHA-256, without the perceptual hash),
    yet one picture to the program's hash; and no plain colour, which the guard skips."""
    from rectdesk.domain.evidence import NEAR_BITS, hamming
    from rectdesk.services.evidence_guard import image_hash

    hashes = []
    for name, data in evidence.photos().items():
        (tmp_path / name).write_bytes(data)
        value, note = image_hash(tmp_path / name)
        assert value is not None, note
        hashes.append(value)
    first, again = evidence.photos().values()
    assert hashlib.sha256(first).digest() != hashlib.sha256(again).digest()
    assert hamming(*hashes) <= NEAR_BITS


def test_the_steps_pass_with_the_program_of_this_tree(tmp_path: Path) -> None:
    """What the .deb smoke runs as the clerk, run with the development tree's rectdesk-cli."""
    for name, data in evidence.photos().items():
        (tmp_path / name).write_bytes(data)
    db = str(tmp_path / "示例.sqlite3")
    env = {**os.environ, "RECTDESK_DB": db, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    python = shlex.quote(sys.executable)
    subprocess.run([sys.executable, "-m", "rectdesk.cli", "--db", db, "demo"], env=env,
                   check=True, capture_output=True, timeout=300)  # fmt: skip

    def cli(arguments: str) -> str:
        return f"{python} -m rectdesk.cli {arguments}"

    notes = []
    for name, script, check in evidence.steps(cli, db, str(tmp_path)):
        done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True,
                              timeout=300, check=False)  # fmt: skip
        assert done.returncode == 0, f"{name}: {done.stdout[-500:]} {done.stderr[-1500:]}"
        if check is not None:
            notes.append(check(done.stdout + done.stderr))
    assert len(notes) == 3
    assert (tmp_path / "销号 材料.pdf").read_bytes().startswith(b"%PDF")


def _answer(**fields: object) -> str:
    return "注意：一行说明\n" + json.dumps(fields, ensure_ascii=False, indent=1)


@pytest.mark.parametrize(
    "groups",
    [
        [],
        [{"kind": "same_file", "items": [1, 2], "distance": 0}],
        [{"kind": "similar_image", "items": [1, 3], "distance": 2}],
    ],
)
def test_reuse_check_refuses_an_answer_without_the_two_photos(groups: list[object]) -> None:
    with pytest.raises(evidence.EvidenceCheckFailed):
        evidence.similar_photos(_answer(groups=groups))


def test_reuse_check_takes_the_two_photos_in_any_order() -> None:
    answer = _answer(groups=[{"kind": "similar_image", "items": [2, 1], "distance": 3}])
    assert "distance 3" in evidence.similar_photos(answer)


@pytest.mark.parametrize(
    "fields", [{"embedded": 1, "listed": 1, "pages": 9}, {"embedded": 2, "listed": 0, "pages": 0}]
)
def test_binder_check_wants_both_files_inside(fields: dict[str, int]) -> None:
    with pytest.raises(evidence.EvidenceCheckFailed):
        evidence.binder_embedded(_answer(**fields))


@pytest.mark.parametrize(
    "fields",
    [
        # Counted as if 1–8 October were working days: the calendar was not there.
        {"deadline": "2025-10-24", "missing_years": []},
        {"deadline": evidence.DEADLINE_DUE, "missing_years": [2025]},
    ],
)
def test_deadline_check_wants_the_holiday_skipped(fields: dict[str, object]) -> None:
    with pytest.raises(evidence.EvidenceCheckFailed):
        evidence.deadline_counted(_answer(**fields))


@pytest.mark.parametrize("output", ["", "Traceback (most recent call last): ...", "{broken"])
def test_an_answer_that_is_not_json_fails(output: str) -> None:
    with pytest.raises(evidence.EvidenceCheckFailed):
        evidence.similar_photos(output)

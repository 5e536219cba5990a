"""A long randomized exercise of the real window, to find crashes no scripted test replays.

    python3 tests/stress/gui_exercise.py --minutes 10 [--display :58] [--seed 1]

Needs an X server (``Xvfb :58 -screen 0 1366x768x24 &``); without ``--display`` the
offscreen platform is used. The exercise runs one child process after another, each a
real window (the real thread pool, backups, translators, the system's Qt file dialog) on a
store of its own with the sample data, driven for ``--child-seconds`` by synthesized mouse
and keyboard events chosen at random from a seed: the import wizard's back, next, cancel
and 浏览 on good, broken, missing and large files; dialogs opened and closed fast; popup
menus; imports while the table repaints; the model reset during scrolling; undo and redo;
edits in the detail panel; sorting, searching, filtering, resizing. Children alternate
between Chinese and English.

Each child runs with faulthandler on, writes a journal of its actions, and has a watchdog
that dumps every thread's stack if the GUI thread stops for HANG_SECONDS. A child that dies
by a signal is a crash: its fault report and its last actions are kept in the report folder,
with the seed that replays it (``--seed S --children 1``). Python errors that reach the
excepthook are counted by their traceback. The summary states the minutes run, the number
of children and actions, crashes, hangs and distinct Python errors; the exit status is 1
when any crash, hang or Python error was found.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
#: The GUI thread may stay away this long before the watchdog dumps the stacks and ends it.
HANG_SECONDS = 60


# -- the parent: runs children, collects what they found ---------------------------------


def prepare(folder: Path) -> dict[str, str]:
    """A store with the sample data and the files the wizard is given, made once."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "importers"))
    import samples  # type: ignore[import-not-found]

    from rectdesk.services.demo import load_demo
    from rectdesk.store import Store

    files = folder / "files"
    files.mkdir(parents=True)
    made = {
        "small": samples.seed_001_workbook(files / "整改方案.xlsx"),
        "summary": samples.seed_000_workbook(files / "意见建议汇总.xlsx"),
        "ledger": samples.ledger_workbook(files / "台账.xlsx"),
        "large": samples.seed_001_workbook(files / "大表.xlsx", rows=4000),
    }
    broken = files / "坏文件.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    made["broken"] = broken
    made["missing"] = files / "不存在.xlsx"
    made["text"] = files / "说明.txt"
    made["text"].write_text("这不是表格\n", encoding="utf-8")
    template = folder / "template.sqlite3"
    store = Store.open(template)
    try:
        load_demo(store, actor="演练")
    finally:
        store.close()
    (template.parent / (template.name + ".lock")).unlink(missing_ok=True)
    return {key: str(path) for key, path in made.items()} | {"template": str(template)}


def run_child(
    seed: int, seconds: int, lang: str, work: Path, files: dict[str, str], display: str | None
) -> dict[str, Any]:
    """One window, driven for ``seconds``; what became of it."""
    folder = work / f"child-{seed}"
    folder.mkdir()
    db = folder / "ledger.sqlite3"
    shutil.copy(files["template"], db)
    env = dict(os.environ)
    env.update(
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_STATE_HOME=str(folder / "state"),
        RECTDESK_LOG_DIR=str(folder / "logs"),
        HOME=str(folder / "home"),
    )
    (folder / "home").mkdir()
    if display:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--seed", str(seed),
               "--child-seconds", str(seconds), "--lang", lang, "--folder", str(folder),
               "--files", json.dumps(files)]  # fmt: skip
    started = time.monotonic()
    with (folder / "stderr.txt").open("w", encoding="utf-8") as stderr:
        # Run in its own folder: a relative path typed into a dialog lands there, not here.
        child = subprocess.Popen(
            command, env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=stderr
        )
        try:
            code = child.wait(timeout=seconds + HANG_SECONDS + 120)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGABRT)  # faulthandler dumps the stacks
            code = child.wait(timeout=60)
    stats_file = folder / "stats.json"
    stats = json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}
    return {
        "seed": seed,
        "lang": lang,
        "code": code,
        "seconds": round(time.monotonic() - started, 1),
        "actions": stats.get("actions", _journal_length(folder)),
        "errors": stats.get("errors", []),
        "drift": stats.get("drift", {}),
        "guarded": stats.get("guarded", False),
        "hung": "Timeout (0:" in _read(folder / "faults.txt"),
        "folder": str(folder),
    }


def _journal_length(folder: Path) -> int:
    journal = folder / "journal.txt"
    return len(journal.read_text("utf-8").splitlines()) if journal.exists() else 0


def _read(path: Path) -> str:
    return path.read_text("utf-8", errors="replace") if path.exists() else ""


def parent(args: argparse.Namespace) -> int:
    """Run children until the minutes are used up; print and keep what they found."""
    work = Path(tempfile.mkdtemp(prefix="rectdesk-exercise-"))
    report = Path(args.report) if args.report else work / "report"
    report.mkdir(parents=True, exist_ok=True)
    files = prepare(work / "shared")
    began = time.monotonic()
    budget = args.minutes * 60
    seed = args.seed
    results: list[dict[str, Any]] = []
    while time.monotonic() - began < budget and (args.children is None or
                                                   len(results) < args.children):  # fmt: skip
        left = budget - (time.monotonic() - began)
        seconds = int(max(10, min(args.child_seconds, left)))
        lang = ("zh_CN", "en")[seed % 2]
        result = run_child(seed, seconds, lang, work, files, args.display)
        results.append(result)
        bad = result["code"] != 0 or result["errors"] or result["hung"]
        print(f"seed {seed} ({lang}): {result['actions']} actions in {result['seconds']} s,"
              f" exit {result['code']}, {len(result['errors'])} Python errors"
              + (" HUNG" if result["hung"] else ""), flush=True)  # fmt: skip
        folder = Path(result["folder"])
        if bad:
            keep = report / f"seed-{seed}"
            keep.mkdir(exist_ok=True)
            for name in ("faults.txt", "journal.txt", "stderr.txt", "errors.txt", "stats.json"):
                if (folder / name).exists():
                    shutil.copy(folder / name, keep / name)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        seed += 1
    minutes = (time.monotonic() - began) / 60
    crashes = [r for r in results if r["code"] not in (0, 1) and not r["hung"]]
    hangs = [r for r in results if r["hung"]]
    distinct: dict[str, list[int]] = {}
    for r in results:
        for error in r["errors"]:
            distinct.setdefault(error, []).append(r["seed"])
    drift: dict[str, list[int]] = {}
    guarded = any(r["guarded"] for r in results)
    for r in results:
        for name, (times, total) in r["drift"].items():
            seen = drift.setdefault(name, [0, 0])
            seen[0] += times
            seen[1] += total
    # Actions after which None's reference count fell every time: a reference-count bug.
    leaks = {name: round(total / times, 2) for name, (times, total) in drift.items()
             if times >= 3 and total / times <= -0.9}  # fmt: skip
    summary = {
        "minutes": round(minutes, 1),
        "none_refcount_falls": leaks,
        "binding_guarded": guarded,
        "none_refcount_lowest": sorted(
            ([n, t, c] for n, (c, t) in drift.items()), key=lambda x: x[1]
        )[:12],
        "children": len(results),
        "actions": sum(int(r["actions"]) for r in results),
        "crashes": [{"seed": r["seed"], "code": r["code"]} for r in crashes],
        "hangs": [r["seed"] for r in hangs],
        "python_errors": [{"seeds": s, "traceback": e} for e, s in distinct.items()],
        "display": args.display or "offscreen",
        "report": str(report),
    }
    (report / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"\n{summary['minutes']} minutes, {summary['children']} windows, "
          f"{summary['actions']} actions: {len(crashes)} crashes, {len(hangs)} hangs, "
          f"{len(distinct)} distinct Python errors. Report: {report}")  # fmt: skip
    for error, seeds in distinct.items():
        print(f"\nPython error (seeds {seeds}):\n{error}")
    if leaks and guarded:
        print(f"\nThe Qt binding gives up references to None ({len(leaks)} kinds of action);"
              " rectdesk/app/binding.py guards against it in these windows.")  # fmt: skip
    elif leaks:
        for name, mean in sorted(leaks.items(), key=lambda kv: kv[1]):
            print(f"None's reference count falls by {-mean} per '{name}' (not guarded)")
    if not args.keep:
        shutil.rmtree(work / "shared", ignore_errors=True)
    return 1 if crashes or hangs or distinct or (leaks and not guarded) else 0


# -- the child: one real window, driven at random ------------------------------------------


def child(args: argparse.Namespace) -> int:
    """Open the real window on the child's store and drive it until time is up."""
    folder = Path(args.folder)
    faults = (folder / "faults.txt").open("w", encoding="utf-8")
    faulthandler.enable(file=faults, all_threads=True)
    sys.path.insert(0, str(ROOT))
    from rectdesk.app.logs import setup_logging
    from rectdesk.app.main import skip_unused_optional_imports

    setup_logging()
    skip_unused_optional_imports()
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QDesktopServices

    from rectdesk.app import binding
    from rectdesk.app.application import install_translators, make_application
    from rectdesk.services.context import AppContext
    from rectdesk.store import Store
    from rectdesk.ui import recovery
    from rectdesk.ui.main_window import MainWindow

    guarded = binding.none_references_lost() >= binding.PROBE_CALLS // 2
    app = make_application()  # sets the guard of binding.py where the binding needs it
    install_translators(app, args.lang)
    # Opening a folder or an evidence file would start another program: note it instead.
    QDesktopServices.openUrl = lambda url: True  # type: ignore[method-assign,assignment]
    db = folder / "ledger.sqlite3"
    store = Store.open(db)
    context = AppContext(store=store, target=db)
    window = MainWindow(context)
    safety = recovery.SafetyHooks(context, lambda: MainWindow(context))
    safety.attach(window)
    window.show()
    files = json.loads(args.files)
    files["export"] = str(folder / "export")
    driver = Driver(app, random.Random(args.seed), files, folder, args.child_seconds, faults)
    driver.guarded = guarded
    sys.excepthook = driver.python_error
    QTimer.singleShot(0, safety.start)
    QTimer.singleShot(50, driver.tick)
    try:
        app.exec()
    finally:
        safety.shutdown()
        context.store.close()
    driver.finish()
    faulthandler.cancel_dump_traceback_later()
    return 0


class Driver:
    """Picks an action for whatever is in front: a popup, a modal dialog or the window."""

    def __init__(
        self,
        app: Any,
        rng: random.Random,
        files: dict[str, str],
        folder: Path,
        seconds: int,
        faults: Any,
    ) -> None:
        sys.path.insert(0, str(HERE))
        import exercise_actions  # type: ignore[import-not-found]

        self.app = app
        self.rng = rng
        self.files = files
        self.folder = folder
        self.faults = faults
        self.deadline = time.monotonic() + seconds
        self.journal = (folder / "journal.txt").open("w", encoding="utf-8")
        self.actions = 0
        self.depth = 0
        self.last = ":"
        #: Action → [times, total change of None's reference count].
        self.drift: dict[str, list[int]] = {}
        self.errors: dict[str, int] = {}
        self.guarded = False
        self.closing = False
        self.acts = exercise_actions.Actions(self)

    def note(self, text: str) -> None:
        """One journal line per action, flushed so a crash leaves the last ones on disk."""
        self.actions += 1
        self.last = text if ":" in text else text + ":"
        self.journal.write(f"{self.actions} {text}\n")
        self.journal.flush()

    def tick(self) -> None:
        """Do one thing, then come back after a short random pause."""
        from PySide6.QtCore import QTimer

        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True, file=self.faults)
        if time.monotonic() > self.deadline:
            if self.acts.main_window() is None or (self.closing and not self.acts.busy()):
                self.app.quit()
                return
            QTimer.singleShot(20, self.tick)
            self.acts.close_everything()
            return
        # The next tick is due before this one acts: an action that opens a modal dialog
        # returns only when the dialog closes, and the ticks go on inside its event loop.
        QTimer.singleShot(self.rng.choice((0, 5, 15, 30, 60, 120)), self.tick)
        self.depth += 1
        count, before = self.actions, sys.getrefcount(None)
        try:
            self.acts.step()
        finally:
            self.depth -= 1
        if self.depth == 0 and self.actions == count + 1:
            # One action, no nested ticks: how it moved None's reference count. A C extension
            # that returns None without a reference shows as a steady fall here.
            name = self.last.split(":")[0] + ":" + self.last.split(":")[1][:20].split(" (")[0]
            drift = self.drift.setdefault(name, [0, 0])
            drift[0] += 1
            drift[1] += sys.getrefcount(None) - before

    def python_error(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        """An error that reached the excepthook: counted by its traceback, the run goes on."""
        text = "".join(traceback.format_exception(kind, value, tb))
        self.errors[text] = self.errors.get(text, 0) + 1
        with (self.folder / "errors.txt").open("a", encoding="utf-8") as out:
            out.write(f"after action {self.actions}:\n{text}\n")

    def finish(self) -> None:
        self.journal.close()
        stats = {"actions": self.actions, "errors": sorted(self.errors), "drift": self.drift,
                 "guarded": self.guarded}  # fmt: skip
        (self.folder / "stats.json").write_text(json.dumps(stats, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--display", help="X display (e.g. :58); offscreen without it")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--children", type=int, help="stop after this many windows")
    parser.add_argument("--child-seconds", type=int, default=120)
    parser.add_argument("--report", help="folder for the report (default: in the temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep every window's files")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--lang", default="zh_CN", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())

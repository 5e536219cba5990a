"""Screenshots of the real window for the help pages and resources/screenshots/.

    Xvfb :58 -screen 0 1366x768x24 &  Xvfb :59 -screen 0 1920x1080x24 &
    python3 tests/screens/capture.py --display :58 --display :59 [--out resources/screenshots]

For every display and both languages it starts the window on a fresh store holding the
sample data (dated relative to today) and saves what the screen shows: the main window with
an item selected, the dashboard, the import wizard on the mapping page of a sample table,
the report designer, the export dialog after an export, the help, File → 连接台账服务器…
filled in as an office would, an edit refused because another clerk changed the item first,
and the bar shown when the server is away.
Files are named ``<what>-<screen width>-<zh|en>.png``. Where ImageMagick's
``convert`` is installed they are reduced to 256 colours (half the size, the text as sharp).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("main", "dashboard", "wizard", "designer", "report", "help", "connect", "conflict",
         "away")


def child(out: Path, lang: str) -> int:
    """In the captured process: open the window, take each shot, quit."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "importers"))
    import samples  # type: ignore[import-not-found]
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from rectdesk.app.application import install_translators, make_application
    from rectdesk.services.context import AppContext
    from rectdesk.services.demo import load_demo
    from rectdesk.store import Store
    from rectdesk.ui.connect_dialog import ConnectDialog
    from rectdesk.ui.help_dialog import HelpDialog
    from rectdesk.ui.import_wizard import ImportWizard
    from rectdesk.ui.main_window import MainWindow
    from rectdesk.ui.report_designer import ReportDesigner
    from rectdesk.ui.report_dialog import ReportDialog
    from rectdesk.ui.tasks import TaskRunner

    folder = Path(tempfile.mkdtemp(prefix="rectdesk-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = make_application()
    install_translators(app, lang)
    path = folder / ("示例台账.sqlite3" if lang.startswith("zh") else "sample-ledger.sqlite3")
    store = Store.open(path)
    context = AppContext(store=store, target=path)
    load_demo(store, actor="王晓红" if lang.startswith("zh") else "Wang Xiaohong",
              today=context.today())  # fmt: skip
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    window.show()
    screen = window.screen()
    # Xvfb has no window manager to maximize it as a desktop would: fill the screen.
    window.setGeometry(screen.availableGeometry())
    width = screen.geometry().width()
    suffix = f"{width}-{'zh' if lang.startswith('zh') else 'en'}"
    table = samples.seed_001_workbook(folder / "整改工作方案.xlsx")
    steps: list[object] = []

    def settle(rounds: int = 20) -> None:
        for _ in range(rounds):
            app.processEvents()

    def wait(seconds: float) -> None:
        # Pages of a PDF preview are drawn by Qt's own threads: give them real time.
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def shot(name: str) -> None:
        settle()
        image = screen.grabWindow(0)
        target = out / f"{name}-{suffix}.png"
        if not image.save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target)

    def conflict_and_away() -> None:
        # Another clerk (李四) saves the item shown while this clerk types in the same field:
        # leaving the field gives the refusal with 重新载入, shot over the window.
        from PySide6.QtWidgets import QApplication

        from rectdesk.services.items import ItemService
        from rectdesk.store.pg.connection import connection_lost

        window.pages.setCurrentWidget(window.items_page)
        chosen = window.model.item_id(3) or 0
        window.select_item(chosen)
        ItemService(store, "李四").edit(chosen, {"remarks": "已电话回访，群众满意。"}).do()
        window.detail.editor("remarks").setPlainText("已于11月20日现场核查。")

        def take_and_close() -> None:
            shot("conflict")
            box = QApplication.activeModalWidget()
            if box is not None:
                box.close()

        QTimer.singleShot(800, take_and_close)
        window.detail.commit("remarks")
        window.detail.reload()
        # A server ledger whose server went away: the bar with 重试 over the kept work.
        lost = connection_lost("zhangli@192.168.1.10:5432/rectdesk", OSError("timeout"))
        window.show_lost(lost.message)
        shot("away")
        window.lost_bar.hide()

    def run() -> None:
        window.pages.setCurrentWidget(window.items_page)
        window.select_item(window.model.item_id(3) or 0)
        shot("main")
        window.pages.setCurrentIndex(0)
        shot("dashboard")
        wizard = ImportWizard(context, window, table, runner=TaskRunner(synchronous=True))
        wizard.show()
        wizard.next()
        shot("wizard")
        wizard.close()
        designer = ReportDesigner(context, window)
        designer.show()
        designer.refresh_preview()
        wait(1.5)
        shot("designer")
        designer.close()
        # The export dialog after an export: the file written, its pages, 打开文件 / 打开文件夹.
        report = ReportDialog(context, window, runner=TaskRunner(synchronous=True))
        report.show()
        report.export_to(folder / ("整改工作方案.pdf" if lang.startswith("zh") else "plan.pdf"))
        shot("report")
        report.close()
        help_dialog = HelpDialog(window)
        help_dialog.show()
        shot("help")
        help_dialog.close()
        connect = ConnectDialog("postgresql://zhangli@192.168.1.10:5432/rectdesk",
                                Path("\\\\fileserver\\rectdesk\\evidence"), window)  # fmt: skip
        connect.show()
        shot("connect")
        connect.close()
        conflict_and_away()
        window.close()
        steps.append(True)
        app.quit()

    QTimer.singleShot(300, run)
    app.exec()
    store.close()
    return 0 if steps else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--display", action="append", required=True, help="an X display")
    parser.add_argument("--out", default=str(ROOT / "resources" / "screenshots"))
    parser.add_argument("--lang", action="append", help="zh_CN and/or en (default: both)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return child(out, args.child)
    failed = 0
    for display in args.display:
        for lang in args.lang or ["zh_CN", "en"]:
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            with tempfile.TemporaryDirectory() as home:
                env.update(XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_STATE_HOME=home,
                           RECTDESK_LOG_DIR=home)  # fmt: skip
                command = [sys.executable, __file__, "--display", display, "--out", str(out),
                           "--child", lang]  # fmt: skip
                failed += subprocess.run(command, env=env, timeout=300).returncode != 0
    convert = shutil.which("convert")
    if convert:
        for shot in sorted(out.glob("*-*-[ze][hn].png")):
            subprocess.run([convert, str(shot), "-colors", "256", f"PNG8:{shot}"], check=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The README's screenshot: the main window over the sample data, drawn offscreen.

python3 installer/screenshot.py     # writes resources/screenshots/main-window.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "resources" / "screenshots" / "main-window.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings

    from rectdesk.app.application import install_translators, make_application
    from rectdesk.services.context import AppContext
    from rectdesk.services.demo import load_demo
    from rectdesk.store import Store
    from rectdesk.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="rectdesk-shot-") as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = make_application()
        install_translators(app, "zh_CN")
        path = Path(tmp) / "示例台账.sqlite3"
        store = Store.open(path)
        try:
            load_demo(store, actor="示例")
            window = MainWindow(AppContext(store=store, target=path))
            window.resize(1280, 760)
            window.show()
            for _ in range(5):
                app.processEvents()
            OUTPUT.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(OUTPUT)):
                print(f"could not write {OUTPUT}", file=sys.stderr)
                return 1
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        finally:
            store.close()
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

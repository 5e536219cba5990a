"""Which file dialog does RectDesk show on Windows? Run by the Wine smoke test, not installed.

Run with the installed program's Python (``python\\python.exe probe_file_dialog.py TITLE``).
It opens the import wizard's file chooser through ``rectdesk.ui.file_dialogs`` (the code the
window uses), while a thread watches this process's top-level windows through the Win32 API:
the system dialog has the window class ``#32770``, Qt's own dialog a ``Qt...`` class. After
the dialog has been seen for a few seconds (time for a screenshot) the thread closes it.
Prints one JSON line: the classes and titles seen and whether the dialog was the system's.
"""

from __future__ import annotations

import ctypes
import json
import sys
import threading
import time
from ctypes import wintypes

WM_CLOSE = 0x0010
SYSTEM_DIALOG_CLASS = "#32770"


def visible_windows() -> list[tuple[int, str, str]]:
    """(handle, class, title) of this process's visible top-level windows."""
    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    pid = ctypes.windll.kernel32.GetCurrentProcessId()  # type: ignore[attr-defined]
    found: list[tuple[int, str, str]] = []
    callback_type = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)  # type: ignore[attr-defined]

    def each(hwnd: int, _param: int) -> bool:
        owner = wintypes.DWORD()
        user32.GetWindowThreadProcessId(hwnd, ctypes.byref(owner))
        if owner.value == pid and user32.IsWindowVisible(hwnd):
            kind = ctypes.create_unicode_buffer(256)
            title = ctypes.create_unicode_buffer(512)
            user32.GetClassNameW(hwnd, kind, 256)
            user32.GetWindowTextW(hwnd, title, 512)
            found.append((hwnd, kind.value, title.value))
        return True

    user32.EnumWindows(callback_type(each), 0)
    return found


def watch(title: str, seen: dict[str, object], shown_for: float, give_up: float) -> None:
    """Record the dialog's window, then close it (WM_CLOSE is a Cancel to either kind)."""
    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    deadline = time.monotonic() + give_up
    first = None
    while time.monotonic() < deadline:
        windows = [w for w in visible_windows() if w[2] == title]
        if windows:
            seen["windows"] = [{"class": k, "title": t} for _h, k, t in windows]
            first = first or time.monotonic()
            if time.monotonic() - first >= shown_for:
                for hwnd, _kind, _title in windows:
                    user32.PostMessageW(hwnd, WM_CLOSE, 0, 0)
                return
        time.sleep(0.3)
    for hwnd, _kind, _title in visible_windows():  # never leave the probe hanging
        user32.PostMessageW(hwnd, WM_CLOSE, 0, 0)


def main() -> int:
    title = sys.argv[1]
    from rectdesk.app.application import install_translators, make_application
    from rectdesk.ui import file_dialogs

    app = make_application()
    install_translators(app, "zh_CN")
    seen: dict[str, object] = {}
    watcher = threading.Thread(target=watch, args=(title, seen, 6.0, 90.0), daemon=True)
    watcher.start()
    chosen = file_dialogs.open_file(None, "probe", title, "表格文件 (*.xlsx *.xls *.et *.csv)")
    watcher.join(5)
    classes = [str(w["class"]) for w in seen.get("windows", [])]  # type: ignore[attr-defined]
    seen["chosen"] = chosen
    seen["system_dialog"] = bool(classes) and all(k == SYSTEM_DIALOG_CLASS for k in classes)
    print(json.dumps(seen, ensure_ascii=True))
    return 0 if seen["system_dialog"] else 1


if __name__ == "__main__":
    sys.exit(main())

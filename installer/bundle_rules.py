"""What goes into the one-folder bundle and what must never: shared by the spec, build and tests.

Qt modules are allow-listed; everything else PySide6 offers (WebEngine above all) stays out.
"""

from __future__ import annotations

import re
from pathlib import Path

#: The Qt modules RectDesk uses: QtPdf/QtPdfWidgets show and print reports, QtSvg draws icons,
#: QtNetwork only because libQt6Pdf links against it.
KEEP_QT = frozenset(
    {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtPdfWidgets", "QtSvg",
     "QtNetwork"}
)  # fmt: skip

#: Libraries and plugins the hooks would drag in through optional plugins (the virtual keyboard
#: input method pulls in Qml and Quick); none is used by RectDesk. Kylin and UOS desktops run
#: X11 (xcb), so the Wayland, EGLFS, VNC and framebuffer platforms stay out too, and so do
#: touch-screen input, network information and TLS plugins an offline program never loads,
#: and image-format plugins for formats it never reads.
UNWANTED = re.compile(
    r"WebEngine|webengine|VirtualKeyboard|virtualkeyboard|Qt6Qml|Qt6Quick|Qt6Multimedia|Qt63D|"
    r"Qt6Designer|Qt6Charts|Qt6DataVisualization|platformthemes/libqgtk3|"
    r"[Ww]ayland|WlShell|EglFs|eglfs|egldeviceintegrations|libqlinuxfb|libqvnc|libqvkkhrdisplay|"
    r"libqminimalegl|plugins/generic/|plugins/networkinformation/|plugins/tls/|"
    # Image formats the program never reads (its icons are PNG/SVG/ICO); on arm64 these two
    # link against the system's libwebp and libtiff, which a desktop need not have.
    r"imageformats/libqwebp|imageformats/libqtiff|"
    r"resources/screenshots/"
)

#: Of Qt's own translation catalogues only the Chinese base ones are kept.
KEEP_QM = re.compile(r"^(qtbase|qt)_zh_CN\.qm$")

#: On Linux, libraries of the build machine's system are not bundled: the target system
#: provides them (the .deb declares them), so they match its X server, fonts and D-Bus. Only
#: those CPython's own modules link against stay (OpenSSL, SQLite with FTS5, libffi, ...).
SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
KEEP_SYSTEM = re.compile(r"^lib(ssl|crypto|ffi|sqlite3|lzma|bz2|z|expat|mpdec|uuid)\.so")

#: File-name fragments that must never appear in a built bundle.
FORBIDDEN = re.compile(r"WebEngine|webengine|Qt6?Qml|Qt6?Quick|Qt6?Multimedia|Qt6?3D|Designer")

#: Files the bundle must hold (patterns over paths relative to the bundle folder).
REQUIRED = (
    r"resources/demo/seed000\.json$",
    r"resources/icons/rectdesk\.svg$",
    r"(lib)?Qt6Pdf\.(so|dll)",
    r"PySide6/QtPdf\.",
    r"qtbase_zh_CN\.qm$",
    r"translations/rectdesk_en\.qm$",
)


#: Files a Linux bundle must hold besides: the X11 and offscreen platforms, Qt's Chinese texts.
REQUIRED_LINUX = (
    r"plugins/platforms/libqxcb\.so$",
    r"plugins/platforms/libqoffscreen\.so$",
    r"PySide6/Qt/translations/qtbase_zh_CN\.qm$",
)


def qt_excludes(pyside_dir: Path) -> list[str]:
    """``PySide6.QtXxx`` names of every installed Qt module RectDesk does not use."""
    names = {
        p.name.split(".")[0]
        for p in pyside_dir.iterdir()
        if p.name.startswith("Qt") and p.suffix in (".so", ".pyd")
    }
    return [f"PySide6.{name}" for name in sorted(names - KEEP_QT)]


def unwanted(dest: str) -> bool:
    """A file the PyInstaller hooks would collect that RectDesk never uses."""
    norm = dest.replace("\\", "/")
    if UNWANTED.search(norm):
        return True
    if norm.endswith(".qm") and "/translations/" in f"/{norm}" and "PySide6" in norm:
        return not KEEP_QM.match(norm.rsplit("/", 1)[-1])
    return False


def system_library(dest: str, source: str, *, windows: bool) -> bool:
    """A Linux system library that the target system provides itself."""
    if windows or not source.startswith(SYSTEM_DIRS):
        return False
    return not KEEP_SYSTEM.match(Path(dest.replace("\\", "/")).name)


def bundle_problems(bundle: Path, *, windows: bool) -> list[str]:
    """What is wrong with a built bundle: forbidden files, missing files, missing programs."""
    files = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    problems = [f"forbidden: {f}" for f in files if FORBIDDEN.search(f)]
    required = REQUIRED if windows else REQUIRED + REQUIRED_LINUX
    problems += [f"missing: {r}" for r in required if not any(re.search(r, f) for f in files)]
    suffix = ".exe" if windows else ""
    for program in ("rectdesk", "rectdesk-cli"):
        if not (bundle / f"{program}{suffix}").is_file():
            problems.append(f"missing program: {program}{suffix}")
    return problems

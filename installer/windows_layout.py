"""What the Windows program folder holds, and a check that every DLL it loads can be found.

The folder (``build/windows/RectDesk``, installed as ``%LOCALAPPDATA%\\Programs\\RectDesk``):

    rectdesk.exe, rectdesk-cli.exe   launchers that run the embedded Python in their own process
    python\\                          the official embeddable CPython for Windows x64
    python\\Lib\\site-packages\\        the pinned win_amd64 wheels, unpacked and trimmed
    app\\                             the rectdesk package, resources\\ and translations\\

Pure functions over file names and PE headers: no downloads, no Wine, usable in fast tests.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bundle_rules import FORBIDDEN, KEEP_QM, KEEP_QT, UNWANTED

PYTHON_DIR = "python"
SITE_PACKAGES = "python/Lib/site-packages"
APP_DIR = "app"
PROGRAMS = ("rectdesk.exe", "rectdesk-cli.exe")

#: The Python modules of PySide6 RectDesk imports (the DLLs they need follow from their imports).
KEEP_PYSIDE_MODULES = frozenset(KEEP_QT - {"QtNetwork", "QtSvg"})

#: Qt plugins loaded at run time (never named in an import table, so listed here): the Windows
#: platform and style, offscreen for ``rectdesk --smoke-test``, image formats and SVG icons.
KEEP_PLUGINS = frozenset(
    {"platforms/qwindows.dll", "platforms/qoffscreen.dll", "styles/qmodernwindowsstyle.dll",
     "imageformats/qico.dll", "imageformats/qjpeg.dll", "imageformats/qgif.dll",
     "imageformats/qsvg.dll", "iconengines/qsvgicon.dll"}
)  # fmt: skip

#: Distributions a wheel download brings that RectDesk never imports at run time.
SKIP_DISTRIBUTIONS = frozenset({"pip"})

#: Never in the folder: build-time files of the wheels, Qt tools, QML, WebEngine data, and the
#: packages' own test suites (54 MB in numpy, scipy and PyWavelets; never imported).
_DROP = re.compile(
    r"\.(pyi|pyx|pxd|lib|h|hpp|c|cpp)$|/include/|/typesystems/|/glue/|/metatypes/|/qml/|"
    r"/doc/|/scripts/|/examples/|^PySide6/resources/|^PySide6/.*\.exe$|opengl32sw\.dll$|"
    r"/__pycache__/|(^|/)py\.typed$|(^|/)tests/"
)

#: DLLs Windows 10 itself provides (compared in lower case); ``api-ms-win-*`` and
#: ``ext-ms-win-*`` API sets are system DLLs too. Anything else must be in the folder.
SYSTEM_DLLS = frozenset({
    "advapi32", "authz", "bcrypt", "bcryptprimitives", "cabinet", "cfgmgr32", "comctl32",
    "comdlg32", "crypt32", "d2d1", "d3d9", "d3d11", "d3d12", "d3dcompiler_47", "dbghelp",
    "dnsapi", "dwmapi", "dwrite", "dxgi", "dxva2", "gdi32", "gdiplus", "glu32", "imm32",
    "iphlpapi", "kernel32", "mpr", "mscms", "msi", "msimg32", "msvcrt", "ncrypt", "netapi32",
    "normaliz", "ntdll", "ole32", "oleacc", "oleaut32", "opengl32", "powrprof", "propsys",
    "psapi", "rpcrt4", "secur32", "setupapi", "shcore", "shell32", "shlwapi", "ucrtbase",
    "uiautomationcore", "user32", "userenv", "usp10", "uxtheme", "version", "winhttp",
    "wininet", "winmm", "winspool.drv", "wintrust", "ws2_32", "wtsapi32",
})  # fmt: skip

#: DLLs that exist only on some Windows 10 builds (or not under Wine): a folder importing one
#: would not start everywhere the installer promises. PySide6 6.12's Qt6Core.dll imports the
#: system ICU (``icuuc.dll``, Windows 10 1703 and later), which is why Windows stays on 6.9.
FORBIDDEN_IMPORTS = frozenset({"icuuc.dll", "icuin.dll", "icu.dll"})


def pyside_keeps(path: str) -> bool:
    """Whether a file of the PySide6 package (path relative to site-packages) is installed.

    Top-level DLLs are decided later by the import closure, so they are kept here.
    """
    inner = path[len("PySide6/") :]
    if "/" not in inner:
        name = inner
        if name.endswith(".pyd"):
            return name[: -len(".pyd")] in KEEP_PYSIDE_MODULES
        return name.endswith((".py", ".dll"))
    if inner.startswith("plugins/"):
        return inner[len("plugins/") :] in KEEP_PLUGINS
    if inner.startswith("translations/"):
        return bool(KEEP_QM.match(inner.rsplit("/", 1)[-1]))
    return inner.endswith(".py") and inner.startswith("support/")


def keep_wheel_file(path: str) -> bool:
    """Whether a file of an unpacked wheel (path relative to site-packages) is installed."""
    if _DROP.search(path) or UNWANTED.search(path):
        return False
    top = path.split("/", 1)[0]
    if top.endswith(".dist-info"):
        name = top.split("-", 1)[0].lower().replace("_", "-")
        return name not in SKIP_DISTRIBUTIONS and not path.endswith("RECORD")
    if top == "PySide6":
        return pyside_keeps(path)
    if top == "shiboken6":
        return not path.endswith(".dll") or path.endswith(".abi3.dll") or _is_crt(path)
    return True


def _is_crt(path: str) -> bool:
    return bool(re.search(r"/(msvcp140[^/]*|vcruntime140[^/]*|concrt140)\.dll$", path))


def distribution_of(wheel: str) -> str:
    """The normalised distribution name of a wheel file name."""
    return wheel.split("-", 1)[0].lower().replace("_", "-")


# --- PE import tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PeInfo:
    """What the loader needs to know about a Windows executable or DLL."""

    machine: int  # 0x8664 for x64, 0x14c for x86
    gui: bool  # subsystem 2 (windows) rather than 3 (console)
    imports: tuple[str, ...]  # DLL names, lower case, normal and delay-load


MACHINE_X64 = 0x8664
MACHINE_X86 = 0x14C


def read_pe(data: bytes) -> PeInfo:
    """Parse the headers and import directories of a PE file; ValueError if it is not one."""
    if data[:2] != b"MZ":
        raise ValueError("not a PE file (no MZ header)")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe : pe + 4] != b"PE\0\0":
        raise ValueError("not a PE file (no PE signature)")
    machine, sections, _t, _s, _n, optional_size, _c = struct.unpack_from("<HHIIIHH", data, pe + 4)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    plus = magic == 0x20B
    subsystem = struct.unpack_from("<H", data, optional + 68)[0]
    directories = optional + (112 if plus else 96)
    table = optional + optional_size
    spans: list[tuple[int, int, int, int]] = [
        struct.unpack_from("<IIII", data, table + 40 * i + 8) for i in range(sections)
    ]

    def offset(rva: int) -> int:
        for virtual_size, address, raw_size, raw in spans:
            if address <= rva < address + max(virtual_size, raw_size):
                return raw + rva - address
        raise ValueError(f"address {rva:#x} outside every section")

    def name_at(rva: int) -> str:
        start = offset(rva)
        return data[start : data.index(b"\0", start)].decode("ascii").lower()

    names: list[str] = []
    import_rva = struct.unpack_from("<I", data, directories + 8)[0]
    if import_rva:
        entry = offset(import_rva)
        while True:
            name_rva = struct.unpack_from("<I", data, entry + 12)[0]
            if not name_rva:
                break
            names.append(name_at(name_rva))
            entry += 20
    delay_rva = struct.unpack_from("<I", data, directories + 13 * 8)[0]
    if delay_rva:
        entry = offset(delay_rva)
        while True:
            name_rva = struct.unpack_from("<I", data, entry + 4)[0]
            if not name_rva:
                break
            names.append(name_at(name_rva))
            entry += 32
    return PeInfo(machine, subsystem == 2, tuple(dict.fromkeys(names)))


def is_system_dll(name: str) -> bool:
    lower = name.lower()
    if lower.startswith(("api-ms-win-", "ext-ms-win-")):
        return True
    stem = lower[: -len(".dll")] if lower.endswith(".dll") else lower
    return stem in SYSTEM_DLLS or lower in SYSTEM_DLLS


def _search_dirs(relative: PurePosixPath) -> list[PurePosixPath]:
    """Folders Windows searches for a DLL that ``relative`` imports, in the launcher's process.

    Python loads extension modules with their own folder and the folders added by
    ``os.add_dll_directory`` (PySide6 adds its own and shiboken6's); the launchers add
    ``python``; Qt's plugins find the Qt DLLs already loaded from the PySide6 folder.
    """
    site = PurePosixPath(SITE_PACKAGES)
    dirs = [relative.parent, PurePosixPath(PYTHON_DIR)]
    if site / "PySide6" in relative.parents or site / "shiboken6" in relative.parents:
        dirs += [site / "PySide6", site / "shiboken6"]
    if site in relative.parents:
        # Wheels repaired by delvewheel (numpy, scipy) keep their DLLs in <package>.libs, which
        # the package's __init__ adds with os.add_dll_directory before loading its modules.
        top = relative.relative_to(site).parts[0]
        dirs.append(site / f"{top}.libs")
    return dirs


def pe_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in (".dll", ".pyd", ".exe")
    )


def import_closure(folder: Path, roots: list[Path]) -> tuple[set[Path], list[str]]:
    """Every PE file ``roots`` need (roots included), and what cannot be found."""
    present = {p.relative_to(folder).as_posix().lower(): p for p in pe_files(folder)}
    needed: set[Path] = set()
    problems: list[str] = []
    todo = list(roots)
    while todo:
        path = todo.pop()
        if path in needed:
            continue
        needed.add(path)
        relative = PurePosixPath(path.relative_to(folder).as_posix())
        info = read_pe(path.read_bytes())
        if info.machine != MACHINE_X64:
            problems.append(f"not x64: {relative}")
        for name in info.imports:
            if name in FORBIDDEN_IMPORTS:
                problems.append(f"{relative} imports {name} (not on every Windows 10, not in Wine)")
                continue
            found = next(
                (present[key] for d in _search_dirs(relative)
                 if (key := (d / name).as_posix().lower()) in present),
                None,
            )  # fmt: skip
            if found is not None:
                todo.append(found)
            elif not is_system_dll(name):
                problems.append(f"{relative} imports {name}, which is neither here nor in Windows")
    return needed, problems


def closure_roots(folder: Path) -> list[Path]:
    """What the program loads by itself: launchers, CPython, every extension module, plugins."""
    roots = [folder / name for name in PROGRAMS if (folder / name).exists()]
    python = folder / PYTHON_DIR
    roots += [p for p in python.glob("*") if p.suffix.lower() in (".exe", ".pyd")]
    roots += [p for p in python.glob("python3*.dll")]
    site = folder / SITE_PACKAGES
    roots += sorted(site.rglob("*.pyd"))
    roots += sorted((site / "PySide6" / "plugins").rglob("*.dll"))
    return roots


def prune_unneeded_dlls(folder: Path) -> tuple[list[Path], list[str]]:
    """Delete the DLLs of PySide6 and shiboken6 that nothing loads; returns (removed, problems)."""
    needed, problems = import_closure(folder, closure_roots(folder))
    removed = []
    site = folder / SITE_PACKAGES
    for package in ("PySide6", "shiboken6"):
        for dll in sorted((site / package).glob("*.dll")):
            if dll not in needed:
                dll.unlink()
                removed.append(dll)
    return removed, problems


def layout_problems(folder: Path) -> list[str]:
    """What is wrong with a built program folder (empty when it is ready to pack)."""
    problems = []
    for name in PROGRAMS:
        if not (folder / name).is_file():
            problems.append(f"missing program: {name}")
    required = (
        f"{PYTHON_DIR}/python.exe", f"{APP_DIR}/rectdesk/__init__.py",
        f"{APP_DIR}/resources/demo/seed000.json", f"{APP_DIR}/translations/rectdesk_en.qm",
        f"{SITE_PACKAGES}/PySide6/QtPdf.pyd", f"{SITE_PACKAGES}/PySide6/Qt6Pdf.dll",
        f"{SITE_PACKAGES}/PySide6/plugins/platforms/qwindows.dll",
        f"{SITE_PACKAGES}/PySide6/translations/qtbase_zh_CN.qm",
    )  # fmt: skip
    problems += [f"missing: {r}" for r in required if not (folder / r).is_file()]
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    problems += [f"forbidden: {f}" for f in files if FORBIDDEN.search(f)]
    site = folder / SITE_PACKAGES
    for path in site.rglob("*"):
        inner = path.relative_to(site).as_posix()
        if path.is_file() and "__pycache__" not in inner and not keep_wheel_file(inner):
            problems.append(f"not for the folder: {SITE_PACKAGES}/{inner}")
    pth = list((folder / PYTHON_DIR).glob("python3*._pth"))
    if len(pth) != 1:
        problems.append("python/python3XX._pth missing")
    elif "..\\app" not in pth[0].read_text(encoding="utf-8").splitlines():
        problems.append(f"{pth[0].name} does not put app\\ on sys.path")
    for name in PROGRAMS:
        if (folder / name).is_file():
            info = read_pe((folder / name).read_bytes())
            if info.gui != (name == "rectdesk.exe"):
                problems.append(
                    f"{name}: wrong subsystem (window program must be GUI, cli console)"
                )
    _needed, unresolved = import_closure(folder, closure_roots(folder))
    return problems + unresolved

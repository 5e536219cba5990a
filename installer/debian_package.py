"""The .deb for Kylin, UOS and other Debian-family systems, made with dpkg-deb from the bundle.

Layout: the bundle in /opt/rectdesk, commands in /usr/bin, a desktop entry and hicolor icons.
installer/deb_build.py makes the bundle for each architecture (amd64, arm64) inside a Debian 11
root with an interpreter built for glibc 2.28; this module only lays the files out and packs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
PACKAGE = "rectdesk"
PREFIX = Path("opt") / PACKAGE
ARCHITECTURES = {"linux-x86_64": "amd64", "linux-aarch64": "arm64"}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Set RECTDESK_MAINTAINER to the IT department that hands out the package.
MAINTAINER = "RectDesk maintainers <rectdesk@example.invalid>"

#: Shared libraries Qt's xcb platform plugin and QtGui load from the system (the bundle carries
#: Qt itself). Names are those of Debian 10+, Kylin V10 and UOS 20; "|" gives the t64 renames.
#: libc6's minimum comes from the ELF scan of the bundle (see ``control``).
DEPENDS = (
    "libstdc++6",
    "zlib1g",
    "libglib2.0-0 | libglib2.0-0t64",
    "libdbus-1-3",
    "libfontconfig1",
    "libfreetype6",
    "libx11-6",
    "libx11-xcb1",
    "libxext6",
    "libxrender1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libsm6",  # session management: linked by the arm64 build of Qt's X11 platform
    "libice6",
    "libgl1",
    "libegl1",
    "libcups2",  # the print dialog (Qt's CUPS plugin)
    "libgssapi-krb5-2",  # linked by QtNetwork, which QtPdf needs
    "libatomic1",
    "libzstd1",
    # The window's Chinese text and PDF export: a TrueType Chinese font (reportlab embeds only
    # TrueType outlines); Kylin and UOS bring one of these with the desktop.
    "fonts-wqy-zenhei | fonts-wqy-microhei | fonts-arphic-uming | fonts-arphic-ukai",
    # Qt finds fonts through fontconfig, which needs its configuration files.
    "fontconfig-config",
)
#: Packages every Debian-family system has; a library from them needs no Depends entry.
IMPLIED = frozenset({"libc6", "libgcc-s1"})
#: The package of each library the bundle's programs and plugins link against directly, so the
#: build-and-smoke check works on a build machine where some of them are not installed.
SONAME_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libcups.so.2": "libcups2",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
}

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.0
Name=RectDesk
Name[zh_CN]=整改台账桌面助手
GenericName=Rectification Ledger
GenericName[zh_CN]=整改台账
Comment=Keep the rectification ledger: items, measures, deadlines, reports
Comment[zh_CN]=整改事项台账：落实措施、责任单位、整改时限，提醒逾期并导出正式表格
Exec=/usr/bin/rectdesk %F
Icon=rectdesk
Terminal=false
Categories=Office;
Keywords=整改;台账;销号;rectification;ledger;
StartupNotify=true
StartupWMClass=rectdesk
"""

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: RectDesk
Comment: RectDesk is proprietary software of its owner. The bundled Qt libraries (LGPLv3),
 PySide6 and shiboken6 (LGPLv3), CPython (PSF License), reportlab (BSD), openpyxl (MIT),
 python-docx (MIT), lxml (BSD), sqlite-utils (Apache-2.0), defusedxml (PSF) and platformdirs
 (MIT) keep their own licences; their licence texts ship inside /opt/rectdesk/_internal.
"""


#: The GCC release whose libstdc++ first provides each GLIBCXX_ symbol version (Debian's
#: libstdc++6 package is versioned like GCC): the package then asks for at least that one.
LIBSTDCXX_GCC = {"3.4.21": "5", "3.4.22": "6", "3.4.23": "7", "3.4.24": "7", "3.4.25": "8",
                 "3.4.26": "9", "3.4.28": "10", "3.4.29": "11", "3.4.30": "12"}  # fmt: skip


def control(
    version: str, arch: str, installed_kib: int, *, min_glibc: str = "2.28", glibcxx: str = ""
) -> str:
    """The DEBIAN/control file; ``min_glibc`` and ``glibcxx`` are the newest glibc and
    libstdc++ symbol versions any file of the package needs (from the ELF scan)."""
    libstdcxx = "libstdc++6"
    if glibcxx in LIBSTDCXX_GCC:
        libstdcxx += f" (>= {LIBSTDCXX_GCC[glibcxx]})"
    depends = [f"libc6 (>= {min_glibc})", libstdcxx, *(d for d in DEPENDS if d != "libstdc++6")]
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {os.environ.get('RECTDESK_MAINTAINER', MAINTAINER)}\n"
        f"Installed-Size: {installed_kib}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Depends: {', '.join(depends)}\n"
        "Description: 整改台账桌面助手 RectDesk (rectification ledger)\n"
        " An offline desktop program for the clerks of county health bureaus: batches of\n"
        " problems and suggestions sent down by upper levels, the measures, responsible\n"
        " units and deadlines of each item, progress until close-off, warning lights and\n"
        " official-format reports. Data stays on the local disk.\n"
    )


def stage(bundle: Path, root: Path) -> None:
    """Lay the package's files out under ``root``."""
    if root.exists():
        shutil.rmtree(root)
    target = root / PREFIX
    shutil.copytree(bundle, target, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for program in ("rectdesk", "rectdesk-cli"):
        (bin_dir / program).symlink_to(Path("/") / PREFIX / program)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "rectdesk.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(ICONS / f"rectdesk-{size}.png", folder / "rectdesk.png")
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICONS / "rectdesk.svg", scalable / "rectdesk.svg")
    pixmaps = root / "usr" / "share" / "pixmaps"
    pixmaps.mkdir(parents=True)
    shutil.copy2(ICONS / "rectdesk-128.png", pixmaps / "rectdesk.png")
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    for path in root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or _executable(path) else 0o644)


def _executable(path: Path) -> bool:
    if path.name in ("rectdesk", "rectdesk-cli"):
        return True
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF" and ".so" not in path.name


def installed_kib(root: Path) -> int:
    """The disk space the files take, in KiB (Installed-Size, which apt shows before it
    installs). Symbolic links are not followed: PyInstaller links each Qt and wheel library
    into _internal, and counting their targets again reported 436 MiB for 287."""
    files = (p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) // 1024


def build_deb(
    bundle: Path,
    version: str,
    key: str,
    dist: Path,
    *,
    work: Path | None = None,
    min_glibc: str = "2.28",
    glibcxx: str = "",
) -> Path:
    """dist/rectdesk_<version>_<arch>.deb from the bundle."""
    if key not in ARCHITECTURES:
        raise SystemExit(f"no .deb for {key}")
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb not found (apt-get install dpkg)")
    if not (bundle / "rectdesk").is_file():
        raise SystemExit(f"no bundle at {bundle}: build it first (installer/build.py bundle)")
    arch = ARCHITECTURES[key]
    print(f"==> .deb for {arch}", flush=True)
    started = time.monotonic()
    root = (work or ROOT / "build") / "deb-root"
    stage(bundle, root)
    installed = installed_kib(root)
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "control").write_text(
        control(version, arch, installed, min_glibc=min_glibc, glibcxx=glibcxx),
        encoding="utf-8",
    )
    output = dist / f"{PACKAGE}_{version}_{arch}.deb"
    dist.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root), str(output)],
        check=True,
    )
    print(f"    {output.name}: {output.stat().st_size / 2**20:.0f} MiB, "
          f"{time.monotonic() - started:.0f} s")  # fmt: skip
    return output

"""The Linux package's promises that can be checked quickly: glibc scan, screenshots, pins.

The full proof (`python3 installer/build.py deb --smoke`) builds in Debian roots and takes tens
of minutes; these tests check the pieces it relies on, and the built packages when present.
"""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLER = ROOT / "installer"
DIST = ROOT / "dist"


def _installer_module(name: str) -> ModuleType:
    if str(INSTALLER) not in sys.path:
        sys.path.insert(0, str(INSTALLER))
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


elf_versions = _installer_module("elf_versions")


def _elf(needs: dict[str, list[str]], *, big_endian: bool = False, is64: bool = True) -> bytes:
    """A minimal ELF file whose version-needed section asks ``needs`` (library -> versions)."""
    e = ">" if big_endian else "<"
    strings = bytearray(b"\0")

    def name(text: str) -> int:
        strings.extend(text.encode() + b"\0")
        return len(strings) - len(text) - 1

    verneed = bytearray()
    entries = list(needs.items())
    for index, (library, versions) in enumerate(entries):
        aux = bytearray()
        for i, version in enumerate(versions):
            last = i == len(versions) - 1
            aux += struct.pack(e + "IHHII", 0, 0, 2 + i, name(version), 0 if last else 16)
        next_entry = 0 if index == len(entries) - 1 else 16 + len(aux)
        verneed += struct.pack(e + "HHIII", 1, len(versions), name(library), 16, next_entry)
        verneed += aux
    header_size = 64 if is64 else 52
    strtab_at = header_size
    verneed_at = strtab_at + len(strings)
    shoff = verneed_at + len(verneed)
    if is64:
        shentsize = 64
        section = e + "IIQQQQIIQQ"
        header = b"\x7fELF" + bytes([2, 2 if big_endian else 1, 1]) + bytes(9)
        header += struct.pack(e + "HHIQQQIHHHHHH", 3, 62, 1, 0, 0, shoff, 0, 64, 56, 0,
                              shentsize, 3, 1)  # fmt: skip
    else:
        shentsize = 40
        section = e + "IIIIIIIIII"
        header = b"\x7fELF" + bytes([1, 2 if big_endian else 1, 1]) + bytes(9)
        header += struct.pack(e + "HHIIIIIHHHHHH", 3, 40, 1, 0, 0, shoff, 0, 52, 32, 0,
                              shentsize, 3, 1)  # fmt: skip
    sections = struct.pack(section, *[0] * 10)
    sections += struct.pack(section, 0, 3, 0, 0, strtab_at, len(strings), 0, 0, 1, 0)
    sections += struct.pack(section, 0, 0x6FFFFFFE, 0, 0, verneed_at, len(verneed), 1,
                            len(entries), 4, 0)  # fmt: skip
    return bytes(header) + bytes(strings) + bytes(verneed) + sections


# --- the glibc scan ---------------------------------------------------------------------------


@pytest.mark.parametrize(("big_endian", "is64"), [(False, True), (True, True), (False, False)])
def test_scan_reads_version_needs_of_any_layout(big_endian: bool, is64: bool) -> None:
    data = _elf({"libc.so.6": ["GLIBC_2.17", "GLIBC_2.28"], "libstdc++.so.6": ["GLIBCXX_3.4.25"]},
                big_endian=big_endian, is64=is64)  # fmt: skip
    assert elf_versions.needed_versions(data) == {"GLIBC_2.17", "GLIBC_2.28", "GLIBCXX_3.4.25"}


def test_one_file_above_the_limit_fails_the_scan(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "old.so").write_bytes(_elf({"libc.so.6": ["GLIBC_2.2.5", "GLIBC_2.28"]}))
    (tmp_path / "lib" / "new.so").write_bytes(_elf({"libm.so.6": ["GLIBC_2.29"]}))
    (tmp_path / "readme.txt").write_text("not an ELF file", encoding="utf-8")
    scan = elf_versions.scan(tmp_path, max_glibc="2.28")
    assert scan.files == 2
    assert scan.glibc() == "2.29" and scan.culprit["GLIBC"] == "lib/new.so"
    assert scan.over == ["lib/new.so: GLIBC_2.29"]
    assert elf_versions.main([str(tmp_path), "--max-glibc", "2.28"]) == 1
    assert elf_versions.main([str(tmp_path), "--max-glibc", "2.29"]) == 0
    # Versions compare as numbers, not text: 2.3 is older than 2.28.
    (tmp_path / "lib" / "new.so").write_bytes(_elf({"libc.so.6": ["GLIBC_2.3", "GLIBC_2.9"]}))
    assert elf_versions.scan(tmp_path, max_glibc="2.28").over == []


def test_scan_of_a_real_program_of_this_machine() -> None:
    program = Path(sys.executable).resolve()
    scan = elf_versions.scan(program)
    assert scan.files == 1
    assert elf_versions.parse_version(scan.glibc()) >= (2, 2)


def test_truncated_files_are_not_elf() -> None:
    data = _elf({"libc.so.6": ["GLIBC_2.28"]})
    with pytest.raises(elf_versions.ElfError):
        elf_versions.needed_versions(b"#!/bin/sh\n")
    with pytest.raises((elf_versions.ElfError, struct.error)):
        elf_versions.needed_versions(data[:70])


def _loadable(segments: list[tuple[int, int, int]], *, is64: bool = True) -> bytes:
    """A minimal ELF file with program headers only: (type, file offset, address) each."""
    if is64:
        header = b"\x7fELF" + bytes([2, 1, 1]) + bytes(9)
        header += struct.pack("<HHIQQQIHHHHHH", 3, 62, 1, 0, 64, 0, 0, 64, 56, len(segments),
                              64, 0, 0)  # fmt: skip
        table = b"".join(struct.pack("<IIQQQQQQ", kind, 4, offset, address, address, 8, 8, 4096)
                         for kind, offset, address in segments)  # fmt: skip
    else:
        header = b"\x7fELF" + bytes([1, 1, 1]) + bytes(9)
        header += struct.pack("<HHIIIIIHHHHHH", 3, 40, 1, 0, 52, 0, 0, 52, 32, len(segments),
                              40, 0, 0)  # fmt: skip
        table = b"".join(struct.pack("<IIIIIIII", kind, offset, address, address, 8, 8, 4, 4096)
                         for kind, offset, address in segments)  # fmt: skip
    return header + table


@pytest.mark.parametrize("is64", [True, False])
def test_segments_the_loader_refuses_are_found(is64: bool) -> None:
    # What strip left of a patched libgfortran: its last segment starts mid-page in the file.
    broken = _loadable([(1, 0, 0), (1, 0x27A9A0, 0x484000)], is64=is64)
    assert elf_versions.misaligned_loads(broken, 4096) == [
        "segment 1: offset 0x27a9a0, address 0x484000"
    ]
    fine = _loadable([(1, 0, 0), (1, 0x1E9A0, 0x21F9A0), (2, 0x123, 0x456)], is64=is64)
    assert elf_versions.misaligned_loads(fine, 4096) == []  # a dynamic segment may sit anywhere
    # Aligned for 4 KiB pages, not for the 64 KiB pages some arm64 systems run.
    assert elf_versions.misaligned_loads(fine, 65536) == [
        "segment 1: offset 0x1e9a0, address 0x21f9a0"
    ]


def test_scan_with_a_page_size_fails_on_a_misaligned_library(tmp_path: Path) -> None:
    (tmp_path / "good.so").write_bytes(_loadable([(1, 0x1000, 0x201000)]))
    (tmp_path / "bad.so").write_bytes(_loadable([(1, 0x1621098, 0x166B000)]))
    assert elf_versions.scan(tmp_path).misaligned == []  # only when asked
    scan = elf_versions.scan(tmp_path, page=4096)
    assert scan.files == 2 and [line.split(":")[0] for line in scan.misaligned] == ["bad.so"]
    assert elf_versions.main([str(tmp_path), "--page-size", "4096"]) == 1
    (tmp_path / "bad.so").unlink()
    assert elf_versions.main([str(tmp_path), "--page-size", "4096"]) == 0


def test_this_machines_python_loads_with_its_pages() -> None:
    assert elf_versions.scan(Path(sys.executable).resolve(), page=4096).misaligned == []


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_scan_reads_inside_a_deb(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text(
        "Package: t\nVersion: 1\nArchitecture: all\nMaintainer: t <t@t>\nDescription: t\n",
        encoding="utf-8",
    )
    (root / "opt").mkdir()
    (root / "opt" / "a.so").write_bytes(_elf({"libc.so.6": ["GLIBC_2.31"]}))
    deb = tmp_path / "t.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(root), str(deb)],
                   check=True, capture_output=True)  # fmt: skip
    scan = elf_versions.scan(deb, max_glibc="2.28")
    assert scan.over == ["./opt/a.so: GLIBC_2.31"]


def test_installed_size_counts_a_linked_library_once(tmp_path: Path) -> None:
    deb = _installer_module("debian_package")
    qt = tmp_path / "opt" / "rectdesk" / "_internal" / "PySide6" / "Qt" / "lib"
    qt.mkdir(parents=True)
    (qt / "libQt6Core.so.6").write_bytes(b"x" * 300 * 1024)
    (qt.parents[2] / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    (tmp_path / "usr" / "bin").mkdir(parents=True)
    (tmp_path / "usr" / "bin" / "rectdesk").symlink_to(qt / "libQt6Core.so.6")
    (tmp_path / "opt" / "rectdesk" / "rectdesk").write_bytes(b"y" * 20 * 1024)
    assert deb.installed_kib(tmp_path) == 320


# --- the built packages, when present ----------------------------------------------------------

LIMITS = {"amd64": "2.28", "arm64": "2.31"}
#: The largest memory page each package's libraries must load with.
PAGES = {"amd64": 4096, "arm64": 65536}


@pytest.mark.parametrize("arch", sorted(LIMITS))
def test_built_deb_runs_on_its_promised_glibc(arch: str) -> None:
    debs = sorted(DIST.glob(f"rectdesk_*_{arch}.deb"))
    if not debs or shutil.which("dpkg-deb") is None:
        pytest.skip(f"no {arch} .deb built (python3 installer/build.py deb)")
    for deb in debs:
        scan = elf_versions.scan(deb, max_glibc=LIMITS[arch], page=PAGES[arch])
        assert scan.files > 50, deb
        assert scan.over == [], deb
        assert scan.misaligned == [], deb
        depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                                 text=True, check=True).stdout  # fmt: skip
        assert f"libc6 (>= {scan.glibc()})" in depends
        assert "libxcb-cursor0" in depends and "fonts-wqy-zenhei |" in depends
        # Installed-Size (KiB) is what the files take: no more than their sum.
        size = subprocess.run(["dpkg-deb", "-f", str(deb), "Installed-Size"],
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
        listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                                 check=True).stdout  # fmt: skip
        files = sum(int(line.split()[2]) for line in listing.splitlines() if line[0] == "-")
        assert int(size) <= files // 1024 + 1, deb


@pytest.mark.parametrize(("machine", "arch"), [("x86_64", "amd64"), ("aarch64", "arm64")])
def test_built_bundle_runs_on_its_promised_glibc(machine: str, arch: str) -> None:
    bundle = DIST / f"linux-{machine}" / "rectdesk"
    if not (bundle / "_internal").is_dir():
        pytest.skip(f"no {machine} bundle built (python3 installer/build.py deb)")
    scan = elf_versions.scan(bundle, max_glibc=LIMITS[arch], page=PAGES[arch])
    assert scan.over == []
    assert scan.misaligned == []
    rules = _installer_module("bundle_rules")
    assert rules.bundle_problems(bundle, windows=False) == []


# --- the pieces of the build ---------------------------------------------------------------


def test_pip_takes_no_wheel_newer_than_the_promise() -> None:
    deb_build = _installer_module("deb_build")
    for arch, limit in LIMITS.items():
        assert deb_build.TARGETS[arch].max_glibc == limit
        namespace: dict[str, object] = {}
        exec(deb_build._manylinux_module(limit), namespace)
        compatible = namespace["manylinux_compatible"]
        assert callable(compatible)
        major, minor = (int(p) for p in limit.split("."))
        assert compatible(major, minor, "x86_64")
        assert compatible(2, 17, "x86_64")
        assert not compatible(major, minor + 1, "x86_64")
        assert not compatible(3, 0, "x86_64")


def test_control_asks_for_the_scanned_glibc_and_libstdcxx() -> None:
    deb = _installer_module("debian_package")
    control = deb.control("1.0", "arm64", 10, min_glibc="2.30", glibcxx="3.4.28")
    depends = next(line for line in control.splitlines() if line.startswith("Depends:"))
    assert "libc6 (>= 2.30)" in depends and "libstdc++6 (>= 10)" in depends
    assert depends.count("libstdc++6") == 1
    assert "fonts-wqy-zenhei | fonts-wqy-microhei" in depends
    for package in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libegl1", "libgl1",
                    "libfontconfig1", "libdbus-1-3", "libxkbcommon-x11-0"):  # fmt: skip
        assert package in depends
    unknown = deb.control("1.0", "amd64", 10, min_glibc="2.28", glibcxx="")
    assert "libstdc++6," in unknown and "libc6 (>= 2.28)" in unknown


def test_image_plugins_that_need_other_system_libraries_stay_out() -> None:
    rules = _installer_module("bundle_rules")
    plugins = "PySide6/Qt/plugins/imageformats/"
    assert rules.unwanted(plugins + "libqwebp.so") and rules.unwanted(plugins + "libqtiff.so")
    for kept in ("libqsvg.so", "libqico.so", "libqjpeg.so"):
        assert not rules.unwanted(plugins + kept)


def test_python_recipe_binds_the_libm_functions_glibc_2_29_moved() -> None:
    recipe = (INSTALLER / "build_python.sh").read_text(encoding="utf-8")
    for name in ("exp", "exp2", "log", "log2", "pow"):
        assert f" {name}" in recipe.split("for fn in", 1)[1].splitlines()[0]
    assert "ac_cv_func_sem_clockwait=no" in recipe
    if shutil.which("bash"):
        subprocess.run(["bash", "-n", str(INSTALLER / "build_python.sh")], check=True)


def test_arm64_pins_name_the_glibc_they_need() -> None:
    pins = (INSTALLER / "requirements-linux-aarch64.txt").read_text(encoding="utf-8")
    assert "PySide6-Essentials==6.8.0.2" in pins and "manylinux_2_31" in pins
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "glibc 2.31" in readme and "glibc 2.28" in readme


def test_xvfb_screen_becomes_a_png() -> None:
    xwd = _installer_module("xwd")
    width, height = 3, 2
    pixels = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (0, 0, 0), (10, 20, 30), (255, 255, 255)]
    header_size = 100 + len(b"Xvfb main window\0")
    fields = [header_size, 7, 2, 24, width, height, 0, 0, 32, 0, 32, 32, width * 4, 4,
              0xFF0000, 0xFF00, 0xFF, 8, 256, 0, width, height, 0, 0, 0]  # fmt: skip
    data = struct.pack(">25I", *fields) + b"Xvfb main window\0"
    data += b"".join(bytes([b, g, r, 0]) for r, g, b in pixels)  # LSBFirst: B G R X
    w, h, rgb = xwd.rgb_from_xwd(data)
    assert (w, h) == (width, height)
    assert rgb == b"".join(bytes(p) for p in pixels)
    assert 0 < xwd.painted_fraction(rgb) < 1
    png = xwd.png(w, h, rgb)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    idat = png[png.index(b"IDAT") + 4 : png.index(b"IEND") - 8]
    raw = zlib.decompress(idat)
    assert raw == b"\0" + rgb[:9] + b"\0" + rgb[9:]
    with pytest.raises(xwd.XwdError):
        xwd.rgb_from_xwd(data[:60])

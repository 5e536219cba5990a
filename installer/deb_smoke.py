"""Try the built .deb packages where nothing of the build machine is: fresh Debian roots.

For each package and each root (amd64: Debian 11 bullseye with glibc 2.31 and Debian 12 bookworm;
arm64: bullseye through qemu-user-static), starting from a pristine debootstrap copy:

1. ``apt install ./rectdesk_<version>_<arch>.deb``: apt brings in exactly what Depends names;
2. as an ordinary user: ``rectdesk-cli smoke-test`` (import, edit, export PDF/DOCX/XLSX, backup,
   restore) and ``rectdesk --smoke-test`` (the same plus Qt, offscreen);
3. the window on demo data on an Xvfb screen of this machine (its socket is shared into the
   root; the X server is the desktop, everything the program loads comes from the root), saved
   as dist/smoke/<suite>-<arch>-window.png;
4. the compiled libraries at work through rectdesk-cli (installer/smoke_evidence.py): the
   reuse guard finds a near-identical photo, a binder embeds a photo and a PDF, a deadline in
   working days skips the National Day holiday;
5. remove libxcb-cursor0 behind apt's back: the window program must say in Chinese which
   package to install, and Qt's English message must not appear.

Everything is checked; the run fails when any step does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import debian_roots
import smoke_evidence
import xwd
from debian_roots import Chroot, step

#: The roots each architecture is tried in.
SUITES = {"amd64": ("bullseye", "bookworm"), "arm64": ("bullseye",)}
USER = "clerk"
SCREEN = (1600, 1000)


@dataclass
class Result:
    """What happened in one root."""

    name: str
    ok: bool = True
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    screenshot: Path | None = None


class StepFailed(Exception):
    """A step of the smoke test did not hold."""


@contextmanager
def xvfb(folder: Path) -> Iterator[tuple[str, Path]]:
    """A virtual X screen on this machine; yields (display, its framebuffer file)."""
    debian_roots.require_tools("Xvfb")
    folder.mkdir(parents=True, exist_ok=True)
    number = next(
        n for n in range(70, 200)
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists()
    )  # fmt: skip
    width, height = SCREEN
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-fbdir", str(folder),
         "-br", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 30
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("Xvfb did not start")
        time.sleep(0.2)
    try:
        yield f":{number}", folder / "Xvfb_screen0"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _user_env(display: str = "") -> str:
    env = (f"HOME=/home/{USER} XDG_RUNTIME_DIR=/tmp/runtime-{USER} LANG=C.UTF-8 "
           "LC_ALL=C.UTF-8")  # fmt: skip
    return env + (f" DISPLAY={display}" if display else "")


def _as_user(command: str, display: str = "") -> str:
    return f"runuser -u {USER} -- env -i PATH=/usr/bin:/bin {_user_env(display)} {command}"


def _run(chroot: Chroot, result: Result, name: str, script: str, *, timeout: float,
         expect: str = "", status: int | None = 0) -> str:  # fmt: skip
    print(f"--- [{result.name}] {name}", flush=True)
    started = time.monotonic()
    try:
        done = chroot.run(script, check=False, capture=True, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        raise StepFailed(f"{name}: no result after {timeout:.0f} s") from error
    result.timings[name] = time.monotonic() - started
    output = (done.stdout or "") + (done.stderr or "")
    print("    " + "\n    ".join(output.strip().splitlines()[-12:]), flush=True)
    if status is not None and done.returncode != status:
        raise StepFailed(f"{name}: exit status {done.returncode}, wanted {status}")
    if expect and expect not in output:
        raise StepFailed(f"{name}: the output lacks {expect!r}")
    return output


def _screenshot(framebuffer: Path, target: Path, *, timeout: float) -> float:
    """Wait until the window is painted and steady, then save the screen; returns the share
    of the screen painted."""
    deadline = time.monotonic() + timeout
    last = b""
    steady = 0
    while time.monotonic() < deadline:
        time.sleep(1.0)
        width, height, rgb = xwd.rgb_from_xwd(framebuffer.read_bytes())
        painted = xwd.painted_fraction(rgb)
        steady = steady + 1 if painted > 0.3 and rgb == last else 0
        last = rgb
        if steady >= 3:
            target.write_bytes(xwd.png(width, height, rgb))
            return painted
    raise StepFailed(f"the window did not appear on the screen within {timeout:.0f} s")


def smoke_root(deb: Path, suite: str, arch: str, display: str, framebuffer: Path,
               out: Path) -> Result:  # fmt: skip
    """Install and try ``deb`` in a fresh ``suite`` root; never raises for a failed step."""
    result = Result(f"{suite}-{arch}")
    slow = 6.0 if arch != debian_roots.host_arch() else 1.0  # qemu-user emulation
    x11 = Path("/tmp/.X11-unix")
    started = time.monotonic()
    with debian_roots.fresh_root(suite, arch, f"smoke-{suite}-{arch}") as root:
        shutil.copy2(deb, root / "tmp" / deb.name)
        with Chroot(root, binds={"/tmp/.X11-unix": x11}) as chroot:
            try:
                _steps(chroot, result, deb.name, display, framebuffer, out, slow)
            except StepFailed as failure:
                result.ok = False
                result.notes.append(f"FAILED: {failure}")
    result.timings["total"] = time.monotonic() - started
    return result


def _steps(chroot: Chroot, result: Result, deb_name: str, display: str, framebuffer: Path,
           out: Path, slow: float) -> None:  # fmt: skip
    output = _run(
        chroot, result, "apt install ./" + deb_name,
        "set -e; apt-get update -q >/dev/null; "
        f"apt-get install -y -q --no-install-recommends /tmp/{deb_name} 2>&1 | "
        "grep -E 'newly installed|^E:' ; test ${PIPESTATUS[0]} -eq 0; "
        "dpkg-query -W -f='${Version}' rectdesk",
        timeout=900 * slow,
    )  # fmt: skip
    newly = re.search(r"(\d+) newly installed", output)
    result.notes.append(f"apt installed {newly.group(1) if newly else '?'} packages")
    # Every library any file of the package links against resolves (the bootloader puts
    # _internal on the library path, so ldd is told the same).
    unresolved = _run(
        chroot, result, "every ELF file's libraries resolve",
        "cd /opt/rectdesk && find . -type f | while read -r f; do "
        "[ \"$(head -c4 \"$f\" | tail -c3 | tr -d '\\0')\" = ELF ] || continue; "
        "LD_LIBRARY_PATH=/opt/rectdesk/_internal ldd \"$f\" 2>/dev/null | "
        "sed -n \"s|^[[:space:]]*\\([^ ]*\\) => not found.*|$f needs \\1|p\"; done",
        timeout=600 * slow,
    )  # fmt: skip
    if " needs " in unresolved:
        raise StepFailed("libraries that neither the package nor its Depends provide:\n"
                         + unresolved)  # fmt: skip
    _run(chroot, result, "add the user " + USER,
         f"useradd -m {USER} && install -d -o {USER} -m 700 /tmp/runtime-{USER}",
         timeout=60)  # fmt: skip
    _run(chroot, result, "rectdesk-cli smoke-test", _as_user("rectdesk-cli smoke-test"),
         timeout=300 * slow, expect="冒烟测试通过")  # fmt: skip
    _run(chroot, result, "rectdesk --smoke-test (Qt, offscreen)",
         _as_user("env QT_QPA_PLATFORM=offscreen rectdesk --smoke-test"),
         timeout=300 * slow, expect="冒烟测试通过")  # fmt: skip
    leftovers = _run(chroot, result, "the smoke tests left the data folder alone",
                     f"find /home/{USER}/.local/share -name '*.sqlite3' 2>/dev/null | wc -l",
                     timeout=60)  # fmt: skip
    if leftovers.strip().splitlines()[-1] != "0":
        raise StepFailed("a smoke test wrote into the user's data folder")
    _run(chroot, result, "demo data", _as_user(f"rectdesk-cli --db /home/{USER}/示例.sqlite3 demo"),
         timeout=300 * slow)  # fmt: skip
    quit_after = int(20_000 * slow)
    window = _as_user(f"rectdesk --db /home/{USER}/示例.sqlite3 --quit-after {quit_after}", display)
    chroot.run(f"({window} >/tmp/window.log 2>&1; echo $? >/tmp/window.status) &")
    shot = out / f"{result.name}-window.png"
    began = time.monotonic()
    painted = _screenshot(framebuffer, shot, timeout=180 * slow)
    result.timings["window shown and steady"] = time.monotonic() - began
    result.screenshot = shot
    result.notes.append(f"window screenshot {shot.name} ({painted:.0%} of the screen painted)")
    _run(chroot, result, "the window closes by itself (exit status 0)",
         "while [ ! -s /tmp/window.status ]; do sleep 1; done; cat /tmp/window.log; "
         "exit $(cat /tmp/window.status)",
         timeout=quit_after / 1000 + 120 * slow)  # fmt: skip
    log = chroot.run("cat /tmp/window.log", capture=True, check=False).stdout or ""
    if re.search(r"Traceback|qt\.qpa|Could not load|Aborted", log):
        raise StepFailed("the window printed an error:\n" + log[-2000:])
    _evidence_steps(chroot, result, f"/home/{USER}/示例.sqlite3", slow)
    # A desktop without a library the X11 platform needs: Chinese advice, no Qt abort.
    output = _run(
        chroot, result, "without libxcb-cursor0: the window program says what to install",
        "dpkg -r --force-depends libxcb-cursor0 >/dev/null 2>&1; "
        + _as_user("rectdesk", display),
        timeout=120 * slow, expect="libxcb-cursor0", status=None,
    )  # fmt: skip
    if "sudo apt install" not in output or re.search(r"qt\.qpa|Could not load the Qt", output):
        raise StepFailed("the missing-library message is not the Chinese one:\n" + output)
    if not re.search(r"[\u4e00-\u9fff]", output):
        raise StepFailed("the missing-library message has no Chinese text")


def _evidence_steps(chroot: Chroot, result: Result, db: str, slow: float) -> None:
    """The compiled libraries at work through the program's own commands (smoke_evidence)."""
    folder = "/tmp/佐证 材料"
    inside = chroot.root / folder.lstrip("/")
    inside.mkdir(mode=0o777, parents=True, exist_ok=True)
    inside.chmod(0o777)
    for name, data in smoke_evidence.photos().items():
        (inside / name).write_bytes(data)
        (inside / name).chmod(0o644)

    def cli(arguments: str) -> str:
        return _as_user(f"rectdesk-cli {arguments}")

    for name, script, check in smoke_evidence.steps(cli, db, folder):
        output = _run(chroot, result, name, script, timeout=300 * slow)
        if check is not None:
            try:
                result.notes.append(check(output))
            except smoke_evidence.EvidenceCheckFailed as failure:
                raise StepFailed(f"{name}: {failure}") from failure


def smoke_debs(debs: list[Path], out: Path) -> bool:
    """Try every package in every root of its architecture; print a summary; True if all held."""
    debian_roots.require_tools("debootstrap", "Xvfb")
    out.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="rectdesk-xvfb-") as fb, xvfb(Path(fb)) as screen:
        display, framebuffer = screen
        for deb in debs:
            arch = deb.stem.rsplit("_", 1)[-1]
            for suite in SUITES[arch]:
                step(f"smoke test of {deb.name} in a fresh {suite} {arch} root")
                results.append(smoke_root(deb, suite, arch, display, framebuffer, out))
    print("\n== smoke summary ==")
    for result in results:
        print(f"{'PASSED' if result.ok else 'FAILED'}  {result.name}")
        for note in result.notes:
            print(f"        {note}")
        for name, seconds in result.timings.items():
            print(f"        {seconds:7.1f} s  {name}")
    ok = bool(results) and all(result.ok for result in results)
    print("DEB SMOKE PASSED" if ok else "DEB SMOKE FAILED")
    return ok


if __name__ == "__main__":
    import sys

    sys.exit(0 if smoke_debs([Path(p) for p in sys.argv[1:]], Path("dist/smoke")) else 1)

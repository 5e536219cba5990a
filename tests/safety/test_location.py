"""A store on a network share or a removable drive is recognised and warned about."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectdesk.services import location
from rectdesk.services.location import (
    Location,
    classify_posix,
    classify_windows,
    location_warning,
    parse_mounts,
)

MOUNTS = r"""sysfs /sys sysfs rw,nosuid 0 0
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
/dev/nvme0n1p1 /boot/efi vfat rw 0 0
//fileserver/办公室 /mnt/share cifs rw,vers=3.0 0 0
nas:/export/ledger /srv/nas nfs4 rw 0 0
user@host:/data /home/clerk/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/clerk/KINGSTON vfat rw,nosuid 0 0
/dev/sdc1 /run/media/clerk/My\040Disk exfat rw 0 0
/dev/sdd1 /data ext4 rw 0 0
"""


def _never(_device: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/clerk/.local/share/RectDesk/rectdesk.sqlite3", Location.LOCAL),
        ("/mnt/share/台账/rectdesk.sqlite3", Location.NETWORK),
        ("/srv/nas/rectdesk.sqlite3", Location.NETWORK),
        ("/home/clerk/remote/x.sqlite3", Location.NETWORK),
        ("/media/clerk/KINGSTON/台账.sqlite3", Location.REMOVABLE),
        ("/run/media/clerk/My Disk/a.sqlite3", Location.REMOVABLE),
        ("/mnt/sharefolder/a.sqlite3", Location.LOCAL),  # a prefix, not the share itself
        ("/boot/efi/a.sqlite3", Location.LOCAL),  # vfat, but not a removable mount point
    ],
)
def test_linux_mounts(path: str, kind: Location) -> None:
    assert classify_posix(Path(path), parse_mounts(MOUNTS), _never)[0] is kind


def test_removable_device_reported_by_the_kernel() -> None:
    def usb(device: str) -> bool:
        return device == "/dev/sdd1"

    assert classify_posix(Path("/data/a.sqlite3"), parse_mounts(MOUNTS), usb)[0] is (
        Location.REMOVABLE
    )


@pytest.mark.parametrize(
    ("path", "drive_type", "kind"),
    [
        (r"\\fileserver\办公室\rectdesk.sqlite3", 3, Location.NETWORK),
        ("//fileserver/share/rectdesk.sqlite3", 3, Location.NETWORK),
        (r"Z:\台账\rectdesk.sqlite3", 4, Location.NETWORK),
        (r"E:\rectdesk.sqlite3", 2, Location.REMOVABLE),
        (r"C:\Users\clerk\AppData\Roaming\RectDesk\rectdesk.sqlite3", 3, Location.LOCAL),
    ],
)
def test_windows_paths(path: str, drive_type: int, kind: Location) -> None:
    assert classify_windows(path, lambda _root: drive_type)[0] is kind


def test_warning_text_names_the_risk_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location, "classify", lambda _p: (Location.NETWORK, "cifs //srv/s"))
    warning = location_warning(tmp_path / "台账.sqlite3")
    assert warning is not None
    assert "网络共享" in warning and "本机硬盘" in warning and "台账.sqlite3" in warning
    monkeypatch.setattr(location, "classify", lambda _p: (Location.REMOVABLE, "/media/u"))
    assert "U 盘" in (location_warning(tmp_path / "a.sqlite3") or "")
    monkeypatch.setattr(location, "classify", lambda _p: (Location.LOCAL, "/"))
    assert location_warning(tmp_path / "a.sqlite3") is None


def test_the_test_folder_itself_is_local(tmp_path: Path) -> None:
    kind, _where = location.classify(tmp_path / "a.sqlite3")
    assert kind is not Location.NETWORK

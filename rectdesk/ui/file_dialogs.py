"""File choosers: the system's own dialog where there is one, each purpose its own last folder.

Qt's static QFileDialog functions show the native dialog on Windows (and on Linux desktops
whose platform theme offers one); only where the platform has none does Qt draw its own.
Each purpose (importing a table, saving a report, evidence files, backups …) remembers the
folder last used for it in QSettings, so the clerk lands where the last such file was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

#: QSettings group of the remembered folders.
GROUP = "folders"


def _settings(qsettings: QSettings | None) -> QSettings:
    return qsettings if qsettings is not None else QSettings()


def last_folder(purpose: str, qsettings: QSettings | None = None) -> str:
    """The folder last used for ``purpose``, else the clerk's documents folder."""
    saved = str(_settings(qsettings).value(f"{GROUP}/{purpose}", "") or "")
    if saved and Path(saved).is_dir():
        return saved
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def remember(purpose: str, chosen: str, qsettings: QSettings | None = None) -> None:
    """Keep the folder of a chosen file (or a chosen folder) for the next time."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings = _settings(qsettings)
    settings.setValue(f"{GROUP}/{purpose}", str(folder))
    settings.sync()


def open_file(
    parent: QWidget | None,
    purpose: str,
    title: str,
    filters: str,
    qsettings: QSettings | None = None,
) -> str:
    """Ask for one existing file; "" when the clerk cancels."""
    start = last_folder(purpose, qsettings)
    name, _chosen = QFileDialog.getOpenFileName(parent, title, start, filters)
    remember(purpose, name, qsettings)
    return name


def open_files(
    parent: QWidget | None,
    purpose: str,
    title: str,
    filters: str,
    qsettings: QSettings | None = None,
) -> list[str]:
    """Ask for existing files; [] when the clerk cancels."""
    start = last_folder(purpose, qsettings)
    names, _chosen = QFileDialog.getOpenFileNames(parent, title, start, filters)
    if names:
        remember(purpose, names[0], qsettings)
    return list(names)


def save_file(
    parent: QWidget | None,
    purpose: str,
    title: str,
    file_name: str,
    filters: str,
    qsettings: QSettings | None = None,
) -> str:
    """Ask where to save ``file_name``; "" when the clerk cancels."""
    start = str(Path(last_folder(purpose, qsettings)) / file_name)
    name, _chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    remember(purpose, name, qsettings)
    return name


def choose_folder(
    parent: QWidget | None, purpose: str, title: str, qsettings: QSettings | None = None
) -> str:
    """Ask for a folder; "" when the clerk cancels."""
    start = last_folder(purpose, qsettings)
    name = QFileDialog.getExistingDirectory(parent, title, start)
    remember(purpose, name, qsettings)
    return name

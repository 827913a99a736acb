"""The file dialogs the window asks through: a file to open, and where to save an export (the folder
of the last export, else the user's Documents folder, and a suggested name)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


_last_export_folder: Path | None = None  # exports of one evening go to one folder
_last_open_folders: dict[str, Path] = {}  # purpose -> the folder files were last chosen from


def choose_export_path(parent: QWidget, title: str, suggested_name: str, file_filter: str) -> Path | None:
    """Where to save an export (offered in the folder of the last one, else Documents), or None if
    the judge cancelled."""
    global _last_export_folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = _last_export_folder if _last_export_folder and _last_export_folder.is_dir() else \
        Path(documents or Path.home())
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(folder / suggested_name), file_filter)
    if not chosen:
        return None
    _last_export_folder = Path(chosen).parent
    return Path(chosen)


def choose_open_path(parent: QWidget, title: str, file_filter: str, folder: Path | str = "") -> Path | None:
    """An existing file to open, or None if the judge cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
    return Path(chosen) if chosen else None


def choose_open_paths(parent: QWidget, title: str, file_filter: str, folder: Path | str = "", *,
                      purpose: str) -> list[Path]:
    """Existing files to open (none if the judge cancelled), offered in the folder they were last chosen
    from for this ``purpose`` in this session (the judges' files on a USB stick), else in ``folder``
    (by default where the system's dialog last was)."""
    last = _last_open_folders.get(purpose)
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(last if last and last.is_dir() else folder),
                                             file_filter)
    if chosen:
        _last_open_folders[purpose] = Path(chosen[0]).parent
    return [Path(path) for path in chosen]

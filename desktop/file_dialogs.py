"""The file dialogs the window asks through: a file to open, and where to save an export (the folder
of the last export, else the user's Documents folder, and a suggested name). The folders are kept in
the app's settings once the window has handed them over (:func:`remember_folders_in`), so that a
restart mid-evening offers the same USB stick and export folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


EXPORT = "export"  # exports of one evening go to one folder
_folders: dict[str, Path] = {}  # purpose -> the folder files were last chosen from or exported to
_settings = None  # the desktop.settings.AppSettings that keeps _folders between sessions


def remember_folders_in(settings) -> None:
    """Keep the dialogs' folders in ``settings`` (a desktop.settings.AppSettings), starting from those
    it holds."""
    global _settings
    _settings = settings
    _folders.clear()
    _folders.update(settings.folders())


def _last_folder(purpose: str) -> Path | None:
    folder = _folders.get(purpose)
    return folder if folder and folder.is_dir() else None  # a USB stick may be gone


def _remember(purpose: str, chosen: str) -> None:
    _folders[purpose] = Path(chosen).parent
    if _settings is not None:
        _settings.set_folder(purpose, _folders[purpose])


def choose_export_path(parent: QWidget, title: str, suggested_name: str, file_filter: str) -> Path | None:
    """Where to save an export (offered in the folder of the last one, else Documents), or None if
    the judge cancelled."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = _last_folder(EXPORT) or Path(documents or Path.home())
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(folder / suggested_name), file_filter)
    if not chosen:
        return None
    _remember(EXPORT, chosen)
    return Path(chosen)


def choose_open_path(parent: QWidget, title: str, file_filter: str, folder: Path | str = "") -> Path | None:
    """An existing file to open, or None if the judge cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
    return Path(chosen) if chosen else None


def choose_open_paths(parent: QWidget, title: str, file_filter: str, folder: Path | str = "", *,
                      purpose: str) -> list[Path]:
    """Existing files to open (none if the judge cancelled), offered in the folder they were last chosen
    from for this ``purpose`` (the judges' files on a USB stick), else in ``folder`` (by default where
    the system's dialog last was)."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(_last_folder(purpose) or folder), file_filter)
    if chosen:
        _remember(purpose, chosen[0])
    return [Path(path) for path in chosen]

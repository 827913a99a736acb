"""The file dialogs the window asks through: a file to open, and where to save an export (the user's
Documents folder and a suggested name)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_export_path(parent: QWidget, title: str, suggested_name: str, file_filter: str) -> Path | None:
    """Where to save an export, or None if the judge cancelled."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = Path(documents or Path.home()) / suggested_name
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(chosen) if chosen else None


def choose_open_path(parent: QWidget, title: str, file_filter: str, folder: Path | str = "") -> Path | None:
    """An existing file to open, or None if the judge cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
    return Path(chosen) if chosen else None

"""The file dialog every export asks through: the user's Documents folder and a suggested name."""

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

"""The read-only tables the dialogs show, and how a dialog follows the store while open."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QTableWidget

from desktop.results_model import StoreBridge


def read_only_table(headers: list[str], rows: int = 0) -> QTableWidget:
    """A table with these column headers, no row numbers and no editing."""
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def follow_store(dialog: QDialog, store, on_change) -> StoreBridge:
    """Call ``on_change(changes)`` on the GUI thread after each store change until ``dialog`` closes."""
    bridge = StoreBridge(store, dialog)
    bridge.changed.connect(on_change)
    dialog.finished.connect(bridge.detach)
    return bridge

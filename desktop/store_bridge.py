"""The one way the desktop follows a contest store: its change callbacks, which run on whichever
thread committed, become a Qt signal delivered on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog


class StoreBridge(QObject):
    """Emits ``changed(core.store.Changes)`` after each change to ``store`` until :meth:`detach`."""

    changed = Signal(object)  # core.store.Changes

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        store.subscribe(self._forward)

    def _forward(self, changes) -> None:
        self.changed.emit(changes)

    def detach(self) -> None:
        self._store.unsubscribe(self._forward)


def follow_store(dialog: QDialog, store, on_change) -> StoreBridge:
    """Call ``on_change(changes)`` on the GUI thread after each store change until ``dialog`` closes."""
    bridge = StoreBridge(store, dialog)
    bridge.changed.connect(on_change)
    dialog.finished.connect(bridge.detach)
    return bridge

"""Which contest file the window shows: opening one (the last one again at start), creating one,
closing it, and following its changes, including those another program (``facescore contest …``)
commits to the file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from core.errors import FaceScoreError
from core.store import ContestStore
from desktop.contests import contests_folder, latest_contest, new_contest_path
from desktop.settings import AppSettings
from desktop.store_bridge import StoreBridge

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 1000  # how soon the window shows what the command line changed in the contest file


class ContestSession(QObject):
    storeChanged = Signal(object)  # the ContestStore now open, or None once closed
    changed = Signal(object)  # core.store.Changes of the open store, on the GUI thread
    lost = Signal(object)  # FaceScoreError: the open file was moved or deleted (said once)

    def __init__(self, settings: AppSettings, parent=None):
        super().__init__(parent)
        self._settings = settings
        self.folder = contests_folder(settings.data_dir)
        self.store: ContestStore | None = None
        self._bridge: StoreBridge | None = None
        self._poll_timer = QTimer(self, interval=POLL_INTERVAL_MS)
        self._poll_timer.timeout.connect(self._poll)

    def initial_contest(self) -> Path | None:
        """The contest to reopen at start: the last one used, else the newest in the folder."""
        last = self._settings.last_contest
        return last if last is not None and last.is_file() else latest_contest(self.folder)

    def missing_last_contest(self) -> Path | None:
        """The last contest used, if it is not there (on a USB stick not plugged in)."""
        last = self._settings.last_contest
        return last if last is not None and not last.is_file() else None

    def open(self, path: Path) -> None:
        """Show the contest at ``path`` (created if new) instead of the current one. Raises FaceScoreError."""
        self._replace(ContestStore(path))
        self._settings.last_contest = Path(path)

    def create(self, name: str) -> None:
        """A new contest file named after ``name`` in the contests folder. Raises FaceScoreError."""
        self.open(new_contest_path(self.folder, name))
        self.store.contest_name = name

    def close(self) -> None:
        """Back the open contest up (core.backups) and close it."""
        self._replace(None)

    def _replace(self, store: ContestStore | None) -> None:
        previous, self.store = self.store, store
        if self._bridge is not None:
            self._bridge.detach()
            self._bridge.deleteLater()
        self._bridge = None if store is None else StoreBridge(store, self)
        if self._bridge is not None:
            self._bridge.changed.connect(self.changed)
        if store is None:
            self._poll_timer.stop()
        else:
            self._poll_timer.start()
        self.storeChanged.emit(store)
        if previous is not None:
            try:
                previous.backup("closed")
            except FaceScoreError as error:  # the contest itself is saved; only its backup is missing
                log.warning("%s", error)
            previous.close()

    def _poll(self) -> None:
        try:
            self.store.poll()
        except FaceScoreError as error:
            self._poll_timer.stop()
            self.lost.emit(error)

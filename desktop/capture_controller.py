"""The capture flow, apart from any widget: the scoring model's state, whether a capture is in
progress, and a capture from the camera or photo files through to the store.

A camera burst goes from the camera thread straight into the scoring worker's queue; the GUI
thread sees only what the view shows: ``started``, then ``stored`` or ``failed``.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from core.errors import FaceScoreError, StoreError
from desktop.workers import CameraWorker, ScoringJob, ScoringWorker


class ModelState(enum.Enum):
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


class CaptureController(QObject):
    """Owns the scoring worker and the busy state; ``camera`` delivers the bursts."""

    modelStateChanged = Signal(object)  # ModelState
    started = Signal(object, object)  # the core.contest.Contestant being captured; the photo files, or ()
    # the stored core.contest.Capture, the number of frames or photos taken, {photo: error} for each photo left out
    stored = Signal(object, int, object)
    failed = Signal(str, object)  # why (a code of desktop.camera_panel.FAILURES), the error or None
    saveFailed = Signal(object)  # the store refused the scored capture (FaceScoreError)
    busyChanged = Signal(bool)
    modelRefused = Signal(object)  # another model (load_model) failed to load; the current one stays

    def __init__(self, camera: CameraWorker, model_card_path: Path | None = None, parent=None):
        super().__init__(parent)
        self._camera = camera
        self._scoring = self._scoring_worker(model_card_path)
        self.model_state = ModelState.LOADING
        self.model_error: Exception | None = None
        self.card = None
        self.camera_live = False
        self._store = None  # the store the capture in progress goes to
        self._contestant = None  # the contestant being captured, None when idle
        self._pending: ScoringWorker | None = None  # another model loading (load_model)
        self._pending_card = None  # its card once loaded, until no capture is in progress
        camera.frameReady.connect(self._on_frame)
        camera.lost.connect(self._on_camera_lost)
        camera.burstFailed.connect(self._on_burst_failed)

    def _scoring_worker(self, card_path: Path | None) -> ScoringWorker:
        worker = ScoringWorker(card_path, self)
        worker.modelReady.connect(self._on_model_ready)
        worker.modelFailed.connect(self._on_model_failed)
        worker.scored.connect(self._on_scored)
        worker.failed.connect(self._on_score_failed)
        return worker

    def start(self) -> None:
        self._scoring.start()

    def load_model(self, path: Path) -> bool:
        """Score with the model at ``path`` (its card, or its .tflite with the card beside it) once it has
        loaded in a worker of its own; the current model scores until then (and until the capture in
        progress is stored), and stays if the new one fails to load (``modelRefused``). Its card, checksum
        and face preparation are checked here first (raises ModelError). False while a model loads."""
        from core.scorer import verified_card

        verified_card(Path(path))
        if self.loading:
            return False
        self._pending = self._scoring_worker(Path(path))
        self._pending.start()
        return True

    @property
    def loading(self) -> bool:
        """A model is loading: the first one, or another one (load_model)."""
        return self.model_state == ModelState.LOADING or self._pending is not None

    def stop(self) -> None:
        for worker in (self._scoring, self._pending):
            if worker is not None:
                worker.stop()

    @property
    def busy(self) -> bool:
        return self._contestant is not None

    @property
    def model_ready(self) -> bool:
        return self.model_state == ModelState.READY

    def camera_changed(self, _spec: str = "") -> None:
        """A new source was chosen: not live until its first frame."""
        self.camera_live = False

    # -- a capture --------------------------------------------------------------

    def capture(self, store, contestant) -> bool:
        """Take a burst from the camera for ``contestant`` and store its score in ``store``."""
        if not self.can_start(contestant) or self._finalized(store):
            return False
        if not self.camera_live:
            self.failed.emit("no_camera", None)
            return False
        self._begin(store, contestant, ())
        contestant_id = contestant.id
        self._camera.request_burst(lambda frames: self._scoring.submit(ScoringJob(contestant_id, frames)))
        return True

    def score_photos(self, store, contestant, paths: list[Path]) -> bool:
        """Score photo files of ``contestant`` together instead of the camera."""
        if not self.can_start(contestant) or self._finalized(store):
            return False
        paths = tuple(map(Path, paths))
        self._begin(store, contestant, paths)
        self._scoring.submit(ScoringJob(contestant.id, photos=paths))
        return True

    def can_start(self, contestant) -> bool:
        """Whether a capture for ``contestant`` may start now; if not, ``failed`` says why (unless busy)."""
        if self.busy:
            return False
        if self.model_state == ModelState.LOADING:
            self.failed.emit("model_loading", None)
        elif self.model_state == ModelState.FAILED:
            self.failed.emit("model_failed", self.model_error)
        elif contestant is None:
            self.failed.emit("no_contestant", None)
        return self.model_ready and contestant is not None

    def _finalized(self, store) -> bool:
        """A finalized contest takes no capture: said before the camera fires, not after scoring."""
        if store is None or not store.finalized:
            return False
        self.failed.emit("refused", StoreError("", code="contest_finalized"))
        return True

    def _begin(self, store, contestant, photos: tuple[Path, ...]) -> None:
        self._store, self._contestant = store, contestant
        self.busyChanged.emit(True)
        self.started.emit(contestant, photos)

    def _end(self) -> None:
        self._store, self._contestant = None, None
        self.busyChanged.emit(False)
        self._adopt_pending()

    def _on_burst_failed(self) -> None:
        if self.busy:
            self._end()
            self.failed.emit("no_camera", None)

    def _on_scored(self, job: ScoringJob, capture, left_out: dict) -> None:
        try:
            stored = self._store.add_capture(capture)
        except FaceScoreError as error:
            self._end()
            self.failed.emit("refused", error)
            self.saveFailed.emit(error)
            return
        self.stored.emit(stored, len(job.frames or job.photos), left_out)
        self._end()

    def _on_score_failed(self, _job: ScoringJob, error: Exception) -> None:
        self._end()
        self.failed.emit("not_scored", error)

    # -- model and camera -------------------------------------------------------

    @Slot(object)
    def _on_model_ready(self, card) -> None:
        if self.sender() is self._pending:
            self._pending_card = card
            self._adopt_pending()
            return
        self.card = card
        self._set_model_state(ModelState.READY)

    @Slot(object)
    def _on_model_failed(self, error: Exception) -> None:
        if self.sender() is self._pending:
            refused, self._pending = self._pending, None
            refused.wait()  # its run() has returned
            refused.deleteLater()
            self.modelRefused.emit(error)
            return
        self.model_error = error
        self._set_model_state(ModelState.FAILED)

    def _adopt_pending(self) -> None:
        """The other model, loaded, takes over once no capture is in progress."""
        if self._pending_card is None or self.busy:
            return
        previous, self._scoring, self._pending = self._scoring, self._pending, None
        previous.stop()  # idle: returns at once
        previous.deleteLater()
        self.card, self._pending_card, self.model_error = self._pending_card, None, None
        self._set_model_state(ModelState.READY)

    def _set_model_state(self, state: ModelState) -> None:
        self.model_state = state
        self.modelStateChanged.emit(state)

    def _on_frame(self, _image) -> None:
        self.camera_live = True

    def _on_camera_lost(self, _error) -> None:
        self.camera_live = False

"""Background threads: the scorer (loads the model, then scores captures), the camera
preview, and the camera probe.

The long-lived workers follow Qt's mandelbrot example: inputs under a QMutex, a
QWaitCondition to wake them, a cooperative ``stop()`` that waits (never
``terminate()``), and results that leave only through signals. Heavy modules
are imported inside ``run()`` so the window can show before they load.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QMutex, QMutexLocker, QThread, QWaitCondition, Signal
from PySide6.QtGui import QImage

from core.errors import FaceScoreError

log = logging.getLogger(__name__)

BURST_FRAMES = 5
BURST_INTERVAL_S = 0.1  # 5 frames over about half a second
STILLS_FPS = 30.0  # pace for sources that do not pace themselves (image folders)
HINT_INTERVAL_S = 0.25  # live face check a few times a second, not every frame
REOPEN_INTERVAL_S = 2.0
FAILED_READS_BEFORE_LOST = 5


def open_frame_source(spec: str):
    """core.camera.open_source, imported on first use (tests replace this function)."""
    from core.camera import open_source

    return open_source(spec)


def to_qimage(rgb: np.ndarray) -> QImage:
    """A QImage that owns its pixels, so the numpy buffer may be freed (see REFERENCE.md §5)."""
    rgb = np.ascontiguousarray(rgb)
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, rgb.strides[0], QImage.Format.Format_RGB888).copy()


class SourceStopped(Exception):
    """The frame source opened but stopped delivering frames (unplugged, file ended)."""

    def __init__(self, description: str):
        super().__init__(f"{description} stopped delivering frames")
        self.description = description


@dataclass(frozen=True)
class ScoringJob:
    contestant_id: int
    frames: tuple = ()  # a camera burst of RGB uint8 frames
    photos: tuple[Path, ...] = ()  # or photo files of the contestant to score instead

    @property
    def source(self) -> str:
        return "file" if self.photos else "camera"


class CooperativeThread(QThread):
    """A long-lived worker: inputs under ``_mutex``, woken by ``_wake``, stopped cooperatively."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._mutex = QMutex()
        self._wake = QWaitCondition()
        self._stopping = False

    def stop(self) -> None:
        with QMutexLocker(self._mutex):
            self._stopping = True
            self._wake.wakeOne()
        self.wait()


class ScoringWorker(CooperativeThread):
    """Loads the scorer and a face detector, warms them up, then scores queued jobs."""

    modelReady = Signal(object)  # core.model_card.ModelCard
    modelFailed = Signal(object)  # the exception
    scored = Signal(object, object, object)  # ScoringJob, core.contest.Capture (not stored yet), {photo: error}
    failed = Signal(object, object)  # ScoringJob, the exception

    def __init__(self, card_path: Path | None = None, parent=None):
        super().__init__(parent)
        self._card_path = card_path
        self._jobs: deque[ScoringJob] = deque()

    def submit(self, job: ScoringJob) -> None:
        with QMutexLocker(self._mutex):
            self._jobs.append(job)
            self._wake.wakeOne()

    def run(self) -> None:
        try:
            scorer, detector = self._load()
        except Exception as error:  # ModelError, or whatever the runtime raises
            log.error("the model failed to load", exc_info=error)
            self.modelFailed.emit(error)
            return
        log.info("model %s ready", scorer.card.version)
        self.modelReady.emit(scorer.card)
        while (job := self._next_job()) is not None:
            try:
                self.scored.emit(job, *self._score(job, scorer, detector))
            except Exception as error:  # reported to the judge, never lost in the thread
                expected = isinstance(error, FaceScoreError)  # no face, blurred…: the judge retakes
                log.log(logging.INFO if expected else logging.ERROR, "contestant %d not scored: %s",
                        job.contestant_id, error, exc_info=None if expected else error)
                self.failed.emit(job, error)

    def _load(self):
        from core.detection import FaceDetector
        from core.scorer import Scorer

        scorer = Scorer(self._card_path)
        detector = FaceDetector()
        # Warm-up at the burst's batch size (each frame with its moved framings), so the first
        # capture is not slower than the rest.
        detector.detect(np.zeros((480, 640, 3), np.uint8))
        crops = BURST_FRAMES * (1 + len(scorer.views))
        scorer.predict(np.zeros((crops, scorer.input_size, scorer.input_size, 3), np.uint8))
        return scorer, detector

    def _next_job(self) -> ScoringJob | None:
        with QMutexLocker(self._mutex):
            while not self._stopping and not self._jobs:
                self._wake.wait(self._mutex)
            return None if self._stopping else self._jobs.popleft()

    @staticmethod
    def _score(job: ScoringJob, scorer, detector):
        """The capture (not stored yet), and the error that left out each photo not used."""
        from core.capture import score_burst, to_capture
        from core.photo_import import photos_error, score_photos

        errors = {}
        if job.photos:
            result, errors = score_photos(job.photos, detector, scorer)
            if result is None:
                raise photos_error(errors)
        else:
            result = score_burst(list(job.frames), detector, scorer)
        return to_capture(result, job.contestant_id, job.source), errors


class CameraWorker(CooperativeThread):
    """Reads the chosen frame source, emits preview frames and a live face check, takes bursts.

    A source that cannot be opened or stops delivering is reported through
    ``lost`` and reopened every REOPEN_INTERVAL_S until it works again.
    """

    frameReady = Signal(QImage)
    faceHint = Signal(object, object)  # face box (x0, y0, x1, y1) or None, tuple of QualityIssue
    opened = Signal(str)  # the source's description
    lost = Signal(object)  # CameraError (cannot open) or SourceStopped
    burstFailed = Signal()  # the source was lost before the requested burst was complete

    def __init__(self, parent=None):
        super().__init__(parent)
        self._spec: str | None = None
        self._spec_changed = False
        self._burst_wanted = False
        self._deliver_burst = None  # called on this thread with the burst's frames
        self._frame_pending = False

    # -- called from the GUI thread ---------------------------------------------

    def set_source(self, spec: str | None) -> None:
        with QMutexLocker(self._mutex):
            self._spec, self._spec_changed = spec, True
            self._wake.wakeOne()

    def request_burst(self, deliver) -> None:
        """Take a burst and hand its frames to ``deliver(frames)`` on the camera thread, so full
        frames never pass through the GUI thread; ``burstFailed`` if the source is lost first."""
        with QMutexLocker(self._mutex):
            self._burst_wanted, self._deliver_burst = True, deliver
            self._wake.wakeOne()

    def frame_shown(self) -> None:
        """The GUI painted the last frame; without this call no new frame is sent (no backlog)."""
        with QMutexLocker(self._mutex):
            self._frame_pending = False

    # -- the thread -------------------------------------------------------------

    def run(self) -> None:
        from core.camera import DeviceSource
        from core.detection import FaceDetector

        detector = FaceDetector()  # this thread's own: detectors are not thread-safe
        source = None
        burst: list[tuple[float, np.ndarray]] = []  # (time taken, frame)
        next_hint = 0.0
        failed_reads = 0
        reported = None  # the last open failure logged
        while True:
            with QMutexLocker(self._mutex):
                if self._stopping:
                    break
                spec, changed = self._spec, self._spec_changed
                self._spec_changed = False
                burst_wanted = self._burst_wanted
            if changed and source is not None:
                source.close()
                source = None
            if source is None:
                burst = []
                self._fail_burst(burst_wanted)
                if spec is None:
                    self._sleep(None)
                    continue
                try:
                    source = open_frame_source(spec)
                except Exception as error:  # CameraError, or an OpenCV failure
                    if str(error) != reported:  # retried every REOPEN_INTERVAL_S: log it once
                        log.warning("camera %s cannot be opened: %s", spec, error)
                        reported = str(error)
                    self.lost.emit(error)
                    self._sleep(REOPEN_INTERVAL_S)
                    continue
                log.info("camera opened: %s", source.description)
                reported = None
                self.opened.emit(source.description)
                failed_reads = 0
                pace = None if isinstance(source, DeviceSource) else 1.0 / (source.fps or STILLS_FPS)

            started = time.monotonic()
            try:
                frame = source.read()
            except Exception:  # a driver error reads as a lost camera
                frame = None
            if frame is None:
                failed_reads += 1
                if failed_reads >= FAILED_READS_BEFORE_LOST:
                    log.warning("camera %s stopped delivering frames", source.description)
                    self.lost.emit(SourceStopped(source.description))
                    source.close()
                    source = None
                    burst = []
                    self._fail_burst(burst_wanted)
                    self._sleep(REOPEN_INTERVAL_S)
                continue
            failed_reads = 0

            self._emit_frame(frame)
            if started >= next_hint:
                next_hint = started + HINT_INTERVAL_S
                self.faceHint.emit(*self._check_face(frame, detector))
            if burst_wanted and (not burst or started - burst[-1][0] >= BURST_INTERVAL_S):
                burst.append((started, frame))
                if len(burst) == BURST_FRAMES:
                    with QMutexLocker(self._mutex):
                        self._burst_wanted, deliver = False, self._deliver_burst
                    deliver(tuple(image for _, image in burst))
                    burst = []
            if pace is not None:
                remaining = pace - (time.monotonic() - started)
                if remaining > 0:
                    self.msleep(int(remaining * 1000))
        if source is not None:
            source.close()

    def _emit_frame(self, frame: np.ndarray) -> None:
        with QMutexLocker(self._mutex):
            if self._frame_pending:
                return
            self._frame_pending = True
        self.frameReady.emit(to_qimage(frame))

    @staticmethod
    def _check_face(frame: np.ndarray, detector):
        from core.faces import FaceQualityError, prepare_face

        try:
            prepared = prepare_face(frame, detector, check_quality=False)
        except FaceQualityError as error:
            return None, error.issues
        return prepared.face.box, prepared.quality.issues

    def _fail_burst(self, burst_wanted: bool) -> None:
        if burst_wanted:
            with QMutexLocker(self._mutex):
                self._burst_wanted = False
            self.burstFailed.emit()

    def _sleep(self, seconds: float | None) -> None:
        """Wait ``seconds`` (None: indefinitely), woken early by a stop, new source or burst."""
        with QMutexLocker(self._mutex):
            if self._stopping or self._spec_changed or self._burst_wanted:
                return
            if seconds is None:
                self._wake.wait(self._mutex)
            else:
                self._wake.wait(self._mutex, int(seconds * 1000))


class DeviceProbe(QThread):
    """Lists the cameras by name without opening them (a system call that may take a moment)."""

    found = Signal(list)  # core.camera.CameraDevice

    def run(self) -> None:
        from core.camera import list_cameras

        try:
            devices = list_cameras()
        except Exception:  # no camera stack at all: offer none
            log.warning("looking for cameras failed", exc_info=True)
            devices = []
        self.found.emit(devices)

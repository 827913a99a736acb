"""The capture flow without a window: the burst goes from the camera thread to the scoring queue,
and the GUI thread only hears that a capture started, was stored or failed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread

from core.contest import Contestant
from core.store import ContestStore
from tests.desktop.conftest import MODEL_TIMEOUT_MS


@pytest.fixture
def flow(qtbot, tmp_path):
    from desktop.capture_controller import CaptureController
    from desktop.workers import CameraWorker

    camera = CameraWorker()
    controller = CaptureController(camera)
    store = ContestStore(tmp_path / "contest.sqlite")
    yield camera, controller, store
    camera.stop()
    controller.stop()
    store.close()


def test_a_burst_reaches_the_scorer_off_the_gui_thread_and_only_the_result_comes_back(qtbot, flow, camera_folders):
    from desktop.capture_controller import ModelState

    camera, controller, store = flow
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    with qtbot.waitSignal(controller.modelStateChanged, timeout=MODEL_TIMEOUT_MS) as state:
        controller.start()
    assert state.args == [ModelState.READY]
    camera.start()
    camera.set_source(str(camera_folders[0]))
    qtbot.waitUntil(lambda: controller.camera_live, timeout=10_000)

    submitted_on, submit = [], controller._scoring.submit
    controller._scoring.submit = lambda job: (submitted_on.append((QThread.currentThread(), job)), submit(job))
    busy = []
    controller.busyChanged.connect(busy.append)
    with qtbot.waitSignal(controller.stored, timeout=30_000) as stored:
        assert controller.capture(store, ann)
        assert controller.busy and not controller.capture(store, ann)  # one capture at a time
    (thread, job), = submitted_on
    assert thread is not QThread.currentThread() and len(job.frames) == 5 and job.contestant_id == ann.id
    capture, frames, left_out = stored.args
    assert frames == 5 and left_out == {} and capture.contestant_id == ann.id
    assert store.current_captures()[ann.id] == capture
    assert busy == [True, False] and not controller.busy


def test_a_capture_is_refused_with_the_reason_while_the_model_loads_or_nobody_is_selected(qtbot, flow):
    _camera, controller, store = flow
    reasons = []
    controller.failed.connect(lambda reason, error: reasons.append((reason, error)))
    assert not controller.capture(store, Contestant(1, "1", "Ann"))
    with qtbot.waitSignal(controller.modelStateChanged, timeout=MODEL_TIMEOUT_MS):
        controller.start()
    assert not controller.capture(store, None)
    assert not controller.capture(store, Contestant(1, "1", "Ann"))  # no camera frame yet
    assert reasons == [("model_loading", None), ("no_contestant", None), ("no_camera", None)]
    assert not controller.busy

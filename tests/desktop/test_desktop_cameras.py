"""Cameras by name: the list shows what the system calls each camera, the chosen one is
remembered by name and picked again after re-plugging moves it to another index."""

from __future__ import annotations

import core.camera
from core.camera import CameraDevice
from desktop.settings import AppSettings

BUILT_IN, USB = "Integrated Webcam", "Logitech BRIO"


def plug(monkeypatch, qtbot, window, cameras: list[CameraDevice]) -> None:
    """The system now reports ``cameras``; the window looks again (as its timer does)."""
    monkeypatch.setattr(core.camera, "list_cameras", lambda: list(cameras))
    feed = window.camera_feed
    qtbot.waitUntil(lambda: not feed.probe.isRunning(), timeout=10_000)
    with qtbot.waitSignal(feed.probe.found, timeout=10_000):
        feed.look_for_cameras()


def test_cameras_are_named_and_found_again_by_name_after_replugging(qtbot, tmp_path, open_window, monkeypatch):
    data = tmp_path / "data"
    window = open_window(data, wait_for_model=False)
    plug(monkeypatch, qtbot, window, [CameraDevice(0, BUILT_IN), CameraDevice(1, USB)])
    panel = window.camera_panel
    assert panel.source_labels == [BUILT_IN, USB]
    assert panel.source_specs == ["0", "1"]  # nothing remembered yet: the first camera
    assert AppSettings(data).camera_name == BUILT_IN

    panel.sourceChosen.emit("1")  # the judge picks the USB camera
    assert AppSettings(data).camera_name == USB

    # Unplugged and plugged into another port: it comes back as number 2 and is used again.
    plug(monkeypatch, qtbot, window, [CameraDevice(0, BUILT_IN)])
    assert panel.source_labels == [BUILT_IN, "Camera 1"]  # the chosen one stays listed while it is away
    plug(monkeypatch, qtbot, window, [CameraDevice(0, BUILT_IN), CameraDevice(2, USB)])
    assert panel.source_specs == ["0", "2"] and panel.source_labels[panel.source_specs.index("2")] == USB
    assert AppSettings(data).camera_source == "2"
    window.close()

    # Next start, the USB camera is the only one left and has become number 0.
    reopened = open_window(data, wait_for_model=False)
    plug(monkeypatch, qtbot, reopened, [CameraDevice(0, USB)])
    assert reopened.camera_panel.source_specs == ["0"] and AppSettings(data).camera_source == "0"


def test_two_cameras_of_one_model_are_told_apart(qtbot, tmp_path, open_window, monkeypatch):
    window = open_window(tmp_path / "data", wait_for_model=False)
    plug(monkeypatch, qtbot, window, [CameraDevice(0, "USB Camera"), CameraDevice(1, "USB Camera")])
    assert window.camera_panel.source_labels == ["USB Camera (0)", "USB Camera (1)"]


def test_the_command_lines_camera_is_kept(qtbot, tmp_path, open_window, monkeypatch):
    settings = AppSettings(tmp_path / "data")
    settings.camera_source, settings.camera_name = "0", USB
    window = open_window(tmp_path / "data", camera="1", wait_for_model=False)
    with qtbot.assertNotEmitted(window.camera_feed.sourceChanged):  # the remembered USB camera is not taken
        plug(monkeypatch, qtbot, window, [CameraDevice(0, USB), CameraDevice(1, BUILT_IN)])
    assert window.camera_panel.source_labels == [USB, BUILT_IN]


def test_no_picture_is_no_longer_said_once_the_camera_is_back(qtbot):
    from PySide6.QtGui import QAction

    from core.score import NATIVE_SCALE
    from desktop.camera_panel import CameraPanel

    panel = CameraPanel(QAction("Capture"), QAction("Import"), NATIVE_SCALE)
    qtbot.addWidget(panel)
    panel.show_failure("no_contestant")
    panel.show_opened("cam_live.avi")
    assert panel.message_text().startswith("Select a contestant")  # other reasons stay
    panel.show_failure("no_camera")
    assert panel.message_text().startswith("No picture from the camera")
    panel.show_opened("cam_live.avi")
    assert panel.message_text() == ""

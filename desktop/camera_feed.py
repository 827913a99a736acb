"""The camera side of the window: which frame source is used (remembered in the settings, a
camera by its name too), the cameras found on this computer, and the preview, the face box and
the camera's state on the camera panel."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from core.camera import CameraDevice, find_camera
from desktop.camera_panel import CameraPanel
from desktop.settings import AppSettings
from desktop.workers import CameraWorker, DeviceProbe


log = logging.getLogger(__name__)
POLL_MS = 3000  # cameras plugged in or out; listing them opens none, so it may run this often


class CameraFeed(QObject):
    sourceChanged = Signal(str)  # the spec now opened: a camera index, a video file or a folder

    def __init__(self, panel: CameraPanel, settings: AppSettings, camera_spec: str | None = None, parent=None):
        """``camera_spec`` (the command line's ``--camera``) wins over the remembered source."""
        super().__init__(parent)
        self._panel = panel
        self._settings = settings
        self._spec = camera_spec or settings.camera_source
        self._pinned = camera_spec is not None  # the command line's choice is never switched
        self._extra_specs = [camera_spec] if camera_spec else []  # files and folders chosen, besides cameras
        self._devices: list[CameraDevice] = []
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.look_for_cameras)
        self.worker = CameraWorker(self)
        self.probe = DeviceProbe(self)
        self.worker.frameReady.connect(self._on_frame)
        self.worker.faceHint.connect(panel.show_hint)
        self.worker.opened.connect(panel.show_opened)
        self.worker.lost.connect(panel.show_lost)
        self.probe.found.connect(self._on_devices_found)
        panel.sourceChosen.connect(self.set_source)

    def start(self) -> None:
        self.worker.start()
        self.probe.start()
        self._poll.start()
        self._panel.set_sources(self._extra_specs, self._spec)
        if self._spec:
            self.worker.set_source(self._spec)
        else:
            self._panel.show_no_camera()

    def stop(self) -> None:
        self._poll.stop()
        self.worker.stop()
        self.probe.wait()

    def set_source(self, spec: str) -> None:
        self._spec = spec
        if spec.isdigit():
            self._settings.camera_name = self._names().get(spec)
        elif spec not in self._extra_specs:
            self._extra_specs.append(spec)
        self._settings.camera_source = spec
        self._show_sources()
        self.sourceChanged.emit(spec)
        self.worker.set_source(spec)

    def _names(self) -> dict[str, str]:
        return {str(device.index): device.name for device in self._devices}

    def _show_sources(self) -> None:
        specs = [str(device.index) for device in self._devices]
        self._panel.set_sources(specs + self._extra_specs, self._spec, self._names())

    def look_for_cameras(self) -> None:
        if not self.probe.isRunning():
            self.probe.start()

    def _on_devices_found(self, devices: list[CameraDevice]) -> None:
        if devices == self._devices:
            return
        log.info("cameras: %s", "; ".join(f"{device.index} {device.name}" for device in devices) or "none")
        self._devices = devices
        self._show_sources()
        if self._pinned or (self._spec is not None and not self._spec.isdigit()):
            return  # a file or folder, or the command line's camera
        index = int(self._spec) if self._spec is not None else None
        chosen = find_camera(devices, self._settings.camera_name, index)
        if chosen is None and index is None and devices:
            chosen = devices[0]
        if chosen is not None and chosen.index != index:
            log.info("camera %r is now number %d", chosen.name, chosen.index)
            self.set_source(str(chosen.index))
        elif chosen is not None:
            self._settings.camera_name = chosen.name

    def _on_frame(self, image) -> None:
        self._panel.show_frame(image)
        self.worker.frame_shown()

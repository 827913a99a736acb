"""The camera side of the window: which frame source is used (remembered in the settings), the
cameras found on this computer, and the preview, the face box and the camera's state on the
camera panel."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.camera_panel import CameraPanel
from desktop.settings import AppSettings
from desktop.workers import CameraWorker, DeviceProbe


class CameraFeed(QObject):
    sourceChanged = Signal(str)  # the spec now opened: a camera index, a video file or a folder

    def __init__(self, panel: CameraPanel, settings: AppSettings, camera_spec: str | None = None, parent=None):
        """``camera_spec`` (the command line's ``--camera``) wins over the remembered source."""
        super().__init__(parent)
        self._panel = panel
        self._settings = settings
        self._spec = camera_spec or settings.camera_source
        self._extra_specs = [camera_spec] if camera_spec else []  # files and folders chosen, besides cameras
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
        self._panel.set_sources(self._extra_specs, self._spec)
        if self._spec:
            self.worker.set_source(self._spec)
        else:
            self._panel.show_no_camera()

    def stop(self) -> None:
        self.worker.stop()
        self.probe.wait()

    def set_source(self, spec: str) -> None:
        self._spec = spec
        if not spec.isdigit() and spec not in self._extra_specs:
            self._extra_specs.append(spec)
        self._settings.camera_source = spec
        devices = [s for s in self._panel.source_specs if s.isdigit()]
        self._panel.set_sources(devices + self._extra_specs, spec)
        self.sourceChanged.emit(spec)
        self.worker.set_source(spec)

    def look_for_cameras(self) -> None:
        if not self.probe.isRunning():
            self.probe.start()

    def _on_devices_found(self, devices: list[int]) -> None:
        specs = [str(index) for index in devices]
        self._panel.set_sources(specs + self._extra_specs, self._spec)
        if self._spec is None and specs:
            self.set_source(specs[0])

    def _on_frame(self, image) -> None:
        self._panel.show_frame(image)
        self.worker.frame_shown()

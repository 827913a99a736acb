"""Frame sources: a camera, a video file or a folder of images, all yielding RGB uint8 frames."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from core.errors import CameraError, ImageLoadError
from core.images import load_image

if TYPE_CHECKING:
    import cv2

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"}

# OpenCV is imported where a source is opened, not with this module: the app imports this module
# before its window shows, and OpenCV's libraries are a good part of what a cold start reads.


def device_backend() -> int:
    """The camera API per platform, for listing and opening alike, so that an index means the same
    camera (Windows: DirectShow opens faster and more reliably than Media Foundation)."""
    import cv2

    return {"win32": cv2.CAP_DSHOW, "darwin": cv2.CAP_AVFOUNDATION}.get(sys.platform, cv2.CAP_V4L2)


class FrameSource(Protocol):
    description: str  # shown to the judge, e.g. "Camera 0" or a file name
    fps: float | None  # the rate to play at; None when read() paces itself or frames are stills

    def read(self) -> np.ndarray | None:
        """The next RGB uint8 frame, or None when there is none now (or the source ended)."""

    def close(self) -> None: ...


class _Capture:
    """A cv2.VideoCapture with context-manager support and RGB frames."""

    def __init__(self, capture: cv2.VideoCapture, description: str):
        self._capture = capture
        self.description = description

    def _read_rgb(self) -> np.ndarray | None:
        ok, frame = self._capture.read()
        return _to_rgb(frame) if ok and frame is not None else None

    def close(self) -> None:
        self._capture.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class DeviceSource(_Capture):
    fps = None  # read() blocks until the camera delivers

    def __init__(self, index: int):
        super().__init__(_open_device(index), f"Camera {index}")
        if not self._capture.isOpened():
            self.close()
            raise CameraError(f"Camera {index} cannot be opened; is it connected and not in use "
                              "by another program?", code="camera_unavailable", index=index)

    def read(self) -> np.ndarray | None:
        return self._read_rgb()


class VideoFileSource(_Capture):
    def __init__(self, path: str | Path, loop: bool = True):
        path = Path(path)
        if not path.is_file():
            raise CameraError(f"Video file {path} not found.", code="video_not_found", path=str(path))
        import cv2

        super().__init__(cv2.VideoCapture(str(path)), path.name)
        self.loop = loop
        self._first = self._read_rgb() if self._capture.isOpened() else None
        if self._first is None:
            self.close()
            raise CameraError(f"{path.name} cannot be played: not a video, or a format OpenCV "
                              "cannot decode.", code="video_unplayable", file=path.name)
        fps = self._capture.get(cv2.CAP_PROP_FPS)
        self.fps = fps if 0 < fps < 1000 else None

    def read(self) -> np.ndarray | None:
        if self._first is not None:  # decoded once in __init__ to prove the file plays
            frame, self._first = self._first, None
            return frame
        frame = self._read_rgb()
        if frame is None and self.loop:
            import cv2

            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            frame = self._read_rgb()
        return frame


class ImageFolderSource:
    fps = None

    def __init__(self, folder: str | Path, loop: bool = True):
        folder = Path(folder)
        if not folder.is_dir():
            raise CameraError(f"Folder {folder} not found.", code="folder_not_found", path=str(folder))
        self._files = sorted((p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES
                              and p.is_file()), key=lambda p: p.name.casefold())
        if not self._files:
            suffixes = ", ".join(sorted(IMAGE_SUFFIXES))
            raise CameraError(f"Folder {folder} holds no images ({suffixes}).", code="folder_without_images",
                              path=str(folder), suffixes=suffixes)
        self.description = folder.name
        self.loop = loop
        self._next = 0

    def read(self) -> np.ndarray | None:
        """The next readable image; unreadable files are skipped."""
        for _ in range(len(self._files)):  # at most one full pass, so all-bad folders end
            if self._next == len(self._files):
                if not self.loop:
                    return None
                self._next = 0
            path = self._files[self._next]
            self._next += 1
            try:
                return load_image(path)
            except ImageLoadError:
                continue
        return None

    def close(self) -> None:
        self._files = []
        self._next = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def open_source(spec: str) -> FrameSource:
    """A camera for digits ("0"), an image folder for a folder, else a video file."""
    spec = spec.strip()
    if not spec:
        raise CameraError("No camera, video file or image folder was given.", code="no_source")
    if spec.isdigit():
        return DeviceSource(int(spec))
    if Path(spec).is_dir():
        return ImageFolderSource(spec)
    return VideoFileSource(spec)


@dataclass(frozen=True)
class CameraDevice:
    index: int  # what OpenCV opens (may change when cameras are plugged in or out)
    name: str  # what the system calls it: "Integrated Webcam", "Logitech BRIO"…


def list_cameras() -> list[CameraDevice]:
    """The cameras the system reports, with their names, without opening any: no camera light
    comes on and a camera another program uses is left alone (cv2_enumerate_cameras)."""
    from cv2_enumerate_cameras import enumerate_cameras

    return sorted((CameraDevice(camera.index, camera.name) for camera in enumerate_cameras(device_backend())),
                  key=lambda camera: camera.index)


def find_camera(cameras: list[CameraDevice], name: str | None, index: int | None) -> CameraDevice | None:
    """The remembered camera among ``cameras``: by name, as its index may have changed after
    re-plugging (of two cameras with the same name, the one at the remembered index); by index
    when no name was remembered."""
    if name is None:
        return next((camera for camera in cameras if camera.index == index), None)
    named = [camera for camera in cameras if camera.name == name]
    return next((camera for camera in named if camera.index == index), named[0] if named else None)


def _open_device(index: int) -> cv2.VideoCapture:
    import cv2

    return cv2.VideoCapture(index, device_backend())


def _to_rgb(frame: np.ndarray) -> np.ndarray:
    import cv2

    if frame.ndim == 2:
        return cv2.cvtColor(frame, cv2.COLOR_GRAY2RGB)
    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2RGB)
    return cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)

"""Live preview frame rate at 640x480: camera read -> face box -> QImage, offscreen.

    python -m benchmarks.preview_fps [--quick] [--repetitions N] [--seconds S]

Two measurements, each repeated:
- app: frames painted by the desktop app's preview (MainWindow -> CameraWorker -> PreviewView),
  counted once the model is ready, from a 30 fps video file and from an image folder; the
  worker paces both to 30 fps, so 30 is the ceiling;
- capacity: the same per-frame work unpaced in one thread (core.camera.VideoFileSource.read,
  the worker's live face check every HINT_EVERY-th frame, desktop.workers.to_qimage), i.e. the
  frame rate the pipeline could sustain.
Frames show the public-domain sample face, so the live face check finds a face as at the venue.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

from benchmarks.common import median_of, parse_args, print_table, write_result
from core.images import load_image
from core.resources import resource_path

SIZE = (480, 640)  # height, width
VIDEO_FPS = 30.0
GOAL_FPS = 25.0
MODEL_TIMEOUT_S = 60.0
# The worker checks the face every HINT_INTERVAL_S (0.25 s), i.e. every 7-8th frame at 30 fps.
HINT_EVERY = 8
CAPACITY_FRAMES = 300


def sample_scene() -> np.ndarray:
    height, width = SIZE
    frame = np.full((height, width, 3), 128, np.uint8)
    face = load_image(resource_path("sample_face.jpg"))
    scale = 400 / max(face.shape[:2])
    face = cv2.resize(face, (int(face.shape[1] * scale), int(face.shape[0] * scale)))
    top, left = (height - face.shape[0]) // 2, (width - face.shape[1]) // 2
    frame[top : top + face.shape[0], left : left + face.shape[1]] = face
    return cv2.cvtColor(frame, cv2.COLOR_RGB2BGR)


def make_sources(folder: Path) -> dict[str, Path]:
    scene = sample_scene()
    images = folder / "images"
    images.mkdir()
    for index in range(10):
        cv2.imwrite(str(images / f"{index:02d}.jpg"), np.roll(scene, index * 4, axis=1))
    video = folder / "video.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), VIDEO_FPS, SIZE[::-1])
    for index in range(90):
        writer.write(np.roll(scene, index, axis=1))
    writer.release()
    return {"video file": video, "image folder": images}


def run_events(seconds: float, until=lambda: False) -> None:
    """Run the Qt event loop for ``seconds``, or until ``until()`` holds."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        QCoreApplication.processEvents()
        time.sleep(0.005)


def app_fps(spec: Path, seconds: float, data_dir: Path) -> float:
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    window = MainWindow(AppSettings(data_dir), camera_spec=str(spec))
    window.show()
    window.start()
    run_events(MODEL_TIMEOUT_S, lambda: window.model_ready and window.camera_live)
    if not (window.model_ready and window.camera_live):
        raise RuntimeError(f"{spec.name}: model or camera not ready after {MODEL_TIMEOUT_S:.0f} s")
    preview = window.camera_panel.preview
    before, started = preview.frames_shown, time.monotonic()
    run_events(seconds)
    fps = (preview.frames_shown - before) / (time.monotonic() - started)
    window.close()
    run_events(0.1)
    return fps


def capacity_fps(video: Path) -> float:
    from core.camera import VideoFileSource
    from core.detection import FaceDetector
    from desktop.workers import CameraWorker, to_qimage

    detector = FaceDetector()
    with VideoFileSource(video) as source:
        started = time.perf_counter()
        for index in range(CAPACITY_FRAMES):
            frame = source.read()
            if index % HINT_EVERY == 0:
                box, _ = CameraWorker._check_face(frame, detector)
                assert box is not None, "the sample face was not found"
            to_qimage(frame)
        return CAPACITY_FRAMES / (time.perf_counter() - started)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    args = parse_args(__doc__.splitlines()[0],
                      lambda parser: parser.add_argument("--seconds", type=float, default=5.0))
    app = QApplication.instance() or QApplication([])  # noqa: F841
    repetitions = []
    with tempfile.TemporaryDirectory() as folder:
        sources = make_sources(Path(folder))
        for repetition in range(args.repetitions):
            figures = {"capacity": capacity_fps(sources["video file"])}
            for name, spec in sources.items():
                data_dir = Path(folder) / f"data-{repetition}-{spec.stem}"
                data_dir.mkdir()
                figures[f"app {name}"] = app_fps(spec, args.seconds, data_dir)
            repetitions.append(figures)
    fps = {key: median_of(repetitions, key) for key in repetitions[0]}
    write_result("preview_fps", {"fps": fps, "seconds_per_measurement": args.seconds,
                                 "hint_every": HINT_EVERY, "goal_fps": GOAL_FPS, "repetitions": repetitions})
    print_table(f"Preview at 640x480, offscreen (median of {args.repetitions})", ("path", "fps", "goal"), [
        ("app, 30 fps video file (paced to 30)", f"{fps['app video file']:.1f}", f">= {GOAL_FPS:.0f}"),
        ("app, image folder (paced to 30)", f"{fps['app image folder']:.1f}", f">= {GOAL_FPS:.0f}"),
        (f"capacity: read + face check every {HINT_EVERY}th frame + QImage, unpaced",
         f"{fps['capacity']:.1f}", f">= {GOAL_FPS:.0f}")])


if __name__ == "__main__":
    main()

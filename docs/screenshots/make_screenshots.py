"""Regenerate the documentation screenshots at 1366x768 (run under a real X server or Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/make_screenshots.py

Only the public-domain sample face (resources/sample_face.jpg) and variations of it
appear: the SCUT-FBP5500 licence forbids copying its images into the repository.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent
SCREEN = (1366, 768)
ROSTER = [("1", "Lin Mei-hua", "Miss"), ("2", "Alice Wong", "Miss"), ("3", "Bea Santos", "Miss"),
          ("4", "陳怡君", "Miss"), ("5", "Dana Lee", "Teen"), ("6", "Eva Kovacs", "Teen"),
          ("7", "Fiona Ng", "Teen")]


def sample_variations() -> list[np.ndarray]:
    """640x480 scenes of the sample face: scaled, mirrored, re-lit, toned; each scores a little differently."""
    from core.detection import FaceDetector
    from core.images import load_image
    from core.resources import resource_path

    portrait = load_image(resource_path("sample_face.jpg"))
    x0, y0, x1, y1 = FaceDetector().detect(portrait)[0].box
    half = int((x1 - x0) * 1.6)  # head and shoulders, as a judge's camera frames a contestant
    cx, cy = int((x0 + x1) / 2), int((y0 + y1) / 2) + half // 4
    face = portrait[max(0, cy - half) : cy + half, max(0, cx - half) : cx + half]
    scenes = []
    for index, (height, flip, gain, tone) in enumerate([(440, False, 1.0, None), (400, True, 1.1, None),
                                                        (460, False, 0.9, "grey"), (420, True, 1.0, "warm"),
                                                        (380, False, 1.15, "cool")]):
        scale = height / face.shape[0]
        image = cv2.resize(face, (int(face.shape[1] * scale), height), interpolation=cv2.INTER_AREA)
        image = image[:, ::-1] if flip else image
        image = np.clip(image.astype(np.float32) * gain, 0, 255)
        if tone == "grey":
            image = np.repeat(image.mean(axis=2, keepdims=True), 3, axis=2)
        elif tone in ("warm", "cool"):
            image = image * (np.array([1.08, 1.0, 0.9]) if tone == "warm" else np.array([0.92, 1.0, 1.08]))
        scene = np.full((480, 640, 3), 60 + 25 * index, np.uint8)
        top, left = (480 - image.shape[0]) // 2, (640 - image.shape[1]) // 2
        scene[top : top + image.shape[0], left : left + image.shape[1]] = np.clip(image, 0, 255)
        scenes.append(scene)
    return scenes


def write_folder(folder: Path, scene: np.ndarray) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(folder / "frame.jpg"), cv2.cvtColor(scene, cv2.COLOR_RGB2BGR))
    return folder


def wait_until(condition=lambda: False, seconds=20.0) -> None:
    """Run the event loop until ``condition()`` holds or ``seconds`` pass."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: condition() and loop.quit())
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    timer.start()
    loop.exec()


def save_png(widget, path: Path) -> None:
    """``widget`` as it looks now, in a 256-colour palette that keeps each file well under 300 KB."""
    wait_until(seconds=0.6)
    widget.grab().save(str(path), "PNG")
    with Image.open(path) as shot:
        palette = shot.convert("RGB").quantize(256, dither=Image.Dither.FLOYDSTEINBERG)
    palette.save(path, optimize=True)
    print("saved", path, path.stat().st_size // 1024, "KB")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from core.contest import Contestant
    from desktop import i18n
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    app = QApplication([])
    work = Path(tempfile.mkdtemp())
    scenes = sample_variations()
    cameras = [write_folder(work / f"camera{i}", scene) for i, scene in enumerate(scenes)]
    empty_room = write_folder(work / "empty", np.full((480, 640, 3), 70, np.uint8))

    def open_window(data_dir: Path, camera: Path | None, language="en") -> MainWindow:
        i18n.set_language(language)
        window = MainWindow(AppSettings(data_dir), camera_spec=str(camera) if camera else None)
        window.resize(*SCREEN)
        window.show()
        window.start()
        wait_until(lambda: window.model_ready)
        return window

    def save(widget, name: str) -> None:
        save_png(widget, OUT / f"{name}.png")

    window = open_window(work / "empty-contest", None)
    window.store.contest_name = "Spring Pageant 2026"
    save(window, "1-empty-contest")
    window.close()

    window = open_window(work / "contest", cameras[0])
    window.store.contest_name = "Spring Pageant 2026"
    for number, name, division in ROSTER:
        window.store.add_contestant(Contestant(None, number, name, division))
    wait_until(lambda: window.results_model.rowCount() == len(ROSTER))
    window.select_number("1")
    wait_until(lambda: window.camera_live and "Face OK" in window.camera_panel.hint)
    save(window, "2-live-preview")

    for camera, number in zip(cameras, ("1", "2", "3", "4", "5")):
        window.camera_feed.set_source(str(camera))
        wait_until(lambda: window.camera_live)
        window.select_number(number)
        window.capture()
        wait_until(lambda: not window.busy)
    window.camera_feed.set_source(str(cameras[0]))
    wait_until(lambda: window.camera_live)
    window.select_number("2")
    save(window, "3-ranked-table")

    window.camera_feed.set_source(str(empty_room))
    wait_until(lambda: window.camera_live and "No face" in window.camera_panel.hint)
    window.select_number("6")
    window.capture()
    wait_until(lambda: not window.busy and "Nothing stored" in window.camera_panel.message)
    save(window, "4-error-no-face")

    window.preferences.set_language("zh_TW")
    window.camera_feed.set_source(str(cameras[1]))
    wait_until(lambda: window.camera_live and "臉部良好" in window.camera_panel.hint)
    window.select_number("4")
    save(window, "5-ranked-table-zh-TW")
    window.preferences.set_language("en")
    about = window.help.show_about()
    about.resize(760, 700)
    wait_until(seconds=0.5)
    about.grab().save(str(work / "about.png"))
    with Image.open(work / "about.png") as shot:
        shot.convert("RGB").quantize(256).save(OUT / "6-about-model-card.png", optimize=True)
    print("saved", OUT / "6-about-model-card.png")
    about.close()

    # No. 1 retaken in other light, then scored from a photo file: three captures in the history.
    window.camera_feed.set_source(str(cameras[2]))
    wait_until(lambda: window.camera_panel.camera_message == f"Live: {cameras[2].name}")
    window.select_number("1")
    window.capture()
    wait_until(lambda: not window.busy)
    photo = work / "photo.jpg"
    cv2.imwrite(str(photo), cv2.cvtColor(scenes[3], cv2.COLOR_RGB2BGR))
    window.import_photo(photo)
    wait_until(lambda: not window.busy)
    history = window.contestants.show_history()
    save(history, "7-capture-history")
    history.close()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()

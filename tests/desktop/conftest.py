"""Desktop fixtures: camera folders built from official-test faces (in tmp, never committed)
and a started main window on a temporary data folder."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.conftest import official_test_files

MODEL_TIMEOUT_MS = 60_000
FRAME_SIZE = (480, 640)  # height, width
FACE_SIDE = 300


def scene_with_face(face_rgb: np.ndarray, side: int = FACE_SIDE, background=(120, 130, 140)) -> np.ndarray:
    """A 640x480 frame with the (square) face image, ``side`` pixels wide, centred on a plain background."""
    height, width = FRAME_SIZE
    frame = np.empty((height, width, 3), np.uint8)
    frame[:] = background
    face = cv2.resize(face_rgb, (side, side), interpolation=cv2.INTER_AREA)
    top, left = (height - side) // 2, (width - side) // 2
    frame[top : top + side, left : left + side] = face
    return frame


def write_rgb(path: Path, rgb: np.ndarray) -> Path:
    cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    return path


@pytest.fixture(scope="session")
def test_faces(dataset) -> list[Path]:
    """Four official-test face images of SCUT-FBP5500 (read in place)."""
    return [dataset / "Images" / name for name, _ in official_test_files(dataset, 4, seed=11)]


@pytest.fixture(scope="session")
def camera_folders(tmp_path_factory, test_faces) -> list[Path]:
    """One image-folder 'camera' per test face: the same 640x480 scene, so every frame shows it."""
    from core.images import load_image

    folders = []
    for index, face_path in enumerate(test_faces):
        folder = tmp_path_factory.mktemp(f"camera{index}")
        scene = scene_with_face(load_image(face_path))
        for frame in range(3):
            write_rgb(folder / f"frame{frame}.jpg", scene)
        folders.append(folder)
    return folders


@pytest.fixture
def no_face_folder(tmp_path) -> Path:
    folder = tmp_path / "empty_room"
    folder.mkdir()
    write_rgb(folder / "frame.jpg", np.full((*FRAME_SIZE, 3), 90, np.uint8))
    return folder


@pytest.fixture
def open_window(qtbot):
    """Factory: a shown, started MainWindow on ``data_dir``; closed (workers stopped) at teardown."""
    from desktop import i18n
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    windows = []

    def factory(data_dir: Path, camera: str | None = None, wait_for_model=True, **kwargs):
        i18n.set_language("en")
        window = MainWindow(AppSettings(data_dir), camera_spec=camera, **kwargs)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # keyboard shortcuts go to the active window
        qtbot.waitUntil(window.isActiveWindow)
        if wait_for_model:
            with qtbot.waitSignal(window.modelStateChanged, timeout=MODEL_TIMEOUT_MS):
                window.start()
        else:
            window.start()
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.close()

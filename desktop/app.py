"""Entry point: ``facescore-judge`` / ``python -m desktop``.

The window shows first; the model loads in a worker thread afterwards, so
only Qt and the light parts of ``core`` are imported before it appears.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import sys
from pathlib import Path

AUTOCAPTURE_ENV = "FACESCORE_AUTOCAPTURE"  # test hook: a contestant number to capture once ready
EXIT_WHEN_READY_ENV = "FACESCORE_EXIT_WHEN_READY"  # test hook: print SHOWN/READY times, quit once ready
# Windows: OpenCV's default MSMF backend can take 10-20 s to open a camera unless this is set before
# cv2 is imported (core.camera opens devices with DirectShow; this covers any MSMF fallback).
OPENCV_ENV = {"OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS": "0"}

log = logging.getLogger(__name__)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="facescore-judge",
                                     description="FaceScore Judge: offline, advisory face scores for judges.")
    parser.add_argument("--self-test", action="store_true",
                        help="load the model, verify its checksum, score the bundled sample face, and exit")
    parser.add_argument("--camera", metavar="SOURCE",
                        help="camera index (0, 1, …), video file, or folder of images")
    parser.add_argument("--model", metavar="PATH", type=Path,
                        help="another exported model: its model_card.json, its .tflite with the card beside "
                             "it, or their folder (checked against the card's checksum and framing before use)")
    parser.add_argument("--data-dir", metavar="DIR", type=Path,
                        help="where contests and settings are kept (default: the user's app data folder)")
    return parser.parse_args(argv)


def self_test(model: Path | None = None) -> int:
    """Score resources/sample_face.jpg through the capture pipeline; 0 when everything works."""
    from core.capture import score_burst
    from core.detection import FaceDetector
    from core.errors import FaceScoreError
    from core.images import load_image
    from core.resources import resource_path
    from core.score import percentile_text
    from core.scorer import Scorer

    sample = resource_path("sample_face.jpg")
    try:
        scorer = Scorer(model)
        result = score_burst([load_image(sample)], FaceDetector(), scorer)
    except FaceScoreError as error:
        print(f"facescore-judge self-test FAILED: {error}", file=sys.stderr)
        return 1
    score = result.score
    print(f"facescore-judge self-test OK: {sample.name} {score.formatted()}, "
          f"level {score.level}, percentile {percentile_text(score.percentile)} (model {score.model_version}, "
          "checksum verified)")
    return 0


def default_data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()
    for name, value in OPENCV_ENV.items():  # before anything imports cv2
        os.environ.setdefault(name, value)
    args = parse_args(argv)
    if args.self_test:
        return self_test(args.model)

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from core.logs import log_folder, start_logging
    from core.resources import resource_path
    from desktop import i18n
    from desktop.crash_reports import CrashReporter
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FaceScore Judge")
    app.setOrganizationName("FaceScore")
    app.setWindowIcon(QIcon(str(resource_path("icons", "facescore.png"))))
    app.setDesktopFileName("facescore-judge")  # packaging/linux/facescore-judge.desktop (icon on Wayland)
    data_dir = args.data_dir or default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    start_logging(data_dir)
    reporter = CrashReporter(log_folder(data_dir))
    reporter.install()
    settings = AppSettings(data_dir)
    code = settings.language if settings.language in i18n.LANGUAGES else i18n.system_language()
    i18n.set_language(code)

    window = MainWindow(settings, camera_spec=args.camera, model_card_path=args.model)
    reporter.window = window
    window.show()
    QTimer.singleShot(0, window.start)
    if os.environ.get(AUTOCAPTURE_ENV):
        from desktop.autocapture import AutoCapture

        hook = AutoCapture(window, os.environ[AUTOCAPTURE_ENV])  # noqa: F841 (lives until exit)
    if os.environ.get(EXIT_WHEN_READY_ENV) == "1":
        from desktop.exit_when_ready import ExitWhenReady

        ready_hook = ExitWhenReady(window)  # noqa: F841 (lives until exit)
    exit_code = app.exec()
    log.info("quit (exit code %d)", exit_code)
    return exit_code

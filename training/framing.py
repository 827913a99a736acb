"""``facescore framing``: measure where SCUT-FBP5500 puts its faces.

Prints the median detector keypoints (eyes, nose tip, mouth) as fractions of
the frame, which ``core.geometry.CANONICAL_POINTS`` holds, and the spread of
the quality measures behind the thresholds in ``core.quality``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from tqdm import tqdm

from core.detection import FaceDetector
from core.errors import ImageLoadError
from core.geometry import CANONICAL_POINTS, face_points
from core.images import load_image
from training.crops import build_crops
from training.dataset import LABELS_DIR, read_label_file

log = logging.getLogger(__name__)

QUALITY_COLUMNS = ("eye distance px", "roll deg", "nose offset", "sharpness", "brightness")


def measure_framing(data: Path, cache: Path, limit: int | None = None) -> np.ndarray:
    files = sorted(read_label_file(Path(data) / LABELS_DIR / "All_labels.txt")["file"])[:limit]
    detector = FaceDetector()
    points = []
    for name in tqdm(files, desc="detect", unit="img"):
        try:
            image = load_image(Path(data) / "Images" / name)
        except ImageLoadError:
            continue  # build_crops below reports it
        faces = detector.detect(image)
        if faces:
            height, width = image.shape[:2]
            points.append(face_points(faces[0].keypoints) / (width, height))
    medians = np.median(np.array(points), axis=0)
    log.info("faces found in %d of %d images", len(points), len(files))
    for label, measured, current in zip(("left eye", "right eye", "nose tip", "mouth"), medians, CANONICAL_POINTS):
        log.info(f"{label:10} measured ({measured[0]:.4f}, {measured[1]:.4f})   in core ({current[0]:.4f}, {current[1]:.4f})")

    crops = build_crops(Path(data) / "Images", files, cache)
    measures = crops["measures"][crops["detected"]]
    log.info(f"{'quality measure':18}" + "".join(f"{p:>9}" for p in ("min", "p1", "p50", "p99", "max")))
    for column, name in enumerate(QUALITY_COLUMNS):
        values = np.percentile(measures[:, column], [0, 1, 50, 99, 100])
        log.info(f"{name:18}" + "".join(f"{v:9.2f}" for v in values))
    return medians

"""Run the shared face pipeline over the dataset once and cache the crops; pick a split's crops
and labels out of them."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np
from tqdm import tqdm

from core.detection import FaceDetector
from core.errors import ImageLoadError
from core.faces import CROP_SIZE, PREPROCESSING_VERSION, FaceQualityError, prepare_face
from core.images import load_image

log = logging.getLogger(__name__)


def _cache_path(cache_dir: Path, files: list[str]) -> Path:
    digest = hashlib.sha256(("\n".join(files) + PREPROCESSING_VERSION).encode()).hexdigest()[:12]
    return cache_dir / f"crops-{PREPROCESSING_VERSION}-{CROP_SIZE}-{digest}.npz"


def build_crops(image_dir: Path, files: list[str], cache_dir: Path) -> dict[str, np.ndarray]:
    """Aligned crops (uint8, N x S x S x 3) plus per-image quality measurements.

    An image in which no face is found is resized whole (SCUT-FBP5500 frames
    are already face-centred); ``detected`` records which ones. An image that
    cannot be read (truncated, damaged) is left out, logged, and named in ``skipped``;
    ``files`` lists the images kept, in the order of the crops.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = _cache_path(cache_dir, files)
    if path.is_file():
        with np.load(path) as cached:
            return dict(cached)
    import cv2

    detector = FaceDetector()
    crops = np.empty((len(files), CROP_SIZE, CROP_SIZE, 3), dtype=np.uint8)
    measures = np.zeros((len(files), 5), dtype=np.float32)
    detected = np.ones(len(files), dtype=bool)
    kept, skipped = [], []
    for name in tqdm(files, desc="detect + align", unit="img"):
        try:
            image = load_image(Path(image_dir) / name)
        except ImageLoadError as error:
            log.warning("skipped %s: %s", name, error)
            skipped.append(name)
            continue
        i = len(kept)
        kept.append(name)
        try:
            prepared = prepare_face(image, detector, check_quality=False)
            crops[i] = prepared.crop
            q = prepared.quality
            measures[i] = (q.eye_distance, q.roll_degrees, q.nose_offset, q.sharpness, q.brightness)
        except FaceQualityError:
            detected[i] = False
            crops[i] = cv2.resize(image, (CROP_SIZE, CROP_SIZE), interpolation=cv2.INTER_AREA)
    if skipped:
        log.warning("%d of %d images could not be read and were left out: %s", len(skipped), len(files),
                    ", ".join(skipped))
    count = len(kept)
    result = {"files": np.array(kept, dtype=str), "crops": crops[:count], "measures": measures[:count],
              "detected": detected[:count], "skipped": np.array(skipped, dtype=str)}
    np.savez(path, **result)
    return result


def crops_and_labels(crops: dict[str, np.ndarray], frame) -> tuple[np.ndarray, np.ndarray]:
    """The cached crops of the images in ``frame`` (a split's rows: file, score), in its order, and
    their labels."""
    index = {name: i for i, name in enumerate(crops["files"])}
    rows = [index[name] for name in frame["file"]]
    return crops["crops"][rows], frame["score"].to_numpy(dtype=np.float32)


def readable_parts(parts: dict, crops: dict) -> dict:
    """``parts`` (name -> data frame with a ``file`` column) without the images :func:`build_crops` left out."""
    kept = set(crops["files"])
    return {name: frame[frame["file"].isin(kept)].reset_index(drop=True) for name, frame in parts.items()}
